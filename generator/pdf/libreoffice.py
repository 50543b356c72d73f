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

import contextlib
import math
import os
import queue
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import zipfile
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from generator.errors import ConventioError
from generator.files import write_atomically
from generator.pdf.checks import InvalidPdf, check_pdf
from generator.pdf.reproducible import docx_created, docx_seed, make_reproducible

#: environment variable naming the soffice program to use
SOFFICE_ENV = "CONVENTIO_SOFFICE"
#: `--convert-to` argument: Writer's PDF export, PDF/A-2b (SelectPdfVersion 2)
PDFA_2B_EXPORT = 'pdf:writer_pdf_Export:{"SelectPdfVersion":{"type":"long","value":"2"}}'
#: LibreOffice's import filter for .docx; forcing it makes a non-DOCX fail to load
#: instead of being imported as plain text
DOCX_IMPORT_FILTER = "MS Word 2007 XML"
#: seconds allowed per run for LibreOffice to start (and create its profile)
STARTUP_TIMEOUT = 60.0

INSTALL_HINT = (
    "Install LibreOffice (Writer is enough):\n"
    "  Debian/Ubuntu: sudo apt-get install libreoffice-writer-nogui\n"
    "  macOS:         brew install --cask libreoffice\n"
    "  Windows:       the installer from https://www.libreoffice.org/download/, then set\n"
    f"                 {SOFFICE_ENV}=C:\\Program Files\\LibreOffice\\program\\soffice.exe\n"
    f"or set {SOFFICE_ENV} to the path of the soffice program.\n"
    "Generating DOCX documents works without LibreOffice; only PDF conversion needs it."
)

_KNOWN_PLACES = (
    "/Applications/LibreOffice.app/Contents/MacOS/soffice",
    r"C:\Program Files\LibreOffice\program\soffice.exe",
    r"C:\Program Files (x86)\LibreOffice\program\soffice.exe",
)


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


