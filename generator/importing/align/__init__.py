"""Aligning an official Dutch or German text to the French document it translates.

`conventio import FILE --lang nl --translation-of DOC` reads the translation
with the importer's reader (`read/`: paragraphs and table rows as printed,
page furniture left out) and its markers (`recognise/markers`, with the
Dutch and German keywords), then pairs what it printed with the text units
of the French document, by structure:

- `french`: the French document's text units in the order a reader meets
  them, each with its anchor (an article's number, a point's or a
  paragraph's label, an annex's number, a row's pseudocode, an
  abbreviation) or none (titles, recitals, party blocks, alinéas);
- `translated`: the same for the translation's blocks;
- `pairing`: the alignment itself (anchors must agree; the rest by
  position, helped by the numbers each text holds and its length);
- `targets`: a printed text turned into a unit's target (the marker and the
  quotation marks of a quoted provision taken off, slots put back);
- `result`: what it gives: the targets by unit id, and what could not be
  aligned, with where it was and what was found;
- `to_translations`: the hand-over to the translation checks and store.
"""
