"""Writing files and folders.

- A reader never sees half a file: it is written beside its place, flushed to
  disk, then renamed over it.
- What conventio writes gets the permissions the user's umask gives, like any
  other program's files: 0644 under umask 022, 0664 under 002 (a folder shared
  by a group), never more private than asked for.
- A path that cannot be a folder (a file on the way, a device) is a plain error
  naming it, not a crash.
"""

from __future__ import annotations

import os
import stat
import tempfile
import threading
from pathlib import Path

from generator.errors import ConventioError

_UMASK_LOCK = threading.Lock()


def current_umask() -> int:
    """The process's umask, read without changing it where the system says it
    (Linux: /proc/self/status); elsewhere set and put back at once, under a lock,
    through a mask that is stricter, never looser, for any file made meanwhile."""
    try:
        with open("/proc/self/status", encoding="ascii", errors="replace") as status:
            for line in status:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError, IndexError):
        pass
    with _UMASK_LOCK:
        mask = os.umask(0o077)
        os.umask(mask)
    return mask


def file_mode() -> int:
    """The permissions of a new file: 0666 less the umask."""
    return 0o666 & ~current_umask()


def folder_mode() -> int:
    """The permissions of a new folder: 0777 less the umask."""
    return 0o777 & ~current_umask()


def _kind(path: Path) -> str:
    mode = path.stat().st_mode
    if stat.S_ISREG(mode):
        return "a file"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISFIFO(mode):
        return "a pipe"
    return "not a folder"


def _blocker(path: Path) -> Path | None:
    """The first of `path` and its parents that exists and is not a folder."""
    for candidate in (path, *path.parents):
        try:
            if candidate.exists() and not candidate.is_dir():
                return candidate
        except OSError:
            return None
    return None


def check_folder(path: Path, option: str | None = None) -> Path:
    """`path`, if it is a folder or could be made one; otherwise a ConventioError
    naming it (prefixed by the command-line `option`, e.g. "--out", when given).
    Nothing is created."""
    path = Path(path)
    where = f"{option} {path}" if option else str(path)
    blocker = _blocker(path)
    if blocker == path:
        raise ConventioError(
            f"{where}: this is {_kind(path)}, not a folder; give the path of a folder "
            "(it is made if it does not exist)"
        )
    if blocker is not None:
        raise ConventioError(
            f"{where}: cannot be a folder, because {blocker} is {_kind(blocker)}, not a folder"
        )
    return path


def make_folder(path: Path, option: str | None = None) -> Path:
    """`path` as a folder, made with its parents if missing; a ConventioError naming
    it when that is not possible (see `check_folder`)."""
    path = check_folder(path, option)
    where = f"{option} {path}" if option else str(path)
    try:
        path.mkdir(parents=True, exist_ok=True)
    except PermissionError:
        raise ConventioError(
            f"{where}: cannot create this folder (permission denied); "
            "give a folder you may write in"
        ) from None
    except OSError as exc:
        check_folder(path, option)  # something appeared in the way meanwhile
        raise ConventioError(
            f"{where}: cannot create this folder ({exc.strerror or exc})"
        ) from None
    return path


def write_atomically(path: Path, data: bytes) -> None:
    """Write to a temporary file beside `path`, flush it to disk, then rename.

    The file gets the permissions the umask gives. A device or a pipe (e.g.
    /dev/null, /dev/stdout) is written into directly; a folder is an error."""
    path = Path(path)
    if path.is_dir():
        raise ConventioError(f"{path} is a folder; give the name of a file to write")
    if path.exists() and not path.is_file():
        with open(path, "wb") as handle:  # nothing to rename over a device
            handle.write(data)
        return
    blocker = _blocker(path.parent)
    if blocker is not None:
        raise ConventioError(
            f"cannot write {path}: {blocker} is {_kind(blocker)}, not a folder; "
            "give a path whose folders are folders"
        )
    make_folder(path.parent)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    try:
        if hasattr(os, "fchmod"):
            os.fchmod(fd, file_mode())  # mkstemp makes 0600
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def fsync_folder(folder: Path) -> None:
    """Make the renames in `folder` durable (where the platform allows it)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
