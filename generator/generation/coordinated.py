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

from generator.catalogue import catalogue
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


def _part(part: str, lang: str) -> str:
    """What the corpus lacks of a convention: "les parties"."""
    words = catalogue(lang)
    if part == "articles":
        return words.gettext("the text of the articles")
    if part == "parties":
        return words.gettext("the parties")
    return words.gettext("the signatures")


_PART_NAMES = {
    "articles": "the text of its articles (the corpus holds none)",
    "parties": "its parties (the convention has no preamble in the corpus)",
    "signatures": "its signature blocks (the convention has no closing in the corpus)",
}


def _and(items: list[str], lang: str) -> str:
    """ "a, b et c" in the language's words."""
    if len(items) == 1:
        return items[0]
    # TRANSLATORS: the last two items of a list; {first} holds the others, joined by commas
    text = catalogue(lang).gettext("{first} and {last}")
    return text.format(first=", ".join(items[:-1]), last=items[-1])


def amendments_named(ordinals: tuple[int, ...], lang: str) -> str:
    """ "les avenants 1 à 5", "l'avenant 5", "les avenants 1, 3 et 4"."""
    words = catalogue(lang)
    # TRANSLATORS: {n} is an amendment's number, or several: "1 to 5", "1, 3 and 4"
    named = words.ngettext("amendment {n}", "amendments {n}", len(ordinals))
    if len(ordinals) == 1:
        return named.format(n=ordinals[0])
    first, last = min(ordinals), max(ordinals)
    if sorted(ordinals) == list(range(first, last + 1)):
        # TRANSLATORS: a range of amendment numbers
        return named.format(n=words.gettext("{a} to {b}").format(a=first, b=last))
    return named.format(n=_and([str(n) for n in sorted(ordinals)], lang))


def information_banner(missing: Missing, lang: str) -> str:
    """The banner of an information copy, in its language ("" for a complete text)."""
    if not missing:
        return ""
    words = catalogue(lang)
    what = []
    if missing.provisions:
        count = len(missing.provisions)
        # TRANSLATORS: between the names of missing provisions, which hold commas
        # ("article 17, § 1"); French typography puts a narrow no-break space before ";"
        listed = words.pgettext("between provisions", "; ").join(missing.provisions)
        # TRANSLATORS: {listed} names the provisions
        provisions = words.ngettext("{n} provision ({listed})", "{n} provisions ({listed})", count)
        what.append(provisions.format(n=count, listed=listed))
    what += [_part(part, lang) for part in missing.parts]
    if missing.amendments:
        what.append(amendments_named(missing.amendments, lang))
    # TRANSLATORS: the banner on the first page of an information copy; {what} lists
    # what the corpus lacks ("2 dispositions (…), les parties et l'avenant 5")
    banner = words.gettext(
        "Information copy: this coordinated text is incomplete. It lacks {what}, "
        "which the corpus does not hold. This copy cannot be signed."
    )
    return banner.format(what=_and(what, lang))


def partial_notice(missing: Missing, lang: str) -> str:
    """What `show` prints at the top of a convention the corpus does not hold
    whole ("" when it does): « Texte partiel : 4 dispositions ne sont pas reprises
    dans le corpus ; les avenants 1 à 5 ne sont pas repris dans le corpus : leurs
    modifications ne sont pas appliquées. »"""
    if not missing:
        return ""
    words = catalogue(lang)
    said = []
    if missing.provisions:
        count = len(missing.provisions)
        not_held = words.ngettext(
            "{n} provision is not held in the corpus",
            "{n} provisions are not held in the corpus",
            count,
        )
        said.append(not_held.format(n=count))
    if missing.parts:
        parts = _and([_part(part, lang) for part in missing.parts], lang)
        said.append(words.gettext("the corpus does not hold {what}").format(what=parts))
    if missing.amendments:
        # TRANSLATORS: {who} names the amendments ("les avenants 1 à 5")
        not_held = words.ngettext(
            "{who} is not held in the corpus: its changes are not applied",
            "{who} are not held in the corpus: their changes are not applied",
            len(missing.amendments),
        )
        said.append(not_held.format(who=amendments_named(missing.amendments, lang)))
    # TRANSLATORS: between the clauses of show's notice on a partial text
    text = words.pgettext("between clauses", "; ").join(said)
    # TRANSLATORS: the start of show's notice on a text the corpus does not hold whole
    return words.gettext("Partial text: ") + text + "."


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
