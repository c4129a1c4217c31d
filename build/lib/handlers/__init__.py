"""The edge: command line, console and chat-platform adapters, and the composition root."""
