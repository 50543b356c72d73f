"""Replaying amendment operations on a convention: the text in force at a date.

The base text is turned into a tree of nodes indexed by address; each
operation is then applied in entry-into-force order.  Every operation costs a
dictionary look-up plus a list edit among its siblings, so replay grows
linearly with the number of amendments.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace

from generator.consolidation.assumptions import check_assumptions
from generator.consolidation.tree import (
    Change,
    Node,
    build_annex,
    build_provision,
    position_among_kind,
)
from generator.model import addresses
from generator.model.documents import Amendment, Convention
from generator.model.order import Assumptions, ScheduledOperation, schedule
from generator.model.provisions import ALLOWED_CHILDREN

ROOT_CHILDREN = {"articles": ("article",), "annexes": ("annex",)}


@dataclass(frozen=True)
class ReplayProblem:
    amendment: str
    loc: tuple[str | int, ...]
    message: str


@dataclass
class Consolidation:
    convention: Convention
    at: dt.date | None
    articles: Node
    annexes: Node
    index: dict[str, Node]
    applied: list[ScheduledOperation] = field(default_factory=list)
    pending: list[ScheduledOperation] = field(default_factory=list)
    problems: list[ReplayProblem] = field(default_factory=list)
    #: operations not replayed because nobody knows from when they apply (the
    #: reason is their `in_force.reason`): the text shown may lack them
    left_out: list[ScheduledOperation] = field(default_factory=list)

    @property
    def in_force(self) -> bool:
        dates = self.convention.dates
        if self.at is None:
            return True
        return not (dates.start and self.at < dates.start) and not (
            dates.end and self.at > dates.end
        )

    def find(self, eid: str) -> Node | None:
        return self.index.get(eid)


def _root(kind: str) -> Node:
    return Node(kind, "root", None, "")


def base_tree(convention: Convention, lang: str = "fr") -> tuple[Node, Node, dict[str, Node]]:
    articles, annexes = _root("articles"), _root("annexes")
    for position, provision in enumerate(convention.articles, start=1):
        node = build_provision(provision, None, position, lang)
        node.parent = articles
        articles.children.append(node)
    for annex in convention.annexes:
        node = build_annex(annex, lang)
        node.parent = annexes
        annexes.children.append(node)
    index: dict[str, Node] = {}
    for root in (articles, annexes):
        for child in root.children:
            _index(child, index)
    return articles, annexes, index


def _index(node: Node, index: dict[str, Node]) -> None:
    for item in node.walk():
        index[item.eid] = item


def _unindex(node: Node, index: dict[str, Node]) -> None:
    for item in node.walk():
        if index.get(item.eid) is item:
            del index[item.eid]


def _rebase(node: Node, parent: Node) -> None:
    """Give a node built at the top level its real parent's address."""
    node.parent = parent
    if parent.kind == "root":
        return
    prefix = parent.eid + addresses.SEPARATOR
    for item in node.walk():
        item.eid = prefix + item.eid
        item.human = f"{parent.human}, {item.human}"


