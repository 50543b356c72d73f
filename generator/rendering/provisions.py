"""Provisions, annexes and change notes as blocks."""

from __future__ import annotations

import re

from generator.catalogue import catalogue
from generator.consolidation.tree import Change, Node
from generator.model.addresses import default_label
from generator.model.annexes import Annex
from generator.model.provisions import Provision
from generator.rendering.blocks import BlockWriter
from generator.rendering.citations import article_citation
from generator.rendering.dates import in_force_phrase
from generator.rendering.language import TextPicker

NOT_IN_CORPUS = {
    "fr": "[texte non repris dans le corpus]",
    "nl": "[tekst niet opgenomen in het corpus]",
    "de": "[Text nicht im Korpus enthalten]",
}
ABBREVIATIONS = {"fr": "Abréviations :", "nl": "Afkortingen:", "de": "Abkürzungen:"}
REPEALED = {"fr": "[abrogé]", "nl": "[opgeheven]", "de": "[aufgehoben]"}
ACTIONS = {
    "fr": {"insert": "insertion", "replace": "remplacement", "repeal": "abrogation"},
    "nl": {"insert": "invoeging", "replace": "vervanging", "repeal": "opheffing"},
    "de": {"insert": "Einfügung", "replace": "Ersetzung", "repeal": "Aufhebung"},
}
_CHANGE = {
    "fr": "{action} par {article}, {in_force}",
    "nl": "{action} bij {article}, {in_force}",
    "de": "{action} durch {article}, {in_force}",
}
#: a change built without its amendment (by hand, in a test) names it by its id
_BY_ID = {
    "fr": "l'article {article} de {amendment}",
    "nl": "artikel {article} van {amendment}",
    "de": "Artikel {article} von {amendment}",
}


def change_source(change: Change, lang: str, *, definite: bool = True) -> str:
    """The amendment article a change comes from, in words (citations.py)."""
    if change.source is None or change.amended is None:
        return _BY_ID[lang].format(article=change.article, amendment=change.amendment)
    return article_citation(change.article, change.source, change.amended, lang, definite=definite)


def in_force_words(change: Change, lang: str) -> str:
    """When a change took effect, in words, and on what standing: « en vigueur
    le 25 septembre 2023 (date présumée : approbation par le Comité) »."""
    return in_force_phrase(change.in_force, change.standing, lang)  # type: ignore[arg-type]


def change_words(change: Change, lang: str) -> str:
    """« Insertion par l'article 2 de l'avenant au modèle de convention du 28
    septembre 2023, en vigueur le 25 septembre 2023 »: what show's notes and the
    diff's causes say."""
    action = ACTIONS[lang][change.action]
    return _CHANGE[lang].format(
        action=action[0].upper() + action[1:],
        article=change_source(change, lang),
        # the date and its standing: « en vigueur le … (date présumée : …) »
        in_force=in_force_words(change, lang),
    )


def change_note(change: Change, lang: str) -> str:
    """The change as a bracketed note: « [Insertion par l'article 2 de …] »."""
    return f"[{change_words(change, lang)}]"


def _change_note_pattern(lang: str) -> str:
    fields = {"action": "|".join(a[0].upper() + a[1:] for a in ACTIONS[lang].values())}
    pattern = re.escape(_CHANGE[lang])
    for name in ("action", "article", "in_force"):
        pattern = pattern.replace(
            re.escape("{" + name + "}"), f"(?:{fields[name]})" if name in fields else "[^\\[\\]]+"
        )
    return r"\[" + pattern + r"\]"


#: the bracketed notes conventio itself prints in a text ("[abrogé]", "[texte non repris
#: dans le corpus]", "[Insertion par l'article 1er du sixième avenant …, en vigueur le …]"): never a
#: model's bracketed alternative (generator/generation/leftovers.py tells them apart)
EDITORIAL_NOTE_RE = re.compile(
    "|".join(
        [re.escape(n[lang]) for n in (NOT_IN_CORPUS, REPEALED) for lang in n]
        + [_change_note_pattern(lang) for lang in _CHANGE]
    )
)


def label_of(provision: Provision, lang: str = "fr") -> str:
    return provision.label or default_label(provision.kind, provision.num, lang)


