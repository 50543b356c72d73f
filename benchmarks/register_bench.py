"""How fast the signature register answers, on 100,000 events.

Run from the repository root:

    python -m benchmarks.register_bench               # 10,000 documents, ~100,000 events
    python -m benchmarks.register_bench --documents 2000 --repeats 7

In a fresh SQLite register in a temporary folder:

a) issue 10,000 documents from one manifest (each file put in the store with
   fsync, then one transaction of 10,000 `issued` events);
b) append about 90,000 more events (sent, signatures by role, reminders, a few
   declined, superseded, voided, manual records) with `record_many`, 1,000
   events per transaction; and 200 single-event `record` calls (one
   transaction each: the latency a user sees);
c) the status matrix, parties × sources (`reports.matrix`: the state of every
   document from its events, read along a covering index, no dates): target
   < 200 ms (PASS/FAIL); and every status with its dates (`statuses`, what
   the outstanding and party reports use), for information;
d) the naive way: one query per document for its events, folded in Python
   into the matrix; and every event read once and folded in Python. They must
   give exactly the matrix and statuses of c); the ratio naive / matrix is
   printed;
e) `verify_log` over the whole chain (information).

Times are the best of --repeats runs (time.perf_counter), except a), b) and
the naive per-document way, run once. The exit code is non-zero only when a
correctness check fails (statuses differ, chain not valid)."""

from __future__ import annotations

import argparse
import datetime as dt
import platform
import random
import sys
import tempfile
import time
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import sqlalchemy

from signatures import db, log, reports
from signatures.register import Record, Register
from signatures.samples.issued import SampleDocument, write_sample_manifest
from signatures.status import statuses as fold

MATRIX_TARGET_S = 0.200
T0 = dt.datetime(2024, 1, 8, 8, 0, tzinfo=dt.UTC)
#: (source, whose documents): network documents and provider documents
SOURCES = (
    ("inami-network-2021/avenant-06", "network"),
    ("inami-network-2021", "network"),
    ("circulars/psy-ort-2023-006", "network"),
    ("network-provider-2021/avenant-2023-09", "provider"),
    ("network-provider-2021", "provider"),
)


def documents_for(count: int) -> list[SampleDocument]:
    """`count` documents to issue: the 32 networks with the three network sources,
    then providers (psy-, org-) each with one network and the two provider sources."""
    documents = []
    networks = [f"net-{n:02d}" for n in range(1, 33)]
    for source, scope in SOURCES:
        if scope == "network":
            documents += [SampleDocument(source, n) for n in networks]
    n = 0
    while len(documents) < count:
        kind = "org" if n % 10 == 9 else "psy"
        provider, network = f"{kind}-{n:05d}", networks[n % 32]
        for source, scope in SOURCES:
            if scope == "provider" and len(documents) < count:
                documents.append(SampleDocument(source, f"{provider}@{network}", provider))
        n += 1
    return documents


def events_for(issued: dict, rng: random.Random) -> list[Record]:
    """About 9 events per document, in time order per document. A signature
    is a verified one (as the import records it, the signed file as evidence)
    or, 3% of them, a manual record."""
    records: list[Record] = []
    for doc, event in issued.items():
        clock = [T0 + dt.timedelta(hours=rng.randrange(1, 48))]
        plan: list[tuple[str, str | None, dict]] = [("sent", None, {})]
        plan += [("reminder", None, {})] * rng.randrange(5, 10)
        roles = list(event.required_roles)
        rng.shuffle(roles)
        for role in roles[: rng.randrange(0, len(roles) + 1)]:
            manual = rng.random() < 0.03
            extra = {"evidence": b"scan " + doc.encode(), "reason": "paper", "manual": True}
            plan.append(("signed", role, extra if manual else {"evidence": b"signed pdf"}))
        ending = rng.random()
        if ending < 0.02 and roles:
            plan.append(("declined", roles[0], {"evidence": b"letter", "reason": "refused"}))
        elif ending < 0.04:
            plan.append(("superseded", None, {"reason": "replaced"}))
        elif ending < 0.05:
            plan.append(("voided", None, {"reason": "wrong party"}))
        for kind, role, extra in plan:
            clock[0] += dt.timedelta(hours=rng.randrange(1, 200))
            records.append(Record(doc, kind, role=role, now=clock[0], **extra))
    return records


