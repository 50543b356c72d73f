"""Which language each copy of a batch is made in, and the check, before
anything is made, that the corpus and the templates hold what each language
needs: never a silent fallback to French.

Without `--lang`, each copy is made in its party's `language` (a network's
copy in the network's, a provider's copy in the provider's); `--lang` chooses
one language for everyone. The manifest records which (`language_chosen_by`:
`party` or `user`). When a language lacks texts or a template, the whole batch
stops and `LanguageGaps` says, per language, which parties are concerned and
what is missing, grouped (« article 14/1 (15 texts) », not one line per text)."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from generator.corpus.collection import Corpus
from generator.errors import ConventioError
from generator.generation.context import template_context
from generator.generation.units import DocumentSpec, Unit
from generator.rendering.language import LOCALES, MissingTexts, TextPicker

LANGUAGE_NAMES = {"fr": "French", "nl": "Dutch", "de": "German"}
#: how a copy's language was chosen (the manifest's `language_chosen_by`)
BY_PARTY, BY_USER = "party", "user"
#: how many party ids and groups of texts a message names before « and N more »
_NAMED_PARTIES = 6
_NAMED_GROUPS = 12


def party_language(unit: Unit) -> str:
    """The language of the party who receives the copy: the provider's for a
    provider's copy, else the network's."""
    party = unit.provider if unit.provider is not None else unit.network
    return party.language


def languages_of(units: Iterable[Unit], lang: str | None) -> dict[str, list[Unit]]:
    """The units of each language, in the order fr, nl, de: `lang` for all of
    them when the user chose one, else each party's own."""
    by_lang: dict[str, list[Unit]] = {code: [] for code in LOCALES}
    for unit in units:
        by_lang[lang or party_language(unit)].append(unit)
    return {code: found for code, found in by_lang.items() if found}


@dataclass(frozen=True)
class Gap:
    """What one language lacks for the copies of its parties."""

    lang: str
    parties: list[str]
    missing: Counter[str]  # address of a text -> how many texts there
    template: Path | None  # the template expected and absent (None: it is there)


class LanguageGaps(ConventioError):
    """What the corpus and the templates lack for the languages of one or more
    documents' parties: `documents` is (document id, its gaps) for each."""

    def __init__(self, documents: list[tuple[str, list[Gap]]]):
        self.documents = documents
        ids = " and ".join(doc_id for doc_id, _ in documents)
        lines = []
        for doc_id, gaps in documents:
            indent = "  "
            if len(documents) > 1:
                lines.append(f"  {doc_id}:")
                indent = "    "
            lines += [f"{indent}- {describe_gap(gap)}" for gap in gaps]
        listed = "\n".join(lines)
        super().__init__(
            f"{ids} cannot be made in every language {'its' if len(documents) == 1 else 'their'}"
            f" parties need; nothing was written:\n{listed}\nAdd the missing texts to the "
            "corpus next to the French (docs/corpus-format.md) and the missing templates, or "
            "choose one language for everyone with --lang (the corpus holds every text in "
            "French)."
        )


def check_languages(
    corpus: Corpus,
    spec: DocumentSpec,
    by_lang: dict[str, list[Unit]],
    templates: Path | None,
    date: dt.date,
) -> dict[str, Path]:
    """The template of each language (none without `templates`: the corpus alone
    is checked); raises LanguageGaps if the corpus lacks a text or the templates
    a file some copy needs. Renders nothing: each variant's context is made in
    French, checking that every text it prints is held in the copy's language,
    so the texts are named by their French addresses."""
    found: dict[str, Path] = {}
    gaps: list[Gap] = []
    for lang, units in by_lang.items():
        missing = _missing_texts(corpus, spec, units, lang, date)
        path = template_path(templates, spec, lang) if templates else None
        absent = path if path is not None and not path.is_file() else None
        if missing or absent:
            gaps.append(Gap(lang, [u.party_id for u in units], missing, absent))
        if path is not None:
            found[lang] = path
    if gaps:
        raise LanguageGaps([(spec.doc_id, gaps)])
    return found


def template_path(templates: Path, spec: DocumentSpec, lang: str) -> Path:
    """Where the template of `spec` in `lang` is (it may be absent)."""
    return templates / lang / f"{spec.template}.docx"


