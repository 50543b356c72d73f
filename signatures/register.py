"""The register: documents issued from a manifest, and what happened to them.

    register = Register()                      # the default SQLite file, made if new
    register = Register("postgresql+psycopg://user:pw@host/db", store_dir="/shared/store")
    register = Register(path, create=False)    # must already be a register
    register = Register(path, actor="Marie Dubois")   # who records (see recorder.py)
    register.issue_from_manifest("out/inami-network-2021/avenant-06")
    register.record(doc_id, "signed", role="hospital", evidence=scan, reason="on paper")

A signature recorded with `record` is a manual record (evidence and reason
required); only `record_many(..., verified=True)`, which the import of signed
PDFs calls once it has checked them, records signatures that are not.

Files go into the store first (content-addressed, so writing one twice is
harmless); then the events of one call are appended in one transaction, so a
call is all or nothing, even when the process is killed half-way. Every event
says who recorded it."""

from __future__ import annotations

import datetime as dt
import difflib
import json
import os
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from generator.errors import ConventioError
from signatures import db, log, lookups, queries
from signatures.issuing import CheckedManifest, checked_manifest, issued_draft, same_copy
from signatures.log import Event
from signatures.lookups import Found
from signatures.recorder import database_user, recorder_name
from signatures.records import Record, check_record, draft_event, names_no_document
from signatures.status import DocumentStatus, StateLine, statuses
from signatures.store import FileStore

__all__ = ["Found", "Record", "Register"]

STORE_ENV = "CONVENTIO_REGISTER_STORE"


