"""A document's text units as an XLIFF 2.0 file for translators, and back.

Written and read with translate-toolkit (`translate.storage.xliff2`). One
`<file>` per document (`original` = the document's id), one `<unit>` per text
unit: XLIFF ids are XML name tokens, which cannot hold '/', so a unit's `id` is
its unit id with '.' for '/' (`articles.0.text`) and its `name` the unit id
itself (`articles/0/text`). The source is the French, the target the
translation the corpus holds (if any), and a note says where the text is and the
hash of the French it was exported from. `srcLang="fr"`, `trgLang="nl"` or `"de"`:
the plain language codes CAT tools (Trados, memoQ, OmegaT) map to their own."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator.errors import ConventioError
from generator.model.text import source_hash
from generator.translations.checks import check_language
from generator.translations.units import text_units

XLIFF_NS = "urn:oasis:names:tc:xliff:document:2.0"
NOTE_CATEGORY = "conventio"


@dataclass(frozen=True)
class XliffUnit:
    id: str
    source: str
    target: str | None


@dataclass(frozen=True)
class XliffContent:
    """What an XLIFF file holds: the document, the target language, its units."""

    doc_id: str
    lang: str
    units: tuple[XliffUnit, ...]

    @property
    def targets(self) -> dict[str, str]:
        return {u.id: u.target for u in self.units if u.target is not None}

    @property
    def sources(self) -> dict[str, str]:
        return {u.id: u.source for u in self.units}


def xliff_id(unit_id: str) -> str:
    return unit_id.replace("/", ".")


def export_xliff(document: Any, lang: str) -> bytes:
    """The XLIFF 2.0 file of `document`'s text units for translation into `lang`."""
    from lxml import etree
    from translate.storage.xliff2 import Xliff2File

    check_language(lang)
    store = Xliff2File()
    store.setsourcelanguage("fr")
    store.settargetlanguage(lang)
    store.setfilename(store.body, xliff_id(document.id))
    store.body.set("original", document.id)
    for unit in text_units(document):
        item = store.UnitClass(unit.text.fr)
        item.setid(xliff_id(unit.id))
        store.addunit(item)
        target = unit.text.get(lang)
        if target is not None:
            item.target = target
        element = item.getunitelement()
        element.set("name", unit.id)
        # XLIFF 2.0 puts notes first in the unit, and xml:space on the unit, not the segment
        element.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
        item.xmlelement.attrib.pop("{http://www.w3.org/XML/1998/namespace}space", None)
        notes = etree.Element(f"{{{XLIFF_NS}}}notes")
        note = etree.SubElement(notes, f"{{{XLIFF_NS}}}note", category=NOTE_CATEGORY)
        note.text = f"{unit.address} · French source hash {source_hash(unit.text.fr)}"
        element.insert(0, notes)
    return bytes(store)


def read_xliff(data: bytes, shown: str | Path) -> XliffContent:
    """The document, language and units of an XLIFF 2.0 file (a plain error naming
    `shown` if it is not one conventio can read)."""
    from defusedxml import DefusedXmlException
    from defusedxml.ElementTree import fromstring
    from translate.storage.xliff2 import Xliff2File

    try:  # no DTD, hence no entity to expand (a "billion laughs") or to fetch
        fromstring(data, forbid_dtd=True)
    except DefusedXmlException:
        raise ConventioError(
            f"{shown}: the file declares a DTD or entities, which an XLIFF file never needs; "
            "conventio does not read it"
        ) from None
    except Exception as exc:
        raise ConventioError(f"{shown}: not an XML file ({exc})") from None
    try:
        store = Xliff2File.parsestring(data)
    except Exception as exc:  # lxml's and the toolkit's errors, said plainly
        raise ConventioError(f"{shown}: not an XLIFF 2.0 file conventio can read ({exc})") from None
    doc_id = store.body.get("original")
    lang = store.gettargetlanguage()
    if not doc_id:
        raise ConventioError(
            f"{shown}: the <file> element names no document (its 'original' attribute); "
            "use a file made by `conventio translations export`"
        )
    if not lang:
        raise ConventioError(f"{shown}: the file gives no target language (trgLang)")
    units = []
    for item in store.units:
        element = item.getunitelement()
        unit_id = element.get("name") or (item.getid() or "").replace(".", "/")
        source = item.source if item.source is not None else ""
        units.append(XliffUnit(unit_id, str(source), _text_or_none(item.target)))
    return XliffContent(doc_id, check_language(lang.split("-")[0].lower()), tuple(units))


def _text_or_none(value: Any) -> str | None:
    return None if value is None else str(value)
