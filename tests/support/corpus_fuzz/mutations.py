"""One mutation applied to the files of a corpus ({relative path: bytes}):
characters deleted or inserted, lines duplicated, deleted, swapped or re-indented,
files truncated, emptied, dropped or copied elsewhere, invalid UTF-8 written,
values replaced, keys renamed, ids and targets changed.

A mutation is a tuple: its kind, the index of the file it changes (modulo the
number of files), then what the kind needs (see `strategies.MUTATIONS`)."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from tests.support.corpus_fuzz.bases import BASES, Files

REF_KEYS = (
    "id|amends|target|after|before|into|annex|num|code|ordinal|kind|action|type|when|party"
    "|role|mark|file|articles|concerns|carries|registry_flag|care|service"
)
KEY_VALUE = re.compile(r"(?P<key>[A-Za-z_][\w-]*)(?P<sep>:[ \t]+)(?P<value>[^\n,{}\[\]]*)")
ANCHOR_VALUE = re.compile(
    r"\b(?P<key>target|after|before|into)(?P<sep>:[ \t]*)(?P<value>[^\n,{}\]]*)"
)
REF_VALUE = re.compile(rf"\b(?P<key>{REF_KEYS})(?P<sep>:[ \t]*)(?P<value>[^\n,{{}}\]]*)")
KEY = re.compile(r"(?P<key>[A-Za-z_][\w-]*)(?=:(?:[ \t]|$))", re.MULTILINE)

Mutation = tuple[Any, ...]


#: mutations of a file's bytes, or of the set of files
BYTE_KINDS = ("drop-file", "copy-file", "empty", "truncate", "bad-bytes", "delete")
#: mutations of one line
LINE_KINDS = ("duplicate-line", "delete-line", "swap-lines", "indent-line")
#: mutations of the group of the n-th match of a pattern
GROUP_EDITS = {
    "replace-value": (KEY_VALUE, "value"),
    "rename-key": (KEY, "key"),
    "change-ref": (REF_VALUE, "value"),
    "change-anchor": (ANCHOR_VALUE, "value"),
}


def mutate(files: Files, mutation: Mutation) -> Files:
    """`files` with one mutation applied (a new dict)."""
    files = dict(files)
    names = sorted(files)
    kind, which, *args = mutation
    name = names[which % len(names)]
    if kind in BYTE_KINDS:
        _mutate_bytes(files, name, kind, args)
    else:
        files[name] = _text_edit(_edit(kind, args))(files[name])
    return files


def _mutate_bytes(files: Files, name: str, kind: str, args: list[Any]) -> None:
    data = files[name]
    size = max(len(data), 1)
    if kind == "drop-file":
        if len(files) > 1:
            del files[name]
    elif kind == "copy-file":
        files[args[0]] = data
    elif kind == "empty":
        files[name] = b""
    elif kind == "truncate":
        files[name] = data[: args[0] % size]
    elif kind == "bad-bytes":
        at = args[0] % (len(data) + 1)
        files[name] = data[:at] + args[1] + data[at:]
    else:  # delete
        at = args[0] % size
        files[name] = data[:at] + data[at + args[1] :]


def _edit(kind: str, args: list[Any]) -> Callable[[str], str]:
    """The text edit of a mutation that is not one of BYTE_KINDS."""
    if kind == "insert":
        position, inserted = args

        def edit(text: str) -> str:
            at = position % (len(text) + 1)
            return text[:at] + inserted + text[at:]

        return edit
    if kind in LINE_KINDS:
        return _lines_edit(_line_change(kind, args))
    if kind in GROUP_EDITS:
        pattern, group = GROUP_EDITS[kind]
        return _replace_group(pattern, group, args[0], args[1])
    raise AssertionError(kind)  # pragma: no cover - every kind is handled above


def _line_change(kind: str, args: list[Any]) -> Callable[[list[str]], None]:
    def change(lines: list[str]) -> None:
        i = args[0] % len(lines)
        if kind == "duplicate-line":
            lines.insert(i, lines[i])
        elif kind == "delete-line":
            del lines[i]
        elif kind == "swap-lines":
            j = args[1] % len(lines)
            lines[i], lines[j] = lines[j], lines[i]
        elif args[1] >= 0:
            lines[i] = " " * args[1] + lines[i]
        else:
            stripped = lines[i].lstrip(" ")
            keep = max(0, len(lines[i]) - len(stripped) + args[1])
            lines[i] = " " * keep + stripped

    return change


def _text_edit(edit: Callable[[str], str]) -> Callable[[bytes], bytes]:
    def apply(data: bytes) -> bytes:
        return edit(data.decode("utf-8", "surrogateescape")).encode("utf-8", "surrogateescape")

    return apply


def _nth(pattern: re.Pattern[str], text: str, index: int) -> re.Match[str] | None:
    matches = list(pattern.finditer(text))
    return matches[index % len(matches)] if matches else None


def _replace_group(pattern: re.Pattern[str], group: str, index: int, new: str):
    def edit(text: str) -> str:
        match = _nth(pattern, text, index)
        if match is None:
            return text
        return text[: match.start(group)] + new + text[match.end(group) :]

    return edit


def _lines_edit(edit: Callable[[list[str]], None]) -> Callable[[str], str]:
    def apply(text: str) -> str:
        lines = text.splitlines(keepends=True)
        if lines:
            edit(lines)
        return "".join(lines)

    return apply


def build(base: str, mutations: list[Mutation]) -> Files:
    files = BASES[base]
    for mutation in mutations:
        files = mutate(files, mutation)
    return files
