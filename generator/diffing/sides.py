"""What each side of a diff is: a convention at a date, an amendment's quoted
provisions and annexes, or one provision of either, as a tree of `Item`s."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from generator.consolidation.tree import Change, Node, build_annex, build_provision
from generator.diffing.words import label as label_words
from generator.errors import ConventioError
from generator.model import addresses
from generator.model.annexes import Annex
from generator.model.documents import Amendment, Convention
from generator.rendering.citations import amendment_name, as_title, convention_name
from generator.rendering.date_notes import side_warnings
from generator.rendering.language import TextPicker, blank_slots, format_date, plain_footnotes
from generator.rendering.provisions import NOT_IN_CORPUS, label_of


@dataclass(eq=False)
class Item:
    """One provision or annex of a side, with the texts the diff compares."""

    key: str  # identity among its siblings: the address step (or the full eid at the top)
    eid: str
    kind: str
    num: str | None
    label: str
    human: str
    heading: str = ""
    text: str = ""
    children: list[Item] = field(default_factory=list)
    change: Change | None = None
    repealed: bool = False
    declared_only: bool = False
    #: annexes: (pseudocode, description) rows, column titles, notes
    rows: tuple[tuple[str, str], ...] = ()
    columns: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()
    parent: Item | None = field(default=None, repr=False)
    _content: str | None = field(default=None, repr=False)

    @property
    def numbered(self) -> bool:
        return self.kind not in ("alinea", "indent") and bool(self.num)

    @property
    def content(self) -> str:
        """Everything the provision says, its own number aside: what a
        renumbered or moved provision keeps."""
        if self._content is None:
            # a placeholder (« [texte non repris dans le corpus] ») says nothing of the text
            parts = [self.heading, "" if self.declared_only else self.text]
            if self.repealed:
                parts.append("[abrogé]")
            parts.extend(f"{code} {description}" for code, description in self.rows)
            parts.extend(self.notes)
            for child in self.children:
                parts.append(f"{child.label} {child.content}")
            self._content = "\n".join(p for p in parts if p)
        return self._content

    def walk(self):
        yield self
        for child in self.children:
            yield from child.walk()


@dataclass
class Side:
    spec: str
    #: "Convention du 26 juillet 2021 (inami-network-2021), texte en vigueur au 24 septembre 2023"
    label: str
    kind: str  # "convention" | "amendment"
    document_id: str
    at: dt.date | None
    items: list[Item]
    fragment: str | None = None
    title: str = ""
    #: the language its texts and the diff's words are in
    lang: str = "fr"
    #: what the reader must know about this side (in the diff's language)
    warnings: list[str] = field(default_factory=list)


_SPEC_RE = re.compile(r"^(?P<id>[^@#]+)(?:@(?P<at>[^#]*))?(?:#(?P<frag>.+))?$")


def parse_spec(spec: str) -> tuple[str, dt.date | None, str | None]:
    """`ID@2023-09-01#art_17` -> ("ID", date(2023, 9, 1), "art_17")."""
    match = _SPEC_RE.match(spec.strip())
    if not match:
        raise ConventioError(
            f"cannot read {spec!r}: use ID@YYYY-MM-DD, ID (an amendment), or either with #address"
        )
    at = None
    if match.group("at") is not None:
        try:
            at = dt.date.fromisoformat(match.group("at"))
        except ValueError:
            raise ConventioError(
                f"{spec!r}: {match.group('at')!r} is not a date (YYYY-MM-DD)"
            ) from None
    return match.group("id").strip(), at, match.group("frag")


class _Pick:
    """A side's texts in its language, as the blank model prints them."""

    def __init__(self, picker: TextPicker):
        self.picker = picker
        self.lang = picker.lang

    def __call__(self, text, where: str) -> str:
        return blank_slots(self.picker(text, where)) if text is not None else ""


def item_from_node(node: Node, pick, parent: Item | None, key: str | None = None) -> Item:
    """An Item from a consolidation node (or a node built for an amendment)."""
    item = Item(
        key=key or node.eid.rsplit(addresses.SEPARATOR, 1)[-1],
        eid=node.eid,
        kind=node.kind,
        num=node.num,
        label="",
        human=node.human,
        change=node.change,
        repealed=node.repealed,
        declared_only=node.declared_only,
        parent=parent,
    )
    if node.annex is not None:
        _fill_annex(item, node.annex, pick)
    elif node.provision is not None:
        provision = node.provision
        item.label = label_of(provision, pick.lang)
        if provision.heading is not None:
            item.heading = pick(provision.heading, f"{node.human} (heading)")
        if provision.text is not None and not node.repealed:
            item.text = plain_footnotes(pick(provision.text, node.human))
        # footnotes as the notes under the provision: « ¹ Voir l'article 3. »
        item.notes = tuple(
            f"{plain_footnotes(f'[^{f.mark}]')} {pick(f.text, f'{node.human}, note {f.mark}')}"
            for f in provision.footnotes
        )
    if node.declared_only:
        # the placeholder show prints, so that each side reads as the text does
        item.text = NOT_IN_CORPUS[pick.lang]
    for child in node.children:
        item.children.append(item_from_node(child, pick, item))
    return item


