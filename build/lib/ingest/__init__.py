"""Document ingestion: load files, split them into Korean-aware chunks, store them.

``ingest.pipeline.ingest_paths`` is the entry point for code; ``gyoryu ingest`` / ``gyoryu
sources`` (``ingest.cli``) wrap it; ``ingest.sample`` seeds an empty store with the demo corpus.
"""
