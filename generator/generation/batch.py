"""`conventio generate`: one personalised document per party, all or nothing.

Every copy is built in memory and checked first. Then the complete new folder
(the new files, the files of the earlier manifest that are kept, the merged
manifest) is built beside the output folder and swapped in by renames
(`generator.publish`): a batch that fails, or is killed, leaves the output
folder with either its complete old set or the complete new one.

A batch goes to OUT/<document id>, and a coordinated convention to
OUT/<convention>/<date>: one folder per document, one file per party and
language, so that two documents never share a file."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator.corpus.collection import Corpus
from generator.errors import ConventioError
from generator.files import check_folder, write_atomically
from generator.generation.coordinated import missing_text, refuse_unsigned
from generator.generation.copies import Renderer, build_copies
from generator.generation.languages import BY_PARTY, BY_USER, check_languages, languages_of
from generator.generation.manifest import (
    ManifestEntry,
    corpus_sha256,
    manifest_csv,
    manifest_json,
    merge_entries,
    read_manifest_entries,
)
from generator.generation.units import (
    Unit,
    document_date,
    document_spec,
    file_stem,
    output_folder,
    units_for,
)
from generator.publish import FolderUpdate

FORMATS = ("docx", "pdf")
INFORMATION_NOTE = (
    "information copies: the corpus does not hold the whole text of this coordinated "
    "convention (each copy's first page says what is missing); they have no signature "
    "blocks and no signature fields (--for-signature refuses them)"
)


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
    #: the documents of this batch (the manifest may list others, kept from before)
    entries: list[ManifestEntry] = field(default_factory=list)
    #: what was repaired after an earlier, interrupted run, in words
    notes: list[str] = field(default_factory=list)


def default_templates_dir() -> Path:
    env = os.environ.get("CONVENTIO_TEMPLATES")
    if env:
        return Path(env)
    from generator.shipped import shipped_folder

    return shipped_folder("templates")


@dataclass(frozen=True)
class BuiltCopy:
    """One party's copy, built in memory."""

    renderer: Renderer  # the renderer of the copy's language
    unit: Unit
    data: bytes  # the DOCX
    document_id: str
    content_hash: str


@dataclass
class PreparedBatch:
    """A batch built in memory and checked, not yet written (see `prepare`)."""

    renderers: dict[str, Renderer]  # one per language of the batch
    built: list[BuiltCopy]
    target: Path
    formats: tuple[str, ...]
    whole_series: bool  # made without --only: every copy of its document
    corpus_hash: str
    workers: int | None
    #: how the copies' languages were chosen: "party" (each its party's) or "user" (--lang)
    language_chosen_by: str = BY_PARTY

    @property
    def information(self) -> bool:
        """Information copies (generation/coordinated.py): nobody signs them."""
        return any(r.information for r in self.renderers.values())


def generate(corpus: Corpus, doc_id: str, parties: Any, out: Path, **options: Any) -> BatchResult:
    """Make the batch and write it into OUT (see the module's description):
    `prepare` with these options, then `write_batch`."""
    return write_batch(prepare(corpus, doc_id, parties, out, **options), options.get("progress"))


