"""Personalised documents: real DOCX written, opened again, checked."""

from __future__ import annotations

import datetime as dt
import json
import zipfile
from pathlib import Path

import docx
import pytest
import yaml
from click.testing import CliRunner

from generator.cli import cli
from generator.corpus.loader import load_corpus
from generator.generation.batch import GenerationError, generate
from generator.parties.check import load_parties
from tests.support.paths import ROOT

EXAMPLES = ROOT / "examples" / "parties.yaml"
SIXTH = "inami-network-2021/avenant-06"
PROVIDER_AMENDMENT = "network-provider-2021/avenant-2023-09"

HOSTILE_NAME = (
    'Réseau <b>&amp;</b> "Guillemets" l\'Hôpital Müller {{ 7*7 }} {% if x %} ${x} \x07fin'
)
LONG_NAME = "Ó Súilleabháin " * 120


def _paragraphs(path: Path) -> list[str]:
    document = docx.Document(str(path))
    texts = [p.text for p in document.paragraphs]
    for table in document.tables:
        texts += [p.text for row in table.rows for cell in row.cells for p in cell.paragraphs]
    # the seed's words, the French non-breaking spaces read as spaces (test_layout_docx)
    return [text.replace("\u00a0", " ") for text in texts]


def _custom_properties(path: Path) -> str:
    with zipfile.ZipFile(path) as archive:
        return archive.read("docProps/custom.xml").decode("utf-8")


def test_sixth_amendment_for_every_network(corpus, examples, tmp_path):
    result = generate(corpus, SIXTH, examples, tmp_path, lang="fr")
    assert len(result.entries) == 32
    folder = tmp_path / SIXTH
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    assert len(manifest["documents"]) == 32
    entry = next(e for e in manifest["documents"] if e["party"] == "net-02")
    path = folder / entry["files"]["docx"]["path"]
    texts = _paragraphs(path)
    network = examples.network("net-02")
    hospital = examples.hospital(network.hospital)
    # the exact wording of the seeds
    assert (
        "La prime de pratique pour 2023 est de maximum 1.000 euros par "
        "psychologue/orthopédagogue clinicien." in texts
    )
    assert "Article 14/1" in texts
    assert '"Prime de pratique' in texts
    assert (
        "Article 2" in texts
        and "La liste des pseudocodes figurant à l'annexe 1 de la convention est remplacée par "
        'l\'" Annexe 1 : Liste des pseudocodes " ci-jointe.'
        in texts
    )
    # the party's data, in the adults' variant only
    block = next(t for t in texts if t.startswith("le réseau de santé mentale Adultes"))
    # the name without the words the phrase just printed (issue 12: no "Adultes Réseau Adultes")
    assert network.name == "Réseau Adultes Fictif Huy-Waremme"
    assert block.startswith("le réseau de santé mentale Adultes Fictif Huy-Waremme, représenté")
    assert hospital.name in block
    assert "710-11918" in block and hospital.bce in block
    assert not any(t.startswith("Le réseau de soins de santé mentale enfants") for t in texts)
    assert f"représenté ici par le directeur général {hospital.director}" in texts
    # the annex table, all 46 codes in order
    codes = [t for t in texts if t.isdigit() and len(t) == 6]
    assert len(codes) == 46 and codes[0] == "792514" and codes[-1] == "793995"
    # identity in the custom properties and the footer
    custom = _custom_properties(path)
    assert f"<vt:lpwstr>{SIXTH}#net-02#fr</vt:lpwstr>" in custom
    assert f"<vt:lpwstr>{entry['content_hash']}</vt:lpwstr>" in custom
    footer = docx.Document(str(path)).sections[0].footer.paragraphs[0].text
    assert f"{SIXTH} · net-02 · {entry['content_hash'][:12]}" in footer
    assert entry["files"]["docx"]["sha256"] and len(entry["template_sha256"]) == 64
    assert (folder / "manifest.csv").read_text(encoding="utf-8").count("\n") == 33


