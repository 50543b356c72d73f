"""What issuing a manifest records: per document, an `issued` event with the
roles that must sign it (from the corpus, fixed now), who signs in each role
where known, and the SHA-256 of its files (kept in the store) and manifest."""

from __future__ import annotations

from typing import Any

from signatures import log
from signatures.manifest import FIELDS, IssuedEntry, Manifest
from signatures.roles import provider_kind, required_roles, signers
from signatures.store import FileStore

#: manifest fields the issued event keeps in columns of its own, not in its details
_EVENT_COLUMNS = ("document_id", "source", "party")


def issued_draft(
    store: FileStore,
    read: Manifest,
    entry: IssuedEntry,
    corpus: Any,
    parties: Any,
    at: str,
    manifest_sha: str,
) -> dict[str, Any]:
    """The `issued` event of one manifest entry; its files put in the store."""
    kind = provider_kind(entry.provider, parties)
    roles = required_roles(corpus, entry.source, kind)
    files = {}
    for fmt in sorted(entry.files):
        name, _ = entry.files[fmt]
        sha = store.put(read.file_bytes(entry, fmt))
        files[fmt] = {"name": name, "sha256": sha}
    details = {name: getattr(entry, name) for name in FIELDS if name not in _EVENT_COLUMNS}
    details["files"] = files
    details["signers"] = signers(roles, entry.network, entry.provider, parties)
    details["manifest_sha256"] = manifest_sha
    return {
        "at": at,
        "kind": "issued",
        "document_id": entry.document_id,
        "source": entry.source,
        "party": entry.party,
        "role": None,
        "actor": None,
        "manual": False,
        "evidence_sha256": None,
        "reason": None,
        "roles": " ".join(roles),
        "details": log.canonical_details(details),
    }


def same_copy(old: dict[str, Any], new: dict[str, Any]) -> bool:
    """The same copy issued again: same text, same files."""
    return old.get("content_hash") == new.get("content_hash") and old.get("files") == new.get(
        "files"
    )
