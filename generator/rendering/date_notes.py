"""The notes at the top of a coordinated text that say what its dates rest on:
the changes approved but not yet in force, those whose approval date nobody
knows, those left out because nobody knows from when they apply, and the dates
the user assumed."""

from __future__ import annotations

import datetime as dt

from generator.consolidation.engine import Consolidation
from generator.model.dates import USER
from generator.model.order import ScheduledOperation
from generator.rendering.blocks import BlockWriter
from generator.rendering.citations import operation_citation
from generator.rendering.dates import date_with_standing
from generator.rendering.language import format_date
from generator.rendering.provisions import ACTIONS

_PENDING = {
    "fr": "Modifications approuvées, pas encore en vigueur à cette date :",
    "nl": "Goedgekeurde wijzigingen, op die datum nog niet van kracht:",
    "de": "Genehmigte Änderungen, an diesem Datum noch nicht in Kraft:",
}
_APPROVAL_UNKNOWN = {
    "fr": (
        "Modifications pas encore en vigueur à cette date, dont les sources ne donnent "
        "pas la date d'approbation (elles ne sont peut-être pas encore approuvées) :"
    ),
    "nl": (
        "Wijzigingen die op die datum nog niet van kracht zijn en waarvan de bronnen de "
        "datum van goedkeuring niet geven (misschien nog niet goedgekeurd):"
    ),
    "de": (
        "Änderungen, die an diesem Datum noch nicht in Kraft sind und deren Genehmigungsdatum "
        "die Quellen nicht angeben (vielleicht noch nicht genehmigt):"
    ),
}
_LEFT_OUT = {
    "fr": (
        "Modifications non appliquées : les sources ne disent pas quand elles entrent en "
        "vigueur. Pour les appliquer, indiquez une date présumée (--assume AVENANT=AAAA-MM-JJ) :"
    ),
    "nl": (
        "Niet toegepaste wijzigingen: de bronnen zeggen niet wanneer ze in werking treden. "
        "Geef een vermoedelijke datum op om ze toe te passen (--assume WIJZIGING=JJJJ-MM-DD):"
    ),
    "de": (
        "Nicht angewandte Änderungen: Die Quellen sagen nicht, wann sie in Kraft treten. "
        "Geben Sie ein vermutetes Datum an, um sie anzuwenden (--assume ÄNDERUNG=JJJJ-MM-TT):"
    ),
}
_USER_DATES = {
    "fr": "Dates présumées choisies par l'utilisateur, non données par les sources :",
    "nl": "Vermoedelijke data gekozen door de gebruiker, niet door de bronnen gegeven:",
    "de": "Vom Benutzer gewählte vermutete Daten, nicht von den Quellen angegeben:",
}


def announced(
    result: Consolidation,
) -> tuple[list[ScheduledOperation], list[ScheduledOperation]]:
    """The changes not yet in force at the consolidation's date that a reader
    could know of then: those of amendments approved by that date, and those of
    amendments whose approval date the sources do not give (said as such). An
    amendment approved later was not known yet: it is not announced."""
    approved: list[ScheduledOperation] = []
    unknown: list[ScheduledOperation] = []
    for item in result.pending:
        when: dt.date | None = item.amendment.dates.approved
        if when is None:
            unknown.append(item)
        elif result.at is None or when <= result.at:
            approved.append(item)
    return approved, unknown


def _line(item: ScheduledOperation, result: Consolidation, lang: str) -> str:
    action = ACTIONS[lang][item.op.action]
    cited = operation_citation(item, result.convention, lang)
    return f"{cited} : {action}, {date_with_standing(item.date, item.in_force, lang)}"


def write_date_notes(out: BlockWriter, result: Consolidation, lang: str) -> None:
    """The notes on dates, in the document's language, under its subtitle."""
    approved, unknown = announced(result)
    for heading, items in ((_PENDING, approved), (_APPROVAL_UNKNOWN, unknown)):
        if items:
            out.add("note", heading[lang])
        for item in items:
            out.add("note", _line(item, result, lang), level=1)
    if result.left_out:
        out.add("note", _LEFT_OUT[lang])
    for item in result.left_out:
        action = ACTIONS[lang][item.op.action]
        cited = operation_citation(item, result.convention, lang)
        out.add("note", f"{cited} : {action} — {item.in_force.reason}", level=1)
    chosen = [i for i in (*result.applied, *result.pending) if i.in_force.decided_by == USER]
    if chosen:
        out.add("note", _USER_DATES[lang])
    for item in chosen:
        out.add("note", _line(item, result, lang), level=1)


_OUTSIDE_LIFE = {
    "fr": "Attention : {id} n'est pas en vigueur le {date} ({span}).",
    "nl": "Let op: {id} is op {date} niet van kracht ({span}).",
    "de": "Achtung: {id} ist am {date} nicht in Kraft ({span}).",
}
_SIDE_LEFT_OUT = {
    "fr": "Attention : {id} le {date} laisse de côté {count} modification(s) dont les sources "
    "ne donnent pas la date d'entrée en vigueur ({labels}).",
    "nl": "Let op: {id} op {date} laat {count} wijziging(en) weg waarvan de bronnen de datum "
    "van inwerkingtreding niet geven ({labels}).",
    "de": "Achtung: {id} am {date} lässt {count} Änderung(en) weg, deren Datum des "
    "Inkrafttretens die Quellen nicht angeben ({labels}).",
}


def side_warnings(result: Consolidation, lang: str) -> list[str]:
    """What a reader of a comparison must know about one side, a convention at a
    date: that the convention is not in force then (like `show` says), and the
    changes left out because nobody knows their date."""
    convention, at = result.convention, result.at
    warnings: list[str] = []
    if at is None:
        return warnings
    if not result.in_force:
        dates = convention.dates
        span = " – ".join(format_date(d, lang) if d else "?" for d in (dates.start, dates.end))
        date = format_date(at, lang)
        warnings.append(_OUTSIDE_LIFE[lang].format(id=convention.id, date=date, span=span))
    if result.left_out:
        labels = ", ".join(
            operation_citation(item, convention, lang, definite=True) for item in result.left_out
        )
        warnings.append(
            _SIDE_LEFT_OUT[lang].format(
                id=convention.id,
                date=format_date(at, lang),
                count=len(result.left_out),
                labels=labels,
            )
        )
    return warnings
