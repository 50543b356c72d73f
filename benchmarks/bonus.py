"""How fast conventio computes the practice bonus of article 14/1, against the pandas way.

Run from the repository root:

    python -m benchmarks.bonus                  # 2 million billing rows, best of 3
    python -m benchmarks.bonus --rows 200000 --repeats 1
    python -m benchmarks.bonus --keep /tmp/billing   # keep the synthetic files there

A synthetic billing file (benchmarks/bonus_data.py: seeded, thousands of
providers, the 32 example networks, the pseudocodes of annex 1, dates in and out
of the reference period, late entries, group sessions, codes in neither list,
duplicate rows) is written as CSV and as Parquet. On the same machine, in the
same run, each measurement runs in a child process of its own (the corpus is
loaded first, not timed; the time is that of the computation alone):

a) conventio: `compute_bonus` (DuckDB) on the CSV, then on the Parquet file;
b) the pandas way (benchmarks/bonus_naive.py) on the CSV;
c) a child that loads the corpus and computes nothing: the memory any run starts with;
d) the command `conventio bonus compute --billing billing.csv --year 2023 -o result.csv`,
   the whole process as a user runs it (start-up, corpus, computation, result file);
e) the pandas way as a whole process too (`python -m benchmarks.bonus_naive`), to set
   beside d).

The peak memory is the child's peak resident set size, as the kernel reports it
when the child ends (os.wait4). The kernel counts in it what the parent held when
it started the child, so the parent stays small: even the synthetic files are
made by a child, and line c) shows what every child starts from. Both ways must
give identical results: every provider, every field (compared as text).
Targets: conventio under 3 s and under 1.5 GB on the CSV, and at least 5 times
faster than the pandas way. The exit code is non-zero only when the results
differ or a child fails.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.machine import print_machine
from generator.bonus.compute import ROW_FIELDS as FIELDS

ROOT = Path(__file__).resolve().parents[1]
TIME_TARGET, MEMORY_TARGET_MB, RATIO_TARGET = 3.0, 1536, 5.0


def row_values(row) -> list[str | None]:
    """A result row as text, field by field (a dict or an object with the fields)."""
    values = [row.get(f) if isinstance(row, dict) else getattr(row, f) for f in FIELDS]
    return [None if v is None else str(v) for v in values]


def conventio_result(billing: Path, year: int, corpus) -> tuple[list, dict]:
    """conventio's result rows (by INAMI number), and its rows excluded per provider
    and reason."""
    from generator.bonus.compute import compute_bonus

    report = compute_bonus(billing, year, corpus)
    return sorted(report.rows, key=lambda r: row_values(r)[0]), report.excluded_by_provider


def conventio_rows(billing: Path, year: int, corpus) -> list:
    return conventio_result(billing, year, corpus)[0]


def naive_rows(billing: Path, year: int, corpus) -> list:
    from benchmarks.bonus_naive import naive_bonus
    from generator.bonus.parameters import bonus_parameters

    return naive_bonus(billing, bonus_parameters(corpus, year))


#: each way: (result rows, rows excluded per provider and reason or None)
WAYS = {
    "conventio": conventio_result,
    "pandas": lambda *args: (naive_rows(*args), None),
    "nothing": lambda *_: ([], None),
}


def child(way: str, billing: Path, year: int, out: Path) -> None:
    """One measurement: load the corpus (not timed), compute, write the rows as JSON."""
    from generator.corpus.loader import load_corpus

    corpus = load_corpus()
    start = time.perf_counter()
    rows, excluded = WAYS[way](billing, year, corpus)
    seconds = time.perf_counter() - start
    text = {"seconds": seconds, "rows": [row_values(r) for r in rows], "excluded": excluded}
    out.write_text(json.dumps(text), encoding="utf-8")


def run_child(command: list[str]) -> tuple[float, float]:
    """Wall-clock seconds and peak memory (MB) of one child process."""
    start = time.perf_counter()
    with tempfile.TemporaryFile() as said:
        process = subprocess.Popen(command, cwd=ROOT, stdout=said, stderr=said)
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        if process.returncode != 0:
            said.seek(0)
            print(said.read().decode("utf-8", "replace"), file=sys.stderr)
            raise SystemExit(f"a child failed (exit {process.returncode}): {' '.join(command)}")
    return seconds, usage.ru_maxrss / 1024


def measure(way: str, billing: Path, year: int, out: Path) -> tuple[float, float, list, dict]:
    """Seconds of the computation, peak memory (MB), rows and rows excluded (per
    provider and reason; conventio only) of one child process."""
    command = [sys.executable, "-m", "benchmarks.bonus", "--child", way, "--billing", str(billing)]
    _, memory = run_child([*command, "--year", str(year), "--out", str(out)])
    result = json.loads(out.read_text(encoding="utf-8"))
    return result["seconds"], memory, result["rows"], result["excluded"]


def measure_command(billing: Path, year: int, out: Path) -> tuple[float, float, list, None]:
    """`conventio bonus compute` as a user runs it: the whole process, from start-up
    to the result file written."""
    command = [sys.executable, "-m", "generator.cli", "bonus", "compute", "--billing"]
    command += [str(billing), "--year", str(year), "-o", str(out)]
    return (*run_child(command), [], None)


def measure_naive_process(billing: Path, year: int, out: Path) -> tuple[float, float, list, None]:
    """The pandas way as a whole process: start-up, corpus, computation, result file."""
    command = [sys.executable, "-m", "benchmarks.bonus_naive", str(billing), str(year), str(out)]
    return (*run_child(command), [], None)


def best_of(repeats: int, way: str, billing: Path, year: int, folder: Path):
    """The best time, the largest peak memory, and the rows (and rows excluded) of the
    last run."""
    if way == "command":
        runs = [measure_command(billing, year, folder / "result.csv") for _ in range(repeats)]
    elif way == "pandas process":
        out = folder / "pandas-result.csv"
        runs = [measure_naive_process(billing, year, out) for _ in range(repeats)]
    else:
        runs = [measure(way, billing, year, folder / f"{way}.json") for _ in range(repeats)]
    return min(r[0] for r in runs), max(r[1] for r in runs), *runs[-1][2:]


def first_difference(ours: list, theirs: list) -> str | None:
    """Where two results differ, in words; None when identical."""
    if len(ours) != len(theirs):
        return f"{len(ours)} providers against {len(theirs)}"
    for a, b in zip(ours, theirs, strict=True):
        for name, x, y in zip(FIELDS, a, b, strict=True):
            if x != y:
                return f"provider {a[0]}: {name} is {x} (conventio) against {y} (pandas)"
    return None


def write_files(rows: int, year: int, seed: int, folder: Path) -> None:
    """The synthetic billing file, CSV and Parquet, in `folder` (run in a child)."""
    from benchmarks.bonus_data import make_billing, write_billing
    from generator.bonus.parameters import bonus_parameters
    from generator.corpus.loader import load_corpus

    corpus = load_corpus()
    write_billing(make_billing(rows, corpus, bonus_parameters(corpus, year), seed), folder)


def make_files(args: argparse.Namespace, folder: Path) -> tuple[Path, Path]:
    command = [sys.executable, "-m", "benchmarks.bonus", "--child", "make", "--rows"]
    command += [str(args.rows), "--seed", str(args.seed), "--year", str(args.year)]
    seconds, _ = run_child([*command, "--out", str(folder)])
    print(f"synthetic billing file: {args.rows:,} rows in {seconds:.1f} s")
    files = folder / "billing.csv", folder / "billing.parquet"
    for path in files:
        print(f"  {path.name:16} {path.stat().st_size / 2**20:8.1f} MB")
    return files


def report(results: dict, rows: int) -> bool:
    """Print the table; True when every target is met."""
    print()
    print(f"{'':34} {'seconds':>8} {'peak MB':>8}   {'rows/s':>12}")
    for label, (seconds, memory, *_) in results.items():
        rate = f"{rows / seconds:12,.0f}" if seconds > 0.001 else f"{'-':>12}"
        print(f"{label:34} {seconds:8.2f} {memory:8.0f}   {rate}")
    fast, mem, *_ = results["a) conventio, CSV"]
    slow = results["b) pandas way, CSV"][0]
    ratio = slow / fast
    checks = [
        (f"conventio under {TIME_TARGET:.0f} s (CSV)", fast < TIME_TARGET),
        (f"conventio under {MEMORY_TARGET_MB / 1024:.1f} GB (CSV)", mem < MEMORY_TARGET_MB),
        (f"at least {RATIO_TARGET:.0f}x the pandas way: {ratio:.1f}x", ratio >= RATIO_TARGET),
    ]
    print()
    for text, ok in checks:
        print(f"  {text:52} {'PASS' if ok else 'FAIL'}")
    whole = (
        results["e) pandas way as a process, CSV"][0]
        / results["d) conventio bonus compute, CSV"][0]
    )
    print(f"  whole processes, e) / d) (no target; both start Python and load the corpus): "
          f"{whole:.1f}x")  # fmt: skip
    return all(ok for _, ok in checks)


def run(args: argparse.Namespace, folder: Path) -> int:
    csv_path, parquet_path = make_files(args, folder)
    plan = {
        "a) conventio, CSV": ("conventio", csv_path),
        "a) conventio, Parquet": ("conventio", parquet_path),
        "b) pandas way, CSV": ("pandas", csv_path),
        "c) corpus loaded, nothing else": ("nothing", csv_path),
        "d) conventio bonus compute, CSV": ("command", csv_path),
        "e) pandas way as a process, CSV": ("pandas process", csv_path),
    }
    results = {
        label: best_of(args.repeats, way, path, args.year, folder)
        for label, (way, path) in plan.items()
    }
    ours, parquet, theirs = (results[k][2] for k in list(plan)[:3])
    report(results, args.rows)
    print()
    same = first_difference(ours, theirs)
    same_parquet = first_difference(ours, parquet)
    print(
        f"  results identical (CSV, every provider, every field, {len(ours):,} providers): ", end=""
    )
    print("PASS" if same is None else f"FAIL: {same}")
    print("  conventio gives the same from the Parquet file: ", end="")
    print("PASS" if same_parquet is None else f"FAIL: {same_parquet}")
    # the CSV file is counted the quick way (polars), the Parquet file the exact way
    # (DuckDB): every exclusion, provider by provider, must be the same
    excluded = results["a) conventio, CSV"][3] == results["a) conventio, Parquet"][3]
    print("  rows excluded per provider and reason, CSV as Parquet: ", end="")
    print("PASS" if excluded else "FAIL")
    return 0 if same is None and same_parquet is None and excluded else 1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=2_000_000)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--year", type=int, default=2023)
    parser.add_argument("--seed", type=int, default=15)
    parser.add_argument("--keep", type=Path, help="write the synthetic files in this folder")
    parser.add_argument("--child", choices=[*sorted(WAYS), "make"], help=argparse.SUPPRESS)
    parser.add_argument("--billing", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child == "make":
        write_files(args.rows, args.year, args.seed, args.out)
        return 0
    if args.child:
        child(args.child, args.billing, args.year, args.out)
        return 0
    print(f"conventio practice bonus benchmark: {args.rows:,} billing rows, best of {args.repeats}")
    print_machine()
    print(f"cpus         {os.cpu_count()}")
    if args.keep:
        args.keep.mkdir(parents=True, exist_ok=True)
        return run(args, args.keep)
    with tempfile.TemporaryDirectory(prefix="conventio-bonus-") as folder:
        return run(args, Path(folder))


if __name__ == "__main__":
    sys.exit(main())
