"""The parts of a redline DOCX around its body: the page header naming both
sides (name and date of each version), the footer's page numbers (Word PAGE
and NUMPAGES fields, as in the generated documents), and the comments that
name, on each change, the amendment article that made it."""

from __future__ import annotations

from lxml import etree

from generator.diffing.redline_package import COMMENTS_PART, FOOTER_PART, HEADER_PART, serialize
from generator.diffing.redline_plan import clean
from generator.ooxml.namespaces import W_NS, XML_SPACE, W

#: the footer's words around the page number and the number of pages
_PAGE = {"fr": ("page ", " / "), "nl": ("pagina ", " / "), "de": ("Seite ", " / ")}
#: the header's words: the left side, then the right side
_SIDES = {"fr": "Comparaison : ", "nl": "Vergelijking: ", "de": "Vergleich: "}


def _sub(parent: etree._Element, tag: str, **attrs: str) -> etree._Element:
    return etree.SubElement(parent, W + tag, {W + k: v for k, v in attrs.items()})


def _text_run(parent: etree._Element, text: str, size: str = "16") -> None:
    run = _sub(parent, "r")
    rpr = _sub(run, "rPr")
    _sub(rpr, "sz", val=size)
    _sub(rpr, "szCs", val=size)
    t = _sub(run, "t")
    t.text = clean(text)
    t.set(XML_SPACE, "preserve")


def _field(parent: etree._Element, instruction: str) -> None:
    """A field (PAGE, NUMPAGES) Word and LibreOffice compute when they lay out pages."""
    field = _sub(parent, "fldSimple", instr=f" {instruction} ")
    _text_run(field, "1")


def _part(tag: str) -> etree._Element:
    return etree.Element(W + tag, nsmap={"w": W_NS})


def header_xml(left: str, right: str, lang: str) -> bytes:
    """« Comparaison : <left> → <right> », each side's name and date."""
    root = _part("hdr")
    p = _sub(root, "p")
    _sub(_sub(p, "pPr"), "jc", val="center")
    _text_run(p, f"{_SIDES[lang]}{left} → {right}")
    return serialize(root)


def footer_xml(lang: str) -> bytes:
    """« page N / M »."""
    before, between = _PAGE[lang]
    root = _part("ftr")
    p = _sub(root, "p")
    _sub(_sub(p, "pPr"), "jc", val="center")
    _text_run(p, before)
    _field(p, "PAGE")
    _text_run(p, between)
    _field(p, "NUMPAGES")
    return serialize(root)


def comments_xml(comments: list[tuple[int, str]], author: str, date: str) -> bytes:
    """Each (id, text) as a Word comment by `author` at `date`."""
    root = _part("comments")
    initials = "".join(word[:1] for word in author.split())[:8] or "C"
    for comment_id, text in comments:
        comment = _sub(
            root, "comment", id=str(comment_id), author=author, date=date, initials=initials
        )
        p = _sub(comment, "p")
        _sub(_sub(p, "r"), "annotationRef")
        _text_run(p, text, size="20")
    return serialize(root)


def furniture(
    left: str, right: str, lang: str, comments: list[tuple[int, str]], author: str, date: str
) -> dict[str, bytes]:
    """The header, footer and comments parts, by part name, for `package`."""
    return {
        HEADER_PART: header_xml(left, right, lang),
        FOOTER_PART: footer_xml(lang),
        COMMENTS_PART: comments_xml(comments, author, date),
    }
