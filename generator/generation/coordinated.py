"""Whether a coordinated convention can be signed: what of its text the corpus
does not hold at a date, and the banner of an information copy.

The corpus marks a provision or an annex it knows of but does not hold with
`declared_only` (docs/corpus-format.md); the consolidation keeps the mark on the
version in force at the date (an annex replaced by an amendment is then held).
A coordinated convention is complete when none of its provisions in force is
such, it has articles, and it has its parties (preamble) and signature blocks.
Otherwise each copy is an information copy: a banner on its first page
(`information_banner`), nobody signs it (no signature blocks, no PDF signature
fields), and `conventio generate --for-signature` refuses it (`refuse_unsigned`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from generator.consolidation.engine import Consolidation, consolidate
from generator.corpus.collection import Corpus
from generator.errors import ConventioError
from generator.model.documents import Convention


@dataclass(frozen=True)
class Missing:
    """What a coordinated convention lacks to be signed, at one date."""

    #: the provisions and annexes in force the corpus does not hold ("article 14")
    provisions: tuple[str, ...]
    #: other parts it lacks: "articles", "parties", "signatures"
    parts: tuple[str, ...]

    def __bool__(self) -> bool:
        return bool(self.provisions or self.parts)


def missing_text(corpus: Corpus, convention: Convention, at: dt.date, lang: str) -> Missing:
    """What the convention in force at `at` lacks in the corpus."""
    return missing_in(consolidate(convention, corpus.amendments_of(convention.id), at, lang))


def missing_in(result: Consolidation) -> Missing:
    """What a consolidated convention lacks in the corpus."""
    convention = result.convention
    provisions = tuple(
        node.human
        for root in (result.articles, result.annexes)
        for node in root.walk()
        if node.declared_only and not node.repealed
    )
    parts = tuple(
        name
        for name, held in (
            ("articles", convention.articles),
            ("parties", convention.preamble),
            ("signatures", convention.closing and convention.closing.signatures),
        )
        if not held
    )
    return Missing(provisions, parts)


_PROVISIONS = {
    "fr": ("disposition", "dispositions"),
    "nl": ("bepaling", "bepalingen"),
    "de": ("Bestimmung", "Bestimmungen"),
}
_PARTS = {
    "fr": {
        "articles": "le texte des articles",
        "parties": "les parties",
        "signatures": "les signatures",
    },
    "nl": {
        "articles": "de tekst van de artikelen",
        "parties": "de partijen",
        "signatures": "de handtekeningen",
    },
    "de": {
        "articles": "der Text der Artikel",
        "parties": "die Parteien",
        "signatures": "die Unterschriften",
    },
}
_BANNER = {
    "fr": (
        "Copie d'information : ce texte coordonné est incomplet. Il y manque {what}, "
        "que le corpus ne contient pas. Cette copie ne peut pas être signée."
    ),
    "nl": (
        "Informatiekopie: deze gecoördineerde tekst is onvolledig. Er ontbreken {what}, "
        "die niet in het corpus staan. Deze kopie kan niet worden ondertekend."
    ),
    "de": (
        "Informationskopie: dieser koordinierte Text ist unvollständig. Es fehlen {what}, "
        "die nicht im Korpus enthalten sind. Diese Kopie kann nicht unterzeichnet werden."
    ),
}
_AND = {"fr": "et", "nl": "en", "de": "und"}
#: between the names of the missing provisions, which hold commas ("article 17, § 1")
_LIST_SEPARATOR = {"fr": "\u202f; ", "nl": "; ", "de": "; "}
_PART_NAMES = {
    "articles": "the text of its articles (the corpus holds none)",
    "parties": "its parties (the convention has no preamble in the corpus)",
    "signatures": "its signature blocks (the convention has no closing in the corpus)",
}


def information_banner(missing: Missing, lang: str) -> str:
    """The banner of an information copy, in its language ("" for a complete text)."""
    if not missing:
        return ""
    what = []
    if missing.provisions:
        one, many = _PROVISIONS[lang]
        count = len(missing.provisions)
        listed = _LIST_SEPARATOR[lang].join(missing.provisions)
        what.append(f"{count} {one if count == 1 else many} ({listed})")
    what += [_PARTS[lang][part] for part in missing.parts]
    joined = ", ".join(what[:-1]) + f" {_AND[lang]} {what[-1]}" if len(what) > 1 else what[0]
    return _BANNER[lang].format(what=joined)


def refuse_unsigned(doc_id: str, at: dt.date, missing: Missing) -> None:
    """`--for-signature`: refuse a coordinated convention the corpus does not hold whole."""
    if not missing:
        return
    listed = [f"  - {name}" for name in missing.provisions]
    listed += [f"  - {_PART_NAMES[part]}" for part in missing.parts]
    raise ConventioError(
        f"{doc_id} as in force on {at.isoformat()} cannot be generated for signature: the "
        f"corpus does not hold its whole text. Missing:\n" + "\n".join(listed) + "\n"
        "Add the missing text to the corpus (docs/corpus-format.md), or generate without "
        "--for-signature to make information copies (not for signing)."
    )
