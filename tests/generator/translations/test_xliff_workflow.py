"""The XLIFF translation workflow on a copy of the shipped corpus, with a TEST
translation (tests/support/xliff_fixture.py): export, fill, import; lossless round
trip; every refusal leaves the corpus as it was; status; check."""

from __future__ import annotations

import copy
import difflib
import hashlib
import json
import re
import subprocess
import sys

import pytest
from lxml import etree

from generator.corpus.loader import load_corpus
from generator.model.text import I18nText, source_hash
from generator.translations.checks import TranslationRefused
from generator.translations.status import translation_status
from generator.translations.store import corpus_file, import_xliff
from generator.translations.units import text_units
from generator.translations.xliff import XLIFF_NS
from tests.support.paths import ROOT
from tests.support.xliff_fixture import (
    NS,
    corpus_copy,
    export_file,
    fill_targets,
    make_test_translation,
)

DOC = "inami-network-2021/avenant-06"
AMOUNT_UNIT = "articles/0/operations/0/provision/children/2/text"


def _snapshot(root):
    return {
        str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*.yaml"))
    }


def _cli(root, *args):
    return subprocess.run(
        [sys.executable, "-m", "generator.cli", "--corpus", str(root), *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=300,
    )


def test_source_hash_and_model_refuse_a_translation_without_it():
    assert (
        source_hash("Prime de pratique réseau")
        == hashlib.sha256("Prime de pratique réseau".encode()).hexdigest()[:12]
    )
    with pytest.raises(ValueError, match="nl_source"):
        I18nText(fr="Texte", nl="Tekst")
    with pytest.raises(ValueError, match="without a nl text"):
        I18nText(fr="Texte", nl_source=source_hash("Texte"))
    assert I18nText(fr="Texte", nl="Tekst", nl_source=source_hash("Texte")).nl == "Tekst"


def test_units_have_yaml_paths_and_provision_addresses():
    units = {u.id: u for u in text_units(load_corpus().get(DOC))}
    unit = units[AMOUNT_UNIT]
    assert unit.address == "art_14-1__al_3 text" and "1.000 euros" in unit.text.fr
    assert units["annexes/0/rows/0/description"].address == "annex_1 row 792514 description"
    assert "title" in units and "closing/signatures/1/capacity" in units


def test_export_is_valid_xliff_2(tmp_path):
    xliff = export_file(ROOT / "conventions", DOC, "nl", tmp_path / "a.xlf")
    root = etree.parse(str(xliff)).getroot()
    assert root.tag == f"{{{XLIFF_NS}}}xliff" and root.get("version") == "2.0"
    assert (root.get("srcLang"), root.get("trgLang")) == ("fr", "nl")
    files = root.findall("x:file", NS)
    assert len(files) == 1 and files[0].get("original") == DOC
    units = root.findall(".//x:unit", NS)
    ids = [u.get("id") for u in units]
    assert len(ids) == len(set(ids)) == len(text_units(load_corpus().get(DOC)))
    assert all("/" not in i for i in ids)  # XLIFF ids are XML name tokens
    for unit in units:  # core structure: notes first, then one segment, source before target
        children = [etree.QName(c).localname for c in unit]
        assert children == ["notes", "segment"]
        assert [etree.QName(c).localname for c in unit.find("x:segment", NS)] == ["source"]
    note = root.find(".//x:unit[@name='" + AMOUNT_UNIT + "']/x:notes/x:note", NS).text
    assert "art_14-1__al_3" in note and source_hash(text_units_by_id()[AMOUNT_UNIT].text.fr) in note


def text_units_by_id():
    return {u.id: u for u in text_units(load_corpus().get(DOC))}


def test_export_fill_import_then_round_trip_is_byte_identical(tmp_path):
    root = corpus_copy(tmp_path)
    path = corpus_file(root, DOC)
    before = path.read_text(encoding="utf-8")
    result = make_test_translation(root, DOC, "nl", tmp_path)
    assert result.written == len(text_units_by_id())
    after = path.read_text(encoding="utf-8")
    # only added lines, each a Dutch text or its source hash: nothing else moved
    opcodes = difflib.SequenceMatcher(
        None, before.splitlines(), after.splitlines(), autojunk=False
    ).get_opcodes()
    assert {op for op, *_ in opcodes} == {"equal", "insert"}
    added = [
        line for op, _, _, j1, j2 in opcodes if op == "insert" for line in after.splitlines()[j1:j2]
    ]
    assert len(added) == 2 * result.written
    assert all(re.match(r"^ *(- )?nl(_source)?: ", line) for line in added), added[:4]
    unit = {u.id: u for u in text_units(load_corpus(root).get(DOC))}[AMOUNT_UNIT]
    assert unit.text.nl == "TEST-NL · " + unit.text.fr
    assert unit.text.nl_source == source_hash(unit.text.fr)
    # the round trip: export the translated copy, import it unchanged
    snapshot = _snapshot(root)
    again = export_file(root, DOC, "nl", tmp_path / "again.xlf")
    assert import_xliff(load_corpus(root), again).written == 0
    assert _snapshot(root) == snapshot
    assert _cli(root, "check").returncode == 0


def _refused(root, tmp_path, change=None, edit=None):
    xliff = fill_targets(export_file(root, DOC, "nl", tmp_path / "x.xlf"), "nl", change)
    if edit:
        edit(xliff)
    snapshot = _snapshot(root)
    with pytest.raises(TranslationRefused) as caught:
        import_xliff(load_corpus(root), xliff)
    assert _snapshot(root) == snapshot  # nothing written
    result = _cli(root, "translations", "import", str(xliff))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert _snapshot(root) == snapshot
    return str(caught.value)


def test_a_wrong_amount_is_refused_with_both_values(tmp_path):
    root = corpus_copy(tmp_path)

    def wrong(unit_id, text):
        return text.replace("1.000 euros", "100 euros") if unit_id == AMOUNT_UNIT else text

    message = _refused(root, tmp_path, wrong)
    assert "art_14-1__al_3 text" in message
    assert "1.000 euros in French, 100 euros in the translation" in message


def _drop_unit(name):
    def edit(xliff):
        tree = etree.parse(str(xliff))
        unit = tree.find(f".//x:unit[@name='{name}']", NS)
        unit.getparent().remove(unit)
        tree.write(str(xliff), xml_declaration=True, encoding="UTF-8")

    return edit


def _rename_unit(xliff):
    tree = etree.parse(str(xliff))
    unit = tree.find(".//x:unit[@name='title']", NS)
    unit.set("name", "articles/99/text")
    unit.set("id", "articles.99.text")
    tree.write(str(xliff), xml_declaration=True, encoding="UTF-8")


def test_a_missing_unit_an_unknown_id_an_empty_target_are_refused(tmp_path):
    root = corpus_copy(tmp_path)
    message = _refused(root, tmp_path, edit=_drop_unit("recitals/0"))
    assert "recitals[1]" in message and "no translation in the file" in message
    message = _refused(root, tmp_path, edit=_rename_unit)
    assert "unknown unit 'articles/99/text'" in message
    message = _refused(root, tmp_path, lambda uid, t: " " if uid == "recitals/1" else t)
    assert "recitals[2]" in message and "the translation is empty" in message


def _twice(xliff):
    tree = etree.parse(str(xliff))
    unit = tree.find(".//x:unit[@name='title']", NS)
    unit.getparent().append(copy.deepcopy(unit))
    tree.write(str(xliff), xml_declaration=True, encoding="UTF-8")


def test_a_unit_given_twice_is_refused(tmp_path):
    message = _refused(corpus_copy(tmp_path), tmp_path, edit=_twice)
    assert "title: this unit is in the file twice" in message


def test_a_slot_or_footnote_lost_is_refused(tmp_path):
    root = corpus_copy(tmp_path)
    message = _refused(
        root,
        tmp_path,
        lambda uid, t: t.replace("{network.name|xxxxx}", "XXX") if uid == "title" else t,
    )
    assert "slots differ: {network.name|xxxxx} in French, none in the translation" in message


def test_status_counts_translated_missing_and_out_of_date(tmp_path):
    root = corpus_copy(tmp_path)
    make_test_translation(root, DOC, "nl", tmp_path)
    path = corpus_file(root, DOC)
    text = path.read_text(encoding="utf-8")
    # the French changes after the translation was made (a copy: never the shipped text)
    path.write_text(
        text.replace("fr: Prime de pratique", "fr: Prime de pratique annuelle"), encoding="utf-8"
    )
    rows = {(r.document, r.lang): r for r in translation_status(load_corpus(root), DOC)}
    total = len(text_units_by_id())
    nl, de = rows[(DOC, "nl")], rows[(DOC, "de")]
    assert (nl.translated, nl.missing, nl.out_of_date) == (total - 1, 0, 1)
    assert (de.translated, de.missing, de.out_of_date) == (0, total, 0)
    shown = json.loads(_cli(root, "translations", "status", DOC, "--format", "json").stdout)
    assert {
        "document": DOC,
        "lang": "nl",
        "units": total,
        "translated": total - 1,
        "missing": 0,
        "out_of_date": 1,
    } in shown
    checked = _cli(root, "check")
    assert checked.returncode == 1 and "Dutch translation is out of date" in checked.stderr


def test_check_refuses_a_translation_that_loses_a_token(tmp_path):
    root = corpus_copy(tmp_path)
    make_test_translation(root, DOC, "nl", tmp_path)
    path = corpus_file(root, DOC)
    text = path.read_text(encoding="utf-8")
    changed = text.replace(
        "TEST-NL · La prime de pratique pour 2023 est de maximum 1.000",
        "TEST-NL · La prime de pratique pour 2023 est de maximum 2.000",
    )
    assert changed != text
    path.write_text(changed, encoding="utf-8")
    checked = _cli(root, "check")
    assert checked.returncode == 1
    assert "1.000 euros in French, 2.000 euros in the translation" in checked.stderr


def test_show_renders_a_translated_copy_in_dutch_and_says_what_is_missing(tmp_path):
    root = corpus_copy(tmp_path)
    make_test_translation(root, DOC, "nl", tmp_path)
    shown = _cli(root, "show", DOC, "--lang", "nl")
    assert shown.returncode == 0, shown.stderr
    assert "TEST-NL · Prime de pratique" in shown.stdout
    german = _cli(root, "show", DOC, "--lang", "de")
    assert german.returncode == 1 and "no 'de' text" in german.stderr


def test_diff_compares_a_translated_copy_in_dutch(tmp_path):
    root = corpus_copy(tmp_path)
    for doc_id in ("inami-network-2021", DOC):
        make_test_translation(root, doc_id, "nl", tmp_path)
    left, right = "inami-network-2021@2023-01-01", "inami-network-2021@2023-12-01"
    dutch = _cli(root, "diff", left, right, "--lang", "nl")
    assert dutch.returncode == 0, dutch.stderr
    assert "{+TEST-NL · Prime de pratique+}" in dutch.stdout and "Eerste versie" in dutch.stdout
    german = _cli(root, "diff", left, right, "--lang", "de")
    assert german.returncode == 1 and "no 'de' text" in german.stderr
    assert "Traceback" not in german.stderr


@pytest.mark.parametrize(
    ("data", "said"),
    [
        (
            b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;">]>'
            b'<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="fr" '
            b'trgLang="nl"><file id="t" original="' + DOC.encode() + b'"><unit id="title" '
            b'name="title"><segment><source>x</source><target>&b;</target></segment></unit>'
            b"</file></xliff>",
            "declares a DTD or entities",
        ),
        (b"not xml at all", "not an XML file"),
    ],
)
def test_a_hostile_or_broken_file_is_refused_plainly(tmp_path, data, said):
    root = corpus_copy(tmp_path)
    bad = tmp_path / "bad.xlf"
    bad.write_bytes(data)
    snapshot = _snapshot(root)
    result = _cli(root, "translations", "import", str(bad))
    assert result.returncode == 1 and said in result.stderr
    assert "Traceback" not in result.stderr and _snapshot(root) == snapshot


def test_the_schema_describes_the_source_hashes():
    from generator.corpus.schema import corpus_schema

    text = corpus_schema()["$defs"]["I18nText"]["properties"]
    assert set(text) == {"fr", "nl", "nl_source", "de", "de_source"}
    assert text["nl_source"]["anyOf"][0]["pattern"] == "^[0-9a-f]{12}$"
