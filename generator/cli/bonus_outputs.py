"""`conventio bonus payments` and `conventio bonus statements`: what the networks pay
and a letter per provider. Only options here; the work is in generator/bonus/.

The lead attaches these two commands to the `bonus` group of generator/cli/bonus.py:
`bonus.add_command(payments)` and `bonus.add_command(statements)` (or lazily)."""

from __future__ import annotations

from pathlib import Path

import click

from generator.cli.echo import say
from generator.cli.state import CliState, pass_state

BILLING = click.option(
    "--billing",
    required=True,
    type=click.Path(path_type=Path, dir_okay=True),
    help="The billing file (CSV, XLSX or Parquet).",
)
YEAR = click.option("--year", required=True, type=int, help="The bonus year, e.g. 2023.")
COLUMNS = click.option(
    "--columns",
    default=None,
    help="Header names of a real export: provider_inami=INAMI_PREST,...",
)


@click.command("payments")
@BILLING
@YEAR
@click.option(
    "--parties",
    "parties_file",
    default=None,
    type=click.Path(path_type=Path),
    help="The party file, for the names of providers and networks.",
)
@COLUMNS
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
