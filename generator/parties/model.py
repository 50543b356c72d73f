"""The parties who sign the conventions, as data.

INAMI's insurance committee is fixed and not a party here. A network is
represented by a hospital and has a collecting hospital (possibly the same);
a provider is an independent clinical psychologist/orthopedagogue or an
organisation employing them, and works with one network or more.

Values are normalised on the way in (BCE "0403.170.701", INAMI and national
register number as digits, phone E.164), so that two spellings of one number
are one value. The national register number is left out of every repr.
"""

from __future__ import annotations

import re
from typing import Annotated, Any, ClassVar, Literal

from pydantic import AfterValidator, BeforeValidator, Field

from generator.invisible import is_blank
from generator.model.base import Strict
from generator.parties import numbers

Language = Literal["fr", "nl", "de"]
NetworkKind = Literal["adults", "children", "german-speaking"]

_ID = re.compile(r"^[a-z][a-z0-9]*(?:[-_.][a-z0-9]+)*$")
_TRUE = {"true", "yes", "oui", "ja", "1", "y", "vrai", "waar"}
_FALSE = {"false", "no", "non", "nee", "0", "n", "faux", "onwaar", ""}


def _text(value: str) -> str:
    value = value.strip()
    if not value:
        raise ValueError("is empty")
    if is_blank(value):
        raise ValueError(
            "is empty: it holds only invisible characters (such as zero-width spaces, "
            "soft hyphens or a braille blank); type the value"
        )
    return value


def _party_id(value: str) -> str:
    from generator.privacy import holds_national_number

    value = value.strip()
    if holds_national_number(value):
        # an id is printed in listings, logs and the register: never a person's number
        raise ValueError(
            "an id must not hold a national register number: it would appear in every "
            "listing and in the signature register; choose another id (such as psy-0001)"
        )
    if not _ID.match(value):
        raise ValueError(
            "an id starts with a letter and is lowercase letters and digits, joined by "
            "'-', '_' or '.' (such as net-01)"
        )
    return value


def _lower(value: Any) -> Any:
    return value.strip().lower() if isinstance(value, str) else value


def _flag(value: Any) -> Any:
    """TRUE/FALSE, yes/no, oui/non, ja/nee, 1/0, as spreadsheets and people write them."""
    if isinstance(value, bool) or value is None:
        return bool(value)
    if isinstance(value, int | float) and value in (0, 1):
        return bool(value)
    if isinstance(value, str):
        word = value.strip().lower()
        if word in _TRUE:
            return True
        if word in _FALSE:
            return False
    raise ValueError("must be true or false (TRUE/FALSE, yes/no, oui/non, 1/0)")


#: how a gender may be written; kept as "f" or "m"
_GENDERS = {"f": "f", "female": "f", "m": "m", "male": "m"}


def _gender(value: Any) -> Any:
    """f or m (female, male), in any case; chooses the words of a capacity
    ("directrice générale" / "directeur général"), never guessed from a name."""
    if value is None:
        return None
    if isinstance(value, str) and value.strip().lower() in _GENDERS:
        return _GENDERS[value.strip().lower()]
    raise ValueError(
        "must be f (female) or m (male); leave it empty and documents print the "
        "capacity as the published model does"
    )


def _id_list(value: Any) -> Any:
    """'net-01; net-02' or 'net-01, net-02' (a spreadsheet cell) or a list."""
    if isinstance(value, str):
        return [part.strip() for part in re.split(r"[,;\n]", value) if part.strip()]
    return value


def _certificate_list(value: Any) -> Any:
    """Signing certificates: a list, or one cell with one per line or separated by ';'
    (not ',': a name such as 'CN=Jean Dupont, O=Réseau X' holds commas)."""
    if value is None:
        return ()
    if isinstance(value, str):
        value = re.split(r"[;\n]", value)
    if not isinstance(value, list | tuple):
        raise ValueError(
            "must be a list of certificate fingerprints or signers' names "
            "(in a cell: one per line, or separated by ';')"
        )
    try:
        return tuple(numbers.normalise_certificate(v) for v in value if str(v).strip())
    except numbers.NumberError as exc:
        raise ValueError(str(exc)) from None


def _number_check(check):
    def validate(value: Any) -> str:
        try:
            return check(value)
        except numbers.NumberError as exc:
            raise ValueError(str(exc)) from None

    return validate


