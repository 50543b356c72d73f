"""Real Word footnotes: the corpus's notes at the foot of the page, not in the body.

A template prints a corpus block's text as it gets it; it cannot make a Word
footnote (docxtpl writes paragraphs, not notes). So the context marks where a
note is referred to (`reference_mark`, in place of `[^1]`) and which paragraph
is a note (`note_mark`, at the start of a footnote block's text), and
`with_real_footnotes`, run on the rendered package, turns them into Word's own:

- each marked paragraph leaves the body for word/footnotes.xml, its label (what
  the template printed before the mark) replaced by Word's note number;
- each reference becomes a `w:footnoteReference` to the note with its mark that
  follows it (marks restart in each article: "1", "2"...);
- the footnotes part gets its content type and its relationship.

The numbering is the order of the notes in the body, so the output is the same
each time. A reference with no note after it prints its mark raised ("¹"); a
note nothing refers to stays a paragraph in the body, its mark dropped.
"""

from __future__ import annotations

import re

from lxml import etree

from generator.ooxml import content_types, relationships
from generator.ooxml.namespaces import R_NS, W_NS, XML_DECLARATION, XML_SPACE, W

PART = "word/footnotes.xml"
CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"
RELATIONSHIP = f"{R_NS}/footnotes"
RELATIONSHIP_ID = "rIdConventioFootnotes"
#: the character style of a note's number (templates/make_templates.py makes it)
REFERENCE_STYLE = "CV Footnote Reference"

#: characters Word and XML leave alone, and no text holds (sentinels.py uses \ue000-1)
_REF_OPEN, _REF_CLOSE, _NOTE_OPEN, _NOTE_CLOSE = "\ue002", "\ue003", "\ue004", "\ue005"
_MARK = re.compile(
    f"([{_REF_OPEN}{_NOTE_OPEN}])([^{_REF_CLOSE}{_NOTE_CLOSE}]*)[{_REF_CLOSE}{_NOTE_CLOSE}]"
)
_SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")


def reference_mark(mark: str) -> str:
    """What stands in a block's text where footnote `mark` is referred to."""
    return f"{_REF_OPEN}{mark}{_REF_CLOSE}"


def note_mark(mark: str) -> str:
    """What opens the text of footnote `mark`'s block."""
    return f"{_NOTE_OPEN}{mark}{_NOTE_CLOSE}"


def plain(text: str) -> str:
    """`text` as a reader sees it outside Word: references raised ("¹"), the
    notes' marks dropped."""
    return _MARK.sub(
        lambda m: m.group(2).translate(_SUPERSCRIPT) if m.group(1) == _REF_OPEN else "", text
    )


def with_real_footnotes(entries: dict[str, bytes]) -> dict[str, bytes]:
    """The rendered package `entries` with the marked notes made Word footnotes
    (see the module's doc); unchanged if the body marks none."""
    body = entries["word/document.xml"]
    if _REF_OPEN.encode() not in body and _NOTE_OPEN.encode() not in body:
        return entries
    document = etree.fromstring(body)
    styles = etree.fromstring(entries["word/styles.xml"]) if "word/styles.xml" in entries else None
    style_id = _style_id(styles, REFERENCE_STYLE)
    existing = entries.get(PART)
    notes = etree.fromstring(existing) if existing else _empty_footnotes()
    first_id = 1 + max((int(n.get(f"{W}id")) for n in notes.findall(f"{W}footnote")), default=0)
    made = _move_notes(document, notes, first_id, style_id)
    out = dict(entries)
    out["word/document.xml"] = _serialise(document)
    if made:
        out[PART] = _serialise(notes)
        out[content_types.PART] = content_types.with_override(
            entries[content_types.PART], PART, CONTENT_TYPE
        )
        out[relationships.DOCUMENT_PART] = relationships.with_relationship(
            entries[relationships.DOCUMENT_PART], RELATIONSHIP_ID, RELATIONSHIP, "footnotes.xml"
        )
    return out


def _move_notes(document, notes, next_id: int, style_id: str | None) -> int:
    """Every marked note of `document` moved into `notes`, its references
    pointing at it; how many notes were made."""
    pending: dict[str, list] = {}  # mark -> the runs referring to it, not yet linked
    made = 0
    for paragraph in list(document.iter(f"{W}p")):
        for mark, run in _split_references(paragraph):
            pending.setdefault(mark, []).append(run)
        mark = _note_in(paragraph)
        if mark is None:
            continue
        waiting = pending.pop(mark, [])
        if not waiting:  # nothing refers to it: it stays in the body
            continue
        for run in waiting:
            _refer(run, next_id, style_id)
        _make_note(paragraph, notes, next_id, style_id)
        next_id += 1
        made += 1
    for mark, runs in pending.items():  # no note follows: the mark, raised
        for run in runs:
            run.append(_text(mark.translate(_SUPERSCRIPT)))
    return made