def test_provider_amendment_variants(corpus, examples, tmp_path):
    organisation = next(o for o in examples.organisations if o.inami is None)
    net = organisation.networks[0]
    result = generate(corpus, PROVIDER_AMENDMENT, examples, tmp_path, only={net}, lang="fr")
    parties = {e.party for e in result.entries}
    assert parties == {f"{p.id}@{net}" for p in examples.providers_of(net)}
    texts = _paragraphs(tmp_path / PROVIDER_AMENDMENT / f"{organisation.id}@{net}.fr.docx")
    assert f"Nom de l'organisation {organisation.name}" in texts or any(
        organisation.name in t for t in texts
    )
    assert not any(t.startswith("Nom et prénom :") for t in texts)
    assert "Pour le responsable de l’organisation," in texts
    assert "Pour le psychologue/orthopédagogue clinicien," not in texts
    assert "Numéro INAMI (si applicable) : non applicable" in texts
    psychologist = next(p for p in examples.psychologists if net in p.networks)
    texts = _paragraphs(tmp_path / PROVIDER_AMENDMENT / f"{psychologist.id}@{net}.fr.docx")
    assert f"Nom et prénom : {psychologist.name}" in texts
    assert "Pour le psychologue/orthopédagogue clinicien," in texts
    assert any(t.startswith("« §1/1 Par dérogation aux dispositions du §1") for t in texts)


def test_the_manifest_says_who_signs_each_copy(corpus, examples, tmp_path):
    import csv
    import io

    net = "net-03"
    generate(corpus, SIXTH, examples, tmp_path, only={net}, lang="fr")
    folder = tmp_path / SIXTH
    (entry,) = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))["documents"]
    hospital = examples.network(net).hospital
    assert entry["provider_kind"] == ""
    assert entry["roles"] == ["committee", "network", "hospital"]
    assert entry["signers"] == {"committee": None, "network": net, "hospital": hospital}
    (row,) = csv.DictReader(io.StringIO((folder / "manifest.csv").read_text(encoding="utf-8")))
    assert row["roles"] == "committee network hospital"
    assert row["signers"] == f"network={net} hospital={hospital}"
    # a provider's copy: only the role of its kind, and the provider signing in it
    generate(corpus, PROVIDER_AMENDMENT, examples, tmp_path, only={net}, lang="fr")
    manifest = tmp_path / PROVIDER_AMENDMENT / "manifest.json"
    entries = json.loads(manifest.read_text(encoding="utf-8"))["documents"]
    kinds = set()
    for entry in entries:
        provider = examples.provider(entry["provider"])
        kinds.add(provider.party_type)
        own = "provider" if provider.party_type == "psychologist" else "organisation"
        assert entry["provider_kind"] == provider.party_type
        assert entry["roles"] == [own, "network", "hospital"]
        assert entry["signers"] == {own: provider.id, "network": net, "hospital": hospital}
    assert kinds == {"psychologist", "organisation"}


def _hostile_parties(tmp_path: Path, *, director: str | None = "Joël Lemaître") -> Path:
    data = yaml.safe_load(EXAMPLES.read_text(encoding="utf-8"))
    network = dict(data["networks"][1], name=HOSTILE_NAME)  # net-02, adults
    hospital = next(h for h in data["hospitals"] if h["id"] == network["hospital"])
    hospital = dict(hospital, director=LONG_NAME.strip())
    psychologist = dict(data["psychologists"][0], networks=[network["id"]])
    psychologist["name"] = "Anne-Marie <O'Brien> & {{ config }}"
    parties = {
        "networks": [network],
        "hospitals": [hospital],
        "psychologists": [psychologist],
        "organisations": [],
    }
    path = tmp_path / "hostile.yaml"
    path.write_text(yaml.safe_dump(parties, allow_unicode=True), encoding="utf-8")
    return path


def test_hostile_party_data_comes_out_literally(corpus, tmp_path):
    parties = load_parties(_hostile_parties(tmp_path))
    generate(corpus, SIXTH, parties, tmp_path / "out", lang="fr")
    texts = _paragraphs(tmp_path / "out" / SIXTH / "net-02.fr.docx")
    shown = HOSTILE_NAME.replace("\x07", "␇")  # a control character becomes its visible symbol
    block = next(t for t in texts if t.startswith("le réseau de santé mentale Adultes"))
    # its leading "Réseau" is what the phrase just printed (issue 12): the rest comes out literally
    distinct = shown.removeprefix("Réseau ")
    assert f"le réseau de santé mentale Adultes {distinct}, représenté ici par" in block
    assert f"représenté ici par le directeur général {LONG_NAME.strip()}" in texts
    generate(corpus, PROVIDER_AMENDMENT, parties, tmp_path / "out", lang="fr")
    texts = _paragraphs(tmp_path / "out" / PROVIDER_AMENDMENT / "psy-0001@net-02.fr.docx")
    assert "Nom et prénom : Anne-Marie <O'Brien> & {{ config }}" in texts


