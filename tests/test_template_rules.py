"""The rules for templates (generator/generation/template_rules.py) agree with
docs/templates.md and with the context generation really gives templates."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from generator.corpus.loader import load_corpus
from generator.generation.context import template_context
from generator.generation.template_check import SAMPLES, _specs
from generator.generation.template_rules import CONTEXT, FILTERS, LOOP, TAGS, TESTS

DOC = (Path(__file__).resolve().parents[1] / "docs" / "templates.md").read_text(encoding="utf-8")


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
    for name, (kind, variants) in SAMPLES.items():
        spec = next(s for s in _specs(corpus, name) if s.kind == kind)
        roles = frozenset(r for r in spec.signatories if r != "organisation")
        found[name] = template_context(
            corpus, spec, frozenset(variants), roles, "fr", dt.date(2023, 9, 25)
        )
    return found


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
