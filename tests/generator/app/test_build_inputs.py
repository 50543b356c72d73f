"""`build` checks every input before writing anything, and an --out that cannot
be a folder is a plain error naming it, for `build` and `generate`."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from generator.cli import cli
from tests.support.paths import ROOT

EXAMPLES = ROOT / "examples" / "parties.yaml"
SIXTH = "inami-network-2021/avenant-06"


def run(*args: str | Path, env: dict | None = None):
    result = CliRunner().invoke(cli, [str(a) for a in args], env=env)
    assert "Traceback" not in result.output and "internal error" not in result.output
    return result


def written(out: Path) -> list[str]:
    return sorted(p.relative_to(out).as_posix() for p in out.rglob("*")) if out.exists() else []


def test_network_without_parties_is_refused_before_writing(tmp_path):
    out = tmp_path / "out"
    result = run("build", "--out", out, "--network", "net-01")
    assert result.exit_code == 1
    assert "--network net-01" in result.output and "needs --parties" in result.output
    assert written(out) == []


def test_unknown_network_is_refused_before_writing(tmp_path):
    out = tmp_path / "out"
    result = run(
        "build", "--out", out, "--parties", EXAMPLES, "--network", "net-99", "--format", "docx"
    )
    assert result.exit_code == 1
    assert f"--network net-99: {EXAMPLES} has no network of that id" in result.output
    assert "net-01, net-02" in result.output
    assert written(out) == []


def test_a_provider_is_not_a_network(tmp_path):
    out = tmp_path / "out"
    result = run(
        "build", "--out", out, "--parties", EXAMPLES, "--network", "psy-0001", "--format", "docx"
    )
    assert result.exit_code == 1 and "--network psy-0001" in result.output
    assert written(out) == []


def test_a_bad_party_file_is_refused_before_writing(tmp_path):
    data = yaml.safe_load(EXAMPLES.read_text(encoding="utf-8"))
    data["networks"][3]["hospital"] = "hosp-404"  # a network whose hospital does not exist
    broken = tmp_path / "parties.yaml"
    broken.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    out = tmp_path / "out"
    result = run("build", "--out", out, "--parties", broken, "--format", "docx")
    assert result.exit_code == 1
    assert str(broken) in result.output and "hosp-404" in result.output
    assert written(out) == []
    missing = run("build", "--out", out, "--parties", tmp_path / "none.yaml")
    assert missing.exit_code == 1 and "none.yaml" in missing.output
    assert written(out) == []


def test_pdf_without_libreoffice_is_refused_before_writing(tmp_path):
    out = tmp_path / "out"
    result = run(
        "build",
        "--out",
        out,
        "--parties",
        EXAMPLES,
        env={"CONVENTIO_SOFFICE": str(tmp_path / "no-soffice")},
    )
    assert result.exit_code == 1 and "LibreOffice is needed to make PDFs" in result.output
    assert written(out) == []


@pytest.mark.parametrize("command", ["build", "generate"])
def test_out_that_cannot_be_a_folder(tmp_path, command):
    extra = [SIXTH, "--parties", EXAMPLES, "--only", "net-01"] if command == "generate" else []
    device = run(command, *extra, "--out", "/dev/null")
    assert device.exit_code == 1
    assert "--out /dev/null: this is a device, not a folder" in device.output
    a_file = tmp_path / "notes.txt"
    a_file.write_text("not a folder")
    below = run(command, *extra, "--out", a_file / "out")
    assert below.exit_code == 1
    assert f"--out {a_file / 'out'}: cannot be a folder, because {a_file} is a file" in (
        below.output
    )
    assert a_file.read_text() == "not a folder"


def test_a_file_where_the_batch_folder_goes(tmp_path):
    out = tmp_path / "out"
    (out / "inami-network-2021").mkdir(parents=True)
    (out / SIXTH).write_text("someone's file")
    result = run("generate", SIXTH, "--parties", EXAMPLES, "--only", "net-01", "--out", out)
    assert result.exit_code == 1
    assert f"{out / SIXTH} is a file, where the folder of these documents should be" in (
        result.output
    )
    assert (out / SIXTH).read_text() == "someone's file"


def test_output_file_option_on_a_file_in_the_path(tmp_path):
    a_file = tmp_path / "notes.txt"
    a_file.write_text("x")
    result = run("schema", "-o", a_file / "schema.json")
    assert result.exit_code == 1
    assert f"cannot write {a_file / 'schema.json'}: {a_file} is a file, not a folder" in (
        result.output
    )
    discarded = run("schema", "-o", "/dev/null")
    assert discarded.exit_code == 0
    assert Path("/dev/null").is_char_device()


def test_build_issues_the_amendments_the_corpus_marks(tmp_path):
    # which amendments `build` personalises is corpus data (issued_by_build), not code
    from tests.support.minicorpus import AMENDMENT, write_corpus

    def build(corpus: Path, out: Path):
        return run("--corpus", corpus, "build", "--out", out, "--parties", EXAMPLES,
                   "--format", "docx", "--lang", "fr")  # fmt: skip

    signing = "signatories: [committee, network]\n"
    marked = AMENDMENT.replace(signing, signing + "issued_by_build: true\n")
    result = build(write_corpus(tmp_path / "marked", **{"conv/a1.yaml": marked}), tmp_path / "a")
    assert result.exit_code == 0, result.output
    issued = [p for p in written(tmp_path / "a") if p.startswith("issued/") and p.endswith(".docx")]
    assert len(issued) == 32 and "issued/conv/a1/net-01.fr.docx" in issued
    assert "32 personalised conv/a1" in result.output
    # unmarked, the texts are written and nothing is personalised
    result = build(write_corpus(tmp_path / "plain"), tmp_path / "b")
    assert result.exit_code == 0, result.output
    assert written(tmp_path / "b")
    assert not any(p.startswith("issued") for p in written(tmp_path / "b"))
