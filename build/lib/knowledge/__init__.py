"""Retrieval and answer building over the federation's documents (no platform code here)."""
