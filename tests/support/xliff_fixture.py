"""A TEST translation made through the XLIFF workflow, in a copy of the corpus.

NOT an official text: the sources give no Dutch or German, so each target is the
French behind the mark « TEST-NL · » (or « TEST-DE · »), which keeps every legal
token of the French and cannot be taken for a translation. (No square brackets in
the mark: generation refuses leftovers.) The path is the real one: export the
document as XLIFF, fill the targets, import the file into the copy.

tests/support/test_translation.py (another part of issue 14) may make translations
for generation; this module is the XLIFF route's own."""

from __future__ import annotations

import shutil
from pathlib import Path

from lxml import etree

from generator.corpus.loader import load_corpus
from generator.translations.store import ImportResult, import_xliff
from generator.translations.xliff import XLIFF_NS, export_xliff
from tests.support.paths import ROOT

NS = {"x": XLIFF_NS}


def test_mark(lang: str) -> str:
    return f"TEST-{lang.upper()} · "


def corpus_copy(tmp_path: Path) -> Path:
    """A copy of the shipped corpus to translate (the shipped one stays French)."""
    copy = tmp_path / "conventions"
    shutil.copytree(ROOT / "conventions", copy)
    return copy


def export_file(root: Path, doc_id: str, lang: str, path: Path) -> Path:
    path.write_bytes(export_xliff(load_corpus(root).get(doc_id), lang))
    return path


def fill_targets(xliff: Path, lang: str, change=None) -> Path:
    """Give every unit of `xliff` its test target (`change(unit_id, target)` may
    alter one before it is written); the file is rewritten in place."""
    tree = etree.parse(str(xliff))
    for unit in tree.iterfind(".//x:unit", NS):
        segment = unit.find("x:segment", NS)
        source = segment.find("x:source", NS).text or ""
        target = segment.find("x:target", NS)
        if target is None:
            target = etree.SubElement(segment, f"{{{XLIFF_NS}}}target")
        text = test_mark(lang) + source
        target.text = change(unit.get("name"), text) if change else text
    tree.write(str(xliff), xml_declaration=True, encoding="UTF-8")
    return xliff


def make_test_translation(root: Path, doc_id: str, lang: str, work: Path) -> ImportResult:
    """Export, fill, import: `doc_id` of the corpus `root` translated for tests."""
    xliff = export_file(root, doc_id, lang, work / f"{doc_id.replace('/', '-')}.{lang}.xlf")
    fill_targets(xliff, lang)
    return import_xliff(load_corpus(root), xliff)
