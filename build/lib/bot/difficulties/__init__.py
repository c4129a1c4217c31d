"""애로사항: difficulties members share before a 정례회, their digest and the gentle nudge."""
