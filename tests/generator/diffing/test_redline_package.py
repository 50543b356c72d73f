"""The redline DOCX as a package: each change marked as Word expects it (w:ins,
w:del, tracked paragraph marks and table rows, a unique id, an author and a date in
UTC), opened again by python-docx, the same bytes for the same input, and a
malformed model refused."""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile

import docx
import pytest
from lxml import etree

from generator.diffing.redline import write_redline
from generator.diffing.redline_model import (
    RedlineDocument,
    RedlineParagraph,
    RedlineRow,
    RedlineTable,
    Run,
)
from generator.ooxml.namespaces import W
from tests.support.redline_cases import (
    AUTHOR,
    CASES,
    DATE,
    HOSTILE,
    RANDOM,
    dele,
    document,
    eq,
    ins,
    random_document,
)


def parts(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert archive.testzip() is None
        return {name: archive.read(name) for name in archive.namelist()}


def body_of(data: bytes) -> etree._Element:
    return etree.fromstring(parts(data)["word/document.xml"]).find(W + "body")


def all_documents() -> dict[str, RedlineDocument]:
    return {name: case[0] for name, case in CASES.items()} | RANDOM


@pytest.mark.parametrize("name", list(CASES) + list(RANDOM))
def test_every_change_has_a_unique_id_an_author_and_a_date(name):
    body = body_of(write_redline(all_documents()[name], AUTHOR, DATE))
    changes = body.iter(W + "ins", W + "del")
    ids = []
    for change in changes:
        ids.append(change.get(W + "id"))
        assert change.get(W + "author") == AUTHOR
        assert change.get(W + "date") == "2023-09-25T14:30:05Z"
    assert ids
    assert all(re.fullmatch(r"\d+", i) for i in ids)
    assert len(set(ids)) == len(ids)


def test_runs_and_whole_paragraphs_are_marked_as_word_expects():
    body = body_of(write_redline(CASES["hostile"][0], AUTHOR, DATE))
    paragraphs = body.findall(W + "p")
    title, deleted, tabs = paragraphs[2], paragraphs[4], paragraphs[5]
    assert [c.tag for c in title if c.tag != W + "pPr"] == [W + "r", W + "del", W + "ins"]
    assert "".join(title.find(W + "del").itertext()) == HOSTILE
    assert title.find(f"{W}del/{W}r/{W}t") is None  # deleted text is w:delText
    assert deleted.find(f"{W}pPr/{W}rPr/{W}del") is not None
    assert deleted.find(f"{W}del/{W}r/{W}delText").text.startswith("<script>")
    for t in body.iter(W + "t", W + "delText"):
        assert t.get("{http://www.w3.org/XML/1998/namespace}space") == "preserve"
    assert [e.tag for e in tabs.iter(W + "t", W + "delText", W + "tab")] == [
        W + "t", W + "tab", W + "t", W + "t", W + "tab", W + "t",
        W + "delText", W + "tab", W + "delText",
    ]  # fmt: skip
    inserted = body_of(write_redline(CASES["inserted_paragraph"][0], AUTHOR, DATE)).findall(
        W + "p"
    )[3]
    assert inserted.find(f"{W}pPr/{W}rPr/{W}ins") is not None
    assert inserted.find(f"{W}ins/{W}r/{W}t").text == "2° les séances de groupe;"
    assert inserted.find(f"{W}pPr/{W}ind").get(W + "left") == "1134"


def test_a_new_paragraph_after_an_insertion_borrows_the_mark_before_it():
    """For LibreOffice: the title ends with an insertion, so the paragraph added
    after it has the title's mark tracked, and the title's style as former one."""
    body = body_of(write_redline(CASES["hostile"][0], AUTHOR, DATE))
    title, inserted = body.findall(W + "p")[2:4]
    assert title.find(f"{W}pPr/{W}rPr/{W}ins") is not None
    assert inserted.find(f"{W}pPr/{W}rPr") is None
    assert inserted.find(f"{W}ins/{W}r/{W}t").text == "L’INAMI & le réseau « Noël » <x>"
    change = inserted.find(f"{W}pPr/{W}pPrChange")
    assert change.get(W + "author") == AUTHOR
    assert change.find(f"{W}pPr/{W}pStyle").get(W + "val") == "Heading1"


def test_insertions_meeting_across_a_paragraph_end_are_kept_apart():
    """For LibreOffice, which would join them with the mark between them."""
    body = body_of(write_redline(CASES["meeting_insertions"][0], AUTHOR, DATE))

    def changes(p):
        return [(c.tag[len(W) :], "".join(c.itertext())) for c in p if c.tag != W + "pPr"]

    paragraphs = body.findall(W + "p")
    assert changes(paragraphs[3]) == [("del", "de "), ("ins", "b"), ("r", "c"), ("ins", " 2")]
    assert changes(paragraphs[4]) == [
        *[("del", "Le "), ("ins", "Alors Le "), ("r", "réseau")],
        *[("ins", "y"), ("del", "x")],
    ]
    assert changes(paragraphs[5]) == [("ins", "z"), ("r", "d")]
    # the paragraph empty on the left: an empty paragraph removed, one added
    removed, added = paragraphs[6:8]
    assert removed.find(f"{W}pPr/{W}rPr/{W}del") is not None
    assert changes(removed) == []
    assert added.find(f"{W}pPr/{W}rPr/{W}ins") is not None
    assert changes(added) == [("ins", "e")]
    # the paragraph added after one ending with an insertion borrows its mark
    assert paragraphs[8].find(f"{W}pPr/{W}rPr/{W}ins") is not None
    assert paragraphs[9].find(f"{W}pPr/{W}rPr") is None
    assert paragraphs[9].find(f"{W}pPr/{W}pStyle").get(W + "val") == "Note"
    former = paragraphs[9].find(f"{W}pPr/{W}pPrChange/{W}pPr")
    assert former is not None and len(former) == 0  # Normal, no indent


def test_table_rows_added_or_removed_are_tracked_rows():
    body = body_of(write_redline(CASES["table"][0], AUTHOR, DATE))
    rows = body.find(W + "tbl").findall(W + "tr")
    assert rows[0].find(f"{W}trPr/{W}tblHeader") is not None
    assert rows[0].find(f"{W}trPr/{W}ins") is None
    assert rows[3].find(f"{W}trPr/{W}del") is not None
    assert rows[4].find(f"{W}trPr/{W}ins") is not None
    for cell in rows[3].findall(W + "tc"):
        assert cell.find(f"{W}p/{W}pPr/{W}rPr/{W}del") is not None
        assert cell.find(f"{W}p/{W}del/{W}r/{W}delText") is not None
    fee = rows[2].findall(W + "tc")[2]
    assert "".join(fee.find(W + "p/" + W + "del").itertext()) == "22,50"
    assert "".join(fee.find(W + "p/" + W + "ins").itertext()) == "25,00"


def test_python_docx_opens_it_with_styles_and_indents():
    data = write_redline(CASES["words"][0], AUTHOR, DATE)
    opened = docx.Document(io.BytesIO(data))
    paragraphs = opened.paragraphs
    assert paragraphs[0].text == "Convention"
    assert paragraphs[0].style.name == "Title"
    assert paragraphs[2].style.name == "Heading 2"
    assert paragraphs[3].paragraph_format.left_indent.cm == pytest.approx(1.0, abs=0.01)
    assert opened.core_properties.author == AUTHOR
    tables = docx.Document(io.BytesIO(write_redline(CASES["table"][0], AUTHOR, DATE))).tables
    assert [cell.text for cell in tables[0].rows[1].cells] == [
        "794010",
        "Séance individuelle",
        "75,00 €",
    ]


def test_the_same_input_gives_the_same_bytes():
    doc = random_document(7)
    first = write_redline(doc, AUTHOR, DATE)
    assert write_redline(doc, AUTHOR, DATE) == first
    assert write_redline(doc, AUTHOR, DATE + dt.timedelta(seconds=1)) != first
    with zipfile.ZipFile(io.BytesIO(first)) as archive:
        assert {info.date_time for info in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        assert archive.namelist()[0] == "[Content_Types].xml"


def test_dates_are_written_in_utc():
    brussels = dt.timezone(dt.timedelta(hours=2))
    data = write_redline(CASES["words"][0], AUTHOR, dt.datetime(2023, 9, 25, 1, 0, tzinfo=brussels))
    dates = {c.get(W + "date") for c in body_of(data).iter(W + "ins", W + "del")}
    assert dates == {"2023-09-24T23:00:00Z"}


def test_characters_xml_cannot_hold_are_dropped_and_breaks_kept():
    doc = document(
        RedlineParagraph((eq("a\x00b\x0bc"), ins("d\ne"), dele("f\x1fg"))),
        title="T\x07itre",
    )
    body = body_of(write_redline(doc, "moi\x01", DATE))
    paragraphs = body.findall(W + "p")
    assert "".join(paragraphs[0].itertext()) == "Titre"
    assert "".join(paragraphs[2].itertext()) == "abcdefg"
    assert paragraphs[2].find(f"{W}ins/{W}r/{W}br") is not None
    assert {c.get(W + "author") for c in body.iter(W + "ins", W + "del")} == {"moi"}


@pytest.mark.parametrize(
    "doc, message",
    [
        (document(RedlineParagraph((Run("replace", "x"),))), "unknown run op 'replace'"),
        (document(RedlineParagraph((eq("x"),), style="chapter")), "unknown paragraph style"),
        (document(RedlineParagraph((eq("x"),), whole="moved")), "unknown whole-paragraph"),
        (document(RedlineTable(("A",), (RedlineRow(((eq("x"),),), whole="gone"),))), "'gone'"),
    ],
)
def test_a_malformed_model_is_refused(doc, message):
    with pytest.raises(ValueError, match=message):
        write_redline(doc, AUTHOR, DATE)


def test_an_author_is_required():
    with pytest.raises(ValueError, match="author"):
        write_redline(CASES["words"][0], " ", DATE)
