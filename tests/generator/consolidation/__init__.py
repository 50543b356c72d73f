"""Tests of generator/consolidation/."""
