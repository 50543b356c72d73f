"""What a batch produces: one unit per party (a network, or a provider within
one of its networks), and which template, variants and signers apply."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from generator.corpus.collection import Corpus
from generator.errors import ConventioError
from generator.model.documents import Amendment, Circular, Convention


@dataclass(frozen=True)
class DocumentSpec:
    """A corpus document as something to generate."""

    doc_id: str
    kind: str  # amendment | coordinated | circular
    convention: Convention | None
    #: which party a copy is made for: "network" or "provider"
    scope: str
    template: str

    @property
    def signatories(self) -> tuple[str, ...]:
        document = self.convention
        return tuple(document.signatories) if document else ()


@dataclass(frozen=True)
class Unit:
    """One personalised document: for a network, or for a provider (a
    psychologist or an organisation) working with one network."""

    network: Any
    provider: Any | None = None
    provider_kind: str | None = None  # psychologist | organisation

    @property
    def party_id(self) -> str:
        if self.provider is None:
            return self.network.id
        return f"{self.provider.id}@{self.network.id}"

    @property
    def variants(self) -> frozenset[str]:
        kinds = {self.network.kind}
        if self.provider_kind:
            kinds.add(self.provider_kind)
        return frozenset(kinds)

    def roles(self, spec: DocumentSpec) -> frozenset[str]:
        if self.provider_kind is None:
            return frozenset(spec.signatories)
        other = "organisation" if self.provider_kind == "psychologist" else "provider"
        return frozenset(r for r in spec.signatories if r != other)


def document_spec(corpus: Corpus, doc_id: str) -> DocumentSpec:
    document = corpus.get(doc_id)
    if isinstance(document, Amendment):
        convention = corpus.get(document.amends)
        assert isinstance(convention, Convention)
        return DocumentSpec(
            doc_id, "amendment", convention, _scope(convention), f"amendment-{convention.kind}"
        )
    if isinstance(document, Convention):
        return DocumentSpec(
            doc_id, "coordinated", document, _scope(document), "coordinated-convention"
        )
    if isinstance(document, Circular):
        return DocumentSpec(doc_id, "circular", None, "network", "circular")
    raise ConventioError(f"{doc_id!r} is a {document.type}: there is no document to generate")


def _scope(convention: Convention) -> str:
    return "provider" if convention.kind == "network-provider" else "network"


def units_for(spec: DocumentSpec, parties: Any, only: set[str] | None = None) -> list[Unit]:
    """Every unit of a batch, in a stable order; `only` keeps the party ids
    (a network, a provider, or provider@network) named."""
    units: list[Unit] = []
    if spec.scope == "network":
        units = [Unit(network) for network in parties.networks]
    else:
        for provider in parties.providers:
            for network in parties.networks_of(provider.id):
                units.append(Unit(network, provider, provider.party_type))
    if only:
        wanted = set(only)
        units = [
            u
            for u in units
            if u.party_id in wanted
            or u.network.id in wanted
            or (u.provider is not None and u.provider.id in wanted)
        ]
        known = {u.party_id for u in units} | {u.network.id for u in units}
        known |= {u.provider.id for u in units if u.provider is not None}
        unknown = sorted(wanted - known)
        if unknown:
            raise ConventioError(
                f"--only names parties this batch does not have: {', '.join(unknown)}"
            )
    units.sort(key=lambda u: u.party_id)
    return units
