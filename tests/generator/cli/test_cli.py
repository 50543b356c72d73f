"""The command line: exit codes, plain errors, no traceback, light start-up."""

from __future__ import annotations

import json
import subprocess
import sys

from click.testing import CliRunner

from generator.cli import cli
from tests.support.minicorpus import CONVENTION, write_corpus
from tests.support.paths import ROOT


def run(*args: str):
    result = CliRunner().invoke(cli, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return result


def test_check_ok_and_failing(tmp_path, mini):
    ok = run("--corpus", str(mini), "check")
    assert ok.exit_code == 0
    assert ok.output.startswith("corpus OK: 1 amendment(s)")
    broken = write_corpus(tmp_path / "b", **{"conv/convention.yaml": CONVENTION + "oops: 1\n"})
    bad = run("--corpus", str(broken), "check")
    assert bad.exit_code == 1
    assert "b/conv/convention.yaml:28:1: unknown field 'oops'" in bad.output


def test_show_at_a_date_in_each_format(mini):
    for fmt in ("text", "markdown", "html", "json"):
        result = run("--corpus", str(mini), "show", "conv", "--at", "2023-06-01", "--format", fmt)
        assert result.exit_code == 0, result.output
        assert "2/1" in result.output
    data = json.loads(
        run("--corpus", str(mini), "show", "conv", "--at", "2022-01-01", "--format", "json").output
    )
    assert data["at"] == "2022-01-01" and len(data["pending"]) == 3


def test_show_writes_a_file(mini, tmp_path):
    target = tmp_path / "out" / "conv.html"
    result = run("--corpus", str(mini), "show", "conv", "--format", "html", "-o", str(target))
    assert result.exit_code == 0
    assert target.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_plain_errors_for_unknown_id_bad_date_missing_language(mini):
    unknown = run("--corpus", str(mini), "show", "nope")
    assert unknown.exit_code == 1
    assert "error: no document 'nope' in the corpus" in unknown.output
    bad_date = run("--corpus", str(mini), "show", "conv", "--at", "01/09/2023")
    assert bad_date.exit_code == 2 and "'01/09/2023' does not match the format" in bad_date.output
    dutch = run("--corpus", str(mini), "show", "conv", "--lang", "nl")
    assert dutch.exit_code == 1 and "the corpus has no 'nl' text" in dutch.output


def test_broken_corpus_makes_show_fail_with_the_problems(tmp_path):
    broken = write_corpus(tmp_path / "b", **{"conv/convention.yaml": "type: [\n"})
    result = run("--corpus", str(broken), "show", "conv")
    assert result.exit_code == 1
    assert "b/conv/convention.yaml:2:1: YAML syntax error" in result.output


def test_list_and_history(mini):
    listed = json.loads(run("--corpus", str(mini), "list", "--format", "json").output)
    by_id = {row["id"]: row for row in listed}
    assert by_id["conv/a1"]["articles"] == 4 and by_id["conv/a1"]["annex_rows"] == 2
    assert by_id["conv"]["dates"] == {
        "approved": "2021-07-26",
        "start": "2021-09-01",
        "end": "2023-12-31",
    }
    table = run("--corpus", str(mini), "list")
    assert table.exit_code == 0 and "conv/a1" in table.output
    history = run("--corpus", str(mini), "history", "conv")
    assert "version 3: 2023-06-01 – 2023-12-31" in history.output
    assert (
        "Article 2 du premier avenant à la convention du 26 juillet 2021: repeals art_2__para_2"
        in history.output
    )


def test_schema_validates_the_shipped_and_mini_files(mini, tmp_path):
    import jsonschema
    import yaml

    schema = json.loads(run("schema").output)
    validator = jsonschema.Draft202012Validator(schema)
    paths = sorted(mini.rglob("*.yaml"))
    assert paths
    for path in paths:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        data = json.loads(json.dumps(data, default=str))
        assert not list(validator.iter_errors(data)), path
    assert list(validator.iter_errors({"type": "convention", "id": "x"}))


def test_build_writes_every_version(mini, tmp_path):
    out = tmp_path / "out"
    result = run("--corpus", str(mini), "build", "--out", str(out))
    assert result.exit_code == 0, result.output
    written = sorted(p.relative_to(out / "texts").as_posix() for p in out.rglob("*.json"))
    assert written == [
        "conv/2021-09-01.json",
        "conv/2023-01-01.json",
        "conv/2023-06-01.json",
        "conv/a1.json",
    ]


def test_no_traceback_and_light_start_up(tmp_path):
    missing = subprocess.run(
        [sys.executable, "-m", "generator.cli", "--corpus", str(tmp_path / "none"), "check"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert missing.returncode == 1
    assert "Traceback" not in missing.stderr
    assert "the corpus folder" in missing.stderr and "does not exist" in missing.stderr
    heavy = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys, generator.cli; "
            "print(sorted(m for m in ('pydantic', 'yaml', 'babel', 'rich') if m in sys.modules))",
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    assert heavy.stdout.strip() == "[]"


def test_build_with_parties_issues_the_amendments(tmp_path):
    examples = ROOT / "examples" / "parties.yaml"
    out = tmp_path / "out"
    result = run(
        "build",
        "--out",
        str(out),
        "--parties",
        str(examples),
        "--network",
        "net-01",
        "--format",
        "docx",
        "--lang",
        "fr",  # the README's main job: the corpus holds only French
    )
    assert result.exit_code == 0, result.output
    assert "32 personalised inami-network-2021/avenant-06" in result.output
    issued = out / "issued" / "network-provider-2021" / "avenant-2023-09"
    assert {p.name for p in issued.glob("*.docx")} and all(
        p.name.endswith("@net-01.fr.docx") for p in issued.glob("*.docx")
    )
