"""Tests of generator/importing/."""
