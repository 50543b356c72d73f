"""Where the signature register is and where it keeps its files: the store of files
by hash, the register's location and its errors in plain words, tables created once.
SQLite always, PostgreSQL when CONVENTIO_TEST_POSTGRES_URL is set."""

from __future__ import annotations

import os
import shutil

import pytest

from generator.errors import ConventioError
from signatures import db
from signatures.register import Register
from signatures.store import FileStore, sha256
from tests.support.register import (
    POSTGRES_ENV,
    corpus_fixture,
    issue_networks,
    needs_postgres,
    register_fixture,
    register_url_fixture,
)

register_url = register_url_fixture()
corpus = corpus_fixture()
register = register_fixture()


def test_store_keeps_each_file_once_by_its_hash(tmp_path):
    store = FileStore(tmp_path / "store")
    sha = store.put(b"signed copy")
    assert sha == sha256(b"signed copy")
    assert store.path(sha) == tmp_path / "store" / sha[:2] / sha[2:]
    assert store.put(b"signed copy") == sha
    assert store.get(sha) == b"signed copy"
    assert [p.name for p in (tmp_path / "store").rglob("*") if p.is_file()] == [sha[2:]]
    # a damaged file is said to be damaged, and a new put repairs it
    store.path(sha).write_bytes(b"tampered")
    with pytest.raises(ConventioError, match="damaged"):
        store.get(sha)
    store.put(b"signed copy")
    assert store.get(sha) == b"signed copy"
    with pytest.raises(ConventioError, match="not in the register's store"):
        store.get("a" * 64)
    with pytest.raises(ConventioError, match="not a SHA-256"):
        store.path("../../etc/passwd")


def test_store_moved_is_reported(register, corpus, tmp_path):
    issue_networks(register, corpus, tmp_path)
    shutil.rmtree(register.store.root)
    result = register.verify(files=True)
    assert not result.ok
    assert all("not in the register's store" in p.message for p in result.problems)
    assert [p.seq for p in result.problems] == [1, 2, 3]
    assert register.verify(files=False).ok


def test_register_location(tmp_path, monkeypatch):
    monkeypatch.delenv("CONVENTIO_REGISTER", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    assert (
        db.resolve_url(None) == f"sqlite:///{tmp_path / 'data' / 'conventio' / 'register.sqlite'}"
    )
    monkeypatch.delenv("XDG_DATA_HOME")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert db.resolve_url(None).endswith("/home/.local/share/conventio/register.sqlite")
    monkeypatch.setenv("CONVENTIO_REGISTER", str(tmp_path / "env.sqlite"))
    assert db.resolve_url(None) == f"sqlite:///{tmp_path / 'env.sqlite'}"
    assert db.resolve_url(tmp_path / "given.sqlite") == f"sqlite:///{tmp_path / 'given.sqlite'}"
    url = "postgresql+psycopg://u:p@h/d"
    assert db.resolve_url(url) == url
    # created on first use, with its store beside it
    monkeypatch.delenv("CONVENTIO_REGISTER_STORE", raising=False)
    with Register(tmp_path / "deep" / "reg.sqlite") as register:
        assert (tmp_path / "deep" / "reg.sqlite").is_file()
        assert register.store.root == tmp_path / "deep" / "store"
        assert register.head() is None


def test_bad_registers_are_named_plainly(tmp_path, monkeypatch):
    monkeypatch.delenv("CONVENTIO_REGISTER_STORE", raising=False)
    with pytest.raises(ConventioError, match="'mysql' database; use an SQLite file or PostgreSQL"):
        Register("mysql://user@host/db")
    with pytest.raises(ConventioError, match="neither a file path nor a database URL"):
        Register("::not a url::/x://")
    with pytest.raises(ConventioError, match="in-memory register would lose everything"):
        Register("sqlite://")
    with pytest.raises(ConventioError, match="cannot use the register") as caught:
        Register("postgresql+psycopg://someone:s3cret@127.0.0.1:1/nothing")
    assert "s3cret" not in str(caught.value)
    assert "127.0.0.1" in str(caught.value)
    # a folder that cannot be made
    blocked = tmp_path / "file"
    blocked.write_text("x")
    with pytest.raises(ConventioError, match="cannot create the register's folder"):
        Register(blocked / "reg.sqlite")


@needs_postgres
def test_a_postgres_register_without_a_store_folder_is_named_plainly(monkeypatch):
    monkeypatch.delenv("CONVENTIO_REGISTER_STORE", raising=False)
    url = os.environ[POSTGRES_ENV]
    with Register(url) as register, pytest.raises(ConventioError, match="--store DIR"):
        register.store  # noqa: B018


def test_tables_are_created_once_and_shared(register_url):
    with Register(register_url) as first, Register(register_url) as second:
        assert first.head() is None and second.head() is None
