"""How long `conventio … --help` takes to start, for every command.

Run from the repository root:

    python -m benchmarks.startup              # best of 7 runs per command
    python -m benchmarks.startup --runs 15

The commands are found by walking the click tree of `conventio` (the command
groups of generator/cli and those other packages add through the
`conventio.commands` entry point, `signatures` among them), so a new command is
timed without being listed here. Each one is run as the `conventio` script runs
it (`from generator.cli import main; main()`), with `--help`, in a new Python
process; its time is the best of N runs (best-of, because the slower runs
measure the machine's other work). Beside them: `python -c pass`, the cost of
starting Python at all on this machine.

Target: every `--help` under 150 ms (PASS/FAIL). The last column names the heavy
libraries a help imported (pydantic, yaml, lxml, SQLAlchemy, pyHanko): none is
wanted. The exit code is non-zero only when a help fails to print; the timings
never change it.
"""

from __future__ import annotations

import argparse
import platform
import subprocess
import sys
import time
from pathlib import Path

if __package__ in (None, ""):  # run as a script: python benchmarks/startup.py
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import generator
from generator.cli import cli
from generator.cli.group import command_paths

#: every help must start within this
TARGET_SECONDS = 0.150
#: the libraries no help should import (top-level module names)
HEAVY = ("pydantic", "yaml", "lxml", "sqlalchemy", "pyhanko")

#: what the `conventio` script runs
ENTRY = "from generator.cli import main; main()"
#: the same, printing at exit the heavy libraries the process imported
PROBE = (
    "import atexit, sys\n"
    "atexit.register(lambda: print('\\nHEAVY', *sorted({m.split('.')[0] for m in sys.modules}"
    f" & set({HEAVY!r}))))\n" + ENTRY
)


def best_time(command: list[str], runs: int) -> float:
    """The best wall-clock time of `runs` runs of `command` (which must succeed)."""
    best = float("inf")
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True)
        best = min(best, time.perf_counter() - started)
    return best


def heavy_imports(path: tuple[str, ...]) -> list[str]:
    done = subprocess.run(
        [sys.executable, "-c", PROBE, *path, "--help"], check=True, capture_output=True, text=True
    )
    return done.stdout.rsplit("\nHEAVY", 1)[1].split()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=7, help="runs per command (best of)")
    args = parser.parse_args(argv)
    runs = max(args.runs, 1)

    print(f"platform: {platform.platform()}; Python {platform.python_version()}")
    print(f"generator from: {Path(generator.__file__).parent}")
    print(
        f"best of {runs} runs per line; target: every --help under {TARGET_SECONDS * 1000:.0f} ms"
    )
    print()
    baseline = best_time([sys.executable, "-c", "pass"], runs)
    width = 42
    print(f"{'command':<{width}} {'ms':>6}  {'':<4}  heavy imports")
    print(f"{'python -c pass':<{width}} {baseline * 1000:6.0f}")
    failed = slow = 0
    for path in [(), *command_paths(cli)]:
        words = " ".join(("conventio", *path, "--help"))
        try:
            seconds = best_time([sys.executable, "-c", ENTRY, *path, "--help"], runs)
            heavy = heavy_imports(path)
        except subprocess.CalledProcessError as exc:
            print(f"{words:<{width}} FAILED: {exc.stderr.strip()[-200:]}")
            failed += 1
            continue
        verdict = "PASS" if seconds < TARGET_SECONDS else "FAIL"
        slow += verdict == "FAIL"
        print(f"{words:<{width}} {seconds * 1000:6.0f}  {verdict:<4}  {', '.join(heavy) or '-'}")
    print()
    print(f"{slow} command(s) over the target; {failed} failed to print their help")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
