"""What a batch produces: one unit per party (a network, or a provider within
one of its networks), and which template, variants and signers apply (the
rule of who signs is generator/model/signing.py)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator.corpus.collection import Corpus
from generator.errors import ConventioError
from generator.model.documents import CONVENTION_KINDS, Amendment, Circular, Convention
from generator.model.signing import copy_roles, signatories, signer_parties

#: the Word templates documents are made from (templates/<lang>/<name>.docx): an
#: amendment's by the kind of convention it amends, a coordinated convention's, a letter's
TEMPLATES = (
    *(f"amendment-{kind}" for kind in CONVENTION_KINDS),
    "coordinated-convention",
    "circular",
)
#: templates of letters conventio makes from computed data, not from one corpus document
#: (the practice bonus statement of `conventio bonus statements`): each uses only the
#: variables every document has (title, blocks, letterhead, reference), and `templates
#: check` tries it with the context of the document template named here, unsigned
LETTER_TEMPLATES = {"bonus-statement": "amendment-inami-network"}


@dataclass(frozen=True)
class DocumentSpec:
    """A corpus document as something to generate."""

    doc_id: str
    kind: str  # amendment | coordinated | circular
    convention: Convention | None
    #: which party a copy is made for: "network" or "provider"
    scope: str
    template: str
    #: the roles that sign the document (each copy: `Unit.roles`)
    signatories: tuple[str, ...]


@dataclass(frozen=True)
class Unit:
    """One personalised document: for a network, or for a provider (a
    psychologist or an organisation) working with one network."""

    network: Any
    provider: Any | None = None
    provider_kind: str | None = None  # psychologist | organisation
    #: what else the party data choose among the corpus's wordings (a director's
    #: gender: generator.parties.slots.wording_choices)
    choices: frozenset[str] = frozenset()

    @property
    def party_id(self) -> str:
        if self.provider is None:
            return self.network.id
        return f"{self.provider.id}@{self.network.id}"

    @property
    def variants(self) -> frozenset[str]:
        """What chooses among the corpus's wordings for this copy: the network's
        and the provider's kinds, and the other choices of the party data."""
        kinds = {self.network.kind, *self.choices}
        if self.provider_kind:
            kinds.add(self.provider_kind)
        return frozenset(kinds)

    def roles(self, spec: DocumentSpec) -> tuple[str, ...]:
        """The roles that sign this copy, in the document's order."""
        return copy_roles(spec.signatories, self.provider_kind)

    def signers(self, roles: tuple[str, ...]) -> dict[str, str | None]:
        """For each role, the id of the party that signs in it (None: the committee)."""
        provider = self.provider.id if self.provider is not None else None
        return signer_parties(
            roles, network=self.network.id, hospital=self.network.hospital, provider=provider
        )


def document_spec(corpus: Corpus, doc_id: str) -> DocumentSpec:
    document = corpus.get(doc_id)
    if isinstance(document, Amendment):
        convention = corpus.get(document.amends)
        assert isinstance(convention, Convention)
        template = f"amendment-{convention.kind}"
        scope = _scope(convention)
        return DocumentSpec(doc_id, "amendment", convention, scope, template, signatories(document))
    if isinstance(document, Convention):
        template, scope = "coordinated-convention", _scope(document)
        return DocumentSpec(doc_id, "coordinated", document, scope, template, signatories(document))
    if isinstance(document, Circular):
        refuse_untranscribed(document)
        return DocumentSpec(doc_id, "circular", None, "network", "circular", signatories(document))
    raise ConventioError(f"{doc_id!r} is a {document.type}: there is no document to generate")


def refuse_untranscribed(circular: Circular) -> None:
    """A circular whose letter the corpus does not hold cannot be generated: its
    copies would be a letterhead and a subject around nothing."""
    if circular.body:
        return
    sources = ", ".join(source.document for source in circular.sources)
    raise ConventioError(
        f"{circular.id} cannot be generated: the corpus does not hold the text of its "
        f"letter (its file has no 'body'; source: {sources}). Transcribe the letter word "
        "for word into its 'body' (docs/corpus-format.md), then generate again."
    )


def document_date(corpus: Corpus, spec: DocumentSpec, at: dt.date | None) -> dt.date:
    """The date a copy carries: `at` when given; else an amendment's date of
    issue (or of entry into force, or of approval), a letter's date, or today."""
    document = corpus.get(spec.doc_id)
    if at is not None:
        return at
    if isinstance(document, Amendment):
        dates = document.dates
        return dates.issued or document.in_force.date or dates.approved or dt.date.today()
    if isinstance(document, Circular):
        return document.date
    return dt.date.today()


def document_id(spec: DocumentSpec, unit: Unit, lang: str, date: dt.date) -> str:
    source = f"{spec.doc_id}@{date.isoformat()}" if spec.kind == "coordinated" else spec.doc_id
    return f"{source}#{unit.party_id}#{lang}"


def output_folder(out: Path, spec: DocumentSpec, date: dt.date) -> Path:
    """Where a batch goes: OUT/<document id>; for a coordinated convention, whose
    text depends on the date, OUT/<convention>/<date>."""
    folder = out / spec.doc_id
    return folder / date.isoformat() if spec.kind == "coordinated" else folder


def file_stem(spec: DocumentSpec, unit: Unit, lang: str, date: dt.date) -> str:
    """The name of a party's file, without extension: `party.lang`, and
    `party.date.lang` for a coordinated convention."""
    if spec.kind == "coordinated":
        return f"{unit.party_id}.{date.isoformat()}.{lang}"
    return f"{unit.party_id}.{lang}"


def _scope(convention: Convention) -> str:
    return "provider" if convention.kind == "network-provider" else "network"


def units_for(spec: DocumentSpec, parties: Any, only: set[str] | None = None) -> list[Unit]:
    """Every unit of a batch, in a stable order; `only` keeps the party ids
    (a network, a provider, or provider@network) named."""
    from generator.parties.slots import wording_choices

    units: list[Unit] = []
    choices = {n.id: wording_choices(parties.parties_for(n.id)) for n in parties.networks}
    if spec.scope == "network":
        units = [Unit(network, choices=choices[network.id]) for network in parties.networks]
    else:
        for provider in parties.providers:
            for network in parties.networks_of(provider.id):
                units.append(Unit(network, provider, provider.party_type, choices[network.id]))
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
