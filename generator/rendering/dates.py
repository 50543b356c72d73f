"""How a date's standing (generator/model/dates.py) reads in every output.

One home for the words: a change note of `show` (« en vigueur le 25 septembre
2023 (date présumée : approbation par le Comité) »), the diff's attribution,
`history` and `list` (`standing_label`), and the JSON (`standing_json`). A date
the text states reads as a plain date; an assumed one always says so."""

from __future__ import annotations

import datetime as dt
from typing import Any

from generator.model.dates import InForce
from generator.rendering.language import format_date

_IN_FORCE = {
    "fr": "en vigueur le {date}",
    "nl": "van kracht op {date}",
    "de": "in Kraft am {date}",
}
_ASSUMED = {
    "fr": "date présumée : {basis}",
    "nl": "vermoedelijke datum: {basis}",
    "de": "vermutetes Datum: {basis}",
}
_UNKNOWN = {
    "fr": "date d'entrée en vigueur inconnue",
    "nl": "datum van inwerkingtreding onbekend",
    "de": "Datum des Inkrafttretens unbekannt",
}


def _basis(standing: InForce, lang: str) -> str:
    """The basis of an assumed date (French, as the corpus writes it)."""
    assert standing.basis is not None
    return standing.basis


def standing_remark(standing: InForce | None, lang: str = "fr") -> str:
    """What follows a date in parentheses: « date présumée : approbation par le
    Comité » for an assumed date; nothing for a date the text states."""
    if standing is None or standing.standing == "stated":
        return ""
    if standing.standing == "assumed":
        return _ASSUMED[lang].format(basis=_basis(standing, lang))
    return _UNKNOWN[lang]


def date_with_standing(date: dt.date | None, standing: InForce | None, lang: str = "fr") -> str:
    """« 25 septembre 2023 (date présumée : approbation par le Comité) »,
    « 1 septembre 2023 » (stated), « date d'entrée en vigueur inconnue »."""
    if date is None:
        return _UNKNOWN[lang]
    text = format_date(date, lang)
    remark = standing_remark(standing, lang)
    return f"{text} ({remark})" if remark else text


def in_force_phrase(date: dt.date | None, standing: InForce | None, lang: str = "fr") -> str:
    """« en vigueur le 25 septembre 2023 (date présumée : approbation par le Comité) »."""
    if date is None:
        return _UNKNOWN[lang]
    return _IN_FORCE[lang].format(date=date_with_standing(date, standing, lang))


def standing_label(standing: InForce, where: str = "") -> str:
    """For `history` and `list` (English, like their other words): « date stated
    by article 4: « L’article 1 entre en vigueur au 01/09/23. » », « date assumed:
    approbation par le Comité; decided by … », « date unknown: … »."""
    if standing.standing == "stated":
        place = standing.stated_in or where or "the text"
        return f"date stated by {place}: « {standing.words} »"
    if standing.standing == "assumed":
        return f"date assumed: {_basis(standing, 'fr')}; decided by {standing.decided_by}"
    return f"date unknown: {standing.reason}"


def standing_json(standing: InForce | None, lang: str = "fr") -> dict[str, Any] | None:
    """The standing as JSON: `standing`, `date`, then what the standing carries
    (stated: `words`, `stated_in`; assumed: `basis` in `lang`, `reason`,
    `decided_by`; unknown: `reason`)."""
    if standing is None:
        return None
    data: dict[str, Any] = {
        "standing": standing.standing,
        "date": standing.date.isoformat() if standing.date else None,
    }
    if standing.standing == "stated":
        data["words"] = standing.words
        data["stated_in"] = standing.stated_in
    if standing.standing == "assumed":
        data["basis"] = _basis(standing, lang)
        data["decided_by"] = standing.decided_by
    if standing.reason is not None:
        data["reason"] = standing.reason
    return data


def dates_standing(dates: Any) -> dict[str, str]:
    """`{"approved": "assumed", "start": "stated", "end": "unknown"}`: each date
    of a document's `dates` its notes give a standing (generator/model/documents.py
    `DateNote`)."""
    return {note.field: note.standing for note in dates.notes}
