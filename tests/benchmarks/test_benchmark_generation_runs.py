"""The generation benchmark still compares like with like: on a few documents,
its naive way (a DocxTemplate per document) makes the same text as conventio.
No time is asserted here (speed lives in the benchmark's own output); this
catches a change to generation that the naive way no longer repeats, which
would make the benchmark fail or compare different documents."""

from __future__ import annotations

import re

from benchmarks import generation


def test_the_naive_way_makes_the_same_documents(capsys):
    # the smallest run the benchmark makes (its synthetic parties: a few hundred copies)
    assert generation.main(["--n", "6", "--no-pdf"]) == 0
    printed = capsys.readouterr().out
    assert re.search(r"text identical in all \d+", printed), printed
