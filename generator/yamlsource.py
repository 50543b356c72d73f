"""YAML read with the line and column of every value, so that any problem can
be reported where the user must fix it.

PyYAML composes a node tree that knows its positions; values are built from
it here, which also lets us refuse duplicate keys (PyYAML silently keeps the
last one) and report a bad date instead of raising.

Aliases (`*name`, repeating the block marked `&name`) are counted before the
tree is built: a few kilobytes of nested aliases ("billion laughs") would
otherwise expand to billions of values. A file may add at most
`ALIAS_BUDGET` values through aliases (corpus and party files alike: PyYAML's
own `safe_dump` writes aliases for a list used twice, so scripts that write
party files produce them).

Shared by the corpus loader and the party file readers, neither of which owns
it: it sits with the other shared utilities at the package's root.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

try:
    _Loader: type = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - libyaml missing
    _Loader = yaml.SafeLoader

from generator.errors import Problem

Loc = tuple[str | int, ...]

#: how many values aliases may add to one file, all aliases together: enough to
#: repeat a block now and then, far too few to exhaust memory
ALIAS_BUDGET = 10_000


@dataclass
class YamlSource:
    """One parsed YAML file: its data and where each value stands."""

    path: str
    data: Any
    positions: dict[Loc, tuple[int, int]] = field(default_factory=dict)

    def position(self, loc: Loc) -> tuple[int, int]:
        """Line and column (1-based) of `loc`, or of its nearest enclosing value."""
        for end in range(len(loc), -1, -1):
            found = self.positions.get(tuple(loc[:end]))
            if found:
                return found
        return (1, 1)

    def problem(self, loc: Loc, message: str) -> Problem:
        line, column = self.position(loc)
        return Problem(self.path, line, column, message)


_TAG = "tag:yaml.org,2002:"


def _scalar(node: yaml.ScalarNode, problems: list[Problem], path: str) -> Any:
    tag = node.tag
    value = node.value
    if tag == _TAG + "str":
        return value
    if tag == _TAG + "null":
        return None
    if tag == _TAG + "bool":
        return value.lower() in ("yes", "true", "on")
    if tag == _TAG + "int":
        try:
            return int(value.replace("_", ""), 0) if not value.isdigit() else int(value)
        except ValueError:
            return value
    if tag == _TAG + "float":
        return value  # decimals stay text: amounts are parsed exactly by the models
    if tag == _TAG + "timestamp":
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            line, col = node.start_mark.line + 1, node.start_mark.column + 1
            problems.append(
                Problem(path, line, col, f"{value!r} is not a valid date (write YYYY-MM-DD)")
            )
            return value
    return value


def _build(node: yaml.Node, loc: Loc, src: YamlSource, problems: list[Problem]) -> Any:
    src.positions[loc] = (node.start_mark.line + 1, node.start_mark.column + 1)
    if isinstance(node, yaml.ScalarNode):
        return _scalar(node, problems, src.path)
    if isinstance(node, yaml.SequenceNode):
        return [_build(item, (*loc, i), src, problems) for i, item in enumerate(node.value)]
    if isinstance(node, yaml.MappingNode):
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else None
            where = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
            if not isinstance(key, str):
                problems.append(Problem(src.path, *where, "a key must be a plain word"))
                continue
            if key in result:
                problems.append(
                    Problem(src.path, *where, f"the key {key!r} appears twice in this block")
                )
                continue
            result[key] = _build(value_node, (*loc, key), src, problems)
            # point at the key itself: that is where the user looks
            src.positions[(*loc, key)] = where
        return result
    return None  # pragma: no cover - alias nodes are resolved by the composer


def read_yaml(path: Path, display: str | None = None) -> tuple[YamlSource | None, list[Problem]]:
    """Parse `path`; return its source (None if unreadable) and the problems met."""
    shown = display or str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        return None, [Problem(shown, 1, 1, f"the file is not UTF-8 text ({exc.reason})")]
    except OSError as exc:
        return None, [Problem(shown, 1, 1, f"cannot read the file: {exc.strerror}")]
    return parse_yaml(text, shown)


def _alias_problem(text: str, display: str) -> Problem | None:
    """The first alias that takes the file over ALIAS_BUDGET, or None.

    Reads the YAML as events (aliases stay unexpanded) and keeps, for each
    anchor, how many values its block holds once its own aliases are expanded;
    each alias adds that many."""
    if "&" not in text:  # no anchor, so no alias that could resolve
        return None
    sizes: dict[str, int] = {}
    open_blocks: list[list[Any]] = []  # [anchor, values so far] of each open list/block
    added = 0
    for event in yaml.parse(text, Loader=_Loader):
        if isinstance(event, yaml.DocumentStartEvent):
            sizes.clear()
        if not isinstance(event, yaml.NodeEvent | yaml.CollectionEndEvent):
            continue
        anchor = getattr(event, "anchor", None)
        if isinstance(event, yaml.AliasEvent):
            mark = event.start_mark
            where = (display, mark.line + 1, mark.column + 1)
            if any(block[0] == anchor for block in open_blocks):
                return Problem(
                    *where,
                    f"the alias *{anchor} repeats the block that contains it, without end: "
                    "write the values out instead",
                )
            count = sizes.get(anchor, 1)  # an unknown alias: the composer says so
            added += count
            if added > ALIAS_BUDGET:
                return Problem(
                    *where,
                    f"the alias *{anchor} makes the file's aliases repeat more than "
                    f"{ALIAS_BUDGET:,} values: aliases may only repeat small blocks; "
                    "write the values out instead",
                )
        elif isinstance(event, yaml.CollectionStartEvent):
            open_blocks.append([anchor, 1])
            continue
        elif isinstance(event, yaml.CollectionEndEvent):
            anchor, count = open_blocks.pop()
        else:  # a scalar
            count = 1
        if anchor is not None and not isinstance(event, yaml.AliasEvent):
            sizes[anchor] = count
        if open_blocks:
            open_blocks[-1][1] += count
    return None


def parse_yaml(text: str, display: str) -> tuple[YamlSource | None, list[Problem]]:
    try:
        refused = _alias_problem(text, display)
        if refused is not None:
            return None, [refused]
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        reason = exc.problem or exc.context or "invalid YAML"
        return None, [Problem(display, line, col, f"YAML syntax error: {reason}")]
    except yaml.reader.ReaderError as exc:
        line = text.count("\n", 0, exc.position) + 1
        column = exc.position - (text.rfind("\n", 0, exc.position) + 1) + 1
        code = exc.character if isinstance(exc.character, int) else ord(exc.character)
        message = f"the file contains a character YAML does not allow (U+{code:04X})"
        return None, [Problem(display, line, column, message)]
    except yaml.YAMLError as exc:
        reason = " ".join(str(exc).split())
        return None, [Problem(display, 1, 1, f"YAML error: {reason}")]
    except RecursionError:
        return None, [Problem(display, 1, 1, "the YAML is nested too deeply")]
    src = YamlSource(display, None)
    if node is None:
        return None, [Problem(display, 1, 1, "the file is empty")]
    problems: list[Problem] = []
    try:
        src.data = _build(node, (), src, problems)
    except RecursionError:
        return None, [Problem(display, 1, 1, "the YAML is nested too deeply")]
    return src, problems
