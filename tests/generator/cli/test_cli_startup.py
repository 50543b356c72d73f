"""`conventio … --help` imports none of the heavy libraries: every command of
the click tree (the `signatures` group's included) is found by walking it, and
its help is shown in a real process. Speed itself is measured in
benchmarks/startup.py, not here."""

from __future__ import annotations

import subprocess
import sys

import pytest

from generator.cli import cli
from generator.cli.group import command_paths

HEAVY = ("pydantic", "yaml", "lxml", "sqlalchemy", "pyhanko", "rich", "babel", "docx", "openpyxl")

#: runs the `conventio` entry point and, as the process ends, prints the heavy
#: libraries it imported
PROBE = (
    "import atexit, sys\n"
    "atexit.register(lambda: print('HEAVY', sorted({m.split('.')[0] for m in sys.modules}"
    f" & set({HEAVY!r}))))\n"
    "from generator.cli import main\n"
    "main()\n"
)

PATHS = [(), *command_paths(cli)]


def test_the_walk_finds_every_command_group_and_the_plugins():
    assert {("check",), ("import",), ("parties", "check"), ("templates", "check")} <= set(PATHS)
    assert ("signatures", "status") in PATHS  # through the conventio.commands entry point


@pytest.mark.parametrize("path", PATHS, ids=lambda p: " ".join(p) or "conventio")
def test_help_imports_no_heavy_library(path):
    done = subprocess.run(
        [sys.executable, "-c", PROBE, *path, "--help"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "Usage: conventio" in done.stdout
    assert done.stdout.splitlines()[-1] == "HEAVY []", done.stdout.splitlines()[-1]
