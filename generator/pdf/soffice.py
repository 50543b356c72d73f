"""Finding LibreOffice and running it: one `soffice --convert-to` run over a
batch of DOCX files, under a time limit, killed with everything it started
when it takes too long (see `generator.pdf.libreoffice` for the batches)."""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from generator.errors import ConventioError

#: environment variable naming the soffice program to use
SOFFICE_ENV = "CONVENTIO_SOFFICE"
#: `--convert-to` argument: Writer's PDF export, PDF/A-2b (SelectPdfVersion 2), the
#: DOCX bookmarks as named destinations (where `finish()` puts each role's signature
#: field: the bookmark sig_<role> of the template, docs/templates.md)
PDFA_2B_EXPORT = (
    'pdf:writer_pdf_Export:{"SelectPdfVersion":{"type":"long","value":"2"},'
    '"ExportBookmarksToPDFDestination":{"type":"boolean","value":"true"}}'
)
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


@dataclass
class SofficeRun:
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


class SofficePool:
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

    def run_soffice(self, profile: Path, inputs: list[Path], outdir: Path) -> SofficeRun:
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
                    return SofficeRun(None, 0.0, limit, "stopped")
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
        return SofficeRun(returncode, time.monotonic() - started, limit, _messages(text))

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
