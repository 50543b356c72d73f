"""Tests of signatures/."""
