"""All the parties of one party file, and the questions documents ask of them:
which party has this id, which providers work with a network, which hospitals
represent it and collect for it."""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Protocol, TypeVar

from generator.errors import ConventioError
from generator.parties.model import (
    LISTS,
    AnyParty,
    Hospital,
    Network,
    Organisation,
    Party,
    Provider,
    Psychologist,
)
from generator.parties.problems import Cell, PartyProblem, shown

T = TypeVar("T", bound=Party)


class Located(Protocol):
    """Where a party was read (a RawRow): the cell of each of its fields."""

    def cell(self, name: str) -> Cell: ...


class PartyNotFound(ConventioError, KeyError):
    def __str__(self) -> str:  # KeyError would quote the message
        return str(self.args[0])


@dataclass(frozen=True)
class ConventionParties:
    """Who signs one convention: the network, the hospital representing it, the
    collecting hospital and, for a network-provider convention, the provider."""

    network: Network
    hospital: Hospital
    collecting_hospital: Hospital
    provider: Provider | None = None


@dataclass
class PartyRegister:
    networks: list[Network] = field(default_factory=list)
    hospitals: list[Hospital] = field(default_factory=list)
    psychologists: list[Psychologist] = field(default_factory=list)
    organisations: list[Organisation] = field(default_factory=list)
    source: str = field(default="the party register", compare=False)
    # where each party was read: (list name, index) -> its row; empty when built in code
    origins: dict[tuple[str, int], Located] = field(default_factory=dict, repr=False, compare=False)
    warnings: list[PartyProblem] = field(default_factory=list, repr=False, compare=False)

    def __post_init__(self) -> None:
        self._by_id: dict[str, AnyParty] = {}
        for party in self.all():
            self._by_id.setdefault(party.id, party)

    # --- reading -----------------------------------------------------------

    def all(self) -> Iterator[AnyParty]:
        """Every party: networks, hospitals, psychologists, organisations."""
        yield from self.networks
        yield from self.hospitals
        yield from self.psychologists
        yield from self.organisations

    def __len__(self) -> int:
        return sum(len(getattr(self, name)) for name in LISTS)

    def __contains__(self, party_id: object) -> bool:
        return party_id in self._by_id

    def counts(self) -> dict[str, int]:
        return {name: len(getattr(self, name)) for name in LISTS}

    @property
    def providers(self) -> list[Provider]:
        return [*self.psychologists, *self.organisations]

    def get(self, party_id: str) -> AnyParty:
        """The party with this id, of any kind."""
        try:
            return self._by_id[party_id]
        except KeyError:
            close = difflib.get_close_matches(party_id, list(self._by_id), n=1)
            hint = f"; did you mean {shown(close[0])}?" if close else ""
            raise PartyNotFound(f"no party {shown(party_id)} in {self.source}{hint}") from None

    def _typed(self, party_id: str, kinds: tuple[type[T], ...], what: str) -> T:
        party = self.get(party_id)
        if not isinstance(party, kinds):
            raise PartyNotFound(f"{shown(party_id)} is a {party.party_type}, not {what}")
        return party  # type: ignore[return-value]

    def network(self, network_id: str) -> Network:
        return self._typed(network_id, (Network,), "a network")

    def hospital(self, hospital_id: str) -> Hospital:
        return self._typed(hospital_id, (Hospital,), "a hospital")

    def provider(self, provider_id: str) -> Provider:
        return self._typed(
            provider_id, (Psychologist, Organisation), "a psychologist or an organisation"
        )

    def providers_of(self, network_id: str) -> list[Provider]:
        """The psychologists, then the organisations, working with a network (file order)."""
        self.network(network_id)
        return [p for p in self.providers if network_id in p.networks]

    def networks_of(self, provider_id: str) -> list[Network]:
        """The networks a provider works with, in the order the provider lists them."""
        provider = self.provider(provider_id)
        return [self.network(n) for n in provider.networks]

    def network_of(self, provider_id: str) -> Network:
        """The one network a provider works with; an error if it works with several."""
        networks = self.networks_of(provider_id)
        if len(networks) != 1:
            ids = ", ".join(shown(n.id) for n in networks)
            raise ConventioError(
                f"{shown(provider_id)} works with {len(networks)} networks ({ids}): say which one"
            )
        return networks[0]

    def hospital_of(self, network_id: str) -> Hospital:
        """The hospital representing a network."""
        return self.hospital(self.network(network_id).hospital)

    def collecting_hospital_of(self, network_id: str) -> Hospital:
        return self.hospital(self.network(network_id).collecting_hospital)

    def parties_for(self, network_id: str, provider_id: str | None = None) -> ConventionParties:
        """Who signs a convention of this network (with this provider, if given)."""
        network = self.network(network_id)
        provider = None
        if provider_id is not None:
            provider = self.provider(provider_id)
            if network_id not in provider.networks:
                raise ConventioError(
                    f"{shown(provider_id)} does not work with the network {shown(network_id)} "
                    f"(its networks: {', '.join(shown(n) for n in provider.networks)})"
                )
        return ConventionParties(
            network,
            self.hospital_of(network_id),
            self.collecting_hospital_of(network_id),
            provider,
        )

    # --- checking ----------------------------------------------------------

    def _cell(self, list_name: str, index: int, name: str) -> Cell:
        origin = self.origins.get((list_name, index))
        if origin is None:
            return Cell(self.source, 0, 0)
        return origin.cell(name)

    def _entries(self) -> Iterator[tuple[str, int, AnyParty]]:
        for list_name in LISTS:
            for index, party in enumerate(getattr(self, list_name)):
                yield list_name, index, party

    def check(self, unread: Mapping[str, str] | None = None) -> list[PartyProblem]:
        """Duplicate ids and numbers, references to parties that do not exist or
        are of the wrong kind, hospitals no network uses.

        `unread` maps the ids of entries that could not be read (their own
        errors are reported) to their type ("?" if unknown): a reference to one
        is not an error again."""
        unread = unread or {}
        return [
            *self._duplicate_ids(),
            *self._references(unread),
            *self._unused_hospitals(unread),
            *self._same_numbers(),
        ]

    def _duplicate_ids(self) -> list[PartyProblem]:
        problems: list[PartyProblem] = []
        first: dict[str, tuple[str, int, AnyParty]] = {}
        for list_name, index, party in self._entries():
            if party.id in first:
                other_list, other_index, other = first[party.id]
                here = self._cell(list_name, index, "id")
                where = self._cell(other_list, other_index, "id").seen_from(here)
                problems.append(
                    here.problem(
                        f"duplicate id {shown(party.id)}: already the id of the "
                        f"{other.party_type} at {where}"
                    )
                )
            else:
                first[party.id] = (list_name, index, party)
        return problems

    def _references(self, unread: Mapping[str, str]) -> list[PartyProblem]:
        """Each network's hospitals and each provider's networks must be parties
        of that kind; a network listed twice by one provider is a warning."""
        problems: list[PartyProblem] = []
        for index, network in enumerate(self.networks):
            for name in ("hospital", "collecting_hospital"):
                target = getattr(network, name)
                problems += self._refer(unread, "networks", index, name, target, Hospital)
        for list_name in ("psychologists", "organisations"):
            for index, provider in enumerate(getattr(self, list_name)):
                seen: set[str] = set()
                for target in provider.networks:
                    if target in seen:
                        problems.append(
                            self._cell(list_name, index, "networks").problem(
                                f"networks: {shown(target)} is listed twice", "warning"
                            )
                        )
                        continue
                    seen.add(target)
                    problems += self._refer(unread, list_name, index, "networks", target, Network)
        return problems

    def _refer(
        self,
        unread: Mapping[str, str],
        list_name: str,
        index: int,
        name: str,
        target: str,
        kind: type[Party],
    ) -> list[PartyProblem]:
        """What is wrong with the field `name` of an entry naming `target` as a `kind`."""
        cell = self._cell(list_name, index, name)
        found = self._by_id.get(target)
        found_type = found.party_type if found is not None else unread.get(target)
        if found_type in (kind.party_type, "?"):  # "?": an entry whose type is unreadable
            return []
        if found_type is None:
            known = [p.id for p in self.all() if isinstance(p, kind)]
            close = difflib.get_close_matches(target, known, n=1)
            hint = f"; did you mean {shown(close[0])}?" if close else ""
            return [cell.problem(f"{name}: no {kind.party_type} has the id {shown(target)}{hint}")]
        return [cell.problem(f"{name}: {shown(target)} is a {found_type}, not a {kind.party_type}")]

    def _unused_hospitals(self, unread: Mapping[str, str]) -> list[PartyProblem]:
        """Hospitals no network names (not said when some entries could not be read:
        one of those may name them)."""
        if unread:
            return []
        used = {
            getattr(n, name) for n in self.networks for name in ("hospital", "collecting_hospital")
        }
        return [
            self._cell("hospitals", index, "id").problem(
                f"the hospital {shown(hospital.id)} neither represents nor collects for "
                "any network",
                "warning",
            )
            for index, hospital in enumerate(self.hospitals)
            if hospital.id not in used
        ]

    def _same_numbers(self) -> list[PartyProblem]:
        """Two people cannot share a national register number; two parties of
        one list rarely share an INAMI number."""
        problems = []
        for list_name, field_name, severity, what in (
            ("psychologists", "nrn", "error", "national register number"),
            ("networks", "inami", "warning", "INAMI number"),
            ("hospitals", "inami", "warning", "INAMI number"),
            ("psychologists", "inami", "warning", "INAMI number"),
            ("organisations", "inami", "warning", "INAMI number"),
        ):
            seen: dict[str, int] = {}
            for index, party in enumerate(getattr(self, list_name)):
                value = getattr(party, field_name)
                if value is None:
                    continue
                if value in seen:
                    other = getattr(self, list_name)[seen[value]]
                    here = self._cell(list_name, index, field_name)
                    where = self._cell(list_name, seen[value], field_name).seen_from(here)
                    problems.append(
                        here.problem(
                            f"{field_name}: the same {what} as {shown(other.id)} ({where})",
                            severity,  # type: ignore[arg-type]
                        )
                    )
                else:
                    seen[value] = index
        return problems


def build_register(
    entries: Iterable[tuple[AnyParty, Located | None]], source: str
) -> PartyRegister:
    """A register from parties in the order read, each with where it was read."""
    register = PartyRegister(source=source)
    list_of = {model: name for name, model in LISTS.items()}
    for party, origin in entries:
        list_name = list_of[type(party)]
        items = getattr(register, list_name)
        if origin is not None:
            register.origins[(list_name, len(items))] = origin
        items.append(party)
    register.__post_init__()
    return register
