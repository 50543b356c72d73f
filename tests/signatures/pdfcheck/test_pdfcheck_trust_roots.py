"""The trusted roots check_returned() is given: read from a folder of PEM and DER
files, and refused plainly when unusable."""

from __future__ import annotations

import pytest
from cryptography.hazmat.primitives import serialization

from generator.errors import ConventioError
from signatures.pdfcheck import check_returned, load_trust_roots
from tests.support.returned_pdfs import ROLES


def test_load_trust_roots_reads_pem_der_and_bundles(ca, tmp_path):
    folder = tmp_path / "trust"
    folder.mkdir()
    pem = serialization.Encoding.PEM
    der = serialization.Encoding.DER
    (folder / "a-root.pem").write_bytes(ca.root.pem)
    (folder / "b-bundle.crt").write_bytes(  # two in one file; the root again
        ca.intermediate.certificate.public_bytes(pem) + ca.root.certificate.public_bytes(pem)
    )
    (folder / "c-belgium.CER").write_bytes(ca.people["untrusted"].certificate.public_bytes(der))
    (folder / "notes.txt").write_text("not read")
    (folder / "sub.pem").mkdir()  # a folder, not a file: skipped
    roots = load_trust_roots(folder)
    assert [r.subject for r in roots] == [
        ca.root.certificate.subject,
        ca.intermediate.certificate.subject,
        ca.people["untrusted"].certificate.subject,
    ]


def test_load_trust_roots_problems_are_clear(ca, tmp_path):
    with pytest.raises(ConventioError, match=r"trust\S* does not exist"):
        load_trust_roots(tmp_path / "trust")
    folder = tmp_path / "empty"
    folder.mkdir()
    (folder / "readme.txt").write_text("put roots here")
    with pytest.raises(ConventioError, match="holds no certificate"):
        load_trust_roots(folder)
    (folder / "root.pem").write_bytes(ca.root.pem)
    (folder / "zz-broken.cer").write_bytes(b"\x30\x03\x02\x01\x00")
    with pytest.raises(ConventioError, match=r"zz-broken\.cer: not a certificate"):
        load_trust_roots(folder)
    (folder / "zz-broken.cer").unlink()
    key = ca.root.key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )
    (folder / "key.pem").write_bytes(key)
    with pytest.raises(ConventioError, match=r"key\.pem: not a certificate.*no 'BEGIN CERT"):
        load_trust_roots(folder)


@pytest.mark.parametrize(
    "trust, message",
    [
        ([], "no trusted root certificate"),
        ("roots/", "list of certificates"),
        ([b"-----BEGIN CERTIFICATE-----"], "trust root 1 is a bytes"),
        (42, "list of certificates"),
    ],
)
def test_unusable_trust_roots_raise(trust, message):
    with pytest.raises(ConventioError, match=message):
        check_returned(b"", b"", trust, ROLES)


def test_roles_as_one_text_raise(roots):
    with pytest.raises(ConventioError, match="list of names"):
        check_returned(b"", b"", roots, "network")
