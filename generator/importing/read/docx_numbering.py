"""Word's automatic numbering, written out as a reader sees it.

In a DOCX, "Article 1", "1°" or "a)" is often not in the text: the paragraph
says "numbering 3, level 0" and numbering.xml says how level 0 is printed
("Article %1", decimal, starting at 1). `Numbering.label` follows the
paragraphs in order and gives each numbered one its label: the level's text
with %1..%9 replaced by the counters of those levels in their formats;
a level restarts when a higher level advances; a list instance (`w:num`)
that overrides a level's start restarts there.

Counters are kept per abstract list when a `w:num` has no override (Word
continues a list across instances of the same definition) and per `w:num`
otherwise. Not handled: `w:lvlRestart` other than the default, legacy
numbering, `w:numStyleLink` chains beyond one step, and the language of
`ordinal` (always French: 1er, 2e).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from generator.ooxml.namespaces import W

#: bullets printed with a symbol font (Symbol, Wingdings) live in the private
#: use area; print them as the bullet a reader sees
_SYMBOL_BULLETS = {"\uf0b7": "•", "\uf0a7": "▪", "\uf0d8": "➢", "\uf076": "❖", "\uf0fc": "✓"}


@dataclass
class Level:
    start: int = 1
    fmt: str = "decimal"
    text: str = "%1."
    legal: bool = False
    #: the level's paragraph properties (its indent), or None
    ppr: Any = None
    #: the paragraph style this level belongs to (w:pStyle), if any
    style: str | None = None
    #: the number's run properties (bold...), or None
    rpr: Any = None


@dataclass
class _Instance:
    abstract: str
    levels: dict[int, Level]
    #: key of the counters this instance advances
    counters: str


@dataclass
class Numbering:
    instances: dict[str, _Instance] = field(default_factory=dict)
    #: style id -> (numId, level) declared by a level's w:pStyle
    style_levels: dict[str, tuple[str, int]] = field(default_factory=dict)
    _counters: dict[str, dict[int, int]] = field(default_factory=dict)

    @classmethod
    def from_xml(cls, root: Any | None) -> Numbering:
        """Read numbering.xml (`root` is its w:numbering element, or None)."""
        numbering = cls()
        if root is None:
            return numbering
        abstracts: dict[str, dict[int, Level]] = {}
        links: dict[str, str] = {}
        for abstract in root.iter(f"{W}abstractNum"):
            levels = {}
            for lvl in abstract.findall(f"{W}lvl"):
                levels[_int(lvl.get(f"{W}ilvl"), 0)] = _level(lvl)
            aid = abstract.get(f"{W}abstractNumId", "")
            abstracts[aid] = levels
            link = abstract.find(f"{W}numStyleLink")
            if link is not None:
                links[aid] = link.get(f"{W}val", "")
        style_abstract = {
            abstract.find(f"{W}styleLink").get(f"{W}val", ""): abstract.get(f"{W}abstractNumId", "")
            for abstract in root.iter(f"{W}abstractNum")
            if abstract.find(f"{W}styleLink") is not None
        }
        for num in root.iter(f"{W}num"):
            nid = num.get(f"{W}numId", "")
            ref = num.find(f"{W}abstractNumId")
            aid = ref.get(f"{W}val", "") if ref is not None else ""
            if aid in links and links[aid] in style_abstract:
                aid = style_abstract[links[aid]]
            levels = {k: Level(**vars(v)) for k, v in abstracts.get(aid, {}).items()}
            overridden = False
            for override in num.findall(f"{W}lvlOverride"):
                ilvl = _int(override.get(f"{W}ilvl"), 0)
                replaced = override.find(f"{W}lvl")
                if replaced is not None:
                    levels[ilvl] = _level(replaced)
                    overridden = True
                start = override.find(f"{W}startOverride")
                if start is not None:
                    levels.setdefault(ilvl, Level()).start = _int(start.get(f"{W}val"), 1)
                    overridden = True
            counters = f"num:{nid}" if overridden else f"abstract:{aid}"
            numbering.instances[nid] = _Instance(aid, levels, counters)
            for ilvl, level in levels.items():
                if level.style:
                    numbering.style_levels.setdefault(level.style, (nid, ilvl))
        return numbering

    def level(self, num_id: str, ilvl: int) -> Level | None:
        instance = self.instances.get(num_id)
        return instance.levels.get(ilvl) if instance else None

    def label(self, num_id: str, ilvl: int) -> str:
        """The label of the next paragraph numbered (num_id, ilvl); advances the count."""
        instance = self.instances.get(num_id)
        if instance is None or ilvl not in instance.levels:
            return ""
        counters = self._counters.setdefault(instance.counters, {})
        level = instance.levels[ilvl]
        counters[ilvl] = counters[ilvl] + 1 if ilvl in counters else level.start
        for deeper in [k for k in counters if k > ilvl]:
            del counters[deeper]
        if level.fmt == "bullet":
            return bullet(level.text)
        text = level.text
        for n in range(9, 0, -1):
            placeholder = f"%{n}"
            if placeholder not in text:
                continue
            other = instance.levels.get(n - 1, Level())
            value = counters.get(n - 1, other.start)
            fmt = "decimal" if level.legal and n - 1 != ilvl else other.fmt
            text = text.replace(placeholder, format_number(value, fmt))
        return text.strip()


def _level(lvl: Any) -> Level:
    def val(tag: str) -> str | None:
        element = lvl.find(f"{W}{tag}")
        return element.get(f"{W}val") if element is not None else None

    text = val("lvlText")
    return Level(
        start=_int(val("start"), 1),
        fmt=val("numFmt") or "decimal",
        text="" if text is None else text,
        legal=lvl.find(f"{W}isLgl") is not None,
        ppr=lvl.find(f"{W}pPr"),
        style=val("pStyle"),
        rpr=lvl.find(f"{W}rPr"),
    )


def _int(value: str | None, default: int) -> int:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


def bullet(text: str) -> str:
    """The bullet as printed: symbol-font characters mapped to •, others kept."""
    text = text.strip()
    if not text:
        return "•"
    return "".join(
        _SYMBOL_BULLETS.get(ch, "•" if 0xF000 <= ord(ch) <= 0xF0FF else ch) for ch in text
    )


def format_number(value: int, fmt: str) -> str:
    """`value` printed in a Word number format."""
    if fmt in ("lowerLetter", "upperLetter"):
        letters = _letters(value)
        return letters if fmt == "lowerLetter" else letters.upper()
    if fmt in ("lowerRoman", "upperRoman"):
        roman = _roman(value)
        return roman if fmt == "upperRoman" else roman.lower()
    if fmt == "decimalZero":
        return f"{value:02d}"
    if fmt == "ordinal":
        return "1er" if value == 1 else f"{value}e"
    if fmt == "none":
        return ""
    return str(value)


def _letters(value: int) -> str:
    """Word's letters: a..z, then aa..zz, aaa..."""
    if value < 1:
        return str(value)
    letter = chr(ord("a") + (value - 1) % 26)
    return letter * ((value - 1) // 26 + 1)


def _roman(value: int) -> str:
    if not 0 < value < 4000:
        return str(value)
    out = []
    for number, letters in (
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ):
        while value >= number:
            out.append(letters)
            value -= number
    return "".join(out)
