"""Benchmarks import the package, never test files: what they need (sample manifests,
the signing CA) lives in the package (`signatures.samples`)."""

from __future__ import annotations

import subprocess
import sys

from tests.support.paths import ROOT

PROBE = """
import importlib, pathlib, sys
tests = pathlib.Path(sys.argv[1]).resolve()
importlib.import_module(sys.argv[2])
on_path = [p for p in sys.path if p and pathlib.Path(p).resolve() == tests]
from_tests = sorted(
    name for name, module in list(sys.modules.items())
    if getattr(module, "__file__", None)
    and pathlib.Path(module.__file__).resolve().is_relative_to(tests)
)
print(on_path, from_tests)
"""


def test_no_benchmark_reaches_into_tests():
    modules = sorted(
        f"benchmarks.{p.stem}" for p in (ROOT / "benchmarks").glob("*.py") if p.stem != "__init__"
    )
    assert "benchmarks.pdfcheck_bench" in modules and "benchmarks.register_bench" in modules
    for module in modules:
        done = subprocess.run(
            [sys.executable, "-c", PROBE, str(ROOT / "tests"), module],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )
        assert done.returncode == 0, f"{module}: {done.stderr}"
        assert done.stdout.strip() == "[] []", f"{module} uses tests/: {done.stdout}"
