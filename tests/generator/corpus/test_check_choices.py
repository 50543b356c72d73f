"""`conventio check` on choices (docs/corpus-format.md): each malformed one is
reported at its text's path:line:column, in words that say what to write."""

from __future__ import annotations

import doctest

import pytest

from generator.corpus.report import check_report
from generator.model import choices
from tests.support.minicorpus import CONVENTION, write_corpus

TITLE = "{network.name|XXX} et l'INAMI"
#: the mini convention's title is on line 4, its French text at column 9
WHERE = "corpus/conv/convention.yaml:4:9: "


def _check(tmp_path, title_end: str, *, kind: str = "inami-network") -> list[str]:
    text = CONVENTION.replace(TITLE, title_end).replace("kind: inami-network", f"kind: {kind}")
    if kind == "network-provider":
        text = text.replace("signatories: [committee, network]", "signatories: [network]")
    ok, report = check_report(write_corpus(tmp_path / "corpus", **{"conv/convention.yaml": text}))
    lines = report.splitlines()
    return [] if ok else lines[:-1]


def test_a_well_written_choice_passes(tmp_path):
    title = (
        "{network.name|XXX} {choice:always|[de collaboration]} et "
        "{choice:network_kind|adults=[adultes]|children=[enfants]|german-speaking=[DG]}"
    )
    assert _check(tmp_path, title) == []


@pytest.mark.parametrize(
    ("written", "said"),
    [
        (
            "{choice:provider_type|psychologist=[a]|organisation=[b]}",
            "unknown choice selector 'provider_type'; a choice is selected by: always, "
            "network_kind, provider_kind",
        ),
        (
            "{choice:network_kind|adults=[adultes]|children=[enfants]}",
            "the choice by network_kind has no alternative for german-speaking: a copy for "
            "german-speaking would have nothing to print; give each of adults, children, "
            "german-speaking its printed words",
        ),
        (
            "{choice:network_kind|adults=[a]|enfants=[b]|children=[c]|german-speaking=[d]}",
            "network_kind has no value 'enfants'; its values: adults, children, german-speaking",
        ),
        (
            "{choice:network_kind|adults=[a]|[b]|children=[c]|german-speaking=[d]}",
            "the alternative '[b]' does not say which network_kind it is for: write "
            "VALUE=[printed words], VALUE one of adults, children, german-speaking",
        ),
        (
            "{choice:always|[de collaboration]|[de coopération]}",
            "an optional phrase has exactly one alternative, the words the model prints",
        ),
        (
            "{choice:always|[de collaboration]",
            "a choice that is not complete: write it {choice:SELECTOR|VALUE=[printed words]|",
        ),
        (
            "{choice:always| [de collaboration]}",
            "an alternative of the choice by always has no words, or starts or ends with a space",
        ),
        (
            "{choice:provider_kind|psychologist=[a]|organisation=[b]}",
            "a choice by provider_kind in a document made for networks: its copies have no "
            "provider kind to choose by (use network_kind or always)",
        ),
    ],
)
def test_a_malformed_choice_is_refused_where_it_is(tmp_path, written, said):
    lines = _check(tmp_path, f"{{network.name|XXX}} {written} et l'INAMI")
    assert any(line.startswith(WHERE + said) for line in lines), lines


def test_a_choice_by_provider_kind_is_for_provider_documents(tmp_path):
    title = "{network.name|XXX} et {choice:provider_kind|psychologist=[a]|organisation=[b]}"
    assert _check(tmp_path, title, kind="network-provider") == []


def test_the_choice_examples_hold():
    result = doctest.testmod(choices, raise_on_error=False)
    assert result.attempted >= 4 and result.failed == 0
