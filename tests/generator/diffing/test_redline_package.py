"""The redline DOCX: native tracked changes, proved by LibreOffice.

The tests marked `libreoffice` hand every document below to a real LibreOffice
(one headless run for them all, see tests/support/libreoffice_tracked_changes.py),
which accepts all tracked changes and, separately, rejects them all, and saves
the text: accepting must
give the right-hand version, rejecting the left-hand one, paragraph by
paragraph, table cells one per line, row by row. CI installs LibreOffice, so
these are not skipped when it is missing (they fail saying how to install it);
set CONVENTIO_SKIP_LIBREOFFICE=1 to skip them on purpose.

In LibreOffice's text, a line break inside a paragraph is a new line too, a
table starts after the previous paragraph with no blank line, and each document
ends with one empty paragraph (see `generator.diffing.redline`).
"""

from __future__ import annotations

import datetime as dt
import io
import random
import re
import sys
import zipfile
from pathlib import Path

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
from tests.support import libreoffice_tracked_changes
from tests.support.libreoffice_tracked_changes import LibreOfficeFailed, Outcome, accept_and_reject

AUTHOR = "Service des soins de santé – INAMI"
DATE = dt.datetime(2023, 9, 25, 14, 30, 5)
HOSTILE = "& < > \" ' ’ « » é à ç œ € <w:t>&amp;</w:t> ]]>"


def eq(text: str) -> Run:
    return Run("equal", text)


def ins(text: str) -> Run:
    return Run("insert", text)


def dele(text: str) -> Run:
    return Run("delete", text)


def document(
    *blocks: RedlineParagraph | RedlineTable, title: str = "Convention"
) -> RedlineDocument:
    return RedlineDocument(title, tuple(blocks), "2021-01-01", "2023-09-25")


HEAD = ["Convention", "2021-01-01 → 2023-09-25"]

