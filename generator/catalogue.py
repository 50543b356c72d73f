"""The words conventio itself prints in the documents it makes, in the
document's language: gettext message catalogues, one per language.

The law's text, the parties blocks and the signature formulas come only from
the corpus. What the tool adds around them (INAMI's letterhead, « Annexe 1 »,
the footer's « Réf. … – page N / M », the signature fields' labels, the
information copy's banner, a circular letter's « Objet : ») is a message of
these catalogues, written in English in the code and translated in
`generator/locale/<lang>/LC_MESSAGES/conventio.po` (French, Dutch, German).

Code asks for a word with the standard gettext calls on the catalogue of a
language, so that Babel's extractor finds every message:

    catalogue(lang).gettext("Annex {num}").format(num=2)
    catalogue(lang).ngettext("{n} provision", "{n} provisions", count).format(n=count)

The compiled `.mo` files are committed beside the `.po` files and shipped in
the wheel; a test proves they are compiled from the `.po` as they stand. How a
translator changes a word: docs/templates.md (« The tool's own words »).
"""

from __future__ import annotations

import gettext
from functools import cache
from pathlib import Path

#: the gettext domain: generator/locale/<lang>/LC_MESSAGES/conventio.mo
DOMAIN = "conventio"
#: where the catalogues are (inside the package: the wheel carries them)
LOCALE_DIR = Path(__file__).resolve().parent / "locale"
#: the languages a document can be made in, each with its catalogue
LANGUAGES = ("fr", "nl", "de")


@cache
def catalogue(lang: str) -> gettext.GNUTranslations:
    """The compiled catalogue of `lang` (fr, nl or de). A missing catalogue is
    an installation error, never a silent fallback to the English message ids."""
    if lang not in LANGUAGES:
        raise ValueError(f"no catalogue for language {lang!r} (one of {', '.join(LANGUAGES)})")
    with (LOCALE_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.mo").open("rb") as file:
        return gettext.GNUTranslations(file)
