"""The commands about the corpus texts: check, list, show, history, schema, diff."""

from __future__ import annotations

import datetime as dt
import json
import os
import sys
from pathlib import Path

import click

from generator.cli.echo import emit, say_and_exit, write_file
from generator.cli.options import LANGS
from generator.cli.state import CliState, pass_state

FORMATS = ("text", "markdown", "json", "html")


@click.command("check")
@pass_state
def check(state: CliState) -> None:
    """Check the whole corpus; list every problem as path:line:column: message.
    Translations must keep their French's legal tokens and be up to date."""
    from generator.corpus.report import check_report
    from generator.translations.checks import corpus_translation_problems

    ok, text = check_report(state.corpus_folder, corpus_translation_problems)
    say_and_exit(ok, text)


@click.command("schema")
@click.option("-o", "--output", type=click.Path(path_type=Path, dir_okay=False), default=None)
def schema(output: Path | None) -> None:
    """Write the JSON Schema of the corpus files (for editors)."""
    from generator.corpus.schema import corpus_schema

    emit(json.dumps(corpus_schema(), indent=2, ensure_ascii=False) + "\n", output)


@click.command("list")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text")
@pass_state
def list_documents(state: CliState, fmt: str) -> None:
    """Every convention, amendment and circular of the corpus."""
    from generator.app.listing import document_rows, format_rows

    rows = document_rows(state.load_corpus())
    if fmt == "json":
        click.echo(json.dumps(rows, indent=2, ensure_ascii=False))
        return
    click.echo(format_rows(rows), nl=False)


@click.command("show")
@click.argument("doc_id")
@click.option(
    "--at",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    default=None,
    help="The date (YYYY-MM-DD) of the version wanted; default: today.",
)
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="text")
@click.option("--lang", type=click.Choice(LANGS), default="fr")
@click.option("-o", "--output", type=click.Path(path_type=Path, dir_okay=False), default=None)
@click.option("--party", default=None, help="With --register: the text that binds this party.")
@click.option(
    "--register",
    "register_url",
    default=None,
    envvar="CONVENTIO_REGISTER",
    help="The signature register (a path or database URL).",
)
@click.option(
    "--assume",
    "assumptions",
    multiple=True,
    metavar="AMENDMENT_ID[:ARTICLE]=YYYY-MM-DD",
    help="Apply an amendment (or one of its articles) whose date the text does not state "
    "from this date; the text then shows it as a date assumed by you. Repeatable.",
)
@pass_state
def show(
    state: CliState, doc_id, at, fmt, lang, output: Path | None, party, register_url, assumptions
):
    """A convention as in force at a date, or an amendment as its own text.
    With --party, only the amendments that party has fully signed apply.
    An amendment whose date nobody knows is left out (and said so) unless
    --assume gives it one."""
    from generator.app.show import binding_for, render_document
    from generator.consolidation.assumptions import read_assumptions

    date = at.date() if at else dt.date.today()
    assume = read_assumptions(assumptions)
    corpus = state.load_corpus()
    binding = binding_for(corpus, doc_id, party, register_url) if party else None
    emit(render_document(corpus, doc_id, date, fmt, lang, binding, assume), output)


@click.command("history")
@click.argument("convention_id")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text")
@pass_state
def history(state: CliState, convention_id: str, fmt: str) -> None:
    """Every version of a convention and the amendment articles that opened it."""
    from generator.app.history import render_history

    click.echo(render_history(state.load_corpus(), convention_id, fmt), nl=False)


@click.command("diff")
@click.argument("left")
@click.argument("right")
@click.option(
    "--format", "fmt", type=click.Choice(["text", "json", "html", "docx"]), default="text"
)
@click.option("--lang", type=click.Choice(LANGS), default="fr")
@click.option("-o", "--output", type=click.Path(path_type=Path, dir_okay=False), default=None)
@click.option("--author", default="conventio", help="With --format docx: the changes' author.")
@pass_state
def diff_command(state: CliState, left: str, right: str, fmt: str, lang: str, output, author):
    """Compare two texts: ID@YYYY-MM-DD (a convention at a date), ID (an
    amendment's quoted provisions and annexes), either with #address for one
    provision (network-provider-2021@2023-09-25#art_17). A convention without
    @date is taken as in force today. Text output is coloured on a terminal."""
    if fmt == "docx" and output is None:
        raise click.UsageError("--format docx needs -o FILE")
    from generator.app.diff import diff_text, redline_bytes

    corpus = state.load_corpus()
    if fmt == "docx":
        write_file(output, redline_bytes(corpus, left, right, lang, author))
        return
    colour = output is None and sys.stdout.isatty() and not os.environ.get("NO_COLOR")
    emit(diff_text(corpus, left, right, fmt, lang, colour=colour), output)
