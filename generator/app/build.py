"""The main job: every version of every convention, and every amendment,
written as text, Markdown, HTML and JSON."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from generator.app.show import render_document
from generator.consolidation.history import versions
from generator.corpus.loader import Corpus
from generator.errors import ConventioError
from generator.files import check_folder, write_atomically
from generator.model.documents import Amendment, Convention

EXTENSIONS = {"text": "txt", "markdown": "md", "html": "html", "json": "json"}


def issued_by_build(corpus: Corpus) -> list[str]:
    """The amendments the main job personalises from a party file, by id: those
    the corpus marks `issued_by_build` (docs/corpus-format.md)."""
    return sorted(a.id for a in corpus.amendments if a.issued_by_build)


def build_all(
    corpus: Corpus,
    out: Path,
    parties_file: Path | None = None,
    network: str | None = None,
    formats: tuple[str, ...] = ("docx", "pdf"),
    progress=None,
    *,
    lang: str | None = None,
) -> Iterator[str]:
    """Write the texts into OUT/texts and, with a party file, the personalised
    amendments into OUT/issued, each copy in its party's language or in `lang`
    (the whole job stops, writing nothing, if the corpus or the templates lack
    what a language needs: generation/languages.py).

    Everything is checked first, and the personalised copies built in memory:
    the output folder, the party file, --network (which needs --parties and must
    be one of its networks), the formats, LibreOffice for PDF, every value each
    copy needs. Only then is anything written."""
    check_folder(out, "--out")
    batches = _prepare_issued(
        corpus, out / "issued", parties_file, network, formats, progress, lang
    )
    yield from build_texts(corpus, out / "texts")
    if not batches:
        return
    from generator.generation.batch import write_batch

    for doc_id, batch in batches:
        result = write_batch(batch, progress)
        yield from result.notes
        yield f"{len(result.entries)} personalised {doc_id} in {result.out_dir}"


def _prepare_issued(corpus, issued: Path, parties_file, network, formats, progress, lang) -> list:
    if parties_file is None:
        if network is not None:
            raise ConventioError(
                f"--network {network} says whose providers get their amendment; it needs "
                "--parties FILE, the party file that has that network"
            )
        if lang is not None:
            raise ConventioError(
                f"--lang {lang} says the language of the personalised amendments; it needs "
                "--parties FILE, the parties who receive them"
            )
        return []
    from generator.generation.batch import prepare
    from generator.generation.units import document_spec
    from generator.parties.check import load_parties

    parties = load_parties(parties_file)
    if network is not None and network not in {n.id for n in parties.networks}:
        known = ", ".join(n.id for n in parties.networks[:10])
        more = ", ..." if len(parties.networks) > 10 else ""
        raise ConventioError(
            f"--network {network}: {parties_file} has no network of that id "
            f"(its networks: {known or 'none'}{more})"
        )
    from generator.generation.languages import LanguageGaps

    batches = []
    gaps: list = []  # every document's, said at once
    for doc_id in issued_by_build(corpus):
        # to every network; to the providers of --network only
        if document_spec(corpus, doc_id).scope == "network":
            only = None
        elif network is not None:
            only = {network}
        else:
            continue
        try:
            batch = prepare(
                corpus,
                doc_id,
                parties,
                issued,
                lang=lang,
                formats=formats,
                only=only,
                progress=progress,
            )
        except LanguageGaps as error:
            gaps += error.documents
            continue
        batches.append((doc_id, batch))
    if gaps:
        raise LanguageGaps(gaps)
    return batches


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
