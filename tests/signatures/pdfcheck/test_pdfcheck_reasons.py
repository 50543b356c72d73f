"""The checks of a returned PDF name what they find (`signatures.reasons`: verdicts and
reasons as enums) and the words of each reason live in one place
(`signatures.wording.english`): changing a sentence there changes what every check
says, and nothing else says it."""

from __future__ import annotations

import datetime as dt
import io
import string

import pytest
from pypdf import PdfWriter

from generator.pdf.finish import finish
from signatures.pdfcheck import check_returned, load_trust_roots
from signatures.reasons import Finding, Reason, Verdict, rejected, review
from signatures.returned_file import Unreadable, read_returned
from signatures.samples.signing_ca import sign_field, signing_ca
from signatures.signer_rules import KnownCertificate, SignerRules, signer_problems
from signatures.wording import english, say

ROLES = ("committee", "network", "hospital")
T = dt.datetime(2025, 5, 1, 12, 30, tzinfo=dt.UTC)


@pytest.fixture(scope="module")
def issued() -> bytes:
    """A one-page PDF finished as generation finishes it (no LibreOffice needed)."""
    writer = PdfWriter()
    writer.add_blank_page(595.28, 841.89)
    out = io.BytesIO()
    writer.write(out)
    return finish(out.getvalue(), document_id="doc#p#fr", content_hash="h", signing_roles=ROLES)


@pytest.fixture(scope="module")
def roots(tmp_path_factory):
    return load_trust_roots(signing_ca().write_trust_folder(tmp_path_factory.mktemp("trust")))


def test_a_check_names_its_verdict_and_reasons(issued, roots):
    refused = check_returned(issued, b"PK\x03\x04 a zip", roots, ROLES)
    assert refused.verdict is Verdict.REJECTED
    (finding,) = refused.findings
    assert finding.reason is Reason.RETURNED_FILE_UNUSABLE
    assert finding.params["problem"].reason is Reason.NOT_A_PDF_BUT_ZIP
    assert refused.reason == say(finding)

    unsigned = check_returned(issued, issued, roots, ROLES)
    assert [f.reason for f in unsigned.findings] == [Reason.NO_SIGNATURE]

    signed = sign_field(issued, "sig_committee", signing_ca().signer("committee"))
    twice = sign_field(signed, "sig_network", signing_ca().signer("committee"))
    result = check_returned(issued, twice, roots, ROLES)
    assert [f.reason for f in result.findings] == [Reason.ROLE_SIGNED_TWICE_BY_ONE_CERTIFICATE]
    assert result.findings[0].params["roles"] == ["committee", "network"]

    accepted = check_returned(issued, signed, roots, ROLES)
    assert accepted.verdict is Verdict.ACCEPTED and accepted.verdict == "accepted"
    assert [f.reason for f in accepted.findings] == [
        Reason.RETURNED_FILE_ACCEPTED,
        Reason.ROLES_STILL_TO_SIGN,
    ]
    (signature,) = accepted.signatures
    assert signature.verdict is Verdict.ACCEPTED
    assert [f.reason for f in signature.findings] == [Reason.SIGNATURE_ACCEPTED]


def test_the_words_come_from_the_wording_module_alone(issued, roots, monkeypatch):
    """A translation replaces the sentences: the check then says them, every one."""
    monkeypatch.setitem(english.SENTENCES, Reason.NO_SIGNATURE, "Le fichier n'est pas signé.")
    monkeypatch.setitem(english.SENTENCES, Reason.RETURNED_FILE_UNUSABLE, "Le fichier {problem}.")
    monkeypatch.setitem(english.SENTENCES, Reason.EMPTY, "est vide")
    monkeypatch.setitem(english.PHRASES, "signer for role", "{signer} (pour le rôle {role})")
    assert check_returned(issued, issued, roots, ROLES).reason == "Le fichier n'est pas signé."
    assert check_returned(issued, b"", roots, ROLES).reason == "Le fichier est vide."
    signed = sign_field(issued, "sig_committee", signing_ca().signer("committee"))
    said = check_returned(issued, signed, roots, ROLES).reason
    assert said.startswith("Signed by Anne Peeters (pour le rôle committee). ")


