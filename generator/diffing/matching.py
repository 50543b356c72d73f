"""Which provision of the left side is which of the right side.

Provisions are matched by identity first (their address step among the same
parent's children), then by content: an unmatched removed provision and an
unmatched added one of the same kind whose content is identical or nearly so
(similarity >= `SAME`) are the same provision, renumbered (same parent, same
place among the matched siblings) or moved (another parent, or out of order).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from generator.diffing.sides import Item
from generator.diffing.tokens import similarity

#: content this similar (0..1) is "the same provision" when numbers differ
SAME = 0.9
#: unnumbered provisions (alinéas, dashes) this similar at the same place are one, modified
ALIKE = 0.5


class Matcher:
    """Pass 1: which left item is which right item."""

    def __init__(self) -> None:
        self.to_right: dict[int, Item] = {}
        self.to_left: dict[int, Item] = {}
        self.removed: list[Item] = []
        self.added: list[Item] = []

    def pair(self, left: Item, right: Item) -> None:
        self.to_right[id(left)] = right
        self.to_left[id(right)] = left

    def match(self, lefts: list[Item], rights: list[Item]) -> None:
        pairs = pair_siblings(lefts, rights)
        paired_l = {id(a) for a, _ in pairs}
        paired_r = {id(r) for _, r in pairs}
        for left, right in pairs:
            self.pair(left, right)
            self.match(left.children, right.children)
        self.removed += [a for a in lefts if id(a) not in paired_l]
        self.added += [r for r in rights if id(r) not in paired_r]

    def moves(self) -> None:
        """Pair near-identical removed and added provisions found anywhere."""
        while self.removed and self.added:
            by_kind: dict[str, list[Item]] = {}
            for right in self.added:
                by_kind.setdefault(right.kind, []).append(right)
            found = []
            for left in self.removed:
                for right in by_kind.get(left.kind, ()):
                    score = similarity(left.content, right.content, SAME)
                    if score >= SAME:
                        found.append((-score, len(found), left, right))
            found.sort(key=lambda x: x[:2])
            used: set[int] = set()
            moved = []
            for _, _, left, right in found:
                if id(left) in used or id(right) in used:
                    continue
                used.update((id(left), id(right)))
                moved.append((left, right))
            if not moved:
                return
            self.removed = [i for i in self.removed if id(i) not in used]
            self.added = [i for i in self.added if id(i) not in used]
            for left, right in moved:
                self.pair(left, right)
                self.match(left.children, right.children)


def pair_siblings(lefts: list[Item], rights: list[Item]) -> list[tuple[Item, Item]]:
    """Identity first, then content; see the module's docstring."""
    siblings = _Siblings(list(lefts), list(rights))
    by_key = {r.key: r for r in rights}
    keyed = [(a, by_key.get(a.key)) for a in lefts]
    keyed = [(a, b) for a, b in keyed if b is not None and b.kind == a.kind]
    # 1. same address, same content; 2. same address, nearly the same content
    for left, right in keyed:
        if left.content == right.content:
            siblings.take(left, right)
    for left, right in keyed:
        if siblings.free(left, right) and similarity(left.content, right.content, SAME) >= SAME:
            siblings.take(left, right)
    # 3. same content elsewhere among the siblings: renumbered (or moved within)
    siblings.same_content()
    # 4. nearly the same content elsewhere
    siblings.nearly_same_content()
    # 5. the same number: the same provision, however rewritten (identity first)
    for left, right in keyed:
        if siblings.free(left, right) and left.numbered:
            siblings.take(left, right)
    # 6. unnumbered provisions in order, when alike enough
    siblings.unnumbered_in_order()
    return siblings.pairs


@dataclass
class _Siblings:
    """The children of one parent on each side, paired step by step."""

    free_l: list[Item]
    free_r: list[Item]
    pairs: list[tuple[Item, Item]] = field(default_factory=list)

    def take(self, left: Item, right: Item) -> None:
        self.pairs.append((left, right))
        self.free_l.remove(left)
        self.free_r.remove(right)

    def free(self, left: Item, right: Item) -> bool:
        return left in self.free_l and right in self.free_r

    def same_content(self) -> None:
        by_content: dict[tuple[str, str], list[Item]] = {}
        for right in self.free_r:
            by_content.setdefault((right.kind, right.content), []).append(right)
        for left in list(self.free_l):
            candidates = by_content.get((left.kind, left.content))
            if candidates:
                self.take(left, candidates.pop(0))

    def nearly_same_content(self) -> None:
        if not (self.free_l and self.free_r and len(self.free_l) * len(self.free_r) <= 10_000):
            return
        scored = []
        for i, left in enumerate(self.free_l):
            for j, right in enumerate(self.free_r):
                if left.kind == right.kind:
                    score = similarity(left.content, right.content, SAME)
                    if score >= SAME:
                        scored.append((-score, i, j, left, right))
        scored.sort(key=lambda x: x[:3])
        for _, _, _, left, right in scored:
            if self.free(left, right):
                self.take(left, right)

    def unnumbered_in_order(self) -> None:
        start = 0
        for left in [a for a in self.free_l if not a.numbered]:
            for j in range(start, len(self.free_r)):
                right = self.free_r[j]
                alike = right.kind == left.kind and not right.numbered
                if alike and similarity(left.content, right.content, ALIKE) >= ALIKE:
                    self.take(left, right)
                    start = j
                    break
