"""What a diff finds: a tree of `DiffNode`s, one per provision of either
side, each saying what happened to it (added, removed, modified, renumbered,
moved, or not held: its text is not in the corpus on one side), with its
words compared and, for an annex, its rows; `DiffResult` holds the tree and
counts what it reports.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from generator.consolidation.tree import Change
from generator.diffing.sides import Item, Side
from generator.diffing.tokens import Piece

KINDS = ("added", "removed", "modified", "renumbered", "moved", "not held")


@dataclass(frozen=True)
class RowChange:
    """One row of an annex table: kind is "equal", "added", "removed" or "modified"."""

    code: str
    kind: str
    left: str | None
    right: str | None
    ops: tuple[Piece, ...]


@dataclass(eq=False)
class DiffNode:
    left: Item | None
    right: Item | None
    #: what happened to this provision itself: () when nothing
    kinds: tuple[str, ...] = ()
    label_ops: tuple[Piece, ...] = ()
    heading_ops: tuple[Piece, ...] = ()
    text_ops: tuple[Piece, ...] = ()
    rows: tuple[RowChange, ...] = ()
    notes_ops: tuple[tuple[Piece, ...], ...] = ()
    children: list[DiffNode] = field(default_factory=list)
    cause: Change | None = None
    #: inside an added or removed provision: "added" | "removed" (not reported on its own)
    inside: str | None = None
    #: the place a moved provision left: shown as deleted there, reported at its new place
    moved_to: DiffNode | None = None

    @property
    def item(self) -> Item:
        item = self.right if self.right is not None else self.left
        assert item is not None
        return item

    @property
    def kind(self) -> str:
        return self.item.kind

    @property
    def eid(self) -> str:
        return self.item.eid

    @property
    def address(self) -> str:
        return self.item.human

    @property
    def ghost(self) -> bool:
        return self.moved_to is not None

    @property
    def was(self) -> str | None:
        """The former address of a renumbered or moved provision."""
        if self.left is not None and self.right is not None and self.left.eid != self.right.eid:
            return self.left.human
        return None

    @property
    def not_held_on(self) -> str | None:
        """ "left" or "right": the side whose text the corpus does not hold."""
        if self.kinds[:1] != ("not held",):
            return None
        return "right" if self.right is not None and self.right.declared_only else "left"

    def note_pieces(self) -> tuple[tuple[Piece, ...], ...]:
        """The notes under the provision (an annex's notes and abbreviations, a
        provision's footnotes), compared, or whole on the side that has them."""
        if self.notes_ops:
            return self.notes_ops
        whole = self.inside or (
            self.kinds[0] if self.kinds[:1] in (("added",), ("removed",)) else None
        )
        op = {"added": "insert", "removed": "delete"}.get(whole or "", "equal")
        return tuple((Piece(op, note),) for note in self.item.notes)

    @property
    def row_changes(self) -> list[RowChange]:
        return [r for r in self.rows if r.kind != "equal"]

    @property
    def reported(self) -> bool:
        return bool(self.kinds) and self.inside is None and not self.ghost

    @property
    def changed(self) -> bool:
        """Anything changed here or below (a ghost counts: its move is reported elsewhere)."""
        return bool(self.kinds or self.row_changes) or any(c.changed for c in self.children)

    def walk(self):
        yield self
        for child in self.children:
            yield from child.walk()


@dataclass
class DiffResult:
    left: Side
    right: Side
    nodes: list[DiffNode]

    def walk(self):
        for node in self.nodes:
            yield from node.walk()

    def changes(self) -> list[DiffNode]:
        """Every provision reported as changed (its rows aside), in document order."""
        return [n for n in self.walk() if n.reported or (n.row_changes and n.inside is None)]

    def counts(self) -> dict[str, int]:
        counter: Counter[str] = Counter()
        for node in self.walk():
            if node.reported:
                counter.update(node.kinds)
            if node.inside is None and not node.ghost and node.not_held_on is None:
                counter.update(f"rows {r.kind}" for r in node.row_changes)
        order = [*KINDS, "rows added", "rows removed", "rows modified"]
        return {k: counter[k] for k in order}

    @property
    def lang(self) -> str:
        """The language of the texts compared, and of the diff's words."""
        return self.left.lang

    @property
    def identical(self) -> bool:
        return not any(n.changed for n in self.nodes)
