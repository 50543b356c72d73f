"""A diff as text (plain, or coloured for a terminal) and as JSON."""

from __future__ import annotations

import json
from typing import Any

from generator.consolidation.tree import Change
from generator.diffing.result import DiffNode, DiffResult, RowChange
from generator.diffing.tokens import Piece
from generator.rendering.dates import in_force_phrase, standing_json

SYMBOL = {"added": "+", "removed": "-", "modified": "~", "renumbered": "#", "moved": ">"}
_ACTION = {"insert": "inséré", "replace": "remplacé", "repeal": "abrogé"}


def cause_text(change: Change | None) -> str:
    if change is None:
        return ""
    return (
        f"{_ACTION.get(change.action, change.action)} par l'article {change.article} de "
        f"{change.amendment}, {in_force_phrase(change.in_force, change.standing)}"  # type: ignore[arg-type]
    )


def describe(node: DiffNode) -> str:
    """`article 14/1, alinéa 4, 5) (was article 14/1, alinéa 4, 3))`."""
    text = node.address
    if node.was:
        text += f" (was {node.was})"
    return text


def summary_lines(result: DiffResult) -> list[str]:
    counts = result.counts()
    kinds = ", ".join(f"{counts[k]} {k}" for k in ("added", "removed", "modified"))
    kinds += f", {counts['renumbered']} renumbered, {counts['moved']} moved"
    rows = ", ".join(f"{counts['rows ' + k]} {k}" for k in ("added", "removed", "modified"))
    lines = [
        f"Comparing {result.left.label}",
        f"     with {result.right.label}",
        "",
        f"Summary: {kinds}; annex rows: {rows}.",
    ]
    changes = result.changes()
    if not changes:
        lines.append("No differences.")
        return lines
    lines.append("Changed provisions:")
    for node in changes:
        kinds_text = " + ".join(node.kinds) if node.kinds else "rows changed"
        symbol = SYMBOL.get(node.kinds[0], "~") if node.kinds else "~"
        line = f"  {symbol} {describe(node)}: {kinds_text}"
        if node.row_changes:
            line += f" ({len(node.row_changes)} row(s))"
        if node.cause is not None:
            line += f" [{cause_text(node.cause)}]"
        lines.append(line)
    return lines


# -- text -----------------------------------------------------------------------------------

_ANSI = {"delete": "\x1b[31;9m", "insert": "\x1b[32;4m", "reset": "\x1b[0m", "bold": "\x1b[1m"}


def inline(pieces: tuple[Piece, ...], colour: bool) -> str:
    out = []
    for piece in pieces:
        if piece.op == "equal":
            out.append(piece.text)
        elif colour:
            out.append(f"{_ANSI[piece.op]}{piece.text}{_ANSI['reset']}")
        else:
            out.append(f"[-{piece.text}-]" if piece.op == "delete" else f"{{+{piece.text}+}}")
    return "".join(out)


def _with_label(node: DiffNode) -> tuple[Piece, ...]:
    """Label and text as one line of pieces."""
    pieces = list(node.label_ops)
    if node.label_ops and node.text_ops:
        pieces.append(Piece("equal", " "))
    return (*pieces, *node.text_ops)


def _body(node: DiffNode, colour: bool, depth: int = 0) -> list[str]:
    """The provision's own lines; a whole added or removed one with all it contains."""
    pad = "    " + "  " * depth
    lines = []
    if node.heading_ops:
        lines.append(pad + inline(node.heading_ops, colour))
    if node.text_ops or node.label_ops:
        lines.append(pad + inline(_with_label(node), colour))
    for change in node.row_changes if not node.inside else ():
        lines.append(pad + _row_line(change, colour))
    if node.kinds and node.kinds[0] in ("added", "removed") and node.rows:
        lines.append(pad + f"({len(node.rows)} row(s) {node.kinds[0]})")
    if node.kinds and node.kinds[0] in ("added", "removed"):
        for child in node.children:
            lines.extend(_body(child, colour, depth + 1))
    return lines


def _row_line(change: RowChange, colour: bool) -> str:
    symbol = SYMBOL[change.kind]
    return f"{symbol} {change.code}  {inline(change.ops, colour)}"


