"""How fast DOCX files become PDF/A-2b: convert_many against the naive way.

Run from the repository root (LibreOffice must be installed):

    python -m benchmarks.pdf_bench              # 500 documents
    python -m benchmarks.pdf_bench --n 100 --sample 10

It writes N personalised amendment-like DOCX files of 4-5 pages (python-docx),
then times

a) the naive way: one `soffice --headless --convert-to pdf` process per
   document, one after the other, each with a fresh profile folder. It is timed
   on a sample (--sample, default 20) and extrapolated to N per document; the
   output says so;
b) `generator.pdf.convert_many` on all N (PDF/A-2b, every output read back and
   checked), with the default workers (one per CPU) unless --workers.

and prints documents per second for each and the ratio (target: at least 5x).
The exit code is non-zero only if a conversion fails.
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

if __package__ in (None, ""):  # run as a script: python benchmarks/pdf_bench.py
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import docx
from docx.document import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm, Pt

from generator.errors import ConventioError
from generator.pdf.checks import check_pdf
from generator.pdf.libreoffice import convert_many, default_workers, find_soffice

#: the speed-up convert_many must reach over the naive way
TARGET_RATIO = 5.0

NETWORKS = [
    "Réseau santé mentale Hainaut occidental",
    "Netwerk GGZ Antwerpen",
    "Réseau 107 Bruxelles « Norwest »",
    "Netzwerk psychische Gesundheit Ostbelgien",
    "Réseau Santé Namur",
    "Netwerk Geestelijke Gezondheid Noord-West-Vlaanderen",
]
HOSPITALS = [
    "CHU de Liège",
    "AZ Sint-Jan Brugge",
    "Clinique Saint-Pierre d’Ottignies",
    "UZ Gent",
    "Grand Hôpital de Charleroi",
]


def make_amendment(path: Path, number: int) -> None:
    """A 4-5 page amendment to an INAMI-network convention, personalised for one party."""
    rng = random.Random(number)  # the articles, then the annex, draw from it
    network = NETWORKS[number % len(NETWORKS)]
    hospital = HOSPITALS[number % len(HOSPITALS)]
    document = _a4_document()
    _add_preamble(document, number, network, hospital)
    _add_articles(document, rng)
    document.add_page_break()
    _add_annex(document, rng)
    _add_signatures(document, network, hospital)
    document.save(path)


def _a4_document() -> Document:
    """An empty document: A4, 2.5 cm margins, 11 pt text."""
    document = docx.Document()
    for section in document.sections:
        section.page_width, section.page_height = Cm(21), Cm(29.7)
        section.left_margin = section.right_margin = Cm(2.5)
        section.top_margin = section.bottom_margin = Cm(2.5)
    style = document.styles["Normal"]
    style.font.size = Pt(11)
    return document


def _add_preamble(document: Document, number: int, network: str, hospital: str) -> None:
    """The title and the parties."""
    title = document.add_heading("Sixième avenant à la convention entre le Comité de", 0)
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    document.add_heading(
        f"l’assurance soins de santé de l’INAMI et le réseau « {network} » (n° {number:04d})",
        level=1,
    )
    document.add_paragraph("Entre, d’une part,")
    document.add_paragraph(
        "le Comité de l’assurance soins de santé de l’Institut national d’assurance "
        "maladie-invalidité, institué auprès du Service des soins de santé, avenue Galilée 5/01 "
        "à 1210 Bruxelles, ci-après dénommé « le Comité » ;"
    )
    document.add_paragraph("et, d’autre part,")
    document.add_paragraph(
        f"le réseau « {network} », représenté par {hospital}, hôpital désigné comme "
        "représentant du réseau pour la présente convention, ci-après dénommé « le réseau » ;"
    )
    document.add_paragraph("il est convenu ce qui suit :")


def _add_articles(document: Document, rng: random.Random) -> None:
    """Six articles of one or two paragraphs."""
    for article in range(1, 7):
        document.add_heading(f"Article {article}", level=2)
        for paragraph in range(1, rng.randint(1, 2) + 1):
            document.add_paragraph(
                f"§ {paragraph}. Le réseau veille à ce que les psychologues cliniciens et "
                "orthopédagogues cliniciens conventionnés dispensent les séances de "
                "fonctions psychologiques de première ligne et de traitement spécialisé "
                "aux bénéficiaires visés à l’article 4, dans le respect des modalités "
                "prévues à l’annexe 1. Les séances ont lieu en cabinet, dans un lieu de "
                "la communauté (outreach) ou, à titre exceptionnel, par vidéoconsultation ; "
                "le réseau en assure l’enregistrement et la facturation trimestrielle."
            )


def _add_annex(document: Document, rng: random.Random) -> None:
    """Annex 1: a table of 46 billing pseudocodes."""
    document.add_heading("Annexe 1 – Pseudocodes de facturation", level=1)
    table = document.add_table(rows=1, cols=4)
    table.style = "Table Grid"
    for cell, text in zip(
        table.rows[0].cells, ("Pseudocode", "Prestation", "Lieu", "Honoraire"), strict=True
    ):
        cell.text = text
    for index in range(46):
        row = table.add_row().cells
        row[0].text = str(794010 + 11 * index)
        row[1].text = rng.choice(
            ["Séance individuelle", "Séance de groupe", "Première séance", "Bilan"]
        )
        row[2].text = rng.choice(["cabinet", "outreach", "vidéo"])
        row[3].text = f"{rng.randint(20, 95)},{rng.choice(['00', '50'])} €"


def _add_signatures(document: Document, network: str, hospital: str) -> None:
    document.add_paragraph()
    document.add_paragraph(
        "Fait à Bruxelles, en trois exemplaires, chaque partie reconnaissant avoir reçu le sien."
    )
    for party in ("Pour le Comité", f"Pour le réseau {network}", f"Pour {hospital}"):
        document.add_paragraph(party)


def naive_convert(soffice: str, source: Path, out_dir: Path) -> None:
    """The naive way: a new LibreOffice, on a new profile, for one document."""
    with tempfile.TemporaryDirectory(prefix="naive-profile-") as profile:
        subprocess.run(
            [
                soffice,
                f"-env:UserInstallation={Path(profile).as_uri()}",
                "--headless",
                "--convert-to",
                "pdf",
                "--outdir",
                str(out_dir),
                str(source),
            ],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            check=True,
            timeout=300,
        )
    if not (out_dir / f"{source.stem}.pdf").is_file():
        raise ConventioError(f"the naive conversion of {source} made no PDF")


def soffice_version(soffice: str) -> str:
    with tempfile.TemporaryDirectory(prefix="version-profile-") as profile:
        done = subprocess.run(
            [soffice, f"-env:UserInstallation={Path(profile).as_uri()}", "--version"],
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
    return done.stdout.strip() or "unknown"


@dataclass(frozen=True)
class Timings:
    """What was measured: the naive way on a sample, convert_many on all documents."""

    documents: int
    sample: int
    naive_seconds: float
    fast_seconds: float
    workers: int
    batch_size: int


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    try:
        soffice = find_soffice()
    except ConventioError as exc:
        print(exc, file=sys.stderr)
        return 2
    workers = args.workers or default_workers()
    print_machine(soffice)
    root = Path(tempfile.mkdtemp(prefix="conventio-pdf-bench-"))
    try:
        print_comparison(measure(args, soffice, workers, root))
    except ConventioError as exc:
        print(exc, file=sys.stderr)
        return 1
    finally:
        if args.keep:
            print(f"files kept in {root}")
        else:
            shutil.rmtree(root, ignore_errors=True)
    return 0


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=500, help="documents to convert (500)")
    parser.add_argument("--sample", type=int, default=20, help="documents for the naive way")
    parser.add_argument("--workers", type=int, default=None, help="default: one per CPU")
    parser.add_argument("--batch-size", type=int, default=50)
    parser.add_argument("--keep", action="store_true", help="keep the files (path printed)")
    args = parser.parse_args(argv)
    if args.n < 1 or args.sample < 1:
        parser.error("--n and --sample must be at least 1")
    return args


def print_machine(soffice: str) -> None:
    print(f"platform     {platform.platform()}")
    print(f"cpu          {platform.processor() or platform.machine()}")
    print(f"cpu count    {os.cpu_count()} (usable: {default_workers()})")
    print(f"python       {platform.python_version()}")
    print(f"soffice      {soffice}: {soffice_version(soffice)}")


def measure(args: argparse.Namespace, soffice: str, workers: int, root: Path) -> Timings:
    """Write the documents into `root`, then time both ways of converting them."""
    sources = write_amendments(root / "docx", args.n)
    sample = sources[: min(args.sample, args.n)]
    naive_seconds = time_naive(soffice, sample, root / "naive")
    print_pages(root / "naive" / f"{sample[0].stem}.pdf")
    fast_seconds = time_convert_many(sources, root / "pdf", workers, args.batch_size)
    return Timings(args.n, len(sample), naive_seconds, fast_seconds, workers, args.batch_size)


def write_amendments(folder: Path, n: int) -> list[Path]:
    """N amendments as DOCX in `folder` (the time is printed, not compared)."""
    folder.mkdir()
    started = time.perf_counter()
    sources = []
    for number in range(n):
        path = folder / f"avenant-{number:05d}.docx"
        make_amendment(path, number)
        sources.append(path)
    made = time.perf_counter() - started
    print(f"\n{n} DOCX written in {made:.1f} s (not timed below)")
    return sources


def time_naive(soffice: str, sample: list[Path], out_dir: Path) -> float:
    """Seconds the naive way takes on the sample, one document after the other."""
    out_dir.mkdir()
    started = time.perf_counter()
    for source in sample:
        naive_convert(soffice, source, out_dir)
    return time.perf_counter() - started


def print_pages(pdf: Path) -> None:
    """The pages of one converted document (checked to be a sound PDF)."""
    pages = check_pdf(pdf.read_bytes(), pdfa=None)
    print(f"pages        {pages} per document")


def time_convert_many(sources: list[Path], out_dir: Path, workers: int, batch_size: int) -> float:
    """Seconds convert_many takes on all the documents (PDF/A-2b, each checked)."""
    started = time.perf_counter()
    result = convert_many(sources, out_dir, workers=workers, batch_size=batch_size)
    seconds = time.perf_counter() - started
    assert len(result) == len(sources)
    return seconds


def print_comparison(timings: Timings) -> None:
    n = timings.documents
    naive_per_doc = timings.naive_seconds / timings.sample
    naive_rate = 1 / naive_per_doc
    fast_rate = n / timings.fast_seconds
    ratio = fast_rate / naive_rate
    print()
    print(
        f"a) naive, one soffice per document: {timings.sample} documents in "
        f"{timings.naive_seconds:.1f} s = {naive_per_doc:.3f} s/doc = {naive_rate:.2f} docs/s; "
        f"extrapolated to {n}: {naive_per_doc * n:.0f} s"
    )
    print(
        f"b) convert_many, {timings.workers} worker(s), batches of up to {timings.batch_size}, "
        f"PDF/A-2b, checked: {n} documents in {timings.fast_seconds:.1f} s = "
        f"{timings.fast_seconds / n:.3f} s/doc = {fast_rate:.2f} docs/s"
    )
    verdict = "PASS" if ratio >= TARGET_RATIO else "FAIL"
    print(f"ratio        {ratio:.1f}x faster (target >= {TARGET_RATIO:.0f}x): {verdict}")


if __name__ == "__main__":
    sys.exit(main())
