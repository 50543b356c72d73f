"""The README's corpus table lists every document of the corpus, once, and says
for each what is held, what is not, and which dates are assumed: it cannot drift
from conventions/."""

from __future__ import annotations

import yaml

from tests.support.paths import ROOT

CORPUS = ROOT / "conventions"


def _rows() -> dict[str, list[str]]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## What is in the corpus\n", 1)[1].split("\n## ", 1)[0]
    lines = [line for line in section.splitlines() if line.startswith("| `")]
    rows: dict[str, list[str]] = {}
    for line in lines:
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        doc_id = cells[0].strip("`")
        assert doc_id not in rows, f"{doc_id} is listed twice"
        rows[doc_id] = cells[1:]
    return rows


def _documents() -> dict[str, dict]:
    documents = {}
    for path in sorted(CORPUS.rglob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        documents[data["id"]] = data
    return documents


def test_the_table_lists_every_document_of_the_corpus_once():
    rows, documents = _rows(), _documents()
    assert len(documents) >= 10
    assert sorted(rows) == sorted(documents)
    for doc_id, cells in rows.items():
        assert len(cells) == 4 and all(cells), (doc_id, cells)  # document, held, not held, dates


#: how the table names each date of a file's `dates`
_DATE_WORDS = {"approved": "approval", "start": "start", "end": "end", "issued": "issue"}


def _standings(data: dict) -> dict[str, set[str]]:
    """{standing: the table's words for the dates that have it} of one file."""
    found: dict[str, set[str]] = {"stated": set(), "assumed": set(), "unknown": set()}
    for note in (data.get("dates") or {}).get("notes", []):
        if note["field"] in _DATE_WORDS:
            found[note["standing"]].add(_DATE_WORDS[note["field"]])
    in_force = [data.get("in_force")] + [
        op.get("in_force")
        for article in data.get("articles") or []
        for op in article.get("operations") or []
    ]
    for item in in_force:
        if item:
            found[item["standing"]].add("in force")
    return found


def test_what_is_not_held_and_assumed_is_said():
    rows, documents = _rows(), _documents()
    for doc_id, data in documents.items():
        _, held, not_held, dates = rows[doc_id]
        known = data.get("known_amendments") or []
        if known:
            ordinals = [k["ordinal"] for k in known]
            assert f"amendments {min(ordinals)} to {max(ordinals)}" in not_held, doc_id
        said = {part.split(":", 1)[0]: part for part in dates.split(" · ")}
        for standing, words in _standings(data).items():
            for word in words:  # each date is in the part of its standing
                assert word in said.get(standing, ""), (doc_id, standing, word, dates)
        if data.get("type") in ("circular", "amendment"):  # each transcribed whole
            assert held.startswith("the whole"), doc_id
        if data.get("type") == "circular":
            assert data.get("body"), doc_id  # every circular's letter is held
