"""How the commands print: messages through `say` (national register numbers
masked), a document's text through `emit` (to the terminal or a file)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import NoReturn

import click


def say(text: str, *, err: bool = False, nl: bool = True) -> None:
    """Print a message, a report or a listing (not a document's text) with any
    national register number masked: it may quote what the user typed (a path,
    an id), and that may be one."""
    from generator.privacy import mask_national_numbers

    click.echo(mask_national_numbers(text), err=err, nl=nl)


def say_and_exit(ok: bool, text: str) -> NoReturn:
    """A check's report: on the output when all is well (exit status 0), on the
    error stream otherwise (exit status 1)."""
    say(text, err=not ok)
    sys.exit(0 if ok else 1)


def emit(text: str, output: Path | None) -> None:
    """A document's text: printed as it is, or written to `output`."""
    if output is None:
        click.echo(text, nl=False)
        return
    write_file(output, text.encode("utf-8"))


def write_file(output: Path, data: bytes) -> None:
    """Write `output` all at once and say so."""
    from generator.files import write_atomically

    write_atomically(output, data)
    say(f"written: {output}", err=True)
