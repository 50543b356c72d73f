"""The corpus texts the test documents are made of, as the published blank model
prints them (`{network.name|xxxxx}` -> `xxxxx`), and small builders of expected
provisions in the corpus format (docs/corpus-format.md)."""

from __future__ import annotations

import copy
from functools import cache
from typing import Any

import yaml

from generator.model.text import SLOT_RE
from tests.support.paths import ROOT

CORPUS = ROOT / "conventions"


@cache
def corpus_file(relative: str) -> dict[str, Any]:
    return yaml.safe_load((CORPUS / relative).read_text(encoding="utf-8"))


def sixth_amendment() -> dict[str, Any]:
    return copy.deepcopy(corpus_file("inami-network-2021/avenant-06.yaml"))


def inami_convention() -> dict[str, Any]:
    return copy.deepcopy(corpus_file("inami-network-2021/convention.yaml"))


def printed(text: str) -> str:
    """A corpus text as the blank model prints it: each slot by its placeholder."""
    return SLOT_RE.sub(lambda m: m.group(2) or "", text)


def fr(text: str) -> dict[str, str]:
    return {"fr": text}


def plain(provision: dict[str, Any]) -> dict[str, Any]:
    """A corpus provision reduced to what a printed page shows: kind, num, heading,
    text and children (no notes, parameters, labels), slots printed."""
    out: dict[str, Any] = {"kind": provision["kind"]}
    if provision.get("num"):
        out["num"] = provision["num"]
    for key in ("heading", "text"):
        if provision.get(key):
            out[key] = fr(printed(provision[key]["fr"]))
    if provision.get("footnotes"):
        out["footnotes"] = provision["footnotes"]
    if provision.get("children"):
        out["children"] = [plain(child) for child in provision["children"]]
    return out


def alinea(text: str, *children: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {"kind": "alinea", "text": fr(text)}
    if children:
        out["children"] = list(children)
    return out


def point(num: str, text: str, *children: dict[str, Any]) -> dict[str, Any]:
    out = {"kind": "point", "num": num, "text": fr(text)}
    if children:
        out["children"] = list(children)
    return out


def indent(text: str) -> dict[str, Any]:
    return {"kind": "indent", "text": fr(text)}


def paragraph(num: str, text: str | None, *children: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {"kind": "paragraph", "num": num}
    if text is not None:
        out["text"] = fr(text)
    if children:
        out["children"] = list(children)
    return out


def committee_party(source: dict[str, Any]) -> dict[str, Any]:
    """The preamble block naming the committee, as the amendment `source` words it."""
    return {"party": "committee", "paragraphs": [fr(source["preamble"][2]["paragraphs"][0]["fr"])]}


def network_party(source: dict[str, Any]) -> dict[str, Any]:
    """The preamble block naming the network, as the amendment `source` words it for
    a network (its first variant), slots printed."""
    paragraphs = source["preamble"][4]["variants"][0]["paragraphs"]
    return {"party": "network", "paragraphs": [fr(printed(p["fr"])) for p in paragraphs]}


def closing(place_date: str, committee: list[str], network: list[str]) -> dict[str, Any]:
    """A closing: where and when, then the lines above the committee's and the
    network's signatures."""
    return {
        "place_date": fr(place_date),
        "signatures": [
            {"role": "committee", "lines": [fr(line) for line in committee]},
            {"role": "network", "lines": [fr(line) for line in network]},
        ],
    }
