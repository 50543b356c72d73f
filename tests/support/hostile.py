"""Running conventio on inputs built to hurt (tests/end_to_end/test_hostile_*.py):
in a process limited to MEMORY_LIMIT bytes of address space and TIME_LIMIT seconds,
so that a refusal that came only after unpacking gigabytes fails (MemoryError or
timeout) instead of passing slowly; what a plain refusal looks like; and a copy of
the shipped templates to spoil."""

from __future__ import annotations

import os
import resource
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support.paths import ROOT

EXAMPLES = ROOT / "examples" / "parties.yaml"
CIRCULAR = "circulars/psy-ort-2023-006"
MEMORY_LIMIT = 1_500_000_000
TIME_LIMIT = 120


def _limited() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


def conventio(*args: str | Path, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    """The CLI in a process with little memory and time."""
    try:
        return subprocess.run(
            [sys.executable, "-m", "generator.cli", *map(str, args)],
            cwd=cwd,
            capture_output=True,
            text=True,
            timeout=TIME_LIMIT,
            preexec_fn=_limited,
            env={**os.environ, "PYTHONPATH": os.environ.get("PYTHONPATH", str(ROOT))},
            check=False,
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"conventio {' '.join(map(str, args))} ran more than {TIME_LIMIT} s")


def refused(done: subprocess.CompletedProcess[str]) -> str:
    """The output of a run that refused its input plainly: exit 1, no traceback."""
    output = done.stdout + done.stderr
    assert done.returncode == 1, output
    assert "Traceback" not in output and "internal error" not in output, output
    return output


def copy_templates(tmp_path: Path) -> Path:
    """A copy of the shipped French templates, in `tmp_path`/templates."""
    folder = tmp_path / "templates"
    shutil.copytree(ROOT / "templates" / "fr", folder / "fr")
    return folder
