"""The documents of the corpus: conventions, their amendments, and circulars.

Each model declares its fields in the order a corpus file writes them (and
`conventio import` writes a draft in): the type and id first, then what the
document is, its title and sources, its dates, its parts in reading order."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal, get_args

from pydantic import Field, model_validator

from generator.model.annexes import Annex, CodeTable
from generator.model.base import Strict
from generator.model.dates import InForce
from generator.model.parameters import Parameter
from generator.model.provisions import Footnote, Provision
from generator.model.text import I18nText

DocumentId = Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9-]*(/[a-z0-9][a-z0-9-]*)?$")]
Role = Literal["committee", "network", "hospital", "provider", "organisation"]
ConventionKind = Literal["inami-network", "network-provider"]
NetworkKind = Literal["adults", "children", "german-speaking"]
ProviderKind = Literal["psychologist", "organisation"]

#: every role in which a party may sign (who signs what: generator/model/signing.py)
ROLES: tuple[str, ...] = get_args(Role)
CONVENTION_KINDS: tuple[str, ...] = get_args(ConventionKind)
NETWORK_KINDS: tuple[str, ...] = get_args(NetworkKind)
#: what a provider is: a psychologist/orthopedagogue, or an organisation
PROVIDER_KINDS: tuple[str, ...] = get_args(ProviderKind)


class Source(Strict):
    """Where the corpus took a text from."""

    #: the published document, named as a reader would ("Circulaire Psy-Ort/2023/006")
    document: str
    #: its text file as shipped in tests/sources/, against which tests check the wording
    file: str | None = None
    part: str | None = None


class DateNote(Strict):
    """Where a date of `dates` comes from, and its standing: `stated` (the
    sources print it: quote them in `note`), `assumed` (inferred, « taken as »:
    say from what in `note`), or `unknown` (the field has no date: say why)."""

    field: str
    standing: Literal["stated", "assumed", "unknown"]
    note: str


def check_date_notes(dates: object, notes: list[DateNote]) -> None:
    """Each note names a date field of `dates`, and its standing agrees with it:
    a date is stated or assumed; a field without a date is unknown."""
    for note in notes:
        if note.field not in type(dates).model_fields or note.field == "notes":
            fields = ", ".join(f for f in type(dates).model_fields if f != "notes")
            raise ValueError(f"a date note names {note.field!r}, which is not a date ({fields})")
        has_date = getattr(dates, note.field) is not None
        if has_date and note.standing == "unknown":
            raise ValueError(
                f"dates.{note.field} has a date, but its note says 'unknown': "
                "say 'stated' or 'assumed'"
            )
        if not has_date and note.standing != "unknown":
            raise ValueError(
                f"dates.{note.field} has no date, but its note says {note.standing!r}: "
                "say 'unknown', or give the date"
            )


class Variant(Strict):
    """One wording of a party block, chosen by the party's kind."""

    when: NetworkKind | ProviderKind
    paragraphs: Annotated[list[I18nText], Field(min_length=1)]


class PreambleBlock(Strict):
    """A block of the preamble: connecting words ("d'une part,") or a party.

    A party block has one wording (`paragraphs`) or several `variants`
    (adults, children and adolescents, German-speaking; psychologist or
    organisation) joined in the blank model by `separator` ("ou")."""

    party: Role | None = None
    bullet: bool = False
    paragraphs: list[I18nText] = Field(default_factory=list)
    variants: list[Variant] = Field(default_factory=list)
    separator: I18nText | None = None

    @model_validator(mode="after")
    def _one_wording(self) -> PreambleBlock:
        if bool(self.paragraphs) == bool(self.variants):
            raise ValueError("a preamble block has either 'paragraphs' or 'variants'")
        if self.variants and self.party is None:
            raise ValueError("only a party block ('party: ...') can have 'variants'")
        return self


class SignatureBlock(Strict):
    """A role's signature block: its `lines` as the published text prints them
    (the blank model prints nothing else), and the capacity its signatory signs
    in, which a personalised copy prints under the signatory's name (who that is:
    `generator.model.signing.SIGNATORY`)."""

    role: Role
    lines: Annotated[list[I18nText], Field(min_length=1)]
    #: the capacity in the published text's words ("directeur général"): printed
    #: when the party data give no gender, or give the one these words are in
    capacity: I18nText | None = None
    #: the same capacity for a woman ("directrice générale"), printed when the
    #: party data say the signatory is one
    capacity_feminine: I18nText | None = None

    @model_validator(mode="after")
    def _capacity_first(self) -> SignatureBlock:
        if self.capacity_feminine is not None and self.capacity is None:
            raise ValueError("'capacity_feminine' is the feminine of 'capacity': give 'capacity'")
        return self


