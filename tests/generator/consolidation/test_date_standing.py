"""Issue 13, dates: a date's standing (stated, assumed, unknown) in the model, in
consolidation, and in every output, on the shipped corpus and on copies of it."""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import cli
from generator.consolidation.engine import consolidate
from generator.corpus.loader import default_corpus_dir, load_corpus
from generator.errors import ConventioError
from generator.rendering.provisions import EDITORIAL_NOTE_RE

PROVIDER = "network-provider-2021"
PROVIDER_AMENDMENT = "network-provider-2021/avenant-2023-09"
SIXTH = "inami-network-2021/avenant-06"
ASSUMED_NOTE = "en vigueur le 25 septembre 2023 (date présumée : approbation par le Comité)"
#: the provider amendment as a lawyer cites it (generator/rendering/citations.py)
NAMED = "l'avenant au modèle de convention du 28 septembre 2023"
D = dt.date.fromisoformat


def run(*args: str):
    result = CliRunner().invoke(cli, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return result


def _copy_with_unknown_date(tmp_path: Path) -> Path:
    """The shipped corpus, but the provider amendment's own date is unknown:
    as an importer or editor would record it when the sources give none."""
    corpus = tmp_path / "corpus"
    shutil.copytree(default_corpus_dir(), corpus)
    path = corpus / "network-provider-2021" / "avenant-2023-09.yaml"
    text = path.read_text(encoding="utf-8")
    start = text.index("in_force:\n")
    end = text.index("signatories: [provider")
    unknown = (
        "in_force:\n  standing: unknown\n  reason: >-\n"
        "    Les sources ne donnent pas de date pour les articles 2 et 3.\n"
    )
    path.write_text(text[:start] + unknown + text[end:], encoding="utf-8")
    return corpus


# -- 1. the model and the shipped corpus ---------------------------------------------------


def test_shipped_amendments_say_which_date_is_assumed():
    corpus = load_corpus()
    six = corpus.get(SIXTH)
    assert six.in_force.standing == "assumed"
    assert six.in_force.basis == "approbation par le Comité"
    assert six.in_force.decided_by.startswith("les rédacteurs du corpus conventio")
    result = consolidate(corpus.get(PROVIDER), corpus.amendments_of(PROVIDER), D("2023-12-01"))
    standings = {(i.article.num, i.in_force.standing, i.date) for i in result.applied}
    assert standings == {
        ("1", "stated", D("2023-09-01")),
        ("2", "assumed", D("2023-09-25")),
        ("3", "assumed", D("2023-09-25")),
    }
    (first,) = [i for i in result.applied if i.article.num == "1"]
    assert first.in_force.words == "L’article 1 entre en vigueur au 01/09/23."
    assert first.in_force.stated_in == "article 4"


def test_a_date_standing_needs_what_it_claims(tmp_path):
    corpus = _copy_with_unknown_date(tmp_path)
    path = corpus / "network-provider-2021" / "avenant-2023-09.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("standing: unknown", "standing: assumed"), encoding="utf-8")
    checked = run("--corpus", str(corpus), "check")
    assert checked.exit_code == 1
    assert "avenant-2023-09.yaml" in checked.output
    assert "a date of standing 'assumed' needs 'date', 'basis', 'decided_by'" in checked.output


# -- 2. an unknown date is never replayed silently -----------------------------------------


def test_show_leaves_out_an_operation_whose_date_is_unknown_and_says_why(tmp_path):
    corpus = str(_copy_with_unknown_date(tmp_path))
    text = run("--corpus", corpus, "show", PROVIDER, "--at", "2023-12-01").output
    assert "Modifications non appliquées : les sources ne disent pas quand" in text
    assert (
        f"Article 2 de {NAMED} : insertion — Les sources ne donnent pas de date "
        "pour les articles 2 et 3." in text
    )
    assert "Article 14/1" not in text  # article 2 inserts it: not replayed
    assert "Article 17" in text and "§1/1" in text  # article 1 is dated by article 4
    data = json.loads(
        run("--corpus", corpus, "show", PROVIDER, "--at", "2023-12-01", "--format", "json").output
    )
    left = [
        (o["article"], o["in_force"], o["in_force_standing"]["standing"]) for o in data["left_out"]
    ]
    assert left == [("2", None, "unknown"), ("3", None, "unknown")]
    assert [o["article"] for o in data["applied"]] == ["1"]


def test_an_assumption_given_by_the_user_applies_and_is_shown_as_such(tmp_path):
    corpus = str(_copy_with_unknown_date(tmp_path))
    assume = f"{PROVIDER_AMENDMENT}=2023-10-01"
    text = run("--corpus", corpus, "show", PROVIDER, "--at", "2023-12-01", "--assume", assume)
    assert text.exit_code == 0, text.output
    assert "Article 14/1" in text.output
    assert (
        f"[Insertion par l'article 2 de {NAMED}, en vigueur le 1er octobre 2023 "
        "(date présumée : choisie par l'utilisateur)]" in text.output
    )
    assert "Dates présumées choisies par l'utilisateur, non données par les sources :" in (
        text.output
    )
    assert "Modifications non appliquées" not in text.output
    # one article only: the other stays out
    one = run(
        "--corpus", corpus, "show", PROVIDER, "--at", "2023-12-01",
        "--assume", f"{PROVIDER_AMENDMENT}:3=2023-10-01", "--format", "json",
    )  # fmt: skip
    data = json.loads(one.output)
    assert [o["article"] for o in data["left_out"]] == ["2"]
    (three,) = [o for o in data["applied"] if o["article"] == "3"]
    assert three["in_force_standing"]["basis"] == "choisie par l'utilisateur"
    # the library takes the same assumption
    loaded = load_corpus(Path(corpus))
    result = consolidate(
        loaded.get(PROVIDER), loaded.amendments_of(PROVIDER), D("2023-12-01"),
        assume={PROVIDER_AMENDMENT: D("2023-10-01")},
    )  # fmt: skip
    assert not result.left_out and result.find("art_14-1") is not None


def test_an_assumption_never_replaces_a_stated_date_nor_falls_on_nothing(tmp_path):
    corpus = str(_copy_with_unknown_date(tmp_path))
    stated = run(
        "--corpus", corpus, "show", PROVIDER, "--assume", f"{PROVIDER_AMENDMENT}:1=2023-10-01"
    )
    assert stated.exit_code != 0 and "Traceback" not in stated.output
    assert "states the date of article 1" in stated.output
    nothing = run("--corpus", corpus, "show", PROVIDER, "--assume", "conv/nope=2023-10-01")
    assert nothing.exit_code != 0 and "no amendment 'conv/nope'" in nothing.output
    malformed = run("--corpus", corpus, "show", PROVIDER, "--assume", "2023-10-01")
    assert malformed.exit_code != 0 and "AMENDMENT_ID=YYYY-MM-DD" in malformed.output


def test_history_lists_the_operations_without_a_date(tmp_path):
    corpus = str(_copy_with_unknown_date(tmp_path))
    text = run("--corpus", corpus, "history", PROVIDER).output
    assert "date unknown (opens no version; `show` leaves them out):" in text
    assert f"Article 2 de {NAMED}: date unknown: Les sources ne donnent pas" in text
    data = json.loads(run("--corpus", corpus, "history", PROVIDER, "--format", "json").output)
    assert data[-1]["version"] is None
    assert [o["article"] for o in data[-1]["left_out"]] == ["2", "3"]


# -- 3. every output shows an assumed date as such -----------------------------------------


def test_show_change_notes_say_the_date_is_assumed():
    text = run("show", PROVIDER, "--at", "2023-12-01").output
    note = f"[Insertion par l'article 2 de {NAMED}, {ASSUMED_NOTE}]"
    assert note in text
    # the stated date reads as a plain date
    assert f"[Insertion par l'article 1er de {NAMED}, en vigueur le 1er septembre 2023]" in text
    # generator/generation/leftovers.py tells conventio's notes from a model's brackets
    assert EDITORIAL_NOTE_RE.fullmatch(note)
    data = json.loads(run("show", PROVIDER, "--at", "2023-12-01", "--format", "json").output)
    (inserted,) = [a for a in data["articles"] if a["eid"] == "art_14-1"]
    standing = inserted["changed"]["in_force_standing"]
    assert standing["standing"] == "assumed" and standing["basis"] == "approbation par le Comité"
    assert "rédacteurs du corpus" in standing["decided_by"]


def test_history_says_stated_or_assumed_never_date_from_the_amendment():
    text = run("history", PROVIDER).output
    assert "date from" not in text
    assert "(date stated by article 4: « L’article 1 entre en vigueur au 01/09/23. »)" in text
    assert re.search(
        r"Article 2 de l'avenant au modèle de convention du 28 septembre 2023: inserts after "
        r"art_14 \(date assumed: approbation par le Comité;",
        text,
    )
    data = json.loads(run("history", PROVIDER, "--format", "json").output)
    opened = [o for v in data for o in v["opened_by"]]
    assert [o["in_force_standing"]["standing"] for o in opened] == ["stated", "assumed", "assumed"]


def test_list_says_the_amendments_dates_are_assumed():
    text = run("list").output
    (line,) = [x for x in text.splitlines() if x.startswith(SIXTH + " ")]
    assert "in force 2023-09-25 (assumed: approbation par le Comité)" in line
    rows = {row["id"]: row for row in json.loads(run("list", "--format", "json").output)}
    assert rows[PROVIDER_AMENDMENT]["in_force_standing"]["standing"] == "assumed"


def test_the_diff_attributes_a_change_with_its_date_standing():
    text = run("diff", f"{PROVIDER}@2023-09-24", f"{PROVIDER}@2023-09-25").output
    assert f"[Insertion par l'article 2 de {NAMED}, {ASSUMED_NOTE}]" in text
    data = json.loads(
        run("diff", f"{PROVIDER}@2023-09-24", f"{PROVIDER}@2023-09-25", "--format", "json").output
    )
    causes = [c["cause"] for c in data["summary"]["changes"] if c.get("cause")]
    assert causes and all(c["in_force_standing"]["standing"] == "assumed" for c in causes)


# -- 4. pending changes only from their approval, and an unknown approval said -------------


def test_pending_changes_are_listed_only_once_approved():
    # the sixth amendment was approved on 25/09/2023: not announced before
    before = run("show", "inami-network-2021", "--at", "2023-09-24").output
    assert "Modifications approuvées, pas encore en vigueur" not in before
    assert SIXTH not in before


def test_pending_changes_whose_approval_is_unknown_say_so():
    text = run("show", PROVIDER, "--at", "2023-09-01").output
    assert "Modifications approuvées, pas encore en vigueur à cette date" not in text
    assert "dont les sources ne donnent pas la date d'approbation" in text
    assert (
        f"Article 2 de {NAMED} : insertion, 25 septembre 2023 "
        "(date présumée : approbation par le Comité)" in text
    )
    data = json.loads(run("show", PROVIDER, "--at", "2023-09-01", "--format", "json").output)
    assert [p["approved"] for p in data["pending"]] == [None, None]


# -- 6. diff warns when a side is outside the convention's life ----------------------------


def test_diff_warns_when_a_side_is_outside_the_conventions_life():
    text = run("diff", "inami-network-2021@2021-06-01", "inami-network-2021@2023-10-01").output
    assert (
        "Attention : inami-network-2021 n'est pas en vigueur le 1er juin 2021 "
        "(1er septembre 2021 – 31 décembre 2023)." in text
    )
    data = json.loads(
        run(
            "diff", "inami-network-2021@2021-06-01", "inami-network-2021@2024-02-01",
            "--format", "json",
        ).output
    )  # fmt: skip
    assert len(data["warnings"]) == 2
    assert "31 décembre 2023" in data["warnings"][1]
    inside = run("diff", "inami-network-2021@2022-06-01", "inami-network-2021@2023-10-01")
    assert "Attention" not in inside.output


def test_an_assumption_for_a_convention_that_has_none_is_refused():
    with pytest.raises(ConventioError, match="no amendment"):
        corpus = load_corpus()
        consolidate(
            corpus.get(PROVIDER),
            corpus.amendments_of(PROVIDER),
            None,
            assume={SIXTH: D("2023-10-01")},
        )


def test_the_schema_says_what_each_standing_needs():
    import jsonschema

    schema = json.loads(run("schema").output)
    amendment = schema["$defs"]["Amendment"]
    assert amendment["properties"]["in_force"] == {"$ref": "#/$defs/InForce"}
    assert "in_force_note" not in amendment["properties"]
    in_force = jsonschema.Draft202012Validator(
        {**schema["$defs"]["InForce"], "$defs": schema["$defs"]}
    )
    assert not list(in_force.iter_errors({"standing": "unknown", "reason": "non dit"}))
    assumed = {"standing": "assumed", "date": "2023-09-25"}  # no basis, reason, who
    messages = {e.message for e in in_force.iter_errors(assumed)}
    assert "'basis' is a required property" in messages
    assert "'decided_by' is a required property" in messages


def test_each_date_of_a_document_says_whether_it_is_stated_or_assumed(tmp_path):
    # inami-network-2021's approval: « taken as » the committee's approval
    text = run("list").output
    (line,) = [x for x in text.splitlines() if x.startswith("inami-network-2021 ")]
    assert "approved 2021-07-26 (assumed), start 2021-09-01, end 2023-12-31" in line
    rows = {row["id"]: row for row in json.loads(run("list", "--format", "json").output)}
    assert rows["inami-network-2021"]["dates_standing"] == {
        "approved": "assumed",
        "start": "stated",
        "end": "stated",
    }
    assert rows[PROVIDER_AMENDMENT]["dates_standing"]["approved"] == "unknown"
    shown = json.loads(run("show", PROVIDER, "--at", "2023-12-01", "--format", "json").output)
    assert shown["convention"]["dates_standing"]["start"] == "assumed"
    # a note's standing must agree with its date
    corpus = tmp_path / "corpus"
    shutil.copytree(default_corpus_dir(), corpus)
    path = corpus / "inami-network-2021" / "convention.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("standing: assumed", "standing: unknown", 1), encoding="utf-8")
    checked = run("--corpus", str(corpus), "check")
    assert checked.exit_code == 1
    assert "inami-network-2021/convention.yaml" in checked.output
    assert "dates.approved has a date, but its note says 'unknown'" in checked.output
