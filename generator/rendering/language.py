"""Choosing the text of a language, and refusing to fall back silently."""

from __future__ import annotations

import datetime as dt
import re

from generator.errors import ConventioError
from generator.model.choices import print_choices
from generator.model.text import SLOT_RE, I18nText

LOCALES = {"fr": "fr_BE", "nl": "nl_BE", "de": "de_BE"}


class MissingTexts(ConventioError):
    def __init__(self, lang: str, where: list[str]):
        self.lang = lang
        self.where = where
        listed = "\n".join(f"  - {w}" for w in where[:50])
        more = f"\n  ... and {len(where) - 50} more" if len(where) > 50 else ""
        super().__init__(
            f"the corpus has no {lang!r} text for {len(where)} part(s) of this document; "
            f"add them, or ask for another language:\n{listed}{more}"
        )


class TextPicker:
    """Returns texts in one language and records which ones are missing.

    `check` (default: `lang`) is the language every text picked must be held
    in: a picker of French texts that checks Dutch lists, with French addresses,
    the texts a Dutch copy would lack (generator/generation/languages.py)."""

    def __init__(self, lang: str, check: str | None = None):
        for code in (lang, check or lang):
            if code not in LOCALES:
                raise ConventioError(f"unknown language {code!r}; use one of: fr, nl, de")
        self.lang = lang
        self.check = check or lang
        self.missing: list[str] = []

    def __call__(self, text: I18nText | None, where: str) -> str:
        if text is None:
            return ""
        if text.get(self.check) is None:
            self.missing.append(where)
        return text.get(self.lang) or ""

    def raise_if_missing(self) -> None:
        if self.missing:
            raise MissingTexts(self.check, self.missing)


def blank_slots(text: str) -> str:
    """The model as published: each choice prints its alternatives as the seed
    does ("[de collaboration]"), each slot its placeholder ("XXX")."""
    return SLOT_RE.sub(lambda m: m.group(2) or "", print_choices(text))


def format_date(value: dt.date, lang: str) -> str:
    from babel.dates import format_date as babel_format_date

    text = babel_format_date(value, format="long", locale=LOCALES[lang])
    if lang == "fr" and value.day == 1:
        text = "1er" + text[1:]  # "1er septembre 2023", as French legal texts write it
    return text


def plain_footnotes(text: str) -> str:
    """`leerlingenbegeleiding[^1]` -> `leerlingenbegeleiding¹`."""
    return re.sub(r"\[\^([0-9]+)\]", lambda m: m.group(1).translate(_SUPERSCRIPT), text)


_SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
