"""Issue 12: each role's empty signature field sits in that role's signature
block, on the page where its signatory's name is printed, inside the margins,
over no text, labelled and with a tooltip in French.

Real documents: generated DOCX, LibreOffice's PDF, `finish()`; read back with
pypdf (the fields) and poppler's pdftotext (where each word is printed)."""

from __future__ import annotations

import html
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader

from generator.corpus.loader import load_corpus
from generator.generation.batch import generate
from generator.parties.check import load_parties
from tests.support.paths import ROOT

pytestmark = pytest.mark.libreoffice

SIXTH = "inami-network-2021/avenant-06"
PROVIDER_AMENDMENT = "network-provider-2021/avenant-2023-09"
CM = 72 / 2.54
#: the templates' page margins: 2.2 cm left and right, 2 cm top and bottom
SIDE, TOP_BOTTOM = 2.2 * CM, 2.0 * CM
LABELS = {
    "committee": "Signature – Pour le Comité de l'assurance des soins de santé",
    "network": "Signature – Pour le réseau de santé mentale",
    "hospital": "Signature – Pour l’hôpital",
    "provider": "Signature – Pour le psychologue/orthopédagogue clinicien",
    "organisation": "Signature – Pour le responsable de l’organisation",
}


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("signing")
    corpus, parties = load_corpus(), load_parties(ROOT / "examples" / "parties.yaml")
    generate(
        corpus,
        SIXTH,
        parties,
        out,
        only={"net-01", "net-02", "net-31"},
        formats=("pdf",),
        lang="fr",
    )
    generate(
        corpus,
        PROVIDER_AMENDMENT,
        parties,
        out,
        only={"psy-0010", "org-002"},
        formats=("pdf",),
        lang="fr",
    )
    return {path.name: path for path in out.rglob("*.pdf")}


def _signatories(name: str) -> dict[str, str]:
    """Whose name each role's block prints, from the example party file."""
    parties = load_parties(ROOT / "examples" / "parties.yaml")
    provider_id, _, network_id = name.removesuffix(".fr.pdf").rpartition("@")
    network = parties.network(network_id)
    names = {
        "network": parties.hospital_of(network.id).director,
        "hospital": parties.collecting_hospital_of(network.id).director,
    }
    if not provider_id:
        return {"committee": "Mickael Daubie", **names}
    provider = parties.provider(provider_id)
    if provider_id.startswith("org-"):
        return {"organisation": provider.representative, **names}
    return {"provider": provider.name, **names}


def _words(path: Path, page: int, height: float) -> list[tuple[str, tuple]]:
    """Each word printed on a page (1-based) with its box in PDF points (y up)."""
    assert shutil.which("pdftotext"), "poppler's pdftotext is needed"
    found = subprocess.run(
        ["pdftotext", "-bbox", "-f", str(page), "-l", str(page), str(path), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    words = []
    for m in re.finditer(
        r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>',
        found,
    ):
        x1, top, x2, bottom = (float(v) for v in m.groups()[:4])
        words.append((html.unescape(m.group(5)), (x1, height - bottom, x2, height - top)))
    return words


def _overlap(a: tuple, b: tuple) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _fields(path: Path) -> list[tuple[int, dict]]:
    reader = PdfReader(str(path))
    return [
        (index + 1, annot.get_object())
        for index, page in enumerate(reader.pages)
        for annot in page.get("/Annots") or []
        if annot.get_object().get("/FT") == "/Sig"
    ]


@pytest.mark.parametrize(
    "name",
    ["net-01.fr.pdf", "net-02.fr.pdf", "net-31.fr.pdf", "psy-0010@net-10.fr.pdf",
     "org-002@net-15.fr.pdf"],
)  # fmt: skip
def test_each_field_sits_in_its_roles_block(pdfs, name):
    path = pdfs[name]
    reader = PdfReader(str(path))
    signatories = _signatories(name)
    fields = _fields(path)
    assert sorted(str(f["/T"]) for _, f in fields) == sorted(f"sig_{r}" for r in signatories)
    for page_number, field in fields:
        role = str(field["/T"]).removeprefix("sig_")
        box = reader.pages[page_number - 1].mediabox
        width, height = float(box.width), float(box.height)
        rect = tuple(float(v) for v in field["/Rect"])
        where = f"{name}: {role} on page {page_number} at {rect}"
        # inside the page margins
        assert rect[0] >= SIDE - 0.5 and rect[2] <= width - SIDE + 0.5, where
        assert rect[1] >= TOP_BOTTOM and rect[3] <= height - TOP_BOTTOM, where
        assert rect[2] - rect[0] >= 5 * CM and rect[3] - rect[1] >= 1.5 * CM, where
        words = _words(path, page_number, height)
        assert not [w for w, b in words if _overlap(b, rect)], where
        # on the page where the role's name is printed: just under the name, just
        # above the label that the template prints under the field
        printed = " ".join(w for w, _ in words)
        assert signatories[role] in printed and LABELS[role] in printed, where
        last_name = signatories[role].split()[-1]
        above = [b[1] - rect[3] for w, b in words if w == last_name and b[1] >= rect[3]]
        assert above and min(above) < 3 * CM, where  # the name is right above the field
        last = LABELS[role].split()[-1]
        below = [rect[1] - b[3] for w, b in words if w == last and b[3] <= rect[1]]
        assert below and min(below) < 20, where  # its label right under it
        # its label and tooltip in French
        assert field["/TU"] == LABELS[role], where
        assert field["/F"] & 4  # printed (PDF/A)
        assert "/N" in field["/AP"]


def test_the_fields_are_where_the_names_are_not_on_the_last_page(pdfs):
    """The provider amendment's signature blocks run over two pages: each field
    follows its block, none is put after the annex (the old layout)."""
    fields = _fields(pdfs["org-002@net-15.fr.pdf"])
    last = len(PdfReader(str(pdfs["org-002@net-15.fr.pdf"])).pages)
    assert all(page < last for page, _ in fields)