def find_soffice() -> str:
    """The soffice program to run: $CONVENTIO_SOFFICE, else soffice or libreoffice on
    the PATH, else the usual install places on macOS and Windows."""
    configured = os.environ.get(SOFFICE_ENV, "").strip()
    if configured:
        found = shutil.which(configured)
        if found is None:
            raise ConventioError(
                f"{SOFFICE_ENV} is set to {configured!r}, which is not an executable "
                f"program. LibreOffice is needed to make PDFs.\n{INSTALL_HINT}"
            )
        return found
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    for place in _KNOWN_PLACES:
        if os.path.isfile(place) and os.access(place, os.X_OK):
            return place
    raise ConventioError(
        "LibreOffice was not found (no soffice or libreoffice program on the PATH); "
        f"it is needed to make PDFs.\n{INSTALL_HINT}"
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


@dataclass
class _Run:
    """How one soffice run ended."""

    returncode: int | None  # None: killed for taking too long
    seconds: float
    limit: float
    messages: str  # what it printed on stderr, less known noise

    @property
    def clean(self) -> bool:
        return self.returncode == 0

    def describe(self) -> str:
        if self.returncode is None:
            return f"LibreOffice took too long (killed after {self.seconds:.0f} s)"
        if self.returncode != 0:
            detail = f": {self.messages}" if self.messages else ""
            return f"LibreOffice failed (exit status {self.returncode}){detail}"
        return f"LibreOffice could not convert it: {self.messages or 'no output, no message'}"


_NOISE = ("javaldx", "java may not function", "Overwriting:")


def _messages(stderr: str) -> str:
    lines = [line.strip() for line in stderr.splitlines()]
    kept = [line for line in lines if line and not any(n in line for n in _NOISE)]
    # the same message once per failed file says nothing more
    return "; ".join(dict.fromkeys(kept))[:500]


def _kill_group(proc: subprocess.Popen) -> None:
    """Kill soffice and everything it started (it runs in its own process group)."""
    if sys.platform == "win32":
        subprocess.run(
            ["taskkill", "/F", "/T", "/PID", str(proc.pid)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            check=False,
        )
        proc.kill()
        return
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(proc.pid, signal.SIGKILL)


def _has_exited(proc: subprocess.Popen) -> bool:
    """Whether the process has exited, without reaping it where the platform allows,
    so that its process-group id cannot be reused before we kill the group."""
    if hasattr(os, "waitid"):
        try:
            info = os.waitid(os.P_PID, proc.pid, os.WEXITED | os.WNOHANG | os.WNOWAIT)
        except ChildProcessError:
            return True
        return info is not None and info.si_pid != 0
    return proc.poll() is not None


class _Pool:
    """Workers converting batches; each owns one LibreOffice profile."""

    def __init__(self, soffice: str, per_document: float, startup: float):
        self.soffice = soffice
        self.per_document = per_document
        self.startup = startup
        self.stopping = threading.Event()
        self.running: set[subprocess.Popen] = set()
        self.lock = threading.Lock()

    def kill_all(self) -> None:
        self.stopping.set()
        with self.lock:
            for proc in list(self.running):
                _kill_group(proc)

    def run_soffice(self, profile: Path, inputs: list[Path], outdir: Path) -> _Run:
        """One soffice --convert-to run over `inputs`, killed if it takes too long."""
        outdir.mkdir(parents=True, exist_ok=True)
        command = [
            self.soffice,
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--invisible",
            "--norestore",
            "--nologo",
            "--nodefault",
            "--nolockcheck",
            f"--infilter={DOCX_IMPORT_FILTER}",
            "--convert-to",
            PDFA_2B_EXPORT,
            "--outdir",
            str(outdir),
            *(str(path) for path in inputs),
        ]
        limit = self.startup + self.per_document * len(inputs)
        log = outdir.parent / f"{outdir.name}.log"
        kwargs: dict = {}
        if sys.platform == "win32":
            kwargs["creationflags"] = subprocess.CREATE_NEW_PROCESS_GROUP
        else:
            kwargs["start_new_session"] = True  # its own process group, killed as one
        started = time.monotonic()
        with log.open("w+b") as stderr:
            with self.lock:
                if self.stopping.is_set():
                    return _Run(None, 0.0, limit, "stopped")
                proc = subprocess.Popen(
                    command,
                    stdin=subprocess.DEVNULL,
                    stdout=subprocess.DEVNULL,
                    stderr=stderr,
                    **kwargs,
                )
                self.running.add(proc)
            try:
                returncode = self._watch(proc, outdir, started, limit)
            finally:
                with self.lock:
                    self.running.discard(proc)
            stderr.seek(0)
            text = stderr.read().decode("utf-8", "replace")
        return _Run(returncode, time.monotonic() - started, limit, _messages(text))

    def _watch(self, proc: subprocess.Popen, outdir: Path, started: float, limit: float):
        """Wait for soffice; its exit status, or None if it had to be killed.

        Killed when the whole run exceeds `limit`, or when no new output appears for
        `per_document` seconds (after the start-up allowance for the first one)."""
        outputs = 0
        last_progress = started
        allowance = self.startup + self.per_document
        pause = 0.02
        while True:
            if _has_exited(proc):
                _kill_group(proc)  # anything it left behind would hold the profile
                return proc.wait()
            now = time.monotonic()
            count = len(os.listdir(outdir))
            if count != outputs:
                outputs, last_progress = count, now
                allowance = self.per_document
            if self.stopping.is_set() or now - started > limit or now - last_progress > allowance:
                _kill_group(proc)
                proc.wait()
                return None
            time.sleep(pause)
            pause = min(pause * 1.5, 0.25)

    def attempt(self, profile: Path, work: Path, items: list[_Item]) -> tuple[dict, _Run]:
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
        run = self.run_soffice(profile, inputs, outdir)
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


def _batches(items: list[_Item], size: int) -> list[list[_Item]]:
    return [items[i : i + size] for i in range(0, len(items), size)]


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
    failures: dict[Path, str] = {}
    items: list[_Item] = []
    for number, source in enumerate(sources):
        problem = docx_problem(source)
        if problem:
            failures[source] = problem
        else:
            items.append(_Item(number, source, targets[source]))
    finished = len(failures)
    if progress and finished:
        progress(finished)
    if not items:
        if failures:
            raise PdfConversionError(failures, converted)
        return converted

    workers = max(1, workers or default_workers())
    # batches of at most batch_size, as many for every worker, so that all finish together
    rounds = math.ceil(len(items) / (workers * batch_size))
    size = max(1, math.ceil(len(items) / (workers * rounds)))
    todo: queue.Queue[list[_Item]] = queue.Queue()
    batches = _batches(items, size)
    for batch in batches:
        todo.put(batch)
    workers = min(workers, len(batches))

    out_dir.mkdir(parents=True, exist_ok=True)
    root = Path(tempfile.mkdtemp(prefix="conventio-soffice-"))
    pool = _Pool(soffice, timeout, startup_timeout)
    events: queue.Queue[tuple] = queue.Queue()

    def work(index: int) -> None:
        home = root / f"worker-{index}"
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

    threads = [
        threading.Thread(target=work, args=(i,), name=f"soffice-{i}", daemon=True)
        for i in range(workers)
    ]
    try:
        for thread in threads:
            thread.start()
        while finished < len(sources):
            try:
                kind, item, outcome = events.get(timeout=1.0)
            except queue.Empty:
                if any(thread.is_alive() for thread in threads) or not events.empty():
                    continue
                raise RuntimeError("the PDF workers stopped before finishing") from None
            if kind == "crash":
                raise outcome
            if outcome is None:
                converted[item.source] = item.target
            else:
                failures[item.source] = outcome
            finished += 1
            if progress:
                progress(finished)
    finally:
        pool.kill_all()
        for thread in threads:
            thread.join(timeout=30)
        shutil.rmtree(root, ignore_errors=True)

    converted = {source: converted[source] for source in sources if source in converted}
    if failures:
        failures = {source: failures[source] for source in sources if source in failures}
        raise PdfConversionError(failures, converted)
    return converted


def _convert_batch(pool: _Pool, profile: Path, home: Path, batch: list[_Item]):
    """Yield (item, PDF bytes or reason) for every item of the batch.

    One run for the batch. If that run failed, timed out or made nothing at all, one
    more run for the files still without a PDF. Then one run per file still left:
    its own error, not its neighbours', is what gets reported."""
    work = home / "run"
    left = batch
    for attempt in (1, 2):
        if attempt == 2 and len(left) == 1:
            break  # the run on its own below is its retry
        results, run = pool.attempt(profile, work, left)
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
        results, run = pool.attempt(profile, work, [item])
        result = results.get(item.number)
        if isinstance(result, bytes):
            yield item, result
        elif isinstance(result, InvalidPdf):
            yield item, f"LibreOffice made an unusable PDF: {result}"
        else:
            yield item, run.describe()
    shutil.rmtree(work, ignore_errors=True)
