"""What an alignment gives: each French text unit's target, and what it could not align."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Unaligned:
    """A text of one side without its counterpart on the other, never dropped.

    `where`: in the translation ("paragraph 12", "page 3") for a text found
    there, else the French unit's id and address; `found_text`: the text of
    that side (the translation's, or the French one that has no translation);
    `reason`: what is wrong, in plain words."""

    where: str
    found_text: str
    reason: str


@dataclass
class Alignment:
    """The document `doc_id` aligned with its translation into `lang`."""

    doc_id: str
    lang: str
    #: unit id (the path of the I18nText in the YAML) -> the translated text
    targets: dict[str, str] = field(default_factory=dict)
    unaligned: list[Unaligned] = field(default_factory=list)
    #: unit id -> human address ("art_1 › art_14-1 › al_3"), for messages
    addresses: dict[str, str] = field(default_factory=dict)

    @property
    def complete(self) -> bool:
        return not self.unaligned
