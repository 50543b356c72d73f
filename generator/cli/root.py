"""The `conventio` command itself: its options and where each subcommand lives.

Each command group has its module, imported only when one of its commands
runs or its help is shown: `texts.py` (check, list, show, history, schema,
diff), `documents.py` (build, generate, templates, context, parties),
`importing.py` (import), `translating.py` (translations), `bonus.py` (bonus).
Commands from other
packages come through the `conventio.commands` entry point (see `group.py`)."""

from __future__ import annotations

from pathlib import Path

import click

from generator import __version__
from generator.cli.group import ConventioGroup
from generator.cli.state import CliState

#: command name -> "module:attribute" of the click command
COMMANDS = {
    "check": "generator.cli.texts:check",
    "list": "generator.cli.texts:list_documents",
    "show": "generator.cli.texts:show",
    "history": "generator.cli.texts:history",
    "schema": "generator.cli.texts:schema",
    "diff": "generator.cli.texts:diff_command",
    "build": "generator.cli.documents:build",
    "generate": "generator.cli.documents:generate",
    "context": "generator.cli.documents:context_command",
    "templates": "generator.cli.documents:templates",
    "parties": "generator.cli.documents:parties",
    "import": "generator.cli.importing:import_command",
    "translations": "generator.cli.translating:translations",
    "bonus": "generator.cli.bonus:bonus",
}


@click.group(
    cls=ConventioGroup,
    lazy_subcommands=COMMANDS,
    context_settings={"help_option_names": ["-h", "--help"]},
)
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
    ctx.obj = CliState(corpus)


def main() -> None:
    cli(prog_name="conventio")
