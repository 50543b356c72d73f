"""Words for a word-level diff of legal text.

Amounts ("36 000 EUR", "1.000 euros", "0,70 €", "€30 000", "800€"), dates
("1/9/2022", "01/09/23", "5 octobre 2023"), pseudocodes ("792595"), article
references ("article 14/1", "article 63, § 2", "§1/1") and numbered labels
("1°", "3)", "a)", "§ 2") are single tokens; punctuation is one token per
character; runs of whitespace are tokens of their own, so that
``"".join(tokenize(text)) == text`` always holds.

The same tokens are the law's numbers a translation must keep (`legal_tokens`):
each reads as a value that does not depend on the language ("36 000 EUR" and
"36.000 EUR", "5 octobre 2023" and "5 oktober 2023", "article 14/1" and
"artikel 14/1" are equal), with percentages, slots, choices and footnote marks.
"""

from __future__ import annotations

import difflib
import re
from collections import Counter
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from generator.model.choices import choice_in
from generator.model.text import CHOICE_RE, FOOTNOTE_RE, SLOT_RE

#: month names of the three languages, and the month each names
_MONTH_NUMBERS = {
    **dict.fromkeys(("janvier", "januari", "januar"), 1),
    **dict.fromkeys(("février", "fevrier", "februari", "februar"), 2),
    **dict.fromkeys(("mars", "maart", "märz"), 3),
    **dict.fromkeys(("avril", "april"), 4),
    **dict.fromkeys(("mai", "mei"), 5),
    **dict.fromkeys(("juin", "juni"), 6),
    **dict.fromkeys(("juillet", "juli"), 7),
    **dict.fromkeys(("août", "aout", "augustus", "august"), 8),
    **dict.fromkeys(("septembre", "september"), 9),
    **dict.fromkeys(("octobre", "oktober"), 10),
    **dict.fromkeys(("novembre", "november"), 11),
    **dict.fromkeys(("décembre", "decembre", "december", "dezember"), 12),
}
_MONTHS = (
    "janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre|"
    "novembre|décembre|decembre|januari|februari|maart|april|mei|juni|juli|augustus|"
    "september|oktober|november|december|Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|"
    "November|Dezember"
)
_SP = r"[ \u00a0\u202f]"
_NUMBER = rf"\d{{1,3}}(?:(?:{_SP}|\.)\d{{3}})+(?:,\d+)?|\d+(?:,\d+)?"
_CURRENCY = r"(?:EUR\b|euros?\b|€)"
_SECTION = rf"§{_SP}?\d+(?:er)?(?:/\d+)?"
#: each kind of fixed token, in the order they are tried
_KINDS = [
    ("date", r"\d{1,2}/\d{1,2}/(?:\d{4}|\d{2})(?!\d)"),
    ("date", rf"\d{{1,2}}(?:er)?{_SP}(?:{_MONTHS}){_SP}\d{{4}}(?!\d)"),
    ("amount", rf"€{_SP}?(?:{_NUMBER})"),
    ("amount", rf"(?:{_NUMBER}){_SP}?{_CURRENCY}"),
    ("pseudocode", r"\d{6}(?!\d)"),
    # article references: "article 14/1", "article 63, § 2", "articles 3 et 4" stays words
    ("article", rf"[Aa]rt(?:icle|ikel|\.)?{_SP}\d+(?:/\d+)?(?:er)?(?:,?{_SP}{_SECTION})?"),
    # paragraph labels and references: "§ 2", "§1/1", "§ 1er"
    ("paragraph", _SECTION),
    # numbered labels: "1°", "3)", "a)", "12bis)"
    ("point", r"\d+°"),
    ("label", r"(?:\d+|[a-z])\)"),
]
_PATTERNS = [pattern for _, pattern in _KINDS]
_FIXED = "|".join(f"(?:{p})" for p in _PATTERNS)
#: a fixed token never starts inside a word or after "(" ("chacun(e)"); then words
#: (an apostrophe stays with the word before it: "l'", "n'"), blanks, any other character
_TOKEN_RE = re.compile(rf"(?<![\w(])(?:{_FIXED})|\w+(?:['’](?=\w))?|\s+|.", re.DOTALL)


@lru_cache(maxsize=8192)
def _tokens(text: str) -> tuple[str, ...]:
    return tuple(_TOKEN_RE.findall(text))


def tokenize(text: str) -> list[str]:
    """The tokens of `text`; joining them gives `text` back exactly."""
    return list(_tokens(text))


@dataclass(frozen=True)
class Piece:
    """A stretch of a word diff: `op` is "equal", "insert" or "delete"."""

    op: str
    text: str


def word_diff(left: str, right: str) -> tuple[Piece, ...]:
    """Word-level operations turning `left` into `right`.

    The "equal" and "delete" pieces spell `left`, the "equal" and "insert"
    pieces spell `right`; a deletion comes before the insertion that replaces it."""
    if left == right:
        return (Piece("equal", left),) if left else ()
    a, b = _tokens(left), _tokens(right)
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    raw: list[tuple[str, str, str]] = []  # (op, left text, right text)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        ltext, rtext = "".join(a[i1:i2]), "".join(b[j1:j2])
        if tag == "equal":
            raw.append(("equal", ltext, rtext))
        else:
            raw.append(("change", ltext, rtext))
    # an equal stretch that is only blanks between two changes joins them
    merged: list[list[str]] = []
    for k, (op, ltext, rtext) in enumerate(raw):
        between = 0 < k < len(raw) - 1 and raw[k - 1][0] == raw[k + 1][0] == "change"
        if op == "equal" and between and not ltext.strip():
            op = "change"
        if merged and merged[-1][0] == op == "change":
            merged[-1][1] += ltext
            merged[-1][2] += rtext
        else:
            merged.append([op, ltext, rtext])
    pieces: list[Piece] = []
    for op, ltext, rtext in merged:
        if op == "equal":
            pieces.append(Piece("equal", ltext))
            continue
        if ltext:
            pieces.append(Piece("delete", ltext))
        if rtext:
            pieces.append(Piece("insert", rtext))
    return tuple(pieces)


