"""Issue 12: the signature blocks name each signatory and their capacity, the
letterhead is the issuer's, and the circular letter carries its published head.
Each test reads the generated DOCX back (python-docx and its XML)."""

from __future__ import annotations

import zipfile
from pathlib import Path

import docx
import pytest
import yaml

from generator.generation.batch import GenerationError, generate
from generator.parties.check import load_parties
from tests.support.paths import ROOT

EXAMPLES = ROOT / "examples" / "parties.yaml"
SIXTH = "inami-network-2021/avenant-06"
PROVIDER_AMENDMENT = "network-provider-2021/avenant-2023-09"
CIRCULAR = "circulars/psy-ort-2023-006"


def _plain(text: str) -> str:
    """The words as printed, the copy's French non-breaking spaces read as spaces
    (the typography is proved in test_layout_docx.py)."""
    return text.replace("\u00a0", " ")


def _cells(path: Path) -> list[list[str]]:
    """The paragraphs of each table cell, in order."""
    document = docx.Document(str(path))
    return [
        [_plain(p.text) for p in cell.paragraphs]
        for table in document.tables
        for row in table.rows
        for cell in row.cells
    ]


def _block(path: Path, heading: str) -> list[str]:
    """A signature block's lines: from its heading to the label of its field."""
    texts = [_plain(p.text) for p in docx.Document(str(path)).paragraphs]
    start = texts.index(heading)
    end = next(i for i in range(start, len(texts)) if texts[i].startswith("Signature – "))
    return texts[start : end + 1]


def _header_xml(path: Path) -> str:
    with zipfile.ZipFile(path) as archive:
        return "".join(
            archive.read(name).decode("utf-8")
            for name in archive.namelist()
            if name.startswith("word/header")
        )


def test_network_and_hospital_blocks_name_the_director_in_their_capacity(
    corpus, examples, tmp_path
):
    generate(corpus, SIXTH, examples, tmp_path, only={"net-01", "net-04", "net-06"}, lang="fr")
    folder = tmp_path / SIXTH
    # net-01: hospital hosp-01, director Joël Lemaître, gender m
    assert _block(folder / "net-01.fr.docx", "Pour le réseau de santé mentale,") == [
        "Pour le réseau de santé mentale,",
        "Joël Lemaître",
        "directeur général",
        "Signature – Pour le réseau de santé mentale",
    ]
    # net-04: no gender given: the published text's words, never a guess from "Thérèse"
    assert _block(folder / "net-04.fr.docx", "Pour l’hôpital,")[1:] == [
        "Thérèse Gérard",
        "directeur général",
        "Signature – Pour l’hôpital",
    ]
    # net-06: the party file says the director is a woman
    network = _block(folder / "net-06.fr.docx", "Pour le réseau de santé mentale,")
    assert network[1:3] == ["Ilse De Backer", "directrice générale"]
    committee = _block(
        folder / "net-01.fr.docx", "Pour le Comité de l'assurance des soins de santé:"
    )
    assert committee == [
        "Pour le Comité de l'assurance des soins de santé:",
        "Le fonctionnaire dirigeant,",
        "Mickael Daubie",
        "Signature – Pour le Comité de l'assurance des soins de santé",
    ]


def test_provider_blocks_name_the_psychologist_and_the_representative(corpus, examples, tmp_path):
    generate(
        corpus, PROVIDER_AMENDMENT, examples, tmp_path, only={"psy-0010", "org-002"}, lang="fr"
    )
    folder = tmp_path / PROVIDER_AMENDMENT
    assert _block(
        folder / "psy-0010@net-10.fr.docx", "Pour le psychologue/orthopédagogue clinicien,"
    ) == [
        "Pour le psychologue/orthopédagogue clinicien,",
        "Sébastien Renard",
        "Signature :",
        "Signature – Pour le psychologue/orthopédagogue clinicien",
    ]
    assert _block(folder / "org-002@net-15.fr.docx", "Pour le responsable de l’organisation,") == [
        "Pour le responsable de l’organisation,",
        "Benoît Dupont",
        "Signature :",
        "Signature – Pour le responsable de l’organisation",
    ]


def test_a_network_without_address_gets_no_network_provider_document(corpus, tmp_path):
    """The network's letterhead needs its address (optional in the party file):
    never silently blank, generation stops naming the network and the field."""
    data = yaml.safe_load(EXAMPLES.read_text(encoding="utf-8"))
    del next(n for n in data["networks"] if n["id"] == "net-10")["address"]
    changed = tmp_path / "parties.yaml"
    changed.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    parties = load_parties(changed)
    generate(
        corpus, SIXTH, parties, tmp_path / "out", only={"net-10"}, lang="fr"
    )  # INAMI's letterhead
    with pytest.raises(GenerationError) as caught:
        generate(
            corpus, PROVIDER_AMENDMENT, parties, tmp_path / "out", only={"psy-0010"}, lang="fr"
        )
    assert "psy-0010@net-10: no address for network net-10" in str(caught.value)
    assert not (tmp_path / "out" / PROVIDER_AMENDMENT).exists()


