"""Rebuilding the provision tree (article > § > point > indent, alinéas at
any level) from the paragraphs of one article or one quoted text.

Nesting follows the printed markers; where markers do not decide (an
unnumbered paragraph after a list of points), the indentation does: a
paragraph indented at least as far as the point before it continues that
point, one back at the margin continues the enclosing article or §."""

from __future__ import annotations

import re
from dataclasses import dataclass

from generator.importing.read.extract import Block
from generator.importing.read.text_rules import superscript
from generator.importing.recognise.journal import Journal
from generator.importing.recognise.markers import SUPERSCRIPTS, Marker, any_marker

#: a footnote as printed under the text: "1 Tel qu'indiqué ..."
FOOTNOTE = re.compile(r"^(?P<mark>\d{1,2})\s+(?P<rest>\S.*)$", re.S)
_TOLERANCE = 4.0  # points: indents closer than this are the same


@dataclass
class _Frame:
    node: dict
    kind: str  # root | article | paragraph | alinea | point | indent
    family: str = ""
    indent: float = 0.0


def fr(text: str) -> dict:
    return {"fr": text}


def base_indent(blocks: list[Block]) -> float:
    """The margin of `blocks`: the indent of the least indented (0 for none)."""
    return min((b.indent for b in blocks), default=0.0)


def is_heading_candidate(block: Block, *, loose: bool = False) -> bool:
    """A short line with no final punctuation, set apart (bold, a heading
    style): an article's title printed on its own line. `loose`: set apart
    or not (the first line of a quoted new text). It only becomes a heading
    if an article marker follows it."""
    text = block.text.strip()
    return (
        0 < len(text) <= 120
        and text[-1] not in ".;:,"
        and any_marker(text, bold=block.bold) is None
        and (loose or block.bold or block.heading > 0)
    )