def prepare(
    corpus: Corpus,
    doc_id: str,
    parties: Any,
    out: Path,
    *,
    lang: str | None = None,
    formats: tuple[str, ...] = ("docx",),
    only: set[str] | None = None,
    at: dt.date | None = None,
    templates: Path | None = None,
    progress: Callable[[str, int, int], None] | None = None,
    workers: int | None = None,
    for_signature: bool = False,
) -> PreparedBatch:
    """Check everything and build every copy in memory; write nothing.

    Each copy is made in its party's language, or in `lang` for everyone
    (generation/languages.py). Raises ConventioError for a bad option, an output
    path that cannot be a folder, PDF asked without LibreOffice, LanguageGaps when
    the corpus or the templates lack what a language needs, and GenerationError
    listing every copy that cannot be made. A coordinated convention the corpus
    does not hold whole is made as information copies, or refused `for_signature`
    (generation/coordinated.py)."""
    unknown = [f for f in formats if f not in FORMATS]
    if unknown or not formats:
        raise ConventioError(f"unknown format(s) {', '.join(unknown)}; use docx, pdf or docx,pdf")
    check_folder(out, "--out")
    if "pdf" in formats:
        from generator.pdf.libreoffice import find_soffice

        find_soffice()  # before hours of work, not after
    spec = document_spec(corpus, doc_id)
    date = document_date(corpus, spec, at)
    units = units_for(spec, parties, only)
    if not units:
        raise ConventioError(f"no party of {parties.source} receives {doc_id}")
    information = False
    if spec.kind == "coordinated":
        assert spec.convention is not None
        missing = missing_text(corpus, spec.convention, date, "fr")
        if for_signature:
            refuse_unsigned(doc_id, date, missing)
        information = bool(missing)
    by_lang = languages_of(units, lang)
    paths = check_languages(corpus, spec, by_lang, templates or default_templates_dir(), date)
    renderers = {code: Renderer(corpus, spec, paths[code], code, date) for code in by_lang}
    for renderer in renderers.values():
        renderer.information = information
    built = _build_all(renderers, by_lang, parties, progress, workers)
    return PreparedBatch(
        renderers,
        built,
        output_folder(out, spec, date),
        tuple(formats),
        not only,
        corpus_sha256(corpus.root),
        workers,
        BY_USER if lang else BY_PARTY,
    )


def _build_all(renderers, by_lang, parties, progress, workers) -> list[BuiltCopy]:
    """Every copy, language by language; GenerationError lists every copy that
    cannot be made."""
    built: list[BuiltCopy] = []
    problems: list[str] = []
    total = sum(len(units) for units in by_lang.values())
    done = 0
    for code, units in by_lang.items():
        renderer = renderers[code]
        # one count over the languages, for the progress bar
        told = (
            (lambda stage, n, _, start=done: progress(stage, start + n, total))
            if progress
            else None
        )
        for unit, outcome in build_copies(renderer, units, parties, told, workers):
            if isinstance(outcome, str):
                problems.append(outcome)
            else:
                built.append(BuiltCopy(renderer, unit, *outcome))
        done += len(units)
    if problems:
        raise GenerationError(problems)
    built.sort(key=lambda copy: copy.unit.party_id)
    return built


def write_batch(
    batch: PreparedBatch, progress: Callable[[str, int, int], None] | None = None
) -> BatchResult:
    """Write a prepared batch (PDF conversion included) and its manifest, swapped in
    as one set; earlier documents of the folder are kept or replaced as the
    manifest says (`merge_entries`)."""
    target = batch.target
    with FolderUpdate(target, "--out") as update:
        notes = update.recovered + _remove_legacy_leftovers(target)
        if batch.information:
            notes.append(INFORMATION_NOTE)
        entries = _stage(batch, update.staging, progress)
        earlier = read_manifest_entries(target / "manifest.json")
        listed = merge_entries(earlier, entries, whole_series=batch.whole_series)
        for name in _kept_files(target, earlier, listed, entries):
            update.keep(name)
        write_atomically(update.staging / "manifest.json", manifest_json(listed))
        write_atomically(update.staging / "manifest.csv", manifest_csv(listed))
        update.publish()
    return BatchResult(target, entries, notes)


def _stage(batch: PreparedBatch, staging: Path, progress) -> list[ManifestEntry]:
    entries: list[ManifestEntry] = []
    docx_paths: dict[str, Path] = {}
    taken: dict[str, str] = {}
    for copy in batch.built:
        renderer, unit = copy.renderer, copy.unit
        stem = file_stem(renderer.spec, unit, renderer.lang, renderer.date)
        if stem.casefold() in taken:  # one file on case-insensitive file systems too
            raise ConventioError(
                f"{taken[stem.casefold()]} and {unit.party_id} would get the same file "
                f"name {stem}; party ids must differ by more than upper/lower case"
            )
        taken[stem.casefold()] = unit.party_id
        path = staging / f"{stem}.docx"
        path.write_bytes(copy.data)
        docx_paths[copy.document_id] = path
        entries.append(_entry(batch, copy))
        if "docx" in batch.formats:
            entries[-1].files["docx"] = {"path": path.name, "sha256": _sha(copy.data)}
    if "pdf" in batch.formats:
        _pdfs(batch, docx_paths, staging, entries, progress)
    for path in docx_paths.values():
        if "docx" not in batch.formats:
            path.unlink()
    return entries


