"""No corpus, however malformed, makes the checker raise.

The files of the mini corpus (tests/support/minicorpus.py) and, when it has any, of
the shipped corpus (conventions/) are mutated at random: characters deleted,
YAML-significant characters inserted, lines duplicated, deleted, swapped or
re-indented, files truncated or emptied, values replaced by values of another
type (numbers, lists, mappings, null, impossible dates, very long strings,
deep nesting), keys renamed, ids and targets changed, invalid UTF-8 written,
files dropped or copied elsewhere.  `check_report` must return, and when it
reports problems every line but the summary must read `path:line:column:
message`; `conventio check` must exit with 0 or 1 and no exception.
"""

from __future__ import annotations

import re
import tempfile
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings

from generator.cli import cli
from generator.corpus.report import check_report
from tests.support.corpus_fuzz.bases import BASES, Files
from tests.support.corpus_fuzz.mutations import Mutation, build
from tests.support.corpus_fuzz.strategies import corpora

PROBLEM_LINE = re.compile(r"^[^:]+:\d+:\d+: .+")


def assert_checked_cleanly(files: Files) -> None:
    """Write `files` to a fresh folder; check it through the library and the CLI."""
    with tempfile.TemporaryDirectory(prefix="conventio-fuzz-") as tmp:
        root = Path(tmp) / "corpus"
        for name, data in files.items():
            path = root / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)

        ok, text = check_report(root)
        assert isinstance(ok, bool)
        assert isinstance(text, str)
        assert "Traceback" not in text
        if ok:
            assert text.startswith("corpus OK: "), text
        else:
            lines = text.split("\n")
            assert lines[-1].endswith(f" problem(s) in {root}"), text
            for line in lines[:-1]:
                assert PROBLEM_LINE.match(line), f"not path:line:column: message: {line!r}"
            assert lines[-1] == f"{len(lines) - 1} problem(s) in {root}", text

        result = CliRunner().invoke(cli, ["--corpus", str(root), "check"])
        assert result.exception is None or isinstance(result.exception, SystemExit), result.exc_info
        assert result.exit_code in (0, 1), result.output
        assert result.exit_code == (0 if ok else 1), result.output
        assert "Traceback" not in result.output


def test_the_unmutated_corpora_check_without_exception():
    for files in BASES.values():
        assert_checked_cleanly(files)


#: The smallest corpora the fuzzing found to break the checker, kept so that
#: they are tried on every run (`database=None` keeps no memory of failures).
FOUND: list[Any] = [
    # a control character: PyYAML's reader error was two lines long
    # ('... control characters are not allowed\n  in "<unicode string>", position 0');
    # fixed in 2448e0c
    pytest.param("mini", [("bad-bytes", 0, 0, b"\x00")], id="control-character"),
    # `after: annexes`: AssertionError (`assert parent is not None`) in
    # Replayer._insert, generator/consolidation/engine.py; fixed in 0783ad4
    pytest.param("mini", [("change-anchor", 0, 0, "annexes")], id="insert-after-root"),
    # `target: annexes` in a replace: the same assertion in Replayer._replace;
    # fixed in 0783ad4
    pytest.param("mini", [("change-anchor", 0, 2, "annexes")], id="replace-root"),
    # `target: "art_2\n"`: the message quoted the target raw, over two report
    # lines; fixed in 0783ad4 (generator.errors.one_line)
    pytest.param("mini", [("change-anchor", 0, 1, '"art_2\\n"')], id="newline-in-target"),
]


@pytest.mark.parametrize(("base", "mutations"), FOUND)
def test_corpora_found_by_fuzzing(base: str, mutations: list[Mutation]):
    assert_checked_cleanly(build(base, mutations))


@settings(
    max_examples=250,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(corpora())
def test_no_mutated_corpus_makes_the_checker_raise(corpus: tuple[str, list[Mutation]]):
    base, mutations = corpus
    assert_checked_cleanly(build(base, mutations))
