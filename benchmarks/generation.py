"""How fast conventio makes 500 personalised amendments, against the naive way.

Run from the repository root:

    python -m benchmarks.generation             # DOCX and PDF, 500 documents
    python -m benchmarks.generation --no-pdf    # DOCX only
    python -m benchmarks.generation --n 200 --pdf-sample 10

The documents are the amendment to the network-provider convention
(network-provider-2021/avenant-2023-09) for the example providers, repeated
with new ids up to N. On the same machine, in the same run:

a) DOCX: `generate(...)` against the naive loop, a new docxtpl DocxTemplate per
   document, rendered with that document's full context and saved (the
   contexts are built beforehand and not timed: the naive way is given that).
   Every naive document's text is compared with conventio's (target: at least
   10 times the naive throughput, identical text);
b) PDF: conventio's PDF step (LibreOffice fed in batches by one worker per
   CPU, then identity and signature fields) on the N DOCX files, against one
   `soffice --convert-to pdf` process per document, timed on a sample and
   extrapolated (target: at least 5 times).
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import sys
import tempfile
import time
import zipfile
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import jinja2
from docxtpl import DocxTemplate

from generator.corpus.loader import load_corpus
from generator.generation.batch import default_templates_dir, generate
from generator.generation.copies import Renderer
from generator.generation.docx_engine import document_text
from generator.generation.languages import template_path
from generator.generation.sentinels import SENTINEL_RE
from generator.generation.slots import unit_slot_values
from generator.generation.units import document_spec, units_for
from generator.parties.check import load_parties
from generator.parties.register import build_register

ROOT = Path(__file__).resolve().parents[1]
DOCUMENT = "network-provider-2021/avenant-2023-09"
DOCX_TARGET, PDF_TARGET = 10.0, 5.0


def parties_for(n: int):
    """The example parties, providers repeated with new ids until N documents."""
    examples = load_parties(ROOT / "examples" / "parties.yaml")
    entries = [(p, None) for p in examples.all()]
    documents = sum(len(p.networks) for p in examples.providers)
    round_ = 0
    while documents < n:
        round_ += 1
        for provider in examples.providers:
            if documents >= n:
                break
            entries.append((provider.model_copy(update={"id": f"{provider.id}-{round_}"}), None))
            documents += len(provider.networks)
    return build_register(entries, f"examples x{round_ + 1}")


def naive_contexts(corpus, parties, manifest_entries) -> list[tuple[Path, dict, str]]:
    """For each document, the full context with real values (what a naive
    tool would pass to docxtpl), and the name of conventio's copy."""
    spec = document_spec(corpus, DOCUMENT)
    renderer = Renderer(
        corpus,
        spec,
        template_path(default_templates_dir(), spec, "fr"),
        "fr",
        corpus.get(DOCUMENT).dates.issued,
    )
    from generator.generation.context import template_context

    by_party = {e.party: e for e in manifest_entries}
    contexts = []
    cache: dict = {}
    for unit in units_for(spec, parties):
        key = (unit.variants, unit.roles(spec))
        if key not in cache:
            cache[key] = template_context(corpus, spec, *key, "fr", renderer.date)
        entry = by_party[unit.party_id]
        values = {
            **unit_slot_values(unit, parties, "fr"),
            "doc.id": entry.document_id,
            "doc.content_hash": entry.content_hash,
            "doc.reference": f"{DOCUMENT} · {unit.party_id} · {entry.content_hash[:12]}",
        }

        def real(value, values=values):
            if isinstance(value, str):
                return SENTINEL_RE.sub(lambda m: _value(values, m.group(1)), value)
            if isinstance(value, list):
                return [real(v) for v in value]
            if isinstance(value, dict):
                return {k: real(v) for k, v in value.items()}
            return value

        contexts.append((renderer.template, real(cache[key]), entry.files["docx"]["path"]))
    return contexts


def _footnotes_as_word_notes(path: Path) -> None:
    """What every copy gets after docxtpl: the corpus's notes as Word footnotes
    (generator/ooxml/footnotes.py), so both ways make the same document."""
    from generator.ooxml.footnotes import with_real_footnotes

    with zipfile.ZipFile(path) as archive:
        entries = {name: archive.read(name) for name in archive.namelist()}
    entries = with_real_footnotes(entries)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries.items():
            archive.writestr(name, data)


