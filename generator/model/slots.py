"""The slot vocabulary: the party data a corpus text may name, each slot once
with what is particular about it.

A text writes a slot as `{network.name|XXX}` (see `generator.model.text`):
filled with the party's value in a personalised document, printed as `XXX` in
the blank model. The name before the dot is the party the value comes from.

>>> SLOT["provider.nrn"].secret, SLOT["signing.date"].by_hand
(True, True)
>>> SLOT["organisation.inami"].when_absent["nl"]
'niet van toepassing'
>>> sorted(BY_HAND)
['signing.date', 'signing.place']

Everything else reads this table: `conventio check` (which slots exist), the
party data (which values are secret), generation (what is written by hand,
what an optional slot says when the party has none) and `conventio context`
(what is masked).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType


@dataclass(frozen=True)
class Slot:
    #: "network.name": the party ("network"), then its field
    name: str
    #: personal data: it appears in the document that needs it and nowhere else
    #: (a listing, a context dump or a log shows `masked` instead)
    secret: bool = False
    masked: str | None = None
    #: optional in the published model ("Numéro INAMI (si applicable)"): what the
    #: document says, in each language, when the party has no value (never a blank)
    when_absent: Mapping[str, str] | None = field(default=None, hash=False)
    #: left as the model prints it ("Faite à ….. le ….."): written by hand when signing
    by_hand: bool = False

    def __post_init__(self) -> None:
        if self.secret != (self.masked is not None):
            raise ValueError(f"slot {self.name}: a secret slot says what is shown instead")

    @property
    def party(self) -> str:
        return self.name.partition(".")[0]

    @property
    def optional(self) -> bool:
        return self.when_absent is not None


def _fields(party: str, *names: str) -> list[Slot]:
    return [Slot(f"{party}.{name}") for name in names]


_NOT_APPLICABLE = MappingProxyType(
    {"fr": "non applicable", "nl": "niet van toepassing", "de": "nicht zutreffend"}
)

#: the provider's national register number: the one slot a signed copy holds that
#: no listing, log or imported draft may repeat
NATIONAL_NUMBER = "provider.nrn"

#: every slot, grouped by party (the order of docs/corpus-format.md)
VOCABULARY: tuple[Slot, ...] = (
    *_fields("network", "name", "address", "inami", "convention_title"),
    *_fields("hospital", "name", "inami", "bce", "director"),
    *_fields("collecting_hospital", "name", "inami", "bce", "director"),
    *_fields("provider", "name", "address", "inami", "email", "phone"),
    Slot(NATIONAL_NUMBER, secret=True, masked="(numéro de registre national : masqué)"),
    *_fields("provider", "bce"),
    *_fields("organisation", "name", "address", "bce"),
    Slot("organisation.inami", when_absent=_NOT_APPLICABLE),
    *_fields("organisation", "email", "phone", "representative"),
    Slot("signing.place", by_hand=True),
    Slot("signing.date", by_hand=True),
)

SLOT: Mapping[str, Slot] = MappingProxyType({slot.name: slot for slot in VOCABULARY})
#: the names a corpus text may use
SLOT_NAMES = frozenset(SLOT)
#: slots whose value is personal data, shown only in the document itself
SECRET = frozenset(s.name for s in VOCABULARY if s.secret)
#: what a secret slot shows anywhere but in the document
MASKED: Mapping[str, str] = MappingProxyType(
    {s.name: s.masked for s in VOCABULARY if s.masked is not None}
)
#: slots written by hand on the signed copy: never filled, printed as in the model
BY_HAND = frozenset(s.name for s in VOCABULARY if s.by_hand)
#: optional slots, with the words a document prints when the party has no value
WHEN_ABSENT: Mapping[str, Mapping[str, str]] = MappingProxyType(
    {s.name: s.when_absent for s in VOCABULARY if s.when_absent is not None}
)
