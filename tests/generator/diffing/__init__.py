"""Tests of generator/diffing/."""