class Closing(Strict):
    place_date: I18nText | None = None
    signatures: Annotated[list[SignatureBlock], Field(min_length=1)]


#: where the corpus took a document's texts from (at least one source)
Sources = Annotated[list[Source], Field(min_length=1)]


class _Document(Strict):
    """What every document starts with; each kind narrows `type` to its name."""

    type: str
    id: DocumentId


class ConventionDates(Strict):
    approved: dt.date | None = None
    start: dt.date | None = None
    end: dt.date | None = None
    notes: list[DateNote] = Field(default_factory=list)

    @model_validator(mode="after")
    def _ordered(self) -> ConventionDates:
        if self.start and self.end and self.end < self.start:
            raise ValueError(f"the convention ends ({self.end}) before it starts ({self.start})")
        check_date_notes(self, self.notes)
        return self


class KnownAmendment(Strict):
    """An amendment known to exist whose text is not in the corpus, recorded as
    its source knows it: a source cites it by name (`cited_in`), or only implies
    it (`implied_by`: the sixth amendment's « Sixième avenant » implies five before
    it); `words` are the source's words that cite or imply it."""

    ordinal: int
    cited_in: str | None = None
    implied_by: str | None = None
    words: str | None = None
    note: str | None = None

    @model_validator(mode="after")
    def _cited_or_implied(self) -> KnownAmendment:
        if (self.cited_in is None) == (self.implied_by is None):
            raise ValueError(
                "a known amendment is either 'cited_in' a source (it names the amendment) "
                "or 'implied_by' one (it only presupposes it): give exactly one"
            )
        return self

    @property
    def known_from(self) -> str:
        """How the corpus knows it, in plain words: "cited in …" or "implied by …",
        with the source's words."""
        how = f"cited in {self.cited_in}" if self.cited_in else f"implied by {self.implied_by}"
        return f"{how}: « {self.words} »" if self.words else how


class Convention(_Document):
    type: Literal["convention"]
    kind: ConventionKind
    title: I18nText
    sources: Sources
    note: str | None = None
    dates: ConventionDates
    #: who signs it
    signatories: Annotated[list[Role], Field(min_length=1)]
    recitals: list[I18nText] = Field(default_factory=list)
    preamble: list[PreambleBlock] = Field(default_factory=list)
    articles: list[Provision] = Field(default_factory=list)
    closing: Closing | None = None
    annexes: list[Annex] = Field(default_factory=list)
    parameters: list[Parameter] = Field(default_factory=list)
    known_amendments: list[KnownAmendment] = Field(default_factory=list)
    #: the list of topics the sources give when the articles themselves are absent
    outline: list[I18nText] = Field(default_factory=list)


class Quote(Strict):
    """The quotation marks around a quoted new text, as printed."""

    open: str
    close: str


class Operation(Strict):
    """What an amendment article does to the convention it amends.

    `insert` places `provision` (or the amendment's annex `annex`) after
    `after`, before `before`, or at the end of `into`; `replace` puts it in
    place of `target`; `repeal` removes `target`."""

    action: Literal["insert", "replace", "repeal"]
    target: str | None = None
    after: str | None = None
    before: str | None = None
    into: str | None = None
    quote: Quote | None = None
    provision: Provision | None = None
    annex: str | None = None
    #: the operation's own date, when it differs from the amendment's (with its standing)
    in_force: InForce | None = None

    @model_validator(mode="after")
    def _coherent(self) -> Operation:
        anchors = [n for n in ("after", "before", "into") if getattr(self, n)]
        content = [n for n in ("provision", "annex") if getattr(self, n) is not None]
        if self.action == "insert":
            if len(anchors) != 1 or self.target:
                raise ValueError(
                    "an insert names where the new text goes with exactly one of "
                    "'after', 'before' or 'into' (and no 'target')"
                )
        else:
            if not self.target or anchors:
                raise ValueError(
                    f"a {self.action} names the provision it acts on in 'target' "
                    "(and no 'after', 'before' or 'into')"
                )
        if self.action == "repeal":
            if content:
                raise ValueError("a repeal carries no new text ('provision' or 'annex')")
        elif len(content) != 1:
            raise ValueError(
                f"a {self.action} carries its new text: exactly one of 'provision' or 'annex'"
            )
        return self


class EntryIntoForce(Strict):
    """A clause of the amendment setting the date from which some of its
    articles apply ("L'article 1 entre en vigueur au 01/09/23")."""

    articles: Annotated[list[str], Field(min_length=1)]
    date: dt.date


