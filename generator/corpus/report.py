"""`conventio check`: every problem of the corpus, or a one-line summary."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from generator.corpus.checks import check_corpus
from generator.corpus.collection import Corpus
from generator.corpus.loader import read_corpus
from generator.errors import Problem


def check_report(root: Path, *more_checks: Callable[[Corpus], list[Problem]]) -> tuple[bool, str]:
    """`more_checks`: checks of the rooms above the corpus (the translations')."""
    corpus, problems = read_corpus(root)
    problems = problems + check_corpus(corpus)
    for more in more_checks:
        problems += more(corpus)
    problems = sorted(set(problems))
    if problems:
        lines = [str(p) for p in problems]
        lines.append(f"{len(problems)} problem(s) in {root}")
        return False, "\n".join(lines)
    counts: dict[str, int] = {}
    for document in corpus.documents.values():
        counts[document.type] = counts.get(document.type, 0) + 1
    summary = ", ".join(f"{n} {kind}(s)" for kind, n in sorted(counts.items()))
    return True, f"corpus OK: {summary} in {root}"
