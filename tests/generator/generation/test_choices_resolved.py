"""A personalised copy of a model prints one alternative of each choice, without
brackets, in its title, body and metadata (docs/corpus-format.md, « choice »):
real DOCX (python-docx) and PDF (pypdf) read back."""

from __future__ import annotations

import zipfile

import docx
import pytest

from generator.corpus.loader import load_corpus
from generator.generation.batch import generate
from generator.generation.name_joins import _folded, distinct_name
from generator.parties.check import load_parties
from tests.support.paths import ROOT

EXAMPLES = ROOT / "examples" / "parties.yaml"
PROVIDER_AMENDMENT = "network-provider-2021/avenant-2023-09"
#: what a copy must never hold: a bracketed alternative or a model placeholder
LEFTOVERS = ("[", "]", "XXX", "xxxxx", "(exemple)")
PSYCHOLOGIST = "le prestataire de soins (psychologue/orthopédagogue clinicien)"
ORGANISATION = "l’organisation"
#: each copy: its file, the words its kind selects, the other alternative's
COPIES = {
    "psy-0010": ("psy-0010@net-10", PSYCHOLOGIST, ORGANISATION),
    "org-002": ("org-002@net-15", ORGANISATION, PSYCHOLOGIST),
}


def _title(alternative: str, network: str) -> str:
    return (
        "Avenant au modèle de convention de collaboration entre le réseau de soins en "
        f"santé mentale {network} et {alternative} concernant le financement des "
        "fonctions psychologiques et des autres missions dans la première ligne par le "
        "biais de réseaux et de partenariats locaux multidisciplinaires."
    )


@pytest.fixture(scope="module")
def parties():
    return load_parties(EXAMPLES)


@pytest.fixture(scope="module")
def copies(tmp_path_factory, parties):
    out = tmp_path_factory.mktemp("choices")
    generate(
        load_corpus(),
        PROVIDER_AMENDMENT,
        parties,
        out,
        only=set(COPIES),
        formats=("docx", "pdf"),
        lang="fr",
    )
    return out / PROVIDER_AMENDMENT


def _docx_text(path) -> str:
    document = docx.Document(str(path))
    texts = [p.text for p in document.paragraphs]
    texts += [c.text for t in document.tables for row in t.rows for c in row.cells]
    for section in document.sections:
        texts += [p.text for p in section.header.paragraphs + section.footer.paragraphs]
    return "\n".join(texts)


def _network_name(parties, stem: str) -> str:
    """The network's name as the title prints it: without the words the phrase
    before it already says (generator/generation/name_joins.py)."""
    name = parties.network(stem.split("@")[1]).name
    return distinct_name(
        name, [_folded(w) for w in ["le", "réseau", "de", "soins", "en", "santé", "mentale"]]
    )


@pytest.mark.libreoffice
@pytest.mark.parametrize("party", sorted(COPIES))
def test_the_docx_prints_the_partys_alternative(copies, parties, party):
    stem, chosen, other = COPIES[party]
    path = copies / f"{stem}.fr.docx"
    text = _docx_text(path)
    title = _title(chosen, _network_name(parties, stem))
    assert title in text.splitlines()
    assert not [w for w in LEFTOVERS if w in text], text
    assert f" et {other} concernant" not in text
    assert docx.Document(str(path)).core_properties.title == title
    with zipfile.ZipFile(path) as archive:
        core = archive.read("docProps/core.xml").decode("utf-8")
    assert "[" not in core and "XXX" not in core


@pytest.mark.libreoffice
@pytest.mark.parametrize("party", sorted(COPIES))
def test_the_pdf_prints_the_partys_alternative_and_its_metadata(copies, parties, party):
    from pypdf import PdfReader

    stem, chosen, _ = COPIES[party]
    reader = PdfReader(str(copies / f"{stem}.fr.pdf"))
    title = _title(chosen, _network_name(parties, stem))
    assert reader.metadata.title == title
    assert reader.xmp_metadata.dc_title == {"x-default": title}
    text = "\n".join(page.extract_text() for page in reader.pages)
    assert not [w for w in LEFTOVERS if w in text]
    assert " ".join(chosen.split()) in " ".join(text.split())
