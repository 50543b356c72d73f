"""The world of the signature flows (test_signatures_flow*.py), made once: the
sixth amendment generated as PDF for net-01 and net-02 (a real LibreOffice),
recorded as issued in a register, and the test CA's trusted roots."""

from __future__ import annotations

import pytest

from signatures.samples.signing_ca import signing_ca
from tests.support.signatures_flow import EXAMPLES, SIXTH, run


@pytest.fixture(scope="package")
def world(tmp_path_factory):
    base = tmp_path_factory.mktemp("flow")
    out = base / "out"
    made = run(
        "generate",
        SIXTH,
        "--parties",
        str(EXAMPLES),
        "--only",
        "net-01,net-02",
        "--format",
        "pdf",
        "--out",
        str(out),
    )
    assert made.exit_code == 0, made.output
    register = str(base / "register.sqlite")
    issued = run(
        "signatures", "issue", str(out / SIXTH), "--register", register, "--parties", str(EXAMPLES)
    )
    assert issued.exit_code == 0, issued.output
    assert "2 document(s) recorded as issued" in issued.output
    trust = signing_ca().write_trust_folder(base / "trust")
    return {"base": base, "pdfs": out / SIXTH, "register": register, "trust": str(trust)}
