"""Tests of generator/app/."""