class ProvisionBuilder:
    """Feeds blocks one by one into a tree under `root` (a mapping with
    `children`: an article, or a holder for a quoted text)."""

    def __init__(
        self, root: dict, journal: Journal, *, base_indent: float = 0.0, quoted: bool = False
    ):
        self.journal = journal
        #: a quoted new text: its first short line may be the heading of the article after it
        self.quoted = quoted
        self.fed = 0
        self.stack = [_Frame(root, "root")]
        self.base = base_indent
        self.pending_heading: Block | None = None
        self.texts: list[dict] = []  # nodes whose text may carry footnote marks
        self.run_in: list[dict] = []  # paragraphs whose text starts on the "§ 2." line

    # -- entry point ---------------------------------------------------------
    def feed(self, block: Block) -> None:
        text = block.text.strip()
        marker = any_marker(text, bold=block.bold)
        if self.pending_heading is not None and (marker is None or marker.kind != "article"):
            self._flush_heading()
        if marker is None and self.footnote(block):
            return
        first, self.fed = self.fed == 0, self.fed + 1
        if marker is None:
            if self._heading_after_article(block):
                return
            if is_heading_candidate(block, loose=first and self.quoted):
                self.pending_heading = block
                return
            self._alinea(block)
        elif marker.kind == "article":
            self._article(block, marker)
        elif marker.kind == "paragraph":
            self._paragraph(block, marker)
        else:
            self._point(block, marker)

    def close(self) -> None:
        if self.pending_heading is not None:
            self._flush_heading()
        for node in self.run_in:
            self._hoist(node)

    def _hoist(self, paragraph: dict) -> None:
        """ "§ 2. Le réseau s'engage à :" and its points, with no other alinéa:
        the corpus records the run-in text as the §'s own text (article 13, § 2);
        with several alinéas, each stays an alinéa (article 17, § 1/1)."""
        children = paragraph.get("children", [])
        alineas = [c for c in children if c["kind"] == "alinea"]
        if len(alineas) != 1 or children[0] is not alineas[0]:
            return
        first = alineas[0]
        paragraph["text"] = first["text"]
        rest = first.get("children", []) + children[1:]
        if rest:
            paragraph["children"] = rest
        else:
            del paragraph["children"]
        if first.get("footnotes"):
            paragraph["footnotes"] = first["footnotes"]
        self.journal.move_comments(first, paragraph)

    # -- helpers --------------------------------------------------------------
    def _flush_heading(self) -> None:
        block, self.pending_heading = self.pending_heading, None
        if block is not None:
            self._alinea(block)

    def _top(self) -> _Frame:
        return self.stack[-1]

    def _pop_to(self, kinds: tuple[str, ...]) -> _Frame:
        while self._top().kind not in kinds and len(self.stack) > 1:
            self.stack.pop()
        return self._top()

    def _append(self, parent: dict, node: dict) -> dict:
        parent.setdefault("children", []).append(node)
        return node

    def _article(self, block: Block, marker: Marker) -> None:
        self._pop_to(("root",))
        node: dict = {"kind": "article", "num": marker.num}
        if marker.label:
            node["label"] = marker.label
        self.journal.consume(marker.printed)
        rest = marker.rest
        if self.pending_heading is not None:
            node["heading"] = fr(self.pending_heading.text.strip())
            self.pending_heading = None
        elif rest and (marker.separator in ("-", "–", "—", ":") or block.bold):
            node["heading"] = fr(rest)
            self.journal.consume(marker.separator)
            rest = ""
        self._append(self._top().node, node)
        self.stack.append(_Frame(node, "article", indent=block.indent))
        if rest:
            self._alinea(Block(rest, block.where, indent=block.indent))

    def _heading_after_article(self, block: Block) -> bool:
        """ "Article 4" alone, then its title in bold on the next line."""
        top = self._top()
        if (
            top.kind == "article"
            and "heading" not in top.node
            and not top.node.get("children")
            and is_heading_candidate(block)
        ):
            top.node["heading"] = fr(block.text.strip())
            return True
        return False

    def _paragraph(self, block: Block, marker: Marker) -> None:
        parent = self._pop_to(("article", "root"))
        node: dict = {"kind": "paragraph", "num": marker.num}
        if marker.label:
            node["label"] = marker.label
        self.journal.consume(marker.printed)
        self._append(parent.node, node)
        self.stack.append(_Frame(node, "paragraph", indent=block.indent))
        if marker.rest:  # run-in text: the first alinéa (see _hoist)
            self._alinea(Block(marker.rest, block.where, indent=block.indent))
            self.run_in.append(node)

    def _point(self, block: Block, marker: Marker) -> None:
        kind = "point" if marker.kind == "point" else "indent"
        for depth in range(len(self.stack) - 1, 0, -1):
            frame = self.stack[depth]
            if frame.kind in ("point", "indent") and frame.family == marker.family:
                del self.stack[depth:]
                break
        else:
            top = self._top()
            if top.kind in ("article", "paragraph", "root") and "text" not in top.node:
                last = (top.node.get("children") or [None])[-1]
                if last is not None and last.get("kind") == "alinea":
                    self.stack.append(_Frame(last, "alinea", indent=top.indent))
        node: dict = {"kind": kind}
        if kind == "point":
            node["num"] = marker.num
        elif marker.family != "-":
            node["label"] = marker.printed
        self.journal.consume(marker.printed)
        node["text"] = fr(marker.rest)
        self.texts.append(node)
        self._append(self._top().node, node)
        self.stack.append(_Frame(node, kind, marker.family, block.indent))

    def _alinea(self, block: Block) -> None:
        points = [f for f in self.stack if f.kind in ("point", "indent")]
        if points:
            deepest = points[-1]
            if block.indent > deepest.indent + _TOLERANCE:
                holder = max(
                    (f for f in points if f.indent + _TOLERANCE < block.indent),
                    key=self.stack.index,
                )
                del self.stack[self.stack.index(holder) + 1 :]
            else:
                self._pop_to(("article", "paragraph", "root"))
        elif self._top().kind == "alinea":
            self.stack.pop()
        node = {"kind": "alinea", "text": fr(block.text.strip())}
        self.texts.append(node)
        self._append(self._top().node, node)

    def footnote(self, block: Block) -> bool:
        """Take `block` as the footnote of a mark in the text built so far."""
        m = FOOTNOTE.match(block.text.strip())
        if not m:
            return False
        mark = m["mark"]
        sup = superscript(mark)
        for node in reversed(self.texts):
            text = node.get("text", {}).get("fr", "")
            where = re.search(rf"(?<=\S){sup}(?![{SUPERSCRIPTS}])", text)
            if where:
                node["text"]["fr"] = text[: where.start()] + f"[^{mark}]" + text[where.end() :]
                node.setdefault("footnotes", []).append({"mark": mark, "text": fr(m["rest"])})
                return True
        return False
