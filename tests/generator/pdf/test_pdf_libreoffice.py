"""DOCX to PDF/A-2b with a real LibreOffice; and what happens when things go wrong.

The tests marked `libreoffice` run soffice for real. CI installs LibreOffice, so
they are not skipped when it is missing (a skip would hide a missing install):
they fail with the message saying how to install it. Set
CONVENTIO_SKIP_LIBREOFFICE=1 to skip them on purpose.
"""

from __future__ import annotations

import os
import stat
import sys
import threading
import time
import zipfile
from pathlib import Path

import docx
import pytest
from pypdf import PdfReader

from generator.errors import ConventioError
from generator.pdf import (
    PdfConversionError,
    check_pdf,
    convert_many,
    docx_problem,
    find_soffice,
    pdfa_conformance,
)
from generator.pdf.soffice import SOFFICE_ENV

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="fake soffice: a shell script")


def make_docx(path: Path, title: str, network: str, articles: int = 3) -> Path:
    """A small amendment-like DOCX: accents, typographic quotes and apostrophe, a table."""
    document = docx.Document()
    document.add_heading(f"{title} – réseau « {network} »", level=1)
    document.add_paragraph(
        "L’Institut national d’assurance maladie-invalidité et le réseau conviennent "
        "de ce qui suit : élève, Noël, œuvre, façade, à déjà, Ärzte."
    )
    for number in range(1, articles + 1):
        document.add_heading(f"Article {number}", level=2)
        document.add_paragraph(
            f"§ {number}. Le psychologue clinicien s’engage à dispenser des séances "
            "individuelles et de groupe, conformément à l’annexe 1."
        )
    table = document.add_table(rows=3, cols=3)
    table.style = "Table Grid"
    for row, cells in enumerate(
        [
            ("Pseudocode", "Prestation", "Honoraire"),
            ("794010", "Séance individuelle", "75,00 €"),
            ("794032", "Séance de groupe", "22,50 €"),
        ]
    ):
        for column, text in enumerate(cells):
            table.cell(row, column).text = text
    document.save(path)
    return path


def text_of(pdf: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(pdf).pages)


@pytest.fixture(scope="module")
def batch(tmp_path_factory):
    """One conversion of three good documents and two bad ones, all in one batch."""
    src = tmp_path_factory.mktemp("docx")
    good = [
        make_docx(src / "avenant-reseau-01.docx", "Avenant n° 6", "Hainaut occidental"),
        make_docx(src / "avenant-reseau-02.docx", "Avenant n° 6", "Bruxelles", articles=40),
        make_docx(src / "convention d’été.docx", "Convention", "Liège"),
    ]
    # random bytes named .docx: rejected before LibreOffice sees it
    noise = src / "bruit.docx"
    noise.write_bytes(os.urandom(4096))
    # a real ZIP that LibreOffice cannot load: it fails inside the batch, then alone
    broken = src / "casse.docx"
    make_docx(broken, "Cassé", "Namur")
    damaged = src / "damaged.docx"
    with zipfile.ZipFile(broken) as original, zipfile.ZipFile(damaged, "w") as copy:
        for name in original.namelist():
            data = original.read(name)
            if name == "word/document.xml":
                data = b"\x00<w:document garbage" * 50
            copy.writestr(name, data)
    broken.unlink()
    inputs = [good[0], noise, good[1], damaged, good[2]]
    out = tmp_path_factory.mktemp("pdf")
    seen: list[int] = []
    with pytest.raises(PdfConversionError) as caught:
        convert_many(inputs, out, workers=1, batch_size=10, progress=seen.append)
    return {
        "good": good,
        "noise": noise,
        "damaged": damaged,
        "out": out,
        "error": caught.value,
        "progress": seen,
    }


@pytest.mark.libreoffice
def test_good_documents_convert_despite_bad_neighbours(batch):
    error = batch["error"]
    assert sorted(error.converted) == sorted(batch["good"])
    for source, pdf in error.converted.items():
        assert pdf == batch["out"] / f"{source.stem}.pdf"
        data = pdf.read_bytes()
        assert data.startswith(b"%PDF-")
        assert check_pdf(data) >= 1
    assert check_pdf(error.converted[batch["good"][1]].read_bytes()) >= 2
    # nothing else is left in the output folder (no partial or temporary file)
    assert sorted(p.name for p in batch["out"].iterdir()) == sorted(
        f"{p.stem}.pdf" for p in batch["good"]
    )


