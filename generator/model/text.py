"""Text fields in the three languages of Belgian legal texts."""

from __future__ import annotations

import re

from pydantic import model_validator

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


class I18nText(Strict):
    """One text in French (required: it is what the sources give), Dutch, German."""

    fr: str
    nl: str | None = None
    de: str | None = None

    @model_validator(mode="after")
    def _not_blank(self) -> I18nText:
        for lang in LANGUAGES:
            value = getattr(self, lang)
            if value is not None and not value.strip():
                raise ValueError(f"the {lang} text is empty")
        return self

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
