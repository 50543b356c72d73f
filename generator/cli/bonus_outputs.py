"""`conventio bonus payments` and `conventio bonus statements`: what the networks pay
and a letter per provider. Only options here; the work is in generator/bonus/.

generator/cli/bonus.py attaches both to its `bonus` group; they take the same
billing options as `bonus compute` (generator/cli/options.py `billing_options`)."""

from __future__ import annotations

from pathlib import Path

import click

from generator.cli.echo import say
from generator.cli.options import (
    LANGS,
    billing_options,
    split_list,
    templates_option,
    workers_option,
)
from generator.cli.state import CliState, pass_state


@click.command("payments")
@billing_options
@click.option(
    "-o",
    "--output",
    required=True,
    type=click.Path(path_type=Path, file_okay=False),
    help="The folder to write (replaced all at once).",
)
@pass_state
def payments(state: CliState, billing, year, parties_file, columns, output) -> None:
    """Per network, the providers it pays and the amounts, with totals (CSV and XLSX),
    and an overview of all networks (networks.csv, networks.xlsx)."""
    from generator.bonus.payments import run_payments

    for line in run_payments(state.load_corpus(), billing, year, output, parties_file, columns):
        say(line)


@click.command("statements")
@billing_options
@click.option("--format", "formats", default="docx", help="docx, pdf or docx,pdf")
@click.option(
    "--lang",
    type=click.Choice(LANGS),
    default=None,
    help="One language for every letter (default: each provider's own language).",
)
@click.option("--out", type=click.Path(path_type=Path, file_okay=False), required=True)
@click.option(
    "--date",
    "letter_date",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    default=None,
    help="The date printed on the letters, YYYY-MM-DD (default: today).",
)
@templates_option
@workers_option
@pass_state
def statements(
    state: CliState,
    billing,
    year,
    parties_file,
    columns,
    formats,
    lang,
    out,
    letter_date,
    templates,
    workers,
) -> None:
    """A letter per provider, in the provider's language: the calculation of the
    practice bonus step by step and article 14/1 quoted from the corpus, with a
    manifest (JSON and CSV); the folder OUT is replaced all at once."""
    from generator.bonus.statements import run_statements

    if parties_file is None:
        raise click.UsageError(
            "a letter needs each provider's name, language and networks: give --parties"
        )

    lines = run_statements(
        state.load_corpus(),
        billing,
        year,
        parties_file,
        out,
        formats=split_list(formats),
        lang=lang,
        templates=templates,
        columns=columns,
        workers=workers,
        date=letter_date.date() if letter_date else None,
    )
    for line in lines:
        say(line)
