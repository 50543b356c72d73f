"""Placeholders that survive template rendering, filled per document later.

A template is rendered once per variant with every party-dependent value
replaced by a sentinel (`\\ue000slot.name\\ue001`, characters Word and XML
leave alone); each personalised document is then the rendered XML with the
sentinels replaced by the party's values, XML-escaped. Party data therefore
never passes through Jinja: it cannot be evaluated, only printed.

When the template is rendered (`slot_filler`), each choice of a text is resolved
for the variant's kinds (generator/model/choices.py).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Mapping
from xml.sax.saxutils import escape

from generator.errors import ConventioError
from generator.generation.name_joins import NAME, slot_after
from generator.model.choices import ChoiceError, resolve_choices
from generator.model.slots import BY_HAND
from generator.model.text import SLOT_RE

OPEN, CLOSE = "\ue000", "\ue001"
SENTINEL_RE = re.compile(f"{OPEN}([a-z_.]+){CLOSE}")

_CONTROL = {c: 0x2400 + c for c in range(0x20) if c not in (0x09, 0x0A, 0x0D)}
_CONTROL[0x7F] = 0x2421
_CONTROL[0x09] = 0x20
_CONTROL[0x0A] = 0x20
_CONTROL[0x0D] = 0x20


def sentinel(name: str) -> str:
    return f"{OPEN}{name}{CLOSE}"


def slot_filler(kinds: Collection[str] = ()) -> Callable[[str], str]:
    """For a party of these `kinds` (adults, psychologist...): resolves each
    choice, turns `{network.name|XXX}` into the sentinel for `network.name`;
    handwritten slots keep their printed placeholder. The network's name asks
    for the slot that drops what the words before it already say (name_joins)."""

    def fill(text: str) -> str:
        try:
            text = resolve_choices(text, kinds)
        except ChoiceError as exc:
            raise ConventioError(str(exc)) from None

        def one(match: re.Match[str]) -> str:
            name = match.group(1)
            if name in BY_HAND:  # written by hand when signing: kept as printed
                return match.group(2) or ""
            if name == NAME:
                return sentinel(slot_after(text[: match.start()]))
            return sentinel(name)

        return SLOT_RE.sub(one, text)

    return fill


def literal(value: str) -> str:
    """Party data as inert text: control characters become visible symbols
    (tab and line breaks a space), and the result is XML-escaped."""
    return escape(value.translate(_CONTROL), {'"': "&quot;", "'": "&apos;"})


def names_in(xml: str) -> set[str]:
    return set(SENTINEL_RE.findall(xml))


def fill_xml(xml: str, values: Mapping[str, str]) -> str:
    """Replace every sentinel by its (already escaped) value; KeyError names a
    value that is missing."""
    return SENTINEL_RE.sub(lambda m: values[m.group(1)], xml)
