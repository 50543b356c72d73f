"""Benchmarks of loading, checking and consolidating; prints a table.

Run from the repository root:

    python -m benchmarks.run            (or: python benchmarks/run.py)
    python -m benchmarks.run --repeats 7 --naive-amendments 100 --naive-copy

Every time is the best of several runs (time.perf_counter).  The exit code is
0 whatever the timings; it is non-zero only when a correctness assertion fails
(a synthetic amendment set that does not replay cleanly, or the naive replay
disagreeing with the engine).
"""

from __future__ import annotations

import argparse
import datetime as dt
import math
import os
import platform
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

if __package__ in (None, ""):  # run as a script: python benchmarks/run.py
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import pydantic

from benchmarks import naive, synthetic
from generator.consolidation.engine import consolidate
from generator.consolidation.history import versions
from generator.corpus.checks import check_corpus
from generator.corpus.loader import (
    Corpus,
    default_corpus_dir,
    load_corpus,
    read_corpus,
)
from generator.errors import ConventioError, CorpusError
from generator.model.documents import Amendment, Convention

#: consolidating every version of the shipped corpus must take less than this
SHIPPED_TARGET_S = 0.050
#: growth exponent: log(time ratio) / log(operations ratio); 1.0 is linear
GROWTH_TARGET = 1.0
#: the margin allowed on the exponent for timing noise and cache effects before FAIL
GROWTH_MARGIN = 1.15
#: the naive replay costs 15-35 ms per operation at this size: 25 amendments
#: (about 75 operations) keep its 5 runs to about 10 s
NAIVE_AMENDMENTS = 25


@dataclass
class Timing:
    best: float
    runs: int


def best_of(fn: Callable[[], object], repeats: int) -> Timing:
    """The fastest of `repeats` runs."""
    times: list[float] = []
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return Timing(min(times), len(times))


def ms(seconds: float) -> str:
    return f"{seconds * 1000:,.2f} ms" if seconds < 10 else f"{seconds:,.1f} s"


class Table:
    def __init__(self) -> None:
        self.rows: list[tuple[str, str, str, str, str]] = []

    def add(self, measure: str, value: str, runs: str = "", target: str = "", result: str = ""):
        self.rows.append((measure, value, runs, target, result))
        # print as we go, so that a long run shows progress
        print(self._format(self.rows[-1]), flush=True)

    def header(self) -> None:
        print(self._format(("measure", "time", "runs", "target", "result")))
        print(self._format(("-" * 66, "-" * 11, "-" * 4, "-" * 28, "-" * 6)))

    @staticmethod
    def _format(row: tuple[str, str, str, str, str]) -> str:
        measure, value, runs, target, result = row
        return f"{measure:<66} {value:>11} {runs:>4}  {target:<28} {result}"


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return (
        f"{platform.platform()}; {cpu}; {os.cpu_count()} CPU(s); "
        f"Python {platform.python_version()}; pydantic {pydantic.VERSION}"
    )


def version_dates(convention: Convention, amendments: list[Amendment]) -> list[dt.date | None]:
    """One date inside each version of the convention (its first day).

    A base version whose start is unknown is taken the day before the first
    amendment applies (or with no date at all when nothing amends it)."""
    found = versions(convention, amendments)
    dates: list[dt.date | None] = []
    for i, version in enumerate(found):
        if version.start is not None:
            dates.append(version.start)
        elif i + 1 < len(found) and found[i + 1].start is not None:
            dates.append(found[i + 1].start - dt.timedelta(days=1))
        else:
            dates.append(None)
    return dates


def shipped(table: Table, repeats: int) -> None:
    root = default_corpus_dir()
    corpus: Corpus | None = None
    try:
        timing = best_of(lambda: load_corpus(root), repeats)
        corpus = load_corpus(root)
        table.add(
            f"a) shipped corpus: load + check ({len(corpus.documents)} documents)",
            ms(timing.best),
            str(timing.runs),
        )
    except CorpusError as exc:
        # the corpus is being written: time what load_corpus does, and go on
        # with the documents that validate
        def read_and_check() -> None:
            found, _ = read_corpus(root)
            check_corpus(found)

        timing = best_of(read_and_check, repeats)
        corpus, _ = read_corpus(root)
        table.add(
            f"a) shipped corpus: read + check ({len(corpus.documents)} valid documents)",
            ms(timing.best),
            str(timing.runs),
            f"{len(exc.problems)} problem(s) in corpus",
            "NOTE",
        )
    except ConventioError as exc:
        table.add("a) shipped corpus: cannot be read", "-", "", str(exc)[:28], "SKIP")
        return
    jobs = []
    for convention in corpus.conventions:
        amendments = corpus.amendments_of(convention.id)
        for at in version_dates(convention, amendments):
            jobs.append((convention, amendments, at))
    if not jobs:
        table.add(
            "a) shipped corpus: consolidate every convention, every version",
            "-",
            "",
            f"< {SHIPPED_TARGET_S * 1000:.0f} ms",
            "SKIP (no convention loads)",
        )
        return

    def consolidate_all() -> None:
        for convention, amendments, at in jobs:
            consolidate(convention, amendments, at)

    timing = best_of(consolidate_all, max(repeats, 20))
    verdict = "PASS" if timing.best < SHIPPED_TARGET_S else "FAIL"
    table.add(
        f"a) shipped corpus: consolidate {len(corpus.conventions)} convention(s) "
        f"at {len(jobs)} version date(s)",
        ms(timing.best),
        str(timing.runs),
        f"< {SHIPPED_TARGET_S * 1000:.0f} ms",
        verdict,
    )


