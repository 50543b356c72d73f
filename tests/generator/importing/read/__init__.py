"""Tests of generator/importing/read/."""
