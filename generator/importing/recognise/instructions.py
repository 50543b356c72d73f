"""An amendment's instructions, read as operations on the convention:

- "Dans la convention, un article 14/1 est ajouté comme suit :"
- "A l'article 17 ..., il est ajouté un §1/1 rédigé comme suit :"
- "L'article 5 de la convention est remplacé par ce qui suit :"
- "À l'article 13, § 2, de la convention, le 8° est remplacé par ..."
- "L'article 9 de la convention est abrogé."
- "La liste des pseudocodes figurant à l'annexe 1 ... est remplacée par l'annexe 1 ci-jointe."
- "L'article 1 entre en vigueur au 01/09/23." / "Le présent avenant produit ses
  effets le ..., à l'exception de l'article 2 qui entre en vigueur le ..."

What cannot be read with confidence is proposed anyway and marked for review."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from generator.importing.recognise.dates import find_dates
from generator.model.addresses import SEPARATOR, num_token

_INSERT = re.compile(
    r"\b(?:est|sont)\s+(?:ajouté|inséré|ajoutée|insérée)s?\b|\bil est (?:ajouté|inséré)", re.I
)
_REPLACE = re.compile(r"\b(?:est|sont)\s+remplacée?s?\b", re.I)
_REPEAL = re.compile(r"\b(?:est|sont)\s+abrogée?s?\b|\best supprimée?\b", re.I)
_IN_FORCE = re.compile(
    r"entre(?:nt)?\s+en\s+vigueur|produi(?:t|sent)\s+(?:ses|leurs)\s+effets|sort(?:ent)?\s+"
    r"(?:ses|leurs)\s+effets|(?:est|sont)\s+d['’]application",
    re.I,
)
_ANNEX_REF = re.compile(r"\bannexe\s+(\d+|[IVX]+)\b", re.I)
_ARTICLE_REF = re.compile(r"\barticles?\s+(\d+(?:/\d+)?)(?:\s?er)?\b", re.I)
_PARA_REF = re.compile(r"§\s?(\d+(?:/\d+)?)(?:\s?er)?")
_POINT_REF = re.compile(r"(?<![\w/])(\d{1,3}°|\d{1,3}\)|[a-z]\))")
_ALINEA_REF = re.compile(
    r"\b(?:l['’]\s?)?alinéa\s+(\d+)|\b(premier|deuxième|second|troisième|quatrième|cinquième)"
    r"\s+alinéa|\balinéa\s+(premier|1er)",
    re.I,
)
_ORDINALS = {
    "premier": 1,
    "1er": 1,
    "deuxième": 2,
    "second": 2,
    "troisième": 3,
    "quatrième": 4,
    "cinquième": 5,
}
_NEW_THING = re.compile(
    r"\b(?:un|une|le|la|les)\s+(?:nouvel(?:le)?\s+)?(?P<what>article\s+\d+(?:/\d+)?|"
    r"§\s?\d+(?:/\d+)?|\d{1,3}°|\d{1,3}\)|[a-z]\)|alinéa)",
    re.I,
)
_AFTER = re.compile(
    r"\b(après|avant)\s+(l['’]article\s+\d+(?:/\d+)?|le\s+§\s?\d+(?:/\d+)?|le\s+\d+°)", re.I
)
_ARTICLE_LIST = re.compile(
    r"\barticles?\s+((?:\d+(?:/\d+)?(?:\s?er)?(?:\s*,\s*|\s+et\s+|\s+à\s+)?)+)", re.I
)
_EXCEPT = re.compile(r"à l['’]exception|sauf|excepté", re.I)


@dataclass
class Reading:
    """What one instruction says, and what the importer is unsure of."""

    operation: dict | None = None
    #: the kind and number the quoted text should have ("article", "14/1")
    expects: tuple[str, str | None] | None = None
    doubts: list[str] = field(default_factory=list)


def _address(article: str | None, para: str | None, point: str | None, alinea: int | None) -> str:
    steps = []
    if article:
        steps.append(f"art_{num_token(article)}")
    if para:
        steps.append(f"para_{num_token(para)}")
    if alinea:
        steps.append(f"al_{alinea}")
    if point:
        steps.append(f"point_{num_token(point)}")
    return SEPARATOR.join(steps)


def _citations(text: str) -> tuple[str | None, str | None, str | None, int | None]:
    article = _ARTICLE_REF.search(text)
    para = _PARA_REF.search(text)
    point = _POINT_REF.search(_ARTICLE_REF.sub(" ", _PARA_REF.sub(" ", text)))
    alinea_m = _ALINEA_REF.search(text)
    alinea = None
    if alinea_m:
        word = alinea_m[1] or alinea_m[2] or alinea_m[3]
        alinea = int(word) if word.isdigit() else _ORDINALS.get(word.lower())
    return (
        article[1] if article else None,
        para[1] if para else None,
        point[1] if point else None,
        alinea,
    )


def _previous(num: str) -> str | None:
    """The number after which a new one goes: 14/1 after 14, 14/2 after 14/1,
    9° after 8°, c) after b)."""
    if "/" in num:
        base, sub = num.split("/", 1)
        return base if sub == "1" else f"{base}/{int(sub) - 1}"
    m = re.fullmatch(r"(\d+)(°|\))?", num)
    if m and int(m[1]) > 1:
        return f"{int(m[1]) - 1}{m[2] or ''}"
    m = re.fullmatch(r"([b-z])\)", num)
    if m:
        return f"{chr(ord(m[1]) - 1)})"
    return None


def read_instruction(text: str, annex_nums: list[str]) -> Reading:
    """The operation an amendment sentence asks for."""
    reading = Reading()
    if _REPEAL.search(text):
        action = "repeal"
    elif _REPLACE.search(text):
        action = "replace"
    elif _INSERT.search(text):
        action = "insert"
    else:
        return reading
    verb = (_REPEAL.search(text) or _REPLACE.search(text) or _INSERT.search(text)).start()
    before_verb = text[:verb]
    annex = _ANNEX_REF.search(before_verb)
    if annex and action in ("replace", "repeal") and not _ARTICLE_REF.search(before_verb):
        _read_annex_change(reading, text, verb, action, annex[1], annex_nums)
    elif action == "insert":
        _read_insertion(reading, text)
    else:
        _read_change(reading, text, before_verb, action)
    return reading


def _read_annex_change(
    reading: Reading, text: str, verb: int, action: str, annex: str, annex_nums: list[str]
) -> None:
    """An annex replaced (by one of this amendment's annexes) or repealed."""
    op: dict = {"action": action, "target": f"annex_{annex}"}
    if action == "replace":
        new = _ANNEX_REF.search(text, verb)
        num = new[1] if new else annex
        if num not in annex_nums:
            reading.doubts.append(
                f"the new annex {num} is not among the annexes found in this amendment"
            )
        op["annex"] = num
    reading.operation = op


def _read_insertion(reading: Reading, text: str) -> None:
    """A new provision: what it is, and where it goes (after or before a
    provision named, else after the one numbered before it, else at the end
    of its parent)."""
    new = _NEW_THING.search(text)
    where_text = text
    what = new["what"] if new else None
    if new:
        where_text = text[: new.start()] + " " + text[new.end() :]
    article, para, _, _ = _citations(where_text)
    kind, num = _kind_num(what)
    reading.expects = (kind, num) if kind else None
    parent = _address(article, para, None, None)
    if kind == "article":
        parent = ""
    elif kind == "paragraph":
        parent = _address(article, None, None, None)
    explicit = _AFTER.search(text)
    op = {"action": "insert"}
    if explicit:
        ref_article, ref_para, ref_point, _ = _citations(explicit[2])
        anchor = _address(ref_article or article, ref_para, ref_point, None)
        if kind != "article" and ref_article is None and parent:
            anchor = SEPARATOR.join([parent, anchor]) if anchor else parent
        op["after" if explicit[1].lower() == "après" else "before"] = anchor
    elif num and (prev := _previous(num)):
        step = {"article": "art", "paragraph": "para", "point": "point"}.get(kind or "", "")
        anchor = f"{step}_{num_token(prev)}"
        op["after"] = SEPARATOR.join([parent, anchor]) if parent else anchor
    elif parent:
        op["into"] = parent
        reading.doubts.append(
            "the place of the new text is not stated: it is put at the end of "
            f"{parent}; give 'after' or 'before' if it goes elsewhere"
        )
    else:
        reading.doubts.append("could not tell where the new text goes")
        op["into"] = "art_1"
    if what is None:
        reading.doubts.append("could not tell what is inserted (article, §, point, alinéa)")
    reading.operation = op


def _read_change(reading: Reading, text: str, before_verb: str, action: str) -> None:
    """A provision replaced or repealed: the one cited before the verb, else anywhere."""
    article, para, point, alinea = _citations(before_verb)
    if article is None:
        article, para, point, alinea = _citations(text)
    target = _address(article, para, point, alinea)
    if not target:
        reading.doubts.append("could not tell which provision this acts on")
        target = "art_1"
    reading.operation = {"action": action, "target": target}
    kind = "point" if point else "alinea" if alinea else "paragraph" if para else "article"
    num = point or (None if alinea else para or article)
    reading.expects = (kind, num)


def _kind_num(what: str | None) -> tuple[str | None, str | None]:
    if what is None:
        return None, None
    w = what.strip()
    if w.lower().startswith("article"):
        return "article", w.split()[-1]
    if w.startswith("§"):
        return "paragraph", w[1:].strip()
    if w.lower().startswith("alinéa"):
        return "alinea", None
    return "point", w


def read_in_force(text: str) -> tuple[dt.date | None, list[dict]] | None:
    """(date for the whole amendment, [{articles, date}]) when `text` says
    when things enter into force; None when it does not."""
    if not _IN_FORCE.search(text):
        return None
    whole: dt.date | None = None
    clauses: list[dict] = []
    parts = _EXCEPT.split(text, maxsplit=1)
    for index, part in enumerate(parts):
        dates = find_dates(part)
        if not dates:
            continue
        date = dates[0][1]
        articles = _ARTICLE_LIST.search(part)
        names_whole = re.search(r"présent(e)?\s+(avenant|convention)", part, re.I)
        if articles and not (names_whole and index == 0 and names_whole.start() < articles.start()):
            nums = re.findall(r"\d+(?:/\d+)?", articles[1])
            clauses.append({"articles": nums, "date": date.isoformat()})
        else:
            whole = date
    if whole is None and not clauses:
        return None
    return whole, clauses