def test_missing_value_stops_the_batch_and_writes_nothing(corpus, examples, tmp_path):
    from generator.parties.register import build_register

    # the party file's checks refuse an empty director; a register built in code
    # without them must still never print a blank
    broken = examples.hospital("hosp-01").model_copy(update={"director": " "})
    examples_copy = build_register(
        [(broken if p.id == "hosp-01" else p, None) for p in examples.all()], "in code"
    )
    out = tmp_path / "out"
    (out / SIXTH).mkdir(parents=True)
    (out / SIXTH / "keep.txt").write_text("earlier work")
    with pytest.raises(GenerationError) as caught:
        generate(corpus, SIXTH, examples_copy, out, lang="fr")
    message = str(caught.value)
    assert "nothing was written" in message
    assert "net-01: no director for hospital hosp-01 (representing network net-01)" in message
    assert sorted(p.name for p in (out / SIXTH).iterdir()) == ["keep.txt"]


def test_same_inputs_give_byte_identical_docx(corpus, examples, tmp_path):
    first = generate(corpus, SIXTH, examples, tmp_path / "a", only={"net-01", "net-07"}, lang="fr")
    second = generate(corpus, SIXTH, examples, tmp_path / "b", only={"net-01", "net-07"}, lang="fr")
    for a, b in zip(first.entries, second.entries, strict=True):
        assert a.files == b.files and a.content_hash == b.content_hash
        name = a.files["docx"]["path"]
        assert (tmp_path / "a" / SIXTH / name).read_bytes() == (
            tmp_path / "b" / SIXTH / name
        ).read_bytes()
    assert (tmp_path / "a" / SIXTH / "manifest.json").read_bytes() == (
        tmp_path / "b" / SIXTH / "manifest.json"
    ).read_bytes()


def test_unknown_party_and_missing_language_template(corpus, examples, tmp_path):
    from generator.errors import ConventioError
    from tests.support.language_templates import templates_for

    with pytest.raises(ConventioError, match="--only names parties this batch does not have"):
        generate(corpus, SIXTH, examples, tmp_path, only={"net-99"}, lang="fr")
    # the corpus holds no Dutch text (whether conventio ships Dutch templates or not)
    with pytest.raises(ConventioError, match="texts the corpus does not hold in Dutch"):
        generate(corpus, SIXTH, examples, tmp_path, lang="nl")
    french_only = templates_for(tmp_path / "templates", langs=())
    with pytest.raises(ConventioError, match="need a Dutch template, which is not there"):
        generate(corpus, SIXTH, examples, tmp_path, lang="nl", templates=french_only)


def test_coordinated_convention_at_a_date(corpus, examples, tmp_path):
    generate(
        corpus,
        "network-provider-2021",
        examples,
        tmp_path,
        only={"psy-0001"},
        at=dt.date(2023, 9, 1),
        lang="fr",
    )
    folder = tmp_path / "network-provider-2021" / "2023-09-01"
    texts = _paragraphs(folder / "psy-0001@net-01.2023-09-01.fr.docx")
    assert "Version coordonnée au 1er septembre 2023" in texts
    assert any(t.startswith("§1/1 Par dérogation") for t in texts)
    assert "[texte non repris dans le corpus]" in texts


@pytest.mark.libreoffice
def test_pdf_carries_identity_and_signature_fields(corpus, examples, tmp_path):
    from pypdf import PdfReader

    from generator.pdf.finish import read_identity

    result = generate(
        corpus,
        SIXTH,
        examples,
        tmp_path,
        only={"net-01", "net-02"},
        formats=("docx", "pdf"),
        lang="fr",
    )
    assert sorted(entry.party for entry in result.entries) == ["net-01", "net-02"]
    for entry in result.entries:
        pdf = tmp_path / SIXTH / entry.files["pdf"]["path"]
        data = pdf.read_bytes()
        assert read_identity(data) == (entry.document_id, entry.content_hash)
        reader = PdfReader(str(pdf))
        assert set(reader.get_fields()) == {"sig_committee", "sig_network", "sig_hospital"}
        text = " ".join(page.extract_text() for page in reader.pages)
        assert "Prime de pratique" in text and "792514" in text


