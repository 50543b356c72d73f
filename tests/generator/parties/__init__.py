"""Tests of generator/parties/."""
