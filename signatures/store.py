"""Files kept once, by content: `store/ab/cdef...` named by their SHA-256.

A file is written to a temporary name, flushed to disk and renamed, and the
folder is flushed too, so a crash leaves either the whole file or none. A file
already present is not written again (after checking that it is intact)."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from generator.errors import ConventioError
from generator.files import fsync_folder, write_atomically

_SHA = re.compile(r"^[0-9a-f]{64}$")


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _check_sha(sha: str) -> str:
    if not isinstance(sha, str) or not _SHA.match(sha):
        raise ConventioError(f"{sha!r} is not a SHA-256 (64 lowercase hexadecimal digits)")
    return sha


class FileStore:
    def __init__(self, root: Path | str):
        self.root = Path(root)

    def path(self, sha: str) -> Path:
        sha = _check_sha(sha)
        return self.root / sha[:2] / sha[2:]

    def has(self, sha: str) -> bool:
        return self.path(sha).is_file()

    def put(self, data: bytes) -> str:
        """Keep `data`; its SHA-256, by which it is found again."""
        sha = sha256(data)
        path = self.path(sha)
        if path.is_file() and sha256(path.read_bytes()) == sha:
            return sha
        new_folder = not path.parent.is_dir()
        write_atomically(path, data)
        fsync_folder(path.parent)
        if new_folder:
            fsync_folder(self.root)
        return sha

    def get(self, sha: str) -> bytes:
        """The bytes named `sha`, checked against their name."""
        path = self.path(sha)
        try:
            data = path.read_bytes()
        except FileNotFoundError:
            raise ConventioError(
                f"the file {sha} is not in the register's store {self.root} "
                f"(expected at {path}): was the store moved or another folder given?"
            ) from None
        if sha256(data) != sha:
            raise ConventioError(f"the stored file {path} is damaged: its SHA-256 is not {sha}")
        return data

    def problem(self, sha: str) -> str | None:
        """Why the file `sha` cannot be read back intact, or None."""
        try:
            self.get(sha)
        except ConventioError as exc:
            return str(exc)
        return None
