"""Inputs built to hurt: YAML alias bombs and ZIP bombs (XLSX, DOCX, a template),
every one refused with a clear message, a place, a non-zero exit and no traceback,
and none takes the machine down.

The bombs run `python -m generator.cli` in a subprocess limited in memory and time
(tests/support/hostile.py): a refusal that came only after unpacking gigabytes would
fail here instead of passing slowly. Every bomb is built by the test, small on disk.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import docx
from click.testing import CliRunner

from generator.cli import cli
from tests.support.bombs import parts_of, swollen, write_zip, yaml_alias_bomb
from tests.support.hostile import CIRCULAR, EXAMPLES, conventio, copy_templates, refused
from tests.support.minicorpus import AMENDMENT, CONVENTION, write_corpus
from tests.support.party_files import changed, write_xlsx, write_yaml
from tests.support.paths import ROOT

GIGABYTES = 3000  # megabytes a bomb part unpacks to: twice the memory limit


def _at_alias(output: str, shown: str, text: str) -> None:
    """The message points at an alias (`*name`) of `text` by line and column."""
    found = re.search(rf"{re.escape(shown)}:(\d+):(\d+): (?:error: )?the alias \*\w+", output)
    assert found, output
    line, column = int(found[1]), int(found[2])
    assert text.splitlines()[line - 1][column - 1] == "*"
    assert "more than 10,000 values" in output


# --- YAML alias bombs ----------------------------------------------------------------


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


# --- ZIP bombs -----------------------------------------------------------------------


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


def test_docx_bomb_as_a_template_is_refused_by_check_and_generate(tmp_path):
    folder = copy_templates(tmp_path)
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
