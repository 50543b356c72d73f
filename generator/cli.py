"""The `conventio` command. Thin: it parses options and calls library
functions; heavy imports happen inside the commands that need them."""

from __future__ import annotations

import datetime as dt
import io
import json
import os
import sys
from pathlib import Path

import click

from generator import __version__
from generator.errors import ConventioError

FORMATS = ("text", "markdown", "json", "html")


def _corpus(ctx: click.Context):
    from generator.corpus.loader import load_corpus

    return load_corpus(ctx.obj["corpus"])


def _emit(text: str, output: Path | None) -> None:
    if output is None:
        click.echo(text, nl=False)
        return
    from generator.files import write_atomically

    write_atomically(output, text.encode("utf-8"))
    say(f"written: {output}", err=True)


class _Group(click.Group):
    """Turns every user-facing error into a plain message and exit code 1, and
    adds the command groups other packages declare (`conventio.commands` entry
    points: the signature register's `signatures`), loaded only when used."""

    def _plugins(self) -> dict:
        from importlib.metadata import entry_points

        return {p.name: p for p in entry_points(group="conventio.commands")}

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(set(super().list_commands(ctx)) | set(self._plugins()))

    def get_command(self, ctx: click.Context, name: str):
        command = super().get_command(ctx, name)
        if command is None and name in (plugins := self._plugins()):
            command = plugins[name].load()
        return command

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except ConventioError as exc:
            say(f"error: {exc}", err=True)
            sys.exit(1)
        except (click.ClickException, click.exceptions.Exit, click.Abort, SystemExit):
            raise
        except Exception as exc:  # a bug: say so plainly, keep the traceback for developers
            if os.environ.get("CONVENTIO_DEBUG"):
                raise
            say(
                f"internal error: {type(exc).__name__}: {exc}\n"
                "This is a bug in conventio, not in your data. Please report it with the "
                "command you ran (set CONVENTIO_DEBUG=1 to see the details).",
                err=True,
            )
            sys.exit(2)

    def main(self, args=None, prog_name=None, complete_var=None, standalone_mode=True, **extra):
        """As click's, but a usage error that repeats a value typed on the command
        line (`Invalid value for '--kind': ...`) never shows a national register
        number."""
        if not standalone_mode:
            return super().main(args, prog_name, complete_var, standalone_mode, **extra)
        try:
            result = super().main(args, prog_name, complete_var, False, **extra)
        except click.ClickException as exc:
            shown = io.StringIO()
            exc.show(file=shown)
            say(shown.getvalue(), err=True, nl=False)
            sys.exit(exc.exit_code)
        except click.Abort:
            click.echo("Aborted!", err=True)
            sys.exit(1)
        sys.exit(result if isinstance(result, int) else 0)


def say(text: str, *, err: bool = False, nl: bool = True) -> None:
    """Print a message, a report or a listing (not a document's text) with any
    national register number masked: it may quote what the user typed (a path,
    an id), and that may be one."""
    from generator.privacy import mask_national_numbers

    click.echo(mask_national_numbers(text), err=err, nl=nl)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="conventio")
@click.option(
    "--corpus",
    type=click.Path(path_type=Path, file_okay=False),
    envvar="CONVENTIO_CORPUS",
    default=None,
    help="The corpus folder (default: conventions/ of this project).",
)
@click.pass_context
def cli(ctx: click.Context, corpus: Path | None) -> None:
    """conventio: the INAMI conventions on psychological care as versioned data."""
    from generator.corpus.loader import default_corpus_dir

    ctx.obj = {"corpus": corpus or default_corpus_dir()}


@cli.command()
@click.pass_context
def check(ctx: click.Context) -> None:
    """Check the whole corpus; list every problem as path:line:column: message."""
    from generator.corpus.report import check_report

    ok, text = check_report(ctx.obj["corpus"])
    say(text, err=not ok)
    sys.exit(0 if ok else 1)


@cli.command("import")
@click.argument("source", type=click.Path(path_type=Path))
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path, dir_okay=False),
    default=None,
    help="Where to write the draft (default: print it). Written as "
    "conventions/<convention>/<name>.yaml, the draft takes its id from that place.",
)
@click.option("--id", "doc_id", default=None, help="The document's corpus id.")
@click.option("--amends", default=None, help="For an amendment: the convention it amends.")
@click.option(
    "--report",
    "report_path",
    type=click.Path(path_type=Path, dir_okay=False),
    default=None,
    help="Also write the report to this file.",
)
@click.option("--force", is_flag=True, help="Overwrite an existing draft file.")
def import_command(source, output, doc_id, amends, report_path, force) -> None:
    """Turn a published convention or amendment (PDF or DOCX) into a corpus
    draft: the text in the corpus format, with what needs checking marked."""
    from generator.importing.cli_support import run_import

    run_import(source, output, doc_id, amends, report_path, force)


