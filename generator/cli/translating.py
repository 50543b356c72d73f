"""`conventio translations …`: status, export to XLIFF, import from XLIFF."""

from __future__ import annotations

from pathlib import Path

import click

from generator.cli.echo import emit, say, write_file
from generator.cli.state import CliState, pass_state


@click.group("translations")
def translations() -> None:
    """Translations of the corpus texts into Dutch and German: how far each is,
    XLIFF 2.0 files for translators, and their import (every unit checked first)."""


@translations.command("status")
@click.argument("doc_id", required=False)
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text")
@pass_state
def status(state: CliState, doc_id: str | None, fmt: str) -> None:
    """Per document and language: text units translated, missing, out of date."""
    from generator.translations.status import format_status, translation_status

    emit(format_status(translation_status(state.load_corpus(), doc_id), fmt), None)


@translations.command("export")
@click.argument("doc_id")
@click.option("--lang", type=click.Choice(["nl", "de"]), required=True)
@click.option("-o", "--output", type=click.Path(path_type=Path, dir_okay=False), required=True)
@pass_state
def export(state: CliState, doc_id: str, lang: str, output: Path) -> None:
    """Write DOC's text units as an XLIFF 2.0 file to translate into LANG."""
    from generator.translations.xliff import export_xliff

    write_file(output, export_xliff(state.load_corpus().get(doc_id), lang))


@translations.command("import")
@click.argument("xliff_file", type=click.Path(path_type=Path, dir_okay=False))
@pass_state
def import_translations(state: CliState, xliff_file: Path) -> None:
    """Check every unit of an XLIFF file, then write its translations into the
    corpus YAML (or, on any problem, nothing)."""
    from generator.translations.store import import_xliff

    result = import_xliff(state.load_corpus(), xliff_file)
    say(
        f"{result.doc_id} ({result.lang}): {result.written} translation(s) written, "
        f"{result.unchanged} unchanged, in {result.path}"
    )
