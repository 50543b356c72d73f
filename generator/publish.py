"""Replacing the contents of a folder all at once, even if the process is killed.

A batch of documents is a set: the files and the manifest that lists them. It
must never be seen half old, half new. So `FolderUpdate` builds the complete new
folder beside the target (files kept from the old one are hard links, not
copies), then swaps the two folders by renames:

1. `.NAME.staging-XXXX` is built beside the target folder NAME;
2. when complete, it is flushed to disk and renamed `.NAME.ready-XXXX`;
3. on Linux, the ready folder and the target are exchanged in one atomic
   rename (renameat2 RENAME_EXCHANGE); the ready name then holds the old set.
   Where that is not possible, the target is renamed `.NAME.old-XXXX` and the
   ready folder renamed to the target (two renames);
4. sub-folders of the old target (not part of any batch, e.g. a folder of
   signed copies someone keeps there) are moved into the new one, and the old
   folder is deleted.

At every moment, the target is either the complete old set or the complete
new set, except between the two renames of the fallback, when it is missing
while `.NAME.old-XXXX` holds the old set. The next update of the same folder
(`recover()`, run under the same lock) repairs whatever an interrupted one
left: it puts a missing target back from `.NAME.old-XXXX`, moves sub-folders
left in an old or ready folder back, and deletes leftover staging, ready and
old folders, saying what it did.

Two updates in the same parent folder at once are refused (a lock on the
parent folder, where the platform has one).
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path
from types import TracebackType

from generator.errors import ConventioError
from generator.files import folder_mode, fsync_folder, make_folder

#: environment variable a test sets to stop an update at one step (see `_pause`)
PAUSE_ENV = "CONVENTIO_TEST_PAUSE"
#: environment variable a test sets to use the two-rename swap even on Linux
NO_EXCHANGE_ENV = "CONVENTIO_TEST_NO_EXCHANGE"

_STAGING, _READY, _OLD = "staging", "ready", "old"


def _in_test() -> bool:
    """The test hooks below are honoured only inside a pytest run."""
    return "PYTEST_CURRENT_TEST" in os.environ


def _pause(step: str) -> None:
    """In tests only: with CONVENTIO_TEST_PAUSE=STEP=FILE, write FILE on reaching STEP
    and wait there, so that the test can kill the process at that very moment."""
    wanted = os.environ.get(PAUSE_ENV, "")
    if not wanted or not _in_test():
        return
    name, _, flag = wanted.partition("=")
    if name != step or not flag:
        return
    Path(flag).write_text(step, encoding="utf-8")
    deadline = time.monotonic() + 600
    while time.monotonic() < deadline:
        time.sleep(0.05)


def _leftovers(target: Path, kind: str) -> list[Path]:
    prefix = f".{target.name}.{kind}-"
    try:
        names = sorted(os.listdir(target.parent))
    except FileNotFoundError:
        return []
    return [target.parent / name for name in names if name.startswith(prefix)]


def _move_folders_back(source: Path, target: Path) -> list[str]:
    """Move the sub-folders of `source` that `target` lacks into `target`."""
    moved = []
    with os.scandir(source) as entries:
        for entry in entries:
            if entry.is_dir(follow_symlinks=False) and not (target / entry.name).exists():
                os.rename(entry.path, target / entry.name)
                moved.append(entry.name)
    return moved


def recover(target: Path) -> list[str]:
    """Repair what an interrupted update of `target` left; what was done, in words."""
    done: list[str] = []
    old = _leftovers(target, _OLD)
    if not target.exists() and old:
        if len(old) > 1:
            raise ConventioError(
                f"{target} is missing and several earlier versions of it were left by "
                f"interrupted runs: {', '.join(str(p) for p in old)}; rename the right "
                f"one to {target.name} and delete the others, then run again"
            )
        os.rename(old[0], target)
        fsync_folder(target.parent)
        done.append(
            f"{target}: an earlier run was interrupted while replacing this folder; "
            "its previous contents were put back"
        )
    for kind in (_OLD, _READY):
        for leftover in _leftovers(target, kind):
            if target.is_dir():
                moved = _move_folders_back(leftover, target)
                if moved:
                    done.append(f"{target}: folder(s) {', '.join(moved)} moved back in")
            stuck = sorted(e.name for e in os.scandir(leftover) if e.is_dir(follow_symlinks=False))
            if stuck:  # someone's folders that cannot go back: never deleted
                done.append(
                    f"{target}: {leftover} was left by an interrupted run and holds the "
                    f"folder(s) {', '.join(stuck)}, which could not be moved back (the "
                    f"folder has some of that name, or is missing); move them where you "
                    f"want them, then delete {leftover.name}"
                )
                continue
            shutil.rmtree(leftover)
            done.append(f"{target}: removed {leftover.name}, left by an interrupted run")
    for leftover in _leftovers(target, _STAGING):
        shutil.rmtree(leftover)
        done.append(f"{target}: removed {leftover.name}, left by an interrupted run")
    return done


def _exchange(first: Path, second: Path) -> bool:
    """Swap two paths in one atomic rename (Linux); False where that is not possible."""
    if sys.platform != "linux" or (os.environ.get(NO_EXCHANGE_ENV) and _in_test()):
        return False
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    renameat2.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p]
    renameat2.argtypes += [ctypes.c_uint]
    renameat2.restype = ctypes.c_int
    at_fdcwd, rename_exchange = -100, 2
    if renameat2(at_fdcwd, os.fsencode(first), at_fdcwd, os.fsencode(second), rename_exchange):
        code = ctypes.get_errno()
        if code in (errno.EINVAL, errno.ENOSYS, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EXDEV):
            return False
        raise OSError(code, os.strerror(code), str(second))
    return True


class _ParentLock:
    """An exclusive lock on a folder (flock on the folder itself), where the platform
    has one; refused at once if another process holds it."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.fd: int | None = None

    def __enter__(self) -> _ParentLock:
        try:
            import fcntl
        except ImportError:  # Windows: no lock
            return self
        self.fd = os.open(self.folder, os.O_RDONLY)
        try:
            fcntl.flock(self.fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(self.fd)
            self.fd = None
            raise ConventioError(
                f"another conventio run is writing into {self.folder}; "
                "wait until it has finished, then run again"
            ) from None
        except OSError:  # a file system without locks: go on without
            pass
        return self

    def __exit__(self, *_: object) -> None:
        if self.fd is not None:
            os.close(self.fd)  # closing releases the lock
            self.fd = None


class FolderUpdate:
    """Build the new contents of `target` in `staging`, then `publish()` them.

    Use as a context manager: on entry the parent folder is locked, leftovers of
    interrupted updates are repaired (`recovered` says what was done) and an empty
    staging folder is made; on exit without `publish()`, the staging folder is
    deleted and the target is as it was."""

    def __init__(self, target: Path, option: str | None = None):
        target = Path(target)
        if target.is_symlink():
            target = target.resolve()
        self.target = target
        self.option = option
        self.recovered: list[str] = []
        self.staging = Path()
        self._lock: _ParentLock | None = None
        self._published = False

    def __enter__(self) -> FolderUpdate:
        target = self.target
        make_folder(target.parent, self.option)
        if target.exists() and not target.is_dir():
            raise ConventioError(
                f"{target} is a file, where the folder of these documents should be; "
                "move it away, then run again"
            )
        self._lock = _ParentLock(target.parent).__enter__()
        try:
            self.recovered = recover(target)
            self.staging = Path(
                tempfile.mkdtemp(prefix=f".{target.name}.{_STAGING}-", dir=target.parent)
            )
            mode = target.stat().st_mode & 0o7777 if target.is_dir() else folder_mode()
            os.chmod(self.staging, mode)  # mkdtemp makes 0700
        except BaseException:
            self._lock.__exit__()
            raise
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        try:
            ours = self.staging.name.startswith(f".{self.target.name}.")
            if not self._published and ours:
                shutil.rmtree(self.staging, ignore_errors=True)
        finally:
            if self._lock is not None:
                self._lock.__exit__()

    def keep(self, name: str) -> None:
        """Keep the file `name` of the current target in the new contents."""
        source, copy = self.target / name, self.staging / name
        try:
            os.link(source, copy, follow_symlinks=False)
        except OSError:  # no hard links here: a copy then
            shutil.copy2(source, copy, follow_symlinks=False)

    def publish(self) -> None:
        """Put the staged contents in place of the target's, in one swap."""
        target, parent = self.target, self.target.parent
        _pause("staged")
        for entry in os.scandir(self.staging):
            if entry.is_file(follow_symlinks=False):
                with open(entry.path, "rb") as handle:
                    os.fsync(handle.fileno())
        fsync_folder(self.staging)
        ready = parent / self.staging.name.replace(f".{_STAGING}-", f".{_READY}-", 1)
        os.rename(self.staging, ready)
        self.staging = ready
        fsync_folder(parent)
        _pause("ready")
        if not target.exists():
            os.rename(ready, target)
            self._published = True
            fsync_folder(parent)
            return
        if _exchange(ready, target):
            old = ready
            fsync_folder(parent)
            _pause("exchanged")
        else:
            old = parent / ready.name.replace(f".{_READY}-", f".{_OLD}-", 1)
            os.rename(target, old)
            _pause("moved-aside")
            try:
                os.rename(ready, target)
            except BaseException:
                os.rename(old, target)  # put the old set back at once
                raise
            fsync_folder(parent)
            _pause("renamed")
        self._published = True
        _move_folders_back(old, target)
        _pause("folders-moved")
        with contextlib.suppress(OSError):
            shutil.rmtree(old)
