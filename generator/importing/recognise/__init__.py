"""Recognising: the parts of a convention or an amendment in the blocks read.

- `structure`: cuts the blocks into title, recitals, preamble, articles,
  closing and annexes, and builds a convention's articles.
- `amendment_articles`: an amendment's articles, their instructions paired
  with the quoted new texts (`quoted_texts`) they put in place.
- `frontmatter`: the title, recitals, party blocks and closing.
- `provisions`: an article's tree (article > § > point > indent, alinéas).
- `markers`: the printed markers ("Article 14/1", "§ 1er", "1°", "a)", «).
- `instructions`: an amendment's sentences read as operations.
- `dates`: dates as Belgian texts write them.
- `annexes`: annex headings and pseudocode tables.
- `required_fields`: what the corpus needs that the text does not print
  (id, kind, dates, signatories).
- `national_numbers`: a national register number put back as its slot.
- `journal`: what the importer is unsure of, and where.
"""
