"""애로사항: difficulties members share before a 정례회, their digest and the gentle nudge."""

# What the edge (handlers/) may import from here: see docs/architecture.md.
__all__ = [
    "digest",
]
