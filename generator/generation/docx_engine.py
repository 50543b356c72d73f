"""DOCX from Word templates, fast: each template is rendered by docxtpl once
per variant (with sentinels for party values), then each party's copy is the
rendered parts with the sentinels filled in, checked and zipped.

Copies are deterministic (fixed ZIP timestamps and order, fixed core
properties), carry their identity in docProps/custom.xml, and every XML part
is parsed again strictly before the file is accepted."""

from __future__ import annotations

import datetime as dt
import hashlib
import html
import io
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator.errors import ConventioError
from generator.generation.sentinels import CLOSE, OPEN, fill_xml, names_in, sentinel
from generator.ooxml import custom_properties, footnotes
from generator.ooxml.namespaces import (
    CORE_PROPERTIES_NS,
    DC_NS,
    DCMITYPE_NS,
    DCTERMS_NS,
    XML_DECLARATION,
    XSI_NS,
)
from generator.ooxml.zipwriter import Entry, compress, write_zip

_TEXT_RE = re.compile(r"<w:t(?:\s[^>]*)?>([^<]*)</w:t>|<w:tab/>|</w:p>")


@dataclass(frozen=True)
class RenderedTemplate:
    """One template rendered for one variant, sentinels still in place."""

    template: str
    template_sha256: str
    entries: tuple[tuple[str, bytes], ...]
    #: the parts that contain sentinels
    filled_parts: frozenset[str]
    #: the other parts, checked and compressed once for every copy
    fixed: dict[str, Entry]
    #: every party slot the document prints
    slots: frozenset[str]


def file_sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def document_text(document_xml: str) -> str:
    """The text of a document.xml, one paragraph per line (what the content
    hash covers)."""
    parts: list[str] = []
    for match in _TEXT_RE.finditer(document_xml):
        token = match.group(0)
        if token == "</w:p>":
            parts.append("\n")
        elif token == "<w:tab/>":
            parts.append("\t")
        else:
            parts.append(html.unescape(match.group(1)))
    return "".join(parts)


def _core_xml(title: str, lang: str, at: dt.date) -> bytes:
    stamp = f"{at.isoformat()}T00:00:00Z"
    return (
        f'{XML_DECLARATION}<cp:coreProperties xmlns:cp="{CORE_PROPERTIES_NS}" '
        f'xmlns:dc="{DC_NS}" xmlns:dcterms="{DCTERMS_NS}" xmlns:dcmitype="{DCMITYPE_NS}" '
        f'xmlns:xsi="{XSI_NS}">'
        f"<dc:title>{title}</dc:title><dc:creator>INAMI – conventio</dc:creator>"
        f"<dc:identifier>{sentinel('doc.id')}</dc:identifier>"
        f"<dc:language>{lang}</dc:language><cp:revision>1</cp:revision>"
        f'<dcterms:created xsi:type="dcterms:W3CDTF">{stamp}</dcterms:created>'
        f'<dcterms:modified xsi:type="dcterms:W3CDTF">{stamp}</dcterms:modified>'
        "</cp:coreProperties>"
    ).encode()


#: the identity each copy carries, filled in per copy like a party's values
_IDENTITY = [
    (custom_properties.DOCUMENT_ID, sentinel("doc.id")),
    (custom_properties.CONTENT_HASH, sentinel("doc.content_hash")),
    (custom_properties.REFERENCE, sentinel("doc.reference")),
]


def render_template(
    template: Path,
    context: dict[str, Any],
    lang: str,
    at: dt.date,
    fixed_cache: dict[tuple[str, bytes], Entry] | None = None,
) -> RenderedTemplate:
    """Render `template` with the stage-1 context (values are sentinels).
    `fixed_cache` shares the checked, compressed parts (styles, theme, ...)
    between the variants of one template.

    The template is refused, before anything runs, if it is a ZIP bomb
    (generator/ziplimits.py) or uses anything but the documented variables,
    tags and filters (template_rules.py); it is rendered in Jinja's sandbox
    (template_sandbox.py)."""
    from generator.ziplimits import WORD_TEMPLATE, zip_problem

    refused = zip_problem(template, WORD_TEMPLATE)
    if refused is not None:
        raise ConventioError(f"{template}: {refused}")
    with zipfile.ZipFile(io.BytesIO(_rendered_docx(template, context))) as archive:
        entries = {info.filename: archive.read(info) for info in archive.infolist()}
    entries = footnotes.with_real_footnotes(entries)
    entries["docProps/core.xml"] = _core_xml(html.escape(context.get("title", "")), lang, at)
    custom_properties.add_custom_properties(entries, _IDENTITY)
    ordered = sorted(entries.items(), key=lambda kv: (kv[0] != "[Content_Types].xml", kv[0]))
    filled, slots = _personalised_parts(template, ordered)
    return RenderedTemplate(
        str(template),
        file_sha256(template),
        tuple(ordered),
        frozenset(filled),
        _fixed_parts(ordered, filled, fixed_cache if fixed_cache is not None else {}),
        frozenset(s for s in slots if not s.startswith("doc.")),
    )


