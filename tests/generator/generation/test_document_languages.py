"""Issue 14: Dutch and German templates for every kind of document, and the
words conventio itself prints (letterhead, footer, signature field labels, the
information copy's banner, a circular's head) from the catalogue of the
document's language. The copies are rendered from a corpus copy holding a TEST
translation (tests/support/translated_corpus.py), read back from the DOCX
(python-docx and its XML) and the PDF (pypdf)."""

from __future__ import annotations

import importlib.util
import re
import zipfile
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from pypdf import PdfReader

from generator.catalogue import catalogue
from generator.corpus.loader import load_corpus
from generator.generation.batch import generate
from generator.generation.template_check import check_templates
from generator.generation.units import LETTER_TEMPLATES, TEMPLATES
from generator.parties.check import load_parties
from tests.support.paths import ROOT
from tests.support.translated_corpus import translated_corpus, translation_mark

SIXTH = "inami-network-2021/avenant-06"
PROVIDER_AMENDMENT = "network-provider-2021/avenant-2023-09"
COORDINATED = "inami-network-2021"
CIRCULAR = "circulars/psy-ort-2023-006"
TAGS = {"fr": "fr-BE", "nl": "nl-BE", "de": "de-BE"}


def _make_templates():
    spec = importlib.util.spec_from_file_location(
        "make_templates", ROOT / "templates" / "make_templates.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _xml(path: Path, prefix: str) -> str:
    with zipfile.ZipFile(path) as archive:
        return "".join(
            archive.read(name).decode("utf-8")
            for name in sorted(archive.namelist())
            if name.startswith(prefix)
        )


def _text(xml: str) -> str:
    """The words of a part, its runs joined (a field's shown value included)."""
    return "".join(re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", xml)).replace("&apos;", "'")


def _french_tool_words(lang: str) -> set[str]:
    """The French catalogue's words that differ from `lang`'s (each piece between
    placeholders, long enough to mean something)."""
    french, other = catalogue("fr"), catalogue(lang)
    words = set()
    for message_id in (
        "National Institute for Health and Disability Insurance",
        "Health Care Service",
        "Avenue Galilée 5/01 – 1210 Brussels",
        "Ref. {reference} – page {page} / {pages}",
        "Signature – {heading}",
        "Subject:",
        "Our ref.: {ref}",
        "Annex {num}",
    ):
        pieces = set(re.split(r"\{\w+\}", french.gettext(message_id)))
        pieces -= set(re.split(r"\{\w+\}", other.gettext(message_id)))
        words |= {p.strip() for p in pieces if len(p.strip()) >= 4}
    return words


def test_the_committed_templates_are_what_make_templates_builds(tmp_path):
    """Every kind in French, Dutch and German, rebuilt byte for byte: the .docx
    in templates/ are the script's output with the catalogues as they stand."""
    script = _make_templates()
    for name, layout in script.TEMPLATES.items():
        for lang in ("fr", "nl", "de"):
            built = script.build(name, layout, lang, folder=tmp_path)
            assert built.read_bytes() == (ROOT / "templates" / lang / f"{name}.docx").read_bytes()


@pytest.mark.parametrize("lang", ["nl", "de"])
@pytest.mark.parametrize("name", sorted([*TEMPLATES, *LETTER_TEMPLATES]))
def test_each_template_speaks_its_language(lang, name):
    path = ROOT / "templates" / lang / f"{name}.docx"
    document = docx.Document(str(path))  # opens with python-docx
    assert document.core_properties.language == lang
    styles = document.styles.element
    default = styles.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}")
    assert default.find(qn("w:lang")).get(qn("w:val")) == TAGS[lang]
    for style in document.styles:
        paragraphs = style.name.startswith("CV ") and style.name != "CV Footnote Reference"
        if paragraphs or style.name == "Normal":
            tag = style.element.rPr.find(qn("w:lang"))
            assert tag is not None and tag.get(qn("w:val")) == TAGS[lang], style.name
    header, footer = _text(_xml(path, "word/header")), _text(_xml(path, "word/footer"))
    words = catalogue(lang)
    for line in (
        words.gettext("National Institute for Health and Disability Insurance"),
        words.gettext("Health Care Service"),
        words.gettext("Avenue Galilée 5/01 – 1210 Brussels"),
    ):
        assert line in header
    footer_words = words.gettext("Ref. {reference} – page {page} / {pages}")
    before = footer_words.split("{page}")[0].replace("{reference}", "{{ reference }}")
    assert footer.startswith(before)
    everything = header + footer + _text(_xml(path, "word/document.xml"))
    assert not {w for w in _french_tool_words(lang) if w in everything}


def test_templates_check_passes_for_the_three_languages():
    ok, said = check_templates(load_corpus(), None)
    assert ok, said
    assert said.startswith("templates OK: 15 template(s)")
    assert "tried with the French text" in said  # the shipped corpus holds only French


@pytest.fixture(scope="module")
def copies(tmp_path_factory) -> dict[tuple[str, str], Path]:
    """Copies made in Dutch and German from the test translation: the sixth
    amendment, the provider amendment, the coordinated convention (an information
    copy) and a circular letter, for net-01 (and psy-0001)."""
    work = tmp_path_factory.mktemp("languages")
    corpus = load_corpus(translated_corpus(work))
    parties = load_parties(ROOT / "examples" / "parties.yaml")
    made = {}
    for lang in ("nl", "de"):
        for doc_id, party in (
            (SIXTH, "net-01"),
            (PROVIDER_AMENDMENT, "psy-0001"),
            (COORDINATED, "net-01"),
            (CIRCULAR, "net-01"),
        ):
            out = work / f"{doc_id.replace('/', '-')}.{lang}"
            generate(corpus, doc_id, parties, out, lang=lang, only={party})
            (made[doc_id, lang],) = out.rglob(f"*.{lang}.docx")
    return made


@pytest.mark.parametrize("lang", ["nl", "de"])
def test_letterhead_footer_and_signature_labels_come_in_the_copys_language(copies, lang):
    path = copies[SIXTH, lang]
    words = catalogue(lang)
    header, footer = _text(_xml(path, "word/header")), _text(_xml(path, "word/footer"))
    assert words.gettext("National Institute for Health and Disability Insurance") in header
    assert {"pagina": "nl", "Seite": "de"}.keys() & set(footer.split()) == {
        {"nl": "pagina", "de": "Seite"}[lang]
    }
    labels = [
        p.text for p in docx.Document(str(path)).paragraphs if p.style.name == "CV Signature Box"
    ]
    word = {"nl": "Handtekening", "de": "Unterschrift"}[lang]
    assert f"{word} – {translation_mark(lang)}Pour le réseau de santé mentale" in labels
    assert all(label.startswith(f"{word} – ") for label in labels) and len(labels) == 3
    # (the body is the test translation: the French behind a mark, so only the
    # header and the footer are the tool's words alone)
    assert not {w for w in _french_tool_words(lang) if w in header + footer}


@pytest.mark.parametrize("lang", ["nl", "de"])
def test_a_network_issued_copy_has_its_signature_labels_in_the_copys_language(copies, lang):
    labels = [
        p.text
        for p in docx.Document(str(copies[PROVIDER_AMENDMENT, lang])).paragraphs
        if p.style.name == "CV Signature Box"
    ]
    word = {"nl": "Handtekening", "de": "Unterschrift"}[lang]
    assert labels and all(
        label.startswith(f"{word} – {translation_mark(lang)}") for label in labels
    )


@pytest.mark.parametrize("lang", ["nl", "de"])
def test_article_and_paragraph_numbers_are_printed_in_the_copys_language(copies, lang):
    """The tool prints a provision's number when the corpus gives no label of its
    own: « Artikel 14/1 » in Dutch and German, never the French « Article »; « § 1 »
    where French prints « § 1er »."""
    texts = [p.text for p in docx.Document(str(copies[SIXTH, lang])).paragraphs]
    assert "Artikel 1" in texts and "Artikel 14/1" in texts
    assert not [t for t in texts if t.startswith("Article ")]
    coordinated = [p.text for p in docx.Document(str(copies[COORDINATED, lang])).paragraphs]
    assert not [t for t in coordinated if t.startswith("§ 1er")]
    assert [t for t in coordinated if t.startswith("§ 1 ")]


def test_the_information_banner_is_dutch_or_german(copies):
    banners = {
        lang: docx.Document(str(copies[COORDINATED, lang])).paragraphs for lang in ("nl", "de")
    }
    nl = next(p.text for p in banners["nl"] if p.text.startswith("Informatiekopie"))
    assert nl.startswith("Informatiekopie: deze gecoördineerde tekst is onvolledig.")
    assert "de wijzigingsclausules 1 tot 5" in nl and nl.endswith("niet worden ondertekend.")
    de = next(p.text for p in banners["de"] if p.text.startswith("Informationskopie"))
    assert "die Nachträge 1 bis 5" in de and "die Parteien" in de
    assert de.endswith("Diese Kopie kann nicht unterzeichnet werden.")


def test_a_circulars_head_is_dutch_or_german(copies):
    for lang, subject, reference in (
        ("nl", "Betreft:", "Onze ref.: "),
        ("de", "Betreff:", "Unser Zeichen: "),
    ):
        texts = [p.text for p in docx.Document(str(copies[CIRCULAR, lang])).paragraphs]
        assert subject in texts
        assert any(t.startswith(reference) for t in texts)
        assert not any(t.startswith(("Objet", "Nos réf")) for t in texts)


@pytest.mark.libreoffice
def test_a_dutch_pdfs_signature_fields_carry_dutch_labels(tmp_path):
    corpus = load_corpus(translated_corpus(tmp_path, ("nl",)))
    out = tmp_path / "out"
    generate(
        corpus,
        SIXTH,
        load_parties(ROOT / "examples" / "parties.yaml"),
        out,
        lang="nl",
        only={"net-01"},
        formats=("pdf",),
    )
    reader = PdfReader(str(out / SIXTH / "net-01.nl.pdf"))
    tooltips = {name: field["/TU"] for name, field in reader.get_fields().items()}
    assert tooltips["sig_network"] == (
        f"Handtekening – {translation_mark('nl')}Pour le réseau de santé mentale"
    )
    assert "Rijksinstituut voor ziekte- en invaliditeitsverzekering" in (
        reader.pages[0].extract_text()
    )
