"""Blocks laid out as plain text, Markdown or a self-contained HTML page."""

from __future__ import annotations

import html
import re

from generator.rendering.blocks import Block
from generator.rendering.language import plain_footnotes

_INDENT = "    "


def to_text(blocks: list[Block]) -> str:
    lines: list[str] = []
    for block in blocks:
        # a quoted provision is indented one step more than the amendment's own text
        pad = _INDENT * (block.level + block.quoted)
        text = plain_footnotes(block.text)
        if block.kind == "title":
            lines += [text, "=" * min(len(text), 78), ""]
        elif block.kind == "subtitle":
            lines += [text, ""]
        elif block.kind == "heading":
            lines += ["", (_INDENT if block.quoted else "") + text]
        elif block.kind == "paragraph":
            lines.append(pad + (f"{block.label} {text}" if block.label else text))
        elif block.kind in ("note", "footnote"):
            prefix = f"{plain_footnotes(f'[^{block.label}]')} " if block.kind == "footnote" else ""
            lines.append(pad + prefix + text)
        elif block.kind == "separator":
            lines.append("")
        elif block.kind == "table":
            width = max((len(row[0]) for row in block.rows), default=6)
            lines.append(f"{block.columns[0]:<{width}}  {block.columns[1]}")
            lines += [f"{code:<{width}}  {description}" for code, description in block.rows]
    return "\n".join(lines).rstrip() + "\n"


def _md(text: str) -> str:
    """Escape what Markdown would misread; keep footnote marks."""
    return re.sub(r"([\\`*_#|<>])", r"\\\1", text)


def to_markdown(blocks: list[Block]) -> str:
    lines: list[str] = []
    for block in blocks:
        text = _md(block.text)
        # a quoted provision is a block quote, its headings bold lines, not headings
        pad = "> " * (block.level + block.quoted)
        if block.kind == "title":
            lines += [f"# {text}", ""]
        elif block.kind == "subtitle":
            lines += [f"*{text}*", ""]
        elif block.kind == "heading" and block.quoted:
            lines += [f"> **{text}**", ""]
        elif block.kind == "heading":
            lines += [f"{'#' * (block.level + 1)} {text}", ""]
        elif block.kind == "paragraph":
            label = f"**{_md(block.label)}** " if block.label else ""
            lines += [f"{pad}{label}{text}", ""]
        elif block.kind == "note":
            lines += [f"{pad}*{text}*", ""]
        elif block.kind == "footnote":
            lines += [f"[^{block.label}]: {text}", ""]
        elif block.kind == "table":
            lines.append(f"| {' | '.join(_md(c) for c in block.columns)} |")
            lines.append("|" + "---|" * len(block.columns))
            lines += [f"| {' | '.join(_md(c) for c in row)} |" for row in block.rows]
            lines.append("")
    return "\n".join(lines).rstrip() + "\n"


_CSS = """
body{font-family:Georgia,'Times New Roman',serif;max-width:52rem;margin:2rem auto;padding:0 1rem;
line-height:1.5;color:#111}
h1{font-size:1.4rem}h2{font-size:1.15rem;margin-top:2rem}h3{font-size:1rem}
.subtitle{color:#444;font-style:italic}.note{color:#7a4b00;font-size:.9rem;font-style:italic}
.label{font-weight:bold;margin-right:.4em}.footnote{font-size:.85rem;color:#333}
table{border-collapse:collapse;width:100%}td,th{border:1px solid #bbb;padding:.25rem .5rem;
vertical-align:top;text-align:left}td:first-child{font-family:monospace;white-space:nowrap}
blockquote.quoted{margin:.5rem 0 .5rem 2rem;padding-left:1rem;border-left:3px solid #ccc}
.quoted-heading{font-weight:bold;margin:.8rem 0 .2rem}
"""


def _html_text(text: str) -> str:
    escaped = html.escape(text)
    return re.sub(r"\[\^([0-9a-z]+)\]", r"<sup>\1</sup>", escaped)


def to_html(blocks: list[Block], lang: str = "fr") -> str:
    title = next((b.text for b in blocks if b.kind == "title"), "conventio")
    body: list[str] = []
    quoting = False
    for block in blocks:
        if block.quoted != quoting:  # a quoted provision is one block quote
            body.append('<blockquote class="quoted">' if block.quoted else "</blockquote>")
            quoting = block.quoted
        body.append(_html_block(block))
    if quoting:
        body.append("</blockquote>")
    return (
        f'<!DOCTYPE html>\n<html lang="{html.escape(lang)}"><head><meta charset="utf-8">'
        f"<title>{html.escape(title)}</title><style>{_CSS}</style></head>\n<body>\n"
        + "\n".join(body)
        + "\n</body></html>\n"
    )


def _html_block(block: Block) -> str:
    text = _html_text(block.text)
    ident = f' id="{html.escape(block.eid)}"' if block.eid else ""
    style = f' style="margin-left:{1.5 * block.level}rem"' if block.level else ""
    if block.kind == "title":
        return f"<h1>{text}</h1>"
    if block.kind == "subtitle":
        return f'<p class="subtitle">{text}</p>'
    if block.kind == "heading" and block.quoted:  # the quoted text's, not the document's
        return f'<p class="quoted-heading"{ident}>{text}</p>'
    if block.kind == "heading":
        level = min(block.level, 5) + 0
        return f"<h{level}{ident}>{text}</h{level}>"
    if block.kind == "paragraph":
        label = f'<span class="label">{html.escape(block.label)}</span>' if block.label else ""
        return f"<p{ident}{style}>{label}{text}</p>"
    if block.kind == "note":
        return f'<p class="note"{style}>{text}</p>'
    if block.kind == "footnote":
        return f'<p class="footnote"><sup>{html.escape(block.label)}</sup> {text}</p>'
    if block.kind == "separator":
        return "<hr>"
    if block.kind == "table":
        head = "".join(f"<th>{html.escape(c)}</th>" for c in block.columns)
        rows = "".join(
            "<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in row) + "</tr>"
            for row in block.rows
        )
        return f"<table{ident}><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>"
    return ""
