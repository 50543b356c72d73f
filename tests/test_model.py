"""The model-level concepts of generator/model/, each with one home: addresses,
the order amendments apply in, the slot vocabulary, who signs, document types."""

from __future__ import annotations

import doctest

from generator.model import addresses


def test_the_address_examples_hold():
    # the docstring of generator/model/addresses.py is the grammar's reference
    result = doctest.testmod(addresses, raise_on_error=False)
    assert result.attempted >= 10
    assert result.failed == 0


def _imports_of(package: str) -> dict[str, set[str]]:
    """The generator modules each module of `package` imports (anywhere in it)."""
    import ast
    from pathlib import Path

    root = Path(__file__).resolve().parents[1]
    found: dict[str, set[str]] = {}
    for path in sorted((root / "generator" / package).glob("*.py")):
        names: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module:
                names.add(node.module)
            elif isinstance(node, ast.Import):
                names.update(alias.name for alias in node.names)
        found[path.name] = {n for n in names if n.startswith("generator")}
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
