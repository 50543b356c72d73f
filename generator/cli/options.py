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
