"""What an import hands back: the draft (as data and as the YAML a person
reviews), the doubts, what was left out as page layout, and the words of the
input found nowhere (none, when all went well)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from generator.importing.read.extract import Omitted
from generator.importing.recognise.journal import Doubt


@dataclass
class ImportResult:
    """What an import of one document gives."""

    source: Path
    #: the draft, shaped as the corpus (what `yaml` loads to)
    data: dict
    #: the draft's text, with the doubts as comments
    yaml: str
    doubts: list[Doubt] = field(default_factory=list)
    omitted: list[Omitted] = field(default_factory=list)
    #: words of the input found nowhere in the draft nor in `omitted` (should be none)
    unplaced: list[str] = field(default_factory=list)
    pages: int | None = None

    @property
    def kind(self) -> str:
        return self.data.get("type", "convention")
