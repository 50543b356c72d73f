"""A templates folder for tests of copies in several languages: French and each
language asked for, and nothing else (so a test can also leave a language out).

A language conventio ships templates for gets its own; one it does not gets a
copy of the French templates, a TEST FIXTURE whose fixed words stay French. With
tests/support/translated_corpus.py (the corpus's TEST translation) this makes
copies in Dutch and German possible on any checkout."""

from __future__ import annotations

import shutil
from collections.abc import Iterable
from pathlib import Path

from tests.support.paths import ROOT


def templates_for(target: Path, langs: Iterable[str] = ("nl", "de")) -> Path:
    """The templates folder `target` with fr/ and each of `langs`; returns it."""
    shipped = ROOT / "templates"
    shutil.copytree(shipped / "fr", target / "fr")
    for lang in langs:
        own = shipped / lang
        shutil.copytree(own if own.is_dir() else shipped / "fr", target / lang)
    return target
