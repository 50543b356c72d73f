"""Comparing two sides provision by provision.

Which provision is which is decided first (`matching`); then the merged tree
is built in the right side's order (`result.DiffNode`s), a provision removed
or moved away shown where it was. A renumbering is never reported as a text
change; a provision whose text the corpus does not hold on one side is
reported as such ("not held"), never as added or removed. Inside a matched
provision the heading, label and text are compared word by word; annex
tables row by row, keyed by pseudocode (order does not count).
"""

from __future__ import annotations

from bisect import bisect_left

from generator.consolidation.tree import Change
from generator.diffing.matching import Matcher
from generator.diffing.result import DiffNode, DiffResult, RowChange
from generator.diffing.sides import Item, Side
from generator.diffing.tokens import Piece, word_diff


def _in_order(indices: list[int]) -> set[int]:
    """Positions (in `indices`) of a longest increasing subsequence."""
    tails: list[int] = []
    tail_at: list[int] = []
    previous = [-1] * len(indices)
    for pos, value in enumerate(indices):
        k = bisect_left(tails, value)
        if k == len(tails):
            tails.append(value)
            tail_at.append(pos)
        else:
            tails[k] = value
            tail_at[k] = pos
        previous[pos] = tail_at[k - 1] if k else -1
    keep: set[int] = set()
    pos = tail_at[-1] if tail_at else -1
    while pos != -1:
        keep.add(pos)
        pos = previous[pos]
    return keep


def rows_diff(left: Item, right: Item) -> tuple[RowChange, ...]:
    """Annex rows keyed by pseudocode, in the right order; removed rows after
    the row that preceded them on the left."""
    lrows, rrows = dict(left.rows), dict(right.rows)
    result: list[RowChange] = []
    for code, description in right.rows:
        if code not in lrows:
            result.append(RowChange(code, "added", None, description, word_diff("", description)))
        else:
            before = lrows[code]
            kind = "equal" if before == description else "modified"
            result.append(
                RowChange(code, kind, before, description, word_diff(before, description))
            )
    previous: str | None = None
    for code, description in left.rows:
        if code in rrows:
            previous = code
            continue
        at = (
            0
            if previous is None
            else next(i + 1 for i, r in enumerate(result) if r.code == previous)
        )
        while at < len(result) and result[at].kind == "removed":
            at += 1
        result.insert(at, RowChange(code, "removed", description, None, word_diff(description, "")))
        previous = code
    return tuple(result)


