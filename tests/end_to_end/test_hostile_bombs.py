"""Inputs built to hurt: every one is refused with a clear message, a place, a
non-zero exit and no traceback, and none takes the machine down.

The bombs run `python -m generator.cli` in a subprocess limited to
MEMORY_LIMIT bytes of address space and TIME_LIMIT seconds: a refusal that
came only after unpacking gigabytes would fail here (MemoryError or timeout)
instead of passing slowly. Every bomb is built by the test, small on disk.
"""

from __future__ import annotations

import os
import re
import resource
import shutil
import subprocess
import sys
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner

from generator.cli import cli
from tests.support.bombs import parts_of, swollen, write_zip, yaml_alias_bomb
from tests.support.minicorpus import AMENDMENT, CONVENTION, write_corpus
from tests.support.party_files import changed, write_csv_folder, write_xlsx, write_yaml
from tests.support.paths import ROOT

EXAMPLES = ROOT / "examples" / "parties.yaml"
CIRCULAR = "circulars/psy-ort-2023-006"
MEMORY_LIMIT = 1_500_000_000
TIME_LIMIT = 120
GIGABYTES = 3000  # megabytes a bomb part unpacks to: twice the memory limit


def _limited() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


def conventio(*args: str | Path, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    """The CLI in a process with little memory and time."""
    try:
        return subprocess.run(
            [sys.executable, "-m", "generator.cli", *map(str, args)],
            cwd=cwd,
            capture_output=True,
            text=True,
            timeout=TIME_LIMIT,
            preexec_fn=_limited,
            env={**os.environ, "PYTHONPATH": os.environ.get("PYTHONPATH", str(ROOT))},
            check=False,
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"conventio {' '.join(map(str, args))} ran more than {TIME_LIMIT} s")


def refused(done: subprocess.CompletedProcess[str]) -> str:
    """The output of a run that refused its input plainly: exit 1, no traceback."""
    output = done.stdout + done.stderr
    assert done.returncode == 1, output
    assert "Traceback" not in output and "internal error" not in output, output
    return output


def _at_alias(output: str, shown: str, text: str) -> None:
    """The message points at an alias (`*name`) of `text` by line and column."""
    found = re.search(rf"{re.escape(shown)}:(\d+):(\d+): (?:error: )?the alias \*\w+", output)
    assert found, output
    line, column = int(found[1]), int(found[2])
    assert text.splitlines()[line - 1][column - 1] == "*"
    assert "more than 10,000 values" in output


# --- YAML alias bombs ---------------------------------------------------------


def test_alias_bomb_in_a_corpus_file_is_refused_at_the_alias(tmp_path):
    text = AMENDMENT + yaml_alias_bomb()
    root = write_corpus(tmp_path / "corpus", **{"conv/a1.yaml": text})
    output = refused(conventio("--corpus", root, "check"))
    _at_alias(output, "corpus/conv/a1.yaml", text)


def test_alias_bomb_in_a_party_file_is_refused_at_the_alias(tmp_path):
    path = write_yaml(tmp_path / "parties.yaml")
    text = path.read_text(encoding="utf-8") + yaml_alias_bomb()
    path.write_text(text, encoding="utf-8")
    output = refused(conventio("parties", "check", path))
    _at_alias(output, str(path), text)
    assert "parties NOT OK" in output


def test_a_few_aliases_are_still_fine(tmp_path):
    """PyYAML's own safe_dump writes an alias for a list used twice."""
    data = changed("organisations", 0)
    data["organisations"][0]["networks"] = data["psychologists"][0]["networks"]
    path = write_yaml(tmp_path / "parties.yaml", data)
    assert "*id001" in path.read_text(encoding="utf-8")
    result = CliRunner().invoke(cli, ["parties", "check", str(path)])
    assert result.exit_code == 0, result.output


def test_an_alias_inside_its_own_block_is_refused(tmp_path):
    text = CONVENTION + "loop: &loop {again: *loop}\n"
    root = write_corpus(tmp_path / "corpus", **{"conv/convention.yaml": text})
    result = CliRunner().invoke(cli, ["--corpus", str(root), "check"])
    assert result.exit_code == 1
    line = len(CONVENTION.splitlines()) + 1
    assert (
        f"corpus/conv/convention.yaml:{line}:21: the alias *loop repeats the block that "
        "contains it, without end" in result.output
    )


# --- ZIP bombs ------------------------------------------------------------------


def test_xlsx_bomb_is_refused_before_it_is_unpacked(tmp_path):
    workbook = write_xlsx(tmp_path / "plain.xlsx")
    parts = swollen(parts_of(workbook), "xl/worksheets/sheet1.xml", b"<sheetData>", GIGABYTES)
    bomb = write_zip(tmp_path / "parties.xlsx", parts)
    assert bomb.stat().st_size < 5_000_000
    output = refused(conventio("parties", "check", bomb))
    assert (
        f"{bomb}:1:1: error: the workbook has a part (xl/worksheets/sheet1.xml) that would "
        "unpack from 3.1 MB to 3.1 GB, more than 200 times its size: the file is damaged or "
        "built to exhaust the computer (a 'zip bomb'), so it was not opened" in output
    )


def test_xlsx_with_too_many_parts_is_refused(tmp_path):
    parts = parts_of(write_xlsx(tmp_path / "plain.xlsx"))
    parts |= {f"xl/media/pad{i}.bin": b"" for i in range(2_001)}
    bomb = write_zip(tmp_path / "parties.xlsx", parts)
    output = refused(conventio("parties", "check", bomb))
    assert "the workbook holds 2,0" in output
    assert "parts, more than the 2,000 an Excel workbook may have" in output


def test_xlsx_with_an_xml_entity_bomb_is_refused(tmp_path):
    """A small sheet whose XML declares entities that expand to a billion 'lol's."""
    parts = parts_of(write_xlsx(tmp_path / "plain.xlsx"))
    levels = "".join(f'<!ENTITY lol{n} "{f"&lol{n - 1};" * 10}">' for n in range(1, 10))
    dtd = f'<!DOCTYPE worksheet [<!ENTITY lol0 "lol">{levels}]>'
    sheet = parts["xl/worksheets/sheet1.xml"].decode("utf-8")
    body = sheet[sheet.index("?>") + 2 :] if sheet.startswith("<?xml") else sheet
    body = body.replace("<t>net-01</t>", "<t>&lol9;</t>", 1)
    assert "&lol9;" in body
    parts["xl/worksheets/sheet1.xml"] = ('<?xml version="1.0"?>\n' + dtd + body).encode()
    bomb = write_zip(tmp_path / "parties.xlsx", parts)
    output = refused(conventio("parties", "check", bomb))
    assert f"{bomb}:1:1: error: the workbook declares XML entities" in output


def _word_document(path: Path) -> Path:
    document = docx.Document()
    document.add_paragraph("Article 1er. Le présent avenant entre en vigueur le 1er janvier.")
    document.save(str(path))
    return path


def test_docx_bomb_given_to_import_is_refused_before_it_is_unpacked(tmp_path):
    parts = swollen(
        parts_of(_word_document(tmp_path / "plain.docx")),
        "word/document.xml",
        b"<w:body>",
        GIGABYTES,
    )
    # padding that a 'ratio to the file size' rule alone would have let through
    parts["word/media/padding.bin"] = os.urandom(33_000_000)
    bomb = write_zip(tmp_path / "avenant.docx", parts, stored=frozenset({"word/media/padding.bin"}))
    output = refused(conventio("import", bomb, "-o", tmp_path / "draft.yaml"))
    assert (
        f"{bomb}: has a part (word/document.xml) that would unpack from 3.1 MB to 3.1 GB, "
        "more than 200 times its size: the file is damaged or built to exhaust the computer"
        in output
    )
    assert not (tmp_path / "draft.yaml").exists()


def _templates(tmp_path: Path) -> Path:
    folder = tmp_path / "templates"
    shutil.copytree(ROOT / "templates" / "fr", folder / "fr")
    return folder


def test_docx_bomb_as_a_template_is_refused_by_check_and_generate(tmp_path):
    folder = _templates(tmp_path)
    circular = folder / "fr" / "circular.docx"
    write_zip(circular, swollen(parts_of(circular), "word/document.xml", b"<w:body>", GIGABYTES))
    said = (
        f"{circular}: has a part (word/document.xml) that would unpack from 3.1 MB to 3.1 GB, "
        "more than 200 times its size"
    )
    output = refused(conventio("templates", "check", "--templates", folder))
    assert said in output
    out = tmp_path / "out"
    args = ("--parties", EXAMPLES, "--only", "net-01", "--out", out, "--templates", folder)
    output = refused(conventio("generate", CIRCULAR, *args))
    assert said in output
    assert not out.exists()


# --- templates are not code -----------------------------------------------------

HOSTILE_TAG = "{{{{ cycler.__init__.__globals__.os.system('touch {marker}') }}}}"


def test_a_template_cannot_run_a_command(tmp_path):
    marker = tmp_path / "pwned"
    folder = _templates(tmp_path)
    circular = folder / "fr" / "circular.docx"
    document = docx.Document(str(circular))
    document.add_paragraph(HOSTILE_TAG.format(marker=marker))
    document.save(str(circular))
    said = f"{circular}: '__init__' is not allowed: a template cannot reach into the program"
    output = refused(conventio("templates", "check", "--templates", folder))
    assert said in output and "cycler.__init__.__globals__" in output
    assert not marker.exists()
    out = tmp_path / "out"
    args = ("--parties", EXAMPLES, "--only", "net-01", "--out", out, "--templates", folder)
    output = refused(conventio("generate", CIRCULAR, *args))
    assert said in output
    assert not marker.exists() and not out.exists()


@pytest.mark.parametrize(
    ("tag", "said"),
    [
        ("{{ title|safe }}", "the filter 'safe' is not allowed (allowed: upper, lower,"),
        ("{{ title * 100000000 }}", "arithmetic (*) is not allowed in a template"),
        ("{% set x = 1 %}", "the tag {% set %} is not allowed"),
        ('{% include "other.xml" %}', "the tag {% include %} is not allowed"),
        ("{% do blocks.append(1) %}", "template error: Encountered unknown tag 'do'"),
        ("{{ title.format(1) }}", "calling a function or a method (name(...)) is not allowed"),
        ("{{ range(10) }}", "calling a function or a method"),
        ("{{ config }}", "the variable 'config' is not in the context (it has: addressee,"),
        ("{{ subject }}", "the variable 'subject' is not in the context (it has: annexes,"),
        ("{{ blocks[0].kind.upper }}", "blocks[0].kind has no field 'upper': it is a text"),
        ("{{ title['__class__'] }}", "'__class__' is not allowed"),
    ],
)
def test_templates_check_refuses_what_templates_may_not_use(tmp_path, tag, said):
    folder = _templates(tmp_path)
    name = "circular" if "addressee" in said else "amendment-inami-network"
    path = folder / "fr" / f"{name}.docx"
    document = docx.Document(str(path))
    document.add_paragraph(tag)
    document.save(str(path))
    result = CliRunner().invoke(cli, ["templates", "check", "--templates", str(folder)])
    assert result.exit_code == 1, result.output
    assert f"{path}: {said}" in result.output
    assert f"(in the paragraph “{tag}”)" in result.output


# --- invisible and reordering characters in party data --------------------------


@pytest.mark.parametrize("blank", ["\u200b", "\u2800", "\u00ad\u200b", "\ufeff\u2060", "\u3164"])
def test_a_required_field_of_invisible_characters_is_empty(tmp_path, blank):
    path = write_yaml(tmp_path / "parties.yaml", changed("hospitals", 0, director=blank))
    result = CliRunner().invoke(cli, ["parties", "check", str(path)])
    assert result.exit_code == 1
    line = next(n for n, text in enumerate(path.read_text().splitlines(), 1) if "director" in text)
    assert (
        f"{path}:{line}:3: error: director is empty: it holds only invisible characters "
        "(such as zero-width spaces, soft hyphens or a braille blank); type the value"
    ) in result.output


def test_bidi_controls_are_refused_with_the_field_and_cell(tmp_path):
    data = changed("networks", 0, name="Réseau \u202etset\u202c Exemple")
    folder = write_csv_folder(tmp_path / "csv", data)
    result = CliRunner().invoke(cli, ["parties", "check", str(folder)])
    assert result.exit_code == 1
    assert (
        f"{folder / 'networks.csv'}:2:3: error: name contains U+202E RIGHT-TO-LEFT OVERRIDE, "
        "U+202C POP DIRECTIONAL FORMATTING: an invisible character that changes the order "
        "in which text is shown; retype the value without it"
    ) in result.output
    xlsx = write_xlsx(tmp_path / "parties.xlsx", changed("hospitals", 1, director="Jan \u2067X"))
    result = CliRunner().invoke(cli, ["parties", "check", str(xlsx)])
    assert result.exit_code == 1
    assert f"{xlsx}:hospitals!E3: error: director contains U+2067 RIGHT-TO-LEFT ISOLATE" in (
        result.output
    )


def test_generate_refuses_such_a_party_file_and_writes_nothing(tmp_path):
    path = write_yaml(tmp_path / "parties.yaml", changed("hospitals", 0, director="\u200b"))
    out = tmp_path / "out"
    result = CliRunner().invoke(
        cli,
        ["generate", "inami-network-2021/avenant-06", "--parties", str(path), "--out", str(out)],
    )
    assert result.exit_code == 1
    assert "director is empty: it holds only invisible characters" in result.output
    assert not out.exists()


def test_generation_does_not_take_invisible_characters_for_a_value(tmp_path):
    """A register built in code skips the party file's checks: the batch
    itself must still see the director as missing."""
    from generator.corpus.loader import load_corpus
    from generator.generation.batch import GenerationError, generate
    from generator.parties.check import load_parties
    from generator.parties.register import build_register

    register = load_parties(EXAMPLES)
    hollow = register.hospital("hosp-01").model_copy(update={"director": "\u200b\u2800\u00ad"})
    rebuilt = build_register(
        [(hollow if p.id == "hosp-01" else p, None) for p in register.all()], "in code"
    )
    out = tmp_path / "out"
    with pytest.raises(GenerationError) as caught:
        generate(load_corpus(), "inami-network-2021/avenant-06", rebuilt, out, only={"net-01"})
    assert "net-01: no director for hospital hosp-01" in str(caught.value)
    assert not [p for p in out.rglob("*") if p.is_file()]


# --- corpus checks ----------------------------------------------------------------


def _check(tmp_path: Path, name: str, text: str) -> tuple[str, list[str]]:
    root = write_corpus(tmp_path / "corpus", **{name: text})
    result = CliRunner().invoke(cli, ["--corpus", str(root), "check"])
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    return result.output, text.splitlines()


def _line(lines: list[str], needle: str) -> int:
    return next(n for n, text in enumerate(lines, 1) if needle in text)


def test_a_footnote_reference_without_its_footnote(tmp_path):
    text = AMENDMENT.replace("La prime est de 1.000 euros.", "La prime[^2] est de 1.000 euros.")
    output, lines = _check(tmp_path, "conv/a1.yaml", text)
    assert (
        f"corpus/conv/a1.yaml:{_line(lines, 'La prime[^2]')}:18: [^2] refers to footnote 2, "
        "which is not given: add it to the 'footnotes' of this provision (or of the one "
        "holding it), or remove the reference"
    ) in output


def test_a_footnote_reference_outside_any_provision(tmp_path):
    text = AMENDMENT.replace("Un article 2/1 est ajouté", "Un article[^1] 2/1 est ajouté")
    output, lines = _check(tmp_path, "conv/a1.yaml", text)
    assert f"corpus/conv/a1.yaml:{_line(lines, 'article[^1]')}:12: [^1] refers to" in output


def test_a_footnote_given_by_the_article_holding_the_reference_is_fine(tmp_path):
    text = CONVENTION.replace(
        '        text: {fr: "Premier paragraphe."}',
        '        text: {fr: "Premier paragraphe[^a]."}',
    ).replace(
        '  - kind: article\n    num: "2"\n',
        '  - kind: article\n    num: "2"\n    footnotes: [{mark: a, text: {fr: "Une note."}}]\n',
    )
    root = write_corpus(tmp_path / "ok", **{"conv/convention.yaml": text})
    result = CliRunner().invoke(cli, ["--corpus", str(root), "check"])
    assert result.exit_code == 0, result.output


@pytest.mark.parametrize("mark", ["{{ 7*7 }}", "{% if x %}", "{# note #}", "{{network.name|X}}"])
def test_template_tags_in_a_corpus_text_are_reported_at_the_corpus_line(tmp_path, mark):
    text = AMENDMENT.replace("La prime est de 1.000 euros.", f"La prime est de {mark} euros.")
    output, lines = _check(tmp_path, "conv/a1.yaml", text)
    assert (
        f"corpus/conv/a1.yaml:{_line(lines, 'La prime est de')}:18: this text contains "
        f"{mark[:2]!r}, which starts a tag in the Word templates documents are made from"
    ) in output
    assert "templates/" not in output


def test_an_amendment_in_force_before_its_convention_starts(tmp_path):
    text = AMENDMENT.replace("in_force: 2023-01-01", "in_force: 2021-06-01")
    output, lines = _check(tmp_path, "conv/a1.yaml", text)
    assert (
        f"corpus/conv/a1.yaml:{_line(lines, 'in_force: 2021')}:1: the amendment comes into "
        "force on 2021-06-01, before conv starts (2021-09-01)"
    ) in output


def test_an_amendment_clause_or_operation_after_its_convention_ends(tmp_path):
    text = AMENDMENT.replace("date: 2023-06-01}", "date: 2024-06-01}").replace(
        "        target: art_2__para_2\n",
        "        target: art_2__para_2\n        in_force: 2024-02-01\n",
    )
    output, lines = _check(tmp_path, "conv/a1.yaml", text)
    assert (
        f"corpus/conv/a1.yaml:{_line(lines, 'date: 2024-06-01')}:27: article 4 puts articles "
        "in force on 2024-06-01, after conv ends (2023-12-31)"
    ) in output
    assert (
        f"corpus/conv/a1.yaml:{_line(lines, 'in_force: 2024-02-01')}:9: this operation "
        "applies on 2024-02-01, after conv ends (2023-12-31)"
    ) in output


def test_the_shipped_corpus_and_templates_still_pass():
    runner = CliRunner()
    checked = runner.invoke(cli, ["check"])
    assert checked.exit_code == 0, checked.output
    templates = runner.invoke(cli, ["templates", "check"])
    assert templates.exit_code == 0, templates.output


def test_the_docs_state_the_limits_the_code_applies():
    from generator.yamlsource import ALIAS_BUDGET
    from generator.ziplimits import EXCEL, MB, WORD, WORD_TEMPLATE

    def doc(name: str) -> str:
        return " ".join((ROOT / "docs" / name).read_text(encoding="utf-8").split())

    for name in ("corpus-format.md", "parties-format.md"):
        assert f"at most {ALIAS_BUDGET:,} values" in doc(name)
    for name, budget in (
        ("importing.md", WORD),
        ("templates.md", WORD_TEMPLATE),
        ("parties-format.md", EXCEL),
    ):
        text = doc(name)
        assert f"unpack to more than {budget.max_unpacked // MB} MB" in text, name
        assert f"more than {budget.max_entries:,} parts" in text, name
        assert f"grows more than {budget.max_ratio} times" in text, name


def test_what_counts_as_printing_nothing():
    from generator.invisible import bidi_controls_in, is_blank

    for blank in ("", " \t\n", "\u200b", "\u00ad", "\ufeff", "\u2060", "\u2800", "\u3164",
                  "\u115f\u1160", "\u0301", "\u202e", "\u3000", "\x07"):  # fmt: skip
        assert is_blank(blank), repr(blank)
    for visible in ("a", "1", "-", "·", "é", "\u200bX", "名"):
        assert not is_blank(visible), repr(visible)
    assert bidi_controls_in("a\u202eb\u2066c\u202e") == [
        "U+202E RIGHT-TO-LEFT OVERRIDE",
        "U+2066 LEFT-TO-RIGHT ISOLATE",
    ]
    assert bidi_controls_in("Réseau « L'Écoute » — 1°") == []
