"""Office Open XML, the format of a .docx file, in one room.

- `namespaces`: the XML namespaces of the format, and the declaration every
  part begins with.
- `zipwriter`: the deterministic ZIP a .docx is written as.
- `content_types`: the content type of each part, and [Content_Types].xml.
- `relationships`: the types of relationship, and the .rels parts.
- `custom_properties`: docProps/custom.xml, where an issued copy carries its
  identity; written by generation, read back by the signature register.

Generation (personalised copies), the diff's redline and the DOCX reader of
the importer use it; nothing here knows about conventions.
"""
