"""Tests of signatures/pdfcheck/."""
