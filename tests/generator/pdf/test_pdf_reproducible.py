"""Same inputs, same PDF bytes: LibreOffice's clock-made dates and /ID are
replaced by values taken from the DOCX, and the result is still PDF/A-2b with
Info and XMP dates that agree. Real LibreOffice, real PDFs."""

from __future__ import annotations

import hashlib
import io
import re
import struct
import time
import zipfile
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner
from pypdf import PdfReader

from generator.cli import cli
from generator.pdf import check_pdf, convert_many, pdfa_conformance
from generator.pdf.reproducible import docx_seed
from tests.support.paths import ROOT

EXAMPLES = ROOT / "examples" / "parties.yaml"
SIXTH = "inami-network-2021/avenant-06"

pytestmark = pytest.mark.libreoffice


def generate_pdfs(out: Path) -> Path:
    result = CliRunner().invoke(
        cli,
        [
            "generate",
            SIXTH,
            "--parties",
            str(EXAMPLES),
            "--only",
            "net-01,net-02",
            "--format",
            "docx,pdf",
            "--out",
            str(out),
        ],
    )
    assert result.exit_code == 0, result.output
    return out / SIXTH


def xmp_dates(reader: PdfReader) -> dict[str, str]:
    packet = reader.trailer["/Root"]["/Metadata"].get_object().get_data().decode("utf-8")
    return dict(re.findall(r"<xmp:(\w*Date)>([^<]*)</xmp:\1>", packet))


@pytest.fixture(scope="module")
def two_runs(tmp_path_factory) -> tuple[Path, Path]:
    first = generate_pdfs(tmp_path_factory.mktemp("first"))
    time.sleep(1.1)  # LibreOffice's clock has moved on: its dates would differ
    second = generate_pdfs(tmp_path_factory.mktemp("second"))
    return first, second


def test_the_same_batch_twice_gives_the_same_bytes(two_runs):
    first, second = two_runs
    names = sorted(p.name for p in first.iterdir())
    assert names == sorted(p.name for p in second.iterdir())
    assert {"net-01.fr.pdf", "net-02.fr.pdf", "manifest.json"} <= set(names)
    for name in names:
        assert (first / name).read_bytes() == (second / name).read_bytes(), name


def test_dates_come_from_the_document_and_agree(two_runs):
    folder = two_runs[0]
    for party in ("net-01", "net-02"):
        data = (folder / f"{party}.fr.pdf").read_bytes()
        assert check_pdf(data) >= 1 and pdfa_conformance(data) == ("2", "B")
        # the original body, as LibreOffice made it and as issued before any signature
        body = data[: data.index(b"%%EOF") + 5]
        reader = PdfReader(io.BytesIO(body))
        # the sixth amendment is dated 28 September 2023 (the DOCX says so too)
        with zipfile.ZipFile(folder / f"{party}.fr.docx") as archive:
            core = archive.read("docProps/core.xml").decode("utf-8")
        assert "<dcterms:created" in core and "2023-09-28T00:00:00Z</dcterms:created>" in core
        assert reader.metadata["/CreationDate"] == "D:20230928000000Z"
        assert "/ModDate" not in reader.metadata
        assert xmp_dates(reader) == {"CreateDate": "2023-09-28T00:00:00Z"}
        # the embedded sRGB profile (the PDF/A output intent) carries the same date
        intent = reader.trailer["/Root"]["/OutputIntents"][0].get_object()
        profile = intent["/DestOutputProfile"].get_object().get_data()
        assert profile[36:40] == b"acsp"
        assert struct.unpack(">6H", profile[24:36]) == (2023, 9, 28, 0, 0, 0)
        # the /ID comes from the DOCX: one per document, the same in both halves
        first, second = reader.trailer["/ID"]
        assert first == second
        seed = docx_seed(folder / f"{party}.fr.docx")
        half = hashlib.sha256(b"conventio pdf id\0" + seed).hexdigest()[:32].upper().encode()
        assert b"/ID [ <" + half + b"> <" + half + b"> ]" in body
        assert b"/DocChecksum" not in body


def test_converter_alone_is_reproducible_and_takes_the_docx_date(tmp_path):
    document = docx.Document()
    document.add_heading("Avenant « réseau » – essai", level=1)
    document.add_paragraph("L’INAMI et le réseau conviennent de ce qui suit.")
    source = tmp_path / "essai.docx"
    document.save(source)
    first = convert_many([source], tmp_path / "a")[source].read_bytes()
    time.sleep(1.1)
    second = convert_many([source], tmp_path / "b")[source].read_bytes()
    assert first == second
    created = docx.Document(str(source)).core_properties.created
    reader = PdfReader(io.BytesIO(first))
    assert reader.metadata["/CreationDate"] == created.strftime("D:%Y%m%d%H%M%SZ")
    assert xmp_dates(reader) == {"CreateDate": created.strftime("%Y-%m-%dT%H:%M:%SZ")}


def test_a_docx_without_a_date_gives_a_pdf_that_claims_none(tmp_path):
    source = tmp_path / "undated.docx"
    docx.Document().save(source)
    undated = tmp_path / "no-date.docx"
    with zipfile.ZipFile(source) as original, zipfile.ZipFile(undated, "w") as copy:
        for item in original.infolist():
            data = original.read(item.filename)
            if item.filename == "docProps/core.xml":
                text = data.decode("utf-8")
                start = text.index("<dcterms:created")
                end = text.index("</dcterms:created>") + len("</dcterms:created>")
                data = (text[:start] + text[end:]).encode("utf-8")
            copy.writestr(item, data)
    data = convert_many([undated], tmp_path / "out")[undated].read_bytes()
    reader = PdfReader(io.BytesIO(data))
    assert "/CreationDate" not in reader.metadata and "/ModDate" not in reader.metadata
    assert xmp_dates(reader) == {}
    assert check_pdf(data) >= 1 and pdfa_conformance(data) == ("2", "B")