def _keep_int(value: Any) -> Any:
    """Whole numbers are kept as such so the number check can restore leading zeros."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


Text = Annotated[str, AfterValidator(_text)]
PartyId = Annotated[str, AfterValidator(_party_id)]
Flag = Annotated[bool, BeforeValidator(_flag)]
Bce = Annotated[str, AfterValidator(_number_check(numbers.normalise_bce))]
Inami = Annotated[
    str,
    BeforeValidator(_number_check(numbers.normalise_inami)),
    BeforeValidator(_keep_int),
]
Nrn = Annotated[
    str,
    BeforeValidator(_number_check(numbers.normalise_nrn)),
    BeforeValidator(_keep_int),
]
Phone = Annotated[str, AfterValidator(_number_check(numbers.normalise_phone))]
Email = Annotated[str, AfterValidator(_number_check(numbers.normalise_email))]
Lang = Annotated[Language, BeforeValidator(_lower)]
Gender = Annotated[Literal["f", "m"], BeforeValidator(_gender)]
NetworkIds = Annotated[tuple[PartyId, ...], BeforeValidator(_id_list), Field(min_length=1)]
SigningCertificates = Annotated[tuple[str, ...], BeforeValidator(_certificate_list)]


class Party(Strict):
    """What every party has: a stable id, and whether a person checked it."""

    party_type: ClassVar[str] = "party"

    id: PartyId
    verified_by_hand: Flag = False
    #: the certificates this party signs with: SHA-256 fingerprints (64 lower-case
    #: hexadecimal digits) or signers' names; when given, the signature register accepts
    #: a signature for this party only with one of them (see docs/parties-format.md)
    signing_certificates: SigningCertificates = ()


class Network(Party):
    party_type: ClassVar[str] = "network"

    kind: Annotated[NetworkKind, BeforeValidator(_lower)]
    name: Text
    #: printed in the letterhead of the documents the network issues (to its providers)
    address: Text | None = None
    inami: Inami | None = None
    language: Lang
    hospital: PartyId  # the hospital representing the network
    collecting_hospital: PartyId
    convention_title: Text | None = None  # german-speaking networks: their convention's title

    def rule_problems(self) -> list[tuple[str, str]]:
        """(field, message) for what this kind of network needs or cannot have."""
        found = []
        if self.kind == "children" and self.inami is None:
            found.append(("inami", "a children network needs its INAMI number (inami)"))
        if self.kind == "german-speaking" and self.convention_title is None:
            found.append(
                (
                    "convention_title",
                    "a german-speaking network needs the title of its convention with "
                    "the minister (convention_title)",
                )
            )
        if self.kind != "german-speaking" and self.convention_title is not None:
            found.append(
                (
                    "convention_title",
                    "only a german-speaking network has a convention_title "
                    f"(this one is {self.kind})",
                )
            )
        return found


class Hospital(Party):
    party_type: ClassVar[str] = "hospital"

    name: Text
    inami: Inami
    bce: Bce
    director: Text  # the director general, "nom et prénom"
    #: f or m: the director's capacity in the signature blocks, "directrice générale" or
    #: "directeur général"; when not given, documents print the published model's form
    director_gender: Gender | None = None


class Psychologist(Party):
    """An independent clinical psychologist or orthopedagogue."""

    party_type: ClassVar[str] = "psychologist"

    name: Text  # "Nom et prénom"
    address: Text
    inami: Inami
    email: Email
    phone: Phone
    nrn: Nrn = Field(repr=False)
    bce: Bce
    networks: NetworkIds
    language: Lang


class Organisation(Party):
    """An organisation employing clinical psychologists/orthopedagogues."""

    party_type: ClassVar[str] = "organisation"

    name: Text
    address: Text
    bce: Bce
    inami: Inami | None = None  # "si applicable"
    email: Email
    phone: Phone
    representative: Text  # "Représenté par (nom et prénom)"
    networks: NetworkIds
    language: Lang


Provider = Psychologist | Organisation
AnyParty = Network | Hospital | Psychologist | Organisation

# the four lists of a party file, in the order they are read and written
LISTS: dict[str, type[Party]] = {
    "networks": Network,
    "hospitals": Hospital,
    "psychologists": Psychologist,
    "organisations": Organisation,
}
BY_TYPE: dict[str, type[Party]] = {model.party_type: model for model in LISTS.values()}


#: the fields every party may have, after its own ones (column order)
_LAST = ("signing_certificates", "verified_by_hand")


def field_names(model: type[Party]) -> list[str]:
    """The fields of a party: `id` first, then its own, then `signing_certificates` and
    `verified_by_hand` (column order)."""
    names = [name for name in model.model_fields if name not in ("id", *_LAST)]
    return ["id", *names, *_LAST]


def required_fields(model: type[Party]) -> list[str]:
    return [name for name, info in model.model_fields.items() if info.is_required()]