def _fill_annex(item: Item, annex: Annex, pick) -> None:
    where = item.human
    item.label = f"Annexe {annex.num}"
    item.heading = pick(annex.heading, where) if annex.heading else ""
    item.columns = tuple(pick(c, f"{where}, column") for c in annex.columns) or (
        "pseudocode",
        "description",
    )
    item.rows = tuple((r.code, pick(r.description, f"{where}, {r.code}")) for r in annex.rows)
    item.notes = tuple(pick(n, f"{where}, note") for n in annex.notes) + tuple(
        f"{a.abbr} : {pick(a.meaning, where)}" for a in annex.abbreviations
    )


def convention_items(
    convention: Convention, amendments, at, lang: str
) -> tuple[list[Item], list[str]]:
    """The convention's provisions at `at`, and what its reader must be warned of
    (not in force then, changes left out for want of a date)."""
    from generator.consolidation.engine import consolidate

    result = consolidate(convention, amendments, at, lang)
    picker = TextPicker(lang)
    pick = _Pick(picker)
    items = [item_from_node(n, pick, None) for n in result.articles.children]
    items += [item_from_node(n, pick, None) for n in result.annexes.children]
    picker.raise_if_missing()
    return items, side_warnings(result, lang)


def _parent_eid(op) -> str | None:
    """The address of the provision a quoted provision goes into."""
    if op.into:
        return None if op.into in ("articles", "annexes") else op.into
    anchor = op.after or op.before or op.target or ""
    parent, sep, _ = anchor.rpartition(addresses.SEPARATOR)
    return parent if sep else None


def amendment_items(amendment: Amendment, lang: str) -> list[Item]:
    """The provisions an amendment quotes, addressed where they go in the
    convention it amends, then its annexes."""
    picker = TextPicker(lang)
    pick = _Pick(picker)
    items: list[Item] = []
    for article in amendment.articles:
        for op in article.operations:
            if op.provision is None:
                continue
            node = build_provision(op.provision, None, 1, lang)
            parent = _parent_eid(op)
            if parent:
                prefix = parent + addresses.SEPARATOR
                parent_human = addresses.humanise_eid(parent, lang)
                for sub in node.walk():
                    sub.eid = prefix + sub.eid
                    sub.human = f"{parent_human}, {sub.human}"
            items.append(item_from_node(node, pick, None, key=node.eid))
    for annex in amendment.annexes:
        node = build_annex(annex, lang)
        items.append(item_from_node(node, pick, None, key=node.eid))
    picker.raise_if_missing()
    return items


def _find(items: list[Item], eid: str) -> Item | None:
    for top in items:
        for item in top.walk():
            if item.eid == eid:
                return item
    return None


def resolve(corpus, spec: str, lang: str = "fr", today: dt.date | None = None) -> Side:
    """The side a command-line argument names."""
    doc_id, at, fragment = parse_spec(spec)
    document = corpus.get(doc_id)
    if isinstance(document, Convention):
        at = at or today or dt.date.today()
        items, warnings = convention_items(document, corpus.amendments_of(doc_id), at, lang)
        name = as_title(convention_name(document, lang), lang)
        when = label_words("in force", lang, date=format_date(at, lang))
        kind, label = "convention", f"{name} ({doc_id}), {when}"
    elif isinstance(document, Amendment):
        if at is not None:
            raise ConventioError(
                f"{spec!r}: an amendment has no date; compare the convention it amends "
                f"({document.amends}@{at.isoformat()}) instead"
            )
        items = amendment_items(document, lang)
        amended = corpus.get(document.amends)
        name = as_title(amendment_name(document, amended, lang), lang)
        kind, label, warnings = "amendment", f"{name} ({doc_id})", []
    else:
        raise ConventioError(
            f"{doc_id!r} is a {document.type}; diff compares conventions and amendments"
        )
    title = TextPicker(lang)(document.title, "title")
    if fragment:
        found = _find(items, fragment)
        if found is None:
            known = ", ".join(i.eid for top in items for i in top.walk() if i.kind != "alinea")
            raise ConventioError(
                f"{spec!r}: {doc_id} has no provision {fragment!r} "
                f"({addresses.humanise_eid(fragment, lang)}); it has: {known}"
            )
        found.key = found.eid
        found.parent = None
        items = [found]
        label = f"{label}, {found.human}"
    return Side(spec, label, kind, doc_id, at, items, fragment, blank_slots(title), lang, warnings)
