"""Diff engine: compare conventions, amendments and provisions."""