def test_cli_generate_templates_check_and_context(tmp_path):
    runner = CliRunner()
    out = tmp_path / "out"
    command = ["generate", SIXTH, "--parties", str(EXAMPLES), "--only", "net-03", "--out", str(out)]
    # net-03 is Dutch-speaking and the corpus holds no Dutch: never a silent French copy
    refused = runner.invoke(cli, command)
    assert refused.exit_code == 1 and "Dutch (nl): 1 party (net-03) needs" in refused.output
    assert not out.exists()
    result = runner.invoke(cli, [*command, "--lang", "fr"])
    assert result.exit_code == 0, result.output
    assert "1 document(s) written to" in result.output
    checked = runner.invoke(cli, ["templates", "check"])
    assert checked.exit_code == 0 and checked.output.startswith("templates OK: 15 template(s)")
    context = runner.invoke(
        cli, ["context", PROVIDER_AMENDMENT, "--parties", str(EXAMPLES), "--party", "psy-0001"]
    )
    assert context.exit_code == 0, context.output
    data = json.loads(context.output)
    assert any("Marie-Hélène de l'Hôpital" in b["text"] for b in data["blocks"])
    nrn = load_parties(EXAMPLES).provider("psy-0001").nrn
    assert nrn not in context.output and nrn[:6] not in context.output.replace(".", "")


def test_templates_check_names_the_file_and_the_variable(tmp_path):
    import shutil

    from generator.generation.template_check import check_templates

    folder = tmp_path / "templates" / "fr"
    shutil.copytree(ROOT / "templates" / "fr", folder)
    document = docx.Document(str(folder / "circular.docx"))
    document.add_paragraph("{{ addresse }}")
    document.save(str(folder / "circular.docx"))
    broken = docx.Document(str(folder / "amendment-inami-network.docx"))
    broken.add_paragraph("{% if %}")
    broken.save(str(folder / "amendment-inami-network.docx"))
    ok, text = check_templates(load_corpus(), tmp_path / "templates")
    assert not ok
    assert f"{folder / 'circular.docx'}: the variable 'addresse' is not in the context" in text
    assert f"{folder / 'amendment-inami-network.docx'}: template error" in text


def test_pdf_without_libreoffice_fails_clearly_and_writes_nothing(
    corpus, examples, tmp_path, monkeypatch
):
    from generator.errors import ConventioError

    monkeypatch.setenv("CONVENTIO_SOFFICE", str(tmp_path / "no-soffice"))
    with pytest.raises(ConventioError, match="LibreOffice is needed to make PDFs") as caught:
        generate(
            corpus,
            SIXTH,
            examples,
            tmp_path / "out",
            only={"net-01"},
            formats=("docx", "pdf"),
            lang="fr",
        )
    assert "Generating DOCX documents works without LibreOffice" in str(caught.value)
    assert not [p for p in (tmp_path / "out").rglob("*") if p.is_file()]


def test_covering_circular_letter_per_network(corpus, examples, tmp_path):
    generate(corpus, "circulars/psy-ort-2023-006", examples, tmp_path, only={"net-03"}, lang="fr")
    folder_file = tmp_path / "circulars" / "psy-ort-2023-006" / "net-03.fr.docx"
    texts = _paragraphs(folder_file)
    assert examples.network("net-03").name in texts
    assert "Nos réf : Psy-Ort/2023/006\tBruxelles, le 28 septembre 2023" in texts
    assert "Objet :" in texts
    assert (
        "Vous trouverez joint au mail vous ayant communiqué cette circulaire une version "
        "personnalisée de cet avenant pour votre réseau. Nous vous demandons de la signer "
        "électroniquement et nous la renvoyer." in texts
    )
    assert (
        "1) 80% de la prime est attribuée en fonction du volume de séances individuelles "
        "facturées." in texts
    )
    body = [p.text for p in docx.Document(str(folder_file)).paragraphs]
    assert body[-2:] == ["Daniel Crabbe", "Conseiller Général"]
