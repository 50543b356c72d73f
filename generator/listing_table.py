"""`conventio list` as a table for people."""

from __future__ import annotations

from typing import Any


def print_table(rows: list[dict[str, Any]]) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(show_lines=False)
    for name in ("id", "kind", "title", "dates", "articles", "annex rows"):
        table.add_column(name, overflow="fold")
    for row in rows:
        dates = ", ".join(f"{k} {v}" for k, v in row["dates"].items())
        title = row["title"] if len(row["title"]) <= 90 else row["title"][:87] + "..."
        table.add_row(
            row["id"], row["kind"], title, dates, str(row["articles"]), str(row["annex_rows"])
        )
    Console().print(table)
