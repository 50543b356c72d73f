"""Redline documents (generator.diffing.redline_model) for the tests of the redline
DOCX, and the text LibreOffice must give for each after accepting every tracked
change and after rejecting them all.

`CASES` are written by hand: each document with the lines expected after accepting
(the right-hand version) and after rejecting (the left-hand one). `RANDOM` mixes
every kind of change at random, and `expected_text` predicts its lines from the
model's contract and the writer's layout. In LibreOffice's text, a line break
inside a paragraph is a new line too, a table starts after the previous paragraph
with no blank line, and each document ends with one empty paragraph (see
`generator.diffing.redline`).
"""

from __future__ import annotations

import datetime as dt
import random
import re

from generator.diffing.redline_model import (
    RedlineDocument,
    RedlineParagraph,
    RedlineRow,
    RedlineTable,
    Run,
)

AUTHOR = "Service des soins de santé – INAMI"
DATE = dt.datetime(2023, 9, 25, 14, 30, 5)
HOSTILE = "& < > \" ' ’ « » é à ç œ € <w:t>&amp;</w:t> ]]>"


def eq(text: str) -> Run:
    return Run("equal", text)


def ins(text: str) -> Run:
    return Run("insert", text)


def dele(text: str) -> Run:
    return Run("delete", text)


def document(
    *blocks: RedlineParagraph | RedlineTable, title: str = "Convention"
) -> RedlineDocument:
    return RedlineDocument(title, tuple(blocks), "2021-01-01", "2023-09-25")


HEAD = ["Convention", "2021-01-01 → 2023-09-25"]

