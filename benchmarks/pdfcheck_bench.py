"""How long checking one returned signed PDF takes: check_returned on two signatures.

Run from the repository root:

    python -m benchmarks.pdfcheck_bench               # best of 10
    python -m benchmarks.pdfcheck_bench --n 30
    python -m benchmarks.pdfcheck_bench --issued out/issued/.../net-01.fr.pdf

It makes (not timed) the sixth amendment as issued to network net-01 (DOCX, then
PDF/A with LibreOffice, identity and signature fields, as `conventio generate` does;
or takes the issued PDF given with --issued), has the sample CA of
signatures/samples/signing_ca.py sign it for the network, then for the hospital with a time-stamp,
and writes the trusted root to a folder. Then it times, N times:

a) import and verify: read the returned file and the issued one from disk,
   `load_trust_roots(folder)`, `check_returned(...)`, in this process (the modules
   already imported): best of N, median, and the worst run. Target: best under 500 ms;
   PASS/FAIL.
b) for information: the same in a new Python process, which also pays for importing
   pyHanko (best of 3), and the import of `signatures.pdfcheck` alone.

The exit code is non-zero if the check does not accept the signed file (a correctness
failure), whatever the timings.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if __package__ in (None, ""):  # run as a script: python benchmarks/pdfcheck_bench.py
    sys.path.insert(0, str(ROOT))

from benchmarks.machine import print_machine  # noqa: E402
from generator.errors import ConventioError  # noqa: E402
from signatures.pdfcheck import ACCEPTED, check_returned, load_trust_roots  # noqa: E402
from signatures.samples.signing_ca import sign_field, signing_ca  # noqa: E402

#: the best time must be below this
TARGET_SECONDS = 0.5
SIXTH = "inami-network-2021/avenant-06"
ROLES = ("committee", "network", "hospital")

COLD = """
import sys, time
started = time.perf_counter()
from pathlib import Path
from signatures.pdfcheck import check_returned, load_trust_roots
imported = time.perf_counter()
folder, issued, returned = (Path(p) for p in sys.argv[1:4])
result = check_returned(
    issued.read_bytes(), returned.read_bytes(), load_trust_roots(folder), sys.argv[4].split(",")
)
done = time.perf_counter()
assert result.verdict == "accepted", result.reason
print(imported - started, done - started)
"""


def issue(folder: Path) -> bytes:
    from generator.corpus.loader import load_corpus
    from generator.generation.batch import generate
    from generator.parties.check import load_parties

    parties = load_parties(ROOT / "examples" / "parties.yaml")
    result = generate(
        load_corpus(), SIXTH, parties, folder, only={"net-01"}, formats=("pdf",), lang="fr"
    )
    (entry,) = result.entries
    return (result.out_dir / entry.files["pdf"]["path"]).read_bytes()


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms"


class Failed(Exception):
    """A run that cannot go on: the message to print and the exit code."""

    def __init__(self, message: str, code: int = 1):
        super().__init__(message)
        self.code = code


def signed_files(folder: Path, issued: bytes) -> tuple[Path, Path, Path]:
    """The issued PDF and its copy signed for the network, then for the hospital with a
    time-stamp, written into `folder`, with the trust folder of the sample CA."""
    ca = signing_ca()
    signed = sign_field(issued, "sig_network", ca.signer("network"))
    signed = sign_field(signed, "sig_hospital", ca.signer("hospital"), timestamp=True)
    trust = ca.write_trust_folder(folder / "trust")
    issued_path, returned_path = folder / "issued.pdf", folder / "returned.pdf"
    issued_path.write_bytes(issued)
    returned_path.write_bytes(signed)
    print(
        f"document     {len(issued):,} bytes issued, {len(signed):,} bytes returned "
        "(2 signatures, the second time-stamped)"
    )
    return trust, issued_path, returned_path


def in_process(trust: Path, issued: Path, returned: Path, n: int) -> list[float]:
    """Seconds taken by each of `n` imports and checks, in this process."""
    times = []
    for _ in range(n):
        started = time.perf_counter()
        result = check_returned(
            issued.read_bytes(), returned.read_bytes(), load_trust_roots(trust), ROLES
        )
        times.append(time.perf_counter() - started)
        if result.verdict != ACCEPTED:
            raise Failed(f"the signed file was not accepted: {result.reason}")
    return times


def in_new_processes(trust: Path, issued: Path, returned: Path) -> tuple[list, list]:
    """Seconds to import signatures.pdfcheck, and to import and check, in 3 new processes."""
    imports, cold = [], []
    for _ in range(3):
        done = subprocess.run(
            [sys.executable, "-c", COLD, trust, issued, returned, ",".join(ROLES)],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=False,
        )
        if done.returncode != 0:
            raise Failed(f"the check in a new process failed:\n{done.stderr}")
        imported, total = (float(v) for v in done.stdout.split())
        imports.append(imported)
        cold.append(total)
    return imports, cold


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=10, help="timed runs (10)")
    parser.add_argument("--issued", type=Path, help="an issued PDF (default: generate one)")
    args = parser.parse_args(argv)
    if args.n < 1:
        parser.error("--n must be at least 1")

    print_machine()

    with tempfile.TemporaryDirectory(prefix="conventio-pdfcheck-bench-") as tmp:
        root = Path(tmp)
        try:
            try:
                issued = args.issued.read_bytes() if args.issued else issue(root / "out")
            except (ConventioError, OSError) as exc:
                raise Failed(str(exc), code=2) from None
            files = signed_files(root, issued)
            times = in_process(*files, args.n)
            imports, cold = in_new_processes(*files)
        except Failed as failure:
            print(failure, file=sys.stderr)
            return failure.code

    best = min(times)
    verdict = "PASS" if best < TARGET_SECONDS else "FAIL"
    print()
    print(
        f"a) import and verify, in process: best of {args.n} {ms(best)}, median "
        f"{ms(statistics.median(times))}, worst {ms(max(times))} "
        f"(target < {ms(TARGET_SECONDS)}): {verdict}"
    )
    print(
        f"b) in a new Python process (information): best of 3 {ms(min(cold))}, of which "
        f"importing signatures.pdfcheck (pyHanko) {ms(min(imports))}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
