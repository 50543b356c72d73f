"""Tests of generator/pdf/."""
