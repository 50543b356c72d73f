"""The diff engine on two synthetic versions of a 200-article convention.

    python -m benchmarks.diff_bench [--repeats 5]

The right version differs from the left by 50 known changes: 15 rewordings,
10 renumbered articles, 10 paragraphs moved to another article, 5 articles
added, 5 removed and 5 annex rows changed.  Targets: the JSON diff in under
200 ms, the DOCX redline in under 1 s.  Beside them, difflib.unified_diff on
the flattened texts, and how many changes each reports.  Every time is the
best of several runs (time.perf_counter), from the two conventions to the
output.
"""

from __future__ import annotations

import argparse
import datetime as dt
import difflib
import sys
import time
from pathlib import Path

if __package__ in (None, ""):  # run as a script
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.synthetic import make_convention
from generator.diffing.adapter import to_redline
from generator.diffing.engine import diff_items
from generator.diffing.render import to_json
from generator.diffing.result import DiffResult
from generator.diffing.sides import Side, convention_items
from generator.diffing.tokens import _tokens
from generator.model.annexes import AnnexRow
from generator.model.documents import Convention
from generator.model.provisions import Provision
from generator.model.text import I18nText

JSON_TARGET = 0.200
DOCX_TARGET = 1.0
EXPECTED = {"modified": 15, "renumbered": 10, "moved": 10, "added": 5, "removed": 5, "rows": 5}


def _code(prefix: int) -> str:
    return f"{prefix:05d}{prefix % 7}"


def _reword(provision: Provision, k: int) -> Provision:
    text = provision.text.fr if provision.text else ""
    words = text.split(" ")
    words[min(3, len(words) - 1)] = f"modifié{k}"
    return provision.model_copy(update={"text": I18nText(fr=" ".join(words))})


def versions(n_articles: int = 200) -> tuple[Convention, Convention]:
    """The left convention and the right one with the 50 changes."""
    left = make_convention(n_articles, seed=7)
    articles = list(left.articles)
    # 15 rewordings: § 1 of articles 1, 4, 7, ...
    for k, i in enumerate(range(0, 45, 3)):
        paragraphs = list(articles[i].children)
        paragraphs[0] = _reword(paragraphs[0], k)
        articles[i] = articles[i].model_copy(update={"children": paragraphs})
    # 10 moves: § 2 of articles 61..70 becomes § 3 of articles 111..120
    for k in range(10):
        source, target = 60 + k, 110 + k
        moved = articles[source].children[1].model_copy(update={"num": "3"})
        articles[source] = articles[source].model_copy(
            update={"children": articles[source].children[:1]}
        )
        articles[target] = articles[target].model_copy(
            update={"children": [*articles[target].children, moved]}
        )
    # 10 renumbered: articles 81..90 become 81bis..90bis
    for i in range(80, 90):
        articles[i] = articles[i].model_copy(update={"num": f"{articles[i].num}bis"})
    # 5 removed (articles 151..155) and 5 added (after article 170)
    added = [
        Provision(
            kind="article",
            num=f"170/{k}",
            heading=I18nText(fr=f"Disposition nouvelle {k}"),
            children=[
                Provision(
                    kind="paragraph",
                    num="1",
                    text=I18nText(fr=f"Texte entièrement nouveau numéro {k} sur les primes."),
                )
            ],
        )
        for k in range(1, 6)
    ]
    articles = articles[:150] + articles[155:170] + added + articles[170:]
    # 5 annex rows: 2 descriptions changed, 2 added, 1 removed (and the rest reordered)
    annex = left.annexes[0]
    rows = list(reversed(annex.rows))
    rows[0] = rows[0].model_copy(update={"description": I18nText(fr="Séance modifiée A")})
    rows[1] = rows[1].model_copy(update={"description": I18nText(fr="Séance modifiée B")})
    rows.pop()
    rows += [
        AnnexRow(code=_code(99990 + k), description=I18nText(fr=f"Nouvelle séance {k}"))
        for k in (1, 2)
    ]
    right = left.model_copy(
        update={"articles": articles, "annexes": [annex.model_copy(update={"rows": rows})]}
    )
    return left, right


