"""Where the corpus is, and which files it holds, without reading them: light
enough for a command's start-up (no pydantic, no YAML)."""

from __future__ import annotations

import os
from pathlib import Path

from generator.errors import ConventioError


def default_corpus_dir() -> Path:
    """`CONVENTIO_CORPUS`, else the shipped corpus (a checkout's or the wheel's)."""
    env = os.environ.get("CONVENTIO_CORPUS")
    if env:
        return Path(env)
    from generator.shipped import shipped_folder

    return shipped_folder("conventions")


def corpus_files(root: Path) -> list[Path]:
    """Every YAML document of the corpus folder `root`, in name order; a folder
    that does not exist, or holds none, is an error saying so."""
    if not root.is_dir():
        raise ConventioError(
            f"the corpus folder {root} does not exist; give one with --corpus "
            "or the CONVENTIO_CORPUS environment variable"
        )
    files = sorted(p for p in root.rglob("*") if p.suffix in (".yaml", ".yml") and p.is_file())
    if not files:
        raise ConventioError(f"the corpus folder {root} contains no .yaml document")
    return files
