"""A redline as a DOCX whose differences are native tracked changes.

`write_redline` turns a :class:`RedlineDocument` (made by the diff engine) into
a Word document where every difference is a revision Word and LibreOffice know:
inserted text is ``<w:ins>``, deleted text ``<w:del>`` (with ``<w:delText>``),
a paragraph added or removed as a whole also has its paragraph mark tracked,
and a table row added or removed is a tracked row (``<w:trPr><w:ins/>``). So
"Accept all changes" gives the right-hand version and "Reject all changes" the
left-hand one; a reviewer can also accept or reject one change at a time.

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
(see `_plan`); Word reads both arrangements alike.

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
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace

from lxml import etree

from generator.diffing.redline_model import (
    RedlineDocument,
    RedlineParagraph,
    RedlineRow,
    RedlineTable,
    Run,
)
from generator.generation.zipwriter import compress, write_zip

__all__ = ["DOCX_CONTENT_TYPE", "STYLE_IDS", "write_redline"]

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_W = f"{{{W_NS}}}"
_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"

DOCX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"

#: paragraph style id for each `RedlineParagraph.style` (Normal for "text")
STYLE_IDS = {"title": "Heading1", "heading": "Heading2", "text": "Normal", "note": "Note"}
_OPS = ("equal", "insert", "delete")
_WHOLE = (None, "insert", "delete")
#: left indent per level, in twentieths of a point (1 cm)
_INDENT_STEP = 567
#: usable width of an A4 page with 2.5 cm margins, in twips, shared by table columns
_TEXT_WIDTH = 9070

_BAD_XML_CHARS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_TOKENS = re.compile(r"(\r\n|\r|\n|\t)")


def write_redline(doc: RedlineDocument, author: str, date: dt.datetime) -> bytes:
    """The DOCX (as bytes) showing `doc` with its differences as tracked changes,
    each attributed to `author` at `date` (a naive date is taken as UTC)."""
    author = _clean(author).strip()
    if not author:
        raise ValueError("a redline needs an author: every tracked change names one")
    writer = _BodyWriter(author, _w3c_date(date))
    body = writer.body(doc)
    document = etree.Element(_W + "document", nsmap={"w": W_NS})
    document.append(body)
    parts = {
        "[Content_Types].xml": _CONTENT_TYPES,
        "_rels/.rels": _ROOT_RELS,
        "docProps/core.xml": _core_xml(doc.title, writer.author, writer.date),
        "docProps/app.xml": _APP,
        "word/document.xml": _serialize(document),
        "word/_rels/document.xml.rels": _DOCUMENT_RELS,
        "word/styles.xml": _STYLES,
        "word/settings.xml": _SETTINGS,
    }
    return write_zip([compress(name, data) for name, data in parts.items()])


def _w3c_date(date: dt.datetime) -> str:
    if date.tzinfo is not None:
        date = date.astimezone(dt.UTC)
    return date.strftime("%Y-%m-%dT%H:%M:%SZ")


def _clean(text: str) -> str:
    return _BAD_XML_CHARS.sub("", text)


def _serialize(element: etree._Element) -> bytes:
    return etree.tostring(element, xml_declaration=True, encoding="UTF-8", standalone=True)


def _sub(parent: etree._Element, tag: str, **attrs: str) -> etree._Element:
    return etree.SubElement(parent, _W + tag, {_W + k: v for k, v in attrs.items()})


class _BodyWriter:
    """Writes the body; numbers the revisions in document order."""

    def __init__(self, author: str, date: str):
        self.author = author
        self.date = date
        self._next_id = 0

    def _mark(self, parent: etree._Element, op: str) -> etree._Element:
        """A `w:ins`/`w:del` with a fresh id, the author and the date."""
        tag = "ins" if op == "insert" else "del"
        self._next_id += 1
        return _sub(parent, tag, id=str(self._next_id), author=self.author, date=self.date)

    def body(self, doc: RedlineDocument) -> etree._Element:
        body = etree.Element(_W + "body")
        self._plain_paragraph(body, doc.title, "Title")
        self._plain_paragraph(body, f"{doc.left_label} → {doc.right_label}", "Subtitle")
        needs_spacer = False
        previous: RedlineParagraph | None = None
        for block in _plan(doc.blocks):
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
        text = _clean(text)
        if text:
            _append_text(_sub(p, "r"), text, deleted=False)

    def _paragraph(
        self, body: etree._Element, plan: _Plan, previous: RedlineParagraph | None
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
        self._write_runs(p, plan.ops)

    def _runs(
        self, p: etree._Element, runs: Iterable[Run], whole: str | None, bold: bool = False
    ) -> None:
        self._write_runs(p, _merged(runs, whole), bold)

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


@dataclass
class _Plan:
    """How one paragraph is written: its runs as (op, text), the change on its mark."""

    para: RedlineParagraph
    ops: list[tuple[str, str]]
    mark: str | None
    #: the paragraph is added, but the mark tracked as added is the previous one's
    borrowed_mark: bool = False


def _plan(blocks: Iterable[RedlineParagraph | RedlineTable]) -> list[_Plan | RedlineTable]:
    """The blocks to write, paragraphs planned so that LibreOffice reads them right.

    LibreOffice (7.4 at least) joins an insertion that ends a paragraph and one
    that starts the next into one change, together with the untracked mark
    between them: rejecting it would join the two paragraphs. Word has no such
    trouble, but the file must mean the same to both. So where that would
    happen (only between paragraphs: table cells and rows are not affected):

    - the next paragraph is added as a whole: the previous paragraph's mark is
      tracked as added instead of its own (Word means the same by both);
    - else, the changes where the two meet are reordered (deletion before
      insertion at the start of the next paragraph, or after it at the end of
      the previous one), which spells the same texts;
    - else, the first word of unchanged text after its first insertion is shown
      as deleted and inserted again.
    """
    planned: list[_Plan | RedlineTable] = []
    for block in _paragraphs(blocks):
        if isinstance(block, RedlineTable):
            for row in block.rows:
                _check_whole(row.whole)
            if block.rows or block.header:
                planned.append(block)
            continue
        if not isinstance(block, RedlineParagraph):
            raise TypeError(f"not a redline block: {block!r}")
        if block.style not in STYLE_IDS:
            raise ValueError(
                f"unknown paragraph style {block.style!r}; expected one of {', '.join(STYLE_IDS)}"
            )
        _check_whole(block.whole)
        plan = _Plan(block, list(_merged(block.runs, block.whole)), block.whole)
        before = planned[-1] if planned and isinstance(planned[-1], _Plan) else None
        if before is not None and _ends_with_insertion(planned):
            if block.whole == "insert":
                before.mark, plan.mark, plan.borrowed_mark = "insert", None, True
            elif plan.ops and plan.ops[0][0] == "insert":
                _separate(before.ops, plan.ops)
        planned.append(plan)
    return planned


def _paragraphs(
    blocks: Iterable[RedlineParagraph | RedlineTable],
) -> Iterator[RedlineParagraph | RedlineTable]:
    """The blocks, a paragraph empty on the left and not on the right replaced by
    an empty paragraph removed and that paragraph added."""
    for block in blocks:
        if (
            isinstance(block, RedlineParagraph)
            and block.whole is None
            and {run.op for run in block.runs if _clean(run.text)} == {"insert"}
        ):
            yield replace(block, runs=(), whole="delete")
            yield replace(block, whole="insert")
        else:
            yield block


def _ends_with_insertion(planned: list[_Plan | RedlineTable]) -> bool:
    """Whether an insertion ends where the text of the last paragraph planned ends,
    its mark untracked: its text ends with one, or it is empty and the mark
    before it is inserted."""
    last = planned[-1]
    assert isinstance(last, _Plan)
    if last.mark is not None:
        return False
    if last.ops:
        return last.ops[-1][0] == "insert"
    before = planned[-2] if len(planned) > 1 else None
    return isinstance(before, _Plan) and before.mark == "insert"


def _separate(previous: list[tuple[str, str]], ops: list[tuple[str, str]]) -> None:
    """Change `ops` (which starts with an insertion, and has unchanged text or a
    deletion) or `previous` (which ends with an insertion) so that they no longer
    meet with two insertions, both still spelling the same."""
    lead = _group_end(ops)
    if any(op == "delete" for op, _ in ops[:lead]):
        ops[:lead] = _regroup(ops[:lead], first="delete")
        return
    tail = len(previous) - _group_end(previous[::-1])
    if tail < len(previous) and any(op == "delete" for op, _ in previous[tail:]):
        previous[tail:] = _regroup(previous[tail:], first="insert")
        return
    # ops[lead] is unchanged text: its first word is shown deleted and inserted again
    head, rest = _split_word(ops[lead][1])
    inserted = "".join(text for _, text in ops[:lead]) + head
    ops[: lead + 1] = [("delete", head), ("insert", inserted)] + ([("equal", rest)] if rest else [])


def _group_end(ops: list[tuple[str, str]]) -> int:
    """The length of the run of changes (no unchanged text) `ops` starts with."""
    for index, (op, _) in enumerate(ops):
        if op == "equal":
            return index
    return len(ops)


def _regroup(group: list[tuple[str, str]], first: str) -> list[tuple[str, str]]:
    deleted = "".join(text for op, text in group if op == "delete")
    inserted = "".join(text for op, text in group if op == "insert")
    pair = [("delete", deleted), ("insert", inserted)]
    return pair if first == "delete" else pair[::-1]


def _split_word(text: str) -> tuple[str, str]:
    """The first word of `text` with the spaces around it, and the rest."""
    head = re.match(r"\s*\S*\s*", text).group(0)
    return head, text[len(head) :]


def _check_whole(whole: str | None) -> None:
    if whole not in _WHOLE:
        raise ValueError(f"unknown whole-paragraph change {whole!r}; expected 'insert' or 'delete'")


def _merged(runs: Iterable[Run], whole: str | None) -> Iterator[tuple[str, str]]:
    """The runs to write, as (op, text): adjacent runs with the same op joined,
    empty ones dropped; for a whole insert/delete, the right/left text with that op."""
    merged: list[list[str]] = []
    for run in runs:
        if run.op not in _OPS:
            raise ValueError(f"unknown run op {run.op!r}; expected one of {', '.join(_OPS)}")
        op = run.op
        if whole is not None:
            if op not in ("equal", whole):
                continue  # the other side's text: not in a paragraph that exists on one side only
            op = whole
        text = _clean(run.text)
        if not text:
            continue
        if merged and merged[-1][0] == op:
            merged[-1][1] += text
        else:
            merged.append([op, text])
    for op, text in merged:
        yield op, text


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
            t.set(_XML_SPACE, "preserve")


def _core_xml(title: str, author: str, date: str) -> bytes:
    cp = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties"
    dc = "http://purl.org/dc/elements/1.1/"
    dcterms = "http://purl.org/dc/terms/"
    xsi = "http://www.w3.org/2001/XMLSchema-instance"
    root = etree.Element(
        f"{{{cp}}}coreProperties", nsmap={"cp": cp, "dc": dc, "dcterms": dcterms, "xsi": xsi}
    )
    etree.SubElement(root, f"{{{dc}}}title").text = _clean(title)
    etree.SubElement(root, f"{{{dc}}}creator").text = author
    for name in ("created", "modified"):
        stamp = etree.SubElement(root, f"{{{dcterms}}}{name}")
        stamp.set(f"{{{xsi}}}type", "dcterms:W3CDTF")
        stamp.text = date
    return _serialize(root)


_XML_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
_PKG_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
_DOC_RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

_CONTENT_TYPES = (
    _XML_DECL + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
    'relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.wordprocessingml.document.main+xml"/>'
    '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.wordprocessingml.styles+xml"/>'
    '<Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.wordprocessingml.settings+xml"/>'
    '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-'
    'package.core-properties+xml"/>'
    '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.extended-properties+xml"/>'
    "</Types>"
).encode()

_ROOT_RELS = (
    _XML_DECL + f'<Relationships xmlns="{_PKG_RELS}">'
    f'<Relationship Id="rId1" Type="{_DOC_RELS}/officeDocument" Target="word/document.xml"/>'
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/'
    'relationships/metadata/core-properties" Target="docProps/core.xml"/>'
    f'<Relationship Id="rId3" Type="{_DOC_RELS}/extended-properties" Target="docProps/app.xml"/>'
    "</Relationships>"
).encode()

_DOCUMENT_RELS = (
    _XML_DECL + f'<Relationships xmlns="{_PKG_RELS}">'
    f'<Relationship Id="rId1" Type="{_DOC_RELS}/styles" Target="styles.xml"/>'
    f'<Relationship Id="rId2" Type="{_DOC_RELS}/settings" Target="settings.xml"/>'
    "</Relationships>"
).encode()

_APP = (
    _XML_DECL + '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/'
    'extended-properties"><Application>conventio</Application></Properties>'
).encode()

_SETTINGS = (
    _XML_DECL + f'<w:settings xmlns:w="{W_NS}">'
    '<w:defaultTabStop w:val="708"/>'
    '<w:characterSpacingControl w:val="doNotCompress"/>'
    '<w:compat><w:compatSetting w:name="compatibilityMode" '
    'w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>'
    "</w:settings>"
).encode()


def _paragraph_style(
    style_id: str, name: str, ppr: str = "", rpr: str = "", based_on: str = "Normal"
) -> str:
    return (
        f'<w:style w:type="paragraph" w:customStyle="{"1" if style_id == "Note" else "0"}" '
        f'w:styleId="{style_id}"><w:name w:val="{name}"/><w:basedOn w:val="{based_on}"/>'
        f'<w:next w:val="Normal"/><w:qFormat/><w:pPr>{ppr}</w:pPr><w:rPr>{rpr}</w:rPr></w:style>'
    )


_STYLES = (
    _XML_DECL + f'<w:styles xmlns:w="{W_NS}">'
    "<w:docDefaults><w:rPrDefault><w:rPr>"
    '<w:rFonts w:ascii="Calibri" w:hAnsi="Calibri" w:eastAsia="Calibri" w:cs="Calibri"/>'
    '<w:sz w:val="22"/><w:szCs w:val="22"/></w:rPr></w:rPrDefault>'
    '<w:pPrDefault><w:pPr><w:spacing w:after="120" w:line="264" w:lineRule="auto"/>'
    "</w:pPr></w:pPrDefault></w:docDefaults>"
    '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/>'
    "<w:qFormat/></w:style>"
    + _paragraph_style(
        "Title",
        "Title",
        '<w:spacing w:after="120"/>',
        '<w:b/><w:sz w:val="36"/><w:szCs w:val="36"/>',
    )
    + _paragraph_style(
        "Subtitle",
        "Subtitle",
        '<w:spacing w:after="360"/>',
        '<w:color w:val="595959"/><w:sz w:val="24"/><w:szCs w:val="24"/>',
    )
    + _paragraph_style(
        "Heading1",
        "heading 1",
        '<w:keepNext/><w:spacing w:before="360" w:after="120"/><w:outlineLvl w:val="0"/>',
        '<w:b/><w:sz w:val="28"/><w:szCs w:val="28"/>',
    )
    + _paragraph_style(
        "Heading2",
        "heading 2",
        '<w:keepNext/><w:spacing w:before="240" w:after="80"/><w:outlineLvl w:val="1"/>',
        '<w:b/><w:sz w:val="24"/><w:szCs w:val="24"/>',
    )
    + _paragraph_style("Note", "Note", "", '<w:i/><w:sz w:val="18"/><w:szCs w:val="18"/>')
    + '<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont">'
    '<w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/>'
    "</w:style>"
    '<w:style w:type="table" w:default="1" w:styleId="TableNormal">'
    '<w:name w:val="Normal Table"/><w:semiHidden/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/>'
    '<w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/>'
    '<w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar>'
    "</w:tblPr></w:style>"
    '<w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/>'
    '<w:basedOn w:val="TableNormal"/><w:pPr><w:spacing w:after="0" w:line="240" '
    'w:lineRule="auto"/></w:pPr><w:tblPr><w:tblBorders>'
    + "".join(
        f'<w:{side} w:val="single" w:sz="4" w:space="0" w:color="auto"/>'
        for side in ("top", "left", "bottom", "right", "insideH", "insideV")
    )
    + "</w:tblBorders></w:tblPr></w:style>"
    "</w:styles>"
).encode()
