"""`conventio bonus statements`: a letter per provider, in the provider's language
(or the one `--lang` chooses), from templates/<lang>/bonus-statement.docx, with the
calculation and article 14/1 quoted from the corpus; DOCX and/or PDF and a manifest
(JSON and CSV) like `generate`, all written at once or not at all."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator.bonus.statement_text import missing_in, slot_values, statement_context
from generator.errors import ConventioError
from generator.generation.docx_engine import RenderedTemplate, personalise, render_template
from generator.generation.languages import BY_PARTY, BY_USER, Gap, LanguageGaps
from generator.generation.manifest import ManifestEntry, corpus_sha256, manifest_csv, manifest_json
from generator.generation.sentinels import literal
from generator.privacy import mask_national_numbers
from generator.publish import FolderUpdate
from generator.rendering.language import LOCALES, format_date

TEMPLATE = "bonus-statement"
FORMATS = ("docx", "pdf")


@dataclass(frozen=True)
class Letter:
    """One provider's statement: who, in which language, and the result row."""

    provider: Any  # the party (psychologist or organisation)
    network: Any  # the paying network's party
    lang: str
    row: Any


def letters_for(rows: list[Any], parties: Any, lang: str | None) -> tuple[list[Letter], list[str]]:
    """A letter for each result row with a paying network whose provider is in the
    party file; the INAMI numbers of the others (no letter: nobody to address it to,
    or no network pays)."""
    providers = {
        str(p.inami): p for p in (*parties.psychologists, *parties.organisations) if p.inami
    }
    networks = {n.id: n for n in parties.networks}
    networks |= {str(n.inami): n for n in parties.networks if n.inami}
    letters, without = [], []
    for row in rows:
        provider = providers.get(str(row.provider_inami))
        network = networks.get(str(row.paying_network)) if row.paying_network else None
        if provider is None or network is None:
            without.append(str(row.provider_inami))
            continue
        letters.append(Letter(provider, network, lang or provider.language, row))
    return letters, without


def check_languages(corpus: Any, params: Any, letters: list[Letter], templates: Path) -> None:
    """Before anything is made: every language the letters need has the article's text
    and the declared assumptions in the corpus, and its template; else LanguageGaps,
    grouped per language as `generate` says it."""
    gaps = []
    for lang in LOCALES:
        ids = sorted(letter.provider.id for letter in letters if letter.lang == lang)
        if not ids:
            continue
        missing = missing_in(corpus, params, lang)
        path = templates / lang / f"{TEMPLATE}.docx"
        absent = None if path.is_file() else path
        if missing or absent:
            gaps.append(Gap(lang, ids, missing, absent))
    if gaps:
        raise LanguageGaps([(f"the practice bonus statement {params.year}", gaps)])


@dataclass(frozen=True)
class Made:
    letter: Letter
    stem: str
    data: bytes
    document_id: str
    content_hash: str


def make_letters(
    corpus: Any, params: Any, letters: list[Letter], templates: Path, date: dt.date
) -> tuple[list[Made], dict[str, RenderedTemplate]]:
    """Every letter's DOCX, in memory: each language's template rendered once, then
    filled with each provider's values as inert text."""
    rendered: dict[str, RenderedTemplate] = {}
    made = []
    for letter in letters:
        lang = letter.lang
        if lang not in rendered:
            context = statement_context(corpus, params, lang, format_date(date, lang))
            rendered[lang] = render_template(
                templates / lang / f"{TEMPLATE}.docx", context, lang, date
            )
        values = slot_values(letter.row, letter.provider.name, letter.network.name, lang)
        doc_id = f"practice-bonus-{params.year}#{letter.provider.id}#{lang}"
        reference = f"practice-bonus-{params.year} · {letter.provider.id} · {{hash}}"
        copy = personalise(
            rendered[lang],
            {k: literal(v) for k, v in values.items()},
            {"doc.id": literal(doc_id), "doc.reference": literal(reference)},
        )
        stem = f"{letter.provider.id}.{lang}"
        made.append(Made(letter, stem, copy.data, doc_id, copy.content_hash))
    return made, rendered


