"""check_returned() on who signs: each role by its own signer, a party with its own
certificate (learned, recorded or listed in the party file), and certificates that
are untrusted, expired or not meant for signing."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from generator.errors import ConventioError
from signatures.pdfcheck import ACCEPTED
from signatures.samples.signing_ca import NATIONAL_NUMBER, sign_field
from signatures.signer_rules import KnownCertificate, PartySigner, SignerRules
from tests.support.returned_pdfs import check, rejected_for

# --- who signs which role ----------------------------------------------------------------


@pytest.mark.libreoffice
def test_one_certificate_for_two_roles(by_network, issued, ca, roots):
    """Jean Dupont, who signed for the network, signs for the committee too."""
    signed = sign_field(by_network, "sig_committee", ca.signer("network"))
    result = check(issued, signed, roots)
    rejected_for(
        result,
        r"^Jean Dupont signed for the committee and the network with one certificate: each "
        r"role must be signed by its own signer \(only the hospital and the network may "
        r"share one\)\.$",
    )
    assert [s.verdict for s in result.signatures] == [ACCEPTED, ACCEPTED]
    assert result.signed_roles == ()


@pytest.mark.libreoffice
def test_the_network_and_its_hospital_may_share_a_certificate(by_network, issued, ca, roots):
    signed = sign_field(by_network, "sig_hospital", ca.signer("network"))
    result = check(issued, signed, roots)
    assert result.verdict == ACCEPTED, result.reason
    assert result.signed_roles == ("network", "hospital")


@pytest.mark.libreoffice
def test_a_certificate_recorded_for_another_role(issued, ca, roots):
    """The network's certificate, recorded for the network on an earlier import, now
    signs for the committee on a separate copy."""
    jean = ca.people["network"]
    signed = sign_field(issued, "sig_committee", ca.signer("network"))
    earlier = KnownCertificate(jean.fingerprint, "Jean Dupont", "2026-01-05", "doc#net-01#fr")
    rules = SignerRules(recorded={"network": earlier})
    result = check(issued, signed, roots, signers=rules)
    rejected_for(
        result,
        r"^Jean Dupont signed for the committee with the certificate that already signed for "
        r"the network \(registered on 2026-01-05\): each role must be signed by its own",
    )
    # the same certificate recorded for the same role is no problem
    again = sign_field(issued, "sig_network", ca.signer("network"))
    assert check(issued, again, roots, signers=rules).verdict == ACCEPTED


@pytest.mark.libreoffice
def test_the_wrong_partys_certificate(by_network, issued, ca, roots):
    """net-01 signed its first document with Marie Lambert's certificate (learned on
    first use); Jean Dupont now signs for it."""
    jean, marie = ca.people["network"], ca.people["hospital"]
    first = KnownCertificate(marie.fingerprint, "Marie Lambert", "2026-01-05", "doc#net-01#fr")
    rules = SignerRules(parties={"network": PartySigner("net-01", learned=first)})
    result = check(issued, by_network, roots, signers=rules)
    rejected_for(
        result,
        r"^The signature for the network \(field “sig_network”\) is by Jean Dupont, but "
        r"net-01 signs with the certificate of Marie Lambert, registered on 2026-01-05 "
        rf"\(doc#net-01#fr\)\. If net-01 now signs with this certificate, add its "
        rf"fingerprint {jean.fingerprint} to the signing_certificates of net-01",
    )
    assert result.signed_roles == ()
    learned = SignerRules(
        parties={
            "network": PartySigner("net-01", learned=replace(first, fingerprint=jean.fingerprint))
        }
    )
    assert check(issued, by_network, roots, signers=learned).verdict == ACCEPTED


@pytest.mark.libreoffice
def test_a_certificate_registered_for_another_party(by_network, issued, ca, roots):
    """Jean Dupont's certificate signed for net-02 as its network; net-01's network may not
    sign with it, unless net-01's party file lists it. The hospital that represents a
    network may sign with the network's certificate."""
    jean = ca.people["network"]
    before = KnownCertificate(
        jean.fingerprint, "Jean Dupont", "2026-01-05", "doc#net-02#fr", "net-02", "network"
    )

    def rules(listed=(), role="network"):
        return SignerRules(
            parties={"network": PartySigner("net-01", listed)},
            registered_with=lambda fingerprint: (
                [replace(before, role=role)] if fingerprint == jean.fingerprint else []
            ),
        )

    result = check(issued, by_network, roots, signers=rules())
    rejected_for(
        result,
        r"^The signature for the network \(field “sig_network”\) is by Jean Dupont, whose "
        r"certificate signs for net-02 as the network \(registered on 2026-01-05, "
        r"doc#net-02#fr\): a certificate signs for one party only\. If Jean Dupont also "
        rf"signs for net-01, add the fingerprint {jean.fingerprint} to the "
        r"signing_certificates of net-01",
    )
    assert check(issued, by_network, roots, signers=rules((jean.fingerprint,))).accepted
    assert check(issued, by_network, roots, signers=rules(role="hospital")).accepted


