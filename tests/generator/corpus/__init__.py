"""Tests of generator/corpus/."""