class Register:
    """The register at `url` (see db.py). With `create` (the default) a new
    register is made there if there is none; with `create=False` there must
    already be one, and nothing is created. `actor` is who records the events
    written through this object (default: CONVENTIO_ACTOR, else the
    operating-system user)."""

    def __init__(
        self,
        url: str | Path | None = None,
        store_dir: str | Path | None = None,
        *,
        create: bool = True,
        actor: str | None = None,
    ):
        self.url = db.resolve_url(url)
        self.engine = db.make_engine(self.url, create=create)
        try:
            db.ensure_schema(self.engine, create=create)
        except BaseException:
            self.engine.dispose()
            raise
        self._store_dir = Path(store_dir) if store_dir else None
        self._actor = actor
        self._recorder: str | None = None

    def __enter__(self) -> Register:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    def close(self) -> None:
        self.engine.dispose()

    @property
    def shown_url(self) -> str:
        return db.shown(self.engine.url)

    @property
    def recorder(self) -> str:
        """Who records the events written through this register object."""
        if self._recorder is None:
            self._recorder = recorder_name(self._actor)
        return self._recorder

    @property
    def store(self) -> FileStore:
        """The folder of files: given, else `CONVENTIO_REGISTER_STORE`, else
        `store/` beside an SQLite register."""
        folder = self._store_dir or (
            Path(os.environ[STORE_ENV]) if os.environ.get(STORE_ENV) else None
        )
        if folder is None and self.engine.dialect.name == "sqlite":
            folder = Path(self.engine.url.database or ".").expanduser().resolve().parent / "store"
        if folder is None:
            raise ConventioError(
                f"the register {self.shown_url} keeps its files in a folder: give it with "
                f"--store DIR or {STORE_ENV} (a folder every user of the register can reach)"
            )
        return FileStore(folder)

    # --- writing ------------------------------------------------------------

    def issue_from_manifest(
        self,
        manifest: Path | str | CheckedManifest,
        *,
        now: dt.datetime | None = None,
        reissue: bool = False,
        progress: Callable[[int, int], None] | None = None,
    ) -> int:
        """Record every document of a generation manifest as issued, with its
        files (kept in the store) and the roles that must sign it. Documents
        already issued with the same content are skipped; the number newly
        issued is returned. A document issued before with other content is
        refused, unless `reissue` (its signatures then start over). The roles
        and who signs in each come from the manifest, as generation decided
        them."""
        checked = manifest if isinstance(manifest, CheckedManifest) else checked_manifest(manifest)
        read = checked.read
        recorder = self.recorder
        at = log.format_time(log.utc(now))
        store = self.store
        manifest_sha = store.put(read.data)
        drafts = [issued_draft(store, read, entry, at, manifest_sha) for entry in read.entries]
        with db.writing(self.engine) as connection:
            before = queries.latest_issued(connection, [d["document_id"] for d in drafts])
            fresh, refused = [], []
            for draft in drafts:
                old = before.get(draft["document_id"])
                if old is None:
                    fresh.append(draft)
                elif same_copy(old.data, json.loads(draft["details"])):
                    continue
                elif reissue:
                    fresh.append(draft)
                else:
                    refused.append(draft["document_id"])
            if refused:
                listed = ", ".join(refused[:10]) + (" ..." if len(refused) > 10 else "")
                raise ConventioError(
                    f"{len(refused)} document(s) of {read.path} were issued before with other "
                    f"content: {listed}; nothing was recorded. To issue the new copies (their "
                    "signatures start over), issue again with reissue"
                )
            _append(connection, fresh, recorder, progress)
        return len(fresh)

    def record(
        self,
        document_id: str,
        kind: str,
        role: str | None = None,
        party: str | None = None,
        evidence: bytes | None = None,
        reason: str | None = None,
        manual: bool = False,
        details: Mapping[str, Any] | None = None,
        now: dt.datetime | None = None,
    ) -> Event:
        """Record one event (sent, signed, declined, superseded, voided,
        reminder) about an issued document. A signature or refusal recorded
        this way is a manual record: it needs `evidence` and a `reason`."""
        record = Record(document_id, kind, role, party, evidence, reason, manual, details, now)
        return self.record_many([record])[0]

    def record_many(
        self,
        records: Iterable[Record | Mapping[str, Any]],
        *,
        now: dt.datetime | None = None,
        progress: Callable[[int, int], None] | None = None,
        verified: bool = False,
    ) -> list[Event]:
        """Record several events in one transaction: all of them or none.

        `verified` is for `signatures.importing` alone: its `signed` records
        are signatures read from a returned PDF whose signatures it checked
        (kept as their evidence), and are not manual records. Without it,
        every `signed` or `declined` record is a manual record."""
        items = [r if isinstance(r, Record) else _record(r) for r in records]
        default_at = log.utc(now)
        for item in items:
            check_record(item, verified)
        recorder = self.recorder
        evidence = {id(i): self.store.put(i.evidence) for i in items if i.evidence is not None}
        with db.writing(self.engine) as connection:
            issued = queries.latest_issued(connection, {i.document_id for i in items})
            drafts = [
                draft_event(
                    item,
                    None
                    if names_no_document(item)
                    else self._issued_or_fail(connection, issued, item.document_id),
                    evidence.get(id(item)),
                    item.now or default_at,
                    verified,
                )
                for item in items
            ]
            return _append(connection, drafts, recorder, progress)

    # --- reading ------------------------------------------------------------

    def events(self, document_id: str | None = None) -> list[Event]:
        with db.reading(self.engine) as connection:
            return log.read_events(connection, None if document_id is None else [document_id])

    def events_of(self, document_ids: Iterable[str]) -> list[Event]:
        """The events of these documents, in log order (one transaction)."""
        with db.reading(self.engine) as connection:
            return log.read_events(connection, document_ids)

    def acted_by(self, party_id: str) -> list[Event]:
        """The events recorded as done by this party."""
        with db.reading(self.engine) as connection:
            return lookups.acted_by(connection, party_id)

    def signed_with(self, fingerprint: str) -> list[Event]:
        """The `signed` events recorded with the certificate of this SHA-256 fingerprint
        (`signatures import` keeps it in their details), in log order."""
        with db.reading(self.engine) as connection:
            return lookups.signed_with(connection, fingerprint)

    def issued_document(self, document_id: str) -> Event:
        """The (latest) `issued` event of a document."""
        with db.reading(self.engine) as connection:
            issued = queries.latest_issued(connection, [document_id])
            return self._issued_or_fail(connection, issued, document_id)

    def issued_documents(self) -> dict[str, Event]:
        """The latest `issued` event of every document."""
        with db.reading(self.engine) as connection:
            return queries.latest_issued(connection, None)

    def issued_file_bytes(self, document_id: str, fmt: str = "pdf") -> bytes:
        event = self.issued_document(document_id)
        files = event.data.get("files", {})
        if fmt not in files:
            have = ", ".join(sorted(files)) or "none"
            raise ConventioError(f"{document_id} was not issued as {fmt.upper()} (issued: {have})")
        return self.store.get(files[fmt]["sha256"])

    def find_by_sha(self, sha: str) -> list[Found]:
        """Every issued file, manifest or evidence with this SHA-256."""
        with db.reading(self.engine) as connection:
            return lookups.files_with_sha(connection, sha.strip().lower())

    def find_by_content_hash(self, content_hash: str) -> list[str]:
        """The documents issued with this content hash (of their text)."""
        with db.reading(self.engine) as connection:
            return lookups.documents_with_content_hash(connection, content_hash)

    def status(self, document_id: str) -> DocumentStatus:
        with db.reading(self.engine) as connection:
            issued = queries.latest_issued(connection, [document_id])
            latest = self._issued_or_fail(connection, issued, document_id)
            events = log.read_events(connection, [document_id])
        events = [e for e in events if e.seq >= latest.seq]
        return statuses(events)[document_id]

    def statuses(self) -> dict[str, DocumentStatus]:
        """The status of every document, with its dates."""
        with db.reading(self.engine) as connection:
            return queries.all_statuses(connection)

    def states(self) -> dict[str, StateLine]:
        """The state of every document without its dates (what the matrix
        shows): the same rule as `statuses`, cheaper."""
        with db.reading(self.engine) as connection:
            return queries.all_states(connection)

    def head(self) -> tuple[int, str] | None:
        """The latest event's sequence number and hash (None if empty)."""
        with db.reading(self.engine) as connection:
            return log.head(connection)

    def head_text(self) -> str:
        found = self.head()
        return (
            "log: empty"
            if found is None
            else f"log: {found[0]} events, latest #{found[0]}:{found[1]}"
        )

    def verify(self, anchor: str | None = None, files: bool = False) -> log.Verification:
        """Check the chain of the log (and, with `files`, that every file the
        events name is in the store, intact)."""
        with db.reading(self.engine) as connection:
            result = log.verify_log(connection, anchor)
            if not files:
                return result
            named = lookups.named_files(connection)
        store = self.store
        for seq, document_id, what, sha in named:
            problem = store.problem(sha)
            if problem:
                result.problems.append(log.LogProblem(seq, document_id, f"its {what}: {problem}"))
        result.problems.sort(key=lambda p: p.seq)
        return result

    # --- helpers ------------------------------------------------------------

    def _issued_or_fail(
        self, connection: sa.Connection, issued: dict[str, Event], document_id: str
    ) -> Event:
        if document_id in issued:
            return issued[document_id]
        known = connection.execute(
            sa.select(db.events.c.document_id).where(db.events.c.kind == "issued").distinct()
        ).scalars()
        close = difflib.get_close_matches(document_id, list(known), n=1)
        hint = f"; did you mean {close[0]}?" if close else ""
        raise ConventioError(f"no document {document_id!r} in the register {self.shown_url}{hint}")


def _append(
    connection: sa.Connection,
    drafts: list[dict[str, Any]],
    recorder: str,
    progress: Callable[[int, int], None] | None,
) -> list[Event]:
    """Append `drafts`, each saying who recorded it (and, on PostgreSQL, as
    which database user)."""
    user = database_user(connection)
    for draft in drafts:
        draft["recorded_by"], draft["database_user"] = recorder, user
    return log.append(connection, drafts, progress)


def _record(fields: Mapping[str, Any]) -> Record:
    try:
        return Record(**fields)
    except TypeError as error:
        raise ConventioError(f"not an event to record: {error}") from None
