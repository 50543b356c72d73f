"""A copy of the corpus with a TEST translation in Dutch and German, for the tests
that render a copy in those languages.

NOT an official text: the sources give no Dutch or German, so every `fr:` of the
copy gets an `nl:` (and a `de:`) next to it holding the French behind the mark
« TEST-NL · » (« TEST-DE · »), which keeps every legal token of the French and
cannot be taken for a translation (no square brackets: a copy refuses them as
leftovers). The shipped corpus in conventions/ is never touched.

The translation is written into the YAML text itself, next to each French text,
so the copy keeps the files' layout, comments, amounts and dates exactly. Where
the model asks for the hash of the French a translation was made from
(`nl_source`, issue 14's translations part), it is written too.

(tests/support/xliff_fixture.py makes a test translation through the XLIFF
workflow; this one needs no translation tooling, only the corpus.)"""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

import yaml

from generator.model.text import I18nText
from tests.support.paths import ROOT


def translation_mark(lang: str) -> str:
    """The mark a test translation starts with: « TEST-NL · »."""
    return f"TEST-{lang.upper()} · "


def translated_corpus(tmp_path: Path, langs: tuple[str, ...] = ("nl", "de")) -> Path:
    """A copy of conventions/ in `tmp_path` where every French text has its test
    translation in each of `langs`; returns the copy's folder."""
    copy = tmp_path / "conventions"
    shutil.copytree(ROOT / "conventions", copy)
    for path in sorted(copy.rglob("*.yaml")):
        path.write_text(with_translations(path.read_text(encoding="utf-8"), langs), "utf-8")
    return copy


def with_translations(text: str, langs: tuple[str, ...]) -> str:
    """`text` (a corpus YAML file) with a test translation after each `fr:` value."""
    inserts: list[tuple[int, str]] = []
    for mapping in _mappings(yaml.compose(text)):
        for key, value in mapping.value:
            if key.value != "fr" or not isinstance(value, yaml.ScalarNode):
                continue
            indent = " " * key.start_mark.column
            entries = [entry for lang in langs for entry in _entries(lang, value.value)]
            end = value.end_mark
            if mapping.flow_style:
                inserts.append((end.index, "".join(f", {e}" for e in entries)))
            elif end.column == 0:  # a block scalar ends at the start of the next line
                inserts.append((end.index, "".join(f"{indent}{e}\n" for e in entries)))
            else:
                inserts.append((end.index, "".join(f"\n{indent}{e}" for e in entries)))
    for index, insert in sorted(inserts, reverse=True):
        text = text[:index] + insert + text[index:]
    return text


def _entries(lang: str, french: str) -> list[str]:
    """`nl: "TEST-NL · …"`, and `nl_source: <hash>` where the model has the field."""
    entries = [f"{lang}: {json.dumps(translation_mark(lang) + french, ensure_ascii=False)}"]
    if f"{lang}_source" in I18nText.model_fields:
        entries.append(f"{lang}_source: {hashlib.sha256(french.encode()).hexdigest()[:12]}")
    return entries


def _mappings(node):
    if isinstance(node, yaml.MappingNode):
        yield node
        for key, value in node.value:
            yield from _mappings(key)
            yield from _mappings(value)
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            yield from _mappings(item)
