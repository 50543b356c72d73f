"""`conventio generate`: one personalised document per party, all or nothing.

Every copy is built in memory and checked; only when the whole batch has
succeeded are the files moved into the output folder and the manifest written.
A batch that fails leaves the output folder as it was."""

from __future__ import annotations

import datetime as dt
import hashlib
import multiprocessing as mp
import os
import shutil
import tempfile
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator.corpus.loader import Corpus
from generator.errors import ConventioError
from generator.files import write_atomically
from generator.generation.context import template_context
from generator.generation.docx_engine import RenderedTemplate, personalise, render_template
from generator.generation.manifest import (
    ManifestEntry,
    corpus_sha256,
    manifest_csv,
    manifest_json,
)
from generator.generation.sentinels import literal
from generator.generation.slots import missing_message, unit_slot_values
from generator.generation.units import DocumentSpec, Unit, document_spec, units_for
from generator.invisible import is_blank
from generator.model.documents import Amendment, Circular

FORMATS = ("docx", "pdf")


class GenerationError(ConventioError):
    def __init__(self, problems: list[str]):
        self.problems = problems
        listed = "\n".join(f"  - {p}" for p in problems[:100])
        more = f"\n  ... and {len(problems) - 100} more" if len(problems) > 100 else ""
        super().__init__(
            f"{len(problems)} document(s) cannot be generated; nothing was written:\n{listed}{more}"
        )


@dataclass
class BatchResult:
    out_dir: Path
    entries: list[ManifestEntry] = field(default_factory=list)


def default_templates_dir() -> Path:
    env = os.environ.get("CONVENTIO_TEMPLATES")
    return Path(env) if env else Path(__file__).resolve().parents[2] / "templates"


def template_path(templates: Path, spec: DocumentSpec, lang: str) -> Path:
    path = templates / lang / f"{spec.template}.docx"
    if not path.is_file():
        raise ConventioError(
            f"no {lang} template for {spec.doc_id}: expected {path} "
            f"(copy templates/fr/{spec.template}.docx there and translate its fixed words)"
        )
    return path


def document_date(corpus: Corpus, spec: DocumentSpec, at: dt.date | None) -> dt.date:
    document = corpus.get(spec.doc_id)
    if at is not None:
        return at
    if isinstance(document, Amendment):
        return document.dates.issued or document.in_force
    if isinstance(document, Circular):
        return document.date
    return dt.date.today()


def document_id(spec: DocumentSpec, unit: Unit, lang: str, date: dt.date) -> str:
    source = f"{spec.doc_id}@{date.isoformat()}" if spec.kind == "coordinated" else spec.doc_id
    return f"{source}#{unit.party_id}#{lang}"


def file_stem(unit: Unit, lang: str) -> str:
    return f"{unit.party_id}.{lang}"


class Renderer:
    """Renders each variant of the template once and personalises copies."""

    def __init__(
        self, corpus: Corpus, spec: DocumentSpec, template: Path, lang: str, date: dt.date
    ):
        self.corpus, self.spec, self.template, self.lang, self.date = (
            corpus,
            spec,
            template,
            lang,
            date,
        )
        self._cache: dict[tuple[frozenset[str], frozenset[str]], RenderedTemplate] = {}
        self._fixed: dict = {}

    def rendered(self, unit: Unit) -> RenderedTemplate:
        key = (unit.variants, unit.roles(self.spec))
        if key not in self._cache:
            context = template_context(self.corpus, self.spec, *key, self.lang, self.date)
            self._cache[key] = render_template(
                self.template, context, self.lang, self.date, self._fixed
            )
        return self._cache[key]


def build_copy(renderer: Renderer, unit: Unit, parties: Any) -> tuple[bytes, str, str] | str:
    """(docx bytes, document id, content hash), or the reason it cannot be made."""
    rendered = renderer.rendered(unit)
    values = unit_slot_values(unit, parties, renderer.lang)
    missing = sorted(s for s in rendered.slots if is_blank(values.get(s)))
    if missing:
        return "; ".join(missing_message(unit, s) for s in missing)
    escaped = {k: literal(v) for k, v in values.items()}
    doc_id = document_id(renderer.spec, unit, renderer.lang, renderer.date)
    reference = f"{renderer.spec.doc_id} · {unit.party_id} · {{hash}}"
    copy = personalise(
        rendered, escaped, {"doc.id": literal(doc_id), "doc.reference": literal(reference)}
    )
    return copy.data, doc_id, copy.content_hash


#: below this many documents, starting worker processes costs more than it saves
PARALLEL_FROM = 64
_JOB: tuple[Renderer, Any] | None = None


def _build_chunk(chunk: list[Unit]) -> list[tuple[bytes, str, str] | str]:
    assert _JOB is not None
    renderer, parties = _JOB
    return [build_copy(renderer, unit, parties) for unit in chunk]


