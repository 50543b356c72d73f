"""How each paragraph of a redline is written, so that LibreOffice reads it as Word does.

`plan_blocks` checks the model (styles, ops, whole-paragraph changes) and
turns each paragraph into the runs to write, as (op, text), with the change
on its mark; `merged` does the same for the runs of a table cell. The
arrangement where an insertion ends a paragraph and another starts the next
is explained in `plan_blocks`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace

from generator.diffing.redline_model import RedlineParagraph, RedlineTable, Run
from generator.diffing.redline_package import STYLE_IDS

_OPS = ("equal", "insert", "delete")
_WHOLE = (None, "insert", "delete")
_BAD_XML_CHARS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def clean(text: str) -> str:
    """`text` without the characters XML cannot hold (C0 controls but tab and
    line breaks, lone surrogates, U+FFFE/U+FFFF)."""
    return _BAD_XML_CHARS.sub("", text)


@dataclass
class Plan:
    """How one paragraph is written: its runs as (op, text), the change on its mark."""

    para: RedlineParagraph
    ops: list[tuple[str, str]]
    mark: str | None
    #: the paragraph is added, but the mark tracked as added is the previous one's
    borrowed_mark: bool = False


def plan_blocks(blocks: Iterable[RedlineParagraph | RedlineTable]) -> list[Plan | RedlineTable]:
    """The blocks to write, paragraphs planned so that LibreOffice reads them right.

    LibreOffice (7.4 at least) joins an insertion that ends a paragraph and one
    that starts the next into one change, together with the untracked mark
    between them: rejecting it would join the two paragraphs. Word has no such
    trouble, but the file must mean the same to both. So where that would
    happen (only between paragraphs: table cells and rows are not affected):

    - the next paragraph is added as a whole: the previous paragraph's mark is
      tracked as added instead of its own (Word means the same by both);
    - else, the changes where the two meet are reordered (deletion before
      insertion at the start of the next paragraph, or after it at the end of
      the previous one), which spells the same texts;
    - else, the first word of unchanged text after its first insertion is shown
      as deleted and inserted again.
    """
    planned: list[Plan | RedlineTable] = []
    for block in _paragraphs(blocks):
        if isinstance(block, RedlineTable):
            for row in block.rows:
                _check_whole(row.whole)
            if block.rows or block.header:
                planned.append(block)
            continue
        if not isinstance(block, RedlineParagraph):
            raise TypeError(f"not a redline block: {block!r}")
        if block.style not in STYLE_IDS:
            raise ValueError(
                f"unknown paragraph style {block.style!r}; expected one of {', '.join(STYLE_IDS)}"
            )
        _check_whole(block.whole)
        plan = Plan(block, list(merged(block.runs, block.whole)), block.whole)
        before = planned[-1] if planned and isinstance(planned[-1], Plan) else None
        if before is not None and _ends_with_insertion(planned):
            if block.whole == "insert":
                before.mark, plan.mark, plan.borrowed_mark = "insert", None, True
            elif plan.ops and plan.ops[0][0] == "insert":
                _separate(before.ops, plan.ops)
        planned.append(plan)
    return planned


def _paragraphs(
    blocks: Iterable[RedlineParagraph | RedlineTable],
) -> Iterator[RedlineParagraph | RedlineTable]:
    """The blocks, a paragraph empty on the left and not on the right replaced by
    an empty paragraph removed and that paragraph added."""
    for block in blocks:
        if (
            isinstance(block, RedlineParagraph)
            and block.whole is None
            and {run.op for run in block.runs if clean(run.text)} == {"insert"}
        ):
            yield replace(block, runs=(), whole="delete", comment=None)
            yield replace(block, whole="insert")
        else:
            yield block


def _ends_with_insertion(planned: list[Plan | RedlineTable]) -> bool:
    """Whether an insertion ends where the text of the last paragraph planned ends,
    its mark untracked: its text ends with one, or it is empty and the mark
    before it is inserted."""
    last = planned[-1]
    assert isinstance(last, Plan)
    if last.mark is not None:
        return False
    if last.ops:
        return last.ops[-1][0] == "insert"
    before = planned[-2] if len(planned) > 1 else None
    return isinstance(before, Plan) and before.mark == "insert"


def _separate(previous: list[tuple[str, str]], ops: list[tuple[str, str]]) -> None:
    """Change `ops` (which starts with an insertion, and has unchanged text or a
    deletion) or `previous` (which ends with an insertion) so that they no longer
    meet with two insertions, both still spelling the same."""
    lead = _group_end(ops)
    if any(op == "delete" for op, _ in ops[:lead]):
        ops[:lead] = _regroup(ops[:lead], first="delete")
        return
    tail = len(previous) - _group_end(previous[::-1])
    if tail < len(previous) and any(op == "delete" for op, _ in previous[tail:]):
        previous[tail:] = _regroup(previous[tail:], first="insert")
        return
    # ops[lead] is unchanged text: its first word is shown deleted and inserted again
    head, rest = _split_word(ops[lead][1])
    inserted = "".join(text for _, text in ops[:lead]) + head
    ops[: lead + 1] = [("delete", head), ("insert", inserted)] + ([("equal", rest)] if rest else [])


def _group_end(ops: list[tuple[str, str]]) -> int:
    """The length of the run of changes (no unchanged text) `ops` starts with."""
    for index, (op, _) in enumerate(ops):
        if op == "equal":
            return index
    return len(ops)


def _regroup(group: list[tuple[str, str]], first: str) -> list[tuple[str, str]]:
    deleted = "".join(text for op, text in group if op == "delete")
    inserted = "".join(text for op, text in group if op == "insert")
    pair = [("delete", deleted), ("insert", inserted)]
    return pair if first == "delete" else pair[::-1]


def _split_word(text: str) -> tuple[str, str]:
    """The first word of `text` with the spaces around it, and the rest."""
    head = re.match(r"\s*\S*\s*", text).group(0)
    return head, text[len(head) :]


def _check_whole(whole: str | None) -> None:
    if whole not in _WHOLE:
        raise ValueError(f"unknown whole-paragraph change {whole!r}; expected 'insert' or 'delete'")


def merged(runs: Iterable[Run], whole: str | None) -> Iterator[tuple[str, str]]:
    """The runs to write, as (op, text): adjacent runs with the same op joined,
    empty ones dropped; for a whole insert/delete, the right/left text with that op."""
    merged: list[list[str]] = []
    for run in runs:
        if run.op not in _OPS:
            raise ValueError(f"unknown run op {run.op!r}; expected one of {', '.join(_OPS)}")
        op = run.op
        if whole is not None:
            if op not in ("equal", whole):
                continue  # the other side's text: not in a paragraph that exists on one side only
            op = whole
        text = clean(run.text)
        if not text:
            continue
        if merged and merged[-1][0] == op:
            merged[-1][1] += text
        else:
            merged.append([op, text])
    for op, text in merged:
        yield op, text
