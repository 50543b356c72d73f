"""The kinds of corpus file: the `type` field each YAML document starts with,
and the model that reads it. The corpus loader, the JSON Schema of corpus files
and the importer's drafts all use this one map."""

from __future__ import annotations

from pydantic import BaseModel

from generator.model.documents import Amendment, Circular, Convention
from generator.model.pseudocodes import CodeRegistry

DOCUMENT_TYPES: dict[str, type[BaseModel]] = {
    "convention": Convention,
    "amendment": Amendment,
    "circular": Circular,
    "code-registry": CodeRegistry,
}

#: any document of the corpus
Document = Convention | Amendment | Circular | CodeRegistry
