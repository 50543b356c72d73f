"""`conventio import` on documents typeset the way INAMI's are, not the way conventio
prints them (tests/support/import_docs builds them), each imported from its DOCX and
from the PDF a real LibreOffice makes of it (tests marked `libreoffice`; all PDFs
come from one LibreOffice run, see conftest.py): the draft's content.

Word headings numbered automatically, bold article titles typed in the text, soft
hyphens broken at line ends, a real footnote, a two-column annex table with wrapped
descriptions, and amendments with every kind of operation: the draft is compared
with `import_docs.EXPECTED[name]()`, texts exactly once runs of white space are
collapsed.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.support.import_docs.drafts import (
    AMENDMENTS,
    annex_outline,
    cases,
    fr_text,
    fr_texts,
    operation_outline,
    outline,
    squash,
)


@pytest.mark.parametrize("case", cases(), indirect=True)
def test_type_title_and_recitals(case):
    assert case.data["type"] == case.expected["type"]
    assert fr_text(case.data["title"]) == fr_text(case.expected["title"])
    assert [fr_text(r) for r in case.data.get("recitals", [])] == [
        fr_text(r) for r in case.expected["recitals"]
    ]


@pytest.mark.parametrize("case", cases(), indirect=True)
def test_article_numbers_in_order(case):
    assert [a.get("num") for a in case.data["articles"]] == [
        a["num"] for a in case.expected["articles"]
    ]


@pytest.mark.parametrize("case", cases(), indirect=True)
def test_headings(case):
    """Article headings; in an amendment, the headings of the quoted provisions."""

    def headings(data: dict[str, Any]) -> list[tuple[str, str | None]]:
        if data["type"] == "convention":
            return [(a.get("num"), fr_text(a.get("heading"))) for a in data["articles"]]
        return [
            (a.get("num"), fr_text(op["provision"].get("heading")))
            for a in data["articles"]
            for op in a.get("operations", [])
            if op.get("provision")
        ]

    assert headings(case.data) == headings(case.expected)


@pytest.mark.parametrize(
    "case", cases("convention_bold_titles", narrow_column_limit=True), indirect=True
)
def test_convention_articles_texts_and_nesting(case):
    """Every provision's kind, number and exact text, nested as printed: §, 1°, a),
    dashes, alinéas; the footnote as [^1] with its text; the soft hyphens undone."""
    got, want = case.data["articles"], case.expected["articles"]
    assert len(got) == len(want)
    for article, expected in zip(got, want, strict=True):
        assert outline(article) == outline(expected), f"article {expected['num']}"


@pytest.mark.parametrize("case", cases(*AMENDMENTS), indirect=True)
def test_amendment_articles_texts(case):
    got = [(a.get("num"), fr_text(a.get("text"))) for a in case.data["articles"]]
    assert got == [(a["num"], fr_text(a["text"])) for a in case.expected["articles"]]


@pytest.mark.parametrize("case", cases(*AMENDMENTS), indirect=True)
def test_amendment_operations(case):
    """Action, address, and the quoted new provision (number, text, nesting)."""
    got, want = case.data["articles"], case.expected["articles"]
    assert len(got) == len(want)
    for article, expected in zip(got, want, strict=True):
        assert [operation_outline(op) for op in article.get("operations", [])] == [
            operation_outline(op) for op in expected["operations"]
        ], f"article {expected['num']}"


@pytest.mark.parametrize("case", cases(*AMENDMENTS), indirect=True)
def test_amendment_in_force(case):
    # a date read from « entre en vigueur » words is stated, with those words
    in_force = case.data["in_force"]
    assert in_force["standing"] == "stated"
    assert str(in_force["date"]) == case.expected["in_force"]
    assert "entre en vigueur" in in_force["words"] and in_force["stated_in"].startswith("article")
    for article, expected in zip(case.data["articles"], case.expected["articles"], strict=True):
        if "entry_into_force" in expected:
            got = [
                {"articles": [str(n) for n in clause["articles"]], "date": str(clause["date"])}
                for clause in article.get("entry_into_force", [])
            ]
            assert got == expected["entry_into_force"], f"article {expected['num']}"


@pytest.mark.parametrize("case", cases(), indirect=True)
def test_annexes(case):
    """Rows by code with their whole description (wrapped lines joined), the notes and
    the abbreviations; the table's header row is the columns, never a row."""
    got = [annex_outline(a) for a in case.data.get("annexes", [])]
    assert got == [annex_outline(a) for a in case.expected["annexes"]]


@pytest.mark.parametrize("case", cases(), indirect=True)
def test_preamble_and_closing_words(case):
    """The words of the parties' preamble and of the closing, in order (however the
    draft groups them in blocks)."""
    for part in ("preamble", "closing"):
        got = squash(" ".join(fr_texts(case.data.get(part))))
        assert got == squash(" ".join(fr_texts(case.expected[part]))), part