def test_every_reason_has_its_words():
    assert set(english.SENTENCES) == set(Reason)
    for reason, entry in english.SENTENCES.items():
        forms = entry[:2] if isinstance(entry, english.Plural) else (entry,)
        for form in forms:
            names = [name for _, name, _, _ in string.Formatter().parse(form) if name]
            assert all(name.isidentifier() for name in names), (reason, names)


#: findings with their parameters, and the sentence each says
FINDINGS_SAID: list[tuple[Finding, str]] = [
    (
        rejected(
            Reason.CHAIN_EXPIRED,
            signer="Jean Dupont",
            field="sig_ts",
            timestamp=True,
            horizon=T,
        ),
        "The document time-stamp by Jean Dupont, but a certificate in the chain above "
        "theirs expired (2025-05-01 12:30 UTC).",
    ),
    (
        rejected(Reason.CHAIN_EXPIRED, signer="J", field="f", timestamp=False, horizon=None),
        "Signed by J, but a certificate in the chain above theirs expired (an unknown date).",
    ),
    (
        rejected(
            Reason.CONTENT_CHANGED_BEFORE_SIGNING,
            what=(
                rejected(Reason.PAGES_CHANGED, numbers=[2]),
                rejected(Reason.PAGES_MARKED, numbers=[1, 3, 4]),
            ),
            signer="Jean Dupont",
            field="sig_network",
            timestamp=False,
        ),
        "Page 2 was changed and comments or markings were put on pages 1, 3 and 4 before "
        "it was signed: between the document we issued and the signature of Jean Dupont "
        "(field “sig_network”), the file was edited, so what was signed is not the "
        "document we issued.",
    ),
    (
        rejected(
            Reason.ROLE_SIGNED_WITH_A_CERTIFICATE_USED_BEFORE,
            signer="Jean Dupont",
            roles=["committee"],
            registered_roles=[("network", "2026-01-05"), ("hospital", "2026-01-06")],
            may_share=[["hospital", "network"]],
        ),
        "Jean Dupont signed for the committee with the certificate that already signed "
        "for the network (registered on 2026-01-05) and the hospital (registered on "
        "2026-01-06): each role must be signed by its own signer (only the hospital and "
        "the network may share one).",
    ),
    (
        rejected(Reason.DOCUMENT_DECLINED, ended_at=T, reason="refused", role="hospital"),
        "this document was declined by the hospital on 2025-05-01 (refused): its signing "
        "has ended, so signatures on it are not recorded; if the party has changed its "
        "mind, a new copy must be issued",
    ),
    (
        rejected(Reason.DOCUMENT_VOIDED, ended_at=None, reason="", role=None),
        "this document was voided on an unknown date: signatures on it are not recorded",
    ),
    (
        review(Reason.TIMESTAMP_DAMAGED, signer="Marie Lambert", field="f", timestamp=False),
        "The time-stamp on the signature of Marie Lambert is damaged, so the signing time "
        "it gives cannot be relied on; a person should look.",
    ),
]


@pytest.mark.parametrize("finding, sentence", FINDINGS_SAID)
def test_sentences_with_their_parameters(finding: Finding, sentence: str):
    assert say(finding) == sentence


def test_a_signer_rule_names_its_reason():
    signature = type(
        "Signed",
        (),
        dict(
            field_name="sig_committee",
            role="committee",
            kind="signature",
            signer_name="Jean Dupont",
            subject="CN=Jean Dupont",
            fingerprint="a" * 64,
        ),
    )()
    rules = SignerRules(recorded={"network": KnownCertificate("a" * 64, "Jean", "2026-01-05")})
    (problem,) = signer_problems([signature], ROLES, rules)
    assert problem.finding.reason is Reason.ROLE_SIGNED_WITH_A_CERTIFICATE_USED_BEFORE
    assert problem.message == say(problem.finding)
    assert problem.message.startswith("Jean Dupont signed for the committee with the cert")


def test_an_unreadable_returned_file_names_its_reason(tmp_path):
    with pytest.raises(Unreadable) as raised:
        read_returned(tmp_path)
    assert raised.value.finding.reason is Reason.A_FOLDER
    assert str(raised.value) == say(raised.value.finding)
