"""What the importer is unsure of, where, and what it set aside.

Each doubt is listed in the report and written as a comment above the part
of the draft it concerns, so the reviewer meets it where it matters."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Doubt:
    #: where in the input: "page 3", "paragraph 12"
    where: str
    what: str


@dataclass
class Journal:
    doubts: list[Doubt] = field(default_factory=list)
    #: comments to write above a mapping of the draft, by the mapping's id()
    comments: dict[int, list[str]] = field(default_factory=dict)
    #: marker text the structure replaced ("Article", "§", "«"), for the word count
    consumed: list[str] = field(default_factory=list)
    _anchors: list[Any] = field(default_factory=list)

    def doubt(self, where: str, what: str, on: dict | None = None) -> None:
        self.doubts.append(Doubt(where, what))
        if on is not None:
            self.comment(on, f"CHECK ({where}): {what}")

    def comment(self, on: dict, text: str) -> None:
        self.comments.setdefault(id(on), []).append(text)
        self._anchors.append(on)  # keep it alive: ids are only unique among live objects

    def move_comments(self, old: dict, new: dict) -> None:
        """`new` replaces `old` in the draft: its comments go with it, first."""
        moved = self.comments.pop(id(old), [])
        if moved:
            self.comments[id(new)] = moved + self.comments.get(id(new), [])
            self._anchors.append(new)

    def stray(self, where: str, text: str, on: dict, why: str) -> None:
        """A paragraph the importer could not place: kept word for word as a
        comment where it was found, and listed as a doubt."""
        self.doubts.append(Doubt(where, f"{why}: « {shorten(text)} »"))
        self.comment(on, f"NOT PLACED ({where}, {why}): {text}")

    def consume(self, text: str) -> None:
        self.consumed.append(text)


def shorten(text: str, width: int = 70) -> str:
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"
