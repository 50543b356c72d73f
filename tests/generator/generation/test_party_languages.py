"""Each party in its language, never a silent fallback (issue 14): without
--lang every copy is made in its party's language; a batch whose languages the
corpus or the templates do not hold stops before writing anything, listing per
language the parties and the missing texts, grouped; --lang chooses one language
for everyone, and the manifest says how each copy's language was chosen.

The Dutch and German texts used here are the TEST TRANSLATION of
tests/support/translated_corpus.py (the French behind « TEST-NL · »), in a copy
of the corpus; the templates come from tests/support/language_templates.py
(French and the languages asked for only)."""

from __future__ import annotations

import csv
import io
import json
from collections import Counter
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner

from generator.cli import cli
from generator.generation.languages import group_missing
from tests.support.language_templates import templates_for
from tests.support.paths import ROOT
from tests.support.translated_corpus import translated_corpus, translation_mark

EXAMPLES = ROOT / "examples" / "parties.yaml"
SIXTH = "inami-network-2021/avenant-06"
PROVIDER_AMENDMENT = "network-provider-2021/avenant-2023-09"
DUTCH = ["net-03", "net-06", "net-08", "net-09", "net-11", "net-16", "net-18", "net-19"]


def run(*args: str | Path):
    result = CliRunner().invoke(cli, [str(a) for a in args])
    assert "Traceback" not in result.output and "internal error" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return result


