"""Reading a returned signed file: only a regular file, of bounded size, in bounded memory."""

from __future__ import annotations

import os

import pytest

from signatures.returned_file import MAX_RETURNED_BYTES, Unreadable, read_returned


def test_a_regular_file_within_the_limit_is_read(tmp_path):
    path = tmp_path / "signed.pdf"
    path.write_bytes(b"%PDF-1.7\n" * 100)
    assert read_returned(path) == b"%PDF-1.7\n" * 100
    assert read_returned(str(path), limit=900) == b"%PDF-1.7\n" * 100


@pytest.mark.parametrize(
    "make, reason",
    [
        (lambda tmp: tmp / "missing.pdf", r"^there is no such file$"),
        (lambda tmp: tmp / "missing" / "x.pdf", r"^there is no such file$"),
        (lambda tmp: tmp, r"^this is a folder, not a file: give the PDF files in it"),
        (lambda tmp: "/dev/zero", r"^this is a device, not a file: give a PDF file$"),
        (lambda tmp: "/dev/null", r"^this is a device, not a file"),
    ],
    ids=["missing", "missing folder", "folder", "dev-zero", "dev-null"],
)
def test_what_is_not_a_file_is_refused_unread(tmp_path, make, reason):
    with pytest.raises(Unreadable, match=reason):
        read_returned(make(tmp_path))


def test_a_pipe_is_refused_without_waiting_for_a_writer(tmp_path):
    pipe = tmp_path / "pipe.pdf"
    os.mkfifo(pipe)
    with pytest.raises(Unreadable, match=r"^this is a pipe, not a file"):
        read_returned(pipe)


def test_a_file_over_the_limit_is_refused(tmp_path):
    path = tmp_path / "big.pdf"
    path.write_bytes(b"x" * 1001)
    with pytest.raises(Unreadable, match=r"^this file is larger than 1000 bytes, the most"):
        read_returned(path, limit=1000)
    sparse = tmp_path / "sparse.pdf"
    with sparse.open("wb") as handle:
        handle.truncate(MAX_RETURNED_BYTES + 1)
    with pytest.raises(Unreadable, match=r"^this file is larger than 50 MB, the most"):
        read_returned(sparse)
