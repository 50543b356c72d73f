"""Issue 14: the words conventio prints in documents come from gettext message
catalogues (generator/catalogue.py, generator/locale/). The catalogues hold
every message the code asks for, each translated in French, Dutch and German,
with nothing fuzzy, the same placeholders as the English, and the compiled .mo
files are those of the .po files as they stand."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from generator.catalogue import DOMAIN, LANGUAGES, LOCALE_DIR, catalogue
from tests.support.paths import ROOT

POT = LOCALE_DIR / f"{DOMAIN}.pot"


def _po(lang: str) -> Path:
    return LOCALE_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


def _read(path: Path):
    with path.open("rb") as file:
        return read_po(file)


def _key(message) -> tuple[str | None, str]:
    msgid = message.id[0] if isinstance(message.id, tuple) else message.id
    return message.context, msgid


def _keys(catalog) -> set[tuple[str | None, str]]:
    return {_key(m) for m in catalog if m.id}


def test_the_template_holds_every_message_the_code_asks_for():
    """What Babel's extractor finds with babel.cfg is exactly the .pot: a new or
    changed word in the code is in the catalogues' template."""
    with (ROOT / "babel.cfg").open() as file:
        method_map, options_map = parse_mapping_cfg(file)
    found = {
        (context, message[0] if isinstance(message, tuple) else message)
        for _file, _line, message, _comments, context in extract_from_dir(
            ROOT, method_map, options_map
        )
    }
    assert found, "the extractor found no message: is babel.cfg right?"
    assert found == _keys(_read(POT))


@pytest.mark.parametrize("lang", LANGUAGES)
def test_each_catalogue_translates_every_message_and_keeps_its_placeholders(lang):
    template, catalog = _read(POT), _read(_po(lang))
    assert _keys(catalog) == _keys(template), f"run pybabel update ({lang})"
    for message in catalog:
        if not message.id:
            continue
        assert not message.fuzzy, f"{lang}: {message.id!r} is marked fuzzy"
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        assert len(strings) == (2 if message.pluralizable else 1)
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        wanted = set(re.findall(r"\{\w+\}", "".join(ids)))
        for string in strings:
            assert string, f"{lang}: {message.id!r} is not translated"
            assert set(re.findall(r"\{\w+\}", string)) == wanted, (lang, message.id, string)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_compiled_catalogues_are_those_of_the_po_files(lang):
    """The .mo shipped is the .po compiled (pybabel compile): none is stale."""
    compiled = io.BytesIO()
    write_mo(compiled, _read(_po(lang)))
    assert (LOCALE_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.mo").read_bytes() == (
        compiled.getvalue()
    )


def test_the_french_catalogue_holds_the_words_french_documents_always_printed():
    french = catalogue("fr")
    assert french.gettext("National Institute for Health and Disability Insurance") == (
        "Institut national d'assurance maladie-invalidité"
    )
    assert french.gettext("Subject:") == "Objet :"
    assert french.gettext("Annex {num}").format(num=1) == "Annexe 1"
    assert french.pgettext("between provisions", "; ") == "\u202f; "
    assert french.ngettext("amendment {n}", "amendments {n}", 1) == "l'avenant {n}"
    assert french.ngettext("amendment {n}", "amendments {n}", 2) == "les avenants {n}"


def test_dutch_and_german_use_inamis_official_names():
    assert catalogue("nl").gettext("National Institute for Health and Disability Insurance") == (
        "Rijksinstituut voor ziekte- en invaliditeitsverzekering"
    )
    assert catalogue("de").gettext("National Institute for Health and Disability Insurance") == (
        "Landesinstitut für Kranken- und Invalidenversicherung"
    )
    assert [catalogue(lang).gettext("INAMI") for lang in LANGUAGES] == ["INAMI", "RIZIV", "LIKIV"]


def test_an_unknown_language_has_no_catalogue():
    with pytest.raises(ValueError, match="no catalogue for language 'en'"):
        catalogue("en")
