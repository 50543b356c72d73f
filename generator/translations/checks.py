"""What a translation must keep of the French: the one home of the checks an XLIFF
import, an aligned import of an official text and `conventio check` make.

A translated unit keeps the legal tokens of its French, compared by value
(generator/diffing/tokens.py `legal_tokens`): amounts, dates, pseudocodes,
article and paragraph references, point numbers, percentages, slots (by name:
the placeholder after `|` may be translated), choices (selector and alternatives:
the words inside `[…]` may be translated) and footnote marks. A set of new
translations for a document also names every unit of it, only units of it, none
empty, each made from the French the corpus holds now."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from generator.diffing.tokens import LEGAL_KINDS, token_differences
from generator.errors import ConventioError, Problem
from generator.model.text import TRANSLATED, source_hash
from generator.translations.units import TextUnit, text_units

_LANGUAGE_NAMES = {"nl": "Dutch", "de": "German"}


@dataclass(frozen=True, order=True)
class TranslationProblem:
    """What is wrong with one unit's translation (`unit` is its id, "" for the file)."""

    address: str
    message: str
    unit: str = ""

    def __str__(self) -> str:
        return f"{self.address}: {self.message}" if self.address else self.message


class TranslationRefused(ConventioError):
    """A set of translations with problems: nothing of it was written."""

    def __init__(self, what: str, problems: Sequence[TranslationProblem]):
        self.problems = list(problems)
        listed = "\n".join(f"  - {p}" for p in self.problems)
        super().__init__(
            f"{what}: {len(self.problems)} problem(s), nothing was written; correct the "
            f"translation and import it again:\n{listed}"
        )


def check_language(lang: str) -> str:
    if lang not in TRANSLATED:
        raise ConventioError(
            f"cannot translate into {lang!r}: French is the source; use one of: "
            + ", ".join(TRANSLATED)
        )
    return lang


def excerpt(text: str, length: int = 40) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= length else flat[: length - 1].rstrip() + "…"


def where(unit: TextUnit) -> str:
    """The unit's address and the start of its French, for a message."""
    return f"{unit.address} « {excerpt(unit.text.fr)} »"


def token_problems(source: str, target: str) -> list[str]:
    """The legal tokens `target` does not keep of `source`, in plain words."""
    messages = []
    for kind, in_source, in_target in token_differences(source, target):
        messages.append(
            f"the {LEGAL_KINDS[kind]}s differ: {', '.join(in_source) or 'none'} in French, "
            f"{', '.join(in_target) or 'none'} in the translation"
        )
    return messages


def unit_problems(unit: TextUnit, target: str | None, source: str | None = None) -> list[str]:
    """What is wrong with `target` as the translation of `unit`; `source`, when
    given, is the French the translator saw (it must be the corpus's French now)."""
    if source is not None and source != unit.text.fr:
        return [
            "the French in the file is not the French of the corpus (it changed since the "
            "export): export the document again and translate this unit anew"
        ]
    if target is None or not target.strip():
        return ["the translation is empty"]
    return token_problems(unit.text.fr, target)


def check_targets(
    units: Sequence[TextUnit],
    targets: Mapping[str, str],
    sources: Mapping[str, str] | None = None,
    *,
    complete: bool = True,
) -> list[TranslationProblem]:
    """Every problem of a set of translations for one document: `targets` maps unit
    ids to the translated text, `sources` (optional) to the French the translator
    saw. With `complete`, every unit of the document must be there."""
    known = {unit.id: unit for unit in units}
    problems = [
        TranslationProblem(
            unit_id, f"unknown unit {unit_id!r}: the document has no text there", unit_id
        )
        for unit_id in targets
        if unit_id not in known
    ]
    for unit in units:
        if unit.id not in targets:
            if complete:
                problems.append(
                    TranslationProblem(where(unit), "no translation in the file", unit.id)
                )
            continue
        source = sources.get(unit.id) if sources is not None else None
        for message in unit_problems(unit, targets[unit.id], source):
            problems.append(TranslationProblem(where(unit), message, unit.id))
    return problems


def stored_problems(units: Sequence[TextUnit]) -> Iterator[tuple[TextUnit, str, str]]:
    """The translations a document holds that do not have the structure of their
    French, or were made from another French (out of date): (unit, language, message)."""
    for unit in units:
        for lang in TRANSLATED:
            target = unit.text.get(lang)
            if target is None:
                continue
            name = _LANGUAGE_NAMES[lang]
            if unit.text.source_of(lang) != source_hash(unit.text.fr):
                yield (
                    unit,
                    lang,
                    f"the {name} translation is out of date: the French changed since it "
                    f"was made; translate it again (conventio translations export)",
                )
            for message in token_problems(unit.text.fr, target):
                yield unit, lang, f"the {name} translation does not keep the French: {message}"


def corpus_translation_problems(corpus: Any) -> list[Problem]:
    """`conventio check`'s part: each translation the corpus holds, at its line."""
    problems = []
    for doc_id, document in corpus.documents.items():
        for unit, lang, message in stored_problems(text_units(document)):
            problems.append(corpus.problem(doc_id, (*unit.loc, lang), message))
    return problems
