"""The manifest of a batch: what was issued to whom, who signs each copy, with
every hash needed to recognise a returned copy later. Written as JSON and CSV;
read back and merged when a later batch goes into the same folder.

Who signs is decided here, when the copy is made (the rule is
generator/model/signing.py), and written down: `roles`, the party signing in
each (`signers`) and what the provider is (`provider_kind`). The signature
register reads them from the manifest. An entry written by a conventio from
before these fields has them as None."""

from __future__ import annotations

import csv
import hashlib
import io
import json
from dataclasses import asdict, dataclass, field
from pathlib import Path

from generator.errors import ConventioError


@dataclass
class ManifestEntry:
    document_id: str
    source: str  # the corpus document (amendment, convention, circular)
    party: str
    network: str
    provider: str
    #: psychologist or organisation; "" when the copy is not a provider's
    provider_kind: str | None = field(default=None, kw_only=True)
    language: str
    #: how `language` was chosen: "party" (the party's own) or "user" (--lang);
    #: None in a manifest written before conventio recorded it
    language_chosen_by: str | None = field(default=None, kw_only=True)
    date: str
    template: str
    template_sha256: str
    corpus_sha256: str
    content_hash: str
    #: the roles that sign this copy, in the document's order (none: a circular)
    roles: list[str] | None = field(default=None, kw_only=True)
    #: for each role, the id of the party signing in it (None: not in the party file)
    signers: dict[str, str | None] | None = field(default=None, kw_only=True)
    files: dict[str, dict[str, str]] = field(default_factory=dict)


#: the fields of an entry that are text (the others: roles, signers, files)
TEXT_FIELDS = tuple(
    name for name in ManifestEntry.__dataclass_fields__ if name not in ("roles", "signers", "files")
)
#: text fields a manifest written by an older conventio does not have
LATER_TEXT_FIELDS = ("language_chosen_by",)


def corpus_sha256(root: Path) -> str:
    """One hash for the whole corpus folder (names and contents)."""
    digest = hashlib.sha256()
    for path in sorted(p for p in root.rglob("*") if p.is_file() and p.suffix in (".yaml", ".yml")):
        digest.update(path.relative_to(root).as_posix().encode() + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def manifest_json(entries: list[ManifestEntry]) -> bytes:
    data = {"documents": [asdict(e) for e in entries]}
    return (json.dumps(data, indent=2, ensure_ascii=False) + "\n").encode("utf-8")


CSV_COLUMNS = (
    "document_id",
    "source",
    "party",
    "network",
    "provider",
    "provider_kind",
    "language",
    "language_chosen_by",
    "date",
    "template",
    "template_sha256",
    "corpus_sha256",
    "content_hash",
    "roles",
    "signers",
    "docx",
    "docx_sha256",
    "pdf",
    "pdf_sha256",
)


def manifest_csv(entries: list[ManifestEntry]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for e in entries:
        docx, pdf = e.files.get("docx", {}), e.files.get("pdf", {})
        writer.writerow(
            [
                e.document_id,
                e.source,
                e.party,
                e.network,
                e.provider,
                e.provider_kind or "",
                e.language,
                e.language_chosen_by or "",
                e.date,
                e.template,
                e.template_sha256,
                e.corpus_sha256,
                e.content_hash,
                " ".join(e.roles or ()),
                " ".join(f"{role}={party}" for role, party in (e.signers or {}).items() if party),
                docx.get("path", ""),
                docx.get("sha256", ""),
                pdf.get("path", ""),
                pdf.get("sha256", ""),
            ]
        )
    return buffer.getvalue().encode("utf-8")


def read_manifest_entries(path: Path) -> list[ManifestEntry]:
    """The entries of an existing manifest.json (none if there is no such file)."""
    try:
        data = json.loads(path.read_bytes().decode("utf-8"))
        items = data["documents"]
        entries = [ManifestEntry(**item) for item in items]
        for entry in entries:
            files = entry.files
            if not isinstance(files, dict) or not all(
                isinstance(info, dict) and isinstance(info.get("path"), str)
                for info in files.values()
            ):
                raise ValueError(f"{entry.document_id}: 'files' is not a list of file names")
    except FileNotFoundError:
        return []
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise ConventioError(
            f"{path}: the manifest of the documents already in this folder cannot be read "
            f"({exc}); move the folder's contents elsewhere, then run again"
        ) from None
    return entries


def merge_entries(
    earlier: list[ManifestEntry], batch: list[ManifestEntry], *, whole_series: bool
) -> list[ManifestEntry]:
    """The manifest after a batch: the earlier entries, each document of the batch
    in place of its earlier entry, new documents at the end.

    `whole_series` (a batch without --only): the batch is every party's copy of
    its document at its date, in the batch's languages, so earlier entries of
    that series for parties the batch does not have (no longer in the party
    file) go; an earlier copy of a party in another language stays. An earlier
    entry whose file name the batch now uses goes too: two documents never
    share a file."""
    new = {entry.document_id: entry for entry in batch}
    series = {(e.source, e.language, e.date) for e in batch}
    parties = {e.party for e in batch}
    names = {info["path"].casefold() for e in batch for info in e.files.values()}
    merged: list[ManifestEntry] = []
    placed: set[str] = set()
    for entry in earlier:
        if entry.document_id in new:
            if entry.document_id not in placed:
                merged.append(new[entry.document_id])
                placed.add(entry.document_id)
        elif (
            whole_series
            and (entry.source, entry.language, entry.date) in series
            and entry.party not in parties
        ):
            continue
        elif not any(info.get("path", "").casefold() in names for info in entry.files.values()):
            merged.append(entry)
    merged += [entry for entry in batch if entry.document_id not in placed]
    return merged
