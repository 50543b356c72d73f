"""DOCX to PDF/A-2b with LibreOffice, thousands of documents at a time.

Starting LibreOffice costs about a second; converting a few pages costs a
tenth of that. So documents are handed to `soffice --convert-to` in batches
(one start per batch, not per document), by a pool of workers that each keep
a private LibreOffice profile for the whole run (two soffice processes on one
profile would hand their work to each other; private profiles also make two
runs at once safe).

What can go wrong, and what is done about it:

- a file is not a DOCX: checked before LibreOffice sees it (and LibreOffice is
  told to read Word 2007+ only, so it never imports garbage as plain text);
- LibreOffice cannot load one file of a batch: it skips it and goes on; that
  file is then tried alone, so its own error message can be reported;
- LibreOffice hangs or crashes: each run has a time limit (a start-up
  allowance plus `timeout` per document, and at most `timeout` without a new
  output), after which its whole process group is killed; the files of the
  batch that have no output yet are retried once as a batch, then one by one,
  so that one bad file cannot sink the others;
- the output is not what was asked for: every PDF is read back (it must start
  with %PDF, end with %%EOF, have at least one page, and declare PDF/A-2b in
  its XMP) before it is written, atomically, to the output folder.

The dates and the /ID LibreOffice takes from the clock are replaced by values
taken from the DOCX (`generator.pdf.reproducible`): the same DOCX always gives
the same PDF bytes.

Files that still fail are listed, each with its reason, in one
PdfConversionError, after all the others have been converted.
"""

from __future__ import annotations

import math
import os
import queue
import shutil
import tempfile
import threading
import zipfile
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from generator.errors import ConventioError
from generator.files import write_atomically
from generator.pdf.checks import InvalidPdf, check_pdf
from generator.pdf.reproducible import docx_created, docx_seed, make_reproducible
from generator.pdf.soffice import STARTUP_TIMEOUT, SofficePool, SofficeRun, find_soffice


class PdfConversionError(ConventioError):
    """Some documents could not be converted; the others were.

    `failures` maps each failed DOCX to the reason; `converted` maps each
    converted DOCX to its PDF.
    """

    def __init__(self, failures: dict[Path, str], converted: dict[Path, Path]):
        self.failures = failures
        self.converted = converted
        shown = list(failures.items())[:20]
        lines = [f"{path}: {reason}" for path, reason in shown]
        if len(failures) > len(shown):
            lines.append(f"... and {len(failures) - len(shown)} more")
        total = len(failures) + len(converted)
        super().__init__(
            f"{len(failures)} of {total} document(s) could not be converted to PDF:\n"
            + "\n".join(lines)
        )


def default_workers() -> int:
    """The number of CPUs this process may run on."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return max(1, os.cpu_count() or 1)


def docx_problem(path: Path) -> str | None:
    """Why `path` is not a DOCX that LibreOffice could read, or None."""
    if not path.exists():
        return "file not found"
    if not path.is_file():
        return "not a file"
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
    except zipfile.BadZipFile:
        return "not a DOCX file: it is not a ZIP archive (damaged, or another format)"
    except OSError as exc:
        return f"cannot be read: {exc.strerror or exc}"
    if "word/document.xml" not in names:
        return "not a DOCX file: the ZIP archive has no word/document.xml"
    return None


def _check_targets(sources: Sequence[Path], out_dir: Path) -> dict[Path, Path]:
    """Each source's PDF in `out_dir` (its name with .pdf); two sources may not share one."""
    targets: dict[Path, Path] = {}
    claimed: dict[str, Path] = {}
    clashes: list[str] = []
    for source in sources:
        target = out_dir / f"{source.stem}.pdf"
        key = target.name.casefold()  # one file on case-insensitive file systems too
        if key in claimed:
            clashes.append(f"{claimed[key]} and {source} would both become {target}")
        else:
            claimed[key] = source
        targets[source] = target
    if clashes:
        raise ConventioError(
            "two documents would be written to the same PDF (rename one):\n" + "\n".join(clashes)
        )
    return targets


