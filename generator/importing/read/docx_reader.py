"""A DOCX to blocks: its paragraphs and table rows in reading order.

The body is walked as XML (python-docx's `paragraphs` and `tables` lose their
interleaving and skip content controls and text boxes). Each paragraph
becomes a block with its automatic numbering written in front
(docx_numbering), its formatting read through its styles (docx_formatting);
each table row a block with its cells. Footnotes are put where a reader
meets them: their mark (¹, ²...) in the text, their own block ("1 text",
where "footnote 1") right after the paragraph or row that calls them.
Headers and footers of every section go to `Extract.omitted`.

Tracked changes are read as accepted (insertions kept, deletions dropped);
field codes are replaced by their printed result.
"""

from __future__ import annotations

import contextlib
import dataclasses
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import docx
from lxml import etree

from generator.importing.read.docx_formatting import DEFAULT_SIZE, Formatting
from generator.importing.read.docx_numbering import Numbering, bullet
from generator.importing.read.docx_styles import Styles
from generator.importing.read.extract import Block, Extract, Omitted
from generator.importing.read.text_rules import collapse_spaces, drop_soft_hyphens, superscript
from generator.ooxml.namespaces import MC, R, W

#: containers whose content is not printed (deleted text, field instructions,
#: properties) or is read elsewhere (text boxes)
_SKIP = {
    f"{W}{tag}"
    for tag in (
        "del",
        "moveFrom",
        "pPr",
        "rPr",
        "sdtPr",
        "sdtEndPr",
        "instrText",
        "delText",
        "txbxContent",
    )
} | {f"{MC}Fallback"}
_CELL_CONTAINERS = {f"{W}{tag}" for tag in ("tbl", "tr", "tc", "sdt", "sdtContent", "customXml")}
_SAFE = etree.XMLParser(resolve_entities=False, no_network=True)


@dataclass
class _Text:
    """What a paragraph prints, collected run by run."""

    parts: list[tuple[str, bool, float]] = field(default_factory=list)
    notes: list[tuple[str, int, Any]] = field(default_factory=list)
    boxes: list[Any] = field(default_factory=list)
    #: complex fields open around the current run: True once past their instructions
    fields: list[bool] = field(default_factory=list)

    def add(self, text: str, bold: bool, size: float) -> None:
        if all(self.fields):
            self.parts.append((text, bold, size))


def read_docx(path: Path) -> Extract:
    """The blocks of a DOCX file and its headers and footers (omitted).

    Fills each paragraph's `text` (numbering label + " " + text, tabs and line
    breaks as spaces, runs of spaces collapsed, footnote marks as superscript
    digits), `where` ("paragraph N", counting the blocks of non-empty
    paragraphs; "table T, row R"; "footnote N"), `bold` (every printed
    character bold, through run, character style, paragraph style and
    defaults), `heading` (the N of a "Heading N"/"Titre N" style or of an
    outline level; a "Title" style is 0, with its size showing it), `centered`
    (alignment, direct or from the style), `indent` (first line's left indent
    in points) and `size` (relative to the most common size of the body's
    text). Errors from python-docx and lxml are left to `opening.read_document`.
    """
    path = Path(path)
    document = docx.Document(str(path))
    reader = _Reader(document)
    reader.body(document.element.body)
    return Extract(
        source=path,
        kind="docx",
        blocks=reader.finish(),
        omitted=reader.furniture(document),
    )


def _part_xml(part: Any) -> Any:
    element = getattr(part, "element", None)
    if element is not None:
        return element
    return etree.fromstring(part.blob, _SAFE)


def _related(document: Any, suffix: str) -> Any | None:
    for rel in document.part.rels.values():
        if rel.reltype.endswith(suffix) and not rel.is_external:
            return _part_xml(rel.target_part)
    return None


def _notes(root: Any | None, tag: str) -> dict[str, Any]:
    if root is None:
        return {}
    return {note.get(f"{W}id", ""): note for note in root.findall(f"{W}{tag}")}