def _missing_texts(
    corpus: Corpus, spec: DocumentSpec, units: list[Unit], lang: str, date: dt.date
) -> Counter[str]:
    """The texts the copies of `units` print that the corpus lacks in `lang`
    (each address with its largest count over the variants)."""
    missing: Counter[str] = Counter()
    for key in dict.fromkeys((u.variants, u.roles(spec)) for u in units):
        try:
            template_context(corpus, spec, *key, "fr", date, pick=TextPicker("fr", check=lang))
        except MissingTexts as error:
            missing |= Counter(error.where)
    return missing


def describe_gap(gap: Gap) -> str:
    """One language's gap in words, for someone who is not a programmer."""
    name = LANGUAGE_NAMES[gap.lang]
    count = len(gap.parties)
    need = "needs" if count == 1 else "need"
    needs = []
    if gap.missing:
        total = sum(gap.missing.values())
        groups = _named(group_missing(gap.missing), _NAMED_GROUPS)
        needs.append(
            f"{need} {total} text{'s' * (total != 1)} the corpus does not hold in {name}: {groups}"
        )
    if gap.template is not None:
        needs.append(f"{need} a {name} template, which is not there: {gap.template}")
    parties = f"{count} part{'y' if count == 1 else 'ies'} ({_named(gap.parties, _NAMED_PARTIES)})"
    return f"{name} ({gap.lang}): {parties} " + "; and ".join(needs)


def _named(items: list[str], limit: int) -> str:
    shown = ", ".join(items[:limit])
    return f"{shown} and {len(items) - limit} more" if len(items) > limit else shown


_NUMBERED = (
    (re.compile(r"recital (\d+)"), "recitals"),
    (re.compile(r"amendment article (\S+)"), "the amendment's articles"),
    (re.compile(r"letter, paragraph (\d+)"), "the letter's paragraphs"),
)
#: a numbered group's name when it has one number
_ONE = {"recitals": "recital", "the amendment's articles": "the amendment's article"}
_ONE["the letter's paragraphs"] = "the letter's paragraph"


def _group_of(where: str) -> tuple[str, str]:
    """The group of a text's address, and what it is in that group: a number, a
    row of an annex, or another text."""
    for pattern, group in _NUMBERED:
        if match := pattern.fullmatch(where):
            return group, match.group(1)
    if match := re.fullmatch(r"annexe (\S+)(, .+)?", where):
        return f"annex {match.group(1)}", "row" if match.group(2) else "text"
    if where.startswith("preamble"):
        return "preamble", "text"
    if where.startswith("signature ("):
        return "the signature blocks", "text"
    return where.split(", ")[0].removesuffix(" (heading)"), "text"


def group_missing(missing: Counter[str]) -> list[str]:
    """The addresses of missing texts as a few groups, in the document's order:
    « title », « recitals 1–3 », « article 14/1 (15 texts) », « annex 1 (46 rows,
    6 other texts) »."""
    groups: dict[str, Counter[str]] = {}
    numbers: dict[str, list[str]] = {}
    for where, count in missing.items():
        group, item = _group_of(where)
        if any(group == name for _, name in _NUMBERED):
            numbers.setdefault(group, []).append(item)
            groups.setdefault(group, Counter())
        else:
            groups.setdefault(group, Counter())[item] += count
    return [
        _numbered(group, numbers[group]) if group in numbers else _counted(group, counts)
        for group, counts in groups.items()
    ]


def _numbered(group: str, numbers: list[str]) -> str:
    name = _ONE[group] if len(set(numbers)) == 1 else group
    return f"{name} {_ranges(numbers)}"


def _counted(group: str, counts: Counter[str]) -> str:
    rows, texts = counts["row"], counts["text"]
    if rows:
        other = f", {texts} other text{'s' * (texts != 1)}" if texts else ""
        return f"{group} ({rows} row{'s' * (rows != 1)}{other})"
    return group if texts == 1 else f"{group} ({texts} texts)"


def _ranges(numbers: list[str]) -> str:
    """« 1–3, 5 » for 1, 2, 3, 5 (numbers that are not integers as they are)."""
    if not all(n.isdigit() for n in numbers):
        return ", ".join(numbers)
    values = sorted({int(n) for n in numbers})
    spans: list[list[int]] = []
    for value in values:
        if spans and value == spans[-1][1] + 1:
            spans[-1][1] = value
        else:
            spans.append([value, value])
    return ", ".join(str(a) if a == b else f"{a}–{b}" for a, b in spans)
