"""Tests of generator/generation/."""
