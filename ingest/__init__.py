"""Document ingestion: load files, split them into Korean-aware chunks, store them."""