@pytest.mark.libreoffice
def test_bad_documents_are_reported_each_with_its_reason(batch):
    error = batch["error"]
    assert set(error.failures) == {batch["noise"], batch["damaged"]}
    assert "not a DOCX file" in error.failures[batch["noise"]]
    assert "ZIP" in error.failures[batch["noise"]]
    assert "could not be loaded" in error.failures[batch["damaged"]]
    message = str(error)
    assert message.startswith("2 of 5 document(s) could not be converted to PDF")
    assert f"{batch['noise']}: not a DOCX file" in message
    assert str(batch["damaged"]) in message
    assert isinstance(error, ConventioError)


@pytest.mark.libreoffice
def test_progress_counts_every_document_once(batch):
    seen = batch["progress"]
    assert seen == sorted(seen)
    assert seen[-1] == 5
    assert len(seen) == len(set(seen))


@pytest.mark.libreoffice
def test_output_is_pdfa_2b(batch):
    assert len(batch["error"].converted) == len(batch["good"])
    for pdf in batch["error"].converted.values():
        assert pdfa_conformance(pdf.read_bytes()) == ("2", "B")
        packet = PdfReader(pdf).trailer["/Root"]["/Metadata"].get_object().get_data()
        assert b"http://www.aiim.org/pdfa/ns/id/" in packet


@pytest.mark.libreoffice
def test_text_survives_with_accents_quotes_and_table(batch):
    text = text_of(batch["error"].converted[batch["good"][0]])
    flat = " ".join(text.split())
    for words in [
        "Avenant n° 6",
        "« Hainaut occidental »",
        "L’Institut national d’assurance maladie-invalidité",
        "élève, Noël, œuvre, façade, à déjà, Ärzte",
        "s’engage à dispenser des séances",
        "Séance individuelle",
        "75,00 €",
        "794032",
    ]:
        assert words in flat, words


@pytest.mark.libreoffice
def test_two_runs_at_once_use_separate_profiles(tmp_path):
    sources = [
        make_docx(tmp_path / f"doc-{n}.docx", f"Document {n}", f"Réseau {n}", articles=1)
        for n in range(4)
    ]
    results: dict[int, dict] = {}
    errors: list[BaseException] = []

    def run(index: int) -> None:
        try:
            results[index] = convert_many(
                sources[index * 2 : index * 2 + 2], tmp_path / f"out-{index}", workers=1
            )
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=run, args=(i,)) for i in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    assert sorted(results[0]) == sources[:2]
    assert sorted(results[1]) == sources[2:]
    for result in results.values():
        for source, pdf in result.items():
            assert source.stem.replace("doc-", "Document ") in text_of(pdf)


def test_soffice_named_by_the_environment_must_exist(monkeypatch, tmp_path):
    monkeypatch.setenv(SOFFICE_ENV, str(tmp_path / "no-such-soffice"))
    with pytest.raises(ConventioError) as caught:
        find_soffice()
    message = str(caught.value)
    assert SOFFICE_ENV in message
    assert "sudo apt-get install libreoffice-writer-nogui" in message
    assert "brew install --cask libreoffice" in message
    assert "libreoffice.org" in message
    assert "DOCX documents works without LibreOffice" in message


def test_missing_soffice_stops_conversion_before_anything(monkeypatch, tmp_path):
    monkeypatch.setenv(SOFFICE_ENV, str(tmp_path / "no-such-soffice"))
    source = make_docx(tmp_path / "a.docx", "A", "B")
    with pytest.raises(ConventioError, match="LibreOffice is needed to make PDFs"):
        convert_many([source], tmp_path / "out")
    assert not (tmp_path / "out").exists()


def test_soffice_not_on_the_path(monkeypatch, tmp_path):
    monkeypatch.delenv(SOFFICE_ENV, raising=False)
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.setattr("generator.pdf.soffice._KNOWN_PLACES", ())
    with pytest.raises(ConventioError, match="LibreOffice was not found"):
        find_soffice()


