"""The corpus as loaded: its documents by id, and the file each came from
(so that a problem found later is reported at its line in that file)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator.errors import ConventioError, Problem
from generator.model.document_types import Document
from generator.model.documents import Amendment, Convention
from generator.model.order import amendment_order
from generator.yamlsource import YamlSource


@dataclass
class Corpus:
    root: Path
    documents: dict[str, Document] = field(default_factory=dict)
    sources: dict[str, YamlSource] = field(default_factory=dict)
    #: ids of the files that did not load (their problems are already reported)
    broken: set[str] = field(default_factory=set)

    def of_type(self, cls: type[Any]) -> list[Any]:
        return [d for d in self.documents.values() if isinstance(d, cls)]

    @property
    def conventions(self) -> list[Convention]:
        return self.of_type(Convention)

    @property
    def amendments(self) -> list[Amendment]:
        return self.of_type(Amendment)

    def amendments_of(self, convention_id: str) -> list[Amendment]:
        """The amendments of a convention, in amendment order (model/order.py)."""
        return sorted(
            (a for a in self.amendments if a.amends == convention_id), key=amendment_order
        )

    def get(self, doc_id: str) -> Document:
        try:
            return self.documents[doc_id]
        except KeyError:
            known = ", ".join(sorted(self.documents))
            raise ConventioError(
                f"no document {doc_id!r} in the corpus {self.root}; known: {known}"
            ) from None

    def problem(self, doc_id: str, loc: tuple[str | int, ...], message: str) -> Problem:
        return self.sources[doc_id].problem(loc, message)
