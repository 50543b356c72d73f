"""Importing published texts (PDF, DOCX) into corpus drafts.

Reading (`pdf_reader`, `docx_reader`) turns a file into `Block`s, the
paragraphs and table rows as printed, and lists what it left out (running
headers, footers, page numbers).  `structure` recognises the parts of a
Belgian convention or amendment in those blocks, `instructions` the
amendment's operations, and `draft` writes the corpus YAML with what the
importer is unsure of as comments.
"""