# each case: the document, and the text expected after accepting and after rejecting
CASES: dict[str, tuple[RedlineDocument, list[str], list[str]]] = {
    "words": (
        document(
            RedlineParagraph((eq("Article 3"),), style="heading"),
            RedlineParagraph(
                (
                    eq("§ 1. Le réseau "),
                    dele("peut"),
                    ins("doit"),
                    eq(" conclure une convention "),
                    ins("écrite "),
                    eq("avec chaque psychologue"),
                    dele(" agréé"),
                    eq("."),
                ),
                level=1,
                label="§ 1",
            ),
        ),
        [
            *HEAD,
            "Article 3",
            "§ 1. Le réseau doit conclure une convention écrite avec chaque psychologue.",
            "",
        ],
        [
            *HEAD,
            "Article 3",
            "§ 1. Le réseau peut conclure une convention avec chaque psychologue agréé.",
            "",
        ],
    ),
    "inserted_paragraph": (
        document(
            RedlineParagraph((eq("1° les séances individuelles;"),), level=2, label="1°"),
            RedlineParagraph((ins("2° les séances de groupe;"),), level=2, whole="insert"),
            RedlineParagraph((eq("3° les séances à distance."),), level=2, label="3°"),
        ),
        [
            *HEAD,
            "1° les séances individuelles;",
            "2° les séances de groupe;",
            "3° les séances à distance.",
            "",
        ],
        [*HEAD, "1° les séances individuelles;", "3° les séances à distance.", ""],
    ),
    "deleted_paragraph": (
        document(
            RedlineParagraph((eq("Article 4"),), style="heading"),
            RedlineParagraph((dele("Article 5"),), style="heading", whole="delete"),
            RedlineParagraph((dele("Le présent article est abrogé."),), whole="delete"),
            RedlineParagraph((eq("Article 6"),), style="heading"),
            RedlineParagraph((dele("Note : texte abrogé en 2023."),), style="note", whole="delete"),
        ),
        [*HEAD, "Article 4", "Article 6", ""],
        [
            *HEAD,
            "Article 4",
            "Article 5",
            "Le présent article est abrogé.",
            "Article 6",
            "Note : texte abrogé en 2023.",
            "",
        ],
    ),
    "table": (
        document(
            RedlineParagraph((eq("Annexe 1 – Pseudocodes"),), style="title"),
            RedlineTable(
                ("Pseudocode", "Prestation", "Honoraire"),
                (
                    RedlineRow(((eq("794010"),), (eq("Séance individuelle"),), (eq("75,00 €"),))),
                    RedlineRow(
                        (
                            (eq("794032"),),
                            (eq("Séance de groupe"),),
                            (dele("22,50"), ins("25,00"), eq(" €")),
                        )
                    ),
                    RedlineRow(
                        ((dele("794054"),), (dele("Séance de suivi"),), (dele("50,00 €"),)),
                        whole="delete",
                    ),
                    RedlineRow(
                        ((ins("794076"),), (ins("Séance à distance"),), (ins("60,00 €"),)),
                        whole="insert",
                    ),
                ),
            ),
            RedlineParagraph((eq("Fait à Bruxelles."),)),
        ),
        [
            *HEAD,
            "Annexe 1 – Pseudocodes",
            *("Pseudocode", "Prestation", "Honoraire"),
            *("794010", "Séance individuelle", "75,00 €"),
            *("794032", "Séance de groupe", "25,00 €"),
            *("794076", "Séance à distance", "60,00 €"),
            "Fait à Bruxelles.",
            "",
        ],
        [
            *HEAD,
            "Annexe 1 – Pseudocodes",
            *("Pseudocode", "Prestation", "Honoraire"),
            *("794010", "Séance individuelle", "75,00 €"),
            *("794032", "Séance de groupe", "22,50 €"),
            *("794054", "Séance de suivi", "50,00 €"),
            "Fait à Bruxelles.",
            "",
        ],
    ),
    "hostile": (
        document(
            RedlineParagraph(
                (eq("« A & B » "), dele(HOSTILE), ins('’<b>\' "C" > D')), style="title"
            ),
            RedlineParagraph((ins("L’INAMI & le réseau « Noël » <x>"),), whole="insert"),
            RedlineParagraph((dele("<script>alert('é')</script> & co"),), whole="delete"),
            RedlineParagraph((eq("a\tb "), ins("c\td"), dele("e\tf"))),
            RedlineTable(("<&>", "« »"), (RedlineRow(((dele("'"), ins('"')), (eq("’&’"),))),)),
            title="Titre <&> « ’ »",
        ),
        [
            "Titre <&> « ’ »",
            HEAD[1],
            '« A & B » ’<b>\' "C" > D',
            "L’INAMI & le réseau « Noël » <x>",
            "a\tb c\td",
            *("<&>", "« »", '"', "’&’"),
            "",
        ],
        [
            "Titre <&> « ’ »",
            HEAD[1],
            "« A & B » " + HOSTILE,
            "<script>alert('é')</script> & co",
            "a\tb e\tf",
            *("<&>", "« »", "'", "’&’"),
            "",
        ],
    ),
    "meeting_insertions": (
        document(
            # paragraphs that end with an insertion followed by one that starts with one
            RedlineParagraph((eq("a"), ins(" 1"))),
            RedlineParagraph((ins("b\t"), dele("de "), eq("c"), ins(" 2"))),
            RedlineParagraph((ins("Alors "), eq("Le réseau"), dele("x"), ins("y"))),
            RedlineParagraph((ins("z"), eq("d"))),
            RedlineParagraph((ins("e"),)),
            RedlineParagraph((eq("g"), ins("h"))),
            RedlineParagraph((ins("Nouveau"),), whole="insert", style="note"),
        ),
        [*HEAD, "a 1", "b\tc 2", "Alors Le réseauy", "zd", "e", "gh", "Nouveau", ""],
        [*HEAD, "a", "de c", "Le réseaux", "d", "", "g", ""],
    ),
    "edges": (
        document(
            # a whole paragraph right before a table, tables back to back, a table
            # added and one removed as a whole, line breaks, an empty added paragraph
            RedlineParagraph((dele("Supprimé avant la table"),), whole="delete"),
            RedlineTable(("A", "B"), (RedlineRow(((ins("a1"),), (ins("b1"),)), whole="insert"),)),
            RedlineTable(("C",), (RedlineRow(((dele("c1"),),), whole="delete"),)),
            RedlineTable((), (RedlineRow(((eq("x"), ins("y")), (dele("z"),))),)),
            RedlineParagraph((eq("ligne 1\nligne 2"), ins("\r\nligne 3"))),
            RedlineParagraph((), whole="insert"),
            RedlineParagraph((ins("Ajouté à la fin"),), whole="insert"),
        ),
        [
            *HEAD,
            *("", "A", "B", "a1", "b1", "", "", "xy", ""),
            *("ligne 1", "ligne 2", "ligne 3", "", "Ajouté à la fin", ""),
        ],
        [
            *HEAD,
            *("Supprimé avant la table", "", "", "C", "c1", "", "x", "z"),
            *("ligne 1", "ligne 2", ""),
        ],
    ),
}


