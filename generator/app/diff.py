"""What `diff` gives: the comparison of two texts in each output format."""

from __future__ import annotations

import datetime as dt

from generator.corpus.loader import Corpus


def diff_text(
    corpus: Corpus, left: str, right: str, fmt: str, lang: str, colour: bool = False
) -> str:
    """The comparison as text, JSON or HTML (`colour`: terminal colours, for text)."""
    from generator.diffing.engine import diff

    result = diff(corpus, left, right, lang)
    if fmt == "json":
        from generator.diffing.render import to_json

        return to_json(result)
    if fmt == "html":
        from generator.diffing.html import to_html

        return to_html(result)
    from generator.diffing.render import to_text

    return to_text(result, colour=colour)


def redline_bytes(corpus: Corpus, left: str, right: str, lang: str, author: str) -> bytes:
    """The comparison as a Word document with tracked changes by `author`, made now."""
    from generator.diffing.adapter import to_redline
    from generator.diffing.engine import diff
    from generator.diffing.redline import write_redline

    result = diff(corpus, left, right, lang)
    return write_redline(to_redline(result), author, dt.datetime.now(dt.UTC))
