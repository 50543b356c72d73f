"""The import report: what was recognised, what needs a person's decision,
what was left out as page layout, and the proof that no word was lost.
Never prints a national register number."""

from __future__ import annotations

from generator.errors import one_line
from generator.importing.recognise.journal import shorten
from generator.importing.recognise.national_numbers import mask
from generator.importing.write.result import ImportResult


def _count(n: int, one: str, many: str | None = None) -> str:
    return f"{n} {one if n == 1 else (many or one + 's')}"


def summary(result: ImportResult) -> str:
    data = result.data
    articles = data.get("articles", [])
    parts = [_count(len(articles), "article")]
    if result.kind == "amendment":
        operations = sum(len(a.get("operations", [])) for a in articles)
        parts.append(_count(operations, "operation"))
    else:
        parts.append(_count(len(data.get("recitals", [])), "recital"))
    for annex in data.get("annexes", []):
        parts.append(f"annex {annex['num']} ({_count(len(annex.get('rows', [])), 'row')})")
    pages = f" ({_count(result.pages, 'page')})" if result.pages else ""
    kind = "an amendment" if result.kind == "amendment" else "a convention"
    return f"{result.source.name}{pages}: {kind} — {', '.join(parts)}"


def report_text(result: ImportResult, draft_path: str | None = None) -> str:
    lines = [f"Imported {summary(result)}."]
    if draft_path:
        lines.append(f"Draft written to {draft_path}.")
    if result.doubts:
        lines.append("")
        lines.append(f"To check ({len(result.doubts)}; marked CHECK or NOT PLACED in the draft):")
        for doubt in result.doubts:
            lines.append(f"  {doubt.where}: {one_line(mask(doubt.what))}")
    else:
        lines.append("Nothing to check: every part was recognised.")
    if result.omitted:
        lines.append("")
        lines.append(f"Left out as page layout ({len(result.omitted)}):")
        for item in result.omitted:
            # masked before shortening: a cut number would no longer be recognised
            text = one_line(shorten(mask(item.text), 90))
            lines.append(f"  {item.where}, {item.why}: {text}")
    lines.append("")
    if result.unplaced:
        lines.append(
            f"WORDS NOT FOUND IN THE DRAFT ({len(result.unplaced)}): "
            + one_line(mask(" ".join(result.unplaced[:200])))
        )
        lines.append("This is a bug in conventio import: please report it with the file.")
    else:
        lines.append("Every word of the document is in the draft or in the list above.")
    lines.append("Next: review the draft against the original, then run `conventio check`.")
    # the file's name and every quoted line too: a report is a listing
    return mask("\n".join(lines) + "\n")
