"""Tests of signatures/cli/."""
