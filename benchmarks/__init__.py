"""Benchmarks of the consolidation engine: `python -m benchmarks.run`."""