def random_document(seed: int) -> RedlineDocument:
    """A document mixing every kind of change, for `expected_text` to predict."""
    rng = random.Random(seed)
    words = ["article", "réseau", "€", "&", "<", ">", '"', "'", "’", "«", "»", "§ 2", "1°", "ç"]
    words += ["a\tb", "ligne\nsuivante"]

    def runs(allowed: tuple[str, ...]) -> tuple[Run, ...]:
        return tuple(
            Run(rng.choice(allowed), " ".join(rng.sample(words, rng.randint(1, 3))) + " ")
            for _ in range(rng.choice([0, 1, 1, 2, 3, 5]))
        )

    blocks: list[RedlineParagraph | RedlineTable] = []
    for _ in range(14):
        kind = rng.random()
        if kind < 0.15:
            rows = []
            for _ in range(rng.randint(1, 4)):
                whole = rng.choice([None, None, "insert", "delete"])
                allowed = ("equal", whole) if whole else ("equal", "insert", "delete")
                rows.append(RedlineRow(tuple(runs(allowed) for _ in range(2)), whole))
            blocks.append(RedlineTable(("Col 1", "Col 2"), tuple(rows)))
        else:
            whole = rng.choice([None, None, "insert", "delete"])
            allowed = ("equal", whole) if whole else ("equal", "insert", "delete")
            style = rng.choice(["title", "heading", "text", "text", "note"])
            blocks.append(RedlineParagraph(runs(allowed), style, rng.randint(0, 3), "", whole))
    return document(*blocks)


def expected_text(doc: RedlineDocument, side: str) -> list[str]:
    """The lines LibreOffice should give for one side ("insert" for the right,
    "delete" for the left), from the model's contract and the writer's layout."""

    def spell(runs: tuple[Run, ...]) -> str:
        return "".join(run.text for run in runs if run.op in ("equal", side))

    lines = [doc.title, f"{doc.left_label} → {doc.right_label}"]
    needs_spacer = False
    for block in doc.blocks:
        if isinstance(block, RedlineTable):
            if not block.header and not block.rows:
                continue  # nothing to show: not written
            if needs_spacer:
                lines.append("")
            # the header is added (removed) with the table when every row is
            changes = {row.whole for row in block.rows}
            if len(changes) != 1 or changes == {None} or changes == {side}:
                lines += block.header
            rows = [row for row in block.rows if row.whole in (None, side)]
            for row in rows:
                for cell in row.cells:
                    lines += re.split(r"\r\n|\r|\n", spell(cell))
            needs_spacer = True
        else:
            if block.whole in (None, side):
                lines += re.split(r"\r\n|\r|\n", spell(block.runs))
            # a paragraph empty on the left is written as an empty one removed and one added
            left_empty = {run.op for run in block.runs if run.text} == {"insert"}
            needs_spacer = block.whole is not None or left_empty
    return [*lines, ""]