def test_two_documents_for_one_pdf_are_refused(monkeypatch, tmp_path):
    monkeypatch.setenv(SOFFICE_ENV, sys.executable)  # never run: refused before
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    first = make_docx(tmp_path / "a" / "Contrat.docx", "A", "B")
    second = make_docx(tmp_path / "b" / "contrat.docx", "A", "B")
    with pytest.raises(ConventioError, match="would both become"):
        convert_many([first, second], tmp_path / "out")


def test_docx_problem(tmp_path):
    good = make_docx(tmp_path / "good.docx", "A", "B")
    noise = tmp_path / "noise.docx"
    noise.write_bytes(b"PK\x03\x04 not really a zip")
    assert docx_problem(good) is None
    assert docx_problem(tmp_path / "missing.docx") == "file not found"
    assert "not a ZIP archive" in docx_problem(noise)


def fake_soffice(tmp_path: Path, body: str) -> Path:
    """A shell script standing in for soffice; $OUTDIR and the inputs are parsed for it."""
    script = tmp_path / "fake-soffice"
    script.write_text(
        "#!/bin/sh\n"
        'OUTDIR=""; INPUTS=""\n'
        "while [ $# -gt 0 ]; do\n"
        '  case "$1" in\n'
        '    --outdir) OUTDIR="$2"; shift ;;\n'
        '    *.docx) INPUTS="$INPUTS $1" ;;\n'
        "  esac\n"
        "  shift\n"
        "done\n" + body
    )
    script.chmod(script.stat().st_mode | stat.S_IXUSR)
    return script


@posix_only
def test_a_hanging_soffice_is_killed_with_its_children(monkeypatch, tmp_path):
    pids = tmp_path / "pids"
    script = fake_soffice(tmp_path, f"sleep 300 &\necho $! >> {pids}\nwait\n")
    monkeypatch.setenv(SOFFICE_ENV, str(script))
    sources = [make_docx(tmp_path / f"d{n}.docx", "A", "B") for n in range(2)]
    with pytest.raises(PdfConversionError) as caught:
        convert_many(sources, tmp_path / "out", workers=1, timeout=0.5, startup_timeout=0.5)
    # the batch, its retry, then each file alone: four runs, each killed at its time limit
    # (how long that takes is no test's business: every reason says the limit killed it)
    assert set(caught.value.failures) == set(sources)
    for reason in caught.value.failures.values():
        assert reason.startswith("LibreOffice took too long (killed after")
    children = [int(pid) for pid in pids.read_text().split()]
    assert len(children) == 4
    deadline = time.monotonic() + 60  # signals are delivered at once: this is a runaway
    while any(alive(pid) for pid in children) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not [pid for pid in children if alive(pid)]


def alive(pid: int) -> bool:
    """Whether the process runs (a killed one may stay a zombie until it is reaped)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    stat_file = Path(f"/proc/{pid}/stat")
    try:
        state = stat_file.read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return True
    return state not in ("Z", "X")


@posix_only
def test_an_output_that_is_not_a_pdf_is_refused(monkeypatch, tmp_path):
    script = fake_soffice(
        tmp_path,
        'for f in $INPUTS; do n=$(basename "$f" .docx); '
        'echo "not a pdf" > "$OUTDIR/$n.pdf"; done\n',
    )
    monkeypatch.setenv(SOFFICE_ENV, str(script))
    source = make_docx(tmp_path / "a.docx", "A", "B")
    with pytest.raises(PdfConversionError) as caught:
        convert_many([source], tmp_path / "out")
    assert caught.value.failures == {
        source: "LibreOffice made an unusable PDF: it does not start with %PDF-"
    }
    assert not (tmp_path / "out" / "a.pdf").exists()


@posix_only
def test_a_crashing_soffice_is_reported_with_its_message(monkeypatch, tmp_path):
    script = fake_soffice(tmp_path, 'echo "boom: cannot open display" >&2\nexit 134\n')
    monkeypatch.setenv(SOFFICE_ENV, str(script))
    source = make_docx(tmp_path / "a.docx", "A", "B")
    with pytest.raises(PdfConversionError) as caught:
        convert_many([source], tmp_path / "out")
    assert caught.value.failures[source] == (
        "LibreOffice failed (exit status 134): boom: cannot open display"
    )