def operations(amendments: list[Amendment]) -> int:
    return sum(len(article.operations) for a in amendments for article in a.articles)


def synthetic_runs(table: Table, repeats: int) -> None:
    n_articles = 200
    data = {}
    start = time.perf_counter()
    for n in (10, 100, 1000):
        # build() asserts that the engine replays every set with zero problems
        data[n] = synthetic.build(n_articles, n)
    stats = synthetic.statistics(data[100][1])
    print(
        f"   (synthetic data built and checked in {ms(time.perf_counter() - start)}; "
        f"100 amendments: {stats['operations']} operations, {stats['inserts']} inserts, "
        f"{stats['replacements']} paragraph replacements, {stats['repeals']} repeals, "
        f"{stats['annex replacements']} annex replacements, {stats['distinct dates']} distinct "
        f"dates, {stats['shared dates']} sharing a date, {stats['retroactive']} retroactive)"
    )
    times: dict[int, Timing] = {}
    for n, (convention, amendments) in data.items():
        times[n] = best_of(lambda c=convention, a=amendments: consolidate(c, a, None), repeats)
    convention, amendments = data[100]
    ops = operations(amendments)
    table.add(
        f"b) synthetic {n_articles} articles x 100 amendments ({ops} operations)",
        ms(times[100].best),
        str(times[100].runs),
        f"{times[100].best / ops * 1e6:.1f} us/operation",
    )
    previous = None
    for n, timing in times.items():
        ops_n = operations(data[n][1])
        label = f"c) growth: {n_articles} articles x {n:,} amendments ({ops_n:,} operations)"
        if previous is None:
            per_op = f"{timing.best / ops_n * 1e6:.1f} us/operation"
            table.add(label, ms(timing.best), str(timing.runs), per_op)
        else:
            ratio = timing.best / times[previous].best
            ops_ratio = ops_n / operations(data[previous][1])
            exponent = math.log(ratio) / math.log(ops_ratio)
            verdict = (
                "PASS"
                if exponent <= GROWTH_TARGET * 1.05
                else "NEAR"
                if exponent <= GROWTH_TARGET * GROWTH_MARGIN
                else "FAIL"
            )
            table.add(
                label,
                ms(timing.best),
                str(timing.runs),
                f"x{ratio:.2f} time for x{ops_ratio:.2f} operations: exponent {exponent:.2f}",
                verdict,
            )
        previous = n


def naive_runs(table: Table, repeats: int, n_amendments: int, naive_copy: bool) -> None:
    """d) the engine and the naive replay on the same data, in the same run."""
    convention, amendments = synthetic.build(200, n_amendments)
    ops = operations(amendments)
    result = consolidate(convention, amendments, None)
    engine = naive.engine_in_force(result)
    engine_time = best_of(lambda: consolidate(convention, amendments, None), repeats)
    table.add(
        f"d) engine: 200 articles x {n_amendments} amendments ({ops} operations)",
        ms(engine_time.best),
        str(engine_time.runs),
    )
    modes: list[naive.Mode] = ["serialise", *(["copy"] if naive_copy else [])]
    for mode in modes:
        results: list[Convention] = []

        def replay(mode: naive.Mode = mode, results: list[Convention] = results) -> None:
            results.append(naive.naive_consolidate(convention, amendments, mode=mode))

        # the first run's result is checked against the engine's
        timing = best_of(replay, repeats)
        found = naive.naive_in_force(results[0])
        assert [eid for eid, _ in found] == [eid for eid, _ in engine], (
            f"naive ({mode}) and engine disagree on the provisions in force"
        )
        assert found == engine, f"naive ({mode}) and engine disagree on the texts in force"
        articles = [eid for eid, _ in found if naive.addresses.SEPARATOR not in eid]
        ratio = timing.best / engine_time.best
        table.add(
            f"d) naive ({mode}), same data, same {len(articles)} articles in force",
            ms(timing.best),
            str(timing.runs),
            f"engine is x{ratio:,.0f} faster",
            "PASS" if ratio > 1 else "FAIL",
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeats", type=int, default=5, help="runs per measure (>= 5)")
    parser.add_argument(
        "--naive-amendments",
        type=int,
        default=NAIVE_AMENDMENTS,
        help=f"amendments replayed by the naive way (default {NAIVE_AMENDMENTS}; 100 adds 30-60 s)",
    )
    parser.add_argument(
        "--naive-copy",
        action="store_true",
        help="also time the naive replay with model_copy(deep=True) (slower)",
    )
    args = parser.parse_args(argv)
    repeats = max(5, args.repeats)
    began = time.perf_counter()
    print(f"conventio benchmarks on {machine()}")
    print(f"best of {repeats} runs (time.perf_counter), {dt.datetime.now():%Y-%m-%d %H:%M}\n")
    table = Table()
    table.header()
    shipped(table, repeats)
    synthetic_runs(table, repeats)
    naive_runs(table, repeats, args.naive_amendments, args.naive_copy)
    if any(row[4] == "NEAR" for row in table.rows):
        print(
            "\nNEAR: above the target by less than the margin allowed for timing noise "
            f"(growth exponent up to {GROWTH_MARGIN}); see benchmarks/README.md."
        )
    print(f"\ntotal run time: {time.perf_counter() - began:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