@pytest.mark.libreoffice
@pytest.mark.parametrize(
    "listed, accepted",
    [
        (("network",), True),
        (("hospital",), False),
        (("jean  DUPONT",), True),
        (("CN=Jean Dupont, O=Réseau Fictif",), True),
        (("CN=Jean Dupont, O=Hôpital Fictif",), False),
        (("Marie Lambert", "network"), True),
    ],
)
def test_the_certificates_a_party_lists(by_network, issued, ca, roots, listed, accepted):
    """A party file's signing_certificates: fingerprints ("network": the fingerprint of
    that test certificate) or names; they replace what was learned."""
    entries = tuple(ca.people[e].fingerprint if e in ca.people else e for e in listed)
    other = KnownCertificate(ca.people["hospital"].fingerprint, "Marie Lambert", "2026-01-05")
    rules = SignerRules(parties={"network": PartySigner("net-01", entries, learned=other)})
    result = check(issued, by_network, roots, signers=rules)
    if accepted:
        assert result.verdict == ACCEPTED, result.reason
    else:
        rejected_for(
            result,
            r"^The signature for the network \(field “sig_network”\) is by Jean Dupont, "
            r"but net-01 signs with (the certificate [0-9a-f]{16}…|CN=Jean Dupont, O=Hôpital "
            r"Fictif) \(its signing_certificates in the party file\)\.",
        )


# --- the certificates --------------------------------------------------------------------


@pytest.mark.libreoffice
def test_a_certificate_name_with_a_national_number_is_masked(issued, ca, roots):
    signed = sign_field(issued, "sig_network", ca.signer("numbered"))
    result = check(issued, signed, roots)
    rejected_for(
        result,
        r"^Signed by Luc Martin \[numéro du Registre national\], whose certificate does not "
        r"chain to a trusted root \(it is self-signed\)\.$",
    )
    (signature,) = result.signatures
    assert signature.signer_name == "Luc Martin [numéro du Registre national]"
    assert "85073003328" not in result.reason and NATIONAL_NUMBER not in result.reason


@pytest.mark.libreoffice
def test_an_untrusted_signer(issued, ca, roots):
    """An impostor's self-signed certificate with the real signer's name."""
    signed = sign_field(issued, "sig_network", ca.signer("untrusted"))
    result = check(issued, signed, roots)
    rejected_for(
        result,
        r"^Signed by Jean Dupont, whose certificate does not chain to a trusted root "
        r"\(it is self-signed\)\.$",
    )
    (signature,) = result.signatures
    assert signature.intact and signature.valid and not signature.trusted
    assert signature.fingerprint == ca.people["untrusted"].fingerprint
    assert signature.fingerprint != ca.people["network"].fingerprint
    assert signature.subject == ca.people["network"].subject  # same name, other key


@pytest.mark.libreoffice
def test_a_signer_from_an_authority_we_do_not_trust(issued, by_network, ca):
    """The genuine signature, checked against other roots."""
    result = check(issued, by_network, [ca.people["untrusted"].certificate])
    rejected_for(
        result,
        r"Signed by Jean Dupont, whose certificate does not chain to a trusted root \(it "
        r"was issued by “Conventio Test Signing CA”, which is not a trusted authority\)",
    )


@pytest.mark.libreoffice
def test_an_expired_certificate(issued, ca, roots):
    signed = sign_field(issued, "sig_network", ca.signer("expired"))
    result = check(issued, signed, roots)
    expiry = ca.people["expired"].certificate.not_valid_after_utc.strftime("%Y-%m-%d")
    rejected_for(result, rf"^Signed by Paul Ancien with a certificate that expired on {expiry}")
    (signature,) = result.signatures
    assert signature.intact and not signature.trusted
    assert signature.not_valid_after < result.checked_at


@pytest.mark.libreoffice
def test_checked_at_another_moment(issued, by_network, ca, roots):
    """`at`: the network's certificate, valid today, has expired two years from now."""
    later = dt.datetime.now(dt.UTC) + dt.timedelta(days=800)
    result = check(issued, by_network, roots, at=later)
    rejected_for(result, r"^Signed by Jean Dupont with a certificate that expired on")
    assert result.checked_at == later
    with pytest.raises(ConventioError, match="needs a time zone"):
        check(issued, by_network, roots, at=dt.datetime(2026, 1, 1))


@pytest.mark.libreoffice
def test_an_authentication_certificate(issued, ca, roots):
    signed = sign_field(issued, "sig_network", ca.signer("authentication"))
    result = check(issued, signed, roots)
    rejected_for(result, r"with a certificate that is not meant for signing documents")