@cli.command()
@click.option("-o", "--output", type=click.Path(path_type=Path, dir_okay=False), default=None)
def schema(output: Path | None) -> None:
    """Write the JSON Schema of the corpus files (for editors)."""
    from generator.corpus.schema import corpus_schema

    _emit(json.dumps(corpus_schema(), indent=2, ensure_ascii=False) + "\n", output)


@cli.command("list")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text")
@click.pass_context
def list_documents(ctx: click.Context, fmt: str) -> None:
    """Every convention, amendment and circular of the corpus."""
    from generator.listing import document_rows

    rows = document_rows(_corpus(ctx))
    if fmt == "json":
        click.echo(json.dumps(rows, indent=2, ensure_ascii=False))
        return
    from generator.listing_table import format_rows

    click.echo(format_rows(rows), nl=False)


@cli.command()
@click.argument("doc_id")
@click.option(
    "--at",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    default=None,
    help="The date (YYYY-MM-DD) of the version wanted; default: today.",
)
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="text")
@click.option("--lang", type=click.Choice(["fr", "nl", "de"]), default="fr")
@click.option("-o", "--output", type=click.Path(path_type=Path, dir_okay=False), default=None)
@click.option("--party", default=None, help="With --register: the text that binds this party.")
@click.option(
    "--register",
    "register_url",
    default=None,
    envvar="CONVENTIO_REGISTER",
    help="The signature register (a path or database URL).",
)
@click.pass_context
def show(ctx, doc_id: str, at, fmt: str, lang: str, output: Path | None, party, register_url):
    """A convention as in force at a date, or an amendment as its own text.
    With --party, only the amendments that party has fully signed apply."""
    from generator.presentation import render_document

    date = at.date() if at else dt.date.today()
    corpus = _corpus(ctx)
    binding = _binding(corpus, doc_id, party, register_url) if party else None
    _emit(render_document(corpus, doc_id, date, fmt, lang, binding), output)


def _binding(corpus, convention_id: str, party: str, register_url: str | None):
    """Asks the signature register, found through the `conventio.binding`
    entry point (the register builds on generator, never the reverse), with
    the corpus `--corpus` names."""
    from importlib.metadata import entry_points

    from generator.presentation import Binding, check_binding_target

    check_binding_target(corpus, convention_id)
    found = entry_points(group="conventio.binding")
    if not found:
        raise ConventioError("--party needs the signature register, which is not installed")
    signed, pending = next(iter(found)).load()(register_url, party, convention_id, corpus)
    return Binding(party, frozenset(signed), tuple(pending))


@cli.command()
@click.argument("convention_id")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text")
@click.pass_context
def history(ctx, convention_id: str, fmt: str) -> None:
    """Every version of a convention and the amendment articles that opened it."""
    from generator.presentation import render_history

    click.echo(render_history(_corpus(ctx), convention_id, fmt), nl=False)


@cli.command("diff")
@click.argument("left")
@click.argument("right")
@click.option(
    "--format", "fmt", type=click.Choice(["text", "json", "html", "docx"]), default="text"
)
@click.option("--lang", type=click.Choice(["fr", "nl", "de"]), default="fr")
@click.option("-o", "--output", type=click.Path(path_type=Path, dir_okay=False), default=None)
@click.option("--author", default="conventio", help="With --format docx: the changes' author.")
@click.pass_context
def diff_command(ctx, left: str, right: str, fmt: str, lang: str, output, author: str) -> None:
    """Compare two texts: ID@YYYY-MM-DD (a convention at a date), ID (an
    amendment's quoted provisions and annexes), either with #address for one
    provision (network-provider-2021@2023-09-25#art_17). A convention without
    @date is taken as in force today. Text output is coloured on a terminal."""
    if fmt == "docx" and output is None:
        raise click.UsageError("--format docx needs -o FILE")
    from generator.diffing.engine import diff

    result = diff(_corpus(ctx), left, right, lang)
    if fmt == "json":
        from generator.diffing.render import to_json

        _emit(to_json(result), output)
    elif fmt == "html":
        from generator.diffing.html import to_html

        _emit(to_html(result), output)
    elif fmt == "text":
        from generator.diffing.render import to_text

        colour = output is None and sys.stdout.isatty() and not os.environ.get("NO_COLOR")
        _emit(to_text(result, colour=colour), output)
    else:
        from generator.diffing.adapter import to_redline
        from generator.diffing.redline import write_redline
        from generator.files import write_atomically

        data = write_redline(to_redline(result), author, dt.datetime.now(dt.UTC))
        write_atomically(output, data)
        say(f"written: {output}", err=True)


