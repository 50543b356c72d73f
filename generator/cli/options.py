"""What several command groups accept alike."""

from __future__ import annotations

#: the languages a text is shown or generated in
LANGS = ("fr", "nl", "de")


def split_list(text: str) -> tuple[str, ...]:
    """`docx, pdf` -> ("docx", "pdf"): a comma-separated option, blanks dropped."""
    return tuple(part.strip() for part in text.split(",") if part.strip())
