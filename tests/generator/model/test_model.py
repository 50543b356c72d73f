"""The model-level concepts of generator/model/, each with one home: addresses,
the order amendments apply in, the slot vocabulary, who signs, document types."""

from __future__ import annotations

import doctest

import pytest

from generator.model import addresses
from tests.support.paths import ROOT


def test_the_address_examples_hold():
    # the docstring of generator/model/addresses.py is the grammar's reference
    result = doctest.testmod(addresses, raise_on_error=False)
    assert result.attempted >= 10
    assert result.failed == 0


def _imports_of(package: str) -> dict[str, set[str]]:
    """The generator modules each module of `package` imports (anywhere in it)."""
    import ast

    found: dict[str, set[str]] = {}
    for path in sorted((ROOT / "generator" / package).glob("*.py")):
        names: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module:
                names.add(node.module)
            elif isinstance(node, ast.Import):
                names.update(alias.name for alias in node.names)
        found[path.name] = {n for n in names if n.startswith("generator")}
    assert found, f"no module found in generator/{package}/: the test would check nothing"
    return found


def test_the_model_is_the_bottom_layer():
    # the model imports only itself: everything else may build on it
    for module, names in _imports_of("model").items():
        outside = {n for n in names if not n.startswith("generator.model")}
        assert not outside, f"generator/model/{module} imports {sorted(outside)}"


def test_consolidation_does_not_reach_back_into_the_corpus():
    # corpus.loader -> corpus.checks -> consolidation.engine -> consolidation.schedule
    # -> corpus.loader was a cycle: consolidation needs only the model
    for module, names in _imports_of("consolidation").items():
        back = {n for n in names if n.startswith(("generator.corpus", "generator.generation"))}
        assert not back, f"generator/consolidation/{module} imports {sorted(back)}"


def test_the_party_readers_do_not_borrow_from_the_corpus():
    # YAML with positions is a shared utility (generator/yamlsource.py), not the corpus's
    for module, names in _imports_of("parties").items():
        borrowed = {n for n in names if n.startswith("generator.corpus")}
        assert not borrowed, f"generator/parties/{module} imports {sorted(borrowed)}"


# --- the slot vocabulary ----------------------------------------------------------


def test_the_party_data_fills_exactly_the_slots_of_the_vocabulary():
    from generator.model.slots import BY_HAND, SLOT_NAMES, WHEN_ABSENT
    from generator.parties.check import load_parties
    from generator.parties.slots import slot_values

    parties = load_parties(ROOT / "examples" / "parties.yaml")
    filled: set[str] = set()
    for network in parties.networks:
        filled |= set(slot_values(parties.parties_for(network.id)))
    for provider in parties.providers:
        network = parties.networks_of(provider.id)[0]
        filled |= set(slot_values(parties.parties_for(network.id, provider.id)))
    assert filled <= SLOT_NAMES, f"filled but not in the vocabulary: {filled - SLOT_NAMES}"
    # every slot but those written by hand comes from some party (an optional one when given)
    assert SLOT_NAMES - BY_HAND - filled == set()
    assert not BY_HAND & filled and set(WHEN_ABSENT) <= filled


def test_the_documented_slots_are_the_vocabulary():
    import re

    from generator.model.slots import SLOT_NAMES

    docs = ROOT / "docs" / "corpus-format.md"
    text = docs.read_text(encoding="utf-8")
    listed = text[text.index("Slots: ") : text.index("- `[^1]`")]
    documented = set()
    for written in re.findall(r"`([a-z_]+)\.([a-z_|]+)`", listed):
        party, fields = written
        documented |= {f"{party}.{name}" for name in fields.split("|")}
    assert documented == SLOT_NAMES


def test_a_secret_slot_is_masked_outside_the_document():
    from generator.model.slots import MASKED, SECRET, SLOT
    from generator.parties.slots import SlotValues

    assert {"provider.nrn"} == SECRET and set(MASKED) == SECRET
    values = SlotValues({"provider.nrn": "85.07.30-033.28", "provider.name": "A"})
    assert "85.07.30" not in repr(values) and "'A'" in repr(values)
    assert SLOT["organisation.inami"].optional and not SLOT["provider.inami"].optional


# --- who signs --------------------------------------------------------------------


