"""Round trip: documents conventio generates, converted to PDF by a real
LibreOffice, imported again, give back the corpus they were made from:
same articles, operations, quoted provisions, footnotes and annex rows,
word for word; and the draft, once the reviewer has set what no text
prints (the entry into force), passes `conventio check` in place of the
original."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from generator.corpus.loader import default_corpus_dir, load_corpus
from generator.corpus.report import check_report
from generator.generation.batch import generate
from generator.importing import import_document
from generator.importing.recognise.required_fields import NO_DATE_REASON
from generator.model.documents import Amendment
from generator.parties.check import load_parties
from tests.support.libreoffice import libreoffice_skipped
from tests.support.paths import ROOT

SIXTH = "inami-network-2021/avenant-06"
PROVIDER_AMENDMENT = "network-provider-2021/avenant-2023-09"

#: what a published text prints; notes, parameters and dates are the corpus's own
_PRINTED = {
    "kind", "num", "label", "heading", "text", "children", "footnotes", "mark", "fr",
    "action", "target", "after", "before", "into", "quote", "open", "close", "provision",
    "annex", "operations", "entry_into_force", "articles", "date", "text_after",
    "code", "description", "rows", "columns", "notes", "abbreviations", "abbr", "meaning",
}  # fmt: skip


def printed(value):
    if isinstance(value, dict):
        return {k: printed(v) for k, v in value.items() if k in _PRINTED}
    if isinstance(value, list):
        return [printed(v) for v in value]
    return value


def corpus_file(doc_id: str) -> dict:
    return yaml.safe_load((default_corpus_dir() / f"{doc_id}.yaml").read_text("utf-8"))


@pytest.fixture(scope="module")
def generated(tmp_path_factory) -> dict[str, Path]:
    """Three copies: the sixth amendment for a network, the provider amendment
    for a psychologist and for an organisation; DOCX, and PDF unless
    LibreOffice is switched off."""
    out = tmp_path_factory.mktemp("generated")
    corpus, parties = load_corpus(), load_parties(ROOT / "examples" / "parties.yaml")
    formats = ("docx",) if libreoffice_skipped() else ("docx", "pdf")
    files: dict[str, Path] = {}
    for doc_id, only in ((SIXTH, {"net-01"}), (PROVIDER_AMENDMENT, {"psy-0010", "org-001"})):
        result = generate(corpus, doc_id, parties, out, only=only, formats=formats, lang="fr")
        for entry in result.entries:
            for fmt, info in entry.files.items():
                files[f"{doc_id}|{entry.party}|{fmt}"] = out / doc_id / info["path"]
    return files


CASES = [
    (SIXTH, "net-01"),
    (PROVIDER_AMENDMENT, "psy-0010@net-10"),
]


def _file(generated, doc_id, party, fmt) -> Path:
    matches = [
        p
        for k, p in generated.items()
        if k.startswith(f"{doc_id}|{party}") and k.endswith(f"|{fmt}")
    ]
    assert matches, sorted(generated)
    return matches[0]


FORMATS = ["docx", pytest.param("pdf", marks=pytest.mark.libreoffice)]


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize(("doc_id", "party"), CASES)
def test_round_trip_gives_back_the_corpus_text(generated, doc_id, party, fmt, tmp_path):
    path = _file(generated, doc_id, party, fmt)
    result = import_document(path, output=tmp_path / f"{doc_id}.yaml")
    expected = corpus_file(doc_id)

    assert result.unplaced == []
    assert yaml.safe_load(result.yaml) == result.data
    data = result.data
    assert data["type"] == "amendment"
    assert data["id"] == doc_id and data["amends"] == expected["amends"]
    assert data.get("ordinal") == expected.get("ordinal")
    assert printed(data["articles"]) == printed(expected["articles"])
    assert printed(data["annexes"]) == printed(expected["annexes"])
    assert data["recitals"] == expected["recitals"]
    assert [s["role"] for s in data["closing"]["signatures"]] == [
        s["role"] for s in expected["closing"]["signatures"] if s["role"] != "organisation"
    ]
    # the running header and the footer reference are page layout, listed as such
    whys = {o.why for o in result.omitted}
    if fmt == "pdf":
        assert {"running header", "footer"} <= whys | {"page number"}
    everything = yaml.safe_dump(data, allow_unicode=True)
    assert "Avenue Galilée" not in everything and "Réf." not in everything


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_reviewed_draft_passes_check_in_place_of_the_original(generated, fmt, tmp_path):
    """The reviewer's only task on these drafts: the entry into force, which
    the texts do not print for the whole amendment (the importer says so)."""
    corpus = tmp_path / "conventions"
    shutil.copytree(default_corpus_dir(), corpus)
    for doc_id, party in CASES:
        target = corpus / f"{doc_id}.yaml"
        target.unlink()
        result = import_document(_file(generated, doc_id, party, fmt), output=target)
        assert any("entry into force" in d.what for d in result.doubts)
        # no date found: recorded as unknown, never a silent default
        unknown = f"in_force:\n  standing: unknown\n  reason: >-\n    {NO_DATE_REASON}\n"
        assert unknown in result.yaml
        known = {"in_force": corpus_file(doc_id)["in_force"]}
        reviewed = result.yaml.replace(
            unknown, yaml.safe_dump(known, allow_unicode=True, sort_keys=False)
        )
        target.write_text(reviewed, "utf-8")
        Amendment.model_validate(yaml.safe_load(reviewed))
    ok, report = check_report(corpus)
    assert ok, report


def test_a_signed_copy_gives_back_the_slot_never_the_national_number(generated, tmp_path):
    path = _file(generated, PROVIDER_AMENDMENT, "psy-0010", "docx")
    parties = yaml.safe_load((ROOT / "examples" / "parties.yaml").read_text("utf-8"))
    nrn = next(p["nrn"] for p in parties["psychologists"] if p["id"] == "psy-0010")
    result = import_document(path)
    from generator.importing.write.report import report_text

    digits = "".join(ch for ch in nrn if ch.isdigit())
    for text in (result.yaml, report_text(result)):
        assert nrn not in text
        assert digits not in "".join(ch for ch in text if ch.isdigit() or ch == " ").replace(
            " ", ""
        )
    assert "Numéro d’identification du Registre national : {provider.nrn|}" in result.yaml
    assert any("national register number" in d.what for d in result.doubts)
