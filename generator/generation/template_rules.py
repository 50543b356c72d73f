"""What a Word template may use, and the sandbox that enforces it.

A template decides how a document looks, never what it does: it reads the
documented variables of its context (CONTEXT below, the table of
docs/templates.md), loops over lists with `for`, chooses with `if`, and may
pass a value through a few harmless filters. Anything else (calling a
function, reaching into Python's internals with `__globals__` and the like,
arithmetic, `set`, `include`, `macro`, ...) is refused before the template is
rendered, and rendering itself happens in Jinja's immutable sandbox with no
globals, so a template is never code that runs.

`TemplateEnvironment` (template_sandbox.py) checks every piece of Jinja
docxtpl hands it (the body, page headers and footers, footnotes, document
properties) against these rules before compiling it; `conventio templates
check` and generation both render with it. The lists here are the single
source: docs/templates.md states the same, and a test keeps the two in
agreement.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal

Kind = Literal["text", "number", "list", "record"]


@dataclass(frozen=True)
class Value:
    """What a context variable holds: its meaning (for the docs), its kind, the
    fields of a record, and the items of a list."""

    meaning: str
    kind: Kind = "text"
    fields: Mapping[str, Value] = field(default_factory=dict)
    items: Value | None = None


def _text(meaning: str) -> Value:
    return Value(meaning)


def _texts(meaning: str) -> Value:
    return Value(meaning, "list", items=_text("a line of text"))


def _records(meaning: str, **fields: Value) -> Value:
    return Value(meaning, "list", items=Value("an item", "record", fields))


BLOCK = {
    "kind": _text("title, subtitle, heading, paragraph, note or footnote"),
    "level": Value("0 to 3, the nesting", "number"),
    "label": _text('"1°", "§ 2", "•"'),
    "prefix": _text("the label and a space, or nothing"),
    "text": _text("the block's text"),
    "quoted": Value("true in a provision an amendment quotes", "number"),
}
SIGNATURE = {
    "role": _text("who signs: committee, network, hospital, provider or organisation"),
    "lines": _texts("the lines of the block, as the corpus prints them"),
    "heading": _text('the first line: "Pour le réseau de santé mentale,"'),
    "name": _text("the signatory's name, from the party data; empty for the committee"),
    "capacity": _text("the signatory's capacity in the corpus's words: \"directeur général\""),
    "other_lines": _texts('the lines after the heading, but the name: "Signature :"'),
    "field_label": _text('the label of the signature field: "Signature – Pour le réseau …"'),
}
CONTACT = {"label": _text('"Correspondant :"'), "text": _text("what follows the label")}
ANNEX_ROW = {"code": _text("the pseudocode"), "description": _text("what it is")}
ANNEX = {
    "heading": _text("the annex's heading"),
    "note": _text("a change note, in coordinated versions"),
    "columns": _texts("the column headings"),
    "rows": _records("the rows", **ANNEX_ROW),
    "after": _texts("notes and abbreviations"),
}

#: every variable a template may read (each document has those of its kind)
CONTEXT: dict[str, Value] = {
    "title": _text("the document's title, slots filled and choices resolved for the party"),
    "blocks": _records("the text in order", **BLOCK),
    "place_date": _text(
        '"Bruxelles," / "Faite à ….. le ….," as the model prints it; in a circular letter '
        '"Bruxelles, le 28 septembre 2023"'
    ),
    "signatures": _records("the signature blocks of the roles that sign this copy", **SIGNATURE),
    "annexes": _records("the annexes", **ANNEX),
    "reference": _text("the short reference printed in the footer: document · party · hash"),
    "document_id": _text("the document's identity"),
    "content_hash": _text("the hash of the document's text"),
    "date": _text("the document's date, written out in its language"),
    "language": _text("fr, nl or de"),
    "information_banner": _text(
        "coordinated convention: what an information copy says on its first page (the "
        "corpus does not hold its whole text: how many provisions are missing; not for "
        "signing); empty when the text is complete"
    ),
    "issuer": _text('who issues the document: "inami" or "network" (whose letterhead)'),
    "issuer_lines": _texts("the network's name and address, when it issues the document"),
    "sender": _text('circular letter: "Exp./Afz. : INAMI (SSS), …"'),
    "addressed_to": _text('circular letter: "Aux réseaux de santé mentale"'),
    "addressee": _text("circular letter: the network addressed"),
    "addressee_lines": _texts("circular letter: further lines of the address"),
    "service": _text('circular letter: "SERVICE DES SOINS DE SANTE"'),
    "contacts": _records("circular letter: correspondent and e-mail", **CONTACT),
    "reference_line": _text('circular letter: "Nos réf : Psy-Ort/2023/006"'),
    "subject_label": _text('circular letter: "Objet :"'),
    "subject": _texts("circular letter: the lines of the subject"),
    "salutation": _text('circular letter: "Bien à vous,"'),
    "signatory_lines": _texts("circular letter: the signatory's name and title"),
    "enclosure": _records(
        "circular letter: the text annexed to the letter, printed after its signature "
        "(blocks like `blocks`); empty when the letter has none",
        **BLOCK,
    ),
}

#: inside `{% for x in ... %}`, `loop` says where the loop is
LOOP = Value(
    "the loop's position",
    "record",
    {
        "index": Value("1, 2, 3, ...", "number"),
        "index0": Value("0, 1, 2, ...", "number"),
        "revindex": Value("..., 2, 1", "number"),
        "revindex0": Value("..., 1, 0", "number"),
        "first": Value("true on the first item", "number"),
        "last": Value("true on the last item", "number"),
        "length": Value("the number of items", "number"),
    },
)

#: filters a template may use: `{{ b.text|upper }}`
FILTERS = ("upper", "lower", "capitalize", "title", "trim", "default", "length", "join")
#: tests a template may use: `{% if a.note is defined %}`
TESTS = ("defined", "undefined", "none", "string", "number")
#: tags a template may use; docxtpl's {%p %} and {%tr %} forms are the same tags
TAGS = ("for", "endfor", "if", "elif", "else", "endif")