class _Builder:
    """Pass 2: the merged tree of DiffNodes, in the right side's order."""

    def __init__(self, matcher: Matcher):
        self.m = matcher
        self.nodes: dict[int, DiffNode] = {}

    def counterpart_parent_ok(self, left: Item, right: Item) -> bool:
        if left.parent is None or right.parent is None:
            return left.parent is None and right.parent is None
        return self.m.to_right.get(id(left.parent)) is right.parent

    def build(self, lefts: list[Item], rights: list[Item]) -> list[DiffNode]:
        m = self.m
        right_pos = {id(r): i for i, r in enumerate(rights)}
        # matched siblings out of order are moved
        local = []
        for left in lefts:
            right = m.to_right.get(id(left))
            placed_here = right is not None and id(right) in right_pos
            if placed_here and self.counterpart_parent_ok(left, right):
                local.append(right_pos[id(right)])
        keep = _in_order(local)
        out_of_order = {j for k, j in enumerate(local) if k not in keep}
        slots: list[list[DiffNode]] = [[] for _ in range(len(rights) + 1)]
        placed: list[DiffNode | None] = []
        for j, right in enumerate(rights):
            left = m.to_left.get(id(right))
            if left is None:
                placed.append(self.whole(right, "added"))
            else:
                moved = j in out_of_order or not self.counterpart_parent_ok(left, right)
                placed.append(self.pair(left, right, moved))
        anchor = 0
        for left in lefts:
            right = m.to_right.get(id(left))
            if right is not None and id(right) in right_pos:
                j = right_pos[id(right)]
                if j not in out_of_order and self.counterpart_parent_ok(left, right):
                    anchor = j + 1
                    continue
            if right is None:
                slots[anchor].append(self.whole(left, "removed"))
            else:  # moved away from here
                slots[anchor].append(self.ghost(left, right))
        nodes: list[DiffNode] = list(slots[0])
        for j, node in enumerate(placed):
            assert node is not None
            nodes.append(node)
            nodes.extend(slots[j + 1])
        return nodes

    def _node_for(self, right: Item) -> DiffNode:
        """The node of a matched right item, the same object whoever asks first
        (a ghost points at the moved node before its new parent is built)."""
        node = self.nodes.get(id(right))
        if node is None:
            node = self.nodes[id(right)] = DiffNode(None, right)
        return node

    def ghost(self, left: Item, right: Item) -> DiffNode:
        """Where a moved provision was: its left text, deleted."""
        node = self.whole(left, "removed", inside=True)
        node.kinds, node.inside, node.cause = (), None, None
        node.moved_to = self._node_for(right)
        return node

    def whole(self, item: Item, how: str, inside: bool = False) -> DiffNode:
        empty = ""
        pair = (item.text, empty) if how == "removed" else (empty, item.text)
        node = DiffNode(
            item if how == "removed" else None,
            item if how == "added" else None,
            kinds=(how,),
            inside=how if inside else None,
            label_ops=word_diff(
                *((item.label, empty) if how == "removed" else (empty, item.label))
            ),
            heading_ops=word_diff(
                *((item.heading, empty) if how == "removed" else (empty, item.heading))
            ),
            text_ops=word_diff(*pair),
        )
        if item.rows:
            node.rows = tuple(
                RowChange(
                    code,
                    how,
                    description if how == "removed" else None,
                    description if how == "added" else None,
                    (Piece("delete" if how == "removed" else "insert", description),),
                )
                for code, description in item.rows
            )
        node.cause = self.cause_of_whole(item, how)
        for child in item.children:
            if how == "added" and id(child) in self.m.to_left:  # moved in
                node.children.append(self.pair(self.m.to_left[id(child)], child, True))
            elif how == "removed" and id(child) in self.m.to_right:  # moved out
                node.children.append(self.ghost(child, self.m.to_right[id(child)]))
            else:
                node.children.append(self.whole(child, how, inside=True))
        return node

    def pair(self, left: Item, right: Item, moved: bool) -> DiffNode:
        node = self._node_for(right)
        node.left, node.right = left, right
        kinds: list[str] = []
        if left.declared_only != right.declared_only and not (left.repealed or right.repealed):
            # one side's text is not in the corpus: nothing can be said of what changed
            kinds.append("not held")
        elif left.repealed != right.repealed:
            kinds.append("removed" if right.repealed else "added")
        else:
            if moved:
                kinds.append("moved")
            elif left.numbered and right.numbered and left.num != right.num:
                kinds.append("renumbered")
            own_changed = (
                left.heading != right.heading
                or left.text != right.text
                or left.notes != right.notes
                or left.columns != right.columns
                or (left.num == right.num and left.label != right.label)
            )
            if own_changed:
                kinds.append("modified")
        node.kinds = tuple(kinds)
        node.label_ops = word_diff(left.label, right.label)
        node.heading_ops = word_diff(left.heading, right.heading)
        node.text_ops = word_diff(left.text, right.text)
        if left.rows or right.rows:
            node.rows = rows_diff(left, right)
        if left.notes != right.notes:
            node.notes_ops = tuple(
                word_diff(a, b)
                for a, b in zip(
                    left.notes + ("",) * (len(right.notes) - len(left.notes)),
                    right.notes + ("",) * (len(left.notes) - len(right.notes)),
                    strict=True,
                )
            )
        if node.kinds == ("not held",):
            # what the held side contains is shown, as part of the provision not held
            how = "removed" if right.declared_only else "added"
            node.children = [
                self.whole(c, how, inside=True)
                for c in (left if right.declared_only else right).children
            ]
        else:
            node.children = self.build(left.children, right.children)
        if node.kinds or node.row_changes:
            node.cause = self.cause_of_pair(left, right)
        return node

    def _chain(self, start: Item | None, other: dict[int, Item]) -> Change | None:
        """The nearest change on `start` or its ancestors that its counterpart lacks."""
        item = start
        while item is not None:
            counterpart = other.get(id(item))
            if item.change is not None and (
                counterpart is None or counterpart.change != item.change
            ):
                return item.change
            item = item.parent
        return None

    def cause_of_pair(self, left: Item | None, right: Item | None) -> Change | None:
        """The amendment article that made the difference: the nearest change on
        the right not already on the left (or, comparing backwards, the reverse)."""
        return self._chain(right, self.m.to_left) or self._chain(left, self.m.to_right)

    def cause_of_whole(self, item: Item, how: str) -> Change | None:
        if how == "added":
            return self.cause_of_pair(None, item)
        # removed: a change on the nearest ancestor that still exists on the right
        # (forwards), else a change on the removed provision itself (backwards)
        parent = item.parent
        while parent is not None:
            right = self.m.to_right.get(id(parent))
            if right is not None:
                found = self._chain(right, self.m.to_left)
                if found is not None:
                    return found
                break
            parent = parent.parent
        return self._chain(item, self.m.to_right)


def diff_items(lefts: list[Item], rights: list[Item], force_pair: bool = False) -> list[DiffNode]:
    matcher = Matcher()
    if force_pair and len(lefts) == len(rights) == 1:
        matcher.pair(lefts[0], rights[0])
        matcher.match(lefts[0].children, rights[0].children)
    else:
        matcher.match(lefts, rights)
    matcher.moves()
    return _Builder(matcher).build(lefts, rights)


def diff_sides(left: Side, right: Side) -> DiffResult:
    """Compare two sides (see `generator.diffing.sides.resolve`)."""
    force = bool(left.fragment and right.fragment)
    return DiffResult(left, right, diff_items(left.items, right.items, force_pair=force))


def diff(corpus, left_spec: str, right_spec: str, lang: str = "fr") -> DiffResult:
    """`diff(corpus, "network-provider-2021@2023-08-31", "network-provider-2021@2023-09-01")`."""
    from generator.diffing.sides import resolve

    return diff_sides(resolve(corpus, left_spec, lang), resolve(corpus, right_spec, lang))
