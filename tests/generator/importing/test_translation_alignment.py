"""`conventio import FILE --lang nl --translation-of DOC`: a Dutch DOCX of the sixth
amendment (a marked TEST translation, tests/support/test_translation_nl.py), and
its PDF made by a real LibreOffice, aligned with the French document by
structure: every text unit gets its Dutch; what cannot be aligned is listed with
where it was and what it says, never dropped, and nothing is written."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import cli
from generator.corpus.folder import default_corpus_dir
from generator.importing.align.run import align_file
from generator.importing.recognise.markers import article_marker
from tests.support.test_translation_nl import (
    MARK,
    SIXTH,
    Changes,
    sixth_amendment,
    write_dutch_docx,
)

POINT_3 = "articles/0/operations/0/provision/children/3/children/0/text"
LAST_ALINEA = "articles/0/operations/0/provision/children/6/text"


def unit_ids(value, path=()) -> list[str]:
    """Every mapping with a French text, by its YAML path: the units, counted here
    without the aligner's walk."""
    if isinstance(value, dict):
        if "fr" in value:
            return ["/".join(map(str, path))]
        return [u for k, v in value.items() for u in unit_ids(v, (*path, k))]
    if isinstance(value, list):
        return [u for i, v in enumerate(value) for u in unit_ids(v, (*path, i))]
    return []


UNITS = unit_ids(sixth_amendment())
ROW_792993 = next(
    f"annexes/0/rows/{i}/description"
    for i, row in enumerate(sixth_amendment()["annexes"][0]["rows"])
    if row["code"] == "792993"
)


@pytest.fixture(scope="module")
def dutch_docx(tmp_path_factory) -> Path:
    return write_dutch_docx(tmp_path_factory.mktemp("nl") / "avenant-06.nl.docx")


@pytest.fixture(scope="module")
def dutch_pdf(dutch_docx, tmp_path_factory) -> Path:
    from generator.pdf.libreoffice import convert_many

    return convert_many([dutch_docx], tmp_path_factory.mktemp("nl-pdf"), workers=1)[dutch_docx]


def align(path: Path):
    return align_file(path, SIXTH, "nl", default_corpus_dir())


def test_every_unit_of_the_dutch_docx_is_aligned_by_structure(dutch_docx):
    alignment = align(dutch_docx)
    assert alignment.unaligned == []
    assert sorted(alignment.targets) == sorted(UNITS) and len(UNITS) == 98
    data = sixth_amendment()
    provision = data["articles"][0]["operations"][0]["provision"]
    point_3 = provision["children"][3]["children"][0]["text"]["fr"]
    targets = alignment.targets
    # a point's label, the quotation marks of the new article are the structure's
    assert targets[POINT_3] == MARK + point_3
    assert targets["articles/0/operations/0/provision/heading"] == MARK + "Prime de pratique"
    assert targets[LAST_ALINEA] == MARK + provision["children"][6]["text"]["fr"]
    # a row by its pseudocode, an abbreviation by its letters, the annex by its number
    assert targets[ROW_792993] == MARK + "Séance supplémentaire"
    assert targets["annexes/0/abbreviations/1/meaning"] == MARK + "Soins psychologiques spécialisés"
    assert targets["annexes/0/heading"] == f"Bijlage 1: {MARK}liste des pseudocodes"
    # the blank model prints a slot as its placeholder: the slot is put back
    director = data["closing"]["signatures"][1]["lines"][1]["fr"]
    assert targets["closing/signatures/1/lines/1"] == MARK + director
    assert "{hospital.bce|XXX}" in targets["preamble/4/variants/1/paragraphs/1"]
    # every unit holds its own French, each once
    french = {u: t for u, t in targets.items()}
    assert all(t.startswith(MARK) or t.startswith("Bijlage 1: ") for t in french.values())


@pytest.mark.libreoffice
def test_the_dutch_pdf_made_by_libreoffice_aligns_as_its_docx(dutch_docx, dutch_pdf):
    from_pdf, from_docx = align(dutch_pdf).targets, align(dutch_docx).targets
    assert align(dutch_pdf).unaligned == []
    assert sorted(from_pdf) == sorted(from_docx) == sorted(UNITS)
    # the same texts; only a compound's hyphen at a line's end may be read as
    # hyphenation by the PDF reader (« moment-là » broken after « moment- »)
    unhyphenated = {u: t.replace("-", "") for u, t in from_docx.items()}
    assert {u: t.replace("-", "") for u, t in from_pdf.items()} == unhyphenated
    assert sum(from_pdf[u] == from_docx[u] for u in UNITS) >= len(UNITS) - 2


