"""Shared by the register tests (no tests here): the backends, a fresh
register per test, and manifests (real ones from `generate`, small hand-made
ones for many documents or hostile values).

PostgreSQL runs too when CONVENTIO_TEST_POSTGRES_URL is set, such as
postgresql+psycopg://conventio:conventio@127.0.0.1:55432/conventio_test; each
test starts from empty tables there. Without it, every PostgreSQL case is
reported as skipped, with the reason, never left out without a word."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest
import sqlalchemy as sa

from generator.corpus.loader import load_corpus
from generator.generation.batch import generate
from generator.parties.check import load_parties
from signatures import db
from signatures.register import Register
from signatures.samples.issued import SampleDocument, write_sample_manifest
from signatures.status import statuses as fold_statuses
from tests.support.paths import ROOT

EXAMPLES = ROOT / "examples" / "parties.yaml"
SIXTH = "inami-network-2021/avenant-06"
PROVIDER_AMENDMENT = "network-provider-2021/avenant-2023-09"
POSTGRES_ENV = "CONVENTIO_TEST_POSTGRES_URL"
T0 = dt.datetime(2024, 3, 1, 9, 0, tzinfo=dt.UTC)

#: for a test that needs PostgreSQL: skipped, saying why, when no URL is given
needs_postgres = pytest.mark.skipif(
    not os.environ.get(POSTGRES_ENV),
    reason=f"set {POSTGRES_ENV} to run the register tests on PostgreSQL; CI does",
)
#: every register test runs on each; PostgreSQL is skipped with its reason without a URL
BACKENDS = ["sqlite", pytest.param("postgresql", marks=needs_postgres)]


def day(n: float) -> dt.datetime:
    return T0 + dt.timedelta(days=n)


def fresh_url(backend: str, tmp_path: Path) -> str:
    """An empty register on `backend`."""
    if backend == "sqlite":
        return str(tmp_path / "register.sqlite")
    url = os.environ[POSTGRES_ENV]
    engine = sa.create_engine(url)
    with engine.begin() as connection:
        db.metadata.drop_all(connection)
    engine.dispose()
    return url


def register_url_fixture():
    @pytest.fixture(params=BACKENDS)
    def register_url(request, tmp_path, monkeypatch):
        # the files of a PostgreSQL register go to this test's folder
        monkeypatch.setenv("CONVENTIO_REGISTER_STORE", str(tmp_path / "store"))
        return fresh_url(request.param, tmp_path)

    return register_url


def corpus_fixture():
    @pytest.fixture(scope="module")
    def corpus():
        return load_corpus()

    return corpus


def register_fixture():
    """A register opened on `register_url`, closed after the test."""

    @pytest.fixture
    def register(register_url):
        with Register(register_url) as opened:
            yield opened

    return register


def real_manifests_fixture():
    @pytest.fixture(scope="module")
    def real_manifests(tmp_path_factory):
        """DOCX and manifest.json: the sixth amendment for net-01 and net-02,
        the provider amendment for the providers of net-03 (psychologists and
        organisations)."""
        corpus, parties = load_corpus(), load_parties(EXAMPLES)
        out = tmp_path_factory.mktemp("issued")
        sixth = generate(corpus, SIXTH, parties, out, only={"net-01", "net-02"}, lang="fr")
        providers = generate(corpus, PROVIDER_AMENDMENT, parties, out, only={"net-03"}, lang="fr")
        return {"sixth": sixth.out_dir, "providers": providers.out_dir, "parties": parties}

    return real_manifests


def fake_manifest(
    folder: Path,
    parties: list[str],
    source: str = SIXTH,
    *,
    content: str = "v1",
    provider_of: dict[str, str] | None = None,
    signatories: tuple[str, ...] | None = None,
) -> Path:
    """A manifest like `generate` writes, with one small DOCX per party that
    carries its identity (document id, content hash) as generation's do, and
    who signs it: `signatories` (by default those of the shipped `source`), for a
    provider those of its kind (signatures.samples.issued)."""
    documents = [
        SampleDocument(source, party, (provider_of or {}).get(party, ""), content, signatories)
        for party in parties
    ]
    return write_sample_manifest(folder, documents)


def doc_id(party: str, source: str = SIXTH) -> str:
    return f"{source}#{party}#fr"


def sign(register, document_id: str, role: str, *, party: str | None = None, now=None):
    """Record a signature as `signatures import` does once it has checked a
    signed PDF (verified: not a manual record), the signed file as evidence."""
    from signatures.register import Record

    evidence = f"%PDF signed copy of {document_id} by {role}".encode()
    record = Record(document_id, "signed", role, party, evidence, now=now)
    return register.record_many([record], verified=True)[0]


def issue_networks(register, corpus, tmp_path, parties=("net-01", "net-02", "net-03")):
    """The sixth amendment issued to `parties` (three networks by default) at T0."""
    register.issue_from_manifest(fake_manifest(tmp_path / "issued", list(parties)), now=T0)


def assert_three_ways_agree(register: Register) -> None:
    """The database's tallies, the pure fold of every event, and the cheap
    states of the matrix give the same answer."""
    full = register.statuses()
    assert full == fold_statuses(register.events())
    assert register.states() == {d: s.line() for d, s in full.items()}
