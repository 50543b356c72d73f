"""Files conventio writes get the permissions the user's umask gives: texts,
documents, manifests, the folders that hold them and the register's stored
files, under a real umask in a real `conventio` process."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support.paths import ROOT

EXAMPLES = ROOT / "examples" / "parties.yaml"
SIXTH = "inami-network-2021/avenant-06"

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")


def conventio(umask: int, *args: str | Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "generator.cli", *map(str, args)],
        capture_output=True,
        text=True,
        preexec_fn=lambda: os.umask(umask),
        timeout=600,
        check=False,
    )


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.mark.parametrize(
    ("umask", "file_mode", "folder_mode"), [(0o002, 0o664, 0o775), (0o022, 0o644, 0o755)]
)
def test_outputs_and_stored_files_follow_the_umask(tmp_path, umask, file_mode, folder_mode):
    out = tmp_path / "out"
    built = conventio(
        umask,
        "build",
        "--out",
        out,
        "--parties",
        EXAMPLES,
        "--network",
        "net-01",
        "--format",
        "docx",
        "--lang",
        "fr",  # the README's main job: the corpus holds only French
    )
    assert built.returncode == 0, built.stderr
    texts = sorted(p for p in (out / "texts").rglob("*") if p.is_file())
    issued = out / "issued" / SIXTH
    documents = sorted(p for p in (out / "issued").rglob("*") if p.is_file())
    assert texts and len(documents) > 32
    assert {p.name for p in documents} >= {"manifest.json", "manifest.csv", "net-01.fr.docx"}
    assert {(p.relative_to(out).as_posix(), mode(p)) for p in [*texts, *documents]} == {
        (p.relative_to(out).as_posix(), file_mode) for p in [*texts, *documents]
    }
    folders = [p for p in out.rglob("*") if p.is_dir()]
    assert issued in folders
    assert {(p.name, mode(p)) for p in folders} == {(p.name, folder_mode) for p in folders}

    # the register's stored copies: a folder shared by a group must stay usable by it
    store = tmp_path / "store"
    recorded = conventio(
        umask,
        "signatures",
        "issue",
        issued,
        "--parties",
        EXAMPLES,
        "--register",
        tmp_path / "register.sqlite",
        "--store",
        store,
    )
    assert recorded.returncode == 0, recorded.stderr
    stored = [p for p in store.rglob("*") if p.is_file()]
    assert len(stored) >= 33  # 32 documents and the manifest
    assert {mode(p) for p in stored} == {file_mode}
    assert {mode(p) for p in store.rglob("*") if p.is_dir()} == {folder_mode}


def test_an_output_file_written_by_show_follows_the_umask(tmp_path):
    target = tmp_path / "deep" / "v.html"
    shown = conventio(
        0o002,
        "show",
        "network-provider-2021",
        "--at",
        "2023-09-01",
        "--format",
        "html",
        "-o",
        target,
    )
    assert shown.returncode == 0, shown.stderr
    assert mode(target) == 0o664
    assert mode(target.parent) == 0o775