def _child_depth(kind: str, child_kind: str, depth: int, run_in: bool) -> int:
    """How deep a provision's child prints. An article's children print at the
    article's depth (its label is a heading of its own). When a paragraph's
    label opened its first alinéa ("§1/1 Par dérogation ..."), the other alinéas
    are that alinéa's siblings and print at its depth too: nested one level
    deeper they would read as part of the first alinéa's last point."""
    if kind == "article" or (run_in and child_kind == "alinea"):
        return depth
    return depth + 1


def write_provision(out: BlockWriter, node: Node, pick: TextPicker, depth: int = 0) -> None:
    """One provision and what it contains, with its change note and state."""
    provision = node.provision
    assert provision is not None
    lang = pick.lang
    label = label_of(provision, lang)
    if provision.kind == "article":
        if provision.heading:
            out.add(
                "heading",
                pick(provision.heading, f"{node.human} (heading)"),
                level=2,
                eid=node.eid,
            )
        out.add("heading", label, level=3 if provision.heading else 2, eid=node.eid)
        label = ""
    if node.change is not None:
        out.add("note", change_note(node.change, lang), level=depth)
    if node.repealed or provision.declared_only:
        text = REPEALED[lang] if node.repealed else NOT_IN_CORPUS[lang]
        out.add("paragraph", text, level=depth, label=label, eid=node.eid)
        return
    children = list(node.children)
    run_in = False
    if provision.text is not None:
        out.add(
            "paragraph", pick(provision.text, node.human), level=depth, label=label, eid=node.eid
        )
        label = ""
    elif label and children and children[0].kind == "alinea" and children[0].provision.text:
        # "§1/1 Par dérogation ...": the label opens the first alinéa
        first = children.pop(0)
        run_in = True
        out.add(
            "paragraph",
            pick(first.provision.text, first.human),
            level=depth,
            label=label,
            eid=first.eid,
        )
        for grand in first.children:
            write_provision(out, grand, pick, depth + 1)
    for child in children:
        write_provision(out, child, pick, _child_depth(provision.kind, child.kind, depth, run_in))
    if node.parent is None or node.parent.kind == "root":
        # footnotes go after the whole article, as at the foot of the page
        for item in node.walk():
            for footnote in item.provision.footnotes if item.provision else ():
                where = f"{item.human}, note {footnote.mark}"
                out.add("footnote", pick(footnote.text, where), label=footnote.mark)


def annex_name(num: str | int, lang: str) -> str:
    """An annex's heading when the corpus gives it none: « Annexe 2 »."""
    return catalogue(lang).gettext("Annex {num}").format(num=num)


def default_columns(lang: str) -> list[str]:
    """The captions of an annex table whose columns the corpus does not name."""
    words = catalogue(lang)
    # TRANSLATORS: the caption of an annex table's code column
    return [words.gettext("pseudocode"), words.gettext("description")]


def abbreviation_line(abbr: str, meaning: str, lang: str) -> str:
    """One abbreviation under an annex table: « ETP : équivalent temps plein »."""
    # TRANSLATORS: an abbreviation and its meaning (French puts a space before ":")
    return catalogue(lang).gettext("{abbr}: {meaning}").format(abbr=abbr, meaning=meaning)


def write_annex(
    out: BlockWriter, annex: Annex, pick: TextPicker, where: str, node: Node | None = None
) -> None:
    lang = pick.lang
    eid = node.eid if node else ""
    heading = pick(annex.heading, where) if annex.heading else annex_name(annex.num, lang)
    out.add("heading", heading, level=2, eid=eid)
    if node is not None and node.change is not None:
        out.add("note", change_note(node.change, lang))
    if node is not None and node.repealed:
        out.add("paragraph", REPEALED[lang])
        return
    if annex.declared_only:
        out.add("paragraph", NOT_IN_CORPUS[lang])
        return
    columns = [pick(c, f"{where}, column") for c in annex.columns] or default_columns(lang)
    rows = [(row.code, pick(row.description, f"{where}, {row.code}")) for row in annex.rows]
    out.table(columns, rows, eid=eid)
    for i, note in enumerate(annex.notes, start=1):
        out.add("paragraph", pick(note, f"{where}, footer {i}"))
    if annex.abbreviations:
        out.add("paragraph", ABBREVIATIONS[lang])
    for abbreviation in annex.abbreviations:
        meaning = pick(abbreviation.meaning, f"{where}, {abbreviation.abbr}")
        out.add("paragraph", abbreviation_line(abbreviation.abbr, meaning, lang))