def test_an_extra_paragraph_is_listed_where_it_is_and_the_rest_still_aligned(tmp_path):
    extra = "TEST-NL · Een alinea die de Franse tekst niet heeft."
    path = write_dutch_docx(
        tmp_path / "extra.docx", Changes(extra_after={"Si le psychologue": extra})
    )
    alignment = align(path)
    assert [(u.found_text, u.reason) for u in alignment.unaligned] == [
        (extra, "no text of the French document stands here")
    ]
    assert alignment.unaligned[0].where.startswith("paragraph ")
    assert sorted(alignment.targets) == sorted(UNITS)


@pytest.mark.libreoffice
def test_a_row_left_out_of_the_pdf_is_listed_by_its_unit(tmp_path):
    from generator.pdf.libreoffice import convert_many

    docx = write_dutch_docx(tmp_path / "row.docx", Changes(rows_left_out={"792993"}))
    pdf = convert_many([docx], tmp_path / "pdf", workers=1)[docx]
    for path in (docx, pdf):
        alignment = align(path)
        assert [(u.where, u.found_text) for u in alignment.unaligned] == [
            (f"{ROW_792993} (annex_1__row_792993)", "Séance supplémentaire")
        ]
        assert sorted(alignment.targets) == sorted(set(UNITS) - {ROW_792993})


def test_a_wrong_amount_stays_in_its_place_for_the_checks_to_judge(tmp_path):
    path = write_dutch_docx(tmp_path / "amount.docx", Changes(replace=("36 000 EUR", "3 600 EUR")))
    alignment = align(path)
    assert alignment.unaligned == []
    assert "au moins 3 600 EUR" in alignment.targets[f"{POINT_3[: -len('text')]}children/0/text"]


def test_a_german_text_aligns_with_its_keywords(tmp_path):
    path = write_dutch_docx(tmp_path / "de.docx", Changes(lang="de"))
    alignment = align_file(path, SIXTH, "de", default_corpus_dir())
    assert alignment.unaligned == [] and sorted(alignment.targets) == sorted(UNITS)
    assert alignment.targets["annexes/0/heading"] == "Anlage 1: TEST-DE · liste des pseudocodes"
    assert alignment.targets[POINT_3].startswith("TEST-DE · 80% ")


def test_an_article_is_recognised_in_dutch_and_still_in_french():
    dutch = article_marker("Artikel 14/1", bold=True)
    assert dutch is not None and dutch.num == "14/1"
    french = article_marker("Article 1er", bold=True)
    assert french is not None and french.num == "1"
    assert article_marker("Artikel 22 van de wet") is None  # a sentence, not an article


def run_import(corpus: Path, *args: str):
    return CliRunner().invoke(cli, ["--corpus", str(corpus), "import", *args])


def test_the_cli_lists_what_it_cannot_align_and_writes_nothing(tmp_path):
    corpus = tmp_path / "conventions"
    shutil.copytree(default_corpus_dir(), corpus)
    target = corpus / f"{SIXTH}.yaml"
    before = target.read_bytes()
    path = write_dutch_docx(tmp_path / "row.docx", Changes(rows_left_out={"792993"}))
    result = run_import(corpus, str(path), "--lang", "nl", "--translation-of", SIXTH)
    assert result.exit_code == 1, result.output
    assert "1 text(s) could not be aligned" in result.output
    assert "nothing was written" in result.output
    assert f"{ROW_792993} (annex_1__row_792993): « Séance supplémentaire »" in result.output
    assert "Traceback" not in result.output
    assert target.read_bytes() == before


def test_the_cli_wants_lang_and_translation_of_together(tmp_path, dutch_docx):
    result = run_import(default_corpus_dir(), str(dutch_docx), "--translation-of", SIXTH)
    assert result.exit_code == 2 and "--translation-of DOC and --lang nl|de go together" in (
        result.output
    )
    result = run_import(
        default_corpus_dir(), str(dutch_docx), "--lang", "de", "--translation-of", "x/y"
    )
    assert result.exit_code == 1 and "has no such document" in result.output
