"""The rules for templates (generator/generation/template_rules.py) agree with
docs/templates.md and with the context generation really gives templates."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from generator.corpus.loader import load_corpus
from generator.generation.context import template_context
from generator.generation.template_check import samples
from generator.generation.template_rules import CONTEXT, FILTERS, LOOP, TAGS, TESTS
from generator.generation.units import TEMPLATES
from tests.support.paths import ROOT

DOC = (ROOT / "docs" / "templates.md").read_text(encoding="utf-8")


def _section(title: str) -> str:
    return DOC.split(f"## {title}\n", 1)[1].split("\n## ", 1)[0]


def _ticked(text: str) -> list[str]:
    return re.findall(r"`([^`]+)`", text)


def test_the_context_table_lists_exactly_the_variables_templates_may_read():
    rows = [line for line in _section("The context").splitlines() if line.startswith("| `")]
    documented: dict[str, str] = {}
    for row in rows:
        names, meaning = row.strip("|").split("|", 1)
        for name in _ticked(names):
            documented[name] = meaning
    assert set(documented) == set(CONTEXT)
    for name, value in CONTEXT.items():
        fields = value.items.fields if value.items is not None else value.fields
        for field, inner in fields.items():
            assert f"`{field}`" in documented[name], (name, field)
            nested = inner.items.fields if inner.items is not None else {}
            for sub in nested:
                assert f"`{sub}`" in documented[name], (name, field, sub)


def test_the_doc_lists_exactly_the_allowed_filters_tests_tags_and_loop_fields():
    allowed = _section("What a template may use")
    filters = re.search(r"the filters (.*?) \(`", allowed, re.S)[1]
    tests = re.search(r"the tests (.*?) \(`", allowed, re.S)[1]
    loop = re.search(r"inside a loop (.*?);", allowed, re.S)[1]
    assert _ticked(filters) == list(FILTERS)
    assert _ticked(tests) == list(TESTS)
    assert [name.removeprefix("loop.") for name in _ticked(loop)] == list(LOOP.fields)
    for tag in TAGS:
        assert f"{{% {tag} %}}" in allowed, tag


@pytest.fixture(scope="module")
def contexts() -> dict[str, dict]:
    corpus = load_corpus()
    found = {}
    tried = samples(corpus)
    assert set(tried) == set(TEMPLATES)  # the shipped corpus uses every template
    for name, sample in tried.items():
        found[name] = template_context(
            corpus, sample.spec, sample.variants, sample.roles, "fr", sample.date
        )
    return found


def test_each_template_is_tried_on_its_document_s_own_date():
    # no date in the code: an amendment on its date of issue, a letter on its
    # date, a coordinated convention on the start of its latest version
    tried = samples(load_corpus())
    sixth = tried["amendment-inami-network"]
    assert sixth.spec.doc_id == "inami-network-2021/avenant-06"
    assert sixth.date == dt.date(2023, 9, 28) and sixth.variants == {"adults"}
    assert sixth.roles == ("committee", "network", "hospital")
    provider = tried["amendment-network-provider"]
    assert provider.variants == {"adults", "psychologist"}
    assert provider.roles == ("provider", "network", "hospital")
    assert tried["coordinated-convention"].spec.doc_id == "inami-network-2018"
    assert tried["coordinated-convention"].date == dt.date(2019, 1, 1)
    assert tried["circular"].date == dt.date(2022, 4, 25)


def _agrees(rule, value, where: str) -> None:
    if rule.kind == "list":
        assert isinstance(value, list), where
        for item in value:
            _agrees(rule.items, item, f"{where}[]")
    elif rule.kind == "record":
        assert set(value) == set(rule.fields), where
        for name, inner in rule.fields.items():
            _agrees(inner, value[name], f"{where}.{name}")
    elif rule.kind == "number":
        assert isinstance(value, int), where
    else:
        assert isinstance(value, str), where


def test_the_rules_know_every_variable_and_field_generation_gives(contexts):
    given = set().union(*(set(context) for context in contexts.values()))
    assert given == set(CONTEXT)
    for name, context in contexts.items():
        for variable, value in context.items():
            _agrees(CONTEXT[variable], value, f"{name}: {variable}")