# each case: the document, and the text expected after accepting and after rejecting
CASES: dict[str, tuple[RedlineDocument, list[str], list[str]]] = {
    "words": (
        document(
            RedlineParagraph((eq("Article 3"),), style="heading"),
            RedlineParagraph(
                (
                    eq("§ 1. Le réseau "),
                    dele("peut"),
                    ins("doit"),
                    eq(" conclure une convention "),
                    ins("écrite "),
                    eq("avec chaque psychologue"),
                    dele(" agréé"),
                    eq("."),
                ),
                level=1,
                label="§ 1",
            ),
        ),
        [
            *HEAD,
            "Article 3",
            "§ 1. Le réseau doit conclure une convention écrite avec chaque psychologue.",
            "",
        ],
        [
            *HEAD,
            "Article 3",
            "§ 1. Le réseau peut conclure une convention avec chaque psychologue agréé.",
            "",
        ],
    ),
    "inserted_paragraph": (
        document(
            RedlineParagraph((eq("1° les séances individuelles;"),), level=2, label="1°"),
            RedlineParagraph((ins("2° les séances de groupe;"),), level=2, whole="insert"),
            RedlineParagraph((eq("3° les séances à distance."),), level=2, label="3°"),
        ),
        [
            *HEAD,
            "1° les séances individuelles;",
            "2° les séances de groupe;",
            "3° les séances à distance.",
            "",
        ],
        [*HEAD, "1° les séances individuelles;", "3° les séances à distance.", ""],
    ),
    "deleted_paragraph": (
        document(
            RedlineParagraph((eq("Article 4"),), style="heading"),
            RedlineParagraph((dele("Article 5"),), style="heading", whole="delete"),
            RedlineParagraph((dele("Le présent article est abrogé."),), whole="delete"),
            RedlineParagraph((eq("Article 6"),), style="heading"),
            RedlineParagraph((dele("Note : texte abrogé en 2023."),), style="note", whole="delete"),
        ),
        [*HEAD, "Article 4", "Article 6", ""],
        [
            *HEAD,
            "Article 4",
            "Article 5",
            "Le présent article est abrogé.",
            "Article 6",
            "Note : texte abrogé en 2023.",
            "",
        ],
    ),
    "table": (
        document(
            RedlineParagraph((eq("Annexe 1 – Pseudocodes"),), style="title"),
            RedlineTable(
                ("Pseudocode", "Prestation", "Honoraire"),
                (
                    RedlineRow(((eq("794010"),), (eq("Séance individuelle"),), (eq("75,00 €"),))),
                    RedlineRow(
                        (
                            (eq("794032"),),
                            (eq("Séance de groupe"),),
                            (dele("22,50"), ins("25,00"), eq(" €")),
                        )
                    ),
                    RedlineRow(
                        ((dele("794054"),), (dele("Séance de suivi"),), (dele("50,00 €"),)),
                        whole="delete",
                    ),
                    RedlineRow(
                        ((ins("794076"),), (ins("Séance à distance"),), (ins("60,00 €"),)),
                        whole="insert",
                    ),
                ),
            ),
            RedlineParagraph((eq("Fait à Bruxelles."),)),
        ),
        [
            *HEAD,
            "Annexe 1 – Pseudocodes",
            *("Pseudocode", "Prestation", "Honoraire"),
            *("794010", "Séance individuelle", "75,00 €"),
            *("794032", "Séance de groupe", "25,00 €"),
            *("794076", "Séance à distance", "60,00 €"),
            "Fait à Bruxelles.",
            "",
        ],
        [
            *HEAD,
            "Annexe 1 – Pseudocodes",
            *("Pseudocode", "Prestation", "Honoraire"),
            *("794010", "Séance individuelle", "75,00 €"),
            *("794032", "Séance de groupe", "22,50 €"),
            *("794054", "Séance de suivi", "50,00 €"),
            "Fait à Bruxelles.",
            "",
        ],
    ),
    "hostile": (
        document(
            RedlineParagraph(
                (eq("« A & B » "), dele(HOSTILE), ins('’<b>\' "C" > D')), style="title"
            ),
            RedlineParagraph((ins("L’INAMI & le réseau « Noël » <x>"),), whole="insert"),
            RedlineParagraph((dele("<script>alert('é')</script> & co"),), whole="delete"),
            RedlineParagraph((eq("a\tb "), ins("c\td"), dele("e\tf"))),
            RedlineTable(("<&>", "« »"), (RedlineRow(((dele("'"), ins('"')), (eq("’&’"),))),)),
            title="Titre <&> « ’ »",
        ),
        [
            "Titre <&> « ’ »",
            HEAD[1],
            '« A & B » ’<b>\' "C" > D',
            "L’INAMI & le réseau « Noël » <x>",
            "a\tb c\td",
            *("<&>", "« »", '"', "’&’"),
            "",
        ],
        [
            "Titre <&> « ’ »",
            HEAD[1],
            "« A & B » " + HOSTILE,
            "<script>alert('é')</script> & co",
            "a\tb e\tf",
            *("<&>", "« »", "'", "’&’"),
            "",
        ],
    ),
    "meeting_insertions": (
        document(
            # paragraphs that end with an insertion followed by one that starts with one
            RedlineParagraph((eq("a"), ins(" 1"))),
            RedlineParagraph((ins("b\t"), dele("de "), eq("c"), ins(" 2"))),
            RedlineParagraph((ins("Alors "), eq("Le réseau"), dele("x"), ins("y"))),
            RedlineParagraph((ins("z"), eq("d"))),
            RedlineParagraph((ins("e"),)),
            RedlineParagraph((eq("g"), ins("h"))),
            RedlineParagraph((ins("Nouveau"),), whole="insert", style="note"),
        ),
        [*HEAD, "a 1", "b\tc 2", "Alors Le réseauy", "zd", "e", "gh", "Nouveau", ""],
        [*HEAD, "a", "de c", "Le réseaux", "d", "", "g", ""],
    ),
    "edges": (
        document(
            # a whole paragraph right before a table, tables back to back, a table
            # added and one removed as a whole, line breaks, an empty added paragraph
            RedlineParagraph((dele("Supprimé avant la table"),), whole="delete"),
            RedlineTable(("A", "B"), (RedlineRow(((ins("a1"),), (ins("b1"),)), whole="insert"),)),
            RedlineTable(("C",), (RedlineRow(((dele("c1"),),), whole="delete"),)),
            RedlineTable((), (RedlineRow(((eq("x"), ins("y")), (dele("z"),))),)),
            RedlineParagraph((eq("ligne 1\nligne 2"), ins("\r\nligne 3"))),
            RedlineParagraph((), whole="insert"),
            RedlineParagraph((ins("Ajouté à la fin"),), whole="insert"),
        ),
        [
            *HEAD,
            *("", "A", "B", "a1", "b1", "", "", "xy", ""),
            *("ligne 1", "ligne 2", "ligne 3", "", "Ajouté à la fin", ""),
        ],
        [
            *HEAD,
            *("Supprimé avant la table", "", "", "C", "c1", "", "x", "z"),
            *("ligne 1", "ligne 2", ""),
        ],
    ),
}


