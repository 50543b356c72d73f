"""The diff as a `RedlineDocument` for the DOCX redline writer.

Every provision of both sides is emitted, in the merged order: the "equal"
and "delete" runs of the whole document spell the left side, the "equal" and
"insert" runs the right side.  A moved provision is deleted where it was and
inserted where it is.  A label that changes is put, with the space after it,
as the first runs of its paragraph; an unchanged label goes in `label`.
"""

from __future__ import annotations

from dataclasses import replace

from generator.diffing.redline_model import (
    RedlineDocument,
    RedlineParagraph,
    RedlineRow,
    RedlineTable,
    Run,
)
from generator.diffing.result import DiffNode, DiffResult
from generator.diffing.tokens import Piece, word_diff
from generator.rendering.provisions import change_source


def _para(
    runs: tuple[Run, ...], style: str, level: int, label: str, whole: str | None
) -> RedlineParagraph:
    """A paragraph; one that only one side has is whole (so that the other
    side's text gets no empty paragraph)."""
    if whole is None and not label and runs:
        ops = {r.op for r in runs}
        if ops in ({"insert"}, {"delete"}):
            whole = ops.pop()
    return RedlineParagraph(runs, style, level, label, whole)


def _runs(pieces: tuple[Piece, ...]) -> tuple[Run, ...]:
    return tuple(Run(p.op, p.text) for p in pieces if p.text)


def _whole(node: DiffNode) -> str | None:
    if node.ghost or node.inside == "removed" or node.kinds[:1] == ("removed",):
        return "delete"
    if node.inside == "added" or node.kinds[:1] == ("added",) or "moved" in node.kinds:
        return "insert"  # a moved provision: inserted here, deleted where it was
    return None


def _sides(node: DiffNode, whole: str | None):
    """The left and right items as the redline shows them (a whole paragraph has one)."""
    left = None if whole == "insert" else node.left
    right = None if whole == "delete" else node.right
    return left, right


def _ops(node: DiffNode, whole: str | None, name: str) -> tuple[Run, ...]:
    if whole is None:
        return _runs(getattr(node, f"{name}_ops"))
    left, right = _sides(node, whole)
    return _runs(
        word_diff(getattr(left, name) if left else "", getattr(right, name) if right else "")
    )


def _label_and_text(node: DiffNode, whole: str | None) -> tuple[str, tuple[Run, ...]]:
    left, right = _sides(node, whole)
    text = _ops(node, whole, "text")
    if left is not None and right is not None and left.label == right.label:
        # an unchanged label is printed as plain text: the redline writer
        # prints runs only
        if not right.label:
            return "", text
        gap = " " if right.text else ""
        return "", (Run("equal", right.label + gap), *text)

    # the label changes (or the paragraph is whole): its runs come first
    def prefix(item) -> str:
        if item is None or not item.label:
            return ""
        return item.label + (" " if item.text else "")

    return "", _runs(word_diff(prefix(left), prefix(right))) + text


def _notes(node: DiffNode, item, whole: str | None, level: int, out: list) -> None:
    """The notes under a provision (its footnotes) or an annex (its notes and
    abbreviations), each a paragraph."""
    if whole or not node.notes_ops:
        notes = tuple(word_diff(n, n) for n in item.notes)
    else:
        notes = node.notes_ops
    for pieces in notes:
        if whole:
            pieces = tuple(Piece(whole, p.text) for p in pieces)
        out.append(_para(_runs(pieces), "text", level, "", whole))


def _blocks(node: DiffNode, depth: int, out: list, lang: str, forced: str | None = None) -> None:
    start = len(out)
    _node_blocks(node, depth, out, lang, forced)
    if node.cause is not None and forced is None and (node.kinds or node.row_changes):
        # a Word comment on its first paragraph names the amendment article that made it
        comment = change_source(node.cause, lang, definite=False)
        for at in range(start, len(out)):
            if isinstance(out[at], RedlineParagraph):
                out[at] = replace(out[at], comment=comment)
                break


def _node_blocks(node: DiffNode, depth: int, out: list, lang: str, forced: str | None) -> None:
    if forced == "insert" and node.right is None:
        return  # inside a moved provision: what it lost is shown where it was
    if forced == "delete" and node.left is None:
        return
    whole = forced or _whole(node)
    left, right = _sides(node, whole)
    item = right if right is not None else left
    assert item is not None
    if item.kind == "annex":
        heading = _ops(node, whole, "heading")
        if heading:
            out.append(_para(heading, "heading", 0, "", whole))
        placeholder = _ops(node, whole, "text")  # « [texte non repris dans le corpus] »
        if placeholder:
            out.append(_para(placeholder, "text", 0, "", whole))
        rows = []
        for row in node.rows:
            kind = {"added": "insert", "removed": "delete"}.get(row.kind)
            if whole and kind and kind != whole:
                continue
            row_whole = whole or kind
            description = row.ops
            if whole:
                text = row.right if whole == "insert" else row.left
                description = (Piece(whole, text or ""),)
            cells = ((Run(row_whole or "equal", row.code),), _runs(description))
            rows.append(RedlineRow(cells, row_whole))
        if rows:
            out.append(RedlineTable(item.columns or ("pseudocode", "description"), tuple(rows)))
        _notes(node, item, whole, 0, out)
        return
    level = max(0, min(depth, 3))
    if item.kind == "article":
        heading = _ops(node, whole, "heading")
        if heading:
            out.append(_para(heading, "heading", 0, "", whole))
        label = _runs(word_diff(left.label if left else "", right.label if right else ""))
        out.append(_para(label, "heading", 0, "", whole))
        text = _ops(node, whole, "text")
        if text:
            out.append(_para(text, "text", 0, "", whole))
        _notes(node, item, whole, 0, out)
        child_depth = 0
    else:
        label, runs = _label_and_text(node, whole)
        if runs or label:
            out.append(_para(runs, "text", level, label, whole))
        _notes(node, item, whole, level, out)
        child_depth = depth + 1
    inherited = whole if whole is not None else None
    for child in node.children:
        _blocks(child, child_depth, out, lang, inherited)


def to_redline(result: DiffResult) -> RedlineDocument:
    blocks: list = []
    for node in result.nodes:
        _blocks(node, 0, blocks, result.lang)
    title = result.right.title or result.left.title
    return RedlineDocument(title, tuple(blocks), result.left.label, result.right.label, result.lang)


def spell(document: RedlineDocument, side: str) -> list[str]:
    """Each paragraph (and table cell) of one side, as a list of lines: what
    rejecting ("left") or accepting ("right") every change gives."""
    skip = "insert" if side == "left" else "delete"
    lines: list[str] = []
    for block in document.blocks:
        if isinstance(block, RedlineTable):
            for row in block.rows:
                if row.whole == skip:
                    continue
                cells = ["".join(r.text for r in cell if r.op != skip) for cell in row.cells]
                lines.append(" | ".join(cells))
            continue
        if block.whole == skip:
            continue
        text = "".join(r.text for r in block.runs if r.op != skip)
        lines.append(f"{block.label} {text}" if block.label and text else block.label or text)
    return lines
