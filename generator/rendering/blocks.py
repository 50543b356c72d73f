"""A document as a flat list of typed blocks (title, heading, paragraph,
note, table) that every output format lays out in its own way.

Texts stay raw here: `[^1]` footnote marks and `{slot|placeholder}` slots
are resolved by `fill`, and each format decides how to show a footnote."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Block:
    kind: str  # title, subtitle, heading, paragraph, note, table, footnote, separator
    text: str = ""
    level: int = 0
    label: str = ""
    eid: str = ""
    columns: tuple[str, ...] = ()
    rows: tuple[tuple[str, ...], ...] = ()
    #: part of a provision an amendment quotes ("« Article 14/1 ... »"), not
    #: the amendment's own text: every format sets it apart
    quoted: bool = False


@dataclass
class BlockWriter:
    """Collects blocks; `fill` turns slots into text (the placeholder, or party data)."""

    fill: Callable[[str], str]
    blocks: list[Block] = field(default_factory=list)

    def add(self, kind: str, text: str = "", **kwargs) -> None:
        self.blocks.append(Block(kind, self.fill(text) if text else "", **kwargs))

    def table(self, columns: list[str], rows: list[tuple[str, ...]], eid: str = "") -> None:
        self.blocks.append(
            Block("table", eid=eid, columns=tuple(columns), rows=tuple(tuple(r) for r in rows))
        )
