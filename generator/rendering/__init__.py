"""Turning consolidated texts and amendments into text, Markdown, HTML and JSON."""
