"""Who signs a document, in which name, and who issues it: declared once.

The corpus says who signs each convention and amendment (its `signatories`,
which `conventio check` holds to its signature blocks); a circular is a letter
that no one signs. One rule is particular: in a network-provider convention
and its amendments, the provider signs either as a psychologist/orthopedagogue
(role `provider`) or as an organisation (role `organisation`), so the copy made
for one provider keeps only the role of its kind (`SIGNS_AS`).

>>> copy_roles(("provider", "organisation", "network", "hospital"), "organisation")
('organisation', 'network', 'hospital')
>>> copy_roles(("committee", "network", "hospital"), None)
('committee', 'network', 'hospital')
>>> signer_parties(("provider", "network", "hospital"), network="net-01",
...                hospital="hos-01", provider="psy-0001")
{'provider': 'psy-0001', 'network': 'net-01', 'hospital': 'hos-01'}

Generation applies this when it makes each copy and writes the roles, the
party signing in each and the provider's kind into the manifest; the signature
register reads them from there and never decides again.

In a personalised copy each role's signature block names its signatory
(`SIGNATORY`): the network signs through the director general of the hospital
representing it (the one with which the SPF concluded a convention B4), the
hospital through the director general of the collecting hospital, a provider by
its own name, an organisation by its representative's; the insurance
committee's official is printed by the corpus itself. The director's capacity
is in the corpus's words, chosen by the gender the party data give (`choice`).

>>> SIGNATORY["network"].name, SIGNATORY["organisation"].gender
('hospital.director', None)
>>> choice("hospital.director_gender", "f")
'hospital.director_gender=f'

Who issues a document decides its letterhead: INAMI issues its conventions
with the networks, their amendments and its letters; a network issues the
model convention with its providers and its amendments (`issuer`).

>>> ISSUERS["network-provider"], issuer(None)
('network', 'inami')
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

from generator.model.documents import (
    PROVIDER_KINDS,
    Amendment,
    Convention,
)

#: the role in which a provider of each kind signs
SIGNS_AS: Mapping[str, str] = MappingProxyType(
    {"psychologist": "provider", "organisation": "organisation"}
)

#: who signs each kind of convention as the published models have it (the
#: importer proposes these when a text shows no signature block)
USUAL_SIGNATORIES: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {
        "inami-network": ("committee", "network", "hospital"),
        "network-provider": ("provider", "organisation", "network", "hospital"),
    }
)


def signatories(document: Any) -> tuple[str, ...]:
    """The roles that sign `document`, in its order: a convention's (for a
    coordinated copy) or an amendment's own `signatories`; no one for a circular
    or the code registry."""
    if isinstance(document, Amendment | Convention):
        return tuple(document.signatories)
    return ()


def copy_roles(roles: Iterable[str], provider_kind: str | None) -> tuple[str, ...]:
    """The roles that sign the copy of a document made for one party: all of
    them for a network; for a provider, all but the role of the other kind of
    provider. Raises ValueError for a provider kind that is not one."""
    roles = tuple(roles)
    if provider_kind is None:
        return roles
    if provider_kind not in SIGNS_AS:
        raise ValueError(f"a provider is a {' or an '.join(PROVIDER_KINDS)}, not {provider_kind!r}")
    others = set(SIGNS_AS.values()) - {SIGNS_AS[provider_kind]}
    return tuple(role for role in roles if role not in others)


def signer_parties(
    roles: Iterable[str], *, network: str, hospital: str | None, provider: str | None
) -> dict[str, str | None]:
    """For each role, the id of the party that signs in it: the network, the
    hospital that represents it, the provider (in either provider role). The
    insurance committee is no party of a party file: None."""
    known = {
        "committee": None,
        "network": network or None,
        "hospital": hospital or None,
        "provider": provider or None,
        "organisation": provider or None,
    }
    return {role: known[role] for role in roles}


@dataclass(frozen=True)
class Signatory:
    """The person who signs in a role, as the party data name them."""

    #: the slot holding their name ("hospital.director")
    name: str
    #: the party field giving their gender (f/m), which chooses the words of the
    #: block's capacity; None when the role's block states no gendered capacity
    gender: str | None = None


#: who signs in each role; the committee is absent: the corpus prints its official
SIGNATORY: Mapping[str, Signatory] = MappingProxyType(
    {
        "network": Signatory("hospital.director", "hospital.director_gender"),
        "hospital": Signatory(
            "collecting_hospital.director", "collecting_hospital.director_gender"
        ),
        "provider": Signatory("provider.name"),
        "organisation": Signatory("organisation.representative"),
    }
)
#: the gender that chooses a block's `capacity_feminine`
FEMININE = "f"


def choice(gender_field: str, gender: str) -> str:
    """How a copy's party data choose among the corpus's wordings ("adults",
    "psychologist" for the kinds): here, the gender a party field gives."""
    return f"{gender_field}={gender}"


#: who issues the documents of each kind of convention (its letterhead)
ISSUERS: Mapping[str, str] = MappingProxyType(
    {"inami-network": "inami", "network-provider": "network"}
)


def issuer(convention_kind: str | None) -> str:
    """Who issues a document: by the kind of the convention it is (or amends);
    None for a letter, which INAMI writes."""
    return "inami" if convention_kind is None else ISSUERS[convention_kind]
