"""Text fields in the three languages of Belgian legal texts."""

from __future__ import annotations

import hashlib
import re
from typing import Annotated

from pydantic import Field, model_validator

from generator.model.base import Strict

LANGUAGES = ("fr", "nl", "de")

#: `{network.name|XXX}`: a slot filled from party data; after `|`, the placeholder
#: exactly as the published model prints it when no party is given.
SLOT_RE = re.compile(r"\{([a-z_]+(?:\.[a-z_]+)*)(?:\|([^{}]*))?\}")
#: `[^1]`: a reference to the footnote with that mark.
FOOTNOTE_RE = re.compile(r"\[\^([0-9a-z]+)\]")
#: `{choice:provider_kind|psychologist=[le prestataire …]|organisation=[l’organisation]}`:
#: where the published model prints alternatives (or `{choice:always|[de collaboration]}`,
#: an optional phrase); group 1 the selector, group 2 the alternatives, each after a `|`.
#: Loose on purpose: `conventio check` says what is wrong in one that matches
#: (generator/model/choices.py), and `CHOICE_START` finds one that does not match at all.
CHOICE_RE = re.compile(r"\{choice:([^{}|]*)((?:\|[^{}|]*)*)\}")
CHOICE_START = "{choice"


#: the languages a translation is made into, from the French
TRANSLATED = ("nl", "de")
#: how many hex digits of the French text's sha256 a translation keeps
HASH_DIGITS = 12
SourceHash = Annotated[str, Field(pattern=rf"^[0-9a-f]{{{HASH_DIGITS}}}$")]


def source_hash(text: str) -> str:
    """What a translation records of the French it was made from: the first 12 hex
    digits of the sha256 of the French text (UTF-8, as stored). When the French
    changes, the hash differs and the translation is out of date."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:HASH_DIGITS]


class I18nText(Strict):
    """One text in French (required: it is what the sources give), Dutch, German.
    A translation carries the hash of the French it translates (`nl_source`,
    `de_source`: `source_hash`), so that a change of the French shows."""

    fr: str
    nl: str | None = None
    nl_source: SourceHash | None = None
    de: str | None = None
    de_source: SourceHash | None = None

    @model_validator(mode="after")
    def _not_blank(self) -> I18nText:
        for lang in LANGUAGES:
            value = getattr(self, lang)
            if value is not None and not value.strip():
                raise ValueError(f"the {lang} text is empty")
        for lang in TRANSLATED:
            has_text = getattr(self, lang) is not None
            has_hash = getattr(self, f"{lang}_source") is not None
            if has_text and not has_hash:
                raise ValueError(
                    f"the {lang} translation has no '{lang}_source': the hash of the French it "
                    f"translates; import translations with `conventio translations import`, "
                    f"which writes it"
                )
            if has_hash and not has_text:
                raise ValueError(f"'{lang}_source' is given without a {lang} text: remove it")
        return self

    def source_of(self, lang: str) -> str | None:
        """The hash of the French the `lang` translation was made from."""
        return getattr(self, f"{lang}_source", None)

    def get(self, lang: str) -> str | None:
        return getattr(self, lang, None)


def slot_mark(name: str, printed: str = "") -> str:
    """How a corpus text writes the slot `name`, printed as `printed` in the blank
    model: `slot_mark("network.name", "XXX")` is `{network.name|XXX}`."""
    return f"{{{name}|{printed}}}"


def slots_in(text: str) -> list[str]:
    return [m.group(1) for m in SLOT_RE.finditer(text)]


def footnote_marks_in(text: str) -> list[str]:
    return [m.group(1) for m in FOOTNOTE_RE.finditer(text)]
