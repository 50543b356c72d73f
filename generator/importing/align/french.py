"""The French document's text units in the order a reader meets them.

A text unit is one I18nText of the document (a mapping with `fr`); its id is
the path of that mapping in the YAML, keys and list indexes joined by '/'
(`articles/0/operations/0/provision/children/2/text`), the convention the
translation workflow shares. Each comes with its anchor, what the printed
text shows of the structure:

- `article:<num>`: an article's number, printed on a line of its own (a
  bare marker, no unit); a provision's heading is printed above it;
- `point:<label>`, `paragraph:<num>`, `indent`: a point's, a paragraph's or
  an indent's text, printed after its label;
- `annex:<num>`, `column`, `row:<pseudocode>`, `abbr:<abbreviation>`: an
  annex's heading, its column captions, a row's description, an
  abbreviation's meaning;
- `abbreviations`: the caption above an annex's abbreviations (a bare
  marker: the template prints it, no unit);
- `text`: the rest (title, recitals, party blocks, alinéas, closing), placed
  by position.

Party blocks with variants print them one after the other with the
separator between each two, as the published model does.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from generator.model.addresses import component, join, num_token


@dataclass(frozen=True)
class Item:
    """One thing the French document prints: a text unit, or a bare article number."""

    anchor: str
    #: the French text; None for a bare marker
    text: str | None
    #: the unit's id; None for a bare marker
    unit: str | None
    #: where a person finds it: the provision's address, else the unit's id
    address: str
    #: part of a quoted provision (an amendment's new text between quotation marks)
    quoted: bool = False


def french_items(data: dict) -> list[Item]:
    """The units and article markers of the document `data` (as its YAML loads)."""
    items: list[Item] = []
    _Walker(items).node(data, (), None, "text", quoted=False)
    return items


class _Walker:
    def __init__(self, items: list[Item]) -> None:
        self.items = items

    def node(self, value: Any, path: tuple, eid: str | None, anchor: str, quoted: bool) -> None:
        if isinstance(value, list):
            self.sequence(value, path, eid, anchor, quoted)
        elif isinstance(value, dict):
            if isinstance(value.get("fr"), str):
                unit = "/".join(str(p) for p in path)
                self.items.append(Item(anchor, value["fr"], unit, eid or unit, quoted))
            else:
                self.mapping(value, path, eid, quoted)

    def sequence(
        self, values: list, path: tuple, eid: str | None, anchor: str, quoted: bool
    ) -> None:
        ranks: dict[str, int] = {}
        for index, value in enumerate(values):
            child_eid = eid
            kind = "annex" if path == ("annexes",) else _kind(value, path)
            if kind:
                ranks[kind] = ranks.get(kind, 0) + 1
                child_eid = join(eid, component(kind, value.get("num"), ranks[kind]))
            elif isinstance(value, dict) and "code" in value:
                child_eid = join(eid, f"row_{value['code']}")
            self.node(value, (*path, index), child_eid, anchor, quoted)

    def mapping(self, value: dict, path: tuple, eid: str | None, quoted: bool) -> None:
        kind = _kind(value, path[:-1]) if path else None
        keys = [k for k in value if k not in ("separator",)]
        if kind == "article":
            if "heading" in value:
                self.node(value["heading"], (*path, "heading"), eid, "text", quoted)
                keys.remove("heading")
            marker = f"article:{num_token(str(value.get('num', '')))}"
            self.items.append(Item(marker, None, None, eid or "/".join(map(str, path)), quoted))
        if "separator" in value and isinstance(value.get("variants"), list):
            self.variants(value, path, eid, quoted)
            keys.remove("variants")
        if path and path[-2:-1] == ("annexes",) and "heading" in value:
            self.node(
                value["heading"], (*path, "heading"), eid, f"annex:{value.get('num')}", quoted
            )
            keys.remove("heading")
        for key in keys:
            if key == "abbreviations":
                self.items.append(Item("abbreviations", None, None, eid or "", quoted))
            child_eid = eid
            if key == "provision" and (inner := _kind(value[key], ())):
                child_eid = join(eid, component(inner, value[key].get("num"), 1))
            anchor = _anchor(key, value, kind)
            self.node(value[key], (*path, key), child_eid, anchor, quoted or key == "provision")

    def variants(self, value: dict, path: tuple, eid: str | None, quoted: bool) -> None:
        for index, variant in enumerate(value["variants"]):
            if index:
                self.node(value["separator"], (*path, "separator"), eid, "text", quoted)
            self.node(variant, (*path, "variants", index), eid, "text", quoted)


def _kind(value: Any, parent_path: tuple) -> str | None:
    """The provision kind of `value`; an amendment's own articles have none written."""
    if not isinstance(value, dict):
        return None
    if isinstance(value.get("kind"), str):
        return value["kind"]
    if parent_path == ("articles",) and "num" in value:
        return "article"
    return None


def _anchor(key: str, value: dict, kind: str | None) -> str:
    if key == "text" and kind in ("point", "paragraph"):
        label = str(value.get("num", ""))
        return f"{kind}:{num_token(label) if kind == 'paragraph' else label}"
    if key == "text" and kind == "indent":
        return "indent"
    if key == "paragraphs" and value.get("bullet"):
        return "indent"
    if key == "columns":
        return "column"
    if key == "description" and "code" in value:
        return f"row:{value['code']}"
    if key == "meaning" and "abbr" in value:
        return f"abbr:{value['abbr']}"
    return "text"
