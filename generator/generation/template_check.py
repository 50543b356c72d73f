"""`conventio templates check`: every template parses, uses only what
templates may use (template_rules.py: the documented variables, tags and
filters), every variable it uses exists in the context it will receive, and it
renders in the sandbox.

Each template is tried with a document of the corpus that uses it, on that
document's own date, for a network of the first kind and, where a provider
signs, a psychologist (`samples`)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from generator.consolidation.history import versions
from generator.corpus.collection import Corpus
from generator.errors import ConventioError
from generator.generation.context import template_context
from generator.generation.docx_engine import render_template
from generator.generation.leftovers import describe, leftovers_in
from generator.generation.units import (
    LETTER_TEMPLATES,
    TEMPLATES,
    DocumentSpec,
    document_date,
    document_spec,
)
from generator.model.documents import (
    NETWORK_KINDS,
    PROVIDER_KINDS,
    Amendment,
    Circular,
    Convention,
)
from generator.model.signing import copy_roles
from generator.rendering.language import MissingTexts


@dataclass(frozen=True)
class Sample:
    """A document a template serves, and the party and date to try it with."""

    spec: DocumentSpec
    variants: frozenset[str]
    roles: tuple[str, ...]
    date: dt.date


def samples(corpus: Corpus) -> dict[str, Sample]:
    """For each template the corpus's documents use, the first of them (by id)."""
    found: dict[str, Sample] = {}
    for doc_id, document in sorted(corpus.documents.items()):
        if not isinstance(document, Convention | Amendment | Circular):
            continue
        spec = document_spec(corpus, doc_id)
        if spec.template not in found:
            found[spec.template] = _sample(corpus, spec)
    return found


def _sample(corpus: Corpus, spec: DocumentSpec) -> Sample:
    provider_kind = PROVIDER_KINDS[0] if spec.scope == "provider" else None
    variants = frozenset(k for k in (NETWORK_KINDS[0], provider_kind) if k)
    at = None
    if spec.kind == "coordinated":  # its latest version
        assert spec.convention is not None
        found = versions(spec.convention, corpus.amendments_of(spec.doc_id))
        at = next((v.start for v in reversed(found) if v.start), None)
    date = document_date(corpus, spec, at)
    return Sample(spec, variants, copy_roles(spec.signatories, provider_kind), date)


def check_templates(corpus: Corpus, folder: Path | None) -> tuple[bool, str]:
    from generator.generation.batch import default_templates_dir

    root = folder or default_templates_dir()
    files = sorted(root.glob("*/*.docx"))
    if not files:
        return False, f"{root}: no template (expected {root}/<lang>/<name>.docx)"
    problems: list[str] = []
    checked = 0
    tried = samples(corpus)
    stand_ins: set[str] = set()
    for path in files:
        lang, name = path.parent.name, path.stem
        if name not in TEMPLATES and name not in LETTER_TEMPLATES:
            problems.append(
                f"{path}: no document uses a template named {name!r} "
                f"(known: {', '.join([*TEMPLATES, *LETTER_TEMPLATES])})"
            )
            continue
        sample = LETTER_TEMPLATES.get(name, name)
        if sample not in tried:
            problems.append(f"{path}: the corpus has no document for this template")
            continue
        letter = name in LETTER_TEMPLATES
        problems.extend(_problems(path, tried[sample], corpus, lang, stand_ins, letter=letter))
        checked += 1
    if problems:
        return False, "\n".join(problems) + f"\n{len(problems)} problem(s) in {root}"
    tried_in_french = ""
    if stand_ins:
        languages = ", ".join(sorted(stand_ins))
        tried_in_french = (
            f" (those in {languages} tried with the French text: the corpus lacks their "
            f"documents' text in {languages})"
        )
    said = f"templates OK: {checked} template(s){tried_in_french} in {root}"
    return True, said


def _context(sample: Sample, corpus: Corpus, lang: str, stand_ins: set[str]) -> dict:
    """The sample's context in the template's language; where the corpus does not
    hold the text in that language (the shipped corpus is French), its French
    text: a template's layout and variables are the same in every language.
    `stand_ins` collects the languages so tried, which the check's report names."""
    args = (corpus, sample.spec, sample.variants, sample.roles)
    try:
        return template_context(*args, lang, sample.date)
    except MissingTexts:
        if lang == "fr":
            raise
        stand_ins.add(lang)
        return template_context(*args, "fr", sample.date)


def _problems(
    path: Path, sample: Sample, corpus: Corpus, lang: str, stand_ins: set[str], *, letter=False
) -> list[str]:
    """What is wrong with one template, tried with its sample (a letter's template:
    with the sample's context, nothing to sign and no annex)."""
    try:
        context = _context(sample, corpus, lang, stand_ins)
        if letter:
            context = {**context, "signatures": [], "annexes": []}
        rendered = render_template(path, context, lang, sample.date)
    except ConventioError as exc:
        return [
            line if line.startswith(str(path)) else f"{path}: {line}"
            for line in str(exc).splitlines()
        ]
    except Exception as exc:  # a broken DOCX can fail anywhere inside docxtpl
        return [f"{path}: cannot be read as a Word template ({type(exc).__name__}: {exc})"]
    problems = _unmarked_signature_areas(path, rendered, context)
    leftovers = leftovers_in(rendered)
    if leftovers:
        kinds = ", ".join(sorted(sample.variants))
        problems.insert(
            0,
            f"{path}: a copy of {sample.spec.doc_id} ({kinds}) would still print the model's "
            f"{describe(leftovers)}; a copy must print none (docs/templates.md, "
            "« What a copy never prints »)",
        )
    return problems


def _unmarked_signature_areas(path: Path, rendered, context: dict) -> list[str]:
    """Each role's signature block must keep its area for the signature,
    marked by a bookmark named as the role's PDF signature field (sig_<role>)."""
    from generator.pdf.finish import field_name

    document = dict(rendered.entries).get("word/document.xml", b"").decode("utf-8")
    return [
        f"{path}: the signature block of {role!r} has no area for the signature "
        f"marked by the bookmark {field_name(role)} (docs/templates.md, Signature blocks)"
        for role in (block["role"] for block in context.get("signatures", []))
        if f'w:name="{field_name(role)}"' not in document
    ]
