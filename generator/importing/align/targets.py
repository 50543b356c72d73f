"""A printed text of the translation turned into the target of a French unit.

- A quoted provision (an amendment's new text) is printed between quotation
  marks: the opening mark before its first text and the closing one after
  its last are the amendment's, not the provision's, so they are taken off
  when the French unit does not have them.
- A slot (`{network.name|XXX}`) is printed as its placeholder (« XXX ») in the
  published model: each placeholder found in the translation, in the order of
  the French slots, is put back as the slot. A placeholder not found is left
  as printed, and the translation checks say which slot is missing.
"""

from __future__ import annotations

from generator.importing.recognise.markers import OPENING_QUOTES, closing_quote
from generator.model.text import SLOT_RE


def target_text(french: str, printed: str, *, quoted: bool) -> str:
    text = printed.strip()
    if quoted:
        text = _without_quotes(french, text)
    return _with_slots(french, text)


def _without_quotes(french: str, text: str) -> str:
    if text.startswith(OPENING_QUOTES) and not french.lstrip().startswith(OPENING_QUOTES):
        text = text[1:].lstrip()
    close = closing_quote(text)
    if close and closing_quote(french) is None:
        text = text[: len(text) - len(close)].rstrip()
    return text


def _with_slots(french: str, text: str) -> str:
    out, start = [], 0
    for slot in SLOT_RE.finditer(french):
        placeholder = slot.group(2)
        if not placeholder:
            continue
        found = text.find(placeholder, start)
        if found < 0:
            continue
        out.append(text[start:found] + slot.group(0))
        start = found + len(placeholder)
    out.append(text[start:])
    return "".join(out)
