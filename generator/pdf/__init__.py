"""PDF side: DOCX to PDF/A-2b with LibreOffice, then identity and signature fields.

- `convert_many(docx_paths, out_dir)`: many DOCX files to PDF/A-2b at once
  (`generator.pdf.libreoffice`, which runs LibreOffice through `generator.pdf.soffice`);
- `finish(pdf_bytes, document_id=..., content_hash=..., signing_roles=[...])`:
  identity in the metadata and empty signature fields (`generator.pdf.finish`);
- `read_identity(pdf_bytes)`: the identity back, from the PDF or a signed copy.
"""

from generator.pdf.checks import InvalidPdf, check_pdf, pdfa_conformance
from generator.pdf.finish import SignatureLayout, field_name, finish, read_identity
from generator.pdf.libreoffice import PdfConversionError, convert_many, docx_problem
from generator.pdf.soffice import find_soffice

__all__ = [
    "InvalidPdf",
    "PdfConversionError",
    "SignatureLayout",
    "check_pdf",
    "convert_many",
    "docx_problem",
    "field_name",
    "find_soffice",
    "finish",
    "pdfa_conformance",
    "read_identity",
]
