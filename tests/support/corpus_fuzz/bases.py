"""The corpora the fuzzing mutates, as {relative path: bytes}: the mini corpus
exactly as `minicorpus.write_corpus` writes it, the shipped corpus when it has any
YAML file, and both together."""

from __future__ import annotations

import textwrap

from tests.support import minicorpus
from tests.support.paths import ROOT

SHIPPED = ROOT / "conventions"

Files = dict[str, bytes]


def _mini_files() -> Files:
    """The mini corpus exactly as `minicorpus.write_corpus` writes it."""
    return {
        name: textwrap.dedent(text).encode("utf-8")
        for name, text in (
            ("registry/codes.yaml", minicorpus.REGISTRY),
            ("conv/convention.yaml", minicorpus.CONVENTION),
            ("conv/a1.yaml", minicorpus.AMENDMENT),
        )
    }


def _shipped_files() -> Files:
    """A snapshot of the shipped corpus (empty when it has no YAML file yet)."""
    if not SHIPPED.is_dir():
        return {}
    return {
        path.relative_to(SHIPPED).as_posix(): path.read_bytes()
        for path in sorted(SHIPPED.rglob("*"))
        if path.suffix in (".yaml", ".yml") and path.is_file()
    }


MINI = _mini_files()
SHIPPED_FILES = _shipped_files()
BASES: dict[str, Files] = {"mini": MINI}
if SHIPPED_FILES:
    BASES["shipped"] = SHIPPED_FILES
    BASES["both"] = {**MINI, **SHIPPED_FILES}
