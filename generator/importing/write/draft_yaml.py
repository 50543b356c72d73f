"""Writing the draft as YAML a person reviews: keys in the corpus's order,
long texts as folded blocks like the hand-written corpus, and what the
importer is unsure of as comments above the part it concerns.

Every scalar goes through PyYAML's own quoting, so the file loads back to
exactly the data it was written from (tests check it)."""

from __future__ import annotations

from typing import Any

import yaml

_ORDER = [
    # documents
    "type",
    "id",
    "amends",
    "ordinal",
    "kind",
    "title",
    "sources",
    "note",
    "dates",
    "in_force",
    "in_force_note",
    "signatories",
    "recitals",
    "preamble",
    # provisions, amendment articles, operations
    "action",
    "target",
    "after",
    "before",
    "into",
    "quote",
    "num",
    "label",
    "heading",
    "text",
    "provision",
    "annex",
    "children",
    "footnotes",
    "operations",
    "entry_into_force",
    "text_after",
    "articles",
    "closing",
    # annexes and the rest
    "columns",
    "rows",
    "code",
    "description",
    "notes",
    "abbreviations",
    "annexes",
]
_RANK = {key: index for index, key in enumerate(_ORDER)}


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

    def mapping(self, node: dict, pad: str, first_prefix: str | None = None) -> None:
        keys = sorted(node, key=lambda k: _RANK.get(k, len(_RANK)))
        for index, key in enumerate(keys):
            prefix = first_prefix if (index == 0 and first_prefix is not None) else pad
            self.entry(key, node[key], prefix, pad)

    def entry(self, key: str, value: Any, prefix: str, pad: str) -> None:
        head = f"{prefix}{key}:"
        if isinstance(value, dict) and value:
            self.lines.append(head)
            self.comment(value, pad + "  ")
            self.mapping(value, pad + "  ")
        elif isinstance(value, list) and value:
            self.lines.append(head)
            self.sequence(value, pad + "  ")
        elif _foldable(value):
            self.lines.append(f"{head} >-")
            self.lines.append(f"{pad}  {value}")
        else:
            self.lines.append(f"{head} {_scalar(value)}")

    def sequence(self, items: list, pad: str) -> None:
        for item in items:
            self.comment(item, pad)
            if isinstance(item, dict) and item:
                self.mapping(item, pad + "  ", first_prefix=f"{pad}- ")
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
    writer.mapping(data, "")
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
