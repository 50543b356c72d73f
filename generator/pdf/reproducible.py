"""Same DOCX, same PDF bytes.

LibreOffice stamps every PDF with the moment it was made: the creation date in
the document information dictionary and in the XMP metadata, the creation date
inside the sRGB colour profile it embeds as the PDF/A output intent, and a
trailer /ID (with a /DocChecksum of its own) computed from the clock. Converting
the same document twice therefore gave two different files, and a copy issued
again was not recognised as the same one.

`make_reproducible()` rewrites exactly those values in LibreOffice's bytes:

- every date (Info /CreationDate and /ModDate, XMP xmp:CreateDate, ModifyDate,
  MetadataDate, the colour profile's date) becomes the document's own date: the
  creation date its DOCX declares, which conventio sets from the document's date
  (`docx_created()`). Info and XMP keep saying the same, as PDF/A requires. A DOCX
  that declares no date gives a PDF that claims none (the profile's date is zero);
- the /ID is taken from a hash of the DOCX (`docx_seed()`), the same in both of
  its halves, as for a file never changed since it was made;
- /DocChecksum (LibreOffice's own key, which no reader uses) is dropped.

Everything else is kept byte for byte. The colour profile is compressed, so its
stream may change length: the objects after it move, and the cross-reference
table and `startxref` are corrected. The result is still the original body of
the file, so `finish()` appends its incremental update after it as before.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import itertools
import re
import struct
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path

from lxml import etree
from pypdf.errors import PyPdfError
from pypdf.generic import IndirectObject

from generator.ooxml.namespaces import DCTERMS_NS
from generator.pdf.checks import InvalidPdf, open_pdf

_STARTXREF = re.compile(rb"startxref\s+(\d+)\s*%%EOF\s*$")
_SUBSECTION = re.compile(rb"(\d+) (\d+)[ \t]*(?:\r\n|\r|\n)")
_ENTRY = re.compile(rb"(\d{10}) (\d{5}) ([nf])(\r\n| \r| \n)")
_OBJ_HEAD = re.compile(rb"(\d+)\s+(\d+)\s+obj\b")
_STREAM = re.compile(rb">>\s*stream(?:\r\n|\n)")
_INFO_DATE = re.compile(rb"/(CreationDate|ModDate)\s*(\((?:\\.|[^\\()])*\)|<[0-9A-Fa-f\s]*>)", re.S)
_XMP_DATES = rb"(CreateDate|ModifyDate|MetadataDate)"
_XMP_DATE_ELEMENT = re.compile(rb"<xmp:" + _XMP_DATES + rb">[^<]*</xmp:\1>")
#: the same on a line of its own, with its indentation and line end (to remove it)
_XMP_DATE_LINE = re.compile(rb"(?m)^[ \t]*<xmp:" + _XMP_DATES + rb">[^<]*</xmp:\1>[ \t]*\r?\n")
_XMP_DATE_ATTRIBUTE = re.compile(rb"(\s)xmp:" + _XMP_DATES + rb'="[^"]*"')
_ID = re.compile(rb"/ID\s*\[[^\]]*\]")
_DOC_CHECKSUM = re.compile(rb"/DocChecksum\s*/[0-9A-Fa-f]+")
_ICC_DATE = slice(24, 36)
_ICC_ID = slice(84, 100)


def docx_created(path: Path) -> dt.datetime | None:
    """The creation date (UTC) a DOCX declares in its core properties, or None."""
    try:
        with zipfile.ZipFile(path) as archive:
            data = archive.read("docProps/core.xml")
        parser = etree.XMLParser(resolve_entities=False, no_network=True)
        element = etree.fromstring(data, parser).find(f"{{{DCTERMS_NS}}}created")
    except (OSError, KeyError, zipfile.BadZipFile, etree.XMLSyntaxError):
        return None
    if element is None or not (element.text or "").strip():
        return None
    try:
        created = dt.datetime.fromisoformat(element.text.strip())
    except ValueError:
        return None
    if created.tzinfo is None:
        created = created.replace(tzinfo=dt.UTC)
    return created.astimezone(dt.UTC).replace(microsecond=0)


def docx_seed(path: Path) -> bytes:
    """What a PDF's /ID is derived from: the SHA-256 of its DOCX."""
    return hashlib.sha256(Path(path).read_bytes()).digest()


@dataclass(frozen=True)
class _Edit:
    start: int
    end: int
    data: bytes