RANDOM = {f"random_{seed}": random_document(seed) for seed in range(3)}


@pytest.fixture(scope="module")
def libreoffice_outcomes(tmp_path_factory) -> dict[str, Outcome]:
    """Every document of CASES and RANDOM, accepted and rejected by one LibreOffice run."""
    docs = {name: case[0] for name, case in CASES.items()} | RANDOM
    files = {name: write_redline(doc, AUTHOR, DATE) for name, doc in docs.items()}
    return accept_and_reject(files, tmp_path_factory.mktemp("redline-lo"))


@pytest.mark.libreoffice
@pytest.mark.parametrize("name", list(CASES))
def test_accept_all_gives_right_reject_all_gives_left(name, libreoffice_outcomes):
    doc, right, left = CASES[name]
    outcome = libreoffice_outcomes[name]
    assert outcome.redlines > 0
    assert outcome.accepted == right
    assert outcome.rejected == left
    # the hand-written expectations and the model's contract agree
    assert expected_text(doc, "insert") == right
    assert expected_text(doc, "delete") == left


@pytest.mark.libreoffice
@pytest.mark.parametrize("name", list(RANDOM))
def test_accept_and_reject_on_mixed_documents(name, libreoffice_outcomes):
    doc = RANDOM[name]
    outcome = libreoffice_outcomes[name]
    assert outcome.accepted == expected_text(doc, "insert")
    assert outcome.rejected == expected_text(doc, "delete")


# the package itself


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


def test_lo_helper_writes_a_loadable_macro_profile(tmp_path: Path):
    """The macro module is well-formed XML (a broken one fails only inside LibreOffice)."""
    libreoffice_tracked_changes.make_profile(tmp_path)
    basic = tmp_path / "user" / "basic"
    written = sorted(p.relative_to(basic).as_posix() for p in basic.rglob("*.x*"))
    assert written == [
        "Standard/Module1.xba",
        "Standard/dialog.xlb",
        "Standard/script.xlb",
        "dialog.xlc",
        "script.xlc",
    ]
    parser = etree.XMLParser(load_dtd=False, no_network=True)
    parsed = {name: etree.parse(str(basic / name), parser) for name in written}
    assert "Sub RunAll(inDir As String, outDir As String)" in (
        parsed["Standard/Module1.xba"].getroot().text
    )


@pytest.mark.libreoffice
def test_lo_helper_names_a_document_libreoffice_cannot_load(tmp_path: Path):
    with pytest.raises(LibreOfficeFailed, match="broken: accept failed: could not load"):
        accept_and_reject({"broken": b"PK\x03\x04 not a DOCX"}, tmp_path)


@pytest.mark.skipif(sys.platform == "win32", reason="fake soffice: a shell script")
def test_lo_helper_kills_a_libreoffice_that_hangs(tmp_path: Path, monkeypatch):
    # a LibreOffice that hangs, with a child of its own that would print when it is done:
    # killing soffice alone, not its whole process group, lets the child print (and keeps
    # the output open until it does); not killing at all lets both print
    fake = tmp_path / "soffice"
    fake.write_text("#!/bin/sh\necho started\n(sleep 30; echo the child finished) &\nwait\n")
    fake.chmod(0o755)
    monkeypatch.setenv("CONVENTIO_SOFFICE", str(fake))
    monkeypatch.setattr(libreoffice_tracked_changes, "STARTUP_TIMEOUT", 0.5)
    with pytest.raises(
        LibreOfficeFailed, match=r"did not finish within 0\.5 s and was killed"
    ) as caught:
        accept_and_reject({"words": write_redline(CASES["words"][0], AUTHOR, DATE)}, tmp_path)
    assert "started" in str(caught.value)
    assert "the child finished" not in str(caught.value)
