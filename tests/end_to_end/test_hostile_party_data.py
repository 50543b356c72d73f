"""Invisible and reordering characters in party data: a required field of invisible
characters is empty, bidirectional controls are refused at their field and cell,
and generation writes nothing from such a file."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from generator.cli import cli
from tests.support.hostile import EXAMPLES
from tests.support.party_files import changed, write_csv_folder, write_xlsx, write_yaml


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
        generate(
            load_corpus(), "inami-network-2021/avenant-06", rebuilt, out, only={"net-01"}, lang="fr"
        )
    assert "net-01: no director for hospital hosp-01" in str(caught.value)
    assert not [p for p in out.rglob("*") if p.is_file()]


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