def _entry(made: Made, params: Any, rendered, corpus_hash: str, chosen: str, date) -> ManifestEntry:
    letter = made.letter
    return ManifestEntry(
        document_id=made.document_id,
        source=f"practice-bonus-{params.year}",
        party=letter.provider.id,
        network=letter.network.id,
        provider=letter.provider.id,
        provider_kind=letter.provider.party_type,
        language=letter.lang,
        language_chosen_by=chosen,
        date=date.isoformat(),
        template=f"{letter.lang}/{TEMPLATE}.docx",
        template_sha256=rendered[letter.lang].template_sha256,
        corpus_sha256=corpus_hash,
        content_hash=made.content_hash,
        roles=[],
        signers={},
    )


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _pdfs(made: list[Made], staging: Path, entries, workers: int | None, progress) -> None:
    from generator.pdf.finish import finish
    from generator.pdf.libreoffice import convert_many

    pdf_dir = staging / ".pdf"
    sources = [staging / f"{m.stem}.docx" for m in made]
    converted = convert_many(sources, pdf_dir, workers=workers, progress=progress)
    for item, entry, source in zip(made, entries, sources, strict=True):
        data = finish(
            converted[source].read_bytes(),
            document_id=item.document_id,
            content_hash=item.content_hash,
        )
        (staging / f"{item.stem}.pdf").write_bytes(data)
        converted[source].unlink()
        entry.files["pdf"] = {"path": f"{item.stem}.pdf", "sha256": _sha(data)}
    pdf_dir.rmdir()


def write_statements(
    corpus: Any,
    params: Any,
    letters: list[Letter],
    out: Path,
    *,
    formats: tuple[str, ...],
    templates: Path,
    chosen_by: str,
    date: dt.date,
    workers: int | None = None,
    progress: Callable[[int], None] | None = None,
) -> list[ManifestEntry]:
    """Make every letter, then replace the folder `out` with them and the manifest
    in one swap; on any failure, `out` stays as it was."""
    unknown = [f for f in formats if f not in FORMATS]
    if unknown or not formats:
        raise ConventioError(
            f"--format: {', '.join(unknown) or 'nothing'}; use docx, pdf or docx,pdf"
        )
    check_languages(corpus, params, letters, templates)
    made, rendered = make_letters(corpus, params, letters, templates, date)
    corpus_hash = corpus_sha256(corpus.root) if getattr(corpus, "root", None) else ""
    with FolderUpdate(out, "--out") as update:
        entries = []
        for item in made:
            (update.staging / f"{item.stem}.docx").write_bytes(item.data)
            entries.append(_entry(item, params, rendered, corpus_hash, chosen_by, date))
            if "docx" in formats:
                entries[-1].files["docx"] = {"path": f"{item.stem}.docx", "sha256": _sha(item.data)}
        if "pdf" in formats:
            _pdfs(made, update.staging, entries, workers, progress)
        if "docx" not in formats:
            for item in made:
                (update.staging / f"{item.stem}.docx").unlink()
        (update.staging / "manifest.json").write_bytes(manifest_json(entries))
        (update.staging / "manifest.csv").write_bytes(manifest_csv(entries))
        update.publish()
    return entries


def run_statements(
    corpus: Any,
    billing: Path,
    year: int,
    parties_file: Path,
    out: Path,
    *,
    formats: tuple[str, ...] = ("docx",),
    lang: str | None = None,
    templates: Path | None = None,
    columns: Any = None,
    workers: int | None = None,
    date: dt.date | None = None,
) -> list[str]:
    """`conventio bonus statements`: compute, check, write; what to say."""
    from generator.bonus.from_billing import bonus_report, refuse_errors
    from generator.generation.batch import default_templates_dir

    report, parties = bonus_report(
        billing, year, corpus, columns=columns, parties_file=parties_file
    )
    refuse_errors(report)
    letters, without = letters_for(report.rows, parties, lang)
    entries = write_statements(
        corpus,
        report.parameters,
        letters,
        out,
        formats=formats,
        templates=templates or default_templates_dir(),
        chosen_by=BY_USER if lang else BY_PARTY,
        date=date or dt.date.today(),
        workers=workers,
    )
    lines = [f"{len(entries)} statement(s) written to {out} (manifest.json, manifest.csv)"]
    if without:
        lines.append(
            mask_national_numbers(
                f"{len(without)} provider(s) get no statement: not in the party file, or no "
                "network of theirs pays them (see `conventio bonus compute`)"
            )
        )
    return lines