@dataclass
class _Item:
    number: int  # its place in the input; names the staged copy
    source: Path
    target: Path


def _attempt(
    pool: SofficePool, profile: Path, work: Path, items: list[_Item]
) -> tuple[dict, SofficeRun]:
    """Convert `items` in one run; ({item number: PDF bytes or InvalidPdf}, how it went)."""
    if work.exists():
        shutil.rmtree(work)
    staged = work / "in"
    staged.mkdir(parents=True)
    inputs = []
    for item in items:
        # a neutral name: no clash between sources of one name in two folders,
        # nothing in a name that LibreOffice could misread
        link = staged / f"{item.number:07d}.docx"
        try:
            link.symlink_to(item.source.resolve())
        except OSError:  # no symlinks (Windows without the right): copy
            shutil.copyfile(item.source, link)
        inputs.append(link)
    outdir = work / "out"
    run = pool.run_soffice(profile, inputs, outdir)
    results: dict[int, bytes | InvalidPdf] = {}
    for item in items:
        pdf = outdir / f"{item.number:07d}.pdf"
        if not pdf.exists():
            continue
        try:
            results[item.number] = _reproducible(pdf.read_bytes(), item.source)
        except InvalidPdf as exc:
            results[item.number] = exc
    return results, run


def _reproducible(data: bytes, source: Path) -> bytes:
    """LibreOffice's PDF, checked, with its clock-made values replaced by values taken
    from the DOCX (so that the same DOCX always gives the same bytes), checked again."""
    check_pdf(data)
    data = make_reproducible(data, created=docx_created(source), seed=docx_seed(source))
    check_pdf(data)
    return data


def convert_many(
    docx_paths: Iterable[Path],
    out_dir: Path,
    *,
    workers: int | None = None,
    batch_size: int = 50,
    timeout: float = 60.0,
    progress: Callable[[int], None] | None = None,
    startup_timeout: float = STARTUP_TIMEOUT,
) -> dict[Path, Path]:
    """Convert DOCX files to PDF/A-2b files in `out_dir`, named after each DOCX (x.docx
    gives x.pdf); return {docx path: pdf path}.

    `workers` LibreOffice processes run at once (default: the number of CPUs), each
    converting up to `batch_size` documents per start. `timeout` is the time allowed
    per document, on top of `startup_timeout` per LibreOffice start. `progress`, if
    given, is called in the calling thread with the number of documents finished
    (converted or failed) so far.

    Raises ConventioError before converting anything if LibreOffice is missing or two
    documents would give the same PDF; raises PdfConversionError, after converting
    all the others, if some documents could not be converted.
    """
    sources = list(dict.fromkeys(Path(p) for p in docx_paths))
    soffice = find_soffice()
    out_dir = Path(out_dir)
    targets = _check_targets(sources, out_dir)
    if batch_size < 1:
        raise ValueError("batch_size must be at least 1")
    if timeout <= 0 or startup_timeout <= 0:
        raise ValueError("timeouts must be positive")

    converted: dict[Path, Path] = {}
    items, failures = _readable(sources, targets)
    if progress and failures:
        progress(len(failures))
    if items:

        def done(item: _Item, outcome: str | None) -> None:
            if outcome is None:
                converted[item.source] = item.target
            else:
                failures[item.source] = outcome
            if progress:
                progress(len(converted) + len(failures))

        workers = max(1, workers or default_workers())
        batches = _plan(items, workers, batch_size)
        out_dir.mkdir(parents=True, exist_ok=True)
        pool = SofficePool(soffice, timeout, startup_timeout)
        _run_workers(pool, batches, min(workers, len(batches)), done)

    converted = {source: converted[source] for source in sources if source in converted}
    if failures:
        failures = {source: failures[source] for source in sources if source in failures}
        raise PdfConversionError(failures, converted)
    return converted


def _readable(sources: list[Path], targets: dict[Path, Path]) -> tuple[list[_Item], dict]:
    """The sources LibreOffice may be given, and {source: why not} for the others."""
    items: list[_Item] = []
    failures: dict[Path, str] = {}
    for number, source in enumerate(sources):
        problem = docx_problem(source)
        if problem:
            failures[source] = problem
        else:
            items.append(_Item(number, source, targets[source]))
    return items, failures