def test_letterhead_is_the_issuers(corpus, examples, tmp_path):
    generate(corpus, SIXTH, examples, tmp_path, only={"net-10"}, lang="fr")
    generate(corpus, PROVIDER_AMENDMENT, examples, tmp_path, only={"psy-0010"}, lang="fr")
    inami = _header_xml(tmp_path / SIXTH / "net-10.fr.docx")
    network = _header_xml(tmp_path / PROVIDER_AMENDMENT / "psy-0010@net-10.fr.docx")
    net_10 = examples.network("net-10")
    assert "Institut national d&apos;assurance maladie-invalidité" in inami or (
        "Institut national d'assurance maladie-invalidité" in inami
    )
    assert net_10.address not in inami
    assert "Institut national d" not in network
    assert net_10.name in network and net_10.address in network


def test_circular_letter_carries_the_published_head(corpus, examples, tmp_path):
    generate(corpus, CIRCULAR, examples, tmp_path, only={"net-03"}, lang="fr")
    path = tmp_path / CIRCULAR / "net-03.fr.docx"
    body = [_plain(p.text) for p in docx.Document(str(path)).paragraphs]
    cells = [line for cell in _cells(path) for line in cell]
    assert body[0] == "Exp./Afz. : INAMI (SSS), Avenue Galilée 5/1, 1210 Bruxelles"
    assert "Aux réseaux de santé mentale" in cells
    assert examples.network("net-03").name in cells
    assert "SERVICE DES SOINS DE SANTE" in cells
    assert "Correspondant : Direction établissements et services de soins" in cells
    assert "E-mail : psy@riziv-inami.fgov.be" in cells
    assert "Nos réf : Psy-Ort/2023/006\tBruxelles, le 28 septembre 2023" in body
    core = docx.Document(str(path)).core_properties
    assert core.title.startswith("1) Avenant à la convention entre le Comité")


def _all_texts(path: Path) -> list[str]:
    document = docx.Document(str(path))
    return [_plain(p.text) for p in document.paragraphs] + [document.core_properties.title]


def test_a_phrase_and_a_network_name_are_joined_without_repeating(corpus, examples, tmp_path):
    """ "le Réseau de santé mentale" + "Réseau Enfants et Adolescents Fictif
    Bruxelles-Nord" prints the name's own words once; the law's words stay."""
    generate(corpus, SIXTH, examples, tmp_path, only={"net-01", "net-02", "net-31"}, lang="fr")
    generate(corpus, PROVIDER_AMENDMENT, examples, tmp_path, only={"psy-0010"}, lang="fr")
    copies = {
        "net-01": tmp_path / SIXTH / "net-01.fr.docx",
        "net-02": tmp_path / SIXTH / "net-02.fr.docx",
        "net-31": tmp_path / SIXTH / "net-31.fr.docx",
        "net-10": tmp_path / PROVIDER_AMENDMENT / "psy-0010@net-10.fr.docx",
    }
    for network_id, path in copies.items():
        texts = _all_texts(path)
        joined = " ".join(texts).casefold()
        assert "santé mentale réseau" not in joined, network_id
        assert "adultes réseau adultes" not in joined and "adolescents réseau" not in joined
    title = _all_texts(copies["net-01"])[-1]
    assert "le Réseau de santé mentale Enfants et Adolescents Fictif Bruxelles-Nord du 26" in title
    preamble = _all_texts(copies["net-01"])
    assert (
        "Le réseau de soins de santé mentale enfants et adolescents Fictif Bruxelles-Nord, "
        "portant le numéro INAMI 749-77931, appelé ci-après « le réseau »," in preamble
    )
    assert any(
        t.startswith("le réseau de santé mentale Adultes Fictif Huy-Waremme, représenté ici")
        for t in _all_texts(copies["net-02"])
    )
    # a name that does not repeat the phrase is printed whole
    german = examples.network("net-31").name
    assert f"le Réseau de santé mentale {german} du 26" in _all_texts(copies["net-31"])[-1]


def test_distinct_name_drops_only_the_repeated_leading_words():
    from generator.generation.name_joins import distinct_name, slot_after

    words = slot_after("et le Réseau de santé mentale ").removeprefix("network.name_after.")
    assert words == "et_le_reseau_de_sante_mentale"
    assert distinct_name("Réseau Adultes Fictif", words.split("_")) == "Adultes Fictif"
    assert distinct_name("Réseau Santé Mentale", words.split("_")) == "Réseau Santé Mentale"
    assert distinct_name("Netwerk GGZ", words.split("_")) == "Netwerk GGZ"
    assert slot_after("") == "network.name"


def test_templates_check_refuses_a_block_without_its_signature_area(tmp_path):
    """Without the bookmark sig_<role>, the PDF field would not find its block."""
    import re as _re

    from click.testing import CliRunner

    from generator.cli import cli
    from tests.support.hostile import copy_templates

    folder = copy_templates(tmp_path)
    path = folder / "fr" / "amendment-inami-network.docx"
    with zipfile.ZipFile(path) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    xml = parts["word/document.xml"].decode("utf-8")
    parts["word/document.xml"] = _re.sub(r"<w:bookmark(Start|End) [^>]*/>", "", xml).encode()
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    result = CliRunner().invoke(cli, ["templates", "check", "--templates", str(folder)])
    assert result.exit_code == 1, result.output
    assert (
        f"{path}: the signature block of 'network' has no area for the signature "
        "marked by the bookmark sig_network"
    ) in result.output
