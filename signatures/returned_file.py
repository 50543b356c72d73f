"""Reading a returned file safely: a regular file of bounded size, in bounded memory.

    data = read_returned("returned/net-01.pdf")      # bytes, or Unreadable saying why

A path that does not exist, a folder, a device (/dev/zero never ends), a pipe or a socket,
a file larger than `MAX_RETURNED_BYTES`: each is refused with its own reason, before
anything is read; at most `MAX_RETURNED_BYTES` + 1 bytes are ever read (a file that grows
while it is read is refused too).
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from generator.errors import ConventioError

__all__ = ["MAX_RETURNED_BYTES", "Unreadable", "read_returned"]

#: the largest returned file that is read; a signed convention is a few megabytes
MAX_RETURNED_BYTES = 50 * 1024 * 1024


#: what a path that is not a regular file is, in words
_KINDS = (
    (stat.S_ISCHR, "a device"),
    (stat.S_ISBLK, "a device"),
    (stat.S_ISFIFO, "a pipe"),
    (stat.S_ISSOCK, "a socket"),
)


class Unreadable(ConventioError):
    """A returned file that cannot be read; the message says why, in plain words."""


def read_returned(path: Path | str, limit: int = MAX_RETURNED_BYTES) -> bytes:
    """The bytes of a returned file: a regular file of at most `limit` bytes, read in
    bounded memory. Raises Unreadable, saying why, for anything else."""
    try:
        info = os.stat(path)
    except (FileNotFoundError, NotADirectoryError):
        raise Unreadable("there is no such file") from None
    except PermissionError:
        raise Unreadable("this file cannot be read: permission denied") from None
    except OSError as exc:
        raise Unreadable(f"this file cannot be read ({exc.strerror or exc})") from None
    _refuse_kind(info, limit)
    try:
        # O_NONBLOCK: a pipe put in place after the check above cannot block the import
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except PermissionError:
        raise Unreadable("this file cannot be read: permission denied") from None
    except OSError as exc:
        raise Unreadable(f"this file cannot be read ({exc.strerror or exc})") from None
    with os.fdopen(fd, "rb") as file:
        _refuse_kind(os.fstat(file.fileno()), limit)
        try:
            data = file.read(limit + 1)
        except OSError as exc:
            raise Unreadable(f"this file cannot be read ({exc.strerror or exc})") from None
    if len(data) > limit:
        raise Unreadable(_too_large(limit))
    return data


def _refuse_kind(info: os.stat_result, limit: int) -> None:
    mode = info.st_mode
    if stat.S_ISDIR(mode):
        raise Unreadable("this is a folder, not a file: give the PDF files in it (folder/*.pdf)")
    if not stat.S_ISREG(mode):
        kind = next((k for test, k in _KINDS if test(mode)), "something other than a file")
        raise Unreadable(f"this is {kind}, not a file: give a PDF file")
    if info.st_size > limit:
        raise Unreadable(_too_large(limit))


def _too_large(limit: int) -> str:
    size = f"{limit / 1024 / 1024:g} MB" if limit >= 1024 * 1024 else f"{limit} bytes"
    return (
        f"this file is larger than {size}, the most a returned file may be: a signed "
        "convention is far smaller, so it was not read"
    )
