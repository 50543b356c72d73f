"""A deterministic ZIP writer that can reuse compressed entries.

Most parts of a personalised DOCX (styles, theme, fonts) are the same for
every copy: they are compressed once and their bytes reused, so a batch pays
for compressing only what changed. Timestamps are fixed (1980-01-01) and the
order is the caller's, so the same inputs give the same bytes."""

from __future__ import annotations

import struct
import zlib
from dataclasses import dataclass

_DOS_TIME, _DOS_DATE = 0, (0 << 9) | (1 << 5) | 1  # 1980-01-01 00:00
_VERSION = 20
_DEFLATE = 8
_UTF8_NAMES = 0x0800


@dataclass(frozen=True)
class Entry:
    name: str
    crc: int
    size: int
    compressed: bytes


def compress(name: str, data: bytes, level: int = 6) -> Entry:
    packer = zlib.compressobj(level, zlib.DEFLATED, -15)
    body = packer.compress(data) + packer.flush()
    return Entry(name, zlib.crc32(data) & 0xFFFFFFFF, len(data), body)


def write_zip(entries: list[Entry]) -> bytes:
    chunks: list[bytes] = []
    central: list[bytes] = []
    offset = 0
    for entry in entries:
        name = entry.name.encode("utf-8")
        flags = _UTF8_NAMES if not entry.name.isascii() else 0
        header = struct.pack(
            "<IHHHHHIIIHH",
            0x04034B50,
            _VERSION,
            flags,
            _DEFLATE,
            _DOS_TIME,
            _DOS_DATE,
            entry.crc,
            len(entry.compressed),
            entry.size,
            len(name),
            0,
        )
        central.append(
            struct.pack(
                "<IHHHHHHIIIHHHHHII",
                0x02014B50,
                _VERSION,
                _VERSION,
                flags,
                _DEFLATE,
                _DOS_TIME,
                _DOS_DATE,
                entry.crc,
                len(entry.compressed),
                entry.size,
                len(name),
                0,
                0,
                0,
                0,
                0o644 << 16,
                offset,
            )
            + name
        )
        chunks += [header, name, entry.compressed]
        offset += len(header) + len(name) + len(entry.compressed)
    directory = b"".join(central)
    end = struct.pack(
        "<IHHHHIIH", 0x06054B50, 0, 0, len(entries), len(entries), len(directory), offset, 0
    )
    return b"".join(chunks) + directory + end
