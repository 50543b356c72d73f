"""The working tree of a convention: nodes with addresses, built from the
corpus provisions, that the engine edits while replaying amendments."""

from __future__ import annotations

from dataclasses import dataclass, field

from generator.model import addresses
from generator.model.annexes import Annex
from generator.model.dates import InForce
from generator.model.documents import Amendment, Convention
from generator.model.provisions import Provision


@dataclass(frozen=True)
class Change:
    """One amendment article's operation, as it touched a provision."""

    amendment: str
    article: str
    action: str  # insert | replace | repeal
    in_force: object  # datetime.date
    eid: str
    #: the date's standing: stated by the text, assumed (why, who)
    standing: InForce | None = None
    #: the amendment itself and the convention it amends, to name them in words
    #: (generator/rendering/citations.py); None where a change is built by hand
    source: Amendment | None = field(default=None, compare=False, repr=False)
    amended: Convention | None = field(default=None, compare=False, repr=False)


@dataclass(eq=False)  # identity, not field-by-field: list.index() must not compare subtrees
class Node:
    eid: str
    kind: str  # article, paragraph, point, indent, alinea, annex
    num: str | None
    human: str
    provision: Provision | None = None
    annex: Annex | None = None
    children: list[Node] = field(default_factory=list)
    parent: Node | None = field(default=None, repr=False)
    change: Change | None = None
    repealed: bool = False

    @property
    def declared_only(self) -> bool:
        item = self.provision or self.annex
        return bool(item and item.declared_only)

    def walk(self):
        yield self
        for child in self.children:
            yield from child.walk()


def build_provision(
    provision: Provision, parent: Node | None, position: int, lang: str = "fr"
) -> Node:
    step = addresses.component(provision.kind, provision.num, position)
    eid = addresses.join(parent.eid if parent else None, step)
    human_step = addresses.human_step(provision.kind, provision.num, position, lang)
    human = addresses.human_address([parent.human, human_step] if parent else [human_step])
    node = Node(eid, provision.kind, provision.num, human, provision=provision, parent=parent)
    counts: dict[str, int] = {}
    for child in provision.children:
        counts[child.kind] = counts.get(child.kind, 0) + 1
        node.children.append(build_provision(child, node, counts[child.kind], lang))
    return node


def build_annex(annex: Annex, lang: str = "fr") -> Node:
    human = addresses.human_step("annex", annex.num, 0, lang)
    return Node(addresses.component("annex", annex.num, 0), "annex", annex.num, human, annex=annex)


def position_among_kind(siblings: list[Node], kind: str, before: int) -> int:
    """The 1-based rank a new `kind` node gets when inserted at index `before`."""
    return 1 + sum(1 for s in siblings[:before] if s.kind == kind)