def _rendered_docx(template: Path, context: dict[str, Any]) -> bytes:
    """The template rendered by docxtpl in the sandbox; any refusal or failure
    said in words, naming the template."""
    import jinja2
    from docxtpl import DocxTemplate

    from generator.generation.template_sandbox import TemplateEnvironment, TemplateRefused

    env = TemplateEnvironment(frozenset(context))
    try:
        document = DocxTemplate(str(template))
        document.render(context, jinja_env=env)
        buffer = io.BytesIO()
        document.save(buffer)
    except TemplateRefused as exc:
        raise ConventioError("\n".join(f"{template}: {p}" for p in exc.problems)) from None
    except jinja2.TemplateSyntaxError as exc:
        raise ConventioError(
            f"{template}: template error (line {exc.lineno}): {exc.message}"
        ) from None
    except jinja2.UndefinedError as exc:
        raise ConventioError(
            f"{template}: the template uses a variable that does not exist: {exc.message}"
        ) from None
    except jinja2.TemplateError as exc:  # the sandbox refused something at run time
        raise ConventioError(f"{template}: the template was stopped: {exc}") from None
    except (zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise ConventioError(f"{template}: not a readable Word template ({exc})") from None
    return buffer.getvalue()


def _personalised_parts(
    template: Path, ordered: list[tuple[str, bytes]]
) -> tuple[set[str], set[str]]:
    """The parts that hold sentinels (filled per copy), and the slots they name."""
    filled: set[str] = set()
    slots: set[str] = set()
    for name, data in ordered:
        if name.endswith((".xml", ".rels")) and OPEN.encode() in data:
            text = data.decode("utf-8")
            filled.add(name)
            slots |= names_in(text)
            if name == "word/document.xml" and (
                "{{" in document_text(text) or "{%" in document_text(text)
            ):
                raise ConventioError(f"{template}: a template tag was left unrendered")
    return filled, slots


def _fixed_parts(
    ordered: list[tuple[str, bytes]], filled: set[str], cache: dict[tuple[str, bytes], Entry]
) -> dict[str, Entry]:
    """The parts every copy shares, checked and compressed once (in `cache`)."""
    fixed = {}
    for name, data in ordered:
        if name not in filled:
            key = (name, hashlib.sha256(data).digest())
            if key not in cache:
                if name.endswith((".xml", ".rels")):
                    _strict_parse(name, data)
                cache[key] = compress(name, data)
            fixed[name] = cache[key]
    return fixed


def _strict_parse(name: str, data: bytes) -> None:
    from lxml import etree

    try:
        etree.fromstring(data, etree.XMLParser(recover=False, resolve_entities=False))
    except etree.XMLSyntaxError as exc:
        raise ConventioError(f"the produced {name} is not well-formed XML: {exc}") from None
    if OPEN.encode() in data or CLOSE.encode() in data:
        raise ConventioError(f"the produced {name} still holds an unfilled value")


@dataclass(frozen=True)
class Personalised:
    data: bytes
    content_hash: str
    text: str


def personalise(
    rendered: RenderedTemplate, values: dict[str, str], identity: dict[str, str]
) -> Personalised:
    """One party's DOCX: `values` are already escaped; `identity` gets
    doc.id and doc.reference (the content hash is computed here)."""
    parts = dict(rendered.entries)
    body = fill_xml(parts["word/document.xml"].decode("utf-8"), {**values, **_BLANK_ID})
    text = document_text(body)
    if footnotes.PART in parts:  # the notes are the document's text too
        text += document_text(
            fill_xml(parts[footnotes.PART].decode("utf-8"), {**values, **_BLANK_ID})
        )
    content_hash = hashlib.sha256(text.encode("utf-8")).hexdigest()
    all_values = {**values, **identity, "doc.content_hash": content_hash}
    all_values["doc.reference"] = identity["doc.reference"].replace("{hash}", content_hash[:12])
    entries = []
    for name, data in rendered.entries:
        entry = rendered.fixed.get(name)
        if entry is None:
            data = fill_xml(data.decode("utf-8"), all_values).encode("utf-8")
            _strict_parse(name, data)
            entry = compress(name, data, level=1)  # per copy: speed over a few bytes
        entries.append(entry)
    return Personalised(write_zip(entries), content_hash, text)


_BLANK_ID = {"doc.id": "", "doc.reference": "", "doc.content_hash": ""}
