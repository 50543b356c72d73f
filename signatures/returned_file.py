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
from signatures.reasons import Finding, Reason, rejected
from signatures.wording import say

__all__ = ["MAX_RETURNED_BYTES", "Unreadable", "read_returned"]

#: the largest returned file that is read; a signed convention is a few megabytes
MAX_RETURNED_BYTES = 50 * 1024 * 1024


#: what a path that is not a regular file is (signatures.wording says it)
_KINDS = (
    (stat.S_ISCHR, "device"),
    (stat.S_ISBLK, "device"),
    (stat.S_ISFIFO, "pipe"),
    (stat.S_ISSOCK, "socket"),
)


class Unreadable(ConventioError):
    """A returned file that cannot be read; the message says why, in plain words
    (`finding`: the reason)."""

    def __init__(self, reason: Reason, /, **params: object):
        self.finding: Finding = rejected(reason, **params)
        super().__init__(say(self.finding))


def read_returned(path: Path | str, limit: int = MAX_RETURNED_BYTES) -> bytes:
    """The bytes of a returned file: a regular file of at most `limit` bytes, read in
    bounded memory. Raises Unreadable, saying why, for anything else."""
    try:
        info = os.stat(path)
    except (FileNotFoundError, NotADirectoryError):
        raise Unreadable(Reason.NO_SUCH_FILE) from None
    except PermissionError:
        raise Unreadable(Reason.PERMISSION_DENIED) from None
    except OSError as exc:
        raise Unreadable(Reason.CANNOT_BE_READ, error=str(exc.strerror or exc)) from None
    _refuse_kind(info, limit)
    try:
        # O_NONBLOCK: a pipe put in place after the check above cannot block the import
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except PermissionError:
        raise Unreadable(Reason.PERMISSION_DENIED) from None
    except OSError as exc:
        raise Unreadable(Reason.CANNOT_BE_READ, error=str(exc.strerror or exc)) from None
    with os.fdopen(fd, "rb") as file:
        _refuse_kind(os.fstat(file.fileno()), limit)
        try:
            data = file.read(limit + 1)
        except OSError as exc:
            raise Unreadable(Reason.CANNOT_BE_READ, error=str(exc.strerror or exc)) from None
    if len(data) > limit:
        raise Unreadable(Reason.TOO_LARGE, limit=limit)
    return data


def _refuse_kind(info: os.stat_result, limit: int) -> None:
    mode = info.st_mode
    if stat.S_ISDIR(mode):
        raise Unreadable(Reason.A_FOLDER)
    if not stat.S_ISREG(mode):
        kind = next((k for test, k in _KINDS if test(mode)), None)
        raise Unreadable(Reason.NOT_A_REGULAR_FILE, kind=kind)
    if info.st_size > limit:
        raise Unreadable(Reason.TOO_LARGE, limit=limit)