def _split_references(paragraph) -> list[tuple[str, object]]:
    """Each reference mark in `paragraph`'s text moved into an empty run of its
    own (the text around it in runs like the one it stood in); the marks and runs."""
    found = []
    for text in list(paragraph.iter(f"{W}t")):
        if _REF_OPEN not in (text.text or ""):
            continue
        run = text.getparent()
        pieces = re.split(f"{_REF_OPEN}([^{_REF_CLOSE}]*){_REF_CLOSE}", text.text)
        text.text = pieces[0]
        text.set(XML_SPACE, "preserve")
        anchor = run
        for i in range(1, len(pieces), 2):
            mark_run = _run_like(run)
            anchor.addnext(mark_run)
            found.append((pieces[i], mark_run))
            after = _run_like(run)
            after.append(_text(pieces[i + 1]))
            mark_run.addnext(after)
            anchor = after
    return found


def _note_in(paragraph) -> str | None:
    """The mark of the note `paragraph` is, with what precedes the mark (the
    label the template printed) and the mark taken out; None if it is none."""
    texts = list(paragraph.iter(f"{W}t"))
    for i, text in enumerate(texts):
        value = text.text or ""
        if _NOTE_OPEN in value:
            start = value.index(_NOTE_OPEN)
            end = value.index(_NOTE_CLOSE, start)
            for earlier in texts[:i]:
                earlier.text = ""
            text.text = value[end + 1 :].lstrip()
            return value[start + 1 : end]
    return None


def _make_note(paragraph, notes, note_id: int, style_id: str | None) -> None:
    """`paragraph` becomes the text of footnote `note_id`, opened by its number."""
    note = etree.SubElement(notes, f"{W}footnote")
    note.set(f"{W}id", str(note_id))
    paragraph.getparent().remove(paragraph)
    note.append(paragraph)
    properties = paragraph.find(f"{W}pPr")
    at = 0 if properties is None else list(paragraph).index(properties) + 1
    number = etree.Element(f"{W}r")
    number.append(_raised(style_id))
    etree.SubElement(number, f"{W}footnoteRef")
    space = etree.Element(f"{W}r")
    space.append(_text(" "))
    paragraph.insert(at, space)
    paragraph.insert(at, number)


def _refer(run, note_id: int, style_id: str | None) -> None:
    old = run.find(f"{W}rPr")
    if old is not None:
        run.remove(old)
    run.insert(0, _raised(style_id))
    etree.SubElement(run, f"{W}footnoteReference").set(f"{W}id", str(note_id))


def _raised(style_id: str | None):
    properties = etree.Element(f"{W}rPr")
    if style_id is not None:
        etree.SubElement(properties, f"{W}rStyle").set(f"{W}val", style_id)
    etree.SubElement(properties, f"{W}vertAlign").set(f"{W}val", "superscript")
    return properties


def _run_like(run):
    """An empty run formatted as `run`."""
    new = etree.Element(f"{W}r")
    properties = run.find(f"{W}rPr")
    if properties is not None:
        new.append(etree.fromstring(etree.tostring(properties)))
    return new


def _text(value: str):
    text = etree.Element(f"{W}t")
    text.text = value
    text.set(XML_SPACE, "preserve")
    return text


def _style_id(styles, name: str) -> str | None:
    if styles is None:
        return None
    for style in styles.iter(f"{W}style"):
        found = style.find(f"{W}name")
        if found is not None and found.get(f"{W}val") == name:
            return style.get(f"{W}styleId")
    return None


def _empty_footnotes():
    """A footnotes part with Word's two separators (ids -1 and 0), as Word writes it."""
    notes = etree.Element(f"{W}footnotes", nsmap={"w": W_NS})
    for note_id, kind, mark in (
        ("-1", "separator", "separator"),
        ("0", "continuationSeparator", "continuationSeparator"),
    ):
        note = etree.SubElement(notes, f"{W}footnote")
        note.set(f"{W}type", kind)
        note.set(f"{W}id", note_id)
        run = etree.SubElement(etree.SubElement(note, f"{W}p"), f"{W}r")
        etree.SubElement(run, f"{W}{mark}")
    return notes


def _serialise(element) -> bytes:
    return XML_DECLARATION.encode() + etree.tostring(element, encoding="UTF-8")
