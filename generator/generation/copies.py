"""Every copy of a batch, built in memory: each variant of the template is
rendered once (`Renderer`), then each party's copy is that rendering with its
values put in place of the sentinels (`build_copy`), on every core for a large
batch (`build_copies`). Nothing is written here."""

from __future__ import annotations

import datetime as dt
import multiprocessing as mp
import os
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator.corpus.collection import Corpus
from generator.generation.context import template_context
from generator.generation.docx_engine import RenderedTemplate, personalise, render_template
from generator.generation.leftovers import describe, leftovers_in
from generator.generation.name_joins import base_slot, joined_values
from generator.generation.sentinels import literal
from generator.generation.slots import missing_message, unit_slot_values
from generator.generation.units import DocumentSpec, Unit, document_id
from generator.invisible import is_blank
from generator.privacy import mask_national_numbers


@dataclass(frozen=True)
class Variant:
    """One rendering of the template (a party kind and its signing roles), and
    what every copy made from it shares."""

    rendered: RenderedTemplate
    #: the model's words its copies would still print, in words ("" if none; leftovers.py)
    leftovers: str
    #: the label of each role's signature field ("Signature – Pour le réseau de
    #: santé mentale"), its PDF tooltip
    field_labels: dict[str, str]


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
        #: the copies are information copies (a coordinated text the corpus does not
        #: hold whole, generation/coordinated.py): nobody signs them
        self.information = False
        self._variants: dict[tuple[frozenset[str], tuple[str, ...]], Variant] = {}
        self._fixed: dict = {}

    def variant(self, unit: Unit) -> Variant:
        """The rendering the unit's copy is made from, rendered on first use."""
        key = (unit.variants, self.roles(unit))
        if key not in self._variants:
            context = template_context(self.corpus, self.spec, *key, self.lang, self.date)
            rendered = render_template(self.template, context, self.lang, self.date, self._fixed)
            self._variants[key] = Variant(
                rendered,
                describe(leftovers_in(rendered)),
                {s["role"]: s["field_label"] for s in context["signatures"]},
            )
        return self._variants[key]

    def rendered(self, unit: Unit) -> RenderedTemplate:
        return self.variant(unit).rendered

    def roles(self, unit: Unit) -> tuple[str, ...]:
        """The roles that sign the unit's copy: none for an information copy."""
        return () if self.information else unit.roles(self.spec)


def build_copy(renderer: Renderer, unit: Unit, parties: Any) -> tuple[bytes, str, str] | str:
    """(docx bytes, document id, content hash), or the reason it cannot be made."""
    variant = renderer.variant(unit)
    rendered = variant.rendered
    if variant.leftovers:
        return mask_national_numbers(
            f"{unit.party_id}: the copy of {renderer.spec.doc_id} would still print the "
            f"model's {variant.leftovers}; a copy prints its party's words only: write the model's "
            "alternatives as a choice in the corpus (docs/corpus-format.md), or take these "
            f"words out of the template {renderer.template}"
        )
    values = unit_slot_values(unit, parties, renderer.lang)
    values |= joined_values(values, rendered.slots)
    missing = sorted({base_slot(s) for s in rendered.slots if is_blank(values.get(s))})
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


def build_copies(renderer: Renderer, units: list[Unit], parties: Any, progress, workers):
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
