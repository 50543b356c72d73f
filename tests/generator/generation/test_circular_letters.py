"""A circular is generated with the whole letter the corpus holds (its body, the
footnotes, the code table, the note annexed after the signature), and not at all
when the corpus does not hold its letter."""

from __future__ import annotations

import shutil
import zipfile

import docx
import yaml
from click.testing import CliRunner

from generator.cli import cli
from generator.generation.batch import generate
from tests.support.paths import ROOT


def _texts(path) -> list[str]:
    return [p.text.replace("\u00a0", " ") for p in docx.Document(str(path)).paragraphs]


def test_the_note_of_2022_prints_its_letter_then_the_annexed_note(corpus, examples, tmp_path):
    generate(
        corpus, "circulars/note-2022-04-25-art13", examples, tmp_path, only={"net-01"}, lang="fr"
    )
    path = tmp_path / "circulars" / "note-2022-04-25-art13" / "net-01.fr.docx"
    texts = [t for t in _texts(path) if t]
    assert texts.index("Madame, Monsieur,") < texts.index("Vous trouverez la note en annexe.")
    signed = texts.index("fonctionnaire dirigeant ff.")
    assert texts[signed - 2 : signed] == ["Bien à vous,", "Jelle Coenegrachts"]
    note = texts[signed + 1 :]  # the annexed note comes after the signature
    assert note[0] == (
        "Convention de soins psychologiques en première ligne : art. 13 : utilisation "
        "des frais de fonctionnement"
    )
    assert "8° Gestion de la convention avec les psychologues cliniciens/orthopédagogues " in (
        "\n".join(note)
    )
    assert "793833 Frais de l’hôpital pour la charge administrative (article 13, §2, 8°)" in note
    assert note[-1] == (
        "- La personne qui apporte une contribution d'une organisation représentative "
        "d'intérêts ne peut pas bénéficier de cette rémunération."
    )
    # a new page before the note
    body = docx.Document(str(path)).element.body.xml
    assert body.index('w:type="page"') < body.index("Proposition d’un cadre complémentaire")


def test_circular_2023_003_prints_its_letter_and_its_footnote(corpus, examples, tmp_path):
    generate(corpus, "circulars/psy-ort-2023-003", examples, tmp_path, only={"net-01"}, lang="fr")
    path = tmp_path / "circulars" / "psy-ort-2023-003" / "net-01.fr.docx"
    texts = _texts(path)
    assert "2. Outil de facturation : état d’avancement frais de fonctionnement et dashboard." in (
        texts
    )
    assert any(t.startswith("o Les dépenses liées aux séances en outreach") for t in texts)
    with zipfile.ZipFile(path) as archive:
        notes = archive.read("word/footnotes.xml").decode()
    assert "la pratique en outreach se définit par un effort" in notes


def test_a_circular_whose_letter_is_not_held_is_not_generated(tmp_path):
    corpus = tmp_path / "conventions"
    shutil.copytree(ROOT / "conventions", corpus)
    path = corpus / "circulars" / "psy-ort-2023-003.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    del data["body"]
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    out = tmp_path / "out"
    parties = str(ROOT / "examples" / "parties.yaml")
    result = CliRunner().invoke(
        cli,
        [
            *("--corpus", str(corpus), "generate", "circulars/psy-ort-2023-003"),
            *("--parties", parties, "--out", str(out)),
        ],
    )
    assert result.exit_code == 1, result.output
    assert "circulars/psy-ort-2023-003 cannot be generated" in result.output
    assert "does not hold the text of its letter" in result.output
    assert "Traceback" not in result.output
    assert not [p for p in out.rglob("*") if p.is_file()]