class Replayer:
    """Applies scheduled operations to one convention's tree."""

    def __init__(self, convention: Convention, lang: str = "fr"):
        self.convention = convention
        self.lang = lang
        self.articles, self.annexes, self.index = base_tree(convention, lang)
        self.problems: list[ReplayProblem] = []
        self._touched: dict[tuple[str, dt.date], ScheduledOperation] = {}

    def fail(self, item: ScheduledOperation, field_name: str, message: str) -> None:
        self.problems.append(ReplayProblem(item.amendment.id, (*item.loc, field_name), message))

    def _new_node(self, item: ScheduledOperation, parent: Node, before: int) -> Node | None:
        op = item.op
        if op.annex is not None:
            annex = next((a for a in item.amendment.annexes if a.num == op.annex), None)
            if annex is None:
                nums = ", ".join(a.num for a in item.amendment.annexes) or "none"
                self.fail(
                    item, "annex", f"this amendment has no annex {op.annex!r} (it has: {nums})"
                )
                return None
            node = build_annex(annex, self.lang)
            node.parent = parent
            allowed = ROOT_CHILDREN.get(parent.eid, ()) if parent.kind == "root" else ()
            if "annex" not in allowed:
                self.fail(
                    item, "annex", "an annex can only take the place of, or stand beside, an annex"
                )
                return None
            return node
        provision = op.provision
        assert provision is not None
        if parent.kind == "root":
            allowed = ROOT_CHILDREN.get(parent.eid, ())
        else:
            allowed = ALLOWED_CHILDREN.get(parent.kind, ())
        if provision.kind not in allowed:
            where = "the convention" if parent.kind == "root" else parent.human
            self.fail(item, "provision", f"a {provision.kind} cannot be placed in {where}")
            return None
        # only unnumbered provisions (alinéas, dashes) are addressed by their rank
        numbered = provision.num and provision.kind not in ("alinea", "indent")
        position = 0 if numbered else position_among_kind(parent.children, provision.kind, before)
        node = build_provision(provision, None, position, self.lang)
        _rebase(node, parent)
        return node

    def _touch(self, item: ScheduledOperation, eid: str, field_name: str) -> bool:
        key = (eid, item.date)
        other = self._touched.get(key)
        if other is not None and other is not item:
            self.fail(
                item,
                field_name,
                f"{addresses.humanise_eid(eid, self.lang)} is already changed on {item.date} "
                f"by {other.label}: two operations on one provision with the same date",
            )
            return False
        self._touched[key] = item
        return True

    def _lookup(self, item: ScheduledOperation, field_name: str, eid: str) -> Node | None:
        if field_name == "into" and eid in ("articles", "annexes"):
            return self.articles if eid == "articles" else self.annexes
        node = self.index.get(eid)
        if node is None or node.repealed:
            state = "has been repealed" if node is not None else "does not exist"
            self.fail(
                item,
                field_name,
                f"{eid} ({addresses.humanise_eid(eid, self.lang)}) {state} in "
                f"{self.convention.id} on {item.date}, when this operation applies",
            )
            return None
        return node

    def apply(self, item: ScheduledOperation) -> None:
        op = item.op
        change = Change(
            item.amendment.id,
            item.article.num,
            op.action,
            item.date,
            "",
            item.in_force,
            source=item.amendment,
            amended=self.convention,
        )
        if op.action == "insert":
            self._insert(item, change)
        elif op.action == "replace":
            self._replace(item, change)
        else:
            self._repeal(item, change)

    def _insert(self, item: ScheduledOperation, change: Change) -> None:
        op = item.op
        field_name = "after" if op.after else "before" if op.before else "into"
        anchor = self._lookup(item, field_name, getattr(op, field_name))
        if anchor is None:
            return
        if field_name == "into":
            parent, at = anchor, len(anchor.children)
        else:
            parent = anchor.parent
            assert parent is not None
            at = parent.children.index(anchor) + (1 if field_name == "after" else 0)
        node = self._new_node(item, parent, at)
        if node is None:
            return
        existing = self.index.get(node.eid)
        if existing is not None and not existing.repealed:
            self.fail(
                item,
                "provision" if op.provision else "annex",
                f"{node.human} already exists in {self.convention.id} on {item.date}: "
                "an insert must add a new number (use 'replace' to change it)",
            )
            return
        if not self._touch(item, node.eid, field_name):
            return
        if existing is not None:  # a repealed number given a new text
            existing.parent.children.remove(existing)  # type: ignore[union-attr]
            _unindex(existing, self.index)
            at = min(at, len(parent.children))
        node.change = _with_eid(change, node.eid)
        parent.children.insert(at, node)
        _index(node, self.index)

    def _replace(self, item: ScheduledOperation, change: Change) -> None:
        op = item.op
        if not self._touch(item, op.target or "", "target"):
            return
        target = self._lookup(item, "target", op.target or "")
        if target is None:
            return
        parent = target.parent
        assert parent is not None
        at = parent.children.index(target)
        siblings = parent.children[:at]
        node = self._new_node(item, parent, len(siblings))
        if node is None:
            return
        if node.eid != target.eid:
            self.fail(
                item,
                "provision" if op.provision else "annex",
                f"the new text is {node.human}, but the target is {target.human}: "
                "a replacement keeps the number (insert and repeal to renumber)",
            )
            return
        _unindex(target, self.index)
        node.change = _with_eid(change, node.eid)
        parent.children[at] = node
        _index(node, self.index)

    def _repeal(self, item: ScheduledOperation, change: Change) -> None:
        if not self._touch(item, item.op.target or "", "target"):
            return
        target = self._lookup(item, "target", item.op.target or "")
        if target is None:
            return
        for child in target.children:
            _unindex(child, self.index)
        target.children = []
        target.repealed = True
        target.change = _with_eid(change, target.eid)


def _with_eid(change: Change, eid: str) -> Change:
    return replace(change, eid=eid)


def consolidate(
    convention: Convention,
    amendments: list[Amendment],
    at: dt.date | None,
    lang: str = "fr",
    assume: Assumptions | None = None,
) -> Consolidation:
    """The convention as in force on `at` (None: with every amendment applied).

    An operation whose date is unknown is not replayed: it is listed in
    `left_out`, unless `assume` gives it a date ("AMENDMENT_ID[:ARTICLE]")."""
    check_assumptions(amendments, assume or {})
    replayer = Replayer(convention, lang)
    applied: list[ScheduledOperation] = []
    pending: list[ScheduledOperation] = []
    left_out: list[ScheduledOperation] = []
    for item in schedule(amendments, assume):
        if item.date is None:
            left_out.append(item)
            continue
        if at is not None and item.date > at:
            pending.append(item)
            continue
        replayer.apply(item)
        applied.append(item)
    return Consolidation(
        convention,
        at,
        replayer.articles,
        replayer.annexes,
        replayer.index,
        applied,
        pending,
        replayer.problems,
        left_out,
    )
