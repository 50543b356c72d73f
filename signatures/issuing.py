"""What issuing a manifest records: per document, an `issued` event with the
roles that must sign it and who signs in each role where known (as generation
decided them and wrote them into the manifest: the register never decides
again), and the SHA-256 of its files (kept in the store) and manifest.

Before anything is recorded, every entry is checked (`check_entries`): its
party, network and provider are party ids (the rule of
`generator.parties.model`), its party and document id are the ones
generation gives that network, provider, source and language, its roles and
signers are those of that party (`signing_problems`), and each of its files
carries that document id and content hash. One bad entry and nothing is
recorded; the message names every bad entry. A manifest written before
manifests named the signing roles is refused (signatures/manifest.py)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from generator.errors import ConventioError
from generator.model.documents import PROVIDER_KINDS, ROLES
from generator.model.signing import copy_roles
from signatures import log
from signatures.identity import file_identity
from signatures.manifest import FIELDS, IssuedEntry, Manifest, read_manifest
from signatures.store import FileStore

#: manifest fields the issued event keeps in columns of its own, not in its details
_EVENT_COLUMNS = ("document_id", "source", "party")
#: how many bad entries a refusal lists
_LISTED = 20


def issued_draft(
    store: FileStore, read: Manifest, entry: IssuedEntry, at: str, manifest_sha: str
) -> dict[str, Any]:
    """The `issued` event of one manifest entry; its files put in the store."""
    files = {}
    for fmt in sorted(entry.files):
        name, _ = entry.files[fmt]
        sha = store.put(read.file_bytes(entry, fmt))
        files[fmt] = {"name": name, "sha256": sha}
    details = {name: getattr(entry, name) for name in FIELDS if name not in _EVENT_COLUMNS}
    details["files"] = files
    details["signers"] = dict(entry.signers)
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
        "roles": " ".join(entry.roles),
        "details": log.canonical_details(details),
    }


def same_copy(old: dict[str, Any], new: dict[str, Any]) -> bool:
    """The same copy issued again: same text, same files."""
    return old.get("content_hash") == new.get("content_hash") and old.get("files") == new.get(
        "files"
    )


# --- checking a manifest's entries -----------------------------------------


def check_entries(read: Manifest) -> None:
    """Refuse the manifest, naming every bad entry, if any entry's ids are
    not party ids or disagree with each other, or any file's identity
    disagrees with its entry."""
    bad: list[str] = []
    for number, entry in enumerate(read.entries, start=1):
        problems = entry_problems(read, entry)
        if problems:
            where = f"document {number} ({_shown(entry.document_id)})"
            bad.extend(f"{where}: {problem}" for problem in problems)
    if not bad:
        return
    listed = bad[:_LISTED] + ([f"... and {len(bad) - _LISTED} more"] if len(bad) > _LISTED else [])
    raise ConventioError(
        f"{read.path}: {len(bad)} problem(s); nothing was recorded. Issue the manifest and "
        "files exactly as `conventio generate` wrote them:\n  " + "\n  ".join(listed)
    )


def entry_problems(read: Manifest, entry: IssuedEntry) -> list[str]:
    """What is wrong with one entry (empty if nothing)."""
    problems = [
        problem
        for name in ("party", "network", "provider")
        if (problem := _id_problem(name, getattr(entry, name)))
    ]
    if problems:
        return problems
    expected_party = f"{entry.provider}@{entry.network}" if entry.provider else entry.network
    if entry.party != expected_party:
        problems.append(
            f"its party is {_shown(entry.party)}, but its network and provider make it "
            f"{_shown(expected_party)}"
        )
    # the document id as generator.generation.units.document_id makes it
    tail = f"#{entry.party}#{entry.language}"
    if entry.document_id not in (
        f"{entry.source}{tail}",
        f"{entry.source}@{entry.date}{tail}",
    ):
        problems.append(
            "its document id is not the one generation gives this source, party and "
            f"language ({_shown(entry.source + tail)})"
        )
    problems.extend(signing_problems(entry))
    problems.extend(_file_problems(read, entry))
    return problems


def signing_problems(entry: IssuedEntry) -> list[str]:
    """What is wrong with who signs the copy: a provider kind that does not fit
    its provider, roles that are not roles, the role of the other kind of
    provider, or a signer that is not this copy's network or provider."""
    kind, roles = entry.provider_kind, entry.roles
    if kind not in ("", *PROVIDER_KINDS) or (kind == "") != (entry.provider == ""):
        return [
            f"its provider kind {_shown(kind)} does not fit its provider {_shown(entry.provider)}"
        ]
    if any(role not in ROLES for role in roles) or len(set(roles)) != len(roles):
        listed = _shown(" ".join(roles))
        return [f"its roles {listed} are not different roles among {', '.join(ROLES)}"]
    problems = []
    foreign = [role for role in roles if role not in copy_roles(roles, kind or None)]
    if foreign:
        problems.append(f"its provider is a {kind}, who does not sign as {' or '.join(foreign)}")
    if set(entry.signers) != set(roles):
        problems.append("it does not name one signer (or none) per role")
    own = {"network": entry.network, "provider": entry.provider, "organisation": entry.provider}
    for role, party in entry.signers.items():
        if party is None:
            continue
        if role in own and party != own[role]:
            problems.append(
                f"its {role} signer {_shown(party)} is not its {role} {_shown(own[role])}"
            )
        elif (why := _one_id_problem(party)) is not None:
            problems.append(f"its {role} signer {_shown(party)} is not a party id: {why}")
    return problems