def run_diff(left: Convention, right: Convention) -> DiffResult:
    _tokens.cache_clear()  # every run starts cold: no tokens remembered from the last
    lefts = convention_items(left, [], None, "fr")
    rights = convention_items(right, [], None, "fr")
    return DiffResult(
        Side("left", "version 1", "convention", left.id, None, lefts),
        Side("right", "version 2", "convention", right.id, None, rights),
        diff_items(lefts, rights),
    )


def flat_text(convention: Convention) -> list[str]:
    lines = []
    for item in convention_items(convention, [], None, "fr"):
        for sub in item.walk():
            if sub.heading:
                lines.append(sub.heading)
            lines.append(f"{sub.label} {sub.text}".strip())
            lines.extend(f"{code} {text}" for code, text in sub.rows)
    return lines


def best(fn, repeats: int) -> tuple[float, object]:
    times, value = [], None
    for _ in range(repeats):
        start = time.perf_counter()
        value = fn()
        times.append(time.perf_counter() - start)
    return min(times), value


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args(argv)
    left, right = versions()

    json_time, text = best(lambda: to_json(run_diff(left, right)), args.repeats)
    result = run_diff(left, right)
    counts = result.counts()
    rows = counts["rows added"] + counts["rows removed"] + counts["rows modified"]
    found = {k: counts[k] for k in ("modified", "renumbered", "moved", "added", "removed")}
    found["rows"] = rows
    total = sum(found.values())

    try:
        from generator.diffing.redline import write_redline
    except ImportError:
        write_redline = None
    if write_redline is not None:
        now = dt.datetime(2024, 1, 1, tzinfo=dt.UTC)
        docx_time, data = best(
            lambda: write_redline(to_redline(run_diff(left, right)), "bench", now), args.repeats
        )

    def plain():
        a, b = flat_text(left), flat_text(right)
        return list(difflib.unified_diff(a, b, lineterm="", n=0))

    difflib_time, udiff = best(plain, args.repeats)
    hunks = sum(1 for line in udiff if line.startswith("@@"))
    minus = sum(1 for line in udiff if line.startswith("-") and not line.startswith("---"))
    plus = sum(1 for line in udiff if line.startswith("+") and not line.startswith("+++"))

    print("Diff of two synthetic versions: 200 articles, 50 changes")
    print(f"  expected changes: {EXPECTED} = {sum(EXPECTED.values())}")
    print(f"  conventio diff  : {found} = {total}")
    print(f"  difflib         : {hunks} hunks, {minus} lines removed, {plus} lines added")
    print()
    ok = True
    verdict = "PASS" if json_time < JSON_TARGET else "FAIL"
    ok &= json_time < JSON_TARGET
    print(f"  JSON  diff : {json_time * 1000:8.1f} ms  (target < 200 ms)  {verdict}")
    print(f"             ({len(text) // 1024} KiB of JSON)")
    if write_redline is not None:
        verdict = "PASS" if docx_time < DOCX_TARGET else "FAIL"
        ok &= docx_time < DOCX_TARGET
        print(f"  DOCX diff  : {docx_time * 1000:8.1f} ms  (target < 1000 ms) {verdict}")
        print(f"             ({len(data) // 1024} KiB of DOCX)")
    else:
        print("  DOCX diff  : redline writer not available")
    print(f"  difflib    : {difflib_time * 1000:8.1f} ms  (unified_diff on the flattened texts)")
    exact = found == EXPECTED
    print()
    print(f"  changes found exactly: {'PASS' if exact else 'FAIL'}")
    print("PASS" if ok and exact else "FAIL")
    return 0 if exact else 1


if __name__ == "__main__":
    sys.exit(main())
