"""A JSON Schema of the corpus files, for editors that validate and complete."""

from __future__ import annotations

from typing import Any

from pydantic import TypeAdapter

from generator.model.document_types import DOCUMENT_TYPES


def corpus_schema() -> dict[str, Any]:
    models = tuple(DOCUMENT_TYPES.values())
    union = models[0]
    for model in models[1:]:
        union = union | model  # type: ignore[operator]
    schema = TypeAdapter(union).json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "conventio corpus file"
    schema["description"] = (
        "One document of the conventio corpus: a convention, an amendment (avenant), "
        "a circular or the pseudocode registry. See docs/corpus-format.md."
    )
    return schema
