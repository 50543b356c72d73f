"""What the diff prints: text, JSON, HTML, the redline document, and the CLI."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from click.testing import CliRunner

from generator.cli import cli
from generator.corpus.loader import load_corpus
from generator.diffing.adapter import spell, to_redline
from generator.diffing.engine import diff, diff_items
from generator.diffing.html import to_html
from generator.diffing.redline_model import RedlineParagraph, RedlineTable
from generator.diffing.render import to_json_data, to_text
from generator.diffing.result import DiffResult
from generator.diffing.sides import Side
from tests.support.diff_trees import NEW, A, P, Q, X, article, items, paragraph

NETWORK_14_1 = "inami-network-2021/avenant-06#art_14-1"
PROVIDER_14_1 = "network-provider-2021/avenant-2023-09#art_14-1"
DATES = ("network-provider-2021@2023-08-31", "network-provider-2021@2023-09-01")


@pytest.fixture(scope="module")
def corpus():
    return load_corpus()


def result_of(left_items, right_items) -> DiffResult:
    left = Side("L", "left", "convention", "x", None, left_items)
    right = Side("R", "right", "convention", "x", None, right_items)
    return DiffResult(left, right, diff_items(left_items, right_items))


def flatten(side_items) -> list[str]:
    """A side's text as the redline lays it out, paragraph by paragraph."""
    lines: list[str] = []

    def walk(item):
        if item.kind == "annex":
            if item.heading:
                lines.append(item.heading)
            if item.text:  # « [texte non repris dans le corpus] »
                lines.append(item.text)
            lines.extend(f"{code} | {text}" for code, text in item.rows)
            lines.extend(item.notes)
            return
        if item.kind == "article":
            if item.heading:
                lines.append(item.heading)
            lines.append(item.label)
            if item.text:
                lines.append(item.text)
        elif item.label and item.text:
            lines.append(f"{item.label} {item.text}")
        elif item.label or item.text:
            lines.append(item.label or item.text)
        lines.extend(item.notes)  # footnotes, under the provision
        for child in item.children:
            walk(child)

    for item in side_items:
        walk(item)
    return lines


# -- the redline document -------------------------------------------------------------------


@pytest.mark.parametrize(
    "left, right",
    [
        ((NETWORK_14_1, PROVIDER_14_1)),
        (DATES),
        (("network-provider-2021@2023-08-31", "network-provider-2021@2023-10-01")),
        (("network-provider-2021@2023-10-01", "network-provider-2021@2023-08-31")),
        (("inami-network-2021/avenant-06", "network-provider-2021/avenant-2023-09")),
    ],
)
def test_rejecting_gives_the_left_text_and_accepting_the_right(corpus, left, right):
    result = diff(corpus, left, right)
    document = to_redline(result)
    assert spell(document, "left") == flatten(result.left.items)
    assert spell(document, "right") == flatten(result.right.items)
    assert document.left_label == result.left.label


@pytest.mark.parametrize("case", ["renumber", "move", "move+modify"])
def test_redline_of_renumbering_and_moves(case):
    if case == "renumber":
        left = items(article("4", text=A), article("5", text=X))
        right = items(article("4", text=A), article("5", text=NEW), article("6", text=X))
    else:
        q = Q if case == "move" else Q.replace("cinq", "sept")
        left = items(
            article("1", paragraph("1", P), paragraph("2", Q)), article("2", paragraph("1", A))
        )
        right = items(
            article("1", paragraph("1", P)), article("2", paragraph("1", A), paragraph("2", q))
        )
    document = to_redline(result_of(left, right))
    assert spell(document, "left") == flatten(left)
    assert spell(document, "right") == flatten(right)


def test_a_changed_label_is_the_first_run(corpus):
    document = to_redline(diff(corpus, NETWORK_14_1, PROVIDER_14_1))
    point = next(
        b
        for b in document.blocks
        if isinstance(b, RedlineParagraph) and b.runs and b.runs[0].text == "3)"
    )
    assert [(r.op, r.text) for r in point.runs[:3]] == [
        ("delete", "3)"),
        ("insert", "5)"),
        ("equal", " "),
    ]
    assert point.label == "" and point.whole is None
    # an unchanged label is printed as plain text, the first run (the writer prints runs)
    dates = to_redline(diff(corpus, *DATES))
    paragraphs = [b for b in dates.blocks if isinstance(b, RedlineParagraph)]
    unchanged = next(b for b in paragraphs if b.runs and b.runs[0].text.startswith("§ 1er"))
    assert unchanged.runs[0].op == "equal" and unchanged.label == ""
    assert all(not b.label for b in paragraphs)


