"""What the end-to-end tests of the signature register share
(tests/end_to_end/test_signatures_flow*.py): the command line run in the process,
a fresh register with the two issued copies of the `world` fixture
(tests/end_to_end/conftest.py), copies signed with the test CA, imported, and the
status the register gives."""

from __future__ import annotations

import io
from pathlib import Path

from click.testing import CliRunner

from generator.cli import cli
from signatures.samples.signing_ca import sign_field, signing_ca
from tests.support.paths import ROOT

EXAMPLES = ROOT / "examples" / "parties.yaml"
SIXTH = "inami-network-2021/avenant-06"
NET01, NET02 = f"{SIXTH}#net-01#fr", f"{SIXTH}#net-02#fr"


def run(*args: str):
    result = CliRunner().invoke(cli, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return result


def fresh_register(world, folder: Path) -> str:
    """A new register (its store beside it) with the two issued copies."""
    folder.mkdir(parents=True, exist_ok=True)
    register = str(folder / "register.sqlite")
    issued = run(
        "signatures",
        "issue",
        str(world["pdfs"]),
        "--register",
        register,
        "--parties",
        str(EXAMPLES),
    )
    assert issued.exit_code == 0, issued.output
    return register


def signed_copy(world, folder: Path, name: str, party: str, signers, paint=False) -> Path:
    """The copy issued to `party`, signed field by field: `signers` is a list of
    (role of the field, name of the test certificate). With `paint`, page 1 is first
    painted over, as an incremental update."""
    data = (world["pdfs"] / f"{party}.fr.pdf").read_bytes()
    if paint:
        from pyhanko.pdf_utils import generic
        from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

        writer = IncrementalPdfFileWriter(io.BytesIO(data))
        stream = generic.StreamObject(stream_data=b"BT /F1 18 Tf 72 760 Td (1 000 000 EUR) Tj ET")
        writer.add_stream_to_page(0, writer.add_object(stream))
        out = io.BytesIO()
        writer.write(out)
        data = out.getvalue()
    for role, who in signers:
        data = sign_field(data, f"sig_{role}", signing_ca().signer(who))
    path = folder / name
    path.write_bytes(data)
    return path


def import_(register: str, world, *files, extra=()):
    return run(
        "signatures",
        "import",
        *map(str, files),
        "--register",
        register,
        "--trust",
        world["trust"],
        *extra,
    )


def status_of(register: str, document: str) -> str:
    shown = run("signatures", "status", document, "--register", register)
    assert shown.exit_code == 0, shown.output
    return shown.output
