"""A batch folder holds one consistent set (files and the manifest that lists
them), even when `generate` is killed (SIGKILL) at the worst moment; --only
merges into the manifest; two documents never share a file. Real `conventio`
processes, real files."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import cli
from tests.support.paths import ROOT

EXAMPLES = ROOT / "examples" / "parties.yaml"
SIXTH = "inami-network-2021/avenant-06"
CONVENTION = "network-provider-2021"

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL, flock")


def generate(out: Path, *args: str) -> str:
    result = CliRunner().invoke(
        cli, ["generate", *args, "--lang", "fr", "--parties", str(EXAMPLES), "--out", str(out)]
    )
    assert result.exit_code == 0, result.output
    return result.output


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def consistent_set(folder: Path) -> dict[str, str]:
    """{party: document id} of a folder whose manifest lists exactly its documents,
    each with the right hash; fails otherwise."""
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    listed: set[str] = set()
    parties = {}
    for entry in manifest["documents"]:
        for info in entry["files"].values():
            assert sha256(folder / info["path"]) == info["sha256"], info["path"]
            listed.add(info["path"])
        parties[entry["party"]] = entry["document_id"]
    assert len(parties) == len(manifest["documents"])
    rows = list(csv.DictReader(io.StringIO((folder / "manifest.csv").read_text("utf-8"))))
    assert [r["document_id"] for r in rows] == [e["document_id"] for e in manifest["documents"]]
    documents = {p.name for p in folder.iterdir() if p.suffix in (".docx", ".pdf")}
    assert documents == listed
    return parties


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.parent.iterdir() if p.name.startswith("."))


def test_only_updates_those_parties_and_keeps_the_rest(tmp_path):
    out = tmp_path / "out"
    folder = out / SIXTH
    generate(out, SIXTH, "--only", "net-01,net-02")
    first = consistent_set(folder)
    net01 = sha256(folder / "net-01.fr.docx")
    (folder / "notes.txt").write_text("kept by the coordinator")
    (folder / "signed").mkdir()
    (folder / "signed" / "net-01.pdf").write_bytes(b"a returned copy")
    generate(out, SIXTH, "--only", "net-02,net-03")
    after = consistent_set(folder)
    assert set(first) == {"net-01", "net-02"}
    assert after == {**first, "net-03": f"{SIXTH}#net-03#fr"}
    assert sha256(folder / "net-01.fr.docx") == net01
    # the order of the earlier manifest is kept, new documents come last
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    assert [e["party"] for e in manifest["documents"]] == ["net-01", "net-02", "net-03"]
    # what someone else keeps there stays
    assert (folder / "notes.txt").read_text() == "kept by the coordinator"
    assert (folder / "signed" / "net-01.pdf").read_bytes() == b"a returned copy"
    assert leftovers(folder) == []


def test_a_whole_batch_replaces_its_series(tmp_path):
    out = tmp_path / "out"
    folder = out / SIXTH
    generate(out, SIXTH, "--only", "net-01,net-02")
    generate(out, SIXTH)
    assert set(consistent_set(folder)) == {f"net-{n:02d}" for n in range(1, 33)}


def test_coordinated_conventions_at_two_dates_are_two_files(tmp_path):
    out = tmp_path / "out"
    generate(out, CONVENTION, "--at", "2023-08-31", "--only", "psy-0001")
    generate(out, CONVENTION, "--at", "2023-09-25", "--only", "psy-0001")
    before = out / CONVENTION / "2023-08-31"
    after = out / CONVENTION / "2023-09-25"
    assert consistent_set(before) == {
        "psy-0001@net-01": f"{CONVENTION}@2023-08-31#psy-0001@net-01#fr"
    }
    assert consistent_set(after) == {
        "psy-0001@net-01": f"{CONVENTION}@2023-09-25#psy-0001@net-01#fr"
    }
    old = before / "psy-0001@net-01.2023-08-31.fr.docx"
    new = after / "psy-0001@net-01.2023-09-25.fr.docx"
    assert old.read_bytes() != new.read_bytes()


# -- killed at the worst moment ---------------------------------------------------------


def start_generate(out: Path, pause: str, flag: Path, *, exchange: bool) -> subprocess.Popen:
    env = dict(os.environ, CONVENTIO_TEST_PAUSE=f"{pause}={flag}")
    if not exchange:
        env["CONVENTIO_TEST_NO_EXCHANGE"] = "1"
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "generator.cli",
            "generate",
            SIXTH,
            "--lang",
            "fr",
            "--parties",
            str(EXAMPLES),
            "--only",
            "net-02,net-03",
            "--out",
            str(out),
        ],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )


def wait_for_pause(process: subprocess.Popen, flag: Path) -> None:
    deadline = time.monotonic() + 300  # a runaway, not a speed limit
    while not flag.exists():
        if process.poll() is not None:
            pytest.fail(f"generate ended without pausing: {process.stderr.read().decode()}")
        if time.monotonic() > deadline:
            process.kill()
            pytest.fail("generate did not reach the pause")
        time.sleep(0.05)


def kill(process: subprocess.Popen) -> None:
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=60)
    process.stdout.close()
    process.stderr.close()


OLD = {"net-01", "net-02"}
NEW = {"net-01", "net-02", "net-03"}


@posix_only
@pytest.mark.parametrize(
    ("exchange", "step", "right_after"),
    [
        (True, "staged", OLD),
        (True, "ready", OLD),
        (True, "exchanged", NEW),
        (True, "folders-moved", NEW),
        (False, "ready", OLD),
        (False, "moved-aside", None),  # between the two renames: the folder is aside
        (False, "renamed", NEW),
        (False, "folders-moved", NEW),
    ],
)
def test_killed_generate_leaves_one_consistent_set(tmp_path, exchange, step, right_after):
    out = tmp_path / "out"
    folder = out / SIXTH
    generate(out, SIXTH, "--only", "net-01,net-02")
    (folder / "signed").mkdir()
    (folder / "signed" / "net-01.pdf").write_bytes(b"a returned copy")
    flag = tmp_path / "paused"
    process = start_generate(out, step, flag, exchange=exchange)
    wait_for_pause(process, flag)
    kill(process)

    if right_after is None:
        assert not folder.exists()
        (aside,) = [p for p in folder.parent.iterdir() if p.name.startswith(".avenant-06.old-")]
        assert set(consistent_set(aside)) == OLD
    else:
        assert set(consistent_set(folder)) == right_after
        assert leftovers(folder)  # what the interrupted run left, repaired below

    # the next run repairs, says so, and does its own work
    said = generate(out, SIXTH, "--only", "net-02,net-03")
    assert "interrupted" in said
    assert set(consistent_set(folder)) == NEW
    assert leftovers(folder) == []
    assert (folder / "signed" / "net-01.pdf").read_bytes() == b"a returned copy"


@posix_only
def test_a_second_run_into_the_same_folder_waits_its_turn(tmp_path):
    out = tmp_path / "out"
    generate(out, SIXTH, "--only", "net-01")
    flag = tmp_path / "paused"
    process = start_generate(out, "staged", flag, exchange=True)
    try:
        wait_for_pause(process, flag)
        result = CliRunner().invoke(
            cli,
            ["generate", SIXTH, "--parties", str(EXAMPLES), "--only", "net-04", "--out", str(out)],
        )
        assert result.exit_code == 1
        assert "another conventio run is writing into" in result.output
        assert "Traceback" not in result.output
    finally:
        kill(process)
    assert set(consistent_set(out / SIXTH)) == {"net-01"}


def test_leftovers_of_an_older_conventio_are_cleaned_and_reported(tmp_path):
    out = tmp_path / "out"
    folder = out / SIXTH
    generate(out, SIXTH, "--only", "net-01")
    (folder / ".staging-x1y2").mkdir()
    (folder / ".staging-x1y2" / "net-01.fr.docx").write_bytes(b"half")
    (folder / ".manifest.json.abc.part").write_text("{")
    said = generate(out, SIXTH, "--only", "net-01")
    assert "removed .staging-x1y2, left by an interrupted run" in said
    assert "removed .manifest.json.abc.part" in said
    assert sorted(p.name for p in folder.iterdir()) == [
        "manifest.csv",
        "manifest.json",
        "net-01.fr.docx",
    ]


def test_a_damaged_manifest_stops_the_batch_and_changes_nothing(tmp_path):
    out = tmp_path / "out"
    folder = out / SIXTH
    generate(out, SIXTH, "--only", "net-01")
    (folder / "manifest.json").write_text('{"documents": [{"document_id": "x", "files": 3}]}')
    before = {p.name: p.read_bytes() for p in folder.iterdir()}
    result = CliRunner().invoke(
        cli,
        ["generate", SIXTH, "--parties", str(EXAMPLES), "--only", "net-02", "--out", str(out)],
    )
    assert result.exit_code == 1
    assert f"{folder / 'manifest.json'}: the manifest of the documents already" in result.output
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == before
    assert leftovers(folder) == []


def test_folders_that_cannot_go_back_are_never_deleted(tmp_path):
    from generator.publish import recover

    target = tmp_path / "avenant-06"
    (target / "signed").mkdir(parents=True)
    aside = tmp_path / ".avenant-06.old-abc"
    (aside / "signed").mkdir(parents=True)
    (aside / "signed" / "net-01.pdf").write_bytes(b"a returned copy")
    said = recover(target)
    assert (aside / "signed" / "net-01.pdf").read_bytes() == b"a returned copy"
    assert any("could not be moved back" in line and "signed" in line for line in said)
