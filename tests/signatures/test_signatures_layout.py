"""The signature register's rooms: the domain modules import neither click nor rich
(the command line lives in signatures/cli/), and `conventio signatures ... --help`
imports only click (no register, corpus or pyHanko)."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import click

from signatures.cli.commands import _corpus_dir, signatures
from tests.support.paths import ROOT

PACKAGE = ROOT / "signatures"
HEAVY = ("sqlalchemy", "pyhanko", "pyhanko_certvalidator", "pydantic", "yaml", "lxml")


def _imported(path: Path) -> set[str]:
    """The top-level names of every module `path` imports, anywhere in it."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            found.add(node.module.split(".")[0])
    return found


def test_domain_modules_import_neither_click_nor_rich():
    domain = [p for p in PACKAGE.rglob("*.py") if PACKAGE / "cli" not in p.parents]
    assert PACKAGE / "register.py" in domain and PACKAGE / "cli" / "texts.py" not in domain
    offenders = {str(p.relative_to(ROOT)): sorted(_imported(p) & {"click", "rich"}) for p in domain}
    assert {p: names for p, names in offenders.items() if names} == {}


HELP = """
import sys
from signatures.cli import signatures
for name in sorted(signatures.commands):
    try:
        signatures.main([name, "--help"], prog_name="signatures", standalone_mode=False)
    except SystemExit:
        pass
print(" ".join(sorted({m.split(".")[0] for m in sys.modules} & set(sys.argv[1:]))))
"""


def _python(code: str, *args: str) -> subprocess.CompletedProcess:
    done = subprocess.run(
        [sys.executable, "-c", code, *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return done


def test_every_signatures_help_imports_only_click():
    done = _python(HELP, *HEAVY)
    assert "Usage: signatures verify-log" in done.stdout
    assert done.stdout.splitlines()[-1] == "", done.stdout.splitlines()[-1]


def test_the_corpus_is_read_from_the_conventio_context_object(tmp_path):
    """The typed state the `conventio` group hands down (`CliState`)."""
    from generator.cli.state import CliState

    root = click.Context(click.Group("conventio"), obj=CliState(corpus=tmp_path))
    assert _corpus_dir(click.Context(signatures, parent=root)) == tmp_path
    alone = click.Context(signatures)
    assert _corpus_dir(alone) is None


def test_the_reasons_and_their_words_import_nothing_heavy():
    """The import command, a report or a translation can name and say the reasons
    without loading pyHanko or the register."""
    probe = (
        "import sys, signatures.reasons, signatures.wording, signatures.returned_file;"
        "print(' '.join(sorted({m.split('.')[0] for m in sys.modules} & set(sys.argv[1:]))))"
    )
    assert _python(probe, *HEAVY).stdout.strip() == ""
