"""Accept or reject every tracked change of DOCX files with a real LibreOffice.

`accept_and_reject(docx_files, work)` starts one headless soffice, on a private
profile that holds a Basic macro, and has it, for each DOCX: load it hidden,
dispatch ``.uno:AcceptAllTrackedChanges`` and save the result as UTF-8 text;
load it again, dispatch ``.uno:RejectAllTrackedChanges`` and save that too. It
returns, per file, the two texts as lists of lines (one line per paragraph,
table cells one per line, row by row).

Failures are loud: no soffice, a run that exceeds its time limit (its whole
process group is killed), a document the macro could not load or export (the
macro writes the Basic error next to the missing output), or a document whose
tracked changes survived (the macro counts the redlines left after each
dispatch and reports any).
"""

from __future__ import annotations

import contextlib
import html
import os
import shutil
import signal
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

from generator.pdf.libreoffice import find_soffice

#: seconds for LibreOffice to start plus, per document, to accept, reject and export
STARTUP_TIMEOUT = 90.0
PER_DOCUMENT_TIMEOUT = 10.0

_MACRO = r"""
Sub RunAll(inDir As String, outDir As String)
    Dim name As String
    Dim names(999) As String
    Dim count As Integer
    count = 0
    name = Dir(inDir & "/*.docx", 0)
    Do While name <> ""
        names(count) = name
        count = count + 1
        name = Dir()
    Loop
    Dim i As Integer
    For i = 0 To count - 1
        Process(inDir & "/" & names(i), outDir & "/" & names(i), "accept")
        Process(inDir & "/" & names(i), outDir & "/" & names(i), "reject")
    Next i
    WriteFile(outDir & "/done", "ok")
    StarDesktop.terminate()
End Sub

Sub Process(inPath As String, outBase As String, mode As String)
    On Error GoTo Failed
    Dim doc As Object
    Dim loadArgs(1) As New com.sun.star.beans.PropertyValue
    loadArgs(0).Name = "Hidden"
    loadArgs(0).Value = True
    loadArgs(1).Name = "FilterName"
    loadArgs(1).Value = "MS Word 2007 XML"
    doc = StarDesktop.loadComponentFromURL(ConvertToURL(inPath), "_blank", 0, loadArgs())
    If IsNull(doc) Then
        WriteFile(outBase & "." & mode & ".err", "could not load " & inPath)
        Exit Sub
    End If
    Dim before As Long
    before = doc.getRedlines().getCount()
    doc.RecordChanges = False
    Dim dispatcher As Object
    dispatcher = createUnoService("com.sun.star.frame.DispatchHelper")
    Dim noArgs() As New com.sun.star.beans.PropertyValue
    Dim command As String
    If mode = "accept" Then
        command = ".uno:AcceptAllTrackedChanges"
    Else
        command = ".uno:RejectAllTrackedChanges"
    End If
    dispatcher.executeDispatch(doc.getCurrentController().getFrame(), command, "", 0, noArgs())
    Dim after As Long
    after = doc.getRedlines().getCount()
    Dim storeArgs(1) As New com.sun.star.beans.PropertyValue
    storeArgs(0).Name = "FilterName"
    storeArgs(0).Value = "Text (encoded)"
    storeArgs(1).Name = "FilterOptions"
    storeArgs(1).Value = "UTF8,LF"
    doc.storeToURL(ConvertToURL(outBase & "." & mode & ".txt"), storeArgs())
    doc.close(True)
    WriteFile(outBase & "." & mode & ".count", before & " " & after)
    Exit Sub
Failed:
    WriteFile(outBase & "." & mode & ".err", "Basic error " & Err & " at line " & Erl _
        & ": " & Error$)
    On Error Resume Next
    If Not IsNull(doc) Then doc.close(True)
End Sub

Sub WriteFile(path As String, text As String)
    Dim n As Integer
    n = FreeFile()
    Open path For Output As #n
    Print #n, text
    Close #n
End Sub
"""

_DOCTYPE = '<!DOCTYPE {kind} PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "{dtd}">'
_LIB_NS = 'xmlns:library="http://openoffice.org/2000/library"'
_XLINK_NS = 'xmlns:xlink="http://www.w3.org/1999/xlink"'


class LibreOfficeFailed(AssertionError):
    """LibreOffice did not produce what was asked for; the message says why."""


def _profile_files() -> dict[str, str]:
    head = '<?xml version="1.0" encoding="UTF-8"?>\n'
    files: dict[str, str] = {}
    for kind in ("script", "dialog"):
        files[f"user/basic/{kind}.xlc"] = (
            head + _DOCTYPE.format(kind="library:libraries", dtd="libraries.dtd") + "\n"
            f"<library:libraries {_LIB_NS} {_XLINK_NS}>"
            f'<library:library library:name="Standard" '
            f'xlink:href="$(USER)/basic/Standard/{kind}.xlb/" xlink:type="simple" '
            f'library:link="false"/></library:libraries>\n'
        )
    element = '<library:element library:name="Module1"/>'
    for kind, inner in (("script", element), ("dialog", "")):
        files[f"user/basic/Standard/{kind}.xlb"] = (
            head + _DOCTYPE.format(kind="library:library", dtd="library.dtd") + "\n"
            f'<library:library {_LIB_NS} library:name="Standard" library:readonly="false" '
            f'library:passwordprotected="false">{inner}</library:library>\n'
        )
    files["user/basic/Standard/Module1.xba"] = (
        head + _DOCTYPE.format(kind="script:module", dtd="module.dtd") + "\n"
        '<script:module xmlns:script="http://openoffice.org/2000/script" '
        'script:name="Module1" script:language="StarBasic">'
        + html.escape(_MACRO, quote=False)
        + "</script:module>\n"
    )
    return files


