"""Provisions nested as Belgian legal texts nest them.

article ("Article 14/1") > paragraph ("§ 1er", "§1/1") > point ("1°", "3)") >
point ("a)") or indent ("-"), with plain alinéas at any level.  Each provision
has a stable address (`art_17__para_1-1`), computed by
`generator.model.addresses`, never typed by hand.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from generator.model.base import Strict
from generator.model.parameters import Parameter
from generator.model.text import I18nText

ProvisionKind = Literal["article", "paragraph", "point", "indent", "alinea"]

#: what may nest in what
ALLOWED_CHILDREN: dict[str, tuple[str, ...]] = {
    "article": ("paragraph", "alinea", "point", "indent"),
    "paragraph": ("alinea", "point", "indent"),
    "alinea": ("point", "indent"),
    "point": ("alinea", "point", "indent"),
    "indent": ("alinea", "point", "indent"),
}


class Footnote(Strict):
    mark: str
    text: I18nText


class Provision(Strict):
    kind: ProvisionKind
    #: the number as the text gives it: "14/1", "1/1", "1°", "3)", "a)"; none for alinéas
    num: str | None = None
    #: the label exactly as printed, when it differs from the default ("§1/1" for "§ 1/1")
    label: str | None = None
    heading: I18nText | None = None
    text: I18nText | None = None
    children: list[Provision] = Field(default_factory=list)
    footnotes: list[Footnote] = Field(default_factory=list)
    parameters: list[Parameter] = Field(default_factory=list)
    #: known to exist (another text cites it) but its wording is not in the corpus
    declared_only: bool = False
    note: str | None = None

    @model_validator(mode="after")
    def _shape(self) -> Provision:
        if self.kind == "alinea":
            if self.num is not None:
                raise ValueError("an alinéa has no number ('num'); remove it")
        elif self.kind != "indent" and not self.num:
            raise ValueError(f"a provision of kind {self.kind!r} needs a number ('num')")
        if self.declared_only:
            if self.text or self.children:
                raise ValueError(
                    "a provision marked 'declared_only' has no text in the corpus: "
                    "remove 'text' and 'children', or remove 'declared_only'"
                )
        elif self.text is None and not self.children:
            raise ValueError(
                "a provision needs its 'text' or 'children' (or 'declared_only: true' "
                "when its wording is not in the corpus)"
            )
        allowed = ALLOWED_CHILDREN[self.kind]
        for child in self.children:
            if child.kind not in allowed:
                raise ValueError(
                    f"a {child.kind} cannot be placed inside a {self.kind} "
                    f"(allowed: {', '.join(allowed)})"
                )
        return self
