"""`conventio signatures ...`: the signature register's commands (added to the
`conventio` command through the `conventio.commands` entry point). Thin: each
command parses its options and calls a function of `signatures.cli.texts`,
imported when the command runs, so that `--help` imports nothing but click.

`issue` makes the register if there is none; every other command needs an
existing one and never creates it. The corpus is the one `conventio --corpus`
(or CONVENTIO_CORPUS) names; when one is given, it must exist, whatever the
command. Writing commands take `--actor`: who records (default
CONVENTIO_ACTOR, else the operating-system user)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from generator.cli import say

REGISTER_HELP = (
    "The register: an SQLite file path or a database URL "
    "(default: CONVENTIO_REGISTER, else ~/.local/share/conventio/register.sqlite)."
)


def _register_options(command):
    command = click.option(
        "--store",
        "store_dir",
        type=click.Path(path_type=Path),
        default=None,
        envvar="CONVENTIO_REGISTER_STORE",
        help="The folder of stored files (required with PostgreSQL).",
    )(command)
    return click.option(
        "--register", "register_url", default=None, envvar="CONVENTIO_REGISTER", help=REGISTER_HELP
    )(command)


def _actor_option(command):
    return click.option(
        "--actor",
        default=None,
        help="Who records this (default: CONVENTIO_ACTOR, else your user name); kept with "
        "every event written.",
    )(command)


def _corpus_dir(ctx: click.Context) -> Path | None:
    """The corpus folder `conventio --corpus` gave (None: the default)."""
    from generator.cli.state import CliState

    state = ctx.find_object(CliState)
    return state.corpus if state else None


def default_trust_folder() -> Path:
    env = os.environ.get("CONVENTIO_TRUST")
    if env:
        return Path(env)
    base = os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share"
    return Path(base) / "conventio" / "trust"


@click.group()
@click.pass_context
def signatures(ctx: click.Context) -> None:
    """Who signed what: issued documents, returned signed PDFs, reports."""
    root = ctx.find_root()
    if root is ctx:
        return
    given = root.get_parameter_source("corpus")
    if given in (click.core.ParameterSource.COMMANDLINE, click.core.ParameterSource.ENVIRONMENT):
        from generator.corpus.folder import corpus_files

        corpus_files(_corpus_dir(ctx))  # a corpus given must exist, even if unused


@signatures.command()
@click.argument("manifest", type=click.Path(path_type=Path))
@click.option(
    "--parties",
    "parties_file",
    type=click.Path(path_type=Path),
    default=None,
    hidden=True,
    help="No longer needed: the manifest says who signs each document.",
)
@click.option("--reissue", is_flag=True, help="Issue new copies of documents issued before.")
@_actor_option
@_register_options
def issue(manifest, parties_file, reissue, actor, register_url, store_dir) -> None:
    """Record the documents of a generation manifest as issued (the register
    is made if there is none)."""
    from signatures.cli.texts import issue as do_issue

    if parties_file is not None:
        say(
            "note: --parties is no longer needed (and not read): the manifest says who "
            "signs each document",
            err=True,
        )
    say(
        do_issue(manifest, register_url, store_dir=store_dir, reissue=reissue, actor=actor),
        nl=False,
    )


@signatures.command("import")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--trust",
    "trust_folder",
    type=click.Path(path_type=Path),
    default=None,
    help="Folder of trusted root certificates (PEM); default CONVENTIO_TRUST, else "
    "~/.local/share/conventio/trust.",
)
@click.option(
    "--parties",
    "parties_file",
    type=click.Path(path_type=Path),
    default=None,
    help="The party file: a party's signing_certificates are then required of its signer.",
)
@_actor_option
@_register_options
def import_files(files, trust_folder, parties_file, actor, register_url, store_dir) -> None:
    """Import returned signed PDFs: check them and record who signed. Exit 0 only if
    every file was accepted."""
    from signatures.cli.texts import import_text

    ok, text = import_text(
        files,
        trust_folder or default_trust_folder(),
        register_url,
        parties_file=parties_file,
        store_dir=store_dir,
        actor=actor,
    )
    say(text, nl=False)
    sys.exit(0 if ok else 1)


@signatures.command()
@click.argument("document_id")
@click.option(
    "--kind",
    type=click.Choice(["sent", "signed", "declined", "superseded", "voided", "reminder"]),
    required=True,
)
@click.option("--role", default=None)
@click.option("--party", default=None, help="The party who acted (an id).")
@click.option(
    "--evidence",
    type=click.Path(path_type=Path),
    default=None,
    help="A scan or file proving the event (required for signed and declined).",
)
@click.option(
    "--reason", default=None, help="Why (required for signed, declined, superseded, voided)."
)
@click.option(
    "--manual",
    is_flag=True,
    help="Kept for compatibility: a signature or refusal recorded here is always a manual record.",
)
@_actor_option
@_register_options
def record(
    document_id, kind, role, party, evidence, reason, manual, actor, register_url, store_dir
):
    """Record an event by hand (sent, a paper signature, declined, voided...).
    A signature or refusal recorded here is a manual record: give --evidence
    and --reason. Signatures in a signed PDF are recorded by `import`."""
    from signatures.cli.texts import record_text

    text = record_text(
        document_id,
        kind,
        register_url,
        role=role,
        party=party,
        reason=reason,
        evidence_path=evidence,
        manual=manual,
        store_dir=store_dir,
        actor=actor,
    )
    say(text, nl=False)


@signatures.command()
@click.argument("target")
@_register_options
def status(target, register_url, store_dir) -> None:
    """The status of one document, or of every copy of a corpus document."""
    from signatures.cli.texts import status_text

    say(status_text(target, register_url, store_dir=store_dir), nl=False)


@signatures.command()
@click.option(
    "--reminder-days",
    type=click.IntRange(1, 365),
    default=14,
    help="Reminders are due after this many days without news.",
)
@_register_options
def outstanding(reminder_days, register_url, store_dir) -> None:
    """Who has not signed, since how many days, and which reminders are due."""
    from signatures.cli.texts import outstanding_text

    say(outstanding_text(register_url, interval_days=reminder_days, store_dir=store_dir), nl=False)


@signatures.command()
@click.argument("party_id")
@_register_options
def party(party_id, register_url, store_dir) -> None:
    """Everything a party has been issued and has signed."""
    from signatures.cli.texts import party_text

    say(party_text(party_id, register_url, store_dir=store_dir), nl=False)


@signatures.command()
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path),
    required=True,
    help="matrix.csv, matrix.xlsx or matrix.html",
)
@_register_options
def matrix(output, register_url, store_dir) -> None:
    """Parties by amendments: CSV, XLSX or a self-contained HTML page."""
    from signatures.cli.texts import matrix_export

    say(matrix_export(output, None, register_url, store_dir=store_dir), nl=False)


@signatures.command("verify-log")
@click.option(
    "--anchor",
    default=None,
    help="A #N:hash printed earlier by any report (all 64 hexadecimal digits).",
)
@_register_options
def verify_log(anchor, register_url, store_dir) -> None:
    """Check the event log's hash chain (and the stored files)."""
    from generator.errors import ConventioError
    from signatures.cli.texts import verify_log_text
    from signatures.log import parse_anchor

    if anchor is not None:
        try:
            parse_anchor(anchor)
        except ConventioError as error:
            raise click.BadParameter(str(error), param_hint="'--anchor'") from None
    ok, text = verify_log_text(register_url, anchor=anchor, store_dir=store_dir)
    say(text, nl=False)
    sys.exit(0 if ok else 1)
