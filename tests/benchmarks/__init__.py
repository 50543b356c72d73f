"""Tests about benchmarks/: they import the package, never tests/."""
