"""Tests of signatures/log/."""
