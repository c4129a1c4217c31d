"""Retrieval and answer building over the federation's documents (no platform code here)."""

# What the edge (handlers/) may import from here: see docs/architecture.md.
__all__ = [
    "live",
    "masking",
    "settings",
    "store",
]
