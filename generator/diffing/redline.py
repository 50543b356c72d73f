"""A redline as a DOCX whose differences are native tracked changes.

`write_redline` turns a :class:`RedlineDocument` (made by the diff engine) into
a Word document where every difference is a revision Word and LibreOffice know:
inserted text is ``<w:ins>``, deleted text ``<w:del>`` (with ``<w:delText>``),
a paragraph added or removed as a whole also has its paragraph mark tracked,
and a table row added or removed is a tracked row (``<w:trPr><w:ins/>``). So
"Accept all changes" gives the right-hand version and "Reject all changes" the
left-hand one; a reviewer can also accept or reject one change at a time.

Each change the diff knows the cause of carries a Word comment (anchored on
its first paragraph) naming the amendment article that made it; the page
header names both sides, the footer numbers the pages (redline_furniture).

What is not tracked: the title and the line naming the two versions
(``left → right``) at the top, the header row of a table (unless all its rows
are added, or all removed: then the header is too), an empty paragraph written
before a table that follows a table (else Word would join them) or a paragraph
added or removed as a whole (whose mark could not be removed into a table),
and an empty paragraph that ends every document (a document cannot end with a
table, and the mark of its last paragraph cannot be removed, so a paragraph
added or removed as a whole must not be the last).

A paragraph that is empty on the left and not on the right (all its text
inserted, its mark not) is written as an empty paragraph removed and the new
one added, both as wholes. Where an insertion ends a paragraph and another
starts the next, the file is arranged so that LibreOffice does not merge them
(see `redline_plan.plan_blocks`); Word reads both arrangements alike.

Paragraph runs follow the model's contract: ``equal`` + ``delete`` runs spell
the left text, ``equal`` + ``insert`` runs the right text. For a paragraph or
row marked ``whole="insert"`` the right text is written, all of it inserted;
for ``whole="delete"`` the left text, all of it deleted.

Text is escaped by the XML serializer; a tab becomes ``<w:tab/>``, a line
break (``\\n``, ``\\r\\n`` or ``\\r``) ``<w:br/>``, and characters XML cannot
hold (other C0 controls, lone surrogates, U+FFFE/U+FFFF) are dropped. The
output is deterministic: same document, author and date, same bytes (fixed ZIP
timestamps and entry order, ids numbered in document order).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable

from lxml import etree

from generator.diffing.redline_furniture import furniture
from generator.diffing.redline_model import (
    RedlineDocument,
    RedlineParagraph,
    RedlineRow,
    RedlineTable,
    Run,
)
from generator.diffing.redline_package import FOOTER_ID, HEADER_ID, STYLE_IDS, package, serialize
from generator.diffing.redline_plan import Plan, clean, merged, plan_blocks
from generator.ooxml.namespaces import R_NS, W_NS, XML_SPACE, R, W

__all__ = ["write_redline"]

#: left indent per level, in twentieths of a point (1 cm)
_INDENT_STEP = 567
#: usable width of an A4 page with 2.5 cm margins, in twips, shared by table columns
_TEXT_WIDTH = 9070

_TOKENS = re.compile(r"(\r\n|\r|\n|\t)")


def write_redline(doc: RedlineDocument, author: str, date: dt.datetime) -> bytes:
    """The DOCX (as bytes) showing `doc` with its differences as tracked changes,
    each attributed to `author` at `date` (a naive date is taken as UTC)."""
    author = clean(author).strip()
    if not author:
        raise ValueError("a redline needs an author: every tracked change names one")
    writer = _BodyWriter(author, _w3c_date(date))
    body = writer.body(doc)
    document = etree.Element(W + "document", nsmap={"w": W_NS, "r": R_NS})
    document.append(body)
    parts = furniture(
        doc.left_label, doc.right_label, doc.lang, writer.comments, writer.author, writer.date
    )
    return package(serialize(document), clean(doc.title), writer.author, writer.date, parts)


def _w3c_date(date: dt.datetime) -> str:
    if date.tzinfo is not None:
        date = date.astimezone(dt.UTC)
    return date.strftime("%Y-%m-%dT%H:%M:%SZ")


def _sub(parent: etree._Element, tag: str, **attrs: str) -> etree._Element:
    return etree.SubElement(parent, W + tag, {W + k: v for k, v in attrs.items()})


class _BodyWriter:
    """Writes the body; numbers the revisions in document order."""

    def __init__(self, author: str, date: str):
        self.author = author
        self.date = date
        self._next_id = 0
        #: (id, text) of each comment, in document order
        self.comments: list[tuple[int, str]] = []

    def _mark(self, parent: etree._Element, op: str) -> etree._Element:
        """A `w:ins`/`w:del` with a fresh id, the author and the date."""
        tag = "ins" if op == "insert" else "del"
        self._next_id += 1
        return _sub(parent, tag, id=str(self._next_id), author=self.author, date=self.date)

    def body(self, doc: RedlineDocument) -> etree._Element:
        body = etree.Element(W + "body")
        self._plain_paragraph(body, doc.title, "Title")
        self._plain_paragraph(body, f"{doc.left_label} → {doc.right_label}", "Subtitle")
        needs_spacer = False
        previous: RedlineParagraph | None = None
        for block in plan_blocks(doc.blocks):
            if isinstance(block, RedlineTable):
                if needs_spacer:
                    self._plain_paragraph(body, "", None)
                self._table(body, block)
                needs_spacer, previous = True, None
            else:
                self._paragraph(body, block, previous)
                needs_spacer = block.para.whole is not None
                previous = block.para
        # an untracked last paragraph: a table cannot end a document, and the mark
        # of the last paragraph cannot be removed, so a paragraph added or removed
        # as a whole must not be the last
        self._plain_paragraph(body, "", None)
        section = _sub(body, "sectPr")
        for kind, rel_id in (("header", HEADER_ID), ("footer", FOOTER_ID)):
            reference = _sub(section, f"{kind}Reference", type="default")
            reference.set(R + "id", rel_id)
        _sub(section, "pgSz", w="11906", h="16838")
        _sub(
            section,
            "pgMar",
            top="1417",
            right="1417",
            bottom="1417",
            left="1417",
            header="708",
            footer="708",
            gutter="0",
        )
        return body

    # paragraphs

    def _plain_paragraph(self, body: etree._Element, text: str, style: str | None) -> None:
        p = _sub(body, "p")
        if style:
            _sub(_sub(p, "pPr"), "pStyle", val=style)
        text = clean(text)
        if text:
            _append_text(_sub(p, "r"), text, deleted=False)

    def _paragraph(
        self, body: etree._Element, plan: Plan, previous: RedlineParagraph | None
    ) -> None:
        p = _sub(body, "p")
        ppr = _sub(p, "pPr")
        _paragraph_properties(ppr, plan.para)
        if plan.mark is not None:
            self._mark(_sub(ppr, "rPr"), plan.mark)
        # a mark borrowed from the previous paragraph: rejecting leaves the previous
        # text with this paragraph's mark, so record the previous properties
        if plan.borrowed_mark and previous is not None and _looks(previous) != _looks(plan.para):
            self._next_id += 1
            change = _sub(
                ppr, "pPrChange", id=str(self._next_id), author=self.author, date=self.date
            )
            _paragraph_properties(_sub(change, "pPr"), previous)
        if len(ppr) == 0:
            p.remove(ppr)
        comment = clean(plan.para.comment or "").strip()
        if comment:
            self._next_id += 1
            comment_id = str(self._next_id)
            self.comments.append((self._next_id, comment))
            _sub(p, "commentRangeStart", id=comment_id)
        self._write_runs(p, plan.ops)
        if comment:
            _sub(p, "commentRangeEnd", id=comment_id)
            _sub(_sub(p, "r"), "commentReference", id=comment_id)

    def _runs(
        self, p: etree._Element, runs: Iterable[Run], whole: str | None, bold: bool = False
    ) -> None:
        self._write_runs(p, merged(runs, whole), bold)

    def _write_runs(
        self, p: etree._Element, ops: Iterable[tuple[str, str]], bold: bool = False
    ) -> None:
        for op, text in ops:
            parent = p if op == "equal" else self._mark(p, op)
            r = _sub(parent, "r")
            if bold:
                _sub(_sub(r, "rPr"), "b")
            _append_text(r, text, deleted=op == "delete")

    # tables

    def _table(self, body: etree._Element, table: RedlineTable) -> None:
        columns = max([len(table.header), *(len(row.cells) for row in table.rows)]) or 1
        tbl = _sub(body, "tbl")
        tblpr = _sub(tbl, "tblPr")
        _sub(tblpr, "tblStyle", val="TableGrid")
        _sub(tblpr, "tblW", w=str(_TEXT_WIDTH), type="dxa")
        _sub(
            tblpr,
            "tblLook",
            val="04A0",
            firstRow="1",
            lastRow="0",
            firstColumn="1",
            lastColumn="0",
            noHBand="0",
            noVBand="1",
        )
        grid = _sub(tbl, "tblGrid")
        width = _TEXT_WIDTH // columns
        for _ in range(columns):
            _sub(grid, "gridCol", w=str(width))
        if table.header:
            # a table all of whose rows are added (removed) has its header added (removed) too
            changes = {row.whole for row in table.rows}
            whole = changes.pop() if len(changes) == 1 else None
            tr = _sub(tbl, "tr")
            trpr = _sub(tr, "trPr")
            _sub(trpr, "tblHeader")  # before the change: the schema's order
            if whole is not None:
                self._mark(trpr, whole)
            for index in range(columns):
                text = table.header[index] if index < len(table.header) else ""
                self._cell(tr, width, (Run("equal", text),), whole, bold=True)
        for row in table.rows:
            self._row(tbl, row, columns, width)

    def _row(self, tbl: etree._Element, row: RedlineRow, columns: int, width: int) -> None:
        tr = _sub(tbl, "tr")
        if row.whole is not None:
            self._mark(_sub(tr, "trPr"), row.whole)
        for index in range(columns):
            runs = row.cells[index] if index < len(row.cells) else ()
            self._cell(tr, width, runs, row.whole)

    def _cell(
        self,
        tr: etree._Element,
        width: int,
        runs: tuple[Run, ...],
        whole: str | None,
        bold: bool = False,
    ) -> None:
        tc = _sub(tr, "tc")
        _sub(_sub(tc, "tcPr"), "tcW", w=str(width), type="dxa")
        p = _sub(tc, "p")
        if whole is not None:
            self._mark(_sub(_sub(p, "pPr"), "rPr"), whole)
        self._runs(p, runs, whole, bold=bold)


def _paragraph_properties(ppr: etree._Element, para: RedlineParagraph) -> None:
    if STYLE_IDS[para.style] != "Normal":
        _sub(ppr, "pStyle", val=STYLE_IDS[para.style])
    if para.level > 0:
        _sub(ppr, "ind", left=str(para.level * _INDENT_STEP))


def _looks(para: RedlineParagraph) -> tuple[str, int]:
    """What `_paragraph_properties` writes for `para`."""
    return STYLE_IDS[para.style], max(para.level, 0)


def _append_text(r: etree._Element, text: str, deleted: bool) -> None:
    """Text into run `r`: `w:t` (or `w:delText`), `w:tab` for tabs, `w:br` for line breaks."""
    tag = "delText" if deleted else "t"
    for token in _TOKENS.split(text):
        if not token:
            continue
        if token == "\t":
            _sub(r, "tab")
        elif token in ("\n", "\r", "\r\n"):
            _sub(r, "br")
        else:
            t = _sub(r, tag)
            t.text = token
            t.set(XML_SPACE, "preserve")