class _Reader:
    def __init__(self, document: Any) -> None:
        self.format = Formatting(
            Styles.from_xml(_related(document, "/styles")),
            Numbering.from_xml(_related(document, "/numbering")),
        )
        self.footnotes = _notes(_related(document, "/footnotes"), "footnote")
        self.endnotes = _notes(_related(document, "/endnotes"), "endnote")
        self.blocks: list[tuple[Block, float, int]] = []
        self.paragraphs = 0
        self.tables = 0
        self.counted = {"footnote": 0, "endnote": 0}

    # -- the body -------------------------------------------------------------

    def body(self, container: Any) -> None:
        for child in container:
            tag = child.tag
            if tag == f"{W}p":
                self.paragraph(child)
            elif tag == f"{W}tbl":
                self.table(child)
            elif tag in (f"{W}sdt", f"{W}customXml", f"{W}sdtContent", f"{MC}Choice"):
                self.body(child)
            elif tag == f"{MC}AlternateContent":
                choice = child.find(f"{MC}Choice")
                if choice is None:
                    choice = child.find(f"{MC}Fallback")
                if choice is not None:
                    self.body(choice)

    def paragraph(self, p: Any) -> None:
        text, collected, props = self.read_paragraph(p)
        if text:
            self.paragraphs += 1
            block = Block(
                text=text,
                where=f"paragraph {self.paragraphs}",
                bold=props["bold"],
                heading=props["heading"],
                indent=props["indent"],
                centered=props["centered"],
            )
            self.blocks.append((block, props["size"], len(text)))
        self.emit_notes(collected)
        for box in collected.boxes:
            self.body(box)

    def table(self, tbl: Any) -> None:
        self.tables += 1
        for number, tr in enumerate(_children(tbl, "tr"), start=1):
            cells: list[str] = []
            bold: list[bool] = []
            sizes: list[float] = []
            collected = _Text()
            for tc in _children(tr, "tc"):
                merge = tc.find(f"{W}tcPr/{W}vMerge")
                if merge is not None and merge.get(f"{W}val", "continue") != "restart":
                    cells.append("")  # printed in the row above, where the merge starts
                    continue
                texts: list[str] = []
                for text, found, props in self.cell_paragraphs(tc):
                    texts.append(text)
                    bold.append(props["bold"])
                    sizes.append(props["size"])
                    collected.notes.extend(found.notes)
                    collected.boxes.extend(found.boxes)
                cells.append(collapse_spaces(" ".join(texts)))
            if any(cells):
                block = Block(
                    text=" | ".join(cells),
                    where=f"table {self.tables}, row {number}",
                    bold=bool(bold) and all(bold),
                    cells=tuple(cells),
                )
                size = Counter(sizes).most_common(1)[0][0] if sizes else DEFAULT_SIZE
                self.blocks.append((block, size, 0))
            self.emit_notes(collected)
            for box in collected.boxes:
                self.body(box)

    def cell_paragraphs(self, container: Any) -> Iterator[tuple[str, _Text, dict[str, Any]]]:
        """Every non-empty paragraph in a cell, nested tables' too, in order."""
        for child in container:
            if child.tag == f"{W}p":
                text, collected, props = self.read_paragraph(child)
                if text or collected.notes or collected.boxes:
                    yield text, collected, props
            elif (
                child.tag in (f"{W}tbl", f"{W}tr", f"{W}tc", f"{W}sdt", f"{W}sdtContent")
                or child.tag == f"{W}customXml"
            ):
                yield from self.cell_paragraphs(child)

    def emit_notes(self, collected: _Text) -> None:
        for kind, number, note in collected.notes:
            texts = [self.read_paragraph(p, numbered=False)[0] for p in note.iter(f"{W}p")]
            text = collapse_spaces(" ".join(t for t in texts if t))
            block = Block(text=f"{number} {text}".strip(), where=f"{kind} {number}")
            self.blocks.append((block, 0.0, 0))

    # -- one paragraph --------------------------------------------------------

    def read_paragraph(self, p: Any, *, numbered: bool = True) -> tuple[str, _Text, dict[str, Any]]:
        ppr = p.find(f"{W}pPr")
        style = self.format.paragraph_style(ppr)
        collected = _Text()
        self.walk(p, collected, style)
        text = collapse_spaces(drop_soft_hyphens("".join(t for t, _, _ in collected.parts)))
        printed = [(t, b, s) for t, b, s in collected.parts if t.strip()]
        level = None
        if numbered:
            num_id, ilvl = self.format.numbering_of(ppr, style)
            if num_id:
                level = self.format.numbering.level(num_id, ilvl)
                label = self.format.numbering.label(num_id, ilvl)
                if label:  # Word prints the number even on an empty paragraph
                    text = f"{label} {text}".strip()
                    printed.append((label, self.format.label_bold(ppr, style, level), 0.0))
        sizes: Counter[float] = Counter()
        for t, _, s in printed:
            if s:
                sizes[s] += len(t.strip())
        props = {
            "bold": bool(printed) and all(b for _, b, _ in printed),
            "size": sizes.most_common(1)[0][0] if sizes else self.format.run_size(None, style),
            "heading": self.format.heading(ppr, style),
            "centered": self.format.centered(ppr, style),
            "indent": self.format.indent(ppr, style, level.ppr if level is not None else None),
        }
        return text, collected, props

    def walk(self, element: Any, out: _Text, style: str | None) -> None:
        for child in element:
            tag = child.tag
            if tag in _SKIP:
                continue
            if tag == f"{W}r":
                self.run(child, out, style)
            elif tag == f"{MC}AlternateContent":
                choice = child.find(f"{MC}Choice")
                if choice is not None:
                    self.walk(choice, out, style)
            elif isinstance(tag, str):
                self.walk(child, out, style)

    def run(self, r: Any, out: _Text, style: str | None) -> None:
        rpr = r.find(f"{W}rPr")
        bold = self.format.run_bold(rpr, style)
        size = self.format.run_size(rpr, style)
        for child in r:
            tag = child.tag
            if tag == f"{W}t":
                out.add(child.text or "", bold, size)
            elif tag in (f"{W}tab", f"{W}br", f"{W}cr", f"{W}ptab"):
                out.add(" ", bold, size)
            elif tag == f"{W}noBreakHyphen":
                out.add("-", bold, size)
            elif tag == f"{W}sym":
                code = child.get(f"{W}char", "")
                with contextlib.suppress(ValueError):
                    out.add(bullet(chr(int(code, 16))), bold, size)
            elif tag == f"{W}fldChar":
                kind = child.get(f"{W}fldCharType")
                if kind == "begin":
                    out.fields.append(False)
                elif kind == "separate" and out.fields:
                    out.fields[-1] = True
                elif kind == "end" and out.fields:
                    out.fields.pop()
            elif tag in (f"{W}footnoteReference", f"{W}endnoteReference"):
                self.note_reference(child, out, bold, size)
            elif tag in (f"{W}drawing", f"{W}pict", f"{MC}AlternateContent", f"{W}object"):
                out.boxes.extend(_text_boxes(child))

    def note_reference(self, ref: Any, out: _Text, bold: bool, size: float) -> None:
        kind = "footnote" if ref.tag == f"{W}footnoteReference" else "endnote"
        note = (self.footnotes if kind == "footnote" else self.endnotes).get(ref.get(f"{W}id", ""))
        if ref.get(f"{W}customMarkFollows") in ("1", "true", "on"):
            return  # the mark is the run's own text
        self.counted[kind] += 1
        number = self.counted[kind]
        out.add(superscript(str(number)), bold, size)
        if note is not None:
            out.notes.append((kind, number, note))

    # -- what is left out, and the end -----------------------------------------

    def furniture(self, document: Any) -> list[Omitted]:
        """Every section's headers and footers (first-page and even-page ones too)."""
        omitted: list[Omitted] = []
        seen: set[str] = set()
        body = document.element.body
        for ref in body.iter(f"{W}headerReference", f"{W}footerReference"):
            rid = ref.get(f"{R}id", "")
            part = document.part.related_parts.get(rid)
            if part is None or str(part.partname) in seen:
                continue
            seen.add(str(part.partname))
            header = ref.tag == f"{W}headerReference"
            root = _part_xml(part)
            for p in root.iter(f"{W}p"):
                text = self.read_paragraph(p, numbered=False)[0]
                if text:
                    omitted.append(
                        Omitted(
                            text,
                            "page header" if header else "page footer",
                            "running header" if header else "footer",
                        )
                    )
        return omitted

    def finish(self) -> list[Block]:
        """The blocks, with sizes made relative to the body's (by characters)."""
        weights: Counter[float] = Counter()
        for _, size, chars in self.blocks:
            if size:
                weights[size] += chars
        body = weights.most_common(1)[0][0] if weights else DEFAULT_SIZE
        return [
            dataclasses.replace(block, size=round(size / body, 2) if size else 1.0)
            for block, size, _ in self.blocks
        ]


def _children(element: Any, name: str) -> Iterator[Any]:
    """A table's rows ("tr") or a row's cells ("tc"), also those wrapped in
    content controls or custom XML."""
    for child in element:
        if child.tag == f"{W}{name}":
            yield child
        elif child.tag in (f"{W}sdt", f"{W}sdtContent", f"{W}customXml"):
            yield from _children(child, name)


def _text_boxes(element: Any) -> list[Any]:
    """The text boxes drawn in a run, once (not again from the VML fallback)."""
    boxes = []
    for box in element.iter(f"{W}txbxContent"):
        ancestor = box.getparent()
        nested = False
        while ancestor is not None and ancestor is not element:
            if ancestor.tag in (f"{MC}Fallback", f"{W}txbxContent"):
                nested = True
                break
            ancestor = ancestor.getparent()
        if not nested:
            boxes.append(box)
    return boxes
