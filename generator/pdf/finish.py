"""The last touches to a generated PDF: its identity, and empty signature fields.

`finish()` adds, as one incremental update (the bytes LibreOffice wrote are kept
as they are, so PDF/A-2b conformance is kept too):

- the document identity, in the document information dictionary
  (`/ConventioDocumentId`, `/ConventioContentHash`) and in the XMP metadata
  (`conventio:DocumentId`, `conventio:ContentHash`, described by a PDF/A
  extension schema, as PDF/A requires of any property outside its own schemas);
- one empty, named signature field per signing role (`sig_<role>`), a visible
  box that a signing program (pyHanko, Acrobat, ...) fills later, with the
  role's label as its tooltip (/TU, "Signature – Pour le réseau de santé
  mentale"). Each sits in its role's signature block: the template keeps an
  empty area there marked by the bookmark `sig_<role>`, which LibreOffice
  exports as a named destination (page, left, top); the field goes from that
  point down (`placed_box`). A role without such a destination (a template
  without the bookmark, a PDF made elsewhere) gets its box in the lower part of
  the last page (`signature_boxes`).

The result depends only on the arguments: no clock, no random identifier; the
same input always gives the same bytes.

`read_identity()` reads the identity back, also from a signed copy: signing
appends an incremental update and keeps what was there.
"""

from __future__ import annotations

import io
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from pypdf import PdfWriter
from pypdf.errors import PyPdfError
from pypdf.generic import (
    ArrayObject,
    DecodedStreamObject,
    DictionaryObject,
    FloatObject,
    IndirectObject,
    NameObject,
    NumberObject,
    TextStringObject,
)

from generator.errors import ConventioError
from generator.pdf.checks import InvalidPdf, open_pdf, xmp_packet
from generator.pdf.xmp import XmpError, with_identity, with_title
from generator.pdf.xmp import read_identity as xmp_identity

INFO_DOCUMENT_ID = "/ConventioDocumentId"
INFO_CONTENT_HASH = "/ConventioContentHash"
FIELD_PREFIX = "sig_"
_ROLE = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]{0,62}")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")

# annotation flags: Print (PDF/A requires it) and Locked (a reader cannot move the box)
_PRINT, _LOCKED = 4, 128


@dataclass(frozen=True)
class SignatureLayout:
    """Where the signature boxes go on the last page, in points (1/72 inch).

    The boxes are side by side, as wide as the page allows between the margins
    (at most `max_width` each); when one row would make them narrower than
    `min_width`, they wrap into rows that stack upwards from `bottom`.
    The document's template should leave this band free on its last page.
    """

    margin: float = 56.7  # 2 cm, left and right
    bottom: float = 72.0  # 1 inch: above a usual footer
    height: float = 60.0
    gap: float = 12.0
    min_width: float = 140.0
    max_width: float = 220.0
    #: a field placed at its role's destination: 7 cm by 1.9 cm (the template's
    #: empty area is 2.2 cm high), narrower if the right margin comes first
    field_width: float = 198.4
    field_height: float = 53.9


def field_name(role: str) -> str:
    """The signature field of a signing role: "committee" -> "sig_committee"."""
    return FIELD_PREFIX + role


