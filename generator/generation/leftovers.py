"""Model leftovers: words of a published model that a party's copy must not print.

A model prints, for its reader to replace or pick from, bracketed alternatives
("[de collaboration]", "[l’organisation]") and placeholders ("XXX", "xxxxx",
"(exemple)"). A personalised copy resolves every choice and fills every slot
(docs/corpus-format.md), so none may survive. What counts as a leftover, in the
text of the copy's Word parts (body, headers, footers, footnotes) and its title
(docs/templates.md says the same):

- a bracket, `[` or `]`, except in the notes conventio itself prints in a
  coordinated text ("[abrogé]", "[texte non repris dans le corpus]",
  "[Insertion par l'article 1 de …]": `EDITORIAL_NOTE_RE`);
- a word of three or more X's or x's ("XXX", "xxxxx");
- "(exemple)".

The dotted lines of what is written by hand when signing ("Faite à ….. le …..",
the `BY_HAND` slots of generator/model/slots.py) are printed as the model prints
them, on purpose: they are not leftovers. Nor are the party's own values: the
check reads the template rendered for the party's kind, before its values are put
in (they are the party's words, printed literally).

Both `conventio generate` (copies.py, per copy) and `conventio templates check`
(template_check.py) ask `leftovers_in`.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from generator.generation.docx_engine import RenderedTemplate, document_text
from generator.generation.sentinels import SENTINEL_RE
from generator.rendering.provisions import EDITORIAL_NOTE_RE

LEFTOVER_RE = re.compile(r"\[[^\[\]\n]*\]|[\[\]]|\b(?:X{3,}|x{3,})\b|\(exemple\)")
_TITLE_RE = re.compile(r"<dc:title>([^<]*)</dc:title>")
#: where in the copy each Word part's text is, in words
_PARTS = (
    (re.compile(r"word/document\.xml"), "paragraph"),
    (re.compile(r"word/header\d*\.xml"), "header, line"),
    (re.compile(r"word/footer\d*\.xml"), "footer, line"),
    (re.compile(r"word/(?:foot|end)notes\.xml"), "footnotes, line"),
)
#: characters of text shown either side of a leftover, so a reader finds it
_AROUND = 40


@dataclass(frozen=True)
class Leftover:
    #: "the title", "paragraph 12", "footer, line 1"
    where: str
    #: the leftover words ("[l’organisation]", "XXX")
    words: str
    #: the text around them, a party value shown as ‹network.name›
    excerpt: str

    def __str__(self) -> str:
        return f"« {self.words} » ({self.where}: « {self.excerpt} »)"


def leftovers_in_text(text: str, where: str) -> list[Leftover]:
    """The leftovers of one text (a paragraph, a title)."""
    text = SENTINEL_RE.sub(lambda m: f"‹{m.group(1)}›", text)
    notes = [m.span() for m in EDITORIAL_NOTE_RE.finditer(text)]
    found = []
    for match in LEFTOVER_RE.finditer(text):
        if any(start <= match.start() < end for start, end in notes):
            continue
        start, end = max(0, match.start() - _AROUND), match.end() + _AROUND
        excerpt = ("…" if start else "") + text[start:end] + ("…" if end < len(text) else "")
        found.append(Leftover(where, match.group(0), excerpt))
    return found


def leftovers_in(rendered: RenderedTemplate) -> list[Leftover]:
    """Every leftover of a rendered template, in the order a reader meets them:
    title first, then each Word part's lines."""
    parts = dict(rendered.entries)
    found: list[Leftover] = []
    core = parts.get("docProps/core.xml", b"").decode("utf-8")
    for title in _TITLE_RE.findall(core):
        found += leftovers_in_text(html.unescape(title), "the title")
    for pattern, label in _PARTS:
        for name in sorted(n for n in parts if pattern.fullmatch(n)):
            lines = document_text(parts[name].decode("utf-8")).split("\n")
            for number, line in enumerate(lines, start=1):
                found += leftovers_in_text(line, f"{label} {number}")
    return found


def describe(leftovers: list[Leftover], limit: int = 5) -> str:
    """The leftovers in words, the first `limit` of them."""
    shown = "; ".join(str(x) for x in leftovers[:limit])
    more = f"; and {len(leftovers) - limit} more" if len(leftovers) > limit else ""
    return shown + more