def warnings_of(result: DiffResult) -> list[str]:
    """What the reader must know about the sides (a date outside the
    convention's life, changes left out for want of a date), left then right."""
    return [*result.left.warnings, *result.right.warnings]


def to_text(result: DiffResult, colour: bool = False) -> str:
    lines = summary_lines(result)
    warnings = warnings_of(result)
    if warnings:
        lines[2:2] = ["", *warnings]
    for node in result.changes():
        lines.append("")
        title = f"{describe(node)} — {' + '.join(node.kinds) or 'rows changed'}"
        lines.append(f"{_ANSI['bold']}{title}{_ANSI['reset']}" if colour else title)
        if node.cause is not None:
            lines.append(f"    [{cause_text(node.cause)}]")
        lines.extend(_body(node, colour))
    return "\n".join(lines) + "\n"


# -- JSON -----------------------------------------------------------------------------------


def _ops(pieces: tuple[Piece, ...]) -> list[dict[str, str]]:
    return [{"op": p.op, "text": p.text} for p in pieces]


def _change_json(change: Change | None) -> dict[str, Any] | None:
    if change is None:
        return None
    return {
        "amendment": change.amendment,
        "article": change.article,
        "action": change.action,
        "in_force": change.in_force.isoformat(),  # type: ignore[attr-defined]
        "in_force_standing": standing_json(change.standing),
        "eid": change.eid,
    }


def node_json(node: DiffNode, full: bool = False) -> dict[str, Any]:
    """One provision of the change tree; unchanged children are left out
    (unless `full`), except inside an added or removed provision."""
    data: dict[str, Any] = {"eid": node.eid, "address": node.address, "kind": node.kind}
    if node.ghost:
        target = node.moved_to
        assert target is not None
        data["moved_to"] = {"eid": target.eid, "address": target.address}
        return data
    data["kinds"] = list(node.kinds)
    if node.inside:
        data["inside"] = node.inside
    if node.was:
        assert node.left is not None
        data["was"] = {"eid": node.left.eid, "address": node.left.human}
    for name, pieces in (
        ("label", node.label_ops),
        ("heading", node.heading_ops),
        ("text", node.text_ops),
    ):
        if pieces:
            data[name] = _ops(pieces)
    if node.rows:
        data["rows"] = [
            {
                "code": r.code,
                "kind": r.kind,
                "left": r.left,
                "right": r.right,
                "ops": _ops(r.ops),
            }
            for r in node.rows
            if full or r.kind != "equal"
        ]
        data["row_counts"] = {
            k: sum(r.kind == k for r in node.rows)
            for k in ("equal", "added", "removed", "modified")
        }
    if node.notes_ops:
        data["notes"] = [_ops(n) for n in node.notes_ops]
    if node.cause is not None:
        data["cause"] = _change_json(node.cause)
    whole = bool(node.kinds) and node.kinds[0] in ("added", "removed")
    children = [node_json(c, full) for c in node.children if full or whole or c.changed or c.ghost]
    if children:
        data["children"] = children
    return data


def to_json_data(result: DiffResult, full: bool = False) -> dict[str, Any]:
    def side(s) -> dict[str, Any]:
        return {
            "spec": s.spec,
            "label": s.label,
            "type": s.kind,
            "document": s.document_id,
            "at": s.at.isoformat() if s.at else None,
            "provision": s.fragment,
        }

    return {
        "left": side(result.left),
        "right": side(result.right),
        "warnings": warnings_of(result),
        "summary": {
            "counts": result.counts(),
            "changes": [
                {
                    "eid": n.eid,
                    "address": n.address,
                    "was": n.left.human if n.was and n.left else None,
                    "kinds": list(n.kinds),
                    "rows": len(n.row_changes),
                    "cause": _change_json(n.cause),
                }
                for n in result.changes()
            ],
        },
        "tree": [node_json(n, full) for n in result.nodes if full or n.changed or n.ghost],
    }


def to_json(result: DiffResult, full: bool = False) -> str:
    return json.dumps(to_json_data(result, full), indent=2, ensure_ascii=False) + "\n"