def _value(values: dict[str, str], slot: str) -> str:
    """A slot's value; the network's name after a phrase as the copy prints it."""
    from generator.generation.name_joins import joined_values

    return values[slot] if slot in values else joined_values(values, [slot])[slot]


def body_text(path: Path) -> str:
    with zipfile.ZipFile(path) as archive:
        return document_text(archive.read("word/document.xml").decode("utf-8"))


def docx_benchmark(n: int, work: Path) -> tuple[float, float, Path, list]:
    corpus = load_corpus()
    parties = parties_for(n)
    began = time.perf_counter()
    result = generate(corpus, DOCUMENT, parties, work / "conventio", lang="fr")
    fast = time.perf_counter() - began
    contexts = naive_contexts(corpus, parties, result.entries)
    naive_dir = work / "naive"
    naive_dir.mkdir()
    began = time.perf_counter()
    for template, context, name in contexts:
        document = DocxTemplate(str(template))
        document.render(context, jinja2.Environment(autoescape=True))
        document.save(str(naive_dir / name))
        _footnotes_as_word_notes(naive_dir / name)
    naive = time.perf_counter() - began
    differing = [
        name
        for _, _, name in contexts
        if body_text(naive_dir / name) != body_text(result.out_dir / name)
    ]
    assert not differing, f"the naive documents differ from conventio's: {differing[:5]}"
    return fast, naive, result.out_dir, result.entries


def pdf_benchmark(docx_dir: Path, entries, sample: int, work: Path) -> tuple[float, float, int]:
    from benchmarks.pdf_bench import naive_convert
    from generator.pdf.finish import finish
    from generator.pdf.libreoffice import convert_many, find_soffice

    soffice = find_soffice()
    paths = [docx_dir / e.files["docx"]["path"] for e in entries]
    began = time.perf_counter()
    converted = convert_many(paths, work / "pdf")
    for entry, path in zip(entries, paths, strict=True):
        finish(
            converted[path].read_bytes(),
            document_id=entry.document_id,
            content_hash=entry.content_hash,
            signing_roles=["provider", "network", "hospital"],
        )
    fast = time.perf_counter() - began
    naive_dir = work / "pdf-naive"
    naive_dir.mkdir()
    began = time.perf_counter()
    for path in paths[:sample]:
        naive_convert(soffice, path, naive_dir)
    naive_per_document = (time.perf_counter() - began) / sample
    return fast, naive_per_document * len(paths), sample


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=500)
    parser.add_argument("--pdf-sample", type=int, default=20)
    parser.add_argument("--no-pdf", action="store_true")
    args = parser.parse_args(argv)
    print(f"conventio generation benchmark: {args.n} documents of {DOCUMENT}")
    print(
        f"machine: {platform.platform()}, {os.cpu_count()} CPU(s), Python "
        f"{platform.python_version()}\n"
    )
    work = Path(tempfile.mkdtemp(prefix="conventio-bench-"))
    try:
        fast, naive, docx_dir, entries = docx_benchmark(args.n, work)
        n = len(entries)
        ratio = naive / fast
        print(f"DOCX conventio  {n / fast:8.1f} documents/s  ({fast:6.2f} s for {n})")
        print(
            f"DOCX naive      {n / naive:8.1f} documents/s  ({naive:6.2f} s for {n}; "
            "a DocxTemplate per document)"
        )
        print(
            f"DOCX ratio      x{ratio:.1f}  (target x{DOCX_TARGET:.0f}) "
            f"{'PASS' if ratio >= DOCX_TARGET else 'FAIL'}; text identical in all {n}\n"
        )
        if not args.no_pdf:
            fast, naive, sample = pdf_benchmark(docx_dir, entries, args.pdf_sample, work)
            ratio = naive / fast
            print(f"PDF  conventio  {n / fast:8.2f} documents/s  ({fast:6.1f} s for {n})")
            print(
                f"PDF  naive      {n / naive:8.2f} documents/s  ({naive:6.1f} s for {n}, "
                f"extrapolated from {sample} documents, one soffice per document)"
            )
            print(
                f"PDF  ratio      x{ratio:.1f}  (target x{PDF_TARGET:.0f}) "
                f"{'PASS' if ratio >= PDF_TARGET else 'FAIL'}"
            )
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