def test_added_provisions_and_rows_are_whole_inserts(corpus):
    document = to_redline(
        diff(corpus, "network-provider-2021@2023-08-31", "network-provider-2021@2023-10-01")
    )
    tables = [b for b in document.blocks if isinstance(b, RedlineTable)]
    assert len(tables) == 1 and len(tables[0].rows) == 46
    assert all(row.whole == "insert" for row in tables[0].rows)
    inserted = [b for b in document.blocks if isinstance(b, RedlineParagraph) and b.whole]
    # the old annex 1 is not held: its placeholder is what the new annex replaces
    (placeholder,) = [b for b in inserted if b.whole == "delete"]
    assert [(r.op, r.text) for r in placeholder.runs] == [
        ("delete", "[texte non repris dans le corpus]")
    ]
    inserted.remove(placeholder)
    assert inserted and all(b.whole == "insert" for b in inserted)
    assert all(r.op == "insert" for b in inserted for r in b.runs)


# -- text, JSON, HTML -----------------------------------------------------------------------


def test_text_starts_with_the_summary_and_is_plain_unless_asked(corpus):
    result = diff(corpus, *DATES)
    text = to_text(result)
    lines = text.splitlines()
    assert lines[3].startswith("Résumé : 1 ajout, 0 suppression, 0 modification")
    assert (
        "  + article 17, § 1/1 : ajout [Insertion par l'article 1er de l'avenant au modèle "
        "de convention du 28 septembre 2023, en vigueur le 1er septembre 2023]" in text
    )
    assert "\x1b[" not in text
    assert "\x1b[32" in to_text(result, colour=True)


def test_json_has_the_change_tree_with_word_operations(corpus):
    data = to_json_data(diff(corpus, NETWORK_14_1, PROVIDER_14_1))
    assert data["summary"]["counts"]["renumbered"] == 2
    root = data["tree"][0]
    assert root["eid"] == "art_14-1"
    alinea = next(c for c in root["children"] if c["eid"] == "art_14-1__al_1")
    assert alinea["kinds"] == ["modified"]
    assert {"op": "delete", "text": "les"} in alinea["text"]
    assert {"op": "insert", "text": "le"} in alinea["text"]
    point = next(
        p
        for c in root["children"]
        for p in c.get("children", ())
        if p["eid"] == "art_14-1__al_4__point_5"
    )
    assert point["was"] == {
        "eid": "art_14-1__al_4__point_3",
        "address": "article 14/1, alinéa 4, 3)",
    }
    dates = to_json_data(diff(corpus, *DATES))
    (change,) = dates["summary"]["changes"]
    assert change["cause"] == {
        "amendment": "network-provider-2021/avenant-2023-09",
        "article": "1",
        "action": "insert",
        "in_force": "2023-09-01",
        "in_force_standing": {
            "standing": "stated",
            "date": "2023-09-01",
            "words": "L’article 1 entre en vigueur au 01/09/23.",
            "stated_in": "article 4",
        },
        "eid": "art_17__para_1-1",
        "cited_as": "Article 1er de l'avenant au modèle de convention du 28 septembre 2023",
        "words": "Insertion par l'article 1er de l'avenant au modèle de convention du "
        "28 septembre 2023, en vigueur le 1er septembre 2023",
    }
    json.dumps(dates)


def test_html_is_one_escaped_page_with_both_views():
    hostile = '<script>alert("x")</script> & <b onclick=evil()>'
    result = result_of(items(article("1", text=A)), items(article("1", text=hostile)))
    page = to_html(result)
    assert "<script>" not in page and "onclick=evil()>" not in page
    assert "&lt;script&gt;" in page and "&amp;" in page
    assert page.count("<html") == 1 and "Côte à côte" in page and "Texte suivi" in page
    assert "<del>" in page and "<ins>" in page
    assert "<link" not in page and "src=" not in page  # self-contained


# -- the command ----------------------------------------------------------------------------


def test_cli_diff_formats(tmp_path):
    runner = CliRunner()
    out = runner.invoke(cli, ["diff", *DATES])
    assert out.exit_code == 0, out.output
    assert "Résumé : 1 ajout" in out.output and "\x1b[" not in out.output
    out = runner.invoke(cli, ["diff", NETWORK_14_1, PROVIDER_14_1, "--format", "json"])
    assert json.loads(out.output)["summary"]["counts"]["renumbered"] == 2
    page = tmp_path / "d.html"
    out = runner.invoke(cli, ["diff", *DATES, "--format", "html", "-o", str(page)])
    assert out.exit_code == 0 and page.read_text().startswith("<!DOCTYPE html>")
    out = runner.invoke(cli, ["diff", *DATES, "--format", "docx"])
    assert out.exit_code == 2 and "-o FILE" in out.output
    out = runner.invoke(cli, ["diff", "network-provider-2021@2023-09-01#art_99", *DATES[:1]])
    assert out.exit_code == 1 and "no provision 'art_99'" in out.output


def test_cli_diff_docx(tmp_path):
    target = tmp_path / "d.docx"
    out = CliRunner().invoke(
        cli, ["diff", NETWORK_14_1, PROVIDER_14_1, "--format", "docx", "-o", str(target)]
    )
    assert out.exit_code == 0, out.output
    assert target.read_bytes()[:2] == b"PK"


def test_the_cli_does_not_import_the_diff_engine_at_start_up():
    code = (
        "import sys, generator.cli; "
        "print([m for m in sys.modules if m.startswith('generator.diffing')])"
    )
    found = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert found.stdout.strip() == "[]"
