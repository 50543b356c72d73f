"""Tests of generator/."""
