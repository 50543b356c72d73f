"""Align a translation file (PDF or DOCX) with a document of the corpus."""

from __future__ import annotations

from pathlib import Path

from generator.errors import ConventioError
from generator.importing.align.french import Item, french_items
from generator.importing.align.pairing import pair
from generator.importing.align.result import Alignment, Unaligned
from generator.importing.align.targets import target_text
from generator.importing.align.translated import Found, found_items
from generator.importing.read.extract import Extract
from generator.importing.recognise import national_numbers
from generator.importing.recognise.journal import Journal
from generator.yamlsource import read_yaml

LANGUAGES = ("nl", "de")


def align_file(path: Path, doc_id: str, lang: str, corpus_dir: Path) -> Alignment:
    """Read `path` with the importer's reader and align it with `doc_id`."""
    from generator.importing.read.opening import read_document

    return align_extract(read_document(Path(path)), doc_id, lang, corpus_dir)


def align_extract(extract: Extract, doc_id: str, lang: str, corpus_dir: Path) -> Alignment:
    if lang not in LANGUAGES:
        raise ConventioError(
            f"--lang {lang}: a translation is in Dutch (nl) or German (de); "
            "the corpus's own text is the French"
        )
    french = french_items(french_document(doc_id, corpus_dir))
    # a signed copy's national register number stands as its slot, as in a draft
    blocks = national_numbers.without_national_numbers(extract.blocks, [], Journal())
    return build_alignment(doc_id, lang, pair(french, found_items(blocks)))


def french_document(doc_id: str, corpus_dir: Path) -> dict:
    """The YAML of the French document `doc_id`, as written in the corpus."""
    from generator.corpus.folder import corpus_files
    from generator.corpus.loader import expected_id

    paths = [
        p for p in corpus_files(corpus_dir) if expected_id(p.relative_to(corpus_dir)) == doc_id
    ]
    if not paths:
        raise ConventioError(
            f"--translation-of {doc_id}: the corpus ({corpus_dir}) has no such document; "
            "give the id `conventio list` shows (e.g. inami-network-2021/avenant-06)"
        )
    source, problems = read_yaml(paths[0])
    if source is None or problems or not isinstance(source.data, dict):
        raise ConventioError("\n".join(str(p) for p in problems) or f"{paths[0]}: not a document")
    return source.data


def build_alignment(
    doc_id: str, lang: str, pairs: list[tuple[Item | None, Found | None]]
) -> Alignment:
    alignment = Alignment(doc_id, lang)
    missing: list[Item] = []
    for item, found in pairs:
        if item is not None and item.unit:
            alignment.addresses[item.unit] = item.address
        if found is None:
            missing.append(item)  # type: ignore[arg-type]
        elif item is None:
            alignment.unaligned.append(
                Unaligned(found.where, found.printed, "no text of the French document stands here")
            )
        elif item.unit is not None:
            _set_target(alignment, item, found)
    listed: set[str] = set()
    for item in missing:
        if item.unit is None:
            where, reason = item.address, "the translation does not print this number or caption"
            alignment.unaligned.append(Unaligned(where, item.anchor, reason))
        elif item.unit not in alignment.targets and item.unit not in listed:
            listed.add(item.unit)
            where = f"{item.unit} ({item.address})" if item.address != item.unit else item.unit
            reason = "the translation has no text in this place"
            alignment.unaligned.append(Unaligned(where, item.text or "", reason))
    return alignment


def _set_target(alignment: Alignment, item: Item, found: Found) -> None:
    target = target_text(item.text or "", found.text or "", quoted=item.quoted)
    earlier = alignment.targets.get(item.unit or "")
    if not target:
        alignment.unaligned.append(Unaligned(found.where, found.printed, "the text is empty"))
    elif earlier is not None and earlier != target:
        reason = f"printed again for {item.address} with another text than « {earlier} »"
        alignment.unaligned.append(Unaligned(found.where, found.printed, reason))
    else:
        alignment.targets[item.unit or ""] = target
