"""The import, stage after stage: a published PDF or DOCX in, a corpus draft out.

`read` turns the file into blocks (paragraphs and table rows as printed),
`recognise` finds the parts of a convention or an amendment in them, `write`
turns what was found into the YAML draft and proves no word was lost.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from generator.importing.read.extract import Extract
from generator.importing.recognise import national_numbers
from generator.importing.recognise.journal import Journal
from generator.importing.recognise.required_fields import complete
from generator.importing.recognise.structure import recognise
from generator.importing.write import draft_yaml, unplaced_words
from generator.importing.write.result import ImportResult


def import_extract(
    extract: Extract,
    *,
    doc_id: str | None = None,
    amends: str | None = None,
    output: Path | None = None,
    today: dt.date | None = None,
) -> ImportResult:
    """Recognise the blocks a reader found as a convention or an amendment, and
    write the draft."""
    journal = Journal()
    omitted = list(extract.omitted)
    blocks = national_numbers.without_national_numbers(extract.blocks, omitted, journal)
    recognised = recognise(blocks, omitted, journal)
    data = complete(recognised, extract, journal, doc_id, amends, output, today)
    journal.move_comments(recognised, data)
    header = [
        f"Draft imported by `conventio import` from {national_numbers.mask(extract.source.name)}"
        + (f" ({extract.pages} pages)" if extract.pages else "")
        + ".",
        "Review it against the original: every line marked CHECK or NOT PLACED needs a",
        "person's decision. Then move it into the corpus and run `conventio check`.",
    ]
    if omitted:
        header.append(f"Left out as page layout: {len(omitted)} lines (listed in the report).")
    text = draft_yaml.dump(data, journal.comments, header)
    # as read, a national register number already stands as its slot
    read = [b.text for b in blocks] + [o.text for o in extract.omitted]
    placed = draft_yaml.values_and_comments(data, journal.comments) + journal.consumed
    placed += [o.text for o in omitted]
    return ImportResult(
        source=extract.source,
        data=data,
        yaml=text,
        doubts=journal.doubts,
        omitted=omitted,
        unplaced=unplaced_words.unplaced(read, placed),
        pages=extract.pages,
    )


def import_document(
    path: Path,
    *,
    doc_id: str | None = None,
    amends: str | None = None,
    output: Path | None = None,
    today: dt.date | None = None,
) -> ImportResult:
    """Read `path` (PDF or DOCX) and recognise it as a convention or an amendment."""
    from generator.importing.read.opening import read_document

    extract = read_document(Path(path))
    return import_extract(extract, doc_id=doc_id, amends=amends, output=output, today=today)