def _file_problems(read: Manifest, entry: IssuedEntry) -> list[str]:
    """Each file of the entry carries its document id and content hash."""
    problems: list[str] = []
    for fmt in sorted(entry.files):
        name, _ = entry.files[fmt]
        data = read.file_bytes(entry, fmt)  # a file missing or changed: said at once
        try:
            identity = file_identity(fmt, data)
        except ConventioError as error:
            problems.append(f"its {fmt.upper()} file {name}: {error}")
            continue
        if identity is None:
            problems.append(
                f"its {fmt.upper()} file {name} carries no conventio identity: it was not "
                "made by `conventio generate`"
            )
            continue
        document_id, content_hash = identity
        if document_id != entry.document_id:
            problems.append(
                f"its {fmt.upper()} file {name} is the copy of document "
                f"{_shown(document_id)}, not of this one"
            )
        elif content_hash != entry.content_hash:
            problems.append(
                f"its {fmt.upper()} file {name} carries the content hash {_shown(content_hash)}, "
                f"the manifest {_shown(entry.content_hash)}: file and manifest are not "
                "of the same generation"
            )
    return problems


@cache
def _party_id_adapter():
    from pydantic import TypeAdapter

    from generator.parties.model import PartyId

    return TypeAdapter(PartyId)


def _one_id_problem(value: str) -> str | None:
    from pydantic import ValidationError

    try:
        checked = _party_id_adapter().validate_python(value)
    except ValidationError as error:
        return str(error.errors()[0]["msg"]).removeprefix("Value error, ")
    if checked != value:
        return "an id has no spaces around it"
    return None


def _id_problem(name: str, value: str) -> str | None:
    """Why `value` is not a valid `name` (party, network, provider) id."""
    if name == "provider" and value == "":
        return None
    parts = value.split("@") if name == "party" and value.count("@") == 1 else [value]
    for part in parts:
        why = _one_id_problem(part)
        if why is not None:
            return f"its {name} {_shown(value)} is not a party id: {why}"
    return None


def _shown(value: str) -> str:
    """A value from the manifest, for a message: quoted, on one line, and
    without a national register number."""
    from generator.privacy import mask_national_numbers

    return repr(mask_national_numbers(value))


@dataclass(frozen=True)
class CheckedManifest:
    """A manifest whose entries passed `check_entries`: what issuing records,
    known before the register is opened, so that a refused manifest leaves no
    register behind."""

    read: Manifest

    @property
    def roles(self) -> tuple[tuple[str, ...], ...]:
        """The roles that sign each document, in the manifest's order."""
        return tuple(entry.roles for entry in self.read.entries)


def checked_manifest(manifest: Path | str) -> CheckedManifest:
    """Read `manifest` and check every entry against its files, the party-id rule
    and the rule of who signs. Raises ConventioError naming each bad entry."""
    read = read_manifest(manifest)
    check_entries(read)
    return CheckedManifest(read)
