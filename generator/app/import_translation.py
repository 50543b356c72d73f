"""`conventio import FILE --lang nl --translation-of DOC`: an official Dutch or
German text aligned with the French document DOC (generator/importing/align),
then checked and written like an XLIFF import (generator/translations).

Nothing is written unless every text unit was aligned and every target
passes the translation checks: what could not be aligned is listed, with
where it was found and what it says; a target that does not keep its
French's amounts, dates, pseudocodes... is refused by the checks."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from generator.errors import ConventioError
from generator.importing.align.result import Alignment

#: at most this many characters of a text in a listing
_SHOWN = 80


class NotAligned(ConventioError):
    """Texts of either side without a counterpart: nothing was written."""

    def __init__(self, source: Path, alignment: Alignment):
        self.alignment = alignment
        lines = [
            f"{source}: {len(alignment.unaligned)} text(s) could not be aligned with "
            f"{alignment.doc_id}; nothing was written. Check that the file is the "
            f"{alignment.lang} text of that document (same articles, points and annex rows):"
        ]
        for item in alignment.unaligned:
            shown = " ".join(item.found_text.split())
            shown = shown if len(shown) <= _SHOWN else shown[: _SHOWN - 1] + "…"
            lines.append(f"  - {item.where}: « {shown} »: {item.reason}")
        super().__init__("\n".join(lines))


def run_translation_import(source: Path, lang: str, doc_id: str, corpus: Any) -> str:
    """Align `source` with `doc_id` of `corpus` (a loaded Corpus) and write the
    targets into its YAML; the summary to print."""
    from generator.importing.align.run import align_file

    alignment = align_file(Path(source), doc_id, lang, Path(corpus.root))
    if alignment.unaligned:
        raise NotAligned(Path(source), alignment)
    result = store_targets(corpus, alignment, f"{source} ({lang} translation of {doc_id})")
    return (
        f"{result.doc_id} ({result.lang}): {len(alignment.targets)} text(s) aligned; "
        f"{result.written} translation(s) written, {result.unchanged} unchanged, in {result.path}\n"
    )


# --- glue to the translation workflow (issue 14, part "xliff", generator/translations):
# the aligned targets go through the same checks and the same all-or-nothing write as
# `conventio translations import FILE.xlf`. This is the only place that connects the two.
def store_targets(corpus: Any, alignment: Alignment, what: str) -> Any:
    """Check `alignment.targets` against the French (every unit present, legal tokens
    kept, none empty) and write them into the corpus YAML, or raise TranslationRefused
    listing each problem with both values and write nothing."""
    from generator.translations.store import apply_translations

    return apply_translations(
        corpus, alignment.doc_id, alignment.lang, alignment.targets, what=what
    )
