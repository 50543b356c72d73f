"""`conventio check`: every kind of problem is found and reported where it is."""

from __future__ import annotations

from generator.corpus.report import check_report
from tests.support.minicorpus import AMENDMENT, CONVENTION, REGISTRY, write_corpus


def _report(tmp_path, **files) -> list[str]:
    ok, text = check_report(write_corpus(tmp_path / "corpus", **files))
    lines = text.splitlines()
    assert not ok, text
    assert lines[-1].endswith(f"problem(s) in {tmp_path / 'corpus'}")
    return lines[:-1]


def test_valid_corpus_gives_a_one_line_summary(mini):
    ok, text = check_report(mini)
    assert ok
    assert text == f"corpus OK: 1 amendment(s), 1 code-registry(s), 1 convention(s) in {mini}"


def test_yaml_syntax_error_has_line_and_column(tmp_path):
    broken = CONVENTION.replace('num: "2"', 'num: ["2"')
    assert _report(tmp_path, **{"conv/convention.yaml": broken}) == [
        "corpus/conv/convention.yaml:14:5: YAML syntax error: did not find expected ',' or ']'"
    ]


def test_unknown_field_suggests_the_right_one(tmp_path):
    typo = CONVENTION.replace(
        "    declared_only: true\n    note", "    declared_onyl: true\n    note"
    )
    lines = _report(tmp_path, **{"conv/convention.yaml": typo})
    assert (
        "corpus/conv/convention.yaml:23:5: unknown field 'declared_onyl'; "
        "did you mean 'declared_only'?" in lines
    )


def test_missing_field_and_wrong_type(tmp_path):
    bad = CONVENTION.replace("kind: inami-network\n", "").replace(
        "signatories: [committee, network]", "signatories: committee"
    )
    lines = _report(tmp_path, **{"conv/convention.yaml": bad})
    assert "corpus/conv/convention.yaml:1:1: missing field 'kind' (in the file)" in lines
    assert (
        "corpus/conv/convention.yaml:6:1: signatories must be a list "
        "(lines starting with '- ')" in lines
    )


def test_bad_dates(tmp_path):
    bad = AMENDMENT.replace("date: 2023-01-01,", "date: 2023-02-30,").replace(
        "dates: {approved: 2023-03-01}", "dates: {approved: 01/03/2023}"
    )
    lines = _report(tmp_path, **{"conv/a1.yaml": bad})
    assert "corpus/conv/a1.yaml:8:36: '2023-02-30' is not a valid date (write YYYY-MM-DD)" in lines
    bad = AMENDMENT.replace("dates: {approved: 2023-03-01}", "dates: {approved: 01/03/2023}")
    lines = _report(tmp_path / "b", **{"conv/a1.yaml": bad})
    assert lines == ["corpus/conv/a1.yaml:7:9: dates.approved must be a date written YYYY-MM-DD"]


def test_duplicate_key_and_duplicate_article(tmp_path):
    dup = CONVENTION.replace("kind: inami-network\n", "kind: inami-network\nkind: inami-network\n")
    lines = _report(tmp_path, **{"conv/convention.yaml": dup})
    assert lines == ["corpus/conv/convention.yaml:4:1: the key 'kind' appears twice in this block"]
    twice = CONVENTION.replace('num: "3"', 'num: "1"')
    lines = _report(tmp_path / "b", **{"conv/convention.yaml": twice})
    assert (
        "corpus/conv/convention.yaml:22:5: article 1 appears twice at this level "
        "(first as item 1)" in lines
    )


def test_id_must_match_the_file_and_be_unique(tmp_path):
    lines = _report(tmp_path, **{"conv/copy.yaml": AMENDMENT})
    assert lines == [
        "corpus/conv/copy.yaml:2:1: the id 'conv/a1' does not match the file's place: "
        "a file at conv/copy.yaml must have the id 'conv/copy'"
    ]


def test_target_missing_on_the_date_it_applies(tmp_path):
    bad = AMENDMENT.replace("target: art_2__para_2", "target: art_2__para_7")
    assert _report(tmp_path, **{"conv/a1.yaml": bad}) == [
        "corpus/conv/a1.yaml:31:9: art_2__para_7 (article 2, § 7) does not exist in conv "
        "on 2023-06-01, when this operation applies"
    ]


def test_target_exists_only_later(tmp_path):
    # repeal article 2/1 on 2022-06-01, before the insert of 2023-01-01
    bad = AMENDMENT.replace(
        "      - action: repeal\n        target: art_2__para_2",
        "      - action: repeal\n        target: art_2-1\n"
        "        in_force: {standing: stated, date: 2022-06-01, words: Au 1er juin 2022.}",
    )
    assert _report(tmp_path, **{"conv/a1.yaml": bad}) == [
        "corpus/conv/a1.yaml:31:9: art_2-1 (article 2/1) does not exist in conv on "
        "2022-06-01, when this operation applies",
        "corpus/conv/a1.yaml:32:38: this operation says 2022-06-01, but article 4 puts "
        "article 2 in force on 2023-06-01",
    ]


