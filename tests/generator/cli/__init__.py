"""Tests of generator/cli/."""
