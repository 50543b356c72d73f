"""Text rules both readers share: how printed text is normalised, and what a
structural marker looks like.

Both readers must give the structure recogniser the same text for the same
document, so the rules live here once: runs of spaces collapsed, footnote
marks as unicode superscript digits, hyphenation at line ends undone.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_SUPERSCRIPTS = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")

#: lines that begin a new paragraph in a convention: article and paragraph
#: headings, numbered points, list dashes and bullets, recitals, annexes
MARKER = re.compile(
    r"""^(?:
        Article\s+\d+(?:/\d+)?(?:\s*(?:bis|ter|quater))?\b   # Article 1, Article 14/1
      | Art\.\s*\d+                                        # Art. 2
      | §\s*\d+(?:er)?(?:/\d+)?                            # § 1er, §1/1
      | \d+°                                               # 1°
      | \d+\)                                              # 2)
      | [a-z]\)                                            # a)
      | [-–—•▪◦·](?=\s)                                    # - – • (followed by a space)
      | Vu\s                                               # recitals
      | Annexe\b
      | \d{6}(?=\s|$)                                      # a pseudocode
    )""",
    re.VERBOSE,
)

#: a line ending one of these ends a sentence (or a list item)
SENTENCE_END = tuple(".:;!?»)…")

#: first parts of compounds whose hyphen is real when a line breaks after it
_COMPOUND_PREFIXES = frozenset(
    {
        "psycho",
        "médico",
        "medico",
        "socio",
        "extra",
        "post",
        "pré",
        "pre",
        "anti",
        "non",
        "auto",
        "multi",
        "inter",
        "co",
        "ex",
        "semi",
        "quasi",
        "bio",
        "neuro",
        "para",
        "péri",
        "peri",
        "pluri",
        "trans",
        "intra",
        "ultra",
        "sous",
        "vice",
        "demi",
        "mi",
        "néo",
        "neo",
        "sud",
        "nord",
        "est",
        "ouest",
        "franco",
        "belgo",
    }
)


def collapse_spaces(text: str) -> str:
    """One space for every run of spaces (justified text is printed with
    several), none at the ends."""
    return _SPACES.sub(" ", text).strip()


def drop_soft_hyphens(text: str) -> str:
    """A soft hyphen (U+00AD) is printed only where a line breaks; joined lines have none."""
    return text.replace("\u00ad", "")


def superscript(digits: str) -> str:
    """`12` -> `¹²`: how a footnote mark is kept in a block's text."""
    return digits.translate(_SUPERSCRIPTS)


def is_marker(line: str) -> bool:
    """The line starts with a structural marker (see MARKER)."""
    return MARKER.match(line) is not None


def join_lines(
    first: str, second: str, vocabulary: Iterable[str] | frozenset[str] = frozenset()
) -> str:
    """Join two printed lines of one paragraph.

    A hyphen at the end of `first`, right after a letter, followed by a line
    starting with a lowercase letter is hyphenation and goes away
    ("presta-" + "tions") -- unless it is the hyphen of a compound: the
    hyphenated word is in `vocabulary` (seen elsewhere in the document) or the
    part before it is a usual compound prefix ("psycho-" + "médico-sociaux").
    A dash with a space before it ("... ligne -") stays, followed by a space.
    """
    first = first.rstrip()
    second = second.lstrip()
    if not first:
        return second
    if not second:
        return first
    if first.endswith("\u00ad"):
        return first[:-1] + second
    if (
        len(first) >= 2
        and first[-1] in "-\u2010"
        and first[-2].isalpha()
        and second[0].isalpha()
        and second[0].islower()
    ):
        head = re.split(r"[\s/(«\"“']", first[:-1])[-1]
        tail = re.split(r"[\s,.;:)»\"”']", second)[0]
        left = head.rsplit("-", 1)[-1].lower()
        joined = f"{head}{tail}".lower()
        hyphenated = f"{head}-{tail}".lower()
        words = vocabulary if isinstance(vocabulary, frozenset) else frozenset(vocabulary)
        keep = hyphenated in words or (
            joined not in words and ("-" in tail or left in _COMPOUND_PREFIXES)
        )
        if keep:
            return first + second
        return first[:-1] + second
    if len(first) >= 2 and first[-1] in "-\u2010" and first[-2].isalnum() and second[0].isalnum():
        return first + second  # a compound broken at its own hyphen ("Namur-" + "Sud")
    return f"{first} {second}"


def word_set(texts: Iterable[str]) -> frozenset[str]:
    """Lowercased words of the texts (hyphenated compounds whole), the evidence
    `join_lines` uses to tell a compound's hyphen from hyphenation."""
    words: set[str] = set()
    for text in texts:
        for word in re.findall(r"[^\W\d_][\w-]*[^\W\d_]", text):
            words.add(word.lower())
    return frozenset(words)
