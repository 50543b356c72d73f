"""The XML namespaces of a .docx, and the declaration its parts begin with.

Each namespace is given as its URI (`W_NS`, for an lxml `nsmap` or a
hand-written part) and, for the ones code looks elements up in, as lxml's
``{uri}`` prefix (`W`, so that ``f"{W}p"`` is the tag of a paragraph).
"""

from __future__ import annotations

#: the first line of every part conventio writes by hand
XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'

#: WordprocessingML: the body, styles, numbering, footnotes (prefix w:)
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
#: markup compatibility: mc:AlternateContent, mc:Choice, mc:Fallback
MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"
#: relationship ids in a part (r:id), and the stem of the relationship types
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
#: the .rels parts themselves, and the stem of the package's own relationship types
PACKAGE_RELATIONSHIPS_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
#: [Content_Types].xml
CONTENT_TYPES_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
#: docProps/core.xml (prefix cp:), with Dublin Core's dc:, dcterms: and dcmitype:
CORE_PROPERTIES_NS = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties"
DC_NS = "http://purl.org/dc/elements/1.1/"
DCTERMS_NS = "http://purl.org/dc/terms/"
DCMITYPE_NS = "http://purl.org/dc/dcmitype/"
#: docProps/app.xml
EXTENDED_PROPERTIES_NS = "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"
#: docProps/custom.xml, and the types of its values (prefix vt:)
CUSTOM_PROPERTIES_NS = "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"
VT_NS = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"
XSI_NS = "http://www.w3.org/2001/XMLSchema-instance"
XML_NS = "http://www.w3.org/XML/1998/namespace"

W = f"{{{W_NS}}}"
MC = f"{{{MC_NS}}}"
R = f"{{{R_NS}}}"
#: the xml:space attribute ("preserve" keeps a text's leading and trailing spaces)
XML_SPACE = f"{{{XML_NS}}}space"
