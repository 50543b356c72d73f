"""Which certificate authorities the signature checks trust.

`load_trust_roots(folder)` reads them from a folder; `validation_context(...)` turns
them into the pyHanko validation context a check uses (no network: nothing is fetched,
revocation is not checked).

Adding the Belgian eID roots
----------------------------

Signatures made with a Belgian identity card (eID) chain up to a "Belgium Root CA".
To accept them, put the root certificates into the trust folder:

1. Open https://repository.eid.belgium.be/ (the official repository of the Belgian
   eID certificates), section "Root CA" / "Belgium Root CA".
2. Download the self-signed root certificates it lists: "Belgium Root CA4" (the
   cards in use), "Belgium Root CA3" for older cards, and any newer root the repository
   lists. Take the self-signed ones, not the versions cross-signed by "Cybertrust Global
   Root" that were withdrawn in 2020.
3. Check each file's SHA-256 fingerprint against the one the repository publishes
   (`openssl x509 -in belgiumrca4.crt -inform DER -noout -fingerprint -sha256`).
4. Copy the files into the trust folder. The downloads are DER files named `.crt`;
   they can be used as they are, or converted to PEM first:
   `openssl x509 -inform DER -in belgiumrca4.crt -out belgium-root-ca4.pem`.

Signing programs (Acrobat, the eID middleware, pyHanko...) put the intermediate
"Citizen CA" certificate into each signature, so the roots are enough. If a returned
file is refused as "does not chain to a trusted root" although it was signed with an
eID card, its signature lacks the intermediate: add the "Citizen CA" certificates from
the same repository to the folder too (they are issued by the Belgian root, so trusting
them trusts nothing the root does not).

Every certificate in the folder is trusted as a root: put nothing else there.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from pathlib import Path

from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.hazmat.primitives import serialization
from pyhanko_certvalidator import ValidationContext

from generator.errors import ConventioError

#: file name endings read from a trust folder (compared without regard to case)
CERTIFICATE_SUFFIXES = (".pem", ".crt", ".cer")

TrustRoots = ValidationContext | Iterable[x509.Certificate | asn1_x509.Certificate]


def load_trust_roots(folder: Path) -> list[x509.Certificate]:
    """Every certificate in the `*.pem`, `*.crt` and `*.cer` files of `folder` (PEM, also
    several in one file, or DER), in file-name order, each once.

    Raises ConventioError if the folder is missing, holds no such file, or a file is not
    a certificate (the message names the file). See the module docstring for how to add
    the Belgian eID roots.
    """
    folder = Path(folder)
    if not folder.is_dir():
        raise ConventioError(
            f"the trusted-certificates folder {folder} does not exist: create it and put the "
            "root certificates to trust in it (.pem, .crt or .cer files)"
        )
    files = sorted(
        p for p in folder.iterdir() if p.is_file() and p.suffix.lower() in CERTIFICATE_SUFFIXES
    )
    if not files:
        raise ConventioError(
            f"the trusted-certificates folder {folder} holds no certificate: put the root "
            "certificates to trust in it (.pem, .crt or .cer files)"
        )
    roots: list[x509.Certificate] = []
    seen: set[bytes] = set()
    for path in files:
        for certificate in _read_certificates(path):
            der = certificate.public_bytes(serialization.Encoding.DER)
            if der not in seen:
                seen.add(der)
                roots.append(certificate)
    return roots


def _read_certificates(path: Path) -> list[x509.Certificate]:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ConventioError(f"{path}: cannot be read ({exc.strerror or exc})") from exc
    try:
        if b"-----BEGIN" in data:
            if b"-----BEGIN CERTIFICATE-----" not in data:
                raise ValueError("it holds no 'BEGIN CERTIFICATE' block (a key? a request?)")
            return x509.load_pem_x509_certificates(data)
        return [x509.load_der_x509_certificate(data)]
    except ValueError as exc:
        raise ConventioError(
            f"{path}: not a certificate (neither PEM nor DER X.509): {exc}"
        ) from exc


def _to_asn1(certificate: object, index: int) -> asn1_x509.Certificate:
    if isinstance(certificate, asn1_x509.Certificate):
        return certificate
    if isinstance(certificate, x509.Certificate):
        return asn1_x509.Certificate.load(certificate.public_bytes(serialization.Encoding.DER))
    raise ConventioError(
        f"trust root {index + 1} is a {type(certificate).__name__}, not a certificate: "
        "give X.509 certificates (load_trust_roots(folder) reads them from a folder) "
        "or a pyHanko ValidationContext"
    )


def trust_anchors(trust_roots: TrustRoots) -> ValidationContext | list[asn1_x509.Certificate]:
    """A caller's ValidationContext as it is, or the roots as asn1crypto certificates.
    ConventioError if there are none or one is not a certificate."""
    if isinstance(trust_roots, ValidationContext):
        return trust_roots
    if isinstance(trust_roots, str | bytes | Path):
        raise ConventioError(
            "trust roots must be a list of certificates or a ValidationContext, not "
            f"{type(trust_roots).__name__} (load_trust_roots(folder) reads a folder)"
        )
    try:
        given = list(trust_roots)
    except TypeError as exc:
        raise ConventioError(
            f"trust roots must be a list of certificates, not {type(trust_roots).__name__}"
        ) from exc
    if len(given) == 1 and isinstance(given[0], ValidationContext):
        return given[0]
    if not given:
        raise ConventioError(
            "no trusted root certificate was given, so no signature could ever be trusted: "
            "put the roots in the trusted-certificates folder (see load_trust_roots)"
        )
    return [_to_asn1(certificate, index) for index, certificate in enumerate(given)]


def validation_context(
    anchors: ValidationContext | list[asn1_x509.Certificate], moment: dt.datetime
) -> ValidationContext:
    """A context that trusts `anchors` at `moment`, offline: nothing is fetched, and a
    certificate whose revocation status is unknown is not refused for it ("soft-fail")."""
    if isinstance(anchors, ValidationContext):
        return anchors
    return ValidationContext(
        trust_roots=anchors,
        allow_fetching=False,
        revocation_mode="soft-fail",
        moment=moment,
    )
