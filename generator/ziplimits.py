"""Limits on ZIP files (Word documents, Word templates, Excel workbooks),
checked before anything is decompressed.

A DOCX or XLSX is a ZIP archive, and a ZIP archive can be built to unpack to
thousands of times its size (a "zip bomb"): a few megabytes that become
gigabytes once a library opens them. Every archive conventio reads is first
checked here, from its directory alone (what each part says it unpacks to,
how many parts there are, how much each part grows), and refused if it
exceeds its budget. Python's `zipfile` then never yields more than a part's
declared size, so the declared sizes bound what any reader (python-docx,
openpyxl, docxtpl) can unpack; `first_corrupt_member` checks every part in
bounded chunks.

Each check returns a reason in plain words, or None; the caller names the file.
"""

from __future__ import annotations

import struct
import zipfile
from dataclasses import dataclass
from pathlib import Path

MB = 1_000_000
_CHUNK = 1 << 20
_EOCD = b"PK\x05\x06"
_EOCD64_LOCATOR = b"PK\x06\x07"
_EOCD64 = b"PK\x06\x06"


@dataclass(frozen=True)
class ZipBudget:
    """What one kind of archive may hold."""

    #: what the archive is, for messages: "a Word document"
    what: str
    #: the archive file itself
    max_file: int = 50 * MB
    #: parts (files inside the archive)
    max_entries: int = 2_000
    #: all parts together, unpacked
    max_unpacked: int = 200 * MB
    #: how many times its packed size a part may grow ...
    max_ratio: int = 200
    #: ... once it unpacks to more than this (small parts may compress very well)
    ratio_from: int = 1 * MB


WORD = ZipBudget("a Word document")
WORD_TEMPLATE = ZipBudget("a Word template")
EXCEL = ZipBudget("an Excel workbook", max_unpacked=100 * MB)


def _size(size: int) -> str:
    if size >= 1_000 * MB:
        return f"{size / (1_000 * MB):.1f} GB"
    if size >= MB // 10:
        return f"{size / MB:.1f} MB"
    return f"{size:,} bytes"


#: why an archive over budget is refused, and what to do
REFUSED = (
    "the file is damaged or built to exhaust the computer (a 'zip bomb'), so it was not "
    "opened; use the original file"
)


def _declared_entries(path: Path, file_size: int) -> int | None:
    """How many parts the archive's end record declares (None: no end record,
    which `zipfile` will report as not a ZIP file). Reads only the file's tail."""
    with path.open("rb") as handle:
        tail_start = max(0, file_size - (22 + 65_535))
        handle.seek(tail_start)
        tail = handle.read()
        at = tail.rfind(_EOCD)
        if at < 0 or len(tail) - at < 22:
            return None
        entries = struct.unpack_from("<H", tail, at + 10)[0]
        locator = at - 20
        if entries == 0xFFFF and locator >= 0 and tail[locator : locator + 4] == _EOCD64_LOCATOR:
            (record_offset,) = struct.unpack_from("<Q", tail, locator + 8)
            if record_offset + 56 > file_size:
                return None
            handle.seek(record_offset)
            record = handle.read(56)
            if record[:4] != _EOCD64:
                return None
            (entries,) = struct.unpack_from("<Q", record, 32)
        return entries


def zip_problem(path: Path, budget: ZipBudget) -> str | None:
    """Why the archive at `path` must not be opened, or None if it fits `budget`.

    Only the archive's directory is read. Not being a ZIP file at all is left
    to the caller (it knows what the file should have been)."""
    try:
        file_size = path.stat().st_size
        if file_size > budget.max_file:
            return (
                f"is {_size(file_size)}, more than the {_size(budget.max_file)} "
                f"{budget.what} may be"
            )
        entries = _declared_entries(path, file_size)
        if entries is None:
            return None
        if entries <= budget.max_entries:
            with zipfile.ZipFile(path) as archive:
                infos = archive.infolist()
            entries = len(infos)
    except (OSError, zipfile.BadZipFile, struct.error, ValueError, EOFError):
        return None  # unreadable: the caller's own opening says so in its words
    if entries > budget.max_entries:
        return (
            f"holds {entries:,} parts, more than the {budget.max_entries:,} "
            f"{budget.what} may have: {REFUSED}"
        )
    total = 0
    for info in infos:
        total += info.file_size
        if info.file_size > budget.ratio_from and info.file_size > budget.max_ratio * max(
            info.compress_size, 1
        ):
            return (
                f"has a part ({info.filename}) that would unpack from "
                f"{_size(info.compress_size)} to {_size(info.file_size)}, more than "
                f"{budget.max_ratio} times its size: {REFUSED}"
            )
    if total > budget.max_unpacked:
        return (
            f"would unpack to {_size(total)}, more than the {_size(budget.max_unpacked)} "
            f"{budget.what} may hold: {REFUSED}"
        )
    return None


def first_corrupt_member(archive: zipfile.ZipFile, budget: ZipBudget) -> str | None:
    """The name of the first part whose data is damaged (bad checksum, bad
    compressed data), or None. What `ZipFile.testzip` does, but in bounded
    chunks, never holding a part in memory and never past the budget."""
    import zlib

    left = budget.max_unpacked
    for info in archive.infolist():
        try:
            with archive.open(info) as handle:
                while chunk := handle.read(_CHUNK):
                    left -= len(chunk)
                    if left < 0:
                        return info.filename
        except (zipfile.BadZipFile, zlib.error, EOFError, OSError, NotImplementedError):
            return info.filename
    return None
