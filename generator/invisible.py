"""Characters that print as nothing, or that reorder what prints.

A value made only of zero-width spaces, soft hyphens, a braille blank or the
Hangul filler looks empty in a document, however `str.strip()` sees it: a
required field holding one must count as empty. Bidirectional controls
(RIGHT-TO-LEFT OVERRIDE and its kin) make a text display in another order
than it is stored ("Trojan Source"): a signed document must show what it
holds, so party data may not contain them.
"""

from __future__ import annotations

import unicodedata

#: characters of the visible categories (letters, digits, punctuation,
#: symbols) that nevertheless print as a blank
BLANK_LOOKING = frozenset(
    {
        "\u115f",  # HANGUL CHOSEONG FILLER
        "\u1160",  # HANGUL JUNGSEONG FILLER
        "\u2800",  # BRAILLE PATTERN BLANK
        "\u3164",  # HANGUL FILLER
        "\uffa0",  # HALFWIDTH HANGUL FILLER
    }
)
#: the explicit bidirectional formatting characters (Unicode bidi algorithm)
BIDI_CONTROLS = frozenset(
    {
        "\u061c",  # ARABIC LETTER MARK
        "\u200e",  # LEFT-TO-RIGHT MARK
        "\u200f",  # RIGHT-TO-LEFT MARK
        *map(chr, range(0x202A, 0x202F)),  # LRE, RLE, PDF, LRO, RLO
        *map(chr, range(0x2066, 0x206A)),  # LRI, RLI, FSI, PDI
    }
)


def is_visible(ch: str) -> bool:
    """A letter, digit, punctuation mark or symbol that prints as something.
    Spaces, control and format characters (Cc, Cf, Z*), combining marks alone
    and unassigned code points do not."""
    return unicodedata.category(ch)[0] in "LNPS" and ch not in BLANK_LOOKING


def is_blank(text: str | None) -> bool:
    """True when `text` would print as nothing: None, empty, or only spaces and
    invisible characters."""
    return text is None or not any(is_visible(ch) for ch in text)


def bidi_controls_in(text: str) -> list[str]:
    """The bidirectional controls `text` holds, each named once as
    'U+202E RIGHT-TO-LEFT OVERRIDE', in order of appearance."""
    found: list[str] = []
    for ch in text:
        if ch in BIDI_CONTROLS:
            name = f"U+{ord(ch):04X} {unicodedata.name(ch, 'BIDI CONTROL')}"
            if name not in found:
                found.append(name)
    return found
