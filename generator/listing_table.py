"""`conventio list` laid out for people: one block of two lines per document."""

from __future__ import annotations

from typing import Any

TITLE_WIDTH = 110


def format_rows(rows: list[dict[str, Any]]) -> str:
    width = max((len(row["id"]) for row in rows), default=0)
    kind_width = max((len(row["kind"]) for row in rows), default=0)
    lines = []
    for row in rows:
        dates = ", ".join(f"{k.replace('_', ' ')} {v}" for k, v in row["dates"].items())
        counts = f"{row['articles']} art., {row['annex_rows']} rows"
        lines.append(f"{row['id']:<{width}}  {row['kind']:<{kind_width}}  {counts:<18}  {dates}")
        title = row["title"]
        if len(title) > TITLE_WIDTH:
            title = title[: TITLE_WIDTH - 1] + "…"
        lines.append(f"{'':<{width}}  {title}")
    return "\n".join(lines) + "\n"