def make_profile(profile: Path) -> None:
    """A fresh LibreOffice user profile holding the macro (module Standard.Module1)."""
    for relative, text in _profile_files().items():
        path = profile / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def _basic_string(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


@dataclass(frozen=True)
class Outcome:
    """What LibreOffice made of one DOCX."""

    #: the text after accepting every tracked change, one line per paragraph or cell
    accepted: list[str]
    #: the text after rejecting every tracked change
    rejected: list[str]
    #: the number of tracked changes LibreOffice found in the file
    redlines: int


def accept_and_reject(docx_files: dict[str, bytes], work: Path) -> dict[str, Outcome]:
    """For each named DOCX, the text (lines) after accepting every change and
    after rejecting every change, as LibreOffice makes them."""
    for name in docx_files:
        if not name.isidentifier():
            raise ValueError(f"document names must be plain identifiers: {name!r}")
    soffice = find_soffice()
    in_dir, out_dir, profile = work / "in", work / "out", work / "profile"
    for folder in (in_dir, out_dir, profile):
        if folder.exists():
            shutil.rmtree(folder)
        folder.mkdir(parents=True)
    for name, data in docx_files.items():
        (in_dir / f"{name}.docx").write_bytes(data)
    _run_macro(soffice, profile, in_dir, out_dir, len(docx_files))
    return {name: _outcome(out_dir, name) for name in docx_files}


def _run_macro(soffice: str, profile: Path, in_dir: Path, out_dir: Path, count: int) -> None:
    """One LibreOffice, on a profile holding the macro, over every DOCX of `in_dir`."""
    base = [soffice, f"-env:UserInstallation={profile.resolve().as_uri()}"]
    # the first start creates the profile, and with it user/basic from LibreOffice's
    # own copy, replacing any put there before: so start once, then add the macro
    _run([*base, "--headless", "--terminate_after_init"], STARTUP_TIMEOUT)
    make_profile(profile)
    call = (
        "macro:///Standard.Module1.RunAll("
        f"{_basic_string(str(in_dir.resolve()))},{_basic_string(str(out_dir.resolve()))})"
    )
    command = [
        *base,
        "--headless",
        "--invisible",
        "--nologo",
        "--norestore",
        "--nolockcheck",
        call,
    ]
    timeout = STARTUP_TIMEOUT + PER_DOCUMENT_TIMEOUT * count
    output = _run(command, timeout)
    if not (out_dir / "done").exists():
        raise LibreOfficeFailed(
            "LibreOffice ended without running the macro to its end "
            f"(no {out_dir / 'done'}).\ncommand: {command}\noutput:\n{output}"
        )


def _outcome(out_dir: Path, name: str) -> Outcome:
    """What the macro wrote for the document `name`, checked."""
    texts = []
    counts = []
    for mode in ("accept", "reject"):
        base = out_dir / f"{name}.docx.{mode}"
        error = base.with_name(base.name + ".err")
        if error.exists():
            raise LibreOfficeFailed(
                f"{name}: {mode} failed: {error.read_text(errors='replace').strip()}"
            )
        before, after = base.with_name(base.name + ".count").read_text().split()
        counts.append(int(before))
        if int(after) != 0:
            raise LibreOfficeFailed(
                f"{name}: {after} of {before} tracked change(s) left after {mode}ing all"
            )
        text = base.with_name(base.name + ".txt").read_text(encoding="utf-8-sig")
        # LibreOffice puts a ZERO WIDTH JOINER in each empty cell of a tracked
        # row (to have something to track) and leaves it there when accepting
        text = text.replace("\u200d", "")
        texts.append(text.split("\n")[:-1] if text.endswith("\n") else text.split("\n"))
    return Outcome(texts[0], texts[1], counts[0])


def _run(command: list[str], timeout: float) -> str:
    env = dict(os.environ, SAL_USE_VCLPLUGIN="svp")
    started = time.monotonic()
    process = subprocess.Popen(
        command,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        stdin=subprocess.DEVNULL,
        env=env,
        start_new_session=True,
    )
    try:
        output, _ = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        output, _ = process.communicate()
        raise LibreOfficeFailed(
            f"LibreOffice did not finish within {timeout:g} s and was killed.\n"
            f"command: {command}\noutput:\n{output.decode(errors='replace')}"
        ) from None
    text = output.decode(errors="replace")
    if process.returncode != 0:
        raise LibreOfficeFailed(
            f"LibreOffice exited with status {process.returncode} after "
            f"{time.monotonic() - started:.1f} s.\ncommand: {command}\noutput:\n{text}"
        )
    return text
