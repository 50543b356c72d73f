"""Sample issued documents: one small DOCX per party, carrying its identity (document id,
content hash) as generation writes it, and a manifest that lists them, as
`conventio generate` writes it. What `Register.issue_from_manifest` reads, without
generating anything:

    documents = [SampleDocument(SIXTH, party) for party in ("net-01", "net-02")]
    manifest = write_sample_manifest(folder, documents)   # folder/manifest.json

Each entry says who signs it, as generation writes it: the roles of `signatories`
(by default those of the shipped source), for a provider those of its kind (the
example parties' convention: psy-... a psychologist, org-... an organisation), the
hospital not known.

The same inputs give the same bytes."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape

from generator.generation.manifest import ManifestEntry, manifest_json
from generator.model.signing import copy_roles, signer_parties
from generator.ooxml import custom_properties
from generator.ooxml.zipwriter import compress, write_zip

__all__ = ["SampleDocument", "identity_docx", "write_sample_manifest"]

#: the template the manifest names (no such file is read)
TEMPLATE = "fr/amendment-inami-network.docx"
#: who signs the shipped amendments (a sample names no corpus)
SIGNATORIES = {
    "inami-network-2021/avenant-06": ("committee", "network", "hospital"),
    "network-provider-2021/avenant-2023-09": ("provider", "organisation", "network", "hospital"),
}
#: what a provider is, from the example parties' ids
KIND_BY_PREFIX = {"psy-": "psychologist", "org-": "organisation"}


@dataclass(frozen=True)
class SampleDocument:
    """One document to issue: `source` for `party` ("net-01", or "psy-0001@net-03" for
    a provider of a network), with its `provider` id if any; `content` changes its text
    (and so its content hash), as a new version would."""

    source: str
    party: str
    provider: str = ""
    content: str = "v1"
    #: the roles that sign the source; None: those of the shipped source
    signatories: tuple[str, ...] | None = None

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

    @property
    def provider_kind(self) -> str:
        return next((k for p, k in KIND_BY_PREFIX.items() if self.provider.startswith(p)), "")

    @property
    def roles(self) -> tuple[str, ...]:
        signing = self.signatories
        if signing is None:
            signing = SIGNATORIES.get(self.source, ("network",))
        return copy_roles(signing, self.provider_kind or None) if self.provider else signing


def identity_docx(document_id: str, content_hash: str, text: str) -> bytes:
    """A small DOCX (same inputs, same bytes) carrying a conventio identity in
    docProps/custom.xml, as generation writes it, and `text` as its one paragraph."""
    custom = custom_properties.custom_properties_xml(
        [
            (custom_properties.DOCUMENT_ID, document_id),
            (custom_properties.CONTENT_HASH, content_hash),
        ]
    )
    body = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w='
        '"http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r>'
        f"<w:t>{escape(text)}</w:t></w:r></w:p></w:body></w:document>"
    )
    parts = (("word/document.xml", body.encode("utf-8")), (custom_properties.PART, custom))
    return write_zip([compress(name, data) for name, data in parts])


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
                provider_kind=document.provider_kind,
                language="fr",
                date="2023-09-28",
                template=TEMPLATE,
                template_sha256="0" * 64,
                corpus_sha256="1" * 64,
                content_hash=document.content_hash,
                roles=list(document.roles),
                signers=signer_parties(
                    document.roles,
                    network=document.network,
                    hospital=None,
                    provider=document.provider,
                ),
                files={"docx": {"path": name, "sha256": hashlib.sha256(data).hexdigest()}},
            )
        )
    path = folder / "manifest.json"
    path.write_bytes(manifest_json(entries))
    return path
