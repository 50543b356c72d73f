"""Who may sign in which role: each role with its own certificate, each party with its own.

Three rules, checked on the signatures of a returned PDF (`signer_problems`):

1. **One certificate per role.** Two roles of a document signed with the same
   certificate (the same SHA-256 fingerprint) are refused, unless the two roles may
   share one (`signatures.roles.MAY_SHARE_CERTIFICATE`: the network and the hospital
   that represents it). The signatures recorded earlier for the document count too: a
   certificate that signed for the network on Monday cannot sign for the committee on
   Tuesday.
2. **A party signs with its own certificate.** When the party file lists the party's
   `signing_certificates`, the certificate must be one of them (by fingerprint, or by
   the signer's name: see `certificate_matches`). When it lists none, the certificate of
   the party's first accepted signature in a role is learned, and then required.
3. **A certificate signs for one party.** A certificate registered for one party
   (net-01 as the network) does not sign for another (psy-0001 as the provider, net-02 as
   its network), unless the two roles may share one, or the other party lists it in its
   `signing_certificates` (someone who really signs for both is declared there).

Pure: the register and the party file give the expectations (`SignerRules`, gathered by
`signatures.importing`); this module reads neither. Each breach is a finding
(`signatures.reasons`), said by `signatures.wording`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Protocol

from generator.parties.numbers import is_fingerprint
from signatures.reasons import Finding, Reason, rejected
from signatures.roles import MAY_SHARE_CERTIFICATE
from signatures.wording import say

__all__ = [
    "KnownCertificate",
    "PartySigner",
    "SignerProblem",
    "SignerRules",
    "certificate_matches",
    "signer_problems",
]


class Signed(Protocol):
    """What the rules read of a checked signature (`pdfcheck.SignatureCheck`)."""

    field_name: str
    role: str | None
    kind: str
    signer_name: str
    subject: str
    fingerprint: str


@dataclass(frozen=True)
class KnownCertificate:
    """A certificate the register already holds a signature of."""

    fingerprint: str
    #: the signer's name (the certificate's common name)
    name: str
    #: when that signature was registered: "2026-01-05"
    registered: str = ""
    #: the document it was registered for
    document_id: str = ""
    #: the party and the role it signed for there
    party: str = ""
    role: str = ""


@dataclass(frozen=True)
class PartySigner:
    """The party that signs a document in one role, and what it signs with."""

    party: str
    #: the party file's `signing_certificates`: fingerprints or names (normalised)
    listed: tuple[str, ...] = ()
    #: the certificate of its first accepted signature in this role, if any
    learned: KnownCertificate | None = None


@dataclass(frozen=True)
class SignerRules:
    """What a returned PDF's signers must match."""

    #: role -> the party that signs in it (roles with no known party are absent)
    parties: Mapping[str, PartySigner] = field(default_factory=dict)
    #: role -> the certificate already recorded for this document in that role
    recorded: Mapping[str, KnownCertificate] = field(default_factory=dict)
    #: the pairs of roles that one certificate may sign together
    may_share: frozenset[frozenset[str]] = MAY_SHARE_CERTIFICATE
    #: fingerprint -> the signatures registered with that certificate, for any document
    #: (the register's look-up, given by the caller; by default none)
    registered_with: Callable[[str], Sequence[KnownCertificate]] = lambda fingerprint: ()


@dataclass(frozen=True)
class SignerProblem:
    #: the roles whose signature in the returned file is refused for it
    roles: tuple[str, ...]
    finding: Finding

    @property
    def message(self) -> str:
        return say(self.finding)


def signer_problems(
    signatures: Sequence[Signed], roles: Sequence[str], rules: SignerRules
) -> list[SignerProblem]:
    """Every breach of the three rules by the signatures (in `roles`) of a returned PDF."""
    people = [s for s in signatures if s.kind == "signature" and s.role in roles and s.fingerprint]
    found = _shared_certificates(people, roles, rules)
    for signature in people:
        expected = rules.parties.get(signature.role)
        if expected is not None:
            problem = _wrong_party(signature, expected) or _other_partys(signature, expected, rules)
            if problem:
                found.append(problem)
    return found


def certificate_matches(entry: str, signature: Signed) -> bool:
    """Whether a party file's entry names this signature's certificate: a fingerprint
    must be the certificate's; a plain name ("Jean Dupont") its common name; a name with
    "=" ("CN=Jean Dupont, O=Réseau X") must have each of its parts in its subject.
    Names are compared without regard to case or repeated spaces."""
    if is_fingerprint(entry):
        return entry == signature.fingerprint
    if "=" in entry:
        return _parts(entry) <= _parts(signature.subject)
    return _fold(entry) == _fold(signature.signer_name)