@cli.command()
@click.option("--out", type=click.Path(path_type=Path, file_okay=False), default=Path("out"))
@click.option(
    "--parties",
    "parties_file",
    type=click.Path(path_type=Path),
    default=None,
    help="Also issue the personalised amendments to these parties.",
)
@click.option(
    "--network",
    default=None,
    help="With --parties: the network whose providers get their amendment.",
)
@click.option("--format", "formats", default="docx,pdf", help="docx, pdf or docx,pdf")
@click.pass_context
def build(ctx, out: Path, parties_file, network, formats) -> None:
    """The main job: check the corpus, write every version of every convention
    and every amendment (text, Markdown, HTML, JSON) into --out, and with
    --parties issue the sixth amendment to every network and the provider
    amendment to every provider of --network (DOCX and PDF)."""
    from generator.build import build_all
    from generator.generation.cli_support import progress_bar

    with progress_bar() as progress:
        lines = list(
            build_all(
                _corpus(ctx),
                out,
                parties_file,
                network,
                tuple(f.strip() for f in formats.split(",") if f.strip()),
                progress,
            )
        )
    for line in lines:
        say(line)


@cli.group()
def parties() -> None:
    """The parties who sign: networks, hospitals, psychologists, organisations."""


@parties.command("check")
@click.argument("path", type=click.Path(path_type=Path))
def parties_check(path: Path) -> None:
    """Check a party file (.yaml, .xlsx, .csv or a folder of CSV files); list
    every problem as file:row:column: error|warning: message."""
    from generator.parties.check import check_report

    ok, text = check_report(path)
    say(text, err=not ok)
    sys.exit(0 if ok else 1)


@cli.command()
@click.argument("doc_id")
@click.option(
    "--parties",
    "parties_file",
    required=True,
    type=click.Path(path_type=Path),
    help="The party file (.yaml, .xlsx, .csv, folder).",
)
@click.option("--only", default=None, help="Comma-separated party ids to generate for.")
@click.option("--lang", type=click.Choice(["fr", "nl", "de"]), default="fr")
@click.option("--format", "formats", default="docx", help="docx, pdf or docx,pdf")
@click.option(
    "--at",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    default=None,
    help="For a coordinated convention: the date of the version (YYYY-MM-DD).",
)
@click.option("--out", type=click.Path(path_type=Path, file_okay=False), required=True)
@click.option(
    "--templates",
    type=click.Path(path_type=Path, file_okay=False),
    default=None,
    envvar="CONVENTIO_TEMPLATES",
    help="The templates folder (default: templates/).",
)
@click.option(
    "--workers",
    type=click.IntRange(1, 64),
    default=None,
    help="LibreOffice processes for PDF (default: one per CPU).",
)
@click.pass_context
def generate(ctx, doc_id, parties_file, only, lang, formats, at, out, templates, workers) -> None:
    """One personalised document per party, and a manifest (JSON and CSV), in
    OUT/<document id>/ (a coordinated convention: OUT/<convention>/<date>/).
    With --only, the manifest already there keeps its other documents."""
    from generator.generation.cli_support import run_generate

    for line in run_generate(
        _corpus(ctx),
        doc_id,
        parties_file,
        out,
        lang=lang,
        formats=tuple(f.strip() for f in formats.split(",") if f.strip()),
        only={p.strip() for p in only.split(",") if p.strip()} if only else None,
        at=at.date() if at else None,
        templates=templates,
        workers=workers,
    ):
        say(line)


@cli.group()
def templates() -> None:
    """The Word templates in templates/<lang>/."""


@templates.command("check")
@click.option(
    "--templates",
    "folder",
    type=click.Path(path_type=Path, file_okay=False),
    default=None,
    envvar="CONVENTIO_TEMPLATES",
)
@click.pass_context
def templates_check(ctx, folder) -> None:
    """Every template parses and uses only variables its context has."""
    from generator.generation.template_check import check_templates

    ok, text = check_templates(_corpus(ctx), folder)
    say(text, err=not ok)
    sys.exit(0 if ok else 1)


@cli.command("context")
@click.argument("doc_id")
@click.option("--party", required=True, help="A network id, or provider@network.")
@click.option("--parties", "parties_file", required=True, type=click.Path(path_type=Path))
@click.option("--lang", type=click.Choice(["fr", "nl", "de"]), default="fr")
@click.option("--at", type=click.DateTime(formats=["%Y-%m-%d"]), default=None)
@click.pass_context
def context_command(ctx, doc_id, party, parties_file, lang, at) -> None:
    """The exact context a template receives for one party, as JSON."""
    from generator.generation.cli_support import context_json

    click.echo(
        context_json(_corpus(ctx), doc_id, parties_file, party, lang, at.date() if at else None),
        nl=False,
    )


def main() -> None:
    cli(prog_name="conventio")


if __name__ == "__main__":  # pragma: no cover
    main()
