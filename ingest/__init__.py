"""Document ingestion: load files, split them into Korean-aware chunks, store them.

``ingest.pipeline.ingest_paths`` is the entry point for code; ``gyoryu ingest`` / ``gyoryu
sources`` (``handlers.cli_ingest``) wrap it; ``ingest.sample`` seeds an empty store with the demo
corpus.
"""

# What the edge (handlers/) may import from here: see docs/architecture.md.
__all__ = [
    "kinds",
    "pipeline",
    "sample",
    "texts",
]