def naive_statuses(register: Register, ids: list[str]) -> dict:
    """One query per document, folded in Python."""
    found = {}
    e = db.events
    columns = [e.c[name] for name in log.COLUMNS]
    with register.engine.connect() as connection:
        for doc in ids:
            rows = connection.execute(
                sqlalchemy.select(*columns).where(e.c.document_id == doc).order_by(e.c.seq)
            )
            found.update(fold(log.Event.from_row(r) for r in rows))
    return found


def naive_matrix(register: Register, ids: list[str]) -> reports.Matrix:
    return reports.matrix_of(s.line() for s in naive_statuses(register, ids).values())


def cells(grid: reports.Matrix) -> dict:
    return {(p, s): grid.label(p, s) for p in grid.parties for s in grid.sources}


def all_events_folded(register: Register) -> dict:
    return fold(register.events())


def best(fn, repeats: int) -> tuple[float, object]:
    times, result = [], None
    for _ in range(repeats):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    return min(times), result


def once(fn) -> tuple[float, object]:
    start = time.perf_counter()
    result = fn()
    return time.perf_counter() - start, result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=10_000)
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--seed", type=int, default=4)
    parser.add_argument("--keep", type=Path, default=None, help="the register file to write")
    args = parser.parse_args(argv)
    rng = random.Random(args.seed)
    print(f"platform: {platform.platform()}; Python {platform.python_version()}; ", end="")
    print(f"SQLAlchemy {sqlalchemy.__version__}; SQLite {_sqlite()}")
    with tempfile.TemporaryDirectory(prefix="register-bench-") as tmp:
        folder = Path(tmp) / "issued"
        folder.mkdir()
        manifest = write_sample_manifest(folder, documents_for(args.documents))
        with Register(args.keep or Path(tmp) / "register.sqlite") as register:
            took, count = once(lambda: register.issue_from_manifest(manifest, now=T0))
            line("a) issue from one manifest", f"{count:,} documents", took, count)
            records = events_for(register.issued_documents(), rng)
            batches = [records[i : i + 1000] for i in range(0, len(records), 1000)]
            took, _ = once(lambda: [register.record_many(b, verified=True) for b in batches])
            line("b) append, 1,000 per transaction", f"{len(records):,} events", took, len(records))
            ids = sorted(register.issued_documents())
            sample = [rng.choice(ids) for _ in range(200)]
            took, _ = once(lambda: [register.record(d, "reminder") for d in sample])
            line("b) append, one per transaction", "200 events", took, 200)
            total = register.head()[0]
            print(f"   register: {total:,} events, {len(ids):,} documents")

            took, grid = best(lambda: reports.matrix(register), args.repeats)
            verdict = "PASS" if took < MATRIX_TARGET_S else "FAIL"
            size = f"{len(grid.parties):,} parties × {len(grid.sources)} sources"
            line("c) status matrix", size, took, None, f"target < 200 ms: {verdict}")
            full_took, full = best(register.statuses, args.repeats)
            line("c) every status with its dates", f"{len(full):,} documents", full_took)

            naive_took, naive = once(lambda: naive_matrix(register, ids))
            line("d) naive: one query per document", f"{len(ids):,} queries", naive_took)
            fold_took, folded = best(lambda: all_events_folded(register), min(args.repeats, 3))
            line("d) all events read, folded in Python", f"{total:,} events", fold_took)
            ok = cells(naive) == cells(grid) and folded == full
            ok = ok and register.states() == {d: s.line() for d, s in full.items()}
            print(f"   same matrix and statuses every way: {'yes' if ok else 'NO'}")
            print(f"   ratio naive / matrix: {naive_took / took:,.0f}×; ", end="")
            print(f"all-events fold / matrix: {fold_took / took:,.1f}×")

            took, result = best(lambda: register.verify(), 1)
            line(
                "e) verify_log",
                f"{result.count:,} events",
                took,
                None,
                "ok" if result.ok else "NOT OK",
            )
            ok = ok and result.ok
    return 0 if ok else 1


def _sqlite() -> str:
    import sqlite3

    return sqlite3.sqlite_version


def line(what: str, size: str, seconds: float, count: int | None = None, note: str = "") -> None:
    rate = f"  ({count / seconds:,.0f}/s)" if count else ""
    shown = f"{seconds * 1000:,.1f} ms" if seconds < 10 else f"{seconds:,.1f} s"
    print(f"{what:<40} {size:>28} {shown:>12}{rate}  {note}".rstrip())


if __name__ == "__main__":
    sys.exit(main())
