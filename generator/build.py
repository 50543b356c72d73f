"""The main job: every version of every convention, and every amendment,
written as text, Markdown, HTML and JSON."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from generator.consolidation.history import versions
from generator.corpus.loader import Corpus
from generator.files import write_atomically
from generator.model.documents import Amendment, Convention
from generator.presentation import render_document

EXTENSIONS = {"text": "txt", "markdown": "md", "html": "html", "json": "json"}


def build_all(corpus: Corpus, out: Path) -> Iterator[str]:
    written = 0
    for document in sorted(corpus.documents.values(), key=lambda d: d.id):
        if isinstance(document, Convention):
            for version in versions(document, corpus.amendments_of(document.id)):
                stamp = version.start.isoformat() if version.start else "base"
                yield from _write(corpus, document.id, version.start, out / document.id / stamp)
                written += 1
        elif isinstance(document, Amendment):
            yield from _write(corpus, document.id, None, out / document.id)
            written += 1
    yield f"{written} document version(s) written to {out}"


def _write(corpus: Corpus, doc_id: str, at, stem: Path) -> Iterator[str]:
    for fmt, ext in EXTENSIONS.items():
        text = render_document(corpus, doc_id, at, fmt, "fr")
        write_atomically(
            stem.with_suffix(f".{ext}")
            if stem.suffix == ""
            else stem.parent / f"{stem.name}.{ext}",
            text.encode("utf-8"),
        )
    yield f"  {stem}.{{txt,md,html,json}}"
