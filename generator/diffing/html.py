"""A diff as one self-contained HTML page: the summary, an inline view and a
side-by-side view.  Every text is escaped."""

from __future__ import annotations

from html import escape

from generator.diffing.render import (
    cause_text,
    describe,
    held_pieces,
    kinds_text,
    summary_lines,
    warnings_of,
)
from generator.diffing.result import DiffNode, DiffResult
from generator.diffing.tokens import Piece
from generator.diffing.words import kind_word, label

_CSS = """
body{font-family:Georgia,serif;max-width:72rem;margin:2rem auto;padding:0 1rem;color:#222}
h1{font-size:1.4rem}h2{font-size:1.15rem;border-bottom:1px solid #ccc}
h3{font-size:1rem;margin:1.2rem 0 .3rem}
del{background:#fdd;color:#900;text-decoration:line-through}
ins{background:#dfd;color:#060;text-decoration:underline}
.kind{font:12px sans-serif;padding:1px 6px;border-radius:8px;background:#eee;margin-left:.4rem}
.cause{font:13px sans-serif;color:#555}
.pre{white-space:pre-wrap}
table.sbs{border-collapse:collapse;width:100%;table-layout:fixed}
table.sbs td,table.sbs th{border:1px solid #ddd;padding:.4rem;vertical-align:top}
table.rows td{padding:.1rem .5rem;border-bottom:1px solid #eee}
ul.summary li{margin:.15rem 0}
"""


def _pieces(pieces: tuple[Piece, ...], side: str | None = None) -> str:
    """Inline (side None) or one side's text with its changes marked."""
    out = []
    for piece in pieces:
        text = escape(piece.text)
        if piece.op == "equal":
            out.append(text)
        elif piece.op == "delete" and side != "right":
            out.append(f"<del>{text}</del>")
        elif piece.op == "insert" and side != "left":
            out.append(f"<ins>{text}</ins>")
    return "".join(out)


def _lines(
    node: DiffNode, depth: int = 0, held: str | None = None, plain: bool = False
) -> list[tuple[int, tuple[Piece, ...]]]:
    """(depth, pieces) of the provision's own text and notes, and of all it
    contains when it is added or removed as a whole or not held on one side
    (`plain`: the held side's words unmarked, as the inline view shows them)."""
    held = held or {"left": "right", "right": "left"}.get(node.not_held_on or "")
    lines = []
    if node.heading_ops:
        lines.append((depth, node.heading_ops))
    label = node.label_ops
    sep = (Piece("equal", " "),) if label and node.text_ops else ()
    if label or node.text_ops:
        lines.append((depth, (*label, *sep, *node.text_ops)))
    if held:
        for row in node.rows:
            op = "insert" if held == "right" else "delete"
            lines.append((depth, (Piece(op, f"{row.code}  {getattr(row, held) or ''}"),)))
    lines.extend((depth, pieces) for pieces in node.note_pieces())
    if held or (node.kinds and node.kinds[0] in ("added", "removed")):
        for child in node.children:
            lines.extend(_lines(child, depth + 1, held))
    if held and plain and not depth:
        lines = [(d, held_pieces(p, held)) for d, p in lines]
    return lines


def _rows(node: DiffNode, side: str | None, lang: str) -> str:
    changes = node.row_changes if node.not_held_on is None else []
    if not changes:
        return ""
    cells = "".join(
        f"<tr><td>{escape(kind_word(r.kind, lang))}</td><td>{escape(r.code)}</td>"
        f"<td>{_pieces(r.ops, side)}</td></tr>"
        for r in changes
    )
    return f'<table class="rows">{cells}</table>'


def _header(node: DiffNode, lang: str) -> str:
    kinds = f'<span class="kind">{escape(kinds_text(node, lang))}</span>'
    cause = node.cause
    words = f'<div class="cause">[{escape(cause_text(cause, lang))}]</div>' if cause else ""
    return f"<h3>{escape(describe(node, lang))}{kinds}</h3>{words}"


def _inline(node: DiffNode, lang: str) -> str:
    body = "".join(
        f'<p class="pre" style="margin-left:{1.5 * d}rem">{_pieces(p)}</p>'
        for d, p in _lines(node, plain=True)
    )
    return _header(node, lang) + body + _rows(node, None, lang)


def _side_by_side(node: DiffNode, lang: str) -> str:
    rows = "".join(
        f'<tr><td class="pre" style="padding-left:{1.5 * d + 0.4}rem">{_pieces(p, "left")}</td>'
        f'<td class="pre" style="padding-left:{1.5 * d + 0.4}rem">{_pieces(p, "right")}</td></tr>'
        for d, p in _lines(node)
    )
    table = f'<table class="sbs">{rows}</table>' if rows else ""
    if node.row_changes and node.not_held_on is None:
        table += (
            f'<table class="sbs"><tr><td>{_rows(node, "left", lang)}</td>'
            f"<td>{_rows(node, 'right', lang)}</td></tr></table>"
        )
    return _header(node, lang) + table


def to_html(result: DiffResult) -> str:
    lang = result.lang
    summary = summary_lines(result)
    head, rest = summary[:4], summary[4:]
    items = "".join(f"<li>{escape(line.strip())}</li>" for line in rest[1:]) if rest else ""
    changes = result.changes()
    left, right = escape(result.left.label), escape(result.right.label)
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{lang}"><head><meta charset="utf-8">',
        f"<title>{left} → {right}</title>",
        f"<style>{_CSS}</style></head><body>",
        f"<h1>{left}<br>→ {right}</h1>",
        *(f'<p class="warning">{escape(w)}</p>' for w in warnings_of(result)),
        f"<p>{escape(head[3])}</p>",
        f'<ul class="summary">{items}</ul>' if items else f"<p>{escape(rest[0])}</p>",
        f'<details open><summary><h2 style="display:inline">{label("inline", lang)}</h2></summary>',
        *(_inline(n, lang) for n in changes),
        "</details>",
        f'<details open><summary><h2 style="display:inline">{label("side by side", lang)}'
        "</h2></summary>",
        f'<table class="sbs"><tr><th>{left}</th><th>{right}</th></tr></table>',
        *(_side_by_side(n, lang) for n in changes),
        "</details>",
        "</body></html>",
    ]
    return "\n".join(parts) + "\n"
