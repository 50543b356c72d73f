"""What the `generate` and `context` commands do, callable from tests."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from generator.corpus.loader import Corpus
from generator.errors import ConventioError
from generator.generation.sentinels import SENTINEL_RE
from generator.model.slots import MASKED as SECRET


def run_generate(
    corpus: Corpus,
    doc_id: str,
    parties_file: Path,
    out: Path,
    progress: Callable[[str, int, int], None] | None = None,
    **options: Any,
) -> Iterator[str]:
    """Generate, then say what was written (and what was repaired first).
    `progress(stage, done, total)` is told how far each stage (docx, pdf) is."""
    from generator.generation.batch import generate
    from generator.parties.check import load_parties

    parties = load_parties(parties_file)
    result = generate(corpus, doc_id, parties, out, progress=progress, **options)
    yield from result.notes
    formats = sorted({f for e in result.entries for f in e.files})
    yield (
        f"{len(result.entries)} document(s) written to {result.out_dir} ({', '.join(formats)}); "
        "manifest: manifest.json, manifest.csv"
    )


def context_json(
    corpus: Corpus,
    doc_id: str,
    parties_file: Path,
    party: str,
    lang: str | None,
    at: dt.date | None,
) -> str:
    """The stage-1 context with this party's values in place of the sentinels,
    in `lang` or else the party's language (LanguageGaps, naming what is missing,
    if the corpus does not hold it); the national register number is masked
    (it belongs in the document only)."""
    from generator.generation.batch import document_date
    from generator.generation.context import template_context
    from generator.generation.languages import check_languages, languages_of
    from generator.generation.slots import unit_slot_values
    from generator.generation.units import document_spec, units_for
    from generator.ooxml import footnotes
    from generator.parties.check import load_parties

    parties = load_parties(parties_file)
    spec = document_spec(corpus, doc_id)
    units = [
        u
        for u in units_for(spec, parties, {party})
        if party in (u.party_id, u.network.id, getattr(u.provider, "id", None))
    ]
    if len(units) != 1:
        choices = ", ".join(u.party_id for u in units[:10])
        raise ConventioError(
            f"{party!r} names {len(units)} documents of {doc_id}; name one: {choices}"
        )
    unit = units[0]
    date = document_date(corpus, spec, at)
    ((lang, _),) = languages_of(units, lang).items()
    check_languages(corpus, spec, {lang: units}, None, date)
    context = template_context(corpus, spec, unit.variants, unit.roles(spec), lang, date)
    values = {**unit_slot_values(unit, parties, lang), **SECRET}

    def show(value: Any) -> Any:
        if isinstance(value, str):
            shown = footnotes.plain(value)  # the marks Word's footnotes are made from
            return SENTINEL_RE.sub(lambda m: values.get(m.group(1), f"<{m.group(1)}>"), shown)
        if isinstance(value, list):
            return [show(v) for v in value]
        if isinstance(value, dict):
            return {k: show(v) for k, v in value.items()}
        return value

    return json.dumps(show(context), indent=2, ensure_ascii=False) + "\n"
