"""What the `conventio register ...` commands do, callable from tests: each
function opens the register (`register_url`: a path or URL; None for
`CONVENTIO_REGISTER` or the default file), does one thing, and returns the
text to print. `verify_log_text` returns (ok, text): exit 1 when not ok."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from generator.errors import ConventioError
from generator.files import write_atomically
from signatures import reports
from signatures.register import Register


def _open(register_url: str | Path | None, store_dir: str | Path | None) -> Register:
    return Register(register_url, store_dir)


def _evidence(path: Path | str) -> bytes:
    try:
        return Path(path).read_bytes()
    except OSError as error:
        raise ConventioError(f"cannot read the evidence file {path}: {error.strerror}") from None


def issue(
    manifest: Path | str,
    register_url: str | Path | None = None,
    *,
    corpus: Any | None = None,
    parties_file: Path | str | None = None,
    store_dir: str | Path | None = None,
    reissue: bool = False,
    now: dt.datetime | None = None,
) -> str:
    """Record the documents of a generation manifest as issued."""
    from generator.corpus.loader import load_corpus

    parties = None
    if parties_file is not None:
        from generator.parties.check import load_parties

        parties = load_parties(parties_file)
    with _open(register_url, store_dir) as register:
        from signatures.manifest import read_manifest

        listed = len(read_manifest(manifest).entries)
        count = register.issue_from_manifest(
            manifest, corpus or load_corpus(), parties=parties, now=now, reissue=reissue
        )
        already = listed - count
        note = f" ({already} already recorded with the same content)" if already else ""
        return (
            f"{count} document(s) recorded as issued{note}\n"
            f"register: {register.shown_url}\n{register.head_text()}\n"
        )


def record_manual(
    document_id: str,
    role: str,
    evidence_path: Path | str,
    reason: str,
    register_url: str | Path | None = None,
    *,
    kind: str = "signed",
    party: str | None = None,
    store_dir: str | Path | None = None,
    now: dt.datetime | None = None,
) -> str:
    """Record a signature (or a refusal) made on paper: its evidence file and
    why it is recorded by hand. Every report marks it as a manual record."""
    data = _evidence(evidence_path)
    with _open(register_url, store_dir) as register:
        event = register.record(
            document_id,
            kind,
            role=role,
            party=party,
            evidence=data,
            reason=reason,
            manual=True,
            details={"evidence_name": Path(evidence_path).name},
            now=now,
        )
        status = register.status(document_id)
        return (
            f"recorded (manual record): {reports.event_line(event)}\n"
            f"{document_id}: {status.label}\n{reports.footer(register)}"
        )


def record_text(
    document_id: str,
    kind: str,
    register_url: str | Path | None = None,
    *,
    role: str | None = None,
    party: str | None = None,
    reason: str | None = None,
    evidence_path: Path | str | None = None,
    store_dir: str | Path | None = None,
    now: dt.datetime | None = None,
) -> str:
    """Record one event: sent, reminder, signed, declined, superseded, voided."""
    data = _evidence(evidence_path) if evidence_path is not None else None
    details = {"evidence_name": Path(evidence_path).name} if evidence_path is not None else None
    with _open(register_url, store_dir) as register:
        event = register.record(
            document_id,
            kind,
            role=role,
            party=party,
            evidence=data,
            reason=reason,
            details=details,
            now=now,
        )
        status = register.status(document_id)
        return (
            f"recorded: {reports.event_line(event)}\n"
            f"{document_id}: {status.label}\n{reports.footer(register)}"
        )


def status_text(
    target: str, register_url: str | Path | None = None, *, store_dir: str | Path | None = None
) -> str:
    """A document's status and events, or every document of a source."""
    with _open(register_url, store_dir) as register:
        return reports.status_text(register, target)


def outstanding_text(
    register_url: str | Path | None = None,
    *,
    interval_days: int = 14,
    now: dt.datetime | None = None,
    store_dir: str | Path | None = None,
) -> str:
    with _open(register_url, store_dir) as register:
        return reports.outstanding_text(register, interval_days, now)


def party_text(
    party_id: str, register_url: str | Path | None = None, *, store_dir: str | Path | None = None
) -> str:
    with _open(register_url, store_dir) as register:
        return reports.party_text(register, party_id)


def matrix_export(
    path: Path | str,
    fmt: str | None = None,
    register_url: str | Path | None = None,
    *,
    store_dir: str | Path | None = None,
    now: dt.datetime | None = None,
) -> str:
    """Write the parties × sources matrix (csv, xlsx, html; default: from the
    file's extension)."""
    from signatures.exports import FORMATS, export

    path = Path(path)
    fmt = (fmt or path.suffix.lstrip(".")).lower()
    if fmt not in FORMATS:
        raise ConventioError(
            f"cannot tell the format of {path}: give --format {', '.join(FORMATS)} "
            "or a file ending in .csv, .xlsx or .html"
        )
    with _open(register_url, store_dir) as register:
        grid = reports.matrix(register)
    write_atomically(path, export(grid, fmt, now))
    return (
        f"written: {path} ({len(grid.parties)} parties × {len(grid.sources)} sources)\n"
        f"{grid.head}\n"
    )


def verify_log_text(
    register_url: str | Path | None = None,
    *,
    anchor: str | None = None,
    files: bool = True,
    store_dir: str | Path | None = None,
) -> tuple[bool, str]:
    """Check the log's chain (and the stored files); every problem names its
    event."""
    with _open(register_url, store_dir) as register:
        result = register.verify(anchor=anchor, files=files)
        lines = [str(p) for p in result.problems[:200]]
        if len(result.problems) > 200:
            lines.append(f"... and {len(result.problems) - 200} more")
        head = "empty" if result.head is None else f"#{result.head[0]}:{result.head[1]}"
        checked = " and the files it names" if files else ""
        if result.ok:
            lines.append(f"ok: {result.count} events{checked} verified; latest {head}")
        else:
            lines.append(
                f"NOT OK: {len(result.problems)} problem(s) in {result.count} events; latest {head}"
            )
        lines.append(f"register: {register.shown_url}")
        return result.ok, "\n".join(lines) + "\n"
