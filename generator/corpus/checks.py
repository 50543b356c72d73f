"""Checks that look across a document or across documents: references,
duplicates, slots, footnotes, template syntax in texts, amendment dates within
their convention's, the code registry, and a full replay of every amendment
(an operation must find its target on the date it applies)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from typing import Any

from pydantic import BaseModel

from generator.consolidation.engine import consolidate
from generator.corpus.collection import Corpus
from generator.corpus.messages import describe_loc
from generator.errors import Problem
from generator.model import addresses, choices
from generator.model.annexes import Annex
from generator.model.documents import Amendment, Circular, Convention, LetterBlock
from generator.model.parameters import CodeListParameter
from generator.model.provisions import Provision
from generator.model.pseudocodes import CodeRegistry
from generator.model.slots import SLOT_NAMES
from generator.model.text import (
    CHOICE_RE,
    LANGUAGES,
    I18nText,
    footnote_marks_in,
    slots_in,
)

Loc = tuple[str | int, ...]


def check_corpus(corpus: Corpus) -> list[Problem]:
    problems: list[Problem] = []
    for doc_id, document in corpus.documents.items():
        for loc, message in _document_problems(corpus, document):
            problems.append(corpus.problem(doc_id, loc, message))
    problems.extend(_registry_problems(corpus))
    problems.extend(_replay_problems(corpus))
    return sorted(set(problems))


#: what starts a tag in a Word template (Jinja): never in a corpus text
TEMPLATE_MARKS = ("{{", "{%", "{#")


def _document_problems(corpus: Corpus, document: Any) -> Iterator[tuple[Loc, str]]:
    yield from _text_problems(document)
    yield from _choice_problems(corpus, document)
    yield from _template_mark_problems(document, ())
    yield from _footnote_reference_problems(document, (), frozenset())
    yield from _table_problems(document)
    if isinstance(document, Convention):
        yield from _provision_list_problems(document.articles, ("articles",))
        yield from _signature_problems(document)
    if isinstance(document, Amendment):
        yield from _amendment_problems(corpus, document)
        yield from _amendment_date_problems(corpus, document)
        yield from _signature_problems(document)
    if isinstance(document, Circular):
        for field_name in ("concerns", "carries"):
            for i, ref in enumerate(getattr(document, field_name)):
                if ref not in corpus.documents:
                    yield (field_name, i), f"no document {ref!r} in the corpus"


def _texts(value: Any, loc: Loc) -> Iterator[tuple[Loc, str]]:
    """Every French text inside a model, with its place."""
    if isinstance(value, I18nText):
        for lang in ("fr", "nl", "de"):
            text = value.get(lang)
            if text is not None:
                yield (*loc, lang), text
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _texts(item, (*loc, i))
    elif isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from _texts(getattr(value, name), (*loc, name))


def _text_problems(document: Any) -> Iterator[tuple[Loc, str]]:
    for loc, text in _texts(document, ()):
        for slot in slots_in(text):
            if slot not in SLOT_NAMES:
                known = ", ".join(sorted(SLOT_NAMES))
                yield loc, f"unknown slot {{{slot}}}; known slots: {known}"
        if text.count("{") != text.count("}"):
            yield loc, "unbalanced braces: a slot is written {name|placeholder}"


def _choice_problems(corpus: Corpus, document: Any) -> Iterator[tuple[Loc, str]]:
    """Each choice well written (generator/model/choices.py); a choice by provider
    kind only where copies are made for providers (a network's copy has none)."""
    kind = getattr(document, "kind", None)
    if isinstance(document, Amendment):
        kind = getattr(corpus.documents.get(document.amends), "kind", None)
    for loc, text in _texts(document, ()):
        for message in choices.problems_in(text):
            yield loc, message
        if kind != "network-provider" and any(
            choices.choice_in(m).selector == "provider_kind" for m in CHOICE_RE.finditer(text)
        ):
            yield (
                loc,
                "a choice by provider_kind in a document made for networks: its copies have "
                "no provider kind to choose by (use network_kind or always)",
            )


def _template_mark_problems(value: Any, loc: Loc) -> Iterator[tuple[Loc, str]]:
    """Jinja's '{{', '{%', '{#' in any text: a document made from a Word
    template would show them as a broken tag (the template is not at fault)."""
    if isinstance(value, str):
        found = [mark for mark in TEMPLATE_MARKS if mark in value]
        if found:
            yield (
                loc,
                f"this text contains {found[0]!r}, which starts a tag in the Word templates "
                "documents are made from: a corpus text cannot hold '{{', '{%' or '{#'; "
                "a slot is written with single braces, {network.name|XXX}",
            )
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _template_mark_problems(item, (*loc, i))
    elif isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from _template_mark_problems(getattr(value, name), (*loc, name))


def _footnote_reference_problems(
    value: Any, loc: Loc, marks: frozenset[str]
) -> Iterator[tuple[Loc, str]]:
    """A `[^n]` with no footnote n in its provision or a provision around it
    (only provisions and a letter's blocks carry footnotes): it would print a note number that leads
    nowhere."""
    if isinstance(value, Provision | LetterBlock):
        marks = marks | {footnote.mark for footnote in value.footnotes}
    if isinstance(value, I18nText):
        for lang in LANGUAGES:
            for mark in footnote_marks_in(value.get(lang) or ""):
                if mark not in marks:
                    yield (
                        (*loc, lang),
                        f"[^{mark}] refers to footnote {mark}, which is not given: add it to "
                        "the 'footnotes' of this provision (or of the one holding it), "
                        "or remove the reference",
                    )
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _footnote_reference_problems(item, (*loc, i), marks)
    elif isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from _footnote_reference_problems(getattr(value, name), (*loc, name), marks)


def _amendment_date_problems(corpus: Corpus, amendment: Amendment) -> Iterator[tuple[Loc, str]]:
    """Every date from which the amendment applies lies within its convention's
    validity (from `dates.start` to `dates.end`, where the corpus gives them)."""
    convention = corpus.documents.get(amendment.amends)
    if not isinstance(convention, Convention):
        return
    start, end = convention.dates.start, convention.dates.end
    dated: list[tuple[Loc, Any, str]] = [
        (("in_force", "date"), amendment.in_force.date, "the amendment comes into force")
    ]
    for i, article in enumerate(amendment.articles):
        for c, clause in enumerate(article.entry_into_force):
            where = ("articles", i, "entry_into_force", c, "date")
            dated.append((where, clause.date, f"article {article.num} puts articles in force"))
        for o, operation in enumerate(article.operations):
            if operation.in_force is not None:
                where = ("articles", i, "operations", o, "in_force", "date")
                dated.append((where, operation.in_force.date, "this operation applies"))
    for where, date, what in dated:
        if date is None:  # unknown: nothing to compare
            continue
        field = describe_loc(where)
        if start is not None and date < start:
            yield (
                where,
                (
                    f"{field}: {what} on {date}, before {convention.id} starts ({start}, "
                    "its dates.start): correct the date, or the convention it amends"
                ),
            )
        elif end is not None and date > end:
            yield (
                where,
                (
                    f"{field}: {what} on {date}, after {convention.id} ends ({end}, "
                    "its dates.end): correct the date, or the convention it amends"
                ),
            )


def _provision_list_problems(provisions: list[Provision], loc: Loc) -> Iterator[tuple[Loc, str]]:
    counts: Counter[str] = Counter()
    seen: dict[str, int] = {}
    for i, provision in enumerate(provisions):
        counts[provision.kind] += 1
        step = addresses.component(provision.kind, provision.num, counts[provision.kind])
        if step in seen:
            yield (
                (*loc, i, "num"),
                (
                    f"{provision.kind} {provision.num} appears twice at this level "
                    f"(first as item {seen[step] + 1})"
                ),
            )
        else:
            seen[step] = i
        yield from _footnote_problems(provision, (*loc, i))
        yield from _provision_list_problems(provision.children, (*loc, i, "children"))


def _footnote_problems(provision: Provision, loc: Loc) -> Iterator[tuple[Loc, str]]:
    used: set[str] = set()
    for _, text in _texts(provision.text, ()):
        used.update(footnote_marks_in(text))
    for child in provision.children:  # marks may sit in an alinéa below the note's owner
        for _, text in _texts(child, ()):
            used.update(footnote_marks_in(text))
    declared = [f.mark for f in provision.footnotes]
    for mark in declared:
        if mark not in used:
            yield (*loc, "footnotes"), f"footnote {mark} is never referred to ([^{mark}])"
    for mark, count in Counter(declared).items():
        if count > 1:
            yield (*loc, "footnotes"), f"footnote {mark} is given twice"


def _table_problems(document: Any) -> Iterator[tuple[Loc, str]]:
    keys: dict[str, Loc] = {}
    for loc, table in _code_lists(document):
        key = f"annex {table.num}" if isinstance(table, Annex) else f"table {table.id}"
        if key in keys:
            yield loc, f"{key} appears twice"
        keys[key] = loc
        first: dict[str, int] = {}
        for r, row in enumerate(table.rows):
            if row.code in first:
                yield (
                    (*loc, "rows", r, "code"),
                    (
                        f"pseudocode {row.code} appears twice in this list "
                        f"(rows {first[row.code] + 1} and {r + 1})"
                    ),
                )
            else:
                first[row.code] = r


def _signature_problems(document: Convention | Amendment) -> Iterator[tuple[Loc, str]]:
    if document.closing is None:
        return
    signing = {block.role for block in document.closing.signatures}
    for role in sorted(signing - set(document.signatories)):
        yield ("closing", "signatures"), f"a signature block for {role!r}, who is not a signatory"
    for role in sorted(set(document.signatories) - signing):
        yield ("signatories",), f"{role!r} signs but the closing has no signature block for it"


def _amendment_problems(corpus: Corpus, amendment: Amendment) -> Iterator[tuple[Loc, str]]:
    target = corpus.documents.get(amendment.amends)
    if not isinstance(target, Convention) and amendment.amends not in corpus.broken:
        known = ", ".join(c.id for c in corpus.conventions) or "none"
        yield (
            ("amends",),
            (
                f"amends {amendment.amends!r}, which is not a convention of the corpus "
                f"(conventions: {known})"
            ),
        )
    numbers = Counter(a.num for a in amendment.articles)
    for i, article in enumerate(amendment.articles):
        if numbers[article.num] > 1:
            yield ("articles", i, "num"), f"article {article.num} appears twice"
        for c, clause in enumerate(article.entry_into_force):
            for a, ref in enumerate(clause.articles):
                if ref not in numbers:
                    yield (
                        ("articles", i, "entry_into_force", c, "articles", a),
                        (f"the amendment has no article {ref}"),
                    )
                for other in amendment.articles:
                    if other.num != ref:
                        continue
                    for o, op in enumerate(other.operations):
                        if op.in_force and op.in_force.date != clause.date:
                            yield (
                                (
                                    "articles",
                                    amendment.articles.index(other),
                                    "operations",
                                    o,
                                    "in_force",
                                    "date",
                                ),
                                (
                                    f"this operation says {op.in_force.date}, but article "
                                    f"{article.num} puts article {ref} in force on {clause.date}"
                                ),
                            )
        for o, op in enumerate(article.operations):
            if op.provision is not None:
                yield from _provision_list_problems(
                    [op.provision], ("articles", i, "operations", o, "provision")
                )


def _registry_problems(corpus: Corpus) -> Iterator[Problem]:
    registries = corpus.of_type(CodeRegistry)
    seen: dict[str, str] = {}
    flags: dict[str, set[str]] = {}
    for registry in registries:
        for i, entry in enumerate(registry.codes):
            if entry.code in seen:
                yield corpus.problem(
                    registry.id,
                    ("codes", i, "code"),
                    f"pseudocode {entry.code} is registered twice",
                )
            seen[entry.code] = registry.id
            for name, value in entry:
                if value is True:
                    flags.setdefault(name, set()).add(entry.code)
    if not registries:
        return
    for doc_id, document in corpus.documents.items():
        for loc, annex in _code_lists(document):
            for r, row in enumerate(annex.rows):
                if row.code not in seen:
                    yield corpus.problem(
                        doc_id,
                        (*loc, "rows", r, "code"),
                        f"pseudocode {row.code} is not in the code registry",
                    )
        for loc, parameter in _code_parameters(document):
            flag = parameter.registry_flag
            if flag is None:
                continue
            for c, code in enumerate(parameter.codes):
                if code not in seen:
                    yield corpus.problem(
                        doc_id, (*loc, "codes", c), f"pseudocode {code} is not in the code registry"
                    )
            listed, flagged = set(parameter.codes), flags.get(flag, set())
            if listed != flagged:
                extra = ", ".join(sorted(listed - flagged)) or "none"
                missing = ", ".join(sorted(flagged - listed)) or "none"
                yield corpus.problem(
                    doc_id,
                    (*loc, "registry_flag"),
                    (
                        f"this list defines the registry's {flag!r}, but they differ: "
                        f"listed here only: {extra}; flagged in the registry only: {missing}"
                    ),
                )


def _code_lists(document: Any) -> Iterator[tuple[Loc, Any]]:
    for field_name in ("annexes", "code_tables"):
        for i, table in enumerate(getattr(document, field_name, [])):
            yield (field_name, i), table


def _code_parameters(value: Any, loc: Loc = ()) -> Iterator[tuple[Loc, CodeListParameter]]:
    if isinstance(value, CodeListParameter):
        yield loc, value
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _code_parameters(item, (*loc, i))
    elif isinstance(value, BaseModel) and not isinstance(value, I18nText):
        for name in type(value).model_fields:
            yield from _code_parameters(getattr(value, name), (*loc, name))


def _replay_problems(corpus: Corpus) -> Iterator[Problem]:
    for convention in corpus.conventions:
        amendments = corpus.amendments_of(convention.id)
        if not amendments:
            continue
        result = consolidate(convention, amendments, None)
        for problem in result.problems:
            yield corpus.problem(problem.amendment, problem.loc, problem.message)
