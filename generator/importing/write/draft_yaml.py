"""Writing the draft as YAML a person reviews: keys in the order of the
corpus models' fields (generator/model/), long texts as folded blocks like the
hand-written corpus, and what the importer is unsure of as comments above the
part it concerns.

Every scalar goes through PyYAML's own quoting, so the file loads back to
exactly the data it was written from (tests check it)."""

from __future__ import annotations

from typing import Any

import yaml
from pydantic import BaseModel

from generator.model.base import field_model
from generator.model.document_types import DOCUMENT_TYPES

#: the model a mapping of the draft is (None: a plain mapping, keys as given)
Model = type[BaseModel] | None


def _scalar(value: Any) -> str:
    text = yaml.safe_dump(value, allow_unicode=True, width=10**9, default_flow_style=True)
    return text.removesuffix("\n").removesuffix("\n...")


def _foldable(value: Any) -> bool:
    return (
        isinstance(value, str)
        and len(value) > 50
        and value == value.strip()
        and all(ch.isprintable() for ch in value)
    )


class _Writer:
    def __init__(self, comments: dict[int, list[str]]):
        self.comments = comments
        self.lines: list[str] = []

    def comment(self, node: Any, pad: str) -> None:
        for text in self.comments.get(id(node), []):
            for line in text.splitlines() or [""]:
                self.lines.append(f"{pad}# {line}".rstrip())

    def mapping(self, node: dict, pad: str, model: Model, first_prefix: str | None = None) -> None:
        """A mapping's keys in its model's field order (others after, as given)."""
        fields = list(model.model_fields) if model is not None else []
        keys = sorted(node, key=lambda k: fields.index(k) if k in fields else len(fields))
        for index, key in enumerate(keys):
            prefix = first_prefix if (index == 0 and first_prefix is not None) else pad
            self.entry(key, node[key], prefix, pad, field_model(model, key))

    def entry(self, key: str, value: Any, prefix: str, pad: str, model: Model) -> None:
        head = f"{prefix}{key}:"
        if isinstance(value, dict) and value:
            self.lines.append(head)
            self.comment(value, pad + "  ")
            self.mapping(value, pad + "  ", model)
        elif isinstance(value, list) and value:
            self.lines.append(head)
            self.sequence(value, pad + "  ", model)
        elif _foldable(value):
            self.lines.append(f"{head} >-")
            self.lines.append(f"{pad}  {value}")
        else:
            self.lines.append(f"{head} {_scalar(value)}")

    def sequence(self, items: list, pad: str, model: Model) -> None:
        for item in items:
            self.comment(item, pad)
            if isinstance(item, dict) and item:
                self.mapping(item, pad + "  ", model, first_prefix=f"{pad}- ")
            elif _foldable(item):
                self.lines.append(f"{pad}- >-")
                self.lines.append(f"{pad}  {item}")
            else:
                self.lines.append(f"{pad}- {_scalar(item)}")


def dump(data: dict, comments: dict[int, list[str]], header: list[str]) -> str:
    """The draft's text: `header` as comment lines, then the data."""
    writer = _Writer(comments)
    writer.lines.extend(f"# {line}".rstrip() for line in header)
    writer.comment(data, "")
    writer.mapping(data, "", DOCUMENT_TYPES.get(data.get("type", "")))
    return "\n".join(writer.lines) + "\n"


def values_and_comments(data: Any, comments: dict[int, list[str]]) -> list[str]:
    """Every text the draft holds (values and comments), for the word count."""
    out: list[str] = list(comments.get(id(data), []))
    if isinstance(data, dict):
        for value in data.values():
            out += values_and_comments(value, comments)
    elif isinstance(data, list):
        for value in data:
            out += values_and_comments(value, comments)
    elif data is not None:
        out.append(str(data))
    return out
