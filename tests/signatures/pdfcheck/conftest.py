"""The documents check_returned() is tried on, made once per session: the sixth
amendment as issued (a PDF/A made by LibreOffice), signed by the test CA of
signatures/samples/signing_ca.py."""

from __future__ import annotations

import pytest

from signatures.pdfcheck import load_trust_roots
from signatures.samples.signing_ca import sign_field, signing_ca
from tests.support.paths import ROOT
from tests.support.returned_pdfs import SIXTH


@pytest.fixture(scope="session")
def issued_pdfs(tmp_path_factory) -> dict[str, bytes]:
    """The sixth amendment as issued to networks net-01 and net-02: PDF/A made by
    LibreOffice, with identity and empty fields sig_committee, sig_network, sig_hospital."""
    from generator.corpus.loader import load_corpus
    from generator.generation.batch import generate
    from generator.parties.check import load_parties

    out = tmp_path_factory.mktemp("issued")
    parties = load_parties(ROOT / "examples" / "parties.yaml")
    result = generate(
        load_corpus(), SIXTH, parties, out, only={"net-01", "net-02"}, formats=("pdf",), lang="fr"
    )
    return {
        entry.party: (result.out_dir / entry.files["pdf"]["path"]).read_bytes()
        for entry in result.entries
    }


@pytest.fixture(scope="session")
def issued(issued_pdfs) -> bytes:
    return issued_pdfs["net-01"]


@pytest.fixture(scope="session")
def ca():
    return signing_ca()


@pytest.fixture(scope="session")
def roots(ca, tmp_path_factory):
    """The trusted roots as the register reads them: from a folder of PEM files."""
    return load_trust_roots(ca.write_trust_folder(tmp_path_factory.mktemp("trust")))


@pytest.fixture(scope="session")
def by_network(issued, ca) -> bytes:
    return sign_field(issued, "sig_network", ca.signer("network"))


@pytest.fixture(scope="session")
def by_both(by_network, ca) -> bytes:
    """Signed by the network, then by the hospital with a time-stamp."""
    return sign_field(by_network, "sig_hospital", ca.signer("hospital"), timestamp=True)