def random_document(seed: int) -> RedlineDocument:
    """A document mixing every kind of change, for `expected_text` to predict."""
    rng = random.Random(seed)
    words = ["article", "réseau", "€", "&", "<", ">", '"', "'", "’", "«", "»", "§ 2", "1°", "ç"]
    words += ["a\tb", "ligne\nsuivante"]

    def runs(allowed: tuple[str, ...]) -> tuple[Run, ...]:
        return tuple(
            Run(rng.choice(allowed), " ".join(rng.sample(words, rng.randint(1, 3))) + " ")
            for _ in range(rng.choice([0, 1, 1, 2, 3, 5]))
        )

    blocks: list[RedlineParagraph | RedlineTable] = []
    for _ in range(14):
        kind = rng.random()
        if kind < 0.15:
            rows = []
            for _ in range(rng.randint(1, 4)):
                whole = rng.choice([None, None, "insert", "delete"])
                allowed = ("equal", whole) if whole else ("equal", "insert", "delete")
                rows.append(RedlineRow(tuple(runs(allowed) for _ in range(2)), whole))
            blocks.append(RedlineTable(("Col 1", "Col 2"), tuple(rows)))
        else:
            whole = rng.choice([None, None, "insert", "delete"])
            allowed = ("equal", whole) if whole else ("equal", "insert", "delete")
            style = rng.choice(["title", "heading", "text", "text", "note"])
            blocks.append(RedlineParagraph(runs(allowed), style, rng.randint(0, 3), "", whole))
    return document(*blocks)


def expected_text(doc: RedlineDocument, side: str) -> list[str]:
    """The lines LibreOffice should give for one side ("insert" for the right,
    "delete" for the left), from the model's contract and the writer's layout."""

    def spell(runs: tuple[Run, ...]) -> str:
        return "".join(run.text for run in runs if run.op in ("equal", side))

    lines = [doc.title, f"{doc.left_label} → {doc.right_label}"]
    needs_spacer = False
    for block in doc.blocks:
        if isinstance(block, RedlineTable):
            if not block.header and not block.rows:
                continue  # nothing to show: not written
            if needs_spacer:
                lines.append("")
            # the header is added (removed) with the table when every row is
            changes = {row.whole for row in block.rows}
            if len(changes) != 1 or changes == {None} or changes == {side}:
                lines += block.header
            rows = [row for row in block.rows if row.whole in (None, side)]
            for row in rows:
                for cell in row.cells:
                    lines += re.split(r"\r\n|\r|\n", spell(cell))
            needs_spacer = True
        else:
            if block.whole in (None, side):
                lines += re.split(r"\r\n|\r|\n", spell(block.runs))
            # a paragraph empty on the left is written as an empty one removed and one added
            left_empty = {run.op for run in block.runs if run.text} == {"insert"}
            needs_spacer = block.whole is not None or left_empty
    return [*lines, ""]


RANDOM = {f"random_{seed}": random_document(seed) for seed in range(3)}