def _plan(items: list[_Item], workers: int, batch_size: int) -> list[list[_Item]]:
    """Batches of at most `batch_size`, as many for every worker, so that all finish
    together."""
    rounds = math.ceil(len(items) / (workers * batch_size))
    size = max(1, math.ceil(len(items) / (workers * rounds)))
    return [items[i : i + size] for i in range(0, len(items), size)]


def _run_workers(
    pool: SofficePool,
    batches: list[list[_Item]],
    workers: int,
    done: Callable[[_Item, str | None], None],
) -> None:
    """Convert the batches with `workers` threads, each with a LibreOffice profile of
    its own; `done(item, None or why it failed)` is called in this thread as each
    document is finished (its PDF written)."""
    todo: queue.Queue[list[_Item]] = queue.Queue()
    for batch in batches:
        todo.put(batch)
    events: queue.Queue[tuple] = queue.Queue()
    root = Path(tempfile.mkdtemp(prefix="conventio-soffice-"))
    threads = [
        threading.Thread(
            target=_work,
            args=(pool, root / f"worker-{i}", todo, events),
            name=f"soffice-{i}",
            daemon=True,
        )
        for i in range(workers)
    ]
    try:
        for thread in threads:
            thread.start()
        for _ in range(sum(len(batch) for batch in batches)):
            done(*_next_event(events, threads))
    finally:
        pool.kill_all()
        for thread in threads:
            thread.join(timeout=30)
        shutil.rmtree(root, ignore_errors=True)


def _work(pool: SofficePool, home: Path, todo: queue.Queue, events: queue.Queue) -> None:
    """One worker: takes batches until none is left, writes each PDF, and reports
    every document finished (or its own crash) through `events`."""
    profile = home / "profile"  # made by LibreOffice on its first start, then reused
    try:
        while not pool.stopping.is_set():
            try:
                batch = todo.get_nowait()
            except queue.Empty:
                return
            for item, outcome in _convert_batch(pool, profile, home, batch):
                if isinstance(outcome, bytes):
                    write_atomically(item.target, outcome)
                    outcome = None
                events.put(("done", item, outcome))
    except BaseException as exc:  # a bug here must not pass silently
        events.put(("crash", None, exc))


def _next_event(events: queue.Queue, threads: list[threading.Thread]) -> tuple[_Item, str | None]:
    """The next document a worker finished; a worker's crash raised here."""
    while True:
        try:
            kind, item, outcome = events.get(timeout=1.0)
        except queue.Empty:
            if any(thread.is_alive() for thread in threads) or not events.empty():
                continue
            raise RuntimeError("the PDF workers stopped before finishing") from None
        if kind == "crash":
            raise outcome
        return item, outcome


def _convert_batch(pool: SofficePool, profile: Path, home: Path, batch: list[_Item]):
    """Yield (item, PDF bytes or reason) for every item of the batch.

    One run for the batch. If that run failed, timed out or made nothing at all, one
    more run for the files still without a PDF. Then one run per file still left:
    its own error, not its neighbours', is what gets reported."""
    work = home / "run"
    left = batch
    for attempt in (1, 2):
        if attempt == 2 and len(left) == 1:
            break  # the run on its own below is its retry
        results, run = _attempt(pool, profile, work, left)
        still = []
        for item in left:
            result = results.get(item.number)
            if isinstance(result, bytes):
                yield item, result
            else:
                still.append(item)
        left = still
        if not left or pool.stopping.is_set() or (run.clean and results):
            # a clean run that skipped some files would skip them again
            break
    for item in left:
        if pool.stopping.is_set():
            yield item, "stopped before it was converted"
            continue
        results, run = _attempt(pool, profile, work, [item])
        result = results.get(item.number)
        if isinstance(result, bytes):
            yield item, result
        elif isinstance(result, InvalidPdf):
            yield item, f"LibreOffice made an unusable PDF: {result}"
        else:
            yield item, run.describe()
    shutil.rmtree(work, ignore_errors=True)
