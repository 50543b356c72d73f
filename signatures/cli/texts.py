"""What the `conventio signatures ...` commands do, callable from tests: each
function opens the register (`register_url`: a path or URL; None for
`CONVENTIO_REGISTER` or the default file), does one thing, and returns the
text to print. `verify_log_text` returns (ok, text): exit 1 when not ok;
`outcomes_text` the same for the files `import` checked.

Only `issue` makes a register where there is none; every other function
needs an existing one (a path where there is none is an error naming it).
`actor` is who records (see recorder.py)."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from generator.errors import ConventioError
from generator.files import write_atomically
from signatures import reports
from signatures.importing import ImportOutcome
from signatures.reasons import Verdict
from signatures.register import Register


def _open(
    register_url: str | Path | None,
    store_dir: str | Path | None,
    *,
    create: bool = False,
    actor: str | None = None,
) -> Register:
    return Register(register_url, store_dir, create=create, actor=actor)


def _evidence(path: Path | str) -> bytes:
    try:
        return Path(path).read_bytes()
    except OSError as error:
        raise ConventioError(f"cannot read the evidence file {path}: {error.strerror}") from None


def issue(
    manifest: Path | str,
    register_url: str | Path | None = None,
    *,
    store_dir: str | Path | None = None,
    reissue: bool = False,
    now: dt.datetime | None = None,
    actor: str | None = None,
) -> str:
    """Record the documents of a generation manifest as issued; who signs each
    is in the manifest."""
    from signatures.issuing import checked_manifest

    # checked before the register is opened: a refused manifest makes no register
    checked = checked_manifest(manifest)
    listed = len(checked.read.entries)
    with _open(register_url, store_dir, create=True, actor=actor) as register:
        count = register.issue_from_manifest(checked, now=now, reissue=reissue)
        already = listed - count
        note = f" ({already} already recorded with the same content)" if already else ""
        return (
            f"{count} document(s) recorded as issued{note}\n"
            f"register: {register.shown_url}\n{register.head_text()}\n"
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
    manual: bool = False,
    store_dir: str | Path | None = None,
    now: dt.datetime | None = None,
    actor: str | None = None,
) -> str:
    """Record one event: sent, reminder, signed, declined, superseded, voided.
    A signature or refusal is always a manual record (evidence and reason
    required), whether or not `manual` is said."""
    data = _evidence(evidence_path) if evidence_path is not None else None
    details = {"evidence_name": Path(evidence_path).name} if evidence_path is not None else None
    with _open(register_url, store_dir, actor=actor) as register:
        event = register.record(
            document_id,
            kind,
            role=role,
            party=party,
            evidence=data,
            reason=reason,
            manual=manual,
            details=details,
            now=now,
        )
        status = register.status(document_id)
        what = "recorded (manual record)" if event.manual else "recorded"
        return (
            f"{what}: {reports.event_line(event)}\n"
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
    event, and every hash is printed in full. With an anchor, say whether it
    holds."""
    with _open(register_url, store_dir) as register:
        result = register.verify(anchor=anchor, files=files)
        lines = [str(p) for p in result.problems[:200]]
        if len(result.problems) > 200:
            lines.append(f"... and {len(result.problems) - 200} more")
        if result.anchor is not None and result.anchor_holds:
            seq, digest = result.anchor
            lines.append(
                f"anchor #{seq}:{digest} holds: the log still has event #{seq} as it was "
                "when the anchor was noted"
            )
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


def import_text(
    files: Iterable[Path | str],
    trust_folder: Path,
    register_url: str | Path | None = None,
    *,
    parties_file: Path | str | None = None,
    store_dir: str | Path | None = None,
    actor: str | None = None,
) -> tuple[bool, str]:
    """Check and record returned signed PDFs (`signatures.importing`); with
    `parties_file`, a party's signing_certificates are required of its signer.
    Returns whether every file was accepted, and what to print."""
    from signatures.importing import import_returned

    parties = None
    if parties_file is not None:
        from generator.parties.check import load_parties

        parties = load_parties(parties_file)
    with _open(register_url, store_dir, actor=actor) as register:
        outcomes = import_returned(register, files, trust_folder, parties=parties)
        return outcomes_text(outcomes, register)


def outcomes_text(outcomes: list[ImportOutcome], register: Register) -> tuple[bool, str]:
    """What to print: each file's verdict, a summary; and whether all were accepted."""
    lines = []
    for o in outcomes:
        head = f"{o.path}: {o.verdict}"
        if o.document_id:
            head += f" ({o.document_id})"
        lines.append(f"{head}: {o.reason}")
        if o.recorded:
            lines.append(f"  recorded signatures: {', '.join(o.recorded)}")
        if o.already_signed:
            lines.append(f"  already signed before: {', '.join(o.already_signed)}")
        if o.verdict != Verdict.ACCEPTED:
            if o.sha256:
                lines.append(f"  kept for review in the store as {o.sha256}")
            else:
                lines.append("  nothing was read, so nothing was kept")
            if o.sha256 and not o.logged:
                lines.append("  not in the log: the receipt could not be recorded")
            elif o.logged and o.unattached:
                lines.append("  logged as a receipt that names no document issued here")
    counts = Counter(o.verdict for o in outcomes)
    lines.append(
        f"{len(outcomes)} file(s): {counts[Verdict.ACCEPTED]} accepted, "
        f"{counts[Verdict.REVIEW]} for review, {counts[Verdict.REJECTED]} rejected"
    )
    lines.append(register.head_text())
    return counts[Verdict.ACCEPTED] == len(outcomes), "\n".join(lines) + "\n"
