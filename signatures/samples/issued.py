"""Sample issued documents: one small DOCX per party, carrying its identity (document id,
content hash) as generation writes it, and a manifest that lists them, as
`conventio generate` writes it. What `Register.issue_from_manifest` reads, without
generating anything:

    documents = [SampleDocument(SIXTH, party) for party in ("net-01", "net-02")]
    manifest = write_sample_manifest(folder, documents)   # folder/manifest.json

The same inputs give the same bytes."""

from __future__ import annotations

import hashlib
import io
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

from generator.generation.manifest import ManifestEntry, manifest_json

__all__ = ["SampleDocument", "identity_docx", "write_sample_manifest"]

#: the template the manifest names (no such file is read)
TEMPLATE = "fr/amendment-inami-network.docx"


@dataclass(frozen=True)
class SampleDocument:
    """One document to issue: `source` for `party` ("net-01", or "psy-0001@net-03" for
    a provider of a network), with its `provider` id if any; `content` changes its text
    (and so its content hash), as a new version would."""

    source: str
    party: str
    provider: str = ""
    content: str = "v1"

    @property
    def network(self) -> str:
        return self.party.split("@")[1] if "@" in self.party else self.party

    @property
    def document_id(self) -> str:
        return f"{self.source}#{self.party}#fr"

    @property
    def text(self) -> str:
        return f"{self.source} {self.party} {self.content}"

    @property
    def content_hash(self) -> str:
        return hashlib.sha256(self.text.encode() + b"text").hexdigest()


def identity_docx(document_id: str, content_hash: str, text: str) -> bytes:
    """A small DOCX (same inputs, same bytes) carrying a conventio identity in
    docProps/custom.xml, as generation writes it, and `text` as its one paragraph."""
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


def write_sample_manifest(folder: Path, documents: Iterable[SampleDocument]) -> Path:
    """Write one DOCX per document into `folder` (made if needed), `doc-00000.docx`
    onwards, and `manifest.json` listing them; return the manifest's path."""
    folder.mkdir(parents=True, exist_ok=True)
    entries = []
    for index, document in enumerate(documents):
        data = identity_docx(document.document_id, document.content_hash, document.text)
        name = f"doc-{index:05d}.docx"
        (folder / name).write_bytes(data)
        entries.append(
            ManifestEntry(
                document_id=document.document_id,
                source=document.source,
                party=document.party,
                network=document.network,
                provider=document.provider,
                language="fr",
                date="2023-09-28",
                template=TEMPLATE,
                template_sha256="0" * 64,
                corpus_sha256="1" * 64,
                content_hash=document.content_hash,
                files={"docx": {"path": name, "sha256": hashlib.sha256(data).hexdigest()}},
            )
        )
    path = folder / "manifest.json"
    path.write_bytes(manifest_json(entries))
    return path
