"""Pins the letters of circular Psy-Ort/2023/003 (seed 001) and of the note of
25 April 2022 on article 13 (seed 003) to their sources: the transcription, read
in order, is the source's span word for word with nothing left out or added; every
amount, percentage and date of the span is in it; every parameter of the circular
is a value its letter prints."""

from __future__ import annotations

import re

import pytest

from generator.model.documents import Circular, LetterBlock
from generator.rendering.language import format_date
from tests.generator.corpus.test_pins_source_texts import (
    render,
    source_text,
    source_without_page_feet,
)
from tests.support.corpus_pins import doc

C003 = "circulars/psy-ort-2023-003"
NOTE = "circulars/note-2022-04-25-art13"

#: (document, its part, the source, the span's first words, the words after the span;
#: None: the span runs to the end of the source)
SPANS = [
    (
        C003,
        "body",
        "001_16ea3ccc09936a41.txt",
        # the heading repeated in the body (« multidisciplinaires : », with a space),
        # not the subject printed after « Objet : »
        "1. Convention concernant le financement des fonctions psychologiques dans la "
        "première ligne par le biais de réseaux et de partenariats locaux "
        "multidisciplinaires :",
        "Bien à vous,",
    ),
    (NOTE, "body", "003_deb1f858f1acfa25.txt", "Madame, Monsieur,", "Bien à vous,"),
    (
        NOTE,
        "enclosure",
        "003_deb1f858f1acfa25.txt",
        "Convention de soins psychologiques en première ligne : art. 13 : utilisation "
        "des frais de fonctionnement",
        None,
    ),
]


def letter_text(circular: Circular, blocks: list[LetterBlock]) -> str:
    """The letter as its source prints it, in order: each block's label and text,
    each code table's heading, codes with their descriptions, and notes (the
    footnotes, printed at a page's foot, are not part of the running text)."""
    tables = {table.id: table for table in circular.code_tables}
    words: list[str] = []
    for block in blocks:
        if block.table is not None:
            table = tables[block.table]
            words.append(table.heading.fr)
            words += [f"{row.code} {row.description.fr}" for row in table.rows]
            words += [note.fr for note in table.notes]
        else:
            assert block.text is not None
            words.append(f"{block.label} {block.text.fr}" if block.label else block.text.fr)
    return render(" ".join(words))


def source_span(file_name: str, first: str, after: str | None) -> str:
    text = source_without_page_feet(file_name)
    assert text.count(first) == 1, first
    start = text.index(first)
    end = text.index(after, start) if after else len(text)
    return text[start:end].strip()


@pytest.mark.parametrize(("doc_id", "part", "source", "first", "after"), SPANS)
def test_the_letter_is_its_source_word_for_word_with_nothing_left_out(
    doc_id, part, source, first, after
):
    circular = doc(doc_id)
    blocks = getattr(circular, part)
    assert blocks, f"{doc_id}: its {part} is not transcribed"
    transcribed = letter_text(circular, blocks).split()
    printed = source_span(source, first, after).split()
    # word for word, in order, nothing left out and nothing added
    assert len(transcribed) == len(printed)
    for i, (ours, theirs) in enumerate(zip(transcribed, printed, strict=True)):
        assert ours == theirs, (i, " ".join(printed[max(0, i - 8) : i + 8]))


#: amounts, percentages and dates as the sources print them
FIGURES = re.compile(
    r"\d[\d ]*(?:,\d+)? ?(?:%|€)|€ ?\d[\d ]*(?:,\d+)?|\d{2}/\d{2}/\d{4}"
    r"|\d{1,2} (?:janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre"
    r"|novembre|décembre) \d{4}|(?:mois (?:de )?)\w+ \d{4}"
)


@pytest.mark.parametrize(("doc_id", "part", "source", "first", "after"), SPANS)
def test_every_figure_of_the_source_is_in_the_letter(doc_id, part, source, first, after):
    circular = doc(doc_id)
    ours = letter_text(circular, getattr(circular, part))
    figures = FIGURES.findall(source_span(source, first, after))
    assert len(figures) >= 5
    missing = [f for f in figures if f.strip() not in ours]
    assert not missing


def test_the_footnote_of_circular_2023_003_is_its_source_s():
    (block,) = [b for b in doc(C003).body if b.footnotes]
    assert "outreach[^1] sont neutralisées" in block.text.fr
    (note,) = block.footnotes
    assert note.mark == "1"
    assert render(f"{note.mark} {note.text.fr}") in source_text("001_16ea3ccc09936a41.txt")
    assert note.text.fr.startswith("la pratique en outreach se définit")
    assert note.text.fr.endswith("dans le cadre d’autres financements.")


def _printed_forms(parameter) -> list[str]:
    """How the letters print a parameter's value ("10%", "10 %", "30 000 €",
    "0,70 €", "5 août 2023", "mois de juin 2023", "15 personnes")."""
    if parameter.type == "percentage":
        return [f"{parameter.value}%", f"{parameter.value} %"]
    if parameter.type == "amount":
        units, cents = f"{parameter.value:.2f}".split(".")
        number = f"{int(units):,}".replace(",", " ") + ("" if cents == "00" else f",{cents}")
        return [f"{number} €", f"€{number}", f"€ {number}"]
    if parameter.type == "date":
        return [format_date(parameter.value, "fr")]
    if parameter.type == "period":
        month = format_date(parameter.start, "fr").split(" ", 1)[1]
        return [f"mois {month}", f"mois de {month}"]
    if parameter.type == "count":
        return [f"{parameter.value} {parameter.unit}"]
    raise AssertionError(parameter.type)


@pytest.mark.parametrize("doc_id", [C003, NOTE])
def test_every_parameter_is_a_value_the_letter_prints(doc_id):
    circular = doc(doc_id)
    printed = letter_text(circular, circular.body + circular.enclosure)
    assert len(circular.parameters) >= 4
    for parameter in circular.parameters:
        forms = _printed_forms(parameter)
        assert any(form in printed for form in forms), (parameter.id, forms)


@pytest.mark.parametrize(
    ("doc_id", "words"),
    [(C003, "the body (from « 1. Convention concernant"), (NOTE, "the annexed note (from")],
)
def test_the_source_part_says_what_is_transcribed(doc_id, words):
    (source,) = doc(doc_id).sources
    assert words in source.part