def make_reproducible(pdf: bytes, *, created: dt.datetime | None, seed: bytes) -> bytes:
    """LibreOffice's `pdf` with its dates set to `created` and its /ID derived from
    `seed`; InvalidPdf when the file is not laid out as LibreOffice writes it."""
    try:
        reader = open_pdf(pdf)
        xref_at = _startxref(pdf)
        entries, xref_end = _xref_entries(pdf, xref_at)
        offsets = {number: offset for number, offset, _ in entries if offset is not None}
        trailer_at = pdf.index(b"trailer", xref_end)
        startxref_at = pdf.index(b"startxref", trailer_at)
        if b"/Prev" in pdf[trailer_at:startxref_at]:
            raise InvalidPdf("it has been updated incrementally already")
        edits = [
            *_info_edits(pdf, reader, offsets, created),
            *_stream_edit(pdf, reader, offsets, _metadata_ref(reader), _xmp_dates(created)),
            *_stream_edit(pdf, reader, offsets, _profile_ref(reader), _icc_date(created)),
        ]
    except InvalidPdf:
        raise
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError, zlib.error) as exc:
        raise InvalidPdf(f"its layout is not the one LibreOffice writes ({exc})") from exc
    edits.sort(key=lambda e: e.start)
    for before, after in itertools.pairwise(edits):
        if after.start < before.end:
            raise InvalidPdf("two of its objects overlap")
    edits.append(_Edit(xref_at, xref_end, _shifted_xref(pdf[xref_at:xref_end], edits)))
    edits += _trailer_edits(pdf, trailer_at, startxref_at, seed)
    number = _STARTXREF.search(pdf, startxref_at)
    assert number is not None  # found by _startxref
    new_xref_at = _shift(xref_at, edits)
    edits.append(_Edit(number.start(1), number.end(1), str(new_xref_at).encode()))
    return _apply(pdf, edits)


def _startxref(pdf: bytes) -> int:
    match = _STARTXREF.search(pdf, max(0, len(pdf) - 1024))
    if match is None:
        raise InvalidPdf("it does not end with startxref and %%EOF")
    at = int(match.group(1))
    if pdf[at : at + 4] != b"xref":
        raise InvalidPdf("its cross-reference is not a table (a newer LibreOffice?)")
    return at


def _xref_entries(pdf: bytes, xref_at: int) -> tuple[list[tuple[int, int | None, int]], int]:
    """[(object number, offset or None if free, position of the entry)], and where the
    table ends."""
    position = xref_at + 4
    while pdf[position : position + 1] in (b"\r", b"\n", b" "):
        position += 1
    entries = []
    while (head := _SUBSECTION.match(pdf, position)) is not None:
        first, count = int(head.group(1)), int(head.group(2))
        position = head.end()
        for index in range(count):
            entry = _ENTRY.match(pdf, position)
            if entry is None:
                raise InvalidPdf("its cross-reference table is damaged")
            in_use = entry.group(3) == b"n"
            entries.append((first + index, int(entry.group(1)) if in_use else None, position))
            position = entry.end()
    if not entries:
        raise InvalidPdf("its cross-reference table is empty")
    return entries, position


def _shift(position: int, edits: list[_Edit]) -> int:
    """Where `position` of the old file is in the new one."""
    return position + sum(len(e.data) - (e.end - e.start) for e in edits if e.end <= position)


def _shifted_xref(table: bytes, edits: list[_Edit]) -> bytes:
    def move(entry: re.Match[bytes]) -> bytes:
        if entry.group(3) != b"n":
            return entry.group(0)
        offset = _shift(int(entry.group(1)), edits)
        return b"%010d %s n%s" % (offset, entry.group(2), entry.group(4))

    return _ENTRY.sub(move, table)


def _apply(pdf: bytes, edits: list[_Edit]) -> bytes:
    parts, position = [], 0
    for edit in sorted(edits, key=lambda e: e.start):
        parts += [pdf[position : edit.start], edit.data]
        position = edit.end
    parts.append(pdf[position:])
    return b"".join(parts)


def _object_range(pdf: bytes, offsets: dict[int, int], number: int) -> tuple[int, int]:
    start = offsets.get(number)
    if start is None:
        raise InvalidPdf(f"its object {number} is not in the cross-reference table")
    head = _OBJ_HEAD.match(pdf, start)
    if head is None or int(head.group(1)) != number:
        raise InvalidPdf(f"its object {number} is not where the cross-reference table says")
    return start, pdf.index(b"endobj", head.end())


def _pdf_date(created: dt.datetime) -> bytes:
    return created.strftime("(D:%Y%m%d%H%M%SZ)").encode("ascii")


def _info_edits(pdf, reader, offsets, created) -> list[_Edit]:
    info = reader.trailer.raw_get("/Info") if "/Info" in reader.trailer else None
    if not isinstance(info, IndirectObject):
        return []
    start, end = _object_range(pdf, offsets, info.idnum)
    value = b"" if created is None else _pdf_date(created)
    return [
        _Edit(m.start(), m.end(), b"/" + m.group(1) + value if value else b"")
        for m in _INFO_DATE.finditer(pdf, start, end)
    ]


def _metadata_ref(reader) -> IndirectObject | None:
    ref = reader.trailer["/Root"].raw_get("/Metadata")
    return ref if isinstance(ref, IndirectObject) else None


