"""Importing published texts (PDF, DOCX) into corpus drafts, in three stages.

- `read/`: a file to `Block`s, the paragraphs and table rows as printed, with
  what was left out (running headers, footers, page numbers).
- `recognise/`: the parts of a Belgian convention or amendment in those
  blocks: title, recitals, preamble, articles (the amendment's operations),
  closing, annexes; what the importer is unsure of goes to a `Journal`.
- `write/`: the corpus YAML with the doubts as comments, the report, and the
  proof that no word of the input was lost.

`pipeline` runs them; its `import_document` (a file in, an `ImportResult`
out) is what the CLI and the tests call, as `generator.importing.import_document`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from generator.importing.pipeline import import_document, import_extract
    from generator.importing.write.result import ImportResult

__all__ = ["ImportResult", "import_document", "import_extract"]


def __getattr__(name: str) -> Any:
    # loaded on first use, so that importing a module of this package (the CLI's)
    # does not load every stage
    if name in __all__:
        from generator.importing import pipeline

        return getattr(pipeline, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
