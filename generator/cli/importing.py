"""The `import` command: a published convention or amendment turned into a draft."""

from __future__ import annotations

from pathlib import Path

import click

from generator.cli.echo import say


@click.command("import")
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
    from generator.app.import_draft import run_import

    draft, report = run_import(source, output, doc_id, amends, report_path, force)
    if draft is not None:
        say(draft, nl=False)
    say(report, err=True, nl=False)