def _profile_ref(reader) -> IndirectObject | None:
    intents = reader.trailer["/Root"].get("/OutputIntents")
    for intent in intents.get_object() if intents is not None else []:
        ref = intent.get_object().raw_get("/DestOutputProfile")
        if isinstance(ref, IndirectObject):
            return ref
    return None


def _xmp_dates(created: dt.datetime | None):
    def change(packet: bytes) -> bytes:
        if created is None:
            packet = _XMP_DATE_ELEMENT.sub(b"", _XMP_DATE_LINE.sub(b"", packet))
            return _XMP_DATE_ATTRIBUTE.sub(b"", packet)
        stamp = created.strftime("%Y-%m-%dT%H:%M:%SZ").encode("ascii")
        packet = _XMP_DATE_ELEMENT.sub(
            lambda m: b"<xmp:%s>%s</xmp:%s>" % (m.group(1), stamp, m.group(1)), packet
        )
        return _XMP_DATE_ATTRIBUTE.sub(
            lambda m: b'%sxmp:%s="%s"' % (m.group(1), m.group(2), stamp), packet
        )

    return change


def _icc_date(created: dt.datetime | None):
    def change(profile: bytes) -> bytes:
        if len(profile) < 128 or profile[36:40] != b"acsp":
            return profile  # not an ICC profile: leave it
        when = (0,) * 6
        if created is not None:
            when = (
                created.year,
                created.month,
                created.day,
                created.hour,
                created.minute,
                created.second,
            )
        changed = bytearray(profile)
        changed[_ICC_DATE] = struct.pack(">6H", *when)
        if any(changed[_ICC_ID]):
            # the profile ID is the MD5 of the profile with flags, intent and ID zeroed
            blank = bytearray(changed)
            blank[44:48] = blank[64:68] = bytes(4)
            blank[_ICC_ID] = bytes(16)
            changed[_ICC_ID] = hashlib.md5(bytes(blank)).digest()
        return bytes(changed)

    return change


def _stream_edit(pdf, reader, offsets, ref, change) -> list[_Edit]:
    """The edits that put `change(data)` in place of the stream `ref`'s data."""
    if ref is None:
        return []
    stream = ref.get_object()
    filters = stream.get("/Filter")
    if isinstance(filters, list) and len(filters) == 1:
        filters = filters[0]
    if (filters is not None and filters != "/FlateDecode") or "/DecodeParms" in stream:
        return []  # an encoding LibreOffice does not use here: left as it is
    data = stream.get_data()
    new = change(data)
    if new == data:
        return []
    start, end = _object_range(pdf, offsets, ref.idnum)
    opened = _STREAM.search(pdf, start, end)
    if opened is None:
        raise InvalidPdf(f"its object {ref.idnum} is not a stream")
    length = _length(pdf, offsets, start, opened.start())
    data_start, data_end = opened.end(), opened.end() + int(length.group(1))
    if not re.match(rb"\s*endstream", pdf[data_end : data_end + 12]):
        raise InvalidPdf(f"the stream of its object {ref.idnum} has a wrong /Length")
    encoded = new if filters is None else zlib.compress(new, 6)
    edits = [_Edit(data_start, data_end, encoded)]
    if len(encoded) != data_end - data_start:
        edits.append(_Edit(length.start(1), length.end(1), str(len(encoded)).encode()))
    return edits


_LENGTH = re.compile(rb"/Length\s+(\d+)(?:\s+(\d+)\s+R)?")
_NUMBER = re.compile(rb"\s*(\d+)\s*")


def _length(pdf: bytes, offsets: dict[int, int], start: int, end: int) -> re.Match[bytes]:
    """The digits of a stream's /Length, in its dictionary or in the object it refers to."""
    found = _LENGTH.search(pdf, start, end)
    if found is None:
        raise InvalidPdf("a stream has no /Length")
    if found.group(2) is None:
        return found
    number = int(found.group(1))
    object_start, object_end = _object_range(pdf, offsets, number)
    head = _OBJ_HEAD.match(pdf, object_start)
    assert head is not None  # checked by _object_range
    value = _NUMBER.match(pdf, head.end(), object_end)
    if value is None:
        raise InvalidPdf(f"its object {number} should be a stream's length")
    return value


def _trailer_edits(pdf: bytes, start: int, end: int, seed: bytes) -> list[_Edit]:
    half = hashlib.sha256(b"conventio pdf id\0" + seed).hexdigest()[:32].upper().encode()
    identifier = b"/ID [ <" + half + b"> <" + half + b"> ]"
    edits = [_Edit(m.start(), m.end(), b"") for m in _DOC_CHECKSUM.finditer(pdf, start, end)]
    found = _ID.search(pdf, start, end)
    if found is not None:
        edits.append(_Edit(found.start(), found.end(), identifier))
    else:
        opening = pdf.index(b"<<", start, end) + 2
        edits.append(_Edit(opening, opening, identifier))
    return sorted(edits, key=lambda e: e.start)