def changed_pieces(pieces: tuple[Piece, ...]) -> list[tuple[str, str]]:
    """The (op, text) of the pieces that are not equal: handy in tests."""
    return [(p.op, p.text) for p in pieces if p.op != "equal"]


def spell(pieces: tuple[Piece, ...], side: str) -> str:
    """The left ("left") or right ("right") text the pieces spell."""
    skip = "insert" if side == "left" else "delete"
    return "".join(p.text for p in pieces if p.op != skip)


def similarity(left: str, right: str, at_least: float = 0.0) -> float:
    """0..1 on tokens, 1 for identical texts.  Below `at_least` the answer may be
    a cheap upper bound instead of the exact ratio (still below `at_least`)."""
    if left == right:
        return 1.0
    if not left or not right:
        return 0.0
    matcher = difflib.SequenceMatcher(None, _tokens(left), _tokens(right), autojunk=False)
    bound = matcher.real_quick_ratio()
    if bound < at_least:
        return bound
    bound = matcher.quick_ratio()
    if bound < at_least:
        return bound
    return matcher.ratio()


#: the kinds of legal token a translation keeps, in the words of a message
LEGAL_KINDS = {
    "amount": "amount",
    "date": "date",
    "pseudocode": "pseudocode",
    "article": "article reference",
    "paragraph": "paragraph reference",
    "point": "point number",
    "percentage": "percentage",
    "slot": "slot",
    "choice": "choice",
    "footnote": "footnote mark",
}
_KIND_RES = [(kind, re.compile(pattern)) for kind, pattern in _KINDS if kind in LEGAL_KINDS]
_PERCENT_RE = re.compile(rf"(?<![\w,.])({_NUMBER}){_SP}?%")
_DIGITS_RE = re.compile(r"\d+(?:/\d+)?")


@dataclass(frozen=True)
class LegalToken:
    """A number of legal effect in a text: its `kind` (a key of LEGAL_KINDS), the
    words as written (`shown`), and a `value` that is the same in every language."""

    kind: str
    shown: str
    value: str


def _number(text: str) -> str:
    digits = re.sub(r"[ \u00a0\u202f.]", "", text).replace(",", ".")
    try:
        return format(Decimal(digits).normalize(), "f")
    except InvalidOperation:
        return digits


def _value(kind: str, shown: str) -> str:
    if kind == "amount":
        return _number(re.sub(r"EUR|euros?|€", "", shown).strip(" \u00a0\u202f"))
    if kind == "date":
        if "/" in shown:
            day, month, year = (int(n) for n in shown.split("/"))
            year = year + 2000 if year < 100 else year
        else:
            day_word, month_word, year_word = re.split(_SP, shown)
            day, year = int(day_word.removesuffix("er")), int(year_word)
            month = _MONTH_NUMBERS[month_word.lower()]
        return f"{year:04d}-{month:02d}-{day:02d}"
    if kind in ("article", "paragraph"):
        return " ".join(_DIGITS_RE.findall(shown))
    return shown


def legal_tokens(text: str) -> list[LegalToken]:
    """The law's numbers in `text`, in reading order by kind: amounts, dates,
    pseudocodes, article and paragraph references, point numbers ("6°"),
    percentages, slots (by name: the placeholder after `|` may be translated),
    choices (by selector and alternatives: their words may be translated),
    footnote marks. Numbered labels like "a)" are not among them."""
    found: list[LegalToken] = []
    for token in _tokens(text):
        for kind, pattern in _KIND_RES:
            if pattern.fullmatch(token):
                found.append(LegalToken(kind, token, _value(kind, token)))
                break
    for match in _PERCENT_RE.finditer(text):
        found.append(LegalToken("percentage", match.group(0), _number(match.group(1))))
    for match in SLOT_RE.finditer(text):
        found.append(LegalToken("slot", match.group(0), match.group(1)))
    for match in CHOICE_RE.finditer(text):
        choice = choice_in(match)
        whens = "|".join(a.when for a in choice.alternatives)
        found.append(LegalToken("choice", match.group(0), f"{choice.selector}|{whens}"))
    for match in FOOTNOTE_RE.finditer(text):
        found.append(LegalToken("footnote", match.group(0), match.group(1)))
    return found


def token_differences(source: str, target: str) -> list[tuple[str, list[str], list[str]]]:
    """Where `target` does not keep the legal tokens of `source`: for each kind that
    differs, (kind, the tokens only in source as written, those only in target)."""
    left, right = legal_tokens(source), legal_tokens(target)
    differences = []
    for kind in LEGAL_KINDS:
        ours = Counter(t.value for t in left if t.kind == kind)
        theirs = Counter(t.value for t in right if t.kind == kind)
        if ours == theirs:
            continue
        only_left, only_right = ours - theirs, theirs - ours
        differences.append((kind, _shown(left, kind, only_left), _shown(right, kind, only_right)))
    return differences


def _shown(tokens: list[LegalToken], kind: str, wanted: Counter[str]) -> list[str]:
    left = Counter(wanted)
    shown = []
    for token in tokens:
        if token.kind == kind and left[token.value] > 0:
            left[token.value] -= 1
            shown.append(token.shown)
    return shown
