"""Templates are not code: a Word template that reaches into the program, calls a
function or uses a tag, filter or variable templates may not use is refused by
`templates check` and by `generate`, with the file and the paragraph, and runs nothing."""

from __future__ import annotations

import docx
import pytest
from click.testing import CliRunner

from generator.cli import cli
from tests.support.hostile import CIRCULAR, EXAMPLES, conventio, copy_templates, refused

HOSTILE_TAG = "{{{{ cycler.__init__.__globals__.os.system('touch {marker}') }}}}"


def test_a_template_cannot_run_a_command(tmp_path):
    marker = tmp_path / "pwned"
    folder = copy_templates(tmp_path)
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
        (
            "{{ config }}",
            "the variable 'config' is not in the context (it has: addressed_to, addressee,",
        ),
        ("{{ subject }}", "the variable 'subject' is not in the context (it has: annexes,"),
        ("{{ blocks[0].kind.upper }}", "blocks[0].kind has no field 'upper': it is a text"),
        ("{{ title['__class__'] }}", "'__class__' is not allowed"),
    ],
)
def test_templates_check_refuses_what_templates_may_not_use(tmp_path, tag, said):
    folder = copy_templates(tmp_path)
    name = "circular" if "addressee" in said else "amendment-inami-network"
    path = folder / "fr" / f"{name}.docx"
    document = docx.Document(str(path))
    document.add_paragraph(tag)
    document.save(str(path))
    result = CliRunner().invoke(cli, ["templates", "check", "--templates", str(folder)])
    assert result.exit_code == 1, result.output
    assert f"{path}: {said}" in result.output
    assert f"(in the paragraph “{tag}”)" in result.output
