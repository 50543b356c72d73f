"""Reading a generation manifest (manifest.json) back, refusing anything that
is not one, and the issued files it lists, checked against their hashes."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator.errors import ConventioError, one_line
from generator.generation.manifest import LATER_TEXT_FIELDS, TEXT_FIELDS
from signatures.store import sha256

#: the text fields of a manifest entry, as generation writes them
FIELDS = TEXT_FIELDS
FORMATS = ("docx", "pdf")
MAX_ID = 200


@dataclass(frozen=True)
class IssuedEntry:
    values: dict[str, str]
    #: format -> (file name in the manifest's folder, sha256)
    files: dict[str, tuple[str, str]]
    #: the roles that sign the copy, and the party signing in each, as generation decided
    roles: tuple[str, ...] = ()
    signers: dict[str, str | None] = field(default_factory=dict)

    def __getattr__(self, name: str) -> str:
        try:
            return self.values[name]
        except KeyError:
            raise AttributeError(name) from None


@dataclass(frozen=True)
class Manifest:
    path: Path
    data: bytes
    entries: list[IssuedEntry]

    @property
    def folder(self) -> Path:
        return self.path.parent

    def file_bytes(self, entry: IssuedEntry, fmt: str) -> bytes:
        """An issued file, checked against the hash the manifest gives."""
        name, expected = entry.files[fmt]
        path = self.folder / name
        try:
            data = path.read_bytes()
        except FileNotFoundError:
            raise ConventioError(
                f"{self.path}: {entry.document_id}: the {fmt.upper()} file {name} is not "
                f"in {self.folder}"
            ) from None
        if sha256(data) != expected:
            raise ConventioError(
                f"{self.path}: {entry.document_id}: {path} is not the file that was issued "
                "(its SHA-256 differs from the manifest's): it was changed after generation"
            )
        return data


def _is_sha(value: Any) -> bool:
    return isinstance(value, str) and len(value) == 64 and all(c in HEX for c in value)


HEX = frozenset("0123456789abcdef")


def _not_a_manifest(path: Path, why: str) -> ConventioError:
    return ConventioError(
        f"{path} is not a conventio manifest ({why}); give the manifest.json that "
        "`conventio generate` wrote, or its folder"
    )


def read_manifest(path: Path | str) -> Manifest:
    path = Path(path)
    if path.is_dir():
        path = path / "manifest.json"
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise ConventioError(f"no manifest at {path}") from None
    except OSError as error:
        raise ConventioError(f"cannot read the manifest {path}: {error.strerror}") from None
    try:
        parsed = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise _not_a_manifest(path, f"not JSON: {error}") from None
    if not isinstance(parsed, dict) or not isinstance(parsed.get("documents"), list):
        raise _not_a_manifest(path, "no list of 'documents'")
    if not parsed["documents"]:
        raise _not_a_manifest(path, "it lists no document")
    entries = [_entry(path, n, item) for n, item in enumerate(parsed["documents"], start=1)]
    seen: set[str] = set()
    for entry in entries:
        if entry.document_id in seen:
            raise _not_a_manifest(path, f"document {entry.document_id} is listed twice")
        seen.add(entry.document_id)
    return Manifest(path, data, entries)


def _written_before_roles(path: Path, where: str) -> ConventioError:
    return ConventioError(
        f"{path}: {where} does not say who signs it: this manifest was written by an older "
        "conventio, before manifests named the signing roles; nothing was recorded. Generate "
        "the documents again with `conventio generate` (the same corpus and templates give "
        "the same copies) and issue the new manifest"
    )


#: what an entry says about who signs (written by conventio since roles are in manifests)
SIGNING_FIELDS = ("provider_kind", "roles", "signers")


def _signing(path: Path, where: str, item: dict) -> tuple[str, tuple[str, ...], dict]:
    """The provider kind, roles and signers of an entry, as written (generation
    decided them)."""
    if any(item.get(name) is None for name in SIGNING_FIELDS):
        raise _written_before_roles(path, where)
    kind, roles, signers = (item[name] for name in SIGNING_FIELDS)
    if not isinstance(kind, str):
        raise _not_a_manifest(path, f"{where} has no text field 'provider_kind'")
    if not isinstance(roles, list) or not all(isinstance(r, str) for r in roles):
        raise _not_a_manifest(path, f"{where}: 'roles' is not a list of roles")
    if not isinstance(signers, dict) or not all(
        isinstance(v, str | None) for v in signers.values()
    ):
        raise _not_a_manifest(path, f"{where}: 'signers' does not map roles to party ids")
    return kind, tuple(roles), dict(signers)


def _entry(path: Path, number: int, item: Any) -> IssuedEntry:
    where = f"document {number}"
    if not isinstance(item, dict):
        raise _not_a_manifest(path, f"{where} is not an object")
    values: dict[str, str] = {}
    for name in FIELDS:
        if name in SIGNING_FIELDS:
            continue
        value = item.get(name)
        if value is None and name in LATER_TEXT_FIELDS:
            value = ""  # written by an older conventio, or by hand without it
        if not isinstance(value, str):
            raise _not_a_manifest(path, f"{where} has no text field {name!r}")
        values[name] = value
    values["provider_kind"], roles, signers = _signing(path, where, item)
    for name in ("document_id", "source", "party", "network", "provider"):
        value = values[name]
        if len(value) > MAX_ID or one_line(value) != value:
            raise _not_a_manifest(path, f"{where}: {name} is not a plain id")
        if not value and name in ("document_id", "source", "party"):
            raise _not_a_manifest(path, f"{where}: {name} is empty")
    files = item.get("files")
    if not isinstance(files, dict) or not files:
        raise _not_a_manifest(path, f"{values['document_id']}: no 'files'")
    listed: dict[str, tuple[str, str]] = {}
    for fmt, info in files.items():
        name = info.get("path") if isinstance(info, dict) else None
        sha = info.get("sha256") if isinstance(info, dict) else None
        if fmt not in FORMATS or not isinstance(name, str) or not _is_sha(sha):
            raise _not_a_manifest(path, f"{values['document_id']}: files.{fmt} is not a file")
        if Path(name).name != name or name in ("", ".", ".."):
            raise _not_a_manifest(
                path, f"{values['document_id']}: {name!r} is not a file name in its folder"
            )
        listed[fmt] = (name, sha)
    return IssuedEntry(values, listed, roles, signers)
