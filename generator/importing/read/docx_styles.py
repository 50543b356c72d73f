"""What a paragraph or run inherits from its styles.

Whether a heading is bold, centred or indented is usually not said on the
paragraph but on its style, or on the style that one is based on, or in the
document defaults. `Styles.lookup` follows that chain and returns the first
element found, so the reader sees the formatting Word would print.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from generator.ooxml.namespaces import W

_HEADING = re.compile(
    r"^(?:heading|titre|kop|überschrift|titolo|título|nagłówek)\s*(\d)$", re.IGNORECASE
)


@dataclass
class Styles:
    by_id: dict[str, Any] = field(default_factory=dict)
    default_paragraph: str | None = None
    default_character: str | None = None
    #: w:docDefaults/w:rPrDefault/w:rPr and w:pPrDefault/w:pPr
    default_rpr: Any = None
    default_ppr: Any = None

    @classmethod
    def from_xml(cls, root: Any | None) -> Styles:
        styles = cls()
        if root is None:
            return styles
        for style in root.findall(f"{W}style"):
            sid = style.get(f"{W}styleId", "")
            styles.by_id[sid] = style
            if style.get(f"{W}default") in ("1", "true", "on"):
                kind = style.get(f"{W}type")
                if kind == "paragraph":
                    styles.default_paragraph = sid
                elif kind == "character":
                    styles.default_character = sid
        defaults = root.find(f"{W}docDefaults")
        if defaults is not None:
            styles.default_rpr = defaults.find(f"{W}rPrDefault/{W}rPr")
            styles.default_ppr = defaults.find(f"{W}pPrDefault/{W}pPr")
        return styles

    def chain(self, style_id: str | None) -> list[Any]:
        """The style and the styles it is based on, nearest first."""
        out: list[Any] = []
        seen: set[str] = set()
        while style_id and style_id not in seen and style_id in self.by_id:
            seen.add(style_id)
            style = self.by_id[style_id]
            out.append(style)
            based = style.find(f"{W}basedOn")
            style_id = based.get(f"{W}val") if based is not None else None
        return out

    def lookup(self, style_id: str | None, path: str) -> Any | None:
        """The first `path` (e.g. "w:pPr/w:jc") along the style's chain."""
        for style in self.chain(style_id):
            found = style.find(path.replace("w:", W))
            if found is not None:
                return found
        return None

    def name(self, style_id: str | None) -> str:
        style = self.by_id.get(style_id or "")
        if style is None:
            return ""
        name = style.find(f"{W}name")
        return name.get(f"{W}val", "") if name is not None else ""

    def heading_level(self, style_id: str | None) -> int | None:
        """1 for "Heading 1" (or a style based on it), 0 for "Title", None for body."""
        for style in self.chain(style_id):
            name = style.find(f"{W}name")
            value = name.get(f"{W}val", "") if name is not None else ""
            if value.lower() in ("title", "titre"):
                return 0
            match = _HEADING.match(value.strip())
            if match:
                return int(match.group(1))
        return None


def on(element: Any | None) -> bool | None:
    """A toggle property (w:b, w:i...): None when absent, else its value."""
    if element is None:
        return None
    return element.get(f"{W}val", "true").lower() not in ("0", "false", "off", "none")
