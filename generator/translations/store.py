"""Translations written into the corpus YAML, in place: the file keeps its layout
and comments (ruamel.yaml's round trip), only the `nl:`/`nl_source:` (or
`de:`/`de_source:`) of the units translated are added or replaced. Every unit is
checked (checks.py) before anything is written; a file is written atomically,
and only when something in it changes."""

from __future__ import annotations

import io
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator.corpus.folder import corpus_files
from generator.corpus.loader import expected_id
from generator.errors import ConventioError
from generator.files import write_atomically
from generator.model.text import source_hash
from generator.translations.checks import (
    TranslationProblem,
    TranslationRefused,
    check_language,
    check_targets,
)
from generator.translations.units import TextUnit, text_units
from generator.translations.xliff import read_xliff


@dataclass(frozen=True)
class ImportResult:
    doc_id: str
    lang: str
    path: Path
    #: units whose translation was added or changed
    written: int
    #: units whose translation was already the one imported
    unchanged: int


def corpus_file(root: Path, doc_id: str) -> Path:
    """The YAML file of the document `doc_id` in the corpus folder `root`."""
    for path in corpus_files(root):
        if expected_id(path.relative_to(root)) == doc_id:
            return path
    raise ConventioError(f"no file for the document {doc_id!r} in the corpus {root}")


def _yaml() -> Any:
    from ruamel.yaml import YAML

    yaml = YAML()
    yaml.preserve_quotes = True
    yaml.width = 4096  # never re-wrap a line
    yaml.indent(mapping=2, sequence=4, offset=2)
    return yaml


def _changed(unit: TextUnit, lang: str, target: str) -> bool:
    text = unit.text
    return text.get(lang) != target or text.source_of(lang) != source_hash(text.fr)


def _set_translation(mapping: Any, lang: str, target: str, french: str) -> None:
    """`lang` and its source hash in the YAML mapping, right after French (or after
    the language before it), where a reader expects them."""
    for key, value in ((lang, target), (f"{lang}_source", source_hash(french))):
        if key in mapping:
            mapping[key] = value
            continue
        keys = list(mapping)
        position = max(i for i, k in enumerate(keys) if k in ("fr", "nl", "nl_source")) + 1
        mapping.insert(position, key, value)


def write_translations(
    path: Path, lang: str, units: list[TextUnit], targets: Mapping[str, str]
) -> int:
    """Write the `targets` (unit id -> text, already checked) into the YAML file
    `path`; the number of units changed (0: the file is left untouched)."""
    yaml = _yaml()
    original = path.read_text(encoding="utf-8")
    data = yaml.load(original)
    changed = 0
    for unit in units:
        target = targets.get(unit.id)
        if target is None or not _changed(unit, lang, target):
            continue
        mapping = data
        for part in unit.loc:
            mapping = mapping[part]
        _set_translation(mapping, lang, target, unit.text.fr)
        changed += 1
    if changed:
        out = io.StringIO()
        yaml.dump(data, out)
        write_atomically(path, out.getvalue().encode("utf-8"))
    return changed


def apply_translations(
    corpus: Any,
    doc_id: str,
    lang: str,
    targets: Mapping[str, str],
    sources: Mapping[str, str] | None = None,
    *,
    complete: bool = True,
    what: str | None = None,
) -> ImportResult:
    """Check every target against the French of `doc_id` (checks.check_targets),
    then write them all into its YAML file, or, on any problem, nothing
    (TranslationRefused lists each). `sources`: the French each target was made
    from, when known; `complete`: every unit of the document must be translated."""
    check_language(lang)
    units = text_units(corpus.get(doc_id))
    problems = check_targets(units, targets, sources, complete=complete)
    if problems:
        raise TranslationRefused(what or f"the {lang} translation of {doc_id}", problems)
    path = corpus_file(Path(corpus.root), doc_id)
    written = write_translations(path, lang, units, targets)
    kept = sum(1 for unit in units if unit.id in targets) - written
    return ImportResult(doc_id, lang, path, written, kept)


def import_xliff(corpus: Any, xliff_path: Path) -> ImportResult:
    """`conventio translations import FILE.xlf`: the file's targets into the corpus."""
    try:
        data = Path(xliff_path).read_bytes()
    except OSError as exc:
        raise ConventioError(f"cannot read {xliff_path}: {exc.strerror}") from None
    content = read_xliff(data, xliff_path)
    corpus.get(content.doc_id)
    ids = [u.id for u in content.units]
    twice = sorted({i for i in ids if ids.count(i) > 1})
    if twice:
        raise TranslationRefused(
            f"{xliff_path}",
            [TranslationProblem(i, "this unit is in the file twice: keep one", i) for i in twice],
        )
    empty = {u.id: u.target or "" for u in content.units}
    return apply_translations(
        corpus,
        content.doc_id,
        content.lang,
        empty,
        content.sources,
        what=f"{xliff_path} ({content.lang} translation of {content.doc_id})",
    )
