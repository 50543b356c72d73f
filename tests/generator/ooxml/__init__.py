"""Tests of generator/ooxml/."""
