"""The commands about the practice bonus of article 14/1: compute, explain.

Thin: options are parsed here; the work is in generator/bonus/."""

from __future__ import annotations

from pathlib import Path

import click

from generator.cli.echo import say
from generator.cli.options import billing_options
from generator.cli.state import CliState, pass_state


def computed(state: CliState, billing: Path, year: int, columns, parties_file):
    """The bonus report; on errors in the billing file, they are said (like every
    refusal of conventio, and like `bonus payments` and `statements`) and the
    command exits with 1."""
    from generator.bonus.from_billing import bonus_report, refuse_errors

    report, _ = bonus_report(
        billing, year, state.load_corpus(), columns=columns, parties_file=parties_file
    )
    refuse_errors(report)
    return report


@click.group("bonus")
def bonus() -> None:
    """The practice bonus of article 14/1, computed from billing data."""


@bonus.command("compute")
@billing_options
@click.option(
    "-o",
    "--output",
    required=True,
    type=click.Path(path_type=Path, dir_okay=False),
    help="The result: RESULT.csv, RESULT.xlsx or RESULT.json.",
)
@pass_state
def compute(state: CliState, billing, year, columns, parties_file, output: Path) -> None:
    """One row per provider: amount counted, sessions, outreach share, both parts, the
    bonus and the paying network; then rows read = counted + excluded, and the
    declared assumptions."""
    from generator.bonus.output import FORMATS, summary_text, write_result

    if output.suffix.lower() not in FORMATS:
        raise click.BadParameter(f"write the result as {', '.join(FORMATS)}", param_hint="-o")
    report = computed(state, billing, year, columns, parties_file)
    write_result(report, output)
    say(summary_text(report))
    say(f"written: {output}", err=True)


@bonus.command("explain")
@billing_options
@click.option("--provider", required=True, help="The provider's INAMI number.")
@pass_state
def explain(state: CliState, billing, year, columns, parties_file, provider: str) -> None:
    """One provider's bonus, step by step: the article, paragraph and parameter of
    each step, the figures, and the declared assumptions."""
    from generator.bonus.explain import explanation_text

    report = computed(state, billing, year, columns, parties_file)
    say(explanation_text(report, provider))


def _attach_outputs() -> None:
    """`payments` and `statements` (generator/cli/bonus_outputs.py) belong to this group."""
    from generator.cli.bonus_outputs import payments, statements

    bonus.add_command(payments)
    bonus.add_command(statements)


_attach_outputs()