def test_the_signing_examples_hold():
    from generator.model import signing

    result = doctest.testmod(signing, raise_on_error=False)
    assert result.attempted >= 3 and result.failed == 0


def test_who_signs_each_kind_of_document():
    from generator.corpus.loader import load_corpus
    from generator.model.documents import CONVENTION_KINDS, PROVIDER_KINDS, ROLES
    from generator.model.signing import (
        SIGNS_AS,
        USUAL_SIGNATORIES,
        copy_roles,
        signatories,
    )

    corpus = load_corpus()
    sixth = corpus.get("inami-network-2021/avenant-06")
    provider_amendment = corpus.get("network-provider-2021/avenant-2023-09")
    assert signatories(sixth) == ("committee", "network", "hospital")
    assert signatories(corpus.get("circulars/psy-ort-2023-006")) == ()
    assert signatories(corpus.get("registry/pseudocodes")) == ()
    roles = signatories(provider_amendment)
    assert copy_roles(roles, "psychologist") == ("provider", "network", "hospital")
    assert copy_roles(roles, "organisation") == ("organisation", "network", "hospital")
    assert copy_roles(roles, None) == roles
    # the 2018 model has only the role `provider`: an organisation signs it without one
    assert copy_roles(("network", "hospital", "provider"), "organisation") == (
        "network",
        "hospital",
    )

    with pytest.raises(ValueError, match="not 'notary'"):
        copy_roles(roles, "notary")
    # the data covers every kind the model knows, and names only roles
    assert set(USUAL_SIGNATORIES) == set(CONVENTION_KINDS)
    assert set(SIGNS_AS) == set(PROVIDER_KINDS) and set(SIGNS_AS.values()) <= set(ROLES)
    assert signatories(corpus.get("network-provider-2021")) == USUAL_SIGNATORIES["network-provider"]


# --- field order ------------------------------------------------------------------


def test_a_draft_writes_each_mapping_in_its_model_s_field_order():
    # the importer's draft takes its key order from the corpus models, not a list of its own
    import yaml

    from generator.importing.write.draft_yaml import dump

    footnote = {"text": {"fr": "Une note."}, "mark": "1"}
    provision = {"footnotes": [footnote], "text": {"fr": "Texte [^1]."}, "num": "2"}
    provision["kind"] = "article"
    operation = {"provision": provision, "quote": {"close": "»", "open": "«"}}
    operation |= {"after": "art_1", "action": "insert"}
    article = {"operations": [operation], "text": {"fr": "Un article est ajouté :"}, "num": "1"}
    data = {
        "closing": {"signatures": [{"lines": [{"fr": "Pour le réseau,"}], "role": "network"}]},
        "articles": [article],
        "title": {"fr": "Avenant"},
        "id": "conv/a1",
        "type": "amendment",
    }
    read = yaml.safe_load(dump(data, {}, []))  # PyYAML keeps the file's key order
    assert read == data
    assert list(read) == ["type", "id", "title", "articles", "closing"]
    assert list(read["articles"][0]) == ["num", "text", "operations"]
    written = read["articles"][0]["operations"][0]
    assert list(written) == ["action", "after", "quote", "provision"]
    assert list(written["quote"]) == ["open", "close"]
    assert list(written["provision"]) == ["kind", "num", "text", "footnotes"]
    assert list(written["provision"]["footnotes"][0]) == ["mark", "text"]
    assert list(read["closing"]["signatures"][0]) == ["role", "lines"]


def test_a_known_amendment_is_either_cited_or_implied():
    import pydantic

    from generator.model.documents import KnownAmendment

    cited = KnownAmendment(ordinal=5, cited_in="Circulaire Psy-Ort/2023/006", words="cinquièrme")
    implied = KnownAmendment(ordinal=4, implied_by="the sixth amendment", words="Sixième avenant")
    assert cited.known_from == "cited in Circulaire Psy-Ort/2023/006: « cinquièrme »"
    assert implied.known_from == "implied by the sixth amendment: « Sixième avenant »"
    for wrong in ({}, {"cited_in": "a", "implied_by": "b"}):
        with pytest.raises(pydantic.ValidationError, match="either 'cited_in' a source"):
            KnownAmendment(ordinal=1, **wrong)
