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


#: what the main job issues from a party file: the sixth amendment to every
#: network, the provider amendment to every provider of one network
ISSUED = ("inami-network-2021/avenant-06", "network-provider-2021/avenant-2023-09")


def build_all(
    corpus: Corpus,
    out: Path,
    parties_file: Path | None = None,
    network: str | None = None,
    formats: tuple[str, ...] = ("docx", "pdf"),
    progress=None,
) -> Iterator[str]:
    yield from build_texts(corpus, out / "texts")
    if parties_file is None:
        return
    from generator.generation.batch import generate
    from generator.parties.check import load_parties

    parties = load_parties(parties_file)
    network_amendment, provider_amendment = ISSUED
    issued = out / "issued"
    result = generate(
        corpus, network_amendment, parties, issued, formats=formats, progress=progress
    )
    yield f"{len(result.entries)} personalised {network_amendment} in {result.out_dir}"
    if network is not None:
        result = generate(
            corpus,
            provider_amendment,
            parties,
            issued,
            formats=formats,
            only={network},
            progress=progress,
        )
        yield f"{len(result.entries)} personalised {provider_amendment} in {result.out_dir}"


def build_texts(corpus: Corpus, out: Path) -> Iterator[str]:
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
