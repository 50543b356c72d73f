"""Stable machine addresses (Akoma Ntoso-like eIds) and human addresses.

Every provision and annex of a convention has an address computed from its
kind and number, never typed by hand: one step per level, joined by `__`.
Numbered provisions are addressed by their number, alinéas and dashes by
their rank among their kind at that level:

>>> component("article", "14/1", 3)
'art_14-1'
>>> join("art_17", component("paragraph", "1/1", 2))
'art_17__para_1-1'
>>> join("art_13__para_2", component("point", "8°", 8))
'art_13__para_2__point_8'
>>> component("alinea", None, 2)
'al_2'
>>> component("annex", "1", 0)
'annex_1'
>>> num_token("1er"), num_token("a)"), num_token("§ 2")
('1', 'a', '2')

An address reads back in words, in French, Dutch or German, even for a
provision that does not (yet) exist:

>>> humanise_eid("art_17__para_1-1")
'article 17, § 1/1'
>>> humanise_eid("art_13__para_2__al_3", "nl")
'artikel 13, § 2, lid 3'
>>> humanise_eid("annex_1")
'annexe 1'

and a number is printed as the published text prints it:

>>> default_label("paragraph", "1"), default_label("article", "14/1")
('§ 1er', 'Article 14/1')

The corpus (its checks), consolidation, rendering, diffing and the importer
all address provisions this way; this module is the one grammar they share.
"""

from __future__ import annotations

import re

PREFIX = {
    "article": "art",
    "paragraph": "para",
    "point": "point",
    "indent": "indent",
    "alinea": "al",
    "annex": "annex",
}
SEPARATOR = "__"

_WORDS = {
    "fr": {"article": "article", "alinea": "alinéa", "annex": "annexe", "indent": "tiret"},
    "nl": {"article": "artikel", "alinea": "lid", "annex": "bijlage", "indent": "streepje"},
    "de": {"article": "Artikel", "alinea": "Absatz", "annex": "Anlage", "indent": "Gedankenstrich"},
}


def num_token(num: str) -> str:
    """'14/1' -> '14-1'; '1°' -> '1'; 'a)' -> 'a'; '1er' -> '1'."""
    token = _PREFIX_RE.sub("", num.strip().lower())
    token = _SUFFIX_RE.sub("", token).replace("/", "-")
    return _OTHER_RE.sub("", token) or "x"


_PREFIX_RE = re.compile(r"^(§|art\.?|article)\s*")
_SUFFIX_RE = re.compile(r"(er|ère|°|\)|\.)$")
_OTHER_RE = re.compile(r"[^a-z0-9-]")


def component(kind: str, num: str | None, position: int) -> str:
    """One step of an address; unnumbered provisions count among their kind."""
    if kind in ("alinea", "indent") or not num:
        return f"{PREFIX[kind]}_{position}"
    return f"{PREFIX[kind]}_{num_token(num)}"


def join(parent: str | None, step: str) -> str:
    return f"{parent}{SEPARATOR}{step}" if parent else step


def default_label(kind: str, num: str | None, lang: str = "fr") -> str:
    """How the number is printed when the corpus gives no `label`, in the
    document's language: « Article 14/1 », « Artikel 14/1 »; « § 1er » is French
    only (« § 1 » in Dutch and German)."""
    if not num:
        return "-" if kind == "indent" else ""
    if kind == "article":
        word = _WORDS.get(lang, _WORDS["fr"])["article"]
        return f"{word[0].upper()}{word[1:]} {num}"
    if kind == "paragraph":
        return "§ 1er" if num == "1" and lang == "fr" else f"§ {num}"
    return num


def human_step(kind: str, num: str | None, position: int, lang: str = "fr") -> str:
    words = _WORDS.get(lang, _WORDS["fr"])
    if kind == "article":
        return f"{words['article']} {num}"
    if kind == "annex":
        return f"{words['annex']} {num}"
    if kind == "paragraph":
        return f"§ {num}"
    if kind == "alinea":
        return f"{words['alinea']} {position}"
    if kind == "indent":
        return f"{words['indent']} {position}"
    return num or str(position)


def human_address(steps: list[str]) -> str:
    return ", ".join(steps)


def humanise_eid(eid: str, lang: str = "fr") -> str:
    """A readable form of any eId, even one that does not (yet) exist."""
    steps = []
    prefixes = {v: k for k, v in PREFIX.items()}
    for part in eid.split(SEPARATOR):
        prefix, _, token = part.partition("_")
        kind = prefixes.get(prefix)
        if kind is None:
            return eid
        num = token.replace("-", "/")
        position = int(token) if token.isdigit() else 0
        steps.append(human_step(kind, num, position, lang))
    return human_address(steps)