class AmendmentArticle(Strict):
    num: str
    #: the article's own wording, exactly as the amendment prints it
    text: I18nText
    operations: list[Operation] = Field(default_factory=list)
    entry_into_force: list[EntryIntoForce] = Field(default_factory=list)
    #: when the text continues after the quoted provision (rare)
    text_after: I18nText | None = None


class AmendmentDates(Strict):
    #: approved by the insurance committee
    approved: dt.date | None = None
    #: sent to the parties (the covering circular's date)
    issued: dt.date | None = None
    signed: dt.date | None = None
    notes: list[DateNote] = Field(default_factory=list)

    @model_validator(mode="after")
    def _notes_agree(self) -> AmendmentDates:
        check_date_notes(self, self.notes)
        return self


class Amendment(_Document):
    type: Literal["amendment"]
    amends: DocumentId
    #: "sixième avenant" is 6; None when the amendment is not numbered
    ordinal: int | None = None
    title: I18nText
    sources: Sources
    note: str | None = None
    dates: AmendmentDates
    #: the date from which operations without a date of their own apply, with its
    #: standing: stated by the text, assumed (why, by whom), or unknown
    in_force: InForce
    signatories: Annotated[list[Role], Field(min_length=1)]
    #: personalised and issued by `conventio build`: to every network of the party
    #: file, or (an amendment of a network-provider convention) to the providers of
    #: the network `--network` names
    issued_by_build: bool = False
    recitals: list[I18nText] = Field(default_factory=list)
    preamble: list[PreambleBlock] = Field(default_factory=list)
    articles: Annotated[list[AmendmentArticle], Field(min_length=1)]
    closing: Closing | None = None
    annexes: list[Annex] = Field(default_factory=list)


class LetterBlock(Strict):
    """A paragraph of a letter: a section heading, or text (optionally a
    numbered point, `label` "1)", indented by `level`), with the footnotes its
    text refers to (`[^1]`); or, `kind: code-table`, the place where the letter
    prints one of the circular's `code_tables` (named by `table`)."""

    kind: Literal["heading", "paragraph", "code-table"] = "paragraph"
    label: str | None = None
    level: Annotated[int, Field(ge=0, le=3)] = 0
    text: I18nText | None = None
    table: str | None = None
    footnotes: list[Footnote] = Field(default_factory=list)

    @model_validator(mode="after")
    def _text_or_table(self) -> LetterBlock:
        if self.kind == "code-table":
            if self.table is None or self.text is not None:
                raise ValueError("a 'code-table' block names its 'table' and has no 'text'")
        elif self.text is None or self.table is not None:
            raise ValueError("a heading or paragraph has its 'text' and no 'table'")
        return self


class LetterDetail(Strict):
    """A line of a letter's head: its label ("Correspondant :") and its text."""

    label: I18nText
    text: I18nText


class Circular(_Document):
    """A letter of INAMI to the networks that carries or explains documents."""

    type: Literal["circular"]
    title: I18nText
    sources: Sources
    note: str | None = None
    reference: str | None = None
    date: dt.date
    #: the head of the letter, word for word: the sender ("Exp./Afz. : INAMI (SSS), ..."),
    #: to whom it is addressed ("Aux réseaux de santé mentale"), the service writing,
    #: its correspondent and e-mail, and the place and date as printed
    sender: I18nText | None = None
    addressed_to: I18nText | None = None
    service: I18nText | None = None
    contacts: list[LetterDetail] = Field(default_factory=list)
    place_date: I18nText | None = None
    subject: list[I18nText] = Field(min_length=1)
    signatory: str | None = None
    concerns: list[DocumentId] = Field(default_factory=list)
    carries: list[DocumentId] = Field(default_factory=list)
    #: the letter's text, when transcribed (empty: the corpus does not hold it,
    #: and the circular cannot be generated)
    body: list[LetterBlock] = Field(default_factory=list)
    #: "Bien à vous,"
    salutation: I18nText | None = None
    #: a text annexed to the letter, printed after its signature (the note of
    #: 25 April 2022 on article 13), when transcribed
    enclosure: list[LetterBlock] = Field(default_factory=list)
    parameters: list[Parameter] = Field(default_factory=list)
    code_tables: list[CodeTable] = Field(default_factory=list)

    @model_validator(mode="after")
    def _tables_given(self) -> Circular:
        given = {table.id for table in self.code_tables}
        for name, blocks in (("body", self.body), ("enclosure", self.enclosure)):
            for block in blocks:
                if block.table is not None and block.table not in given:
                    raise ValueError(
                        f"{name}: the code-table block names table {block.table!r}, which is "
                        "not among the circular's 'code_tables'"
                    )
        return self