def _entry(batch: PreparedBatch, copy: BuiltCopy) -> ManifestEntry:
    """The manifest's entry of one copy (its files are added as they are written)."""
    renderer, unit = copy.renderer, copy.unit
    roles = renderer.roles(unit)
    return ManifestEntry(
        document_id=copy.document_id,
        source=renderer.spec.doc_id,
        party=unit.party_id,
        network=unit.network.id,
        provider=unit.provider.id if unit.provider is not None else "",
        provider_kind=unit.provider_kind or "",
        language=renderer.lang,
        language_chosen_by=batch.language_chosen_by,
        date=renderer.date.isoformat(),
        template=f"{renderer.lang}/{renderer.template.name}",
        template_sha256=renderer.rendered(unit).template_sha256,
        corpus_sha256=batch.corpus_hash,
        content_hash=copy.content_hash,
        roles=list(roles),
        signers=unit.signers(roles),
    )


def _pdfs(batch: PreparedBatch, docx_paths, staging, entries, progress) -> None:
    from generator.pdf.finish import finish
    from generator.pdf.libreoffice import convert_many

    pdf_dir = staging / "pdf"
    total = len(docx_paths)
    converted = convert_many(
        list(docx_paths.values()),
        pdf_dir,
        workers=batch.workers,
        progress=(lambda n: progress("pdf", n, total)) if progress else None,
    )
    for copy, entry in zip(batch.built, entries, strict=True):
        renderer, unit = copy.renderer, copy.unit
        pdf_path = converted[docx_paths[copy.document_id]]
        data = finish(
            pdf_path.read_bytes(),
            document_id=copy.document_id,
            content_hash=copy.content_hash,
            signing_roles=renderer.roles(unit),  # an empty signature field per role
            field_labels=renderer.variant(unit).field_labels,
        )
        final = staging / f"{file_stem(renderer.spec, unit, renderer.lang, renderer.date)}.pdf"
        final.write_bytes(data)
        pdf_path.unlink()
        entry.files["pdf"] = {"path": final.name, "sha256": _sha(data)}
    pdf_dir.rmdir()


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


MANIFESTS = ("manifest.json", "manifest.csv")


def _kept_files(
    target: Path,
    earlier: list[ManifestEntry],
    listed: list[ManifestEntry],
    batch: list[ManifestEntry],
) -> list[str]:
    """The files of `target` that stay: all but the manifests, the files the batch
    replaces, and the files of earlier entries the new manifest no longer lists."""
    if not target.is_dir():
        return []

    def names(entries: list[ManifestEntry]) -> set[str]:
        return {info.get("path", "").casefold() for e in entries for info in e.files.values()}

    replaced = {e.document_id for e in batch}
    kept_entries = [e for e in listed if e.document_id not in replaced]
    gone = (names(earlier) - names(kept_entries)) | names(batch) | set(MANIFESTS)
    kept = []
    with os.scandir(target) as found:
        for entry in found:
            if entry.is_dir(follow_symlinks=False) or entry.name.casefold() in gone:
                continue
            kept.append(entry.name)
    return sorted(kept)


def _remove_legacy_leftovers(target: Path) -> list[str]:
    """Remove what an interrupted run of an earlier conventio left inside the folder
    (it staged there): its staging folders and half-written manifests."""
    notes = []
    if not target.is_dir():
        return notes
    for path in sorted(target.iterdir()):
        if path.is_dir() and path.name.startswith(".staging-"):
            shutil.rmtree(path)
        elif path.is_file() and any(path.name.startswith(f".{m}.") for m in MANIFESTS):
            path.unlink()
        else:
            continue
        notes.append(f"{target}: removed {path.name}, left by an interrupted run")
    return notes
