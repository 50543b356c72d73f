"""The formatting a paragraph or run prints with, through its styles.

Word says little on the paragraph itself: bold, size, alignment, indent and
outline level usually come from the run's character style, the paragraph's
style and the styles those are based on, or the document's defaults; a
paragraph's number comes from its own numbering properties or its style's.
`Formatting` follows those chains the way Word does (docx_styles), so the
reader sees what is printed.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from generator.importing.read.docx_numbering import Numbering
from generator.importing.read.docx_styles import Styles, on
from generator.ooxml.namespaces import W

#: Word's size when no style says otherwise (points)
DEFAULT_SIZE = 10.0


@dataclass
class Formatting:
    styles: Styles
    numbering: Numbering

    def paragraph_style(self, ppr: Any) -> str | None:
        """The id of a paragraph's style: its own, else the default paragraph style."""
        style = ppr.find(f"{W}pStyle") if ppr is not None else None
        return style.get(f"{W}val") if style is not None else self.styles.default_paragraph

    def run_prop(self, rpr: Any, style: str | None, tag: str) -> Any | None:
        """The run property `tag` (b, sz) that applies: the run's own, its
        character style's, its paragraph style's, else the document default."""
        if rpr is not None:
            found = rpr.find(f"{W}{tag}")
            if found is not None:
                return found
            rstyle = rpr.find(f"{W}rStyle")
            if rstyle is not None:
                found = self.styles.lookup(rstyle.get(f"{W}val"), f"w:rPr/w:{tag}")
                if found is not None:
                    return found
        found = self.styles.lookup(style, f"w:rPr/w:{tag}")
        if found is None and self.styles.default_rpr is not None:
            found = self.styles.default_rpr.find(f"{W}{tag}")
        return found

    def label_bold(self, ppr: Any, style: str | None, level: Any) -> bool:
        """A number is printed like the paragraph mark, unless its level says otherwise."""
        if level is not None and level.rpr is not None:
            found = on(level.rpr.find(f"{W}b"))
            if found is not None:
                return found
        mark = ppr.find(f"{W}rPr") if ppr is not None else None
        return self.run_bold(mark, style)

    def run_bold(self, rpr: Any, style: str | None) -> bool:
        return bool(on(self.run_prop(rpr, style, "b")))

    def run_size(self, rpr: Any, style: str | None) -> float:
        found = self.run_prop(rpr, style, "sz")
        try:
            return int(found.get(f"{W}val")) / 2 if found is not None else DEFAULT_SIZE
        except (TypeError, ValueError):
            return DEFAULT_SIZE

    def paragraph_prop(self, ppr: Any, style: str | None, tag: str) -> Any | None:
        """The paragraph property `tag` (jc, ind) that applies: the paragraph's
        own, its style's, else the document default."""
        if ppr is not None:
            found = ppr.find(f"{W}{tag}")
            if found is not None:
                return found
        found = self.styles.lookup(style, f"w:pPr/w:{tag}")
        if found is None and self.styles.default_ppr is not None:
            found = self.styles.default_ppr.find(f"{W}{tag}")
        return found

    def numbering_of(self, ppr: Any, style: str | None) -> tuple[str | None, int]:
        num_pr = ppr.find(f"{W}numPr") if ppr is not None else None
        from_style = num_pr is None
        if from_style:
            num_pr = self.styles.lookup(style, "w:pPr/w:numPr")
        if num_pr is None:
            return None, 0
        num = num_pr.find(f"{W}numId")
        lvl = num_pr.find(f"{W}ilvl")
        num_id = num.get(f"{W}val") if num is not None else None
        if num_id in (None, "0"):
            return None, 0
        if lvl is not None:
            return num_id, int(lvl.get(f"{W}val", "0") or 0)
        for linked in self.styles.chain(style):
            found = self.numbering.style_levels.get(linked.get(f"{W}styleId", ""))
            if found is not None and found[0] == num_id:
                return num_id, found[1]
        return num_id, 0

    def heading(self, ppr: Any, style: str | None) -> int:
        direct = ppr.find(f"{W}outlineLvl") if ppr is not None else None
        if direct is None:
            named = self.styles.heading_level(style)
            if named is not None:
                return named
            direct = self.styles.lookup(style, "w:pPr/w:outlineLvl")
        if direct is None:
            return 0
        try:
            level = int(direct.get(f"{W}val", "9"))
        except ValueError:
            return 0
        return level + 1 if 0 <= level < 9 else 0

    def centered(self, ppr: Any, style: str | None) -> bool:
        jc = self.paragraph_prop(ppr, style, "jc")
        return jc is not None and jc.get(f"{W}val") == "center"

    def indent(self, ppr: Any, style: str | None, numbering_ppr: Any) -> float:
        """First line's left indent in points: left + first line - hanging."""
        sources = [
            ppr.find(f"{W}ind") if ppr is not None else None,
            numbering_ppr.find(f"{W}ind") if numbering_ppr is not None else None,
            *(s.find(f"{W}pPr/{W}ind") for s in self.styles.chain(style)),
            self.styles.default_ppr.find(f"{W}ind")
            if self.styles.default_ppr is not None
            else None,
        ]

        def value(*names: str) -> float:
            for ind in sources:
                if ind is None:
                    continue
                for name in names:
                    raw = ind.get(f"{W}{name}")
                    if raw is not None:
                        try:
                            return float(raw) / 20
                        except ValueError:
                            return 0.0
            return 0.0

        left = value("left", "start")
        first = value("firstLine") - value("hanging")
        return round(left + first, 1)
