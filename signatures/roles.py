"""Who must sign an issued document, from the corpus, decided when it is issued.

An amendment is signed by its `signatories`, a convention (a coordinated copy)
by its own, a circular by no one. In the network-provider convention only one
of `provider` and `organisation` signs: the one the provider is."""

from __future__ import annotations

from typing import Any

from generator.errors import ConventioError
from generator.model.documents import Amendment, Circular, Convention

ROLES = ("committee", "network", "hospital", "provider", "organisation")
#: the pairs of roles that one certificate (one person) may sign together; any other two
#: roles of a document need two different certificates. A network is represented by its
#: hospital (a network's `hospital` in the party file), so the person who signs for that
#: hospital may sign for the network too.
MAY_SHARE_CERTIFICATE = frozenset({frozenset({"network", "hospital"})})
PROVIDER_KINDS = ("psychologist", "organisation")
#: ids of the example parties (and the usual convention): psy-..., org-...
_PREFIXES = {"psy-": "psychologist", "org-": "organisation"}


def required_roles(corpus: Any, source: str, provider_kind: str | None = None) -> tuple[str, ...]:
    """The roles that sign `source` (a corpus id), in the corpus's order."""
    document = corpus.get(source)
    if isinstance(document, Circular):
        return ()
    if isinstance(document, Amendment):
        convention = corpus.get(document.amends)
    elif isinstance(document, Convention):
        convention = document
    else:
        raise ConventioError(f"{source!r} is a {document.type}: no one signs it")
    roles = tuple(document.signatories)
    if getattr(convention, "kind", None) != "network-provider":
        return roles
    if provider_kind not in PROVIDER_KINDS:
        raise ConventioError(
            f"{source} is signed by the provider or by the organisation: say which the "
            f"party is (psychologist or organisation), not {provider_kind!r}"
        )
    other = "organisation" if provider_kind == "psychologist" else "provider"
    return tuple(r for r in roles if r != other)


def provider_kind(provider_id: str, parties: Any | None = None) -> str | None:
    """psychologist or organisation, from the party file if given, else from
    the id (psy-..., org-...); None when there is no provider."""
    if not provider_id:
        return None
    if parties is not None:
        return parties.provider(provider_id).party_type
    for prefix, kind in _PREFIXES.items():
        if provider_id.startswith(prefix):
            return kind
    raise ConventioError(
        f"cannot tell whether provider {provider_id!r} is a psychologist or an organisation "
        "from its id: give the party file (--parties) it was generated from"
    )


def signers(
    roles: tuple[str, ...], network: str, provider: str, parties: Any | None = None
) -> dict[str, str | None]:
    """For each role, the party id that signs in it, where known."""
    hospital = None
    if parties is not None and network and "hospital" in roles:
        hospital = parties.network(network).hospital
    known = {
        "committee": None,
        "network": network or None,
        "hospital": hospital,
        "provider": provider or None,
        "organisation": provider or None,
    }
    return {role: known[role] for role in roles}
