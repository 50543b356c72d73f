"""Shared by the register tests (no tests here): the backends, a fresh
register per test, and manifests (real ones from `generate`, small hand-made
ones for many documents or hostile values).

PostgreSQL runs too when CONVENTIO_TEST_POSTGRES_URL is set, such as
postgresql+psycopg://conventio:conventio@127.0.0.1:55432/conventio_test; each
test starts from empty tables there."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import os
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

import pytest
import sqlalchemy as sa

from generator.corpus.loader import load_corpus
from generator.generation.batch import generate
from generator.generation.manifest import ManifestEntry, manifest_json
from generator.model.signing import copy_roles, signer_parties
from generator.parties.check import load_parties
from signatures import db

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples" / "parties.yaml"
SIXTH = "inami-network-2021/avenant-06"
PROVIDER_AMENDMENT = "network-provider-2021/avenant-2023-09"
POSTGRES_ENV = "CONVENTIO_TEST_POSTGRES_URL"
T0 = dt.datetime(2024, 3, 1, 9, 0, tzinfo=dt.UTC)

BACKENDS = ["sqlite", *(["postgresql"] if os.environ.get(POSTGRES_ENV) else [])]
#: who signs the documents fake manifests list (as the shipped corpus has it)
SIGNATORIES = {
    SIXTH: ("committee", "network", "hospital"),
    PROVIDER_AMENDMENT: ("provider", "organisation", "network", "hospital"),
}
#: what a provider is, from the example parties' ids
KIND_BY_PREFIX = {"psy-": "psychologist", "org-": "organisation"}


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


def real_manifests_fixture():
    @pytest.fixture(scope="module")
    def real_manifests(tmp_path_factory):
        """DOCX and manifest.json: the sixth amendment for net-01 and net-02,
        the provider amendment for the providers of net-03 (psychologists and
        organisations)."""
        corpus, parties = load_corpus(), load_parties(EXAMPLES)
        out = tmp_path_factory.mktemp("issued")
        sixth = generate(corpus, SIXTH, parties, out, only={"net-01", "net-02"})
        providers = generate(corpus, PROVIDER_AMENDMENT, parties, out, only={"net-03"})
        return {"sixth": sixth.out_dir, "providers": providers.out_dir, "parties": parties}

    return real_manifests


def identity_docx(document_id: str, content_hash: str, text: str) -> bytes:
    """A small DOCX (same inputs, same bytes) carrying a conventio identity in
    docProps/custom.xml, as generation writes it."""
    props = "".join(
        f'<property fmtid="{{D5CDD505-2E9C-101B-9397-08002B2CF9AE}}" pid="{pid}" '
        f"name={quoteattr(name)}><vt:lpwstr>{escape(value)}</vt:lpwstr></property>"
        for pid, (name, value) in enumerate(
            [("ConventioDocumentId", document_id), ("ConventioContentHash", content_hash)],
            start=2,
        )
    )
    custom = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/'
        'custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/'
        f'docPropsVTypes">{props}</Properties>'
    )
    body = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w='
        '"http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r>'
        f"<w:t>{escape(text)}</w:t></w:r></w:p></w:body></w:document>"
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in (("word/document.xml", body), ("docProps/custom.xml", custom)):
            archive.writestr(zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0)), data)
    return buffer.getvalue()


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
    who signs it: `signatories` (by default those of the shipped `source`), for
    a provider those of its kind (psy-...: a psychologist, org-...: an
    organisation), the hospital not known."""
    signing = signatories if signatories is not None else SIGNATORIES.get(source, ("network",))
    folder.mkdir(parents=True, exist_ok=True)
    documents = []
    for index, party in enumerate(parties):
        text = f"{source} {party} {content}"
        document_id = f"{source}#{party}#fr"
        content_hash = hashlib.sha256(text.encode() + b"text").hexdigest()
        data = identity_docx(document_id, content_hash, text)
        name = f"doc-{index:05d}.docx"
        (folder / name).write_bytes(data)
        provider = (provider_of or {}).get(party, "")
        network = party.split("@")[1] if "@" in party else party
        kind = next((k for p, k in KIND_BY_PREFIX.items() if provider.startswith(p)), None)
        roles = copy_roles(signing, kind) if provider else signing
        documents.append(
            ManifestEntry(
                document_id=document_id,
                source=source,
                party=party,
                network=network,
                provider=provider,
                provider_kind=kind or "",
                language="fr",
                date="2023-09-28",
                template="fr/amendment-inami-network.docx",
                template_sha256="0" * 64,
                corpus_sha256="1" * 64,
                content_hash=content_hash,
                roles=list(roles),
                signers=signer_parties(roles, network=network, hospital=None, provider=provider),
                files={"docx": {"path": name, "sha256": hashlib.sha256(data).hexdigest()}},
            )
        )
    path = folder / "manifest.json"
    path.write_bytes(manifest_json(documents))
    return path


def doc_id(party: str, source: str = SIXTH) -> str:
    return f"{source}#{party}#fr"


def sign(register, document_id: str, role: str, *, party: str | None = None, now=None):
    """Record a signature as `signatures import` does once it has checked a
    signed PDF (verified: not a manual record), the signed file as evidence."""
    from signatures.register import Record

    evidence = f"%PDF signed copy of {document_id} by {role}".encode()
    record = Record(document_id, "signed", role, party, evidence, now=now)
    return register.record_many([record], verified=True)[0]
