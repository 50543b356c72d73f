"""generator/ooxml/footnotes.py: marked notes become Word footnotes, and what
happens to a reference with no note, a note with no reference, and a template
that has a footnotes part already."""

from __future__ import annotations

from lxml import etree

from generator.ooxml import content_types, relationships
from generator.ooxml.footnotes import (
    PART,
    note_mark,
    plain,
    reference_mark,
    with_real_footnotes,
)
from generator.ooxml.namespaces import W_NS, W


def _package(*paragraphs: str, notes: bytes | None = None) -> dict[str, bytes]:
    body = "".join(f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>" for text in paragraphs)
    document = f'<w:document xmlns:w="{W_NS}"><w:body>{body}</w:body></w:document>'
    entries = {
        "word/document.xml": document.encode(),
        content_types.PART: content_types.content_types_xml({}),
        relationships.DOCUMENT_PART: relationships.relationships_xml([]),
    }
    if notes is not None:
        entries[PART] = notes
    return entries


def _texts(part: bytes) -> list[str]:
    root = etree.fromstring(part)
    return ["".join(p.itertext()) for p in root.iter(f"{W}p")]


def test_a_note_leaves_the_body_and_its_reference_points_at_it():
    entries = _package(f"avant{reference_mark('1')} après", f"1 {note_mark('1')}La note.")
    out = with_real_footnotes(entries)
    assert _texts(out["word/document.xml"]) == ["avant après"]
    body = etree.fromstring(out["word/document.xml"])
    assert [r.get(f"{W}id") for r in body.iter(f"{W}footnoteReference")] == ["1"]
    notes = etree.fromstring(out[PART])
    (note,) = [n for n in notes.findall(f"{W}footnote") if n.get(f"{W}type") is None]
    assert note.get(f"{W}id") == "1" and "".join(note.itertext()) == " La note."
    assert note.find(f".//{W}footnoteRef") is not None
    assert 'PartName="/word/footnotes.xml"' in out[content_types.PART].decode()
    assert 'Target="footnotes.xml"' in out[relationships.DOCUMENT_PART].decode()
    assert with_real_footnotes(entries) == out  # the same each time


def test_marks_restart_in_each_article():
    out = with_real_footnotes(
        _package(
            f"a{reference_mark('1')}",
            note_mark("1") + "première",
            f"b{reference_mark('1')}",
            note_mark("1") + "seconde",
        )
    )
    body = etree.fromstring(out["word/document.xml"])
    assert [r.get(f"{W}id") for r in body.iter(f"{W}footnoteReference")] == ["1", "2"]
    assert [t.strip() for t in _texts(out[PART])[2:]] == ["première", "seconde"]


def test_a_reference_without_note_is_raised_and_a_note_without_reference_stays():
    out = with_real_footnotes(_package(f"texte{reference_mark('3')}", f"2 {note_mark('2')}seule"))
    assert _texts(out["word/document.xml"]) == ["texte³", "seule"]
    assert PART not in out


def test_a_template_with_footnotes_keeps_them_and_numbers_after():
    existing = (
        f'<w:footnotes xmlns:w="{W_NS}"><w:footnote w:type="separator" w:id="-1"/>'
        '<w:footnote w:type="continuationSeparator" w:id="0"/><w:footnote w:id="1">'
        "<w:p><w:r><w:t>du modèle</w:t></w:r></w:p></w:footnote></w:footnotes>"
    ).encode()
    out = with_real_footnotes(
        _package(f"x{reference_mark('1')}", note_mark("1") + "nouvelle", notes=existing)
    )
    notes = etree.fromstring(out[PART]).findall(f"{W}footnote")
    assert [n.get(f"{W}id") for n in notes] == ["-1", "0", "1", "2"]


def test_plain_text_shows_the_reference_raised_and_drops_the_note_mark():
    assert plain(f"a{reference_mark('12')} b") == "a¹² b"
    assert plain(note_mark("1") + "note") == "note"
