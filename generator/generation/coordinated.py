"""Whether a coordinated convention can be signed: what of its text the corpus
does not hold at a date, and the banner of an information copy.

The corpus marks a provision or an annex it knows of but does not hold with
`declared_only` (docs/corpus-format.md); the consolidation keeps the mark on the
version in force at the date (an annex replaced by an amendment is then held).
A coordinated convention is complete when none of its provisions in force is
such, it has articles, it has its parties (preamble) and signature blocks, and
no amendment known to exist is missing from the corpus (`known_amendments`).
`show` says what is not held at the top of every format (`partial_notice`).
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
    #: the ordinals of its amendments known to exist whose text the corpus does not
    #: hold (`known_amendments`): whatever they change is not applied
    amendments: tuple[int, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.provisions or self.parts or self.amendments)


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
    amendments = tuple(known.ordinal for known in convention.known_amendments)
    return Missing(provisions, parts, amendments)


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


_AMENDMENTS = {
    "fr": ("l'avenant {n}", "les avenants {n}", "{a} à {b}"),
    "nl": ("wijzigingsclausule {n}", "de wijzigingsclausules {n}", "{a} tot {b}"),
    "de": ("Nachtrag {n}", "die Nachträge {n}", "{a} bis {b}"),
}


def _and(items: list[str], lang: str) -> str:
    return ", ".join(items[:-1]) + f" {_AND[lang]} {items[-1]}" if len(items) > 1 else items[0]


def amendments_named(ordinals: tuple[int, ...], lang: str) -> str:
    """ "les avenants 1 à 5", "l'avenant 5", "les avenants 1, 3 et 4"."""
    one, many, span = _AMENDMENTS[lang]
    if len(ordinals) == 1:
        return one.format(n=ordinals[0])
    first, last = min(ordinals), max(ordinals)
    if sorted(ordinals) == list(range(first, last + 1)):
        return many.format(n=span.format(a=first, b=last))
    return many.format(n=_and([str(n) for n in sorted(ordinals)], lang))


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
    if missing.amendments:
        what.append(amendments_named(missing.amendments, lang))
    return _BANNER[lang].format(what=_and(what, lang))


#: between the clauses of the notice (plain text: show's outputs)
_CLAUSE_SEPARATOR = {"fr": " ; ", "nl": "; ", "de": "; "}
_PARTIAL = {
    "fr": "Texte partiel : ",
    "nl": "Onvolledige tekst: ",
    "de": "Unvollständiger Text: ",
}
_NOT_HELD = {
    "fr": (
        "{n} disposition n'est pas reprise dans le corpus",
        "{n} dispositions ne sont pas reprises dans le corpus",
    ),
    "nl": ("{n} bepaling staat niet in het corpus", "{n} bepalingen staan niet in het corpus"),
    "de": (
        "{n} Bestimmung ist nicht im Korpus enthalten",
        "{n} Bestimmungen sind nicht im Korpus enthalten",
    ),
}
_PARTS_NOT_HELD = {
    "fr": "le corpus ne contient pas {what}",
    "nl": "het corpus bevat niet {what}",
    "de": "der Korpus enthält nicht {what}",
}
_AMENDMENTS_NOT_HELD = {
    "fr": (
        "{who} n'est pas repris dans le corpus : ses modifications ne sont pas appliquées",
        "{who} ne sont pas repris dans le corpus : leurs modifications ne sont pas appliquées",
    ),
    "nl": (
        "{who} staat niet in het corpus: de wijzigingen ervan zijn niet toegepast",
        "{who} staan niet in het corpus: hun wijzigingen zijn niet toegepast",
    ),
    "de": (
        "{who} ist nicht im Korpus enthalten: seine Änderungen sind nicht angewandt",
        "{who} sind nicht im Korpus enthalten: ihre Änderungen sind nicht angewandt",
    ),
}


def partial_notice(missing: Missing, lang: str) -> str:
    """What `show` prints at the top of a convention the corpus does not hold
    whole ("" when it does): « Texte partiel : 4 dispositions ne sont pas reprises
    dans le corpus ; les avenants 1 à 5 ne sont pas repris dans le corpus : leurs
    modifications ne sont pas appliquées. »"""
    if not missing:
        return ""
    said = []
    if missing.provisions:
        one, many = _NOT_HELD[lang]
        count = len(missing.provisions)
        said.append((one if count == 1 else many).format(n=count))
    if missing.parts:
        parts = _and([_PARTS[lang][part] for part in missing.parts], lang)
        said.append(_PARTS_NOT_HELD[lang].format(what=parts))
    if missing.amendments:
        one, many = _AMENDMENTS_NOT_HELD[lang]
        who = amendments_named(missing.amendments, lang)
        said.append((one if len(missing.amendments) == 1 else many).format(who=who))
    text = _CLAUSE_SEPARATOR[lang].join(said)
    return _PARTIAL[lang] + text + "."


def refuse_unsigned(doc_id: str, at: dt.date, missing: Missing) -> None:
    """`--for-signature`: refuse a coordinated convention the corpus does not hold whole."""
    if not missing:
        return
    listed = [f"  - {name}" for name in missing.provisions]
    listed += [f"  - {_PART_NAMES[part]}" for part in missing.parts]
    listed += [
        f"  - amendment {n} (known to exist, its text is not in the corpus)"
        for n in missing.amendments
    ]
    raise ConventioError(
        f"{doc_id} as in force on {at.isoformat()} cannot be generated for signature: the "
        f"corpus does not hold its whole text. Missing:\n" + "\n".join(listed) + "\n"
        "Add the missing text to the corpus (docs/corpus-format.md), or generate without "
        "--for-signature to make information copies (not for signing)."
    )