def files_under(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*") if p.is_file()] if folder.exists() else []


def paragraphs(path: Path) -> list[str]:
    return [p.text for p in docx.Document(str(path)).paragraphs if p.text.strip()]


def manifest(folder: Path) -> list[dict]:
    return json.loads((folder / "manifest.json").read_text(encoding="utf-8"))["documents"]


def csv_rows(folder: Path) -> list[dict]:
    return list(csv.DictReader(io.StringIO((folder / "manifest.csv").read_text("utf-8"))))


@pytest.fixture(scope="module")
def translated(tmp_path_factory) -> tuple[Path, Path]:
    """A corpus copy whose sixth amendment holds the test translation (nl, de),
    and a templates copy with nl/ and de/."""
    base = tmp_path_factory.mktemp("translated")
    return translated_corpus(base), templates_for(base / "templates")


# --- the shipped corpus: French only ---------------------------------------------


def test_all_32_networks_without_lang_stop_with_the_grouped_list_and_write_nothing(tmp_path):
    out = tmp_path / "out"
    result = run("generate", SIXTH, "--parties", EXAMPLES, "--format", "docx", "--out", out)
    assert result.exit_code == 1
    said = result.output
    assert f"{SIXTH} cannot be made in every language its parties need; nothing was written" in (
        said
    )
    # per language: the parties (a few named, then a count) and the texts, grouped
    assert (
        "Dutch (nl): 16 parties (net-03, net-06, net-08, net-09, net-11, net-16 and 10 more)"
        in (said)
    )
    assert "German (de): 1 party (net-31) needs " in said
    assert "texts the corpus does not hold in Dutch: title, recitals 1–3, preamble (" in said
    assert "the amendment's articles 1–2, article 14/1 (14 texts)" in said
    assert "annex 1 (46 rows, 6 other texts)" in said
    assert "--lang" in said
    # grouped: a few lines, not one per text and party; French parties are not listed
    assert len(said.strip().splitlines()) <= 5
    assert "French (fr)" not in said and "net-01" not in said
    assert files_under(out) == []


def test_an_earlier_batch_stays_whole_when_a_later_one_stops(tmp_path):
    out = tmp_path / "out"
    made = run("generate", SIXTH, "--parties", EXAMPLES, "--only", "net-01", "--out", out)
    assert made.exit_code == 0, made.output
    before = {p: p.read_bytes() for p in files_under(out)}
    refused = run("generate", SIXTH, "--parties", EXAMPLES, "--only", "net-01,net-03", "--out", out)
    assert refused.exit_code == 1 and "Dutch (nl): 1 party (net-03) needs" in refused.output
    assert {p: p.read_bytes() for p in files_under(out)} == before


def test_lang_fr_makes_everyone_french_and_the_manifest_says_the_user_chose(tmp_path):
    out = tmp_path / "out"
    result = run("generate", SIXTH, "--parties", EXAMPLES, "--lang", "fr", "--out", out)
    assert result.exit_code == 0, result.output
    folder = out / SIXTH
    entries = manifest(folder)
    assert len(entries) == 32
    assert {(e["language"], e["language_chosen_by"]) for e in entries} == {("fr", "user")}
    assert {(r["language"], r["language_chosen_by"]) for r in csv_rows(folder)} == {("fr", "user")}
    net03 = folder / "net-03.fr.docx"
    assert docx.Document(str(net03)).core_properties.language.startswith("fr")
    assert paragraphs(net03)[0].startswith("Sixième avenant")


def test_without_lang_french_parties_get_french_chosen_by_party(tmp_path):
    out = tmp_path / "out"
    result = run("generate", SIXTH, "--parties", EXAMPLES, "--only", "net-01,net-02", "--out", out)
    assert result.exit_code == 0, result.output
    entries = manifest(out / SIXTH)
    assert {(e["party"], e["language"], e["language_chosen_by"]) for e in entries} == {
        ("net-01", "fr", "party"),
        ("net-02", "fr", "party"),
    }


def test_a_provider_gets_its_own_language_not_its_networks(tmp_path):
    # psy-0123 is Dutch-speaking and works with net-01, a French-speaking network
    result = run(
        "generate", PROVIDER_AMENDMENT, "--parties", EXAMPLES, "--only", "net-01", "--out", tmp_path
    )
    assert result.exit_code == 1
    assert "Dutch (nl): 1 party (psy-0123@net-01) needs " in result.output
    assert files_under(tmp_path) == []


def test_build_without_lang_stops_and_with_lang_fr_issues_in_french(tmp_path):
    args = ("build", "--parties", EXAMPLES, "--network", "net-01", "--format", "docx")
    refused = run(*args, "--out", tmp_path / "a")
    assert refused.exit_code == 1 and "Dutch (nl): 16 parties" in refused.output
    # both documents build issues, at once
    assert f"{SIXTH} and {PROVIDER_AMENDMENT} cannot be made" in refused.output
    assert f"  {PROVIDER_AMENDMENT}:\n    - Dutch (nl): 1 party (psy-0123@net-01)" in (
        refused.output
    )
    assert files_under(tmp_path / "a") == []
    made = run(*args, "--out", tmp_path / "b", "--lang", "fr")
    assert made.exit_code == 0, made.output
    entries = manifest(tmp_path / "b" / "issued" / SIXTH)
    assert len(entries) == 32 and {e["language_chosen_by"] for e in entries} == {"user"}
    alone = run("build", "--out", tmp_path / "c", "--lang", "fr")
    assert alone.exit_code == 1 and "--lang fr says the language of the personalised" in (
        alone.output
    )


def test_context_follows_the_party_language(tmp_path):
    refused = run("context", SIXTH, "--parties", EXAMPLES, "--party", "net-03")
    assert refused.exit_code == 1 and "Dutch (nl): 1 party (net-03) needs" in refused.output
    french = run("context", SIXTH, "--parties", EXAMPLES, "--party", "net-03", "--lang", "fr")
    assert french.exit_code == 0, french.output
    assert json.loads(french.output)["language"] == "fr"


# --- with the test translation in a copy of the corpus ---------------------------


def generate_three(translated: tuple[Path, Path], out: Path):
    """The sixth amendment, without --lang, for a French-, a Dutch- and the
    German-speaking network, from the translated corpus and templates."""
    corpus, templates = translated
    return run(
        "--corpus", corpus, "generate", SIXTH, "--parties", EXAMPLES,
        "--only", "net-01,net-03,net-31", "--templates", templates, "--out", out,
    )  # fmt: skip


def test_each_network_gets_its_language_with_the_test_translation(translated, tmp_path):
    out = tmp_path / "out"
    result = generate_three(translated, out)
    assert result.exit_code == 0, result.output
    folder = out / SIXTH
    assert sorted(p.name for p in folder.glob("*.docx")) == [
        "net-01.fr.docx",
        "net-03.nl.docx",
        "net-31.de.docx",
    ]
    for name, lang in (
        ("net-01.fr.docx", "fr"),
        ("net-03.nl.docx", "nl"),
        ("net-31.de.docx", "de"),
    ):
        document = docx.Document(str(folder / name))
        assert document.core_properties.language.startswith(lang)
        texts = paragraphs(folder / name)
        marks = (translation_mark("nl"), translation_mark("de"))
        marked = [t for t in texts if t.startswith(marks)]
        title = next(t for t in texts if "Sixième avenant" in t)
        if lang == "fr":
            assert not marked and title.startswith("Sixième avenant")
        else:  # the corpus texts of the copy are its language's, and only those
            mark = translation_mark(lang)
            assert title.startswith(mark + "Sixième avenant")
            assert all(t.startswith(mark) for t in marked) and len(marked) > 30
    entries = {e["party"]: e for e in manifest(folder)}
    assert {p: (e["language"], e["language_chosen_by"]) for p, e in entries.items()} == {
        "net-01": ("fr", "party"),
        "net-03": ("nl", "party"),
        "net-31": ("de", "party"),
    }
    assert entries["net-03"]["document_id"] == f"{SIXTH}#net-03#nl"
    assert entries["net-03"]["template"] == "nl/amendment-inami-network.docx"
    # the party's own values are in the Dutch copy, slots and choices resolved
    dutch = paragraphs(folder / "net-03.nl.docx")
    assert any("Netwerk Volwassenen Fictief Vlaamse Ardennen" in t for t in dutch)


def test_all_32_networks_each_in_its_language_and_the_french_copies_stay(translated, tmp_path):
    corpus, templates = translated
    args = ("--corpus", corpus, "generate", SIXTH, "--parties", EXAMPLES, "--templates", templates)
    french = run(*args, "--lang", "fr", "--out", tmp_path)
    assert french.exit_code == 0, french.output
    result = run(*args, "--out", tmp_path)
    assert result.exit_code == 0, result.output
    entries = manifest(tmp_path / SIXTH)
    chosen = Counter((e["language"], e["language_chosen_by"]) for e in entries)
    # the party batch made 15 French, 16 Dutch, 1 German copies; the 17 French copies
    # the user asked for earlier for the Dutch- and German-speaking networks stay
    assert chosen == Counter(
        {("fr", "party"): 15, ("nl", "party"): 16, ("de", "party"): 1, ("fr", "user"): 17}
    )
    names = {p.name for p in (tmp_path / SIXTH).glob("*.docx")}
    assert {"net-03.nl.docx", "net-03.fr.docx", "net-31.de.docx", "net-01.fr.docx"} <= names
    assert len(names) == 49


def test_a_language_partly_translated_stops_the_batch_naming_only_that_language(tmp_path):
    corpus = translated_corpus(tmp_path, langs=("nl",))
    templates = templates_for(tmp_path / "templates", langs=("nl",))
    out = tmp_path / "out"
    result = run(
        "--corpus", corpus, "generate", SIXTH, "--parties", EXAMPLES,
        "--only", "net-01,net-03,net-31", "--templates", templates, "--out", out,
    )  # fmt: skip
    assert result.exit_code == 1
    assert "German (de): 1 party (net-31) needs " in result.output
    assert "needs a German template, which is not there" in result.output
    assert "Dutch" not in result.output
    assert files_under(out) == []


def test_a_missing_template_alone_is_named(tmp_path):
    corpus = translated_corpus(tmp_path)
    templates = templates_for(tmp_path / "templates", langs=("nl",))
    result = run(
        "--corpus", corpus, "generate", SIXTH, "--parties", EXAMPLES, "--only", "net-31",
        "--templates", templates, "--out", tmp_path / "out",
    )  # fmt: skip
    assert result.exit_code == 1
    assert (
        "German (de): 1 party (net-31) needs a German template, which is not there: "
        f"{templates / 'de' / 'amendment-inami-network.docx'}"
    ) in result.output
    assert "texts the corpus does not hold" not in result.output


def test_signatures_issue_records_a_manifest_of_several_languages(translated, tmp_path):
    corpus, _ = translated
    out = tmp_path / "out"
    made = generate_three(translated, out)
    assert made.exit_code == 0, made.output
    assert {e["language"] for e in manifest(out / SIXTH)} == {"fr", "nl", "de"}
    register = tmp_path / "register.sqlite"
    issued = run(
        "--corpus", corpus, "signatures", "issue", out / SIXTH / "manifest.json",
        "--register", register,
    )  # fmt: skip
    assert issued.exit_code == 0, issued.output
    assert "3 document(s) recorded as issued" in issued.output


# --- the grouping, on its own ------------------------------------------------------


def test_missing_texts_are_grouped_in_the_documents_order():
    missing = Counter(
        {
            "title": 1,
            "recital 1": 1,
            "recital 2": 1,
            "recital 4": 1,
            "preamble, block 1": 1,
            "preamble, block 5, adults": 2,
            "amendment article 1": 1,
            "article 14/1 (heading)": 1,
            "article 14/1, alinéa 1": 1,
            "article 14/1, alinéa 4, 3), alinéa 1": 1,
            "signature (network)": 2,
            "annexe 1": 3,
            "annexe 1, 792514": 1,
            "annexe 1, 792536": 1,
            "letter, paragraph 3": 1,
        }
    )
    assert group_missing(missing) == [
        "title",
        "recitals 1–2, 4",
        "preamble (3 texts)",
        "the amendment's article 1",
        "article 14/1 (3 texts)",
        "the signature blocks (2 texts)",
        "annex 1 (2 rows, 3 other texts)",
        "the letter's paragraph 3",
    ]


def test_the_progress_counts_once_over_the_languages(translated, tmp_path):
    from generator.corpus.loader import load_corpus
    from generator.generation.batch import prepare
    from generator.parties.check import load_parties

    corpus, templates = translated
    told: list[tuple[str, int, int]] = []
    batch = prepare(
        load_corpus(corpus),
        SIXTH,
        load_parties(EXAMPLES),
        tmp_path,
        only={"net-01", "net-03", "net-31"},
        templates=templates,
        progress=lambda stage, done, total: told.append((stage, done, total)),
    )
    assert sorted(batch.renderers) == ["de", "fr", "nl"]
    assert told == [("docx", 1, 3), ("docx", 2, 3), ("docx", 3, 3)]
    assert files_under(tmp_path) == []  # prepared, nothing written


def test_a_manifest_written_before_language_chosen_by_is_still_issued(tmp_path):
    out = tmp_path / "out"
    made = run("generate", SIXTH, "--parties", EXAMPLES, "--only", "net-01", "--out", out)
    assert made.exit_code == 0, made.output
    path = out / SIXTH / "manifest.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    for entry in data["documents"]:
        del entry["language_chosen_by"]  # as an older conventio wrote it
    path.write_text(json.dumps(data), encoding="utf-8")
    issued = run("signatures", "issue", path, "--register", tmp_path / "register.sqlite")
    assert issued.exit_code == 0, issued.output
    assert "1 document(s) recorded as issued" in issued.output
