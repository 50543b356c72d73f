"""Reading: a PDF or DOCX file to the blocks a person reads on its pages.

- `opening`: the file's real type, its size, and a plain message when it
  cannot be read; then the PDF or DOCX reader.
- `extract`: what a reader hands on: `Block`s in reading order, and what was
  left out (`Omitted`).
- `text_rules`: how printed text is normalised, the same for both readers.
- `pdf_reader` and the stages it runs: `pdf_fragments` (positioned text),
  `pdf_lines`, `pdf_furniture` (headers, footers, page numbers),
  `pdf_tables`, `pdf_paragraphs`.
- `docx_reader`, with `docx_numbering` (Word's automatic numbers written
  out), `docx_styles` (the chain of styles a paragraph inherits from) and
  `docx_formatting` (bold, size, alignment, indent as printed, through them).
"""
