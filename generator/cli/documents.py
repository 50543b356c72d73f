"""The commands that make documents: build, generate, context, and the checks
of what they read (parties check, templates check)."""

from __future__ import annotations

from pathlib import Path

import click

from generator.cli.echo import say, say_and_exit
from generator.cli.options import LANGS, split_list, templates_option, workers_option
from generator.cli.state import CliState, pass_state


@click.command("build")
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
@click.option(
    "--lang",
    type=click.Choice(LANGS),
    default=None,
    help="With --parties: one language for every personalised copy (default: each "
    "party's own language; the corpus holds every text in French).",
)
@pass_state
def build(state: CliState, out: Path, parties_file, network, formats, lang) -> None:
    """The main job: check the corpus, write every version of every convention
    and every amendment (text, Markdown, HTML, JSON) into --out, and with
    --parties issue the sixth amendment to every network and the provider
    amendment to every provider of --network (DOCX and PDF), each in its
    party's language or in --lang."""
    from generator.app.build import build_all
    from generator.cli.progress import progress_bar

    with progress_bar() as progress:
        lines = list(
            build_all(
                state.load_corpus(),
                out,
                parties_file,
                network,
                split_list(formats),
                progress,
                lang=lang,
            )
        )
    for line in lines:
        say(line)


@click.command("generate")
@click.argument("doc_id")
@click.option(
    "--parties",
    "parties_file",
    required=True,
    type=click.Path(path_type=Path),
    help="The party file (.yaml, .xlsx, .csv, folder).",
)
@click.option("--only", default=None, help="Comma-separated party ids to generate for.")
@click.option(
    "--lang",
    type=click.Choice(LANGS),
    default=None,
    help="One language for every copy (default: each party's own language).",
)
@click.option("--format", "formats", default="docx", help="docx, pdf or docx,pdf")
@click.option(
    "--at",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    default=None,
    help="For a coordinated convention: the date of the version (YYYY-MM-DD).",
)
@click.option("--out", type=click.Path(path_type=Path, file_okay=False), required=True)
@templates_option
@workers_option
@click.option(
    "--for-signature",
    is_flag=True,
    help="For a coordinated convention: refuse, listing what is missing, unless the corpus "
    "holds its whole text (without it: information copies, not for signing).",
)
@pass_state
def generate(
    state: CliState,
    doc_id,
    parties_file,
    only,
    lang,
    formats,
    at,
    out,
    templates,
    workers,
    for_signature,
) -> None:
    """One personalised document per party, and a manifest (JSON and CSV), in
    OUT/<document id>/ (a coordinated convention: OUT/<convention>/<date>/).
    With --only, the manifest already there keeps its other documents."""
    from generator.app.generate import run_generate
    from generator.cli.progress import progress_bar

    corpus = state.load_corpus()
    with progress_bar() as progress:
        lines = list(
            run_generate(
                corpus,
                doc_id,
                parties_file,
                out,
                progress,
                lang=lang,
                formats=split_list(formats),
                only=set(split_list(only)) if only else None,
                at=at.date() if at else None,
                templates=templates,
                workers=workers,
                for_signature=for_signature,
            )
        )
    for line in lines:
        say(line)


@click.command("context")
@click.argument("doc_id")
@click.option("--party", required=True, help="A network id, or provider@network.")
@click.option("--parties", "parties_file", required=True, type=click.Path(path_type=Path))
@click.option(
    "--lang",
    type=click.Choice(LANGS),
    default=None,
    help="The language of the context (default: the party's own language).",
)
@click.option("--at", type=click.DateTime(formats=["%Y-%m-%d"]), default=None)
@pass_state
def context_command(state: CliState, doc_id, party, parties_file, lang, at) -> None:
    """The exact context a template receives for one party, as JSON."""
    from generator.app.generate import context_json

    date = at.date() if at else None
    click.echo(context_json(state.load_corpus(), doc_id, parties_file, party, lang, date), nl=False)


@click.group("templates")
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
@pass_state
def templates_check(state: CliState, folder) -> None:
    """Every template parses and uses only variables its context has."""
    from generator.generation.template_check import check_templates

    ok, text = check_templates(state.load_corpus(), folder)
    say_and_exit(ok, text)


@click.group("parties")
def parties() -> None:
    """The parties who sign: networks, hospitals, psychologists, organisations."""


@parties.command("check")
@click.argument("path", type=click.Path(path_type=Path))
def parties_check(path: Path) -> None:
    """Check a party file (.yaml, .xlsx, .csv or a folder of CSV files); list
    every problem as file:row:column: error|warning: message."""
    from generator.parties.check import check_report

    ok, text = check_report(path)
    say_and_exit(ok, text)