def signature_boxes(
    page: tuple[float, float, float, float], count: int, layout: SignatureLayout
) -> list[tuple[float, float, float, float]]:
    """`count` boxes (x1, y1, x2, y2), in reading order, for a page box (x1, y1, x2, y2)."""
    if count == 0:
        return []
    left, bottom, right, top = page
    available = right - left - 2 * layout.margin
    columns = max(1, min(count, int((available + layout.gap) // (layout.min_width + layout.gap))))
    width = min(layout.max_width, (available - (columns - 1) * layout.gap) / columns)
    rows = -(-count // columns)
    if rows * (layout.height + layout.gap) + layout.bottom > top - bottom:
        raise ConventioError(
            f"{count} signature boxes do not fit on a page of {right - left:.0f} x "
            f"{top - bottom:.0f} points"
        )
    boxes = []
    for index in range(count):
        row, column = divmod(index, columns)
        x1 = left + layout.margin + column * (width + layout.gap)
        # the first row is the highest: rows stack upwards from the bottom one
        y1 = bottom + layout.bottom + (rows - 1 - row) * (layout.height + layout.gap)
        x2, y2 = x1 + width, y1 + layout.height
        boxes.append((round(x1, 2), round(y1, 2), round(x2, 2), round(y2, 2)))
    return boxes


def destination_name(role: str) -> str:
    """The named destination LibreOffice makes of the bookmark sig_<role>: it writes
    each character but letters and digits as its hexadecimal code ("_" as "5F")."""
    return re.sub(r"[^A-Za-z0-9]", lambda m: f"{ord(m.group()):02X}", field_name(role))


def placed_box(
    page: tuple[float, float, float, float], left: float, top: float, layout: SignatureLayout
) -> tuple[float, float, float, float]:
    """The box (x1, y1, x2, y2) of a field whose empty area starts at (left, top):
    from there down, inside the page's side margins."""
    x1 = max(page[0] + layout.margin, left + 1)
    x2 = min(page[2] - layout.margin, x1 + layout.field_width)
    y2 = top - 2
    y1 = max(page[1] + layout.margin, y2 - layout.field_height)
    return (round(x1, 2), round(y1, 2), round(x2, 2), round(y2, 2))


def _check_text(what: str, value: str) -> None:
    if not isinstance(value, str) or not value.strip():
        raise ConventioError(f"the {what} of a PDF must be a non-empty text")
    if _CONTROL.search(value) or len(value) > 1000:
        raise ConventioError(f"the {what} {value[:60]!r} has control characters or is too long")


def _check_roles(roles: Sequence[str]) -> None:
    if isinstance(roles, str):
        raise ConventioError(f"signing roles must be a list of names, not the text {roles!r}")
    seen = set()
    for role in roles:
        if not isinstance(role, str) or not _ROLE.fullmatch(role):
            raise ConventioError(
                f"signing role {role!r}: use letters, digits, '_' and '-' only "
                "(it names a PDF form field)"
            )
        if role in seen:
            raise ConventioError(f"signing role {role!r} is given twice")
        seen.add(role)


def _field_names(fields: ArrayObject, parent: str = "") -> set[str]:
    """Fully qualified names of the form fields under `fields`."""
    names = set()
    for ref in fields:
        field = ref.get_object()
        partial = field.get("/T")
        name = f"{parent}.{partial}" if parent and partial else str(partial or parent)
        names.add(name)
        kids = field.get("/Kids")
        if kids is not None:
            names |= _field_names(kids.get_object(), name)
    return names


def _appearance(width: float, height: float) -> DecodedStreamObject:
    """An empty box: a light background with a thin grey border (no text, so no font,
    which PDF/A would require to be embedded)."""
    stream = DecodedStreamObject()
    stream.set_data(
        (
            f"q 0.96 g 0 0 {width:.2f} {height:.2f} re f Q "
            f"q 0.6 w 0.45 G 0.3 0.3 {width - 0.6:.2f} {height - 0.6:.2f} re S Q"
        ).encode("ascii")
    )
    stream.update(
        {
            NameObject("/Type"): NameObject("/XObject"),
            NameObject("/Subtype"): NameObject("/Form"),
            NameObject("/BBox"): ArrayObject(
                [FloatObject(0), FloatObject(0), FloatObject(width), FloatObject(height)]
            ),
            NameObject("/Resources"): DictionaryObject(),
        }
    )
    return stream


def finish(
    pdf: bytes,
    *,
    document_id: str,
    content_hash: str,
    signing_roles: Sequence[str] = (),
    field_labels: Mapping[str, str] | None = None,
    layout: SignatureLayout | None = None,
) -> bytes:
    """`pdf` with its identity written into its metadata and one empty signature
    field `sig_<role>` per signing role in that role's signature block (else on
    the last page), as new bytes; `field_labels` gives each field's tooltip in the
    document's language."""
    _check_text("document id", document_id)
    _check_text("content hash", content_hash)
    _check_roles(signing_roles)
    labels = dict(field_labels or {})
    for label in labels.values():
        _check_text("signature field label", label)
    layout = layout or SignatureLayout()
    try:
        reader = open_pdf(pdf)
        if reader.is_encrypted:
            raise InvalidPdf("it is encrypted")
        writer = PdfWriter(reader, incremental=True)
        _write_identity(writer, document_id, content_hash)
        if signing_roles:
            places = _places(reader, signing_roles, layout)
            _add_signature_fields(writer, places, labels)
        out = io.BytesIO()
        writer.write(out)
    except InvalidPdf as exc:
        raise ConventioError(f"cannot finish this PDF: {exc}") from exc
    except XmpError as exc:
        raise ConventioError(f"cannot finish this PDF: its XMP metadata: {exc}") from exc
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError) as exc:
        raise ConventioError(f"cannot finish this PDF: pypdf failed ({exc})") from exc
    return out.getvalue()


def _write_identity(writer: PdfWriter, document_id: str, content_hash: str) -> None:
    writer.add_metadata({INFO_DOCUMENT_ID: document_id, INFO_CONTENT_HASH: content_hash})
    root = writer.root_object
    existing = root.get("/Metadata")
    if existing is not None:
        stream = existing.get_object()
        # set_data keeps the stream's encoding (PDF/A-2 allows none or Flate here)
        packet = with_identity(stream.get_data(), document_id, content_hash)
        title = (writer.metadata or {}).get("/Title")
        if title:  # the XMP says the document's title as the Info dictionary does
            packet = with_title(packet, str(title))
        stream.set_data(packet)
    else:
        stream = DecodedStreamObject()
        stream.set_data(with_identity(None, document_id, content_hash))
        stream[NameObject("/Type")] = NameObject("/Metadata")
        stream[NameObject("/Subtype")] = NameObject("/XML")
        root[NameObject("/Metadata")] = writer._add_object(stream)


def _places(reader, roles: Sequence[str], layout: SignatureLayout) -> list[tuple[str, int, tuple]]:
    """(role, page index, box) of each role's field: at its named destination when
    the PDF has one, else in the band at the bottom of the last page."""
    # pypdf gives a destination named by a PDF name object with its leading "/"
    destinations = {str(name).lstrip("/"): d for name, d in reader.named_destinations.items()}
    placed, rest = [], []
    for role in roles:
        destination = destinations.get(destination_name(role))
        index = reader.get_destination_page_number(destination) if destination else None
        if destination is None or index is None or destination.get("/Top") is None:
            rest.append(role)
            continue
        page = _page_box(reader.pages[index])
        left = float(destination.get("/Left") or page[0])
        placed.append((role, index, placed_box(page, left, float(destination["/Top"]), layout)))
    if rest:
        last = len(reader.pages) - 1
        boxes = signature_boxes(_page_box(reader.pages[last]), len(rest), layout)
        placed += [(role, last, rect) for role, rect in zip(rest, boxes, strict=True)]
    order = {role: n for n, role in enumerate(roles)}
    return sorted(placed, key=lambda p: order[p[0]])


def _page_box(page) -> tuple[float, float, float, float]:
    """A page's crop box as (left, bottom, right, top), in points."""
    box = page.cropbox
    return (float(box.left), float(box.bottom), float(box.right), float(box.top))


def _form_fields(writer: PdfWriter, roles: list[str]) -> ArrayObject:
    root = writer.root_object
    form_ref = root.get("/AcroForm")
    if form_ref is None:
        form = DictionaryObject({NameObject("/Fields"): ArrayObject()})
        root[NameObject("/AcroForm")] = writer._add_object(form)
    else:
        form = form_ref.get_object()
        if "/Fields" not in form:
            form[NameObject("/Fields")] = ArrayObject()
    fields = form["/Fields"].get_object()
    taken = _field_names(fields) & {field_name(role) for role in roles}
    if taken:
        raise ConventioError(
            "this PDF already has the signature field(s) " + ", ".join(sorted(taken))
        )
    # SignaturesExist: the document has signature fields (set by signing programs too)
    form[NameObject("/SigFlags")] = NumberObject(int(form.get("/SigFlags", 0)) | 1)
    return fields


def _page_annotations(page) -> ArrayObject:
    annots = page.get("/Annots")
    if annots is None:
        annots = ArrayObject()
        page[NameObject("/Annots")] = annots
    return annots.get_object()


def _add_signature_fields(
    writer: PdfWriter, places: list[tuple[str, int, tuple]], labels: Mapping[str, str]
) -> None:
    fields = _form_fields(writer, [role for role, _, _ in places])
    for role, index, (x1, y1, x2, y2) in places:
        page = writer.pages[index]
        width, height = x2 - x1, y2 - y1
        appearance = writer._add_object(_appearance(width, height))
        field = DictionaryObject(
            {
                NameObject("/FT"): NameObject("/Sig"),
                NameObject("/T"): TextStringObject(field_name(role)),
                NameObject("/TU"): TextStringObject(labels.get(role, f"Signature: {role}")),
                NameObject("/Type"): NameObject("/Annot"),
                NameObject("/Subtype"): NameObject("/Widget"),
                NameObject("/F"): NumberObject(_PRINT | _LOCKED),
                NameObject("/Rect"): ArrayObject([FloatObject(v) for v in (x1, y1, x2, y2)]),
                NameObject("/P"): page.indirect_reference,
                NameObject("/AP"): DictionaryObject({NameObject("/N"): appearance}),
            }
        )
        ref: IndirectObject = writer._add_object(field)
        fields.append(ref)
        _page_annotations(page).append(ref)


def read_identity(pdf: bytes) -> tuple[str, str] | None:
    """(document id, content hash) that `finish()` wrote into this PDF (or into the PDF a
    signed copy was made from), or None if it has none.

    The information dictionary is read first, the XMP metadata if it lacks the
    identity; if both have one and they differ, that is an error."""
    try:
        reader = open_pdf(pdf)
        info = reader.metadata or {}
        document_id = info.get(INFO_DOCUMENT_ID)
        content_hash = info.get(INFO_CONTENT_HASH)
        from_info = (
            (str(document_id), str(content_hash))
            if document_id is not None and content_hash is not None
            else None
        )
        packet = xmp_packet(reader)
        from_xmp = xmp_identity(packet) if packet is not None else None
    except (InvalidPdf, PyPdfError, ValueError, KeyError, TypeError, AttributeError) as exc:
        raise ConventioError(f"cannot read the identity of this PDF: {exc}") from exc
    if from_info and from_xmp and from_info != from_xmp:
        raise ConventioError(
            f"this PDF has two identities: {from_info} in its information dictionary "
            f"and {from_xmp} in its XMP metadata"
        )
    return from_info or from_xmp
