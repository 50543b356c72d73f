"""generator/pdf/xmp.py's with_title: the XMP's dc:title says the document's
title once, as text (LibreOffice 7.4 escapes an apostrophe twice)."""

from __future__ import annotations

from lxml import etree

from generator.pdf.xmp import DC, RDF, with_title

TITLE = "Sixième avenant … de l'Institut national d'assurance maladie-invalidité"


def _packet(description: str) -> bytes:
    return (
        '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>\n'
        f'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="{RDF}">{description}'
        '</rdf:RDF></x:xmpmeta>\n<?xpacket end="w"?>'
    ).encode()


def _titles(packet: bytes) -> list[str]:
    text = packet.decode()
    root = etree.fromstring(text[text.index("<x:xmpmeta") : text.index("</x:xmpmeta>") + 12])
    return [li.text for li in root.iter(f"{{{DC}}}title") for li in li.iter(f"{{{RDF}}}li")]


def test_a_title_escaped_twice_is_written_again_once():
    packet = _packet(
        f'<rdf:Description xmlns:dc="{DC}" rdf:about=""><dc:title><rdf:Alt>'
        '<rdf:li xml:lang="x-default">de l&amp;apos;Institut</rdf:li></rdf:Alt></dc:title>'
        "<dc:creator><rdf:Seq><rdf:li>INAMI</rdf:li></rdf:Seq></dc:creator></rdf:Description>"
    )
    assert _titles(packet) == ["de l&apos;Institut"]  # what LibreOffice writes
    fixed = with_title(packet, TITLE)
    assert _titles(fixed) == [TITLE]
    assert fixed.startswith(b'<?xpacket begin="\xef\xbb\xbf"') and fixed.endswith(b'end="w"?>')
    assert with_title(fixed, TITLE) == fixed  # the same each time


def test_a_packet_without_title_gets_one():
    packet = _packet('<rdf:Description rdf:about="" xmlns:pdf="http://ns.adobe.com/pdf/1.3/"/>')
    assert _titles(with_title(packet, TITLE)) == [TITLE]
