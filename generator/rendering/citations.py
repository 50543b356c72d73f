"""Naming instruments as people do: « l'article 2 de l'avenant au modèle de
convention du 28 septembre 2023 », « l'article 1er du sixième avenant à la
convention du 26 juillet 2021 », never an internal id. The one home for naming
an amendment and one of its articles in words; every output that cites an
amendment (show's change notes and pending list, history, the diff's causes and
the redline's comments) asks here.

The rule, from how the sources name these documents:

- a numbered amendment is named by its ordinal and the convention it amends,
  with the convention's date, as its own title does (« Sixième avenant à la
  convention [...] du 26 juillet 2021 »); the convention's date is its
  `dates.approved` (the date the convention carries); when the convention has
  none, the amendment's own date below;
- an unnumbered amendment is « l'avenant » to the convention it amends, named
  by its own date: its approval date, else (no approval date known) its issue
  date (the date of the circular that sent it), else its signing date;
- the convention is named by its kind: an INAMI-network convention is « la
  convention », a network-provider convention « le modèle de convention »;
- French grammar: de + le → du, de + les → des, à + le → au, le/la → l' before a
  vowel or h; article 1 is « l'article 1er ».
"""

from __future__ import annotations

import datetime as dt

from generator.model.documents import Amendment, Convention
from generator.model.order import ScheduledOperation
from generator.rendering.language import format_date

#: each kind of convention in words: (noun, gender) in French, the noun elsewhere
_CONVENTION_NOUN = {
    "fr": {"inami-network": ("convention", "f"), "network-provider": ("modèle de convention", "m")},
    "nl": {"inami-network": ("overeenkomst", ""), "network-provider": ("modelovereenkomst", "")},
    "de": {"inami-network": ("Vereinbarung", ""), "network-provider": ("Mustervereinbarung", "")},
}
#: ordinals as the titles print them ("Sixième avenant"); past the table, "11e"
_ORDINALS = {
    "fr": "premier deuxième troisième quatrième cinquième sixième septième huitième "
    "neuvième dixième onzième douzième",
    "nl": "eerste tweede derde vierde vijfde zesde zevende achtste negende tiende elfde twaalfde",
    # genitive after "des" ("des sechsten Nachtrags")
    "de": "ersten zweiten dritten vierten fünften sechsten siebten achten neunten zehnten "
    "elften zwölften",
}
_ORDINAL_SUFFIX = {"fr": "e", "nl": "e", "de": "."}
#: the definite articles a name may start with
_ARTICLES = {
    "fr": ("l'", "le ", "la ", "les "),
    "nl": ("de ", "het "),
    "de": ("die ", "der ", "des "),
}
_VOWELS = "aàâeéèêëiîïoôuùûyhAÀÂEÉÈÊIÎOÔUÙÛYH"


def ordinal_word(number: int, lang: str) -> str:
    """6 → « sixième » (fr), « zesde » (nl), « sechsten » (de, genitive)."""
    words = _ORDINALS[lang].split()
    return words[number - 1] if 1 <= number <= len(words) else f"{number}{_ORDINAL_SUFFIX[lang]}"


def _definite(noun: str, gender: str) -> str:
    """« le modèle », « la convention », « l'avenant »."""
    if noun[0] in _VOWELS:
        return "l'" + noun
    return ("la " if gender == "f" else "le ") + noun


def contract(preposition: str, phrase: str) -> str:
    """A French preposition before a definite noun phrase: « de » + « le sixième
    avenant » → « du sixième avenant », « à le modèle » → « au modèle », « de
    l'avenant » stays."""
    for article, fused in (
        ("le ", {"de": "du ", "à": "au "}),
        ("les ", {"de": "des ", "à": "aux "}),
    ):
        if phrase.startswith(article) and preposition in fused:
            return fused[preposition] + phrase[len(article) :]
    return f"{preposition} {phrase}"


def naming_date(amendment: Amendment, convention: Convention) -> dt.date | None:
    """The date an amendment is named by (the module's docstring says which)."""
    own = amendment.dates.approved or amendment.dates.issued or amendment.dates.signed
    if amendment.ordinal is not None:
        return convention.dates.approved or own
    return own


def amendment_name(amendment: Amendment, convention: Convention, lang: str) -> str:
    """The amendment in words, with its article where the language has one:
    « le sixième avenant à la convention du 26 juillet 2021 », « l'avenant au
    modèle de convention du 28 septembre 2023 »."""
    noun, gender = _CONVENTION_NOUN[lang][convention.kind]
    date = naming_date(amendment, convention)
    ordinal = ordinal_word(amendment.ordinal, lang) if amendment.ordinal is not None else ""
    if lang == "fr":
        name = _definite(f"{ordinal} avenant" if ordinal else "avenant", "m")
        name += " " + contract("à", _definite(noun, gender))
        return name + (f" du {format_date(date, lang)}" if date else "")
    if lang == "nl":
        name = f"de {ordinal + ' ' if ordinal else ''}wijzigingsclausule bij de {noun}"
        return name + (f" van {format_date(date, lang)}" if date else "")
    name = f"des {ordinal + ' ' if ordinal else ''}Nachtrags zur {noun}"
    return name + (f" vom {format_date(date, lang)}" if date else "")


def article_number(article: str, lang: str) -> str:
    """« 1er » in French for article 1, as French legal texts write it."""
    return "1er" if lang == "fr" and article == "1" else article


def article_citation(
    article: str, amendment: Amendment, convention: Convention, lang: str, *, definite: bool = True
) -> str:
    """One article of an amendment in words: « l'article 2 de l'avenant au
    modèle de convention du 28 septembre 2023 », « l'article 1er du sixième
    avenant à la convention du 26 juillet 2021 »; without `definite`, as a
    heading or a comment starts: « Article 2 de l'avenant … »."""
    number = article_number(article, lang)
    name = amendment_name(amendment, convention, lang)
    if lang == "fr":
        head = f"l'article {number}" if definite else f"Article {number}"
        return f"{head} {contract('de', name)}"
    if lang == "nl":
        return f"{'artikel' if definite else 'Artikel'} {number} van {name}"
    return f"Artikel {number} {name}"


def operation_citation(
    item: ScheduledOperation, convention: Convention, lang: str, *, definite: bool = False
) -> str:
    """The amendment article a scheduled operation comes from, in words, as a
    list line or a heading starts (« Article 2 de l'avenant au modèle de
    convention du 28 septembre 2023 »)."""
    return article_citation(item.article.num, item.amendment, convention, lang, definite=definite)


def convention_name(convention: Convention, lang: str) -> str:
    """The convention in words: « la convention du 26 juillet 2021 », « le
    modèle de convention » (a model has no date of its own: each convention
    concluded on it has its own)."""
    noun, gender = _CONVENTION_NOUN[lang][convention.kind]
    date = convention.dates.approved
    if lang == "fr":
        return _definite(noun, gender) + (f" du {format_date(date, lang)}" if date else "")
    if lang == "nl":
        return f"de {noun}" + (f" van {format_date(date, lang)}" if date else "")
    return f"die {noun}" + (f" vom {format_date(date, lang)}" if date else "")


def as_title(name: str, lang: str) -> str:
    """A name as a title or label starts: « le sixième avenant … » → « Sixième
    avenant … », « l'avenant … » → « Avenant … », « de wijzigingsclausule » →
    « Wijzigingsclausule »."""
    for article in _ARTICLES[lang]:
        if name.startswith(article):
            name = name[len(article) :]
            break
    return name[:1].upper() + name[1:]
