"""One module per schema revision; the channels tables build on ``0001_federation``."""
