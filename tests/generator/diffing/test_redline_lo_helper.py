"""The helper that has a real LibreOffice accept or reject every tracked change
(tests/support/libreoffice_tracked_changes.py): its macro profile is well-formed,
and a document it cannot load or a LibreOffice that hangs fail loudly."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from lxml import etree

from generator.diffing.redline import write_redline
from tests.support import libreoffice_tracked_changes
from tests.support.libreoffice_tracked_changes import LibreOfficeFailed, accept_and_reject
from tests.support.redline_cases import AUTHOR, CASES, DATE


def test_lo_helper_writes_a_loadable_macro_profile(tmp_path: Path):
    """The macro module is well-formed XML (a broken one fails only inside LibreOffice)."""
    libreoffice_tracked_changes.make_profile(tmp_path)
    basic = tmp_path / "user" / "basic"
    written = sorted(p.relative_to(basic).as_posix() for p in basic.rglob("*.x*"))
    assert written == [
        "Standard/Module1.xba",
        "Standard/dialog.xlb",
        "Standard/script.xlb",
        "dialog.xlc",
        "script.xlc",
    ]
    parser = etree.XMLParser(load_dtd=False, no_network=True)
    parsed = {name: etree.parse(str(basic / name), parser) for name in written}
    assert "Sub RunAll(inDir As String, outDir As String)" in (
        parsed["Standard/Module1.xba"].getroot().text
    )


@pytest.mark.libreoffice
def test_lo_helper_names_a_document_libreoffice_cannot_load(tmp_path: Path):
    with pytest.raises(LibreOfficeFailed, match="broken: accept failed: could not load"):
        accept_and_reject({"broken": b"PK\x03\x04 not a DOCX"}, tmp_path)


@pytest.mark.skipif(sys.platform == "win32", reason="fake soffice: a shell script")
def test_lo_helper_kills_a_libreoffice_that_hangs(tmp_path: Path, monkeypatch):
    # a LibreOffice that hangs, with a child of its own that would print when it is done:
    # killing soffice alone, not its whole process group, lets the child print (and keeps
    # the output open until it does); not killing at all lets both print
    fake = tmp_path / "soffice"
    fake.write_text("#!/bin/sh\necho started\n(sleep 30; echo the child finished) &\nwait\n")
    fake.chmod(0o755)
    monkeypatch.setenv("CONVENTIO_SOFFICE", str(fake))
    monkeypatch.setattr(libreoffice_tracked_changes, "STARTUP_TIMEOUT", 0.5)
    with pytest.raises(
        LibreOfficeFailed, match=r"did not finish within 0\.5 s and was killed"
    ) as caught:
        accept_and_reject({"words": write_redline(CASES["words"][0], AUTHOR, DATE)}, tmp_path)
    assert "started" in str(caught.value)
    assert "the child finished" not in str(caught.value)
