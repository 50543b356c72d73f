"""A coordinated convention the corpus does not hold whole comes out as an
information copy (banner, nobody signs, no PDF signature field) and
`--for-signature` refuses it; one it holds whole is a document to sign
(generator/generation/coordinated.py). Real DOCX and PDF read back."""

from __future__ import annotations

import json

import docx
import pytest
from click.testing import CliRunner

from generator.cli import cli
from generator.rendering.typography import french_spacing
from tests.support.minicorpus import CONVENTION, write_corpus
from tests.support.paths import ROOT

EXAMPLES = ROOT / "examples" / "parties.yaml"
MODEL = "network-provider-2021"
BANNER = (
    "Copie d'information : ce texte coordonné est incomplet. Il y manque 3 dispositions "
    "(article 14\u202f; article 17, § 1\u202f; annexe 1), les parties et les signatures, que "
    "le corpus ne contient pas. Cette copie ne peut pas être signée."
)


def _generate(*args: str):
    return CliRunner().invoke(cli, ["generate", *args, "--lang", "fr", "--parties", str(EXAMPLES)])


@pytest.fixture(scope="module")
def information_copy(tmp_path_factory):
    out = tmp_path_factory.mktemp("coordinated")
    result = _generate(
        MODEL, "--at", "2023-09-01", "--only", "psy-0010", "--format", "docx,pdf", "--out", str(out)
    )
    assert result.exit_code == 0, result.output
    assert "\ninformation copies: the corpus does not hold the whole text" in result.output
    return out / MODEL / "2023-09-01"


@pytest.mark.libreoffice
def test_the_docx_opens_with_the_banner_and_has_no_signature_block(information_copy):
    document = docx.Document(str(information_copy / "psy-0010@net-10.2023-09-01.fr.docx"))
    texts = [p.text for p in document.paragraphs if p.text]
    assert texts[0] == french_spacing(BANNER)  # the DOCX's French typography
    assert texts[1].startswith("Modèle de convention de collaboration entre le réseau")
    assert not [t for t in texts if t.startswith(("Pour le", "Faite à"))]
    manifest = json.loads((information_copy / "manifest.json").read_text(encoding="utf-8"))
    assert [(e["party"], e["roles"]) for e in manifest["documents"]] == [("psy-0010@net-10", [])]


@pytest.mark.libreoffice
def test_the_pdf_shows_the_banner_on_page_one_and_has_no_signature_field(information_copy):
    from pypdf import PdfReader

    reader = PdfReader(str(information_copy / "psy-0010@net-10.2023-09-01.fr.pdf"))
    assert not reader.get_fields()
    first = " ".join(reader.pages[0].extract_text().split())
    assert " ".join(BANNER.split()) in first


def test_for_signature_refuses_and_lists_what_is_missing(tmp_path):
    out = tmp_path / "out"
    result = _generate(MODEL, "--at", "2023-10-01", "--for-signature", "--out", str(out))
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert (
        "network-provider-2021 as in force on 2023-10-01 cannot be generated for signature: "
        "the corpus does not hold its whole text. Missing:\n"
        "  - article 14\n  - article 17, § 1\n  - its parties"
    ) in result.output  # annex 1 is held from 25 September 2023: the amendment's
    assert "generate without --for-signature to make information copies" in result.output
    assert not out.exists()


#: the mini convention without its article 3 and annex known only by name, with
#: recitals, parties, signature blocks and an annex held whole
COMPLETE = CONVENTION[: CONVENTION.index('    num: "3"\n    declared_only')].removesuffix(
    "  - kind: article\n"
) + (
    """recitals:
  - {fr: "Vu la loi."}
preamble:
  - paragraphs: [{fr: "Entre le Comité et le réseau {network.name|XXX},"}]
closing:
  place_date: {fr: "Bruxelles,"}
  signatures:
    - role: committee
      lines: [{fr: "Pour le Comité,"}]
    - role: network
      lines: [{fr: "Pour le réseau,"}]
annexes:
  - num: "1"
    heading: {fr: "Annexe 1 : liste initiale"}
    rows:
      - {code: "792514", description: {fr: "SPPL - séance de groupe - 1"}}
"""
)


def test_a_convention_held_whole_is_a_document_to_sign(tmp_path):
    assert COMPLETE != CONVENTION
    corpus = write_corpus(tmp_path / "corpus", **{"conv/convention.yaml": COMPLETE})
    out = tmp_path / "out"
    result = CliRunner().invoke(
        cli,
        [
            *("--corpus", str(corpus), "generate", "conv", "--at", "2023-09-01"),
            *("--for-signature", "--parties", str(EXAMPLES), "--only", "net-01", "--out", str(out)),
        ],
    )
    assert result.exit_code == 0, result.output
    assert "information copies" not in result.output
    folder = out / "conv" / "2023-09-01"
    texts = [p.text for p in docx.Document(str(folder / "net-01.2023-09-01.fr.docx")).paragraphs]
    texts = [t for t in texts if t]
    assert texts[0].startswith("Convention de test entre le réseau ")
    assert "Vu la loi." in texts and "Pour le Comité," in texts and "Pour le réseau," in texts
    assert any(t.startswith("Entre le Comité et le réseau ") for t in texts)
    assert not [t for t in texts if "Copie d'information" in t]
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["documents"][0]["roles"] == ["committee", "network"]
