"""The OOXML room: a package written with its pieces is a real DOCX that Word's
readers open, and the custom properties written there are read back as written."""

from __future__ import annotations

import io
import zipfile

import docx
import pytest

from generator.errors import ConventioError
from generator.ooxml import content_types, custom_properties, relationships
from generator.ooxml.namespaces import W_NS, XML_DECLARATION
from generator.ooxml.zipwriter import compress, write_zip

HOSTILE = 'Réseau <b>&amp;</b> "l\'Hôpital" ]]> {{ 7*7 }}'


def _package(extra: dict[str, bytes] | None = None) -> dict[str, bytes]:
    document = (
        f'{XML_DECLARATION}<w:document xmlns:w="{W_NS}"><w:body><w:p><w:r><w:t>Article 1</w:t>'
        "</w:r></w:p></w:body></w:document>"
    ).encode()
    parts = {
        content_types.PART: content_types.content_types_xml(
            {"word/document.xml": content_types.DOCUMENT}
        ),
        relationships.ROOT_PART: relationships.relationships_xml(
            [("rId1", relationships.OFFICE_DOCUMENT, "word/document.xml")]
        ),
        "word/document.xml": document,
    }
    parts.update(extra or {})
    return parts


def _docx(parts: dict[str, bytes]) -> bytes:
    ordered = sorted(parts.items(), key=lambda kv: (kv[0] != content_types.PART, kv[0]))
    return write_zip([compress(name, data) for name, data in ordered])


def test_custom_properties_are_read_back_as_written_and_word_readers_find_them():
    parts = _package()
    written = [
        (custom_properties.DOCUMENT_ID, "inami-network-2021/avenant-06/net-02"),
        (custom_properties.CONTENT_HASH, "0" * 64),
        ("Hostile", HOSTILE),
    ]
    custom_properties.add_custom_properties(parts, written)
    data = _docx(parts)
    assert custom_properties.read_custom_properties(data) == dict(written)
    # python-docx follows the relationship and the content type to the part
    package = docx.Document(io.BytesIO(data)).part.package
    found = {str(part.partname): part.content_type for part in package.iter_parts()}
    assert found["/docProps/custom.xml"] == content_types.CUSTOM_PROPERTIES


def test_adding_custom_properties_twice_lists_the_part_once():
    parts = _package()
    custom_properties.add_custom_properties(parts, [("A", "1")])
    custom_properties.add_custom_properties(parts, [("A", "2")])
    assert parts[content_types.PART].count(b"/docProps/custom.xml") == 1
    assert parts[relationships.ROOT_PART].count(relationships.CUSTOM_PROPERTIES.encode()) == 1
    assert custom_properties.read_custom_properties(_docx(parts)) == {"A": "2"}


def test_a_docx_without_custom_properties_has_none():
    assert custom_properties.read_custom_properties(_docx(_package())) == {}


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"%PDF-1.7 not a zip", "it is not a DOCX file"),
        (
            _docx(_package({custom_properties.PART: b"<Properties><unclosed></Properties>"})),
            "its docProps/custom.xml is not well-formed XML",
        ),
        (
            _docx(_package({custom_properties.PART: b"<Properties>" + b" " * 1_000_001})),
            "its docProps/custom.xml is too large to be conventio's",
        ),
    ],
)
def test_what_cannot_be_conventios_custom_properties_is_refused_plainly(data, message):
    with pytest.raises(ConventioError, match=message):
        custom_properties.read_custom_properties(data)


def test_the_zip_is_the_same_bytes_for_the_same_parts_and_keeps_names_and_order():
    parts = {"[Content_Types].xml": b"<Types/>", "word/média.xml": b"x" * 1000, "a.xml": b""}
    entries = [compress(name, data) for name, data in parts.items()]
    first = write_zip(entries)
    assert first == write_zip([compress(name, data) for name, data in parts.items()])
    with zipfile.ZipFile(io.BytesIO(first)) as archive:
        assert archive.testzip() is None
        assert archive.namelist() == list(parts)
        assert {n: archive.read(n) for n in archive.namelist()} == parts
        assert {info.date_time for info in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}


def test_content_types_and_relationships_are_added_only_once():
    types = content_types.content_types_xml({"word/document.xml": content_types.DOCUMENT})
    once = content_types.with_override(types, "word/styles.xml", content_types.STYLES)
    assert content_types.with_override(once, "word/styles.xml", content_types.STYLES) == once
    assert once.count(b'PartName="/word/styles.xml"') == 1
    rels = relationships.relationships_xml([])
    once = relationships.with_relationship(rels, "rId9", relationships.STYLES, "styles.xml")
    assert relationships.with_relationship(once, "rIdX", relationships.STYLES, "x.xml") == once
    assert b'Id="rId9"' in once