def _build_all(renderer: Renderer, units: list[Unit], parties: Any, progress, workers):
    """Each unit with its copy (or the reason it has none), on every core.

    The variants are rendered first, in this process; worker processes are
    forked afterwards and so share them (and the parties) without copying."""
    global _JOB
    for unit in units:
        renderer.rendered(unit)
    count = workers or os.cpu_count() or 1
    done = 0
    if count > 1 and len(units) >= PARALLEL_FROM and "fork" in mp.get_all_start_methods():
        size = max(8, len(units) // (count * 8))
        chunks = [units[i : i + size] for i in range(0, len(units), size)]
        _JOB = (renderer, parties)
        try:
            with ProcessPoolExecutor(count, mp_context=mp.get_context("fork")) as pool:
                for chunk, outcomes in zip(chunks, pool.map(_build_chunk, chunks), strict=True):
                    yield from zip(chunk, outcomes, strict=True)
                    done += len(chunk)
                    if progress:
                        progress("docx", done, len(units))
        finally:
            _JOB = None
        return
    for unit in units:
        yield unit, build_copy(renderer, unit, parties)
        done += 1
        if progress:
            progress("docx", done, len(units))


def generate(
    corpus: Corpus,
    doc_id: str,
    parties: Any,
    out: Path,
    *,
    lang: str = "fr",
    formats: tuple[str, ...] = ("docx",),
    only: set[str] | None = None,
    at: dt.date | None = None,
    templates: Path | None = None,
    progress: Callable[[str, int, int], None] | None = None,
    workers: int | None = None,
) -> BatchResult:
    unknown = [f for f in formats if f not in FORMATS]
    if unknown or not formats:
        raise ConventioError(f"unknown format(s) {', '.join(unknown)}; use docx, pdf or docx,pdf")
    spec = document_spec(corpus, doc_id)
    date = document_date(corpus, spec, at)
    template = template_path(templates or default_templates_dir(), spec, lang)
    units = units_for(spec, parties, only)
    if not units:
        raise ConventioError(f"no party of {parties.source} receives {doc_id}")
    renderer = Renderer(corpus, spec, template, lang, date)
    corpus_hash = corpus_sha256(corpus.root)
    built: list[tuple[Unit, bytes, str, str]] = []
    problems: list[str] = []
    for unit, outcome in _build_all(renderer, units, parties, progress, workers):
        if isinstance(outcome, str):
            problems.append(outcome)
        else:
            built.append((unit, *outcome))
    if problems:
        raise GenerationError(problems)
    target = out / spec.doc_id
    target.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".staging-", dir=target))
    try:
        entries = _stage(renderer, built, staging, formats, corpus_hash, progress, workers)
        _publish(staging, target, entries)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return BatchResult(target, entries)


def _stage(
    renderer: Renderer, built, staging: Path, formats, corpus_hash, progress, workers
) -> list[ManifestEntry]:
    entries: list[ManifestEntry] = []
    docx_paths: dict[str, Path] = {}
    for unit, data, doc_id, content_hash in built:
        stem = file_stem(unit, renderer.lang)
        path = staging / f"{stem}.docx"
        path.write_bytes(data)
        docx_paths[doc_id] = path
        rendered = renderer.rendered(unit)
        entry = ManifestEntry(
            document_id=doc_id,
            source=renderer.spec.doc_id,
            party=unit.party_id,
            network=unit.network.id,
            provider=unit.provider.id if unit.provider is not None else "",
            language=renderer.lang,
            date=renderer.date.isoformat(),
            template=f"{renderer.lang}/{renderer.template.name}",
            template_sha256=rendered.template_sha256,
            corpus_sha256=corpus_hash,
            content_hash=content_hash,
        )
        if "docx" in formats:
            entry.files["docx"] = {"path": path.name, "sha256": _sha(data)}
        entries.append(entry)
    if "pdf" in formats:
        _pdfs(renderer, built, docx_paths, staging, entries, progress, workers)
    for path in docx_paths.values():
        if "docx" not in formats:
            path.unlink()
    return entries


def _pdfs(renderer, built, docx_paths, staging, entries, progress, workers) -> None:
    from generator.pdf.finish import finish
    from generator.pdf.libreoffice import convert_many

    pdf_dir = staging / "pdf"
    total = len(docx_paths)
    converted = convert_many(
        list(docx_paths.values()),
        pdf_dir,
        workers=workers,
        progress=(lambda n: progress("pdf", n, total)) if progress else None,
    )
    for (unit, _, doc_id, content_hash), entry in zip(built, entries, strict=True):
        pdf_path = converted[docx_paths[doc_id]]
        signers = unit.roles(renderer.spec)
        roles = [r for r in renderer.spec.signatories if r in signers]
        data = finish(
            pdf_path.read_bytes(),
            document_id=doc_id,
            content_hash=content_hash,
            signing_roles=roles,
        )
        final = staging / f"{file_stem(unit, renderer.lang)}.pdf"
        final.write_bytes(data)
        pdf_path.unlink()
        entry.files["pdf"] = {"path": final.name, "sha256": _sha(data)}
    pdf_dir.rmdir()


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _publish(staging: Path, target: Path, entries: list[ManifestEntry]) -> None:
    """Move the finished files in, then write the manifest that lists them."""
    for entry in entries:
        for info in entry.files.values():
            os.replace(staging / info["path"], target / info["path"])
    write_atomically(target / "manifest.json", manifest_json(entries))
    write_atomically(target / "manifest.csv", manifest_csv(entries))
