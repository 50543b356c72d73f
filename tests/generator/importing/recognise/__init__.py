"""Tests of generator/importing/recognise/."""
