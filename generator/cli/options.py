"""What several command groups accept alike."""

from __future__ import annotations

from pathlib import Path

import click

#: the languages a text is shown or generated in
LANGS = ("fr", "nl", "de")


def split_list(text: str) -> tuple[str, ...]:
    """`docx, pdf` -> ("docx", "pdf"): a comma-separated option, blanks dropped."""
    return tuple(part.strip() for part in text.split(",") if part.strip())


#: `--templates`: the folder of Word templates (generate, bonus statements)
templates_option = click.option(
    "--templates",
    type=click.Path(path_type=Path, file_okay=False),
    default=None,
    envvar="CONVENTIO_TEMPLATES",
    help="The templates folder (default: templates/).",
)
#: `--workers`: LibreOffice processes for PDF (generate, bonus statements)
workers_option = click.option(
    "--workers",
    type=click.IntRange(1, 64),
    default=None,
    help="LibreOffice processes for PDF (default: one per CPU).",
)


#: the options every bonus command shares: the billing file, the year, the column
#: mapping and the party file
_BILLING_OPTIONS = (
    click.option(
        "--billing",
        required=True,
        type=click.Path(path_type=Path),
        help="The billing file: CSV (';' or ','), XLSX or Parquet (a file or a folder).",
    ),
    click.option("--year", required=True, type=int, help="The bonus year, such as 2023."),
    click.option(
        "--columns",
        "columns",
        multiple=True,
        metavar="FIELD=HEADER,...",
        help="Map the file's headers to the fields: provider_inami=INAMI_PREST,amount=MONTANT.",
    ),
    click.option(
        "--parties",
        "parties_file",
        default=None,
        type=click.Path(path_type=Path),
        help="A party file: networks by id or INAMI number, providers' names and conventions.",
    ),
)


def billing_options(command):
    """`--billing`, `--year`, `--columns` and `--parties` on a bonus command, in
    that order in its help."""
    for option in reversed(_BILLING_OPTIONS):
        command = option(command)
    return command
