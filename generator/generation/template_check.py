"""`conventio templates check`: every template parses, uses only what
templates may use (template_rules.py: the documented variables, tags and
filters), every variable it uses exists in the context it will receive, and it
renders in the sandbox."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from generator.corpus.collection import Corpus
from generator.errors import ConventioError
from generator.generation.context import template_context
from generator.generation.docx_engine import render_template
from generator.generation.units import DocumentSpec, document_spec

#: the documents each template serves, and a party variant to try it with
SAMPLES = {
    "amendment-inami-network": ("amendment", {"adults"}),
    "amendment-network-provider": ("amendment", {"adults", "psychologist"}),
    "coordinated-convention": ("coordinated", {"adults", "psychologist"}),
    "circular": ("circular", {"adults"}),
}


def _specs(corpus: Corpus, name: str) -> list[DocumentSpec]:
    specs = []
    for doc_id, document in sorted(corpus.documents.items()):
        if document.type not in ("convention", "amendment", "circular"):
            continue
        spec = document_spec(corpus, doc_id)
        if spec.template == name:
            specs.append(spec)
    return specs


def check_templates(corpus: Corpus, folder: Path | None) -> tuple[bool, str]:
    from generator.generation.batch import default_templates_dir

    root = folder or default_templates_dir()
    files = sorted(root.glob("*/*.docx"))
    if not files:
        return False, f"{root}: no template (expected {root}/<lang>/<name>.docx)"
    problems: list[str] = []
    checked = 0
    for path in files:
        lang, name = path.parent.name, path.stem
        if name not in SAMPLES:
            problems.append(
                f"{path}: no document uses a template named {name!r} (known: {', '.join(SAMPLES)})"
            )
            continue
        kind, variants = SAMPLES[name]
        specs = [s for s in _specs(corpus, name) if s.kind == kind][:1]
        if not specs:
            problems.append(f"{path}: the corpus has no document for this template")
            continue
        spec = specs[0]
        roles = frozenset(r for r in spec.signatories if r != "organisation")
        try:
            context = template_context(
                corpus, spec, frozenset(variants), roles, lang, dt.date(2023, 9, 25)
            )
            render_template(path, context, lang, dt.date(2023, 9, 25))
        except ConventioError as exc:
            problems.extend(
                line if line.startswith(str(path)) else f"{path}: {line}"
                for line in str(exc).splitlines()
            )
        except Exception as exc:  # a broken DOCX can fail anywhere inside docxtpl
            problems.append(
                f"{path}: cannot be read as a Word template ({type(exc).__name__}: {exc})"
            )
        checked += 1
    if problems:
        return False, "\n".join(problems) + f"\n{len(problems)} problem(s) in {root}"
    return True, f"templates OK: {checked} template(s) in {root}"
