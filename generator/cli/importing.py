"""The `import` command: a published convention or amendment turned into a draft,
or an official Dutch or German text aligned with the French document it translates."""

from __future__ import annotations

from pathlib import Path

import click

from generator.cli.echo import say
from generator.cli.state import CliState, pass_state


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
@click.option(
    "--translation-of",
    "translation_of",
    default=None,
    metavar="DOC",
    help="The file is the official Dutch or German text of the corpus document DOC: "
    "align it with the French, check it and write its translations into DOC's YAML.",
)
@click.option(
    "--lang",
    type=click.Choice(["nl", "de"]),
    default=None,
    help="With --translation-of: the language of the file.",
)
@pass_state
def import_command(
    state: CliState, source, output, doc_id, amends, report_path, force, translation_of, lang
) -> None:
    """Turn a published convention or amendment (PDF or DOCX) into a corpus
    draft: the text in the corpus format, with what needs checking marked.
    With --translation-of DOC --lang nl|de: bring in its official translation."""
    if translation_of is not None or lang is not None:
        _import_translation(state, source, translation_of, lang, output or doc_id or amends)
        return
    from generator.app.import_draft import run_import

    draft, report = run_import(source, output, doc_id, amends, report_path, force)
    if draft is not None:
        say(draft, nl=False)
    say(report, err=True, nl=False)


def _import_translation(state: CliState, source, translation_of, lang, draft_option) -> None:
    if translation_of is None or lang is None:
        raise click.UsageError("--translation-of DOC and --lang nl|de go together")
    if draft_option:
        raise click.UsageError(
            "-o, --id and --amends make a draft; with --translation-of the translation "
            "is written into DOC's own file"
        )
    from generator.app.import_translation import run_translation_import

    say(run_translation_import(source, lang, translation_of, state.load_corpus()), nl=False)
