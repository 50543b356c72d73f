"""What the corpus pins share (tests/generator/corpus/test_pins_*.py): the shipped
documents, the code lists of the sources written out literally, and the corpus
read directly (yaml.safe_load + the pydantic models), not through the loader.

The pins check the corpus (conventions/**) against the source texts in
tests/sources/: every expected value is written out literally in the pins, taken
from the sources (annex 1 codes, the code lists of articles 14/1 and 17 § 1/1,
amounts, percentages, dates and periods), and every French text is found word for
word in its source.
"""

from __future__ import annotations

from functools import cache
from typing import Any

import yaml

from generator.model.document_types import DOCUMENT_TYPES
from generator.model.provisions import Provision
from tests.support.paths import ROOT

CORPUS = ROOT / "conventions"
SOURCES = ROOT / "tests" / "sources"

#: every corpus file, without its .yaml
DOCUMENTS = [
    "inami-network-2018/convention",
    "network-provider-2018/convention",
    "inami-network-2021/convention",
    "inami-network-2021/avenant-06",
    "network-provider-2021/convention",
    "network-provider-2021/avenant-2023-09",
    "circulars/psy-ort-2023-003",
    "circulars/psy-ort-2023-006",
    "circulars/note-2022-04-25-art13",
    "registry/pseudocodes",
]


# Annex 1 as replaced by both amendments of September 2023 (004), in printed order.
ANNEX_1_CODES = [
    "792514",
    "792536",
    "792551",
    "792573",
    "792271",
    "792050",
    "792131",
    "792352",
    "792595",
    "792610",
    "792632",
    "792654",
    "792676",
    "792691",
    "792713",
    "791976",
    "792735",
    "792750",
    "792772",
    "792794",
    "792315",
    "792094",
    "793951",
    "793973",
    "792816",
    "792831",
    "792934",
    "792853",
    "792875",
    "792890",
    "792912",
    "792013",
    "792956",
    "792971",
    "792455",
    "792470",
    "792993",
    "792175",
    "792190",
    "792212",
    "792234",
    "792256",
    "400352",
    "400175",
    "400315",
    "793995",
]
# Cost centres of article 13 (note of 25 April 2022, 003).
COST_CENTRE_CODES = ["793833", "793855", "793870", "793892", "793914", "793936"]
# Article 14/1 (both versions).
VOLUME_CODES = [
    "792595",
    "792610",
    "792632",
    "792654",
    "792676",
    "792691",
    "792713",
    "792816",
    "792831",
    "792934",
    "792853",
    "792875",
    "792890",
    "792912",
    "792993",
]
OUTREACH_CODES = ["792654", "792676", "792853", "792875"]
# Article 17 § 1/1 of the network-provider model (004).
WITHOUT_PERSONAL_CONTRIBUTION_CODES = [
    "791976",
    "792013",
    "792050",
    "792131",
    "792352",
    "792094",
    "793951",
    "793973",
]


@cache
def raw(doc_id: str) -> dict[str, Any]:
    with (CORPUS / f"{doc_id}.yaml").open(encoding="utf-8") as fh:
        return yaml.safe_load(fh)


@cache
def doc(doc_id: str) -> Any:
    data = raw(doc_id)
    return DOCUMENT_TYPES[data["type"]].model_validate(data)


def walk(provisions: list[Provision]):
    for p in provisions:
        yield p
        yield from walk(p.children)


def params_of(provisions: list[Provision]) -> dict[str, Any]:
    found: dict[str, Any] = {}
    for p in walk(provisions):
        for param in p.parameters:
            assert param.id not in found, f"parameter {param.id} stated twice"
            found[param.id] = param
    return found


def inserted(amendment_id: str, article: str) -> Provision:
    art = next(a for a in doc(amendment_id).articles if a.num == article)
    (op,) = art.operations
    assert op.provision is not None
    return op.provision


def article_14_1(amendment_id: str) -> Provision:
    article = "1" if amendment_id.endswith("avenant-06") else "2"
    return inserted(amendment_id, article)


def i18n_texts(node: Any, path: str = ""):
    """Every I18nText mapping ({fr: ...}) in a raw YAML tree, with its path."""
    if isinstance(node, dict):
        if "fr" in node and set(node) <= {"fr", "nl", "de"}:
            yield path, node
            return
        for key, value in node.items():
            yield from i18n_texts(value, f"{path}.{key}" if path else str(key))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from i18n_texts(value, f"{path}[{i}]")