def _fold(text: str) -> str:
    return " ".join(text.split()).casefold()


def _parts(name: str) -> set[tuple[str, str]]:
    """The attributes of an RFC 4514 name, as (TYPE, value) pairs."""
    found = set()
    for part in re.split(r"(?<!\\)[,+]", name):
        kind, _, value = part.partition("=")
        if value:
            found.add((kind.strip().upper(), _fold(value.replace("\\", ""))))
    return found


def _shared_certificates(
    people: list[Signed], roles: Sequence[str], rules: SignerRules
) -> list[SignerProblem]:
    """Rule 1: roles signed with one certificate, in this file or recorded before."""
    uses: dict[str, dict[str, str]] = {}  # fingerprint -> role -> signer's name
    earlier: dict[str, dict[str, KnownCertificate]] = {}
    for signature in people:
        uses.setdefault(signature.fingerprint, {}).setdefault(signature.role, signature.signer_name)
    for role, known in rules.recorded.items():
        if role in roles and known.fingerprint in uses and role not in uses[known.fingerprint]:
            uses[known.fingerprint][role] = known.name
            earlier.setdefault(known.fingerprint, {})[role] = known
    found = []
    for fingerprint, by_role in uses.items():
        shared = [r for r in roles if r in by_role]
        clash = [
            (a, b)
            for i, a in enumerate(shared)
            for b in shared[i + 1 :]
            if frozenset((a, b)) not in rules.may_share
        ]
        if not clash:
            continue
        now = [r for r in shared if r not in earlier.get(fingerprint, {})]
        before = earlier.get(fingerprint, {})
        may_share = [sorted(pair) for pair in sorted(rules.may_share, key=sorted)]
        if before:
            finding = rejected(
                Reason.ROLE_SIGNED_WITH_A_CERTIFICATE_USED_BEFORE,
                signer=by_role[now[0]],
                roles=now,
                registered_roles=[(r, known.registered) for r, known in before.items()],
                may_share=may_share,
            )
        else:
            finding = rejected(
                Reason.ROLE_SIGNED_TWICE_BY_ONE_CERTIFICATE,
                signer=by_role[now[0]],
                roles=shared,
                may_share=may_share,
            )
        found.append(SignerProblem(tuple(now), finding))
    return found


def _other_partys(
    signature: Signed, expected: PartySigner, rules: SignerRules
) -> SignerProblem | None:
    """Rule 3: a certificate registered for another party, in a role not shared."""
    if any(certificate_matches(entry, signature) for entry in expected.listed):
        return None  # the party file says this signer signs for this party too
    role, party = signature.role, expected.party
    for known in rules.registered_with(signature.fingerprint):
        if not known.party or known.party == party:
            continue
        if frozenset((known.role, role)) in rules.may_share:
            continue
        return SignerProblem(
            (role,),
            rejected(
                Reason.CERTIFICATE_OF_ANOTHER_PARTY,
                **_who(signature, party),
                other_party=known.party,
                other_role=known.role,
                registered=known.registered,
                document_id=known.document_id,
            ),
        )
    return None


def _who(signature: Signed, party: str) -> dict[str, str]:
    """The facts every breach of rules 2 and 3 names."""
    return {
        "role": signature.role,
        "field": signature.field_name,
        "signer": signature.signer_name,
        "fingerprint": signature.fingerprint,
        "party": party,
    }


def _wrong_party(signature: Signed, expected: PartySigner) -> SignerProblem | None:
    """Rule 2: the party's own certificate, listed or learned."""
    if expected.listed:
        if any(certificate_matches(entry, signature) for entry in expected.listed):
            return None
        entries = [(entry, is_fingerprint(entry)) for entry in expected.listed]
        return SignerProblem(
            (signature.role,),
            rejected(
                Reason.NOT_A_LISTED_CERTIFICATE,
                **_who(signature, expected.party),
                entries=entries,
            ),
        )
    known = expected.learned
    if known is None or known.fingerprint == signature.fingerprint:
        return None
    return SignerProblem(
        (signature.role,),
        rejected(
            Reason.NOT_THE_FIRST_CERTIFICATE,
            **_who(signature, expected.party),
            known_signer=known.name,
            same_signer=_fold(known.name) == _fold(signature.signer_name),
            registered=known.registered,
            document_id=known.document_id,
        ),
    )