def test_insert_of_a_number_that_exists(tmp_path):
    bad = AMENDMENT.replace('num: "2/1"', 'num: "2"')
    assert _report(tmp_path, **{"conv/a1.yaml": bad}) == [
        "corpus/conv/a1.yaml:18:9: article 2 already exists in conv on 2023-01-01: an insert "
        "must add a new number (use 'replace' to change it)"
    ]


SAME_DAY = """\
type: amendment
id: conv/a2
amends: conv
ordinal: 2
title: {fr: Deuxième avenant}
sources: [{document: test}]
dates: {approved: 2023-05-01}
in_force: {standing: stated, date: 2023-06-01, words: "En vigueur le 2023-06-01."}
signatories: [committee, network]
articles:
  - num: "1"
    text: {fr: "L'article 2, § 2 est remplacé."}
    operations:
      - action: replace
        target: art_2__para_2
        provision: {kind: paragraph, num: "2", text: {fr: "Nouveau."}}
"""


def test_two_operations_on_one_provision_the_same_day(tmp_path):
    assert _report(tmp_path, **{"conv/a2.yaml": SAME_DAY}) == [
        "corpus/conv/a2.yaml:15:9: article 2, § 2 is already changed on 2023-06-01 by "
        "conv/a1, article 2: two operations on one provision with the same date"
    ]


def test_amendment_of_an_unknown_convention(tmp_path):
    bad = AMENDMENT.replace("amends: conv", "amends: conv-2030")
    lines = _report(tmp_path, **{"conv/a1.yaml": bad})
    assert lines == [
        "corpus/conv/a1.yaml:3:1: amends 'conv-2030', which is not a convention of the "
        "corpus (conventions: conv)"
    ]


def test_bad_check_digit_and_duplicate_code(tmp_path):
    bad = AMENDMENT.replace('{code: "792536"', '{code: "792537"')
    lines = _report(tmp_path, **{"conv/a1.yaml": bad})
    assert lines == [
        "corpus/conv/a1.yaml:45:10: annexes[1].rows[2].code: pseudocode 792537 has a wrong "
        "check digit: 79253 modulo 7 is 6, so the code should end in 6"
    ]
    twice = AMENDMENT.replace('{code: "792536"', '{code: "792514"')
    lines = _report(tmp_path / "b", **{"conv/a1.yaml": twice})
    assert lines == [
        "corpus/conv/a1.yaml:45:10: pseudocode 792514 appears twice in this list (rows 1 and 2)"
    ]


def test_missing_french_text(tmp_path):
    bad = AMENDMENT.replace(
        'text: {fr: "La prime est de 1.000 euros."}', 'text: {nl: "De premie is 1.000 euro."}'
    )
    lines = _report(tmp_path, **{"conv/a1.yaml": bad})
    assert lines == [
        "corpus/conv/a1.yaml:22:11: missing field 'fr' "
        "(in articles[1].operations[1].provision.text)"
    ]


def test_registry_must_agree_with_the_code_lists(tmp_path):
    bad = REGISTRY.replace("practice_bonus_volume: true", "practice_bonus_volume: false")
    assert _report(tmp_path, **{"registry/codes.yaml": bad}) == [
        "corpus/conv/a1.yaml:26:16: this list defines the registry's 'practice_bonus_volume', "
        "but they differ: listed here only: 792632; flagged in the registry only: none"
    ]
    missing = REGISTRY.replace('  - {code: "792536", care: SPPL, service: group}\n', "")
    assert _report(tmp_path / "b", **{"registry/codes.yaml": missing}) == [
        "corpus/conv/a1.yaml:45:10: pseudocode 792536 is not in the code registry"
    ]


def test_unknown_slot(tmp_path):
    bad = CONVENTION.replace("{network.name|XXX}", "{network.nom|XXX}")
    lines = _report(tmp_path, **{"conv/convention.yaml": bad})
    assert len(lines) == 1 and lines[0].startswith(
        "corpus/conv/convention.yaml:4:9: unknown slot {network.nom}; known slots: "
    )


def test_empty_file_and_not_a_mapping(tmp_path):
    lines = _report(tmp_path, **{"conv/a1.yaml": "", "conv/a3.yaml": "- just\n- a list\n"})
    assert lines == [
        "corpus/conv/a1.yaml:1:1: the file is empty",
        "corpus/conv/a3.yaml:1:1: the file must be a block of fields (key: value lines)",
    ]


def test_forbidden_character_and_bad_encoding(tmp_path):
    root = write_corpus(tmp_path / "corpus")
    (root / "conv" / "a1.yaml").write_text(AMENDMENT.replace("Premier", "Pre\x00mier"))
    (root / "conv" / "convention.yaml").write_bytes(CONVENTION.encode("latin-1"))
    ok, text = check_report(root)
    assert not ok
    assert text.splitlines()[:2] == [
        "corpus/conv/a1.yaml:5:16: the file contains a character YAML does not allow (U+0000)",
        "corpus/conv/convention.yaml:1:1: the file is not UTF-8 text (invalid continuation byte)",
    ]
