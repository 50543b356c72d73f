"""Hostile files for tests, built small: YAML alias bombs, and ZIP archives
(DOCX, XLSX) holding a part that unpacks to gigabytes from a few megabytes.

A ZIP bomb part is a real deflate stream: one megabyte of filler compressed
once, flushed so that the compressor forgets it, and that kilobyte of output
repeated. The archive is written by hand (local headers, central directory,
end record) because `zipfile` would have to compress the gigabytes itself.
Every part's size and checksum are true: nothing lies, it is just big.
"""

from __future__ import annotations

import struct
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path

MIB = 1 << 20


def yaml_alias_bomb(levels: int = 9, width: int = 9, key: str = "lol") -> str:
    """'Billion laughs': each level is `width` aliases of the one before,
    `width ** levels` values in all (9 levels of 9: 387 million)."""
    lines = [f"{key}0: &{key}0 [{', '.join(['lol'] * width)}]"]
    for level in range(1, levels):
        aliases = ", ".join([f"*{key}{level - 1}"] * width)
        lines.append(f"{key}{level}: &{key}{level} [{aliases}]")
    return "\n".join(lines) + "\n"


@dataclass(frozen=True)
class Bomb:
    """A part that unpacks to prefix + filler * count + suffix."""

    prefix: bytes
    suffix: bytes
    count: int  # megabytes of filler
    filler: bytes = b" "

    @property
    def size(self) -> int:
        return len(self.prefix) + self.count * MIB + len(self.suffix)

    def crc(self) -> int:
        block = self.filler * MIB
        crc = zlib.crc32(self.prefix)
        for _ in range(self.count):
            crc = zlib.crc32(block, crc)
        return zlib.crc32(self.suffix, crc)

    def pieces(self) -> tuple[bytes, bytes, bytes]:
        """The compressed prefix, one compressed megabyte, the compressed end."""
        packer = zlib.compressobj(9, zlib.DEFLATED, -15)
        head = packer.compress(self.prefix) + packer.flush(zlib.Z_FULL_FLUSH)
        block = packer.compress(self.filler * MIB) + packer.flush(zlib.Z_FULL_FLUSH)
        tail = packer.compress(self.suffix) + packer.flush(zlib.Z_FINISH)
        return head, block, tail


@dataclass(frozen=True)
class _Entry:
    """One part as the archive records it."""

    encoded: bytes  # the name, as bytes
    method: int  # 0 stored, 8 deflated
    crc: int
    packed_size: int
    size: int
    offset: int = 0


def _packed(content: bytes | Bomb, method: int) -> tuple[int, int, int]:
    """The checksum, packed size and unpacked size of a part."""
    if isinstance(content, Bomb):
        head, block, tail = content.pieces()
        return content.crc(), len(head) + content.count * len(block) + len(tail), content.size
    return zlib.crc32(content), len(_deflated(content, method)), len(content)


def _deflated(content: bytes, method: int) -> bytes:
    if method == 0:
        return content
    packer = zlib.compressobj(9, zlib.DEFLATED, -15)
    return packer.compress(content) + packer.flush()


def _write_data(out, content: bytes | Bomb, method: int) -> None:
    if isinstance(content, Bomb):
        head, block, tail = content.pieces()
        out.write(head)
        for _ in range(content.count):
            out.write(block)
        out.write(tail)
    else:
        out.write(_deflated(content, method))


def _local_header(entry: _Entry) -> bytes:
    fields = (entry.method, 0, 0x21, entry.crc, entry.packed_size, entry.size)
    name = len(entry.encoded)
    return struct.pack("<4s5H3L2H", b"PK\x03\x04", 20, 0, *fields, name, 0) + entry.encoded


def _central_header(entry: _Entry) -> bytes:
    fields = (entry.method, 0, 0x21, entry.crc, entry.packed_size, entry.size)
    name = len(entry.encoded)
    return (
        struct.pack(
            "<4s6H3L5H2L", b"PK\x01\x02", 20, 20, 0, *fields, name, 0, 0, 0, 0, 0, entry.offset
        )
        + entry.encoded
    )


def write_zip(path: Path, parts: dict[str, bytes | Bomb], stored: frozenset[str] = frozenset()):
    """A ZIP archive of `parts` (deflated, or stored for the names in `stored`)."""
    directory = []
    with path.open("wb") as out:
        for name, content in parts.items():
            method = 0 if name in stored else 8
            entry = _Entry(name.encode(), method, *_packed(content, method), offset=out.tell())
            out.write(_local_header(entry))
            _write_data(out, content, method)
            directory.append(entry)
        start = out.tell()
        for entry in directory:
            out.write(_central_header(entry))
        end = out.tell()
        count = len(directory)
        out.write(struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, count, count, end - start, start, 0))
    return path


def parts_of(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {info.filename: archive.read(info) for info in archive.infolist()}


def swollen(parts: dict[str, bytes], name: str, after: bytes, megabytes: int) -> dict:
    """`parts` with part `name` swollen by `megabytes` of spaces inserted after
    the first `after` (where XML allows blank space)."""
    data = parts[name]
    at = data.index(after) + len(after)
    bomb = Bomb(data[:at], data[at:], megabytes)
    return {key: (bomb if key == name else value) for key, value in parts.items()}
