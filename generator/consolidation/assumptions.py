"""The dates a user assumes (`show --assume AMENDMENT_ID[:ARTICLE]=YYYY-MM-DD`):
read from the command line, and checked against the amendments they name."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from generator.errors import ConventioError
from generator.model.documents import Amendment
from generator.model.order import Assumptions, effective_date


def read_assumptions(texts: Iterable[str]) -> dict[str, dt.date]:
    """`["conv/a1:2=2023-10-01"]` -> `{"conv/a1:2": date(2023, 10, 1)}` (what
    `--assume` gives), with a plain error for a malformed one."""
    found: dict[str, dt.date] = {}
    for text in texts:
        key, sep, value = text.partition("=")
        try:
            date = dt.date.fromisoformat(value.strip()) if sep and key.strip() else None
        except ValueError:
            date = None
        if date is None:
            raise ConventioError(
                f"--assume {text!r}: write AMENDMENT_ID=YYYY-MM-DD or "
                "AMENDMENT_ID:ARTICLE=YYYY-MM-DD (e.g. conv/a1:2=2023-10-01)"
            )
        found[key.strip()] = date
    return found


def check_assumptions(amendments: list[Amendment], assume: Assumptions) -> None:
    """Every assumption names an amendment (and article) whose date the text
    does not state: an assumption never overrides the text, and never falls
    silently on nothing."""
    by_id = {a.id: a for a in amendments}
    for key in assume:
        amendment_id, _, num = key.partition(":")
        amendment = by_id.get(amendment_id)
        if amendment is None:
            known = ", ".join(sorted(by_id)) or "none"
            raise ConventioError(
                f"--assume {key}: no amendment {amendment_id!r} applies here (amendments: {known})"
            )
        articles = [a for a in amendment.articles if a.operations and (not num or a.num == num)]
        if num and not articles:
            raise ConventioError(
                f"--assume {key}: {amendment_id} has no article {num} that changes the text"
            )
        open_ = [
            a
            for a in articles
            if any(effective_date(amendment, a, op)[0].standing != "stated" for op in a.operations)
        ]
        if not open_:
            what = f"article {num}" if num else "every article"
            raise ConventioError(
                f"--assume {key}: the text of {amendment_id} states the date of {what}; "
                "an assumption cannot replace a date the text states"
            )
