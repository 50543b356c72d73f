"""A PDF to blocks: the pipeline from pages to paragraphs and table rows.

fragments (pdf_fragments) -> lines (pdf_lines) -> without headers, footers and
page numbers (pdf_furniture) -> pseudocode tables found (pdf_tables) ->
paragraphs (pdf_paragraphs). Each step is its own module so that each rule
can be read, and tested, alone.
"""

from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader

from generator.importing.read.extract import Extract
from generator.importing.read.pdf_fragments import new_widths, page_fragments
from generator.importing.read.pdf_furniture import remove_furniture
from generator.importing.read.pdf_lines import Line, make_lines
from generator.importing.read.pdf_paragraphs import make_blocks, measure
from generator.importing.read.pdf_tables import find_tables


def read_pdf(path: Path, reader: PdfReader | None = None) -> Extract:
    """The blocks of a PDF with a text layer, and the furniture left out.

    `reader` is an already opened (and, if need be, decrypted) PdfReader of
    `path`; `opening.read_document` passes it after its checks. Errors from
    pypdf are not caught here: `read_document` turns them into messages."""
    path = Path(path)
    reader = reader if reader is not None else PdfReader(str(path))
    widths = new_widths()
    pages: list[list[Line]] = []
    for number, page in enumerate(reader.pages, start=1):
        box = page.mediabox
        width, height = float(box.width), float(box.height)
        fragments = page_fragments(page, widths)
        # the box may not start at 0, 0: measure from its corner
        left, bottom = float(box.left), float(box.bottom)
        if left or bottom:
            fragments = [
                type(f)(f.text, f.x - left, f.y - bottom, f.x1 - left, f.size, f.font, f.bold)
                for f in fragments
            ]
        pages.append(make_lines(fragments, number, width, height))
    kept, omitted = remove_furniture(pages)
    lines = [line for page in kept for line in page]
    blocks = make_blocks(find_tables(lines, omitted), measure(lines))
    return Extract(source=path, kind="pdf", blocks=blocks, omitted=omitted, pages=len(pages))
