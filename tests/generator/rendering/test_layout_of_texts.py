"""How `show` lays out two points of issue 12, in text, Markdown and HTML: the
alinéas of article 17 § 1/1 are siblings (the second and third are not nested
under the first one's point 2), and a provision an amendment quotes is set apart
from the amendment's own articles. The same in the amendment as its own text
and in the convention as in force once it is inserted."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from generator.app.show import render_document
from generator.corpus.loader import load_corpus

PROVIDER_AMENDMENT = "network-provider-2021/avenant-2023-09"
SIXTH = "inami-network-2021/avenant-06"
#: the first words of the three alinéas of § 1/1 and of a point of the first two
FIRST = "Par dérogation aux dispositions du §1"
SECOND = "Le ticket modérateur n'est pas non plus dû"
THIRD = "Seules les prestations en application"
POINT_OF_FIRST = "Les séances individuelles ou de groupe ont lieu"
POINT_OF_SECOND = "Les séances individuelles ou de groupe se déroulent"

#: (document, date) where § 1/1 is printed: quoted by the amendment, and in force
WHERE_1_1 = [(PROVIDER_AMENDMENT, None), ("network-provider-2021", dt.date(2023, 9, 25))]


@pytest.fixture(scope="module")
def corpus():
    return load_corpus()


def _show(corpus, doc_id: str, fmt: str, at: dt.date | None = None) -> str:
    return render_document(corpus, doc_id, at, fmt, "fr")


def _text_indent(text: str, start: str) -> int:
    """How far the text line holding `start` is indented (its label and quotation
    mark aside)."""
    line = next(line for line in text.splitlines() if start in line)
    return len(line) - len(line.lstrip(" "))


@pytest.mark.parametrize(("doc_id", "at"), WHERE_1_1)
def test_the_alineas_of_paragraph_1_1_are_siblings_in_text(corpus, doc_id, at):
    text = _show(corpus, doc_id, "text", at)
    first, second, third = (_text_indent(text, s) for s in (FIRST, SECOND, THIRD))
    assert first == second == third
    assert _text_indent(text, POINT_OF_FIRST) == _text_indent(text, POINT_OF_SECOND) > second


def _markdown_depth(markdown: str, start: str) -> int:
    """The block-quote depth of the Markdown paragraph holding `start`."""
    line = next(line for line in markdown.splitlines() if start in line)
    return len(re.match(r"(?:> ?)*", line).group(0).replace(" ", ""))


@pytest.mark.parametrize(("doc_id", "at"), WHERE_1_1)
def test_the_alineas_of_paragraph_1_1_are_siblings_in_markdown(corpus, doc_id, at):
    markdown = _show(corpus, doc_id, "markdown", at)
    depths = [_markdown_depth(markdown, s) for s in (FIRST, SECOND, THIRD)]
    assert depths[0] == depths[1] == depths[2]
    points = [_markdown_depth(markdown, s) for s in (POINT_OF_FIRST, POINT_OF_SECOND)]
    assert points[0] == points[1] == depths[0] + 1


def _html_margin(page: str, start: str) -> str:
    """The left margin of the HTML paragraph holding `start` ("" for none)."""
    paragraph = next(p for p in page.split("<p") if start in p.replace("&#x27;", "'"))
    found = re.match(r'[^>]*style="margin-left:([0-9.]+)rem"', paragraph)
    return found.group(1) if found else ""


@pytest.mark.parametrize(("doc_id", "at"), WHERE_1_1)
def test_the_alineas_of_paragraph_1_1_are_siblings_in_html(corpus, doc_id, at):
    page = _show(corpus, doc_id, "html", at)
    margins = [_html_margin(page, s) for s in (FIRST, SECOND, THIRD)]
    assert margins[0] == margins[1] == margins[2] == ""
    points = [_html_margin(page, s) for s in (POINT_OF_FIRST, POINT_OF_SECOND)]
    assert points == ["1.5", "1.5"]


@pytest.mark.parametrize("doc_id", [SIXTH, PROVIDER_AMENDMENT])
def test_a_quoted_article_is_set_apart_in_text(corpus, doc_id):
    lines = _show(corpus, doc_id, "text").splitlines()
    assert "Article 1" in lines and "Article 2" in lines  # the amendment's own, not indented
    quoted = [line for line in lines if line.strip() == "Article 14/1"]
    assert quoted == ["    Article 14/1"]
    text = next(line for line in lines if "une prime de pratique sera accordée" in line)
    assert text.startswith("    Sur la base des prestations")


@pytest.mark.parametrize("doc_id", [SIXTH, PROVIDER_AMENDMENT])
def test_a_quoted_article_is_set_apart_in_markdown(corpus, doc_id):
    lines = _show(corpus, doc_id, "markdown").splitlines()
    assert "### Article 1" in lines and "### Article 2" in lines
    assert "> **Article 14/1**" in lines  # a block quote, not a heading of the document
    assert not any(line.startswith("#") and "14/1" in line for line in lines)
    bonus = next(line for line in lines if "une prime de pratique sera accordée" in line)
    assert bonus.startswith("> Sur la base")


@pytest.mark.parametrize("doc_id", [SIXTH, PROVIDER_AMENDMENT])
def test_a_quoted_article_is_set_apart_in_html(corpus, doc_id):
    page = _show(corpus, doc_id, "html")
    assert "<h2>Article 1</h2>" in page and "<h2>Article 2</h2>" in page
    quotes = re.findall(r'<blockquote class="quoted">(.*?)</blockquote>', page, re.S)
    article = next(q for q in quotes if "Article 14/1" in q)
    assert '<p class="quoted-heading" id="art_14-1">Article 14/1</p>' in article
    assert "une prime de pratique sera accordée" in article
    assert not re.search(r"<h\d[^>]*>Article 14/1", page)
    assert "Article 2" not in "".join(quotes)  # the amendment's own articles stay outside
