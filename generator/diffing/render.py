"""A diff as text (plain, or coloured for a terminal) and as JSON."""

from __future__ import annotations

import json
from typing import Any

from generator.consolidation.tree import Change
from generator.diffing.result import KINDS, DiffNode, DiffResult, RowChange
from generator.diffing.tokens import Piece
from generator.diffing.words import counted, kind_word, label
from generator.rendering.dates import standing_json
from generator.rendering.provisions import change_source, change_words

SYMBOL = {
    "added": "+",
    "removed": "-",
    "modified": "~",
    "renumbered": "#",
    "moved": ">",
    "not held": "?",
}


def cause_text(change: Change | None, lang: str = "fr") -> str:
    """« Insertion par l'article 2 de l'avenant au modèle de convention du 28
    septembre 2023, en vigueur le 25 septembre 2023 »: as show's change notes."""
    if change is None:
        return ""
    return change_words(change, lang)


def describe(node: DiffNode, lang: str = "fr") -> str:
    """`article 14/1, alinéa 4, 5) (anciennement article 14/1, alinéa 4, 3))`."""
    text = node.address
    if node.was:
        text += f" ({label('was', lang, was=node.was)})"
    return text


def kinds_text(node: DiffNode, lang: str) -> str:
    """« ajout », « renumérotation + modification », « texte non repris dans le
    corpus : Convention … texte en vigueur au 24 septembre 2023 », « lignes modifiées »."""
    if node.not_held_on is not None:
        return label("not held on", lang, side=label(node.not_held_on, lang))
    if not node.kinds:
        return label("rows changed", lang)
    return " + ".join(kind_word(k, lang) for k in node.kinds)


def summary_lines(result: DiffResult) -> list[str]:
    lang = result.lang
    counts = result.counts()
    kinds = ", ".join(counted(counts[k], k, lang) for k in KINDS)
    rows = ", ".join(
        counted(counts["rows " + k], k, lang) for k in ("added", "removed", "modified")
    )
    lines = [
        label("comparing", lang, left=result.left.label),
        label("with", lang, right=result.right.label),
        "",
        label("summary", lang, kinds=kinds, rows=rows),
    ]
    changes = result.changes()
    if not changes:
        lines.append(label("identical", lang))
        return lines
    lines.append(label("changed", lang))
    for node in changes:
        symbol = SYMBOL.get(node.kinds[0], "~") if node.kinds else "~"
        line = f"  {symbol} {describe(node, lang)} : {kinds_text(node, lang)}"
        if node.row_changes and node.not_held_on is None:
            line += f" ({counted(len(node.row_changes), 'row', lang)})"
        if node.cause is not None:
            line += f" [{cause_text(node.cause, lang)}]"
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


def held_pieces(pieces: tuple[Piece, ...], side: str) -> tuple[Piece, ...]:
    """One side's words, plain: the text of a provision the other side does not hold."""
    skip = "insert" if side == "left" else "delete"
    return tuple(Piece("equal", p.text) for p in pieces if p.op != skip)


def _body(
    node: DiffNode, colour: bool, lang: str, depth: int = 0, held: str | None = None
) -> list[str]:
    """The provision's own lines and the notes under it; a whole added or
    removed one with all it contains; one not held on a side: the other side's
    text, plain."""
    pad = "    " + "  " * depth
    held = held or {"left": "right", "right": "left"}.get(node.not_held_on or "")
    show = (lambda pieces: held_pieces(pieces, held)) if held else (lambda pieces: pieces)
    lines = []
    if node.heading_ops:
        lines.append(pad + inline(show(node.heading_ops), colour))
    if node.text_ops or node.label_ops:
        lines.append((pad + inline(show(_with_label(node)), colour)).rstrip())
    if held:
        lines.extend(
            pad + f"  {r.code}  {r.right if held == 'right' else r.left}" for r in node.rows
        )
    else:
        for change in node.row_changes if not node.inside else ():
            lines.append(pad + _row_line(change, colour))
    if node.kinds and node.kinds[0] in ("added", "removed") and node.rows:
        lines.append(pad + f"({counted(len(node.rows), 'row', lang)})")
    for pieces in node.note_pieces():
        lines.append(pad + inline(show(pieces), colour))
    if held or (node.kinds and node.kinds[0] in ("added", "removed")):
        for child in node.children:
            lines.extend(_body(child, colour, lang, depth + 1, held))
    return lines


def _row_line(change: RowChange, colour: bool) -> str:
    symbol = SYMBOL[change.kind]
    return f"{symbol} {change.code}  {inline(change.ops, colour)}"


def warnings_of(result: DiffResult) -> list[str]:
    """What the reader must know about the sides (a date outside the
    convention's life, changes left out for want of a date), left then right."""
    return [*result.left.warnings, *result.right.warnings]


def to_text(result: DiffResult, colour: bool = False) -> str:
    lang = result.lang
    lines = summary_lines(result)
    warnings = warnings_of(result)
    if warnings:
        lines[2:2] = ["", *warnings]
    for node in result.changes():
        lines.append("")
        title = f"{describe(node, lang)} — {kinds_text(node, lang)}"
        lines.append(f"{_ANSI['bold']}{title}{_ANSI['reset']}" if colour else title)
        if node.cause is not None:
            lines.append(f"    [{cause_text(node.cause, lang)}]")
        lines.extend(_body(node, colour, lang))
    return "\n".join(lines) + "\n"


# -- JSON -----------------------------------------------------------------------------------


def _ops(pieces: tuple[Piece, ...]) -> list[dict[str, str]]:
    return [{"op": p.op, "text": p.text} for p in pieces]


def _change_json(change: Change | None, lang: str) -> dict[str, Any] | None:
    if change is None:
        return None
    return {
        "amendment": change.amendment,
        "article": change.article,
        "action": change.action,
        "in_force": change.in_force.isoformat(),  # type: ignore[attr-defined]
        "in_force_standing": standing_json(change.standing, lang),
        "eid": change.eid,
        "cited_as": change_source(change, lang, definite=False),
        "words": change_words(change, lang),
    }


def node_json(node: DiffNode, full: bool = False, lang: str = "fr") -> dict[str, Any]:
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
    if node.not_held_on is not None:
        data["not_held_on"] = node.not_held_on
    if node.item.notes:
        data["notes"] = [_ops(n) for n in node.note_pieces()]
    if node.cause is not None:
        data["cause"] = _change_json(node.cause, lang)
    whole = bool(node.kinds) and node.kinds[0] in ("added", "removed")
    children = [
        node_json(c, full, lang) for c in node.children if full or whole or c.changed or c.ghost
    ]
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
                    "cause": _change_json(n.cause, result.lang),
                }
                for n in result.changes()
            ],
        },
        "tree": [
            node_json(n, full, result.lang) for n in result.nodes if full or n.changed or n.ghost
        ],
    }


def to_json(result: DiffResult, full: bool = False) -> str:
    return json.dumps(to_json_data(result, full), indent=2, ensure_ascii=False) + "\n"
