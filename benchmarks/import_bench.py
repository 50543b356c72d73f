"""How long `conventio import` takes to read a document conventio generated.

Run from the repository root (LibreOffice must be installed, unless --pdf is given):

    python -m benchmarks.import_bench              # best of 5
    python -m benchmarks.import_bench --n 20
    python -m benchmarks.import_bench --pdf out/issued/.../psy-0010@net-10.fr.pdf

It makes (not timed) the provider amendment 2023-09 for provider psy-0010 as DOCX
and PDF/A, as `conventio generate` does (or takes the PDF given with --pdf), then
times, N times each, in this process:

a) reading the PDF: `read_document` (pypdf, lines, paragraphs, tables, page
   furniture) to the blocks. Target: best under 2 s; PASS/FAIL.
b) for information: reading the DOCX the PDF was made from;
c) for information: the whole import of the PDF (`import_document`: reading,
   recognising, writing the draft).

The exit code is non-zero only if a document cannot be read or made, whatever the
timings.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if __package__ in (None, ""):  # run as a script: python benchmarks/import_bench.py
    sys.path.insert(0, str(ROOT))

from benchmarks.machine import print_machine  # noqa: E402
from generator.errors import ConventioError  # noqa: E402
from generator.importing import import_document  # noqa: E402
from generator.importing.read.opening import read_document  # noqa: E402

#: the best time to read the generated PDF must be below this
TARGET_SECONDS = 2.0
AMENDMENT = "network-provider-2021/avenant-2023-09"
PROVIDER = "psy-0010"


def generate_copy(folder: Path) -> dict[str, Path]:
    """The provider amendment for one provider, as DOCX and PDF: {format: path}."""
    from generator.corpus.loader import load_corpus
    from generator.generation.batch import generate
    from generator.parties.check import load_parties

    parties = load_parties(ROOT / "examples" / "parties.yaml")
    result = generate(
        load_corpus(),
        AMENDMENT,
        parties,
        folder,
        only={PROVIDER},
        formats=("docx", "pdf"),
        lang="fr",
    )
    (entry,) = result.entries
    return {fmt: result.out_dir / info["path"] for fmt, info in entry.files.items()}


def timed(run: Callable[[], object], n: int) -> list[float]:
    """Seconds taken by each of `n` runs."""
    times = []
    for _ in range(n):
        started = time.perf_counter()
        run()
        times.append(time.perf_counter() - started)
    return times


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms"


def summary(times: list[float]) -> str:
    return (
        f"best of {len(times)} {ms(min(times))}, median {ms(statistics.median(times))}, "
        f"worst {ms(max(times))}"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=5, help="timed runs of each (5)")
    parser.add_argument("--pdf", type=Path, help="a PDF to read (default: generate one)")
    args = parser.parse_args(argv)
    if args.n < 1:
        parser.error("--n must be at least 1")

    print_machine()

    with tempfile.TemporaryDirectory(prefix="conventio-import-bench-") as tmp:
        try:
            files = {"pdf": args.pdf} if args.pdf else generate_copy(Path(tmp) / "out")
            pdf = files["pdf"]
            blocks = len(read_document(pdf).blocks)
            print(f"document     {pdf.name}: {pdf.stat().st_size:,} bytes, {blocks} blocks")
            reading = timed(lambda: read_document(pdf), args.n)
            whole = timed(lambda: import_document(pdf), args.n)
            docx = timed(lambda: read_document(files["docx"]), args.n) if "docx" in files else []
        except (ConventioError, OSError) as exc:  # UnreadableDocument is a ConventioError
            print(exc, file=sys.stderr)
            return 2

    verdict = "PASS" if min(reading) < TARGET_SECONDS else "FAIL"
    print()
    print(f"a) read the PDF: {summary(reading)} (target < {ms(TARGET_SECONDS)}): {verdict}")
    if docx:
        print(f"b) read the DOCX (information): {summary(docx)}")
    print(f"c) import the PDF, reading to draft (information): {summary(whole)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
