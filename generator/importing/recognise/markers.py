"""The printed markers of Belgian legal texts, recognised at the start of a
paragraph: "Article 14/1", "Art. 2.", "§ 1er.", "§1/1", "1°", "3)", "a)",
"-", and the quotation marks around a quoted new text. The Dutch and German
texts print an article as "Artikel 14/1" (or "Art. 2."), the rest alike."""

from __future__ import annotations

import re
from dataclasses import dataclass

from generator.model.addresses import default_label

# "Article 1er", "Art. 2.", "ARTICLE 14/1 – Objet", "Article 4.", "Artikel 14/1"
_ARTICLE = re.compile(
    r"^(?P<label>(?:Article|ARTICLE|Artikel|ARTIKEL|Art\.|ART\.)\s*(?P<num>\d+(?:/\d+)?)"
    r"(?P<suffix>\s?(?:er|bis|ter|quater))?(?P<dot>\.)?)"
    r"(?:\s*(?P<sep>[-–—:])\s*|\s+|$)(?P<rest>.*)$",
    re.S,
)
# "§ 1er.", "§1/1", "§ 2/1."
_PARAGRAPH = re.compile(
    r"^(?P<label>§\s?(?P<num>\d+(?:/\d+)?)(?:\s?er)?(?P<dot>\.)?)(?:\s+|$)(?P<rest>.*)$", re.S
)
# "1°", "3)", "a)", "iv)", "2."
_POINT = re.compile(
    r"^(?P<num>\d{1,3}°|\d{1,3}\)|[a-z]\)|[ivx]{1,5}\)|\d{1,2}\.(?=\s))\s+(?P<rest>\S.*)$", re.S
)
# "- ", "– ", "• "
_INDENT = re.compile(r"^(?P<mark>[-–—•▪◦·]|\uf0b7)\s+(?P<rest>\S.*)$", re.S)

OPENING_QUOTES = ("«", "“", '"', "„", "‘")
_CLOSING = re.compile(r"(?P<close>\s*[»”\"’](?:\s*[.;,])?)\s*$")
SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹"


@dataclass(frozen=True)
class Marker:
    """A recognised marker: the kind of provision it opens, its number as
    printed, the label to record (None when the default label prints it
    exactly), the text that follows it, and the marker text itself."""

    kind: str  # article | paragraph | point | indent
    num: str | None
    label: str | None
    rest: str
    printed: str
    #: points and indents of one family nest at one level: "°", ")", "a)", "-"
    family: str = ""
    #: what separated an article's number from the rest: "-", ":", "." or ""
    separator: str = ""


def _label(kind: str, num: str | None, printed: str) -> str | None:
    return None if printed == default_label(kind, num) else printed


def _starts_like_text(rest: str) -> bool:
    return not rest or rest[0].isupper() or rest[0] in OPENING_QUOTES or rest[0] in "(«"


def article_marker(text: str, *, bold: bool = False) -> Marker | None:
    m = _ARTICLE.match(text)
    if not m:
        return None
    rest = m["rest"].strip()
    # "Article 22 de la loi ..." opens a sentence, not an article
    if not (m["sep"] or m["dot"] or bold or _starts_like_text(rest)):
        return None
    num = m["num"] if not m["suffix"] or m["suffix"].strip() == "er" else m["num"] + m["suffix"]
    printed = m["label"]
    return Marker(
        "article",
        num,
        _label("article", num, printed),
        rest,
        printed,
        separator=m["sep"] or ((m["dot"] and ".") or ""),
    )


def paragraph_marker(text: str) -> Marker | None:
    m = _PARAGRAPH.match(text)
    if not m:
        return None
    rest = m["rest"].strip()
    if not (m["dot"] or _starts_like_text(rest)):
        return None  # "§ 2 de l'article 7 ..." opens a sentence
    return Marker(
        "paragraph", m["num"], _label("paragraph", m["num"], m["label"]), rest, m["label"]
    )


def point_marker(text: str) -> Marker | None:
    m = _POINT.match(text)
    if not m:
        return None
    num = m["num"]
    if num.endswith("°"):
        family = "°"
    elif num.endswith("."):
        family = "."
    elif num[0].isdigit():
        family = ")"
    elif re.fullmatch(r"[ivx]+\)", num) and num != "i)" and num != "v)" and num != "x)":
        family = "i)"
    else:
        family = "a)"
    return Marker("point", num, None, m["rest"].strip(), num, family=family)


def indent_marker(text: str) -> Marker | None:
    m = _INDENT.match(text)
    if not m:
        return None
    mark = "•" if m["mark"] == "\uf0b7" else m["mark"]
    return Marker("indent", None, None, m["rest"].strip(), m["mark"], family=mark)


def any_marker(text: str, *, bold: bool = False) -> Marker | None:
    return (
        article_marker(text, bold=bold)
        or paragraph_marker(text)
        or point_marker(text)
        or indent_marker(text)
    )


def opens_quote(text: str) -> bool:
    return text.lstrip().startswith(OPENING_QUOTES)


def closing_quote(text: str) -> str | None:
    """The closing quotation mark (with its trailing punctuation) ending
    `text`, as printed: " »", '".', "”;"."""
    m = _CLOSING.search(text)
    return m["close"] if m else None
