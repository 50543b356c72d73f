"""A TEST TRANSLATION of corpus files, for tests only: never an official text,
never in conventions/.

The sources give no Dutch or German text, so the shipped corpus is French. To
prove what happens when the corpus does hold other languages, a test copies
the corpus and calls `install_test_translation` on the copy: every French text
of the files named (by default the sixth amendment, all its generated copies
print) gets a Dutch and a German text next to it, which is the French text
with a visible prefix, « TEST-NL · » or « TEST-DE · ». Slots, choices and
footnote marks stay intact (the prefix is only put in front), so a copy made
from it is complete, and every line of it says it is a test translation.

    corpus = translated_corpus(tmp_path / "corpus")            # nl and de
    templates = test_templates(tmp_path / "templates")          # nl/, de/ if absent
    conventio --corpus CORPUS generate ... --templates TEMPLATES

When the model keeps the hash of the French a translation was made from
(`nl_source`, `de_source`: issue 14), the fixture writes it too.
"""

from __future__ import annotations

import hashlib
import shutil
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import yaml

from tests.support.paths import ROOT

#: the prefix each test translation puts before the French text
PREFIX = {"nl": "TEST-NL · ", "de": "TEST-DE · "}
#: the corpus files translated by default: the sixth amendment (its copies print
#: nothing from other files)
SIXTH_FILE = "inami-network-2021/avenant-06.yaml"
HEADER = (
    "# TEST TRANSLATION written by tests/support/translation.py: the {langs} texts are\n"
    "# the French with a « TEST-.. · » prefix; not an official text, never in conventions/.\n"
)
#: the keys of a text in several languages (generator/model/text.py I18nText)
_TEXT_KEYS = frozenset({"fr", "nl", "de", "nl_source", "de_source"})


def test_text(french: str, lang: str) -> str:
    """The test translation of one French text."""
    return PREFIX[lang] + french


def _source_hash(french: str) -> str:
    try:
        from generator.model.text import source_hash  # issue 14, translations
    except ImportError:
        return hashlib.sha256(french.encode("utf-8")).hexdigest()[:12]
    return source_hash(french)


def _keeps_source_hashes() -> bool:
    from generator.model.text import I18nText

    return "nl_source" in I18nText.model_fields


def _translate(value: Any, langs: tuple[str, ...], hashes: bool) -> int:
    """Add the test translations inside `value`; the number of texts translated."""
    if isinstance(value, list):
        return sum(_translate(item, langs, hashes) for item in value)
    if not isinstance(value, dict):
        return 0
    if isinstance(value.get("fr"), str) and set(value) <= _TEXT_KEYS:
        for lang in langs:
            value[lang] = test_text(value["fr"], lang)
            if hashes:
                value[f"{lang}_source"] = _source_hash(value["fr"])
        return 1
    return sum(_translate(item, langs, hashes) for item in value.values())


def install_test_translation(
    corpus_dir: Path, langs: Iterable[str] = ("nl", "de"), files: Iterable[str] = (SIXTH_FILE,)
) -> int:
    """Write the test translation into the corpus COPY `corpus_dir` (never the
    checkout's conventions/): in each of `files` (paths inside the corpus), every
    French text gets its `langs` texts. Returns how many texts were translated."""
    corpus_dir = Path(corpus_dir)
    if corpus_dir.resolve() == (ROOT / "conventions").resolve():
        raise ValueError("a test translation goes into a copy of the corpus, never conventions/")
    langs = tuple(langs)
    hashes = _keeps_source_hashes()
    count = 0
    for name in files:
        path = corpus_dir / name
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        count += _translate(data, langs, hashes)
        dumped = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100)
        path.write_text(HEADER.format(langs=", ".join(langs)) + dumped, encoding="utf-8")
    return count


def translated_corpus(
    target: Path, langs: Iterable[str] = ("nl", "de"), files: Iterable[str] = (SIXTH_FILE,)
) -> Path:
    """A copy of the shipped corpus at `target` with the test translation installed."""
    shutil.copytree(ROOT / "conventions", target)
    install_test_translation(target, langs, files)
    return target


def test_templates(target: Path, langs: Iterable[str] = ("nl", "de")) -> Path:
    """A copy of the shipped templates at `target`, where each of `langs` that has
    no templates of its own gets a copy of the French ones (a test fixture: their
    fixed words stay French)."""
    shutil.copytree(ROOT / "templates", target)
    for lang in langs:
        if not (target / lang).is_dir():
            shutil.copytree(target / "fr", target / lang)
    return target


# pytest must not collect the helpers above as tests
test_text.__test__ = False  # type: ignore[attr-defined]
test_templates.__test__ = False  # type: ignore[attr-defined]
