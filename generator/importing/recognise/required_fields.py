"""The fields the corpus requires that a printed text does not give: the
document's id and the convention it amends (from where the draft is written,
else from the file name), the kind of convention, the dates, the signatories.
What is guessed is marked for review."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from generator.importing.read.extract import Extract
from generator.importing.recognise.instructions import read_in_force
from generator.importing.recognise.journal import Journal

_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")
_KIND_HINTS = (
    ("inami-network", re.compile(r"comité de l['’]assurance", re.I)),
    ("network-provider", re.compile(r"psychologue|orthopédagogue|prestataire|organisation", re.I)),
)


def slug(text: str) -> str:
    import unicodedata

    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-") or "imported"


def ids_for(output: Path | None, source: Path) -> tuple[str | None, str | None]:
    """(id, amends) implied by where the draft is written: a file
    `conventions/<convention>/<name>.yaml` is the amendment `<convention>/<name>`
    of `<convention>`; `conventions/<convention>/convention.yaml` is the
    convention itself."""
    if output is None:
        return None, None
    folder, stem = output.parent.name, output.stem
    if not _ID.match(folder) or not _ID.match(stem) or folder in ("", ".", "conventions"):
        return None, None
    if stem == "convention":
        return folder, None
    return f"{folder}/{stem}", folder


def complete(
    found: dict,
    extract: Extract,
    journal: Journal,
    doc_id: str | None,
    amends: str | None,
    output: Path | None,
    today: dt.date | None,
) -> dict:
    """The fields the corpus requires that a text does not print: id, the
    convention amended, kind, signatories, dates; guessed, and marked."""
    kind = found.get("type", "convention")
    data: dict = {"type": kind}
    _identify(data, found, extract.source, journal, doc_id, amends, output)
    conv_kind = _convention_kind(data, found, journal)
    when = (today or dt.date.today()).isoformat()
    data["sources"] = [
        {
            "document": extract.source.name,
            "part": f"the whole document, imported by conventio import on {when}",
        }
    ]
    _dates(data, found, journal)
    data["signatories"] = _signatories(found, conv_kind, journal, data)
    for key in ("recitals", "preamble", "articles", "closing", "annexes"):
        if found.get(key):
            data[key] = found[key]
    if kind == "amendment" and not data.get("articles"):
        data["articles"] = []
        journal.doubt("document", "no article (« Article 1 », « Art. 1 ») was found", on=data)
    return data


def _identify(
    data: dict,
    found: dict,
    source: Path,
    journal: Journal,
    doc_id: str | None,
    amends: str | None,
    output: Path | None,
) -> None:
    """The document's id, the convention it amends, its ordinal and title."""
    implied_id, implied_amends = ids_for(output, source)
    kind = data["type"]
    data["id"] = doc_id or implied_id or _fallback_id(source, kind, journal, data)
    if kind == "amendment":
        data["amends"] = amends or implied_amends or data["id"].partition("/")[0]
        if not (amends or implied_amends or "/" in data["id"]):
            journal.doubt(
                "document",
                "which convention does this amend? Set 'amends' "
                "(or write the draft into that convention's folder)",
                on=data,
            )
    if "ordinal" in found:
        data["ordinal"] = found["ordinal"]
    data["title"] = found.get("title", {"fr": ""})
    if not data["title"]["fr"]:
        journal.doubt("document", "no title was found; type it in", on=data)


def _convention_kind(data: dict, found: dict, journal: Journal) -> str | None:
    """The kind of convention the title and preamble speak of (set on a
    convention, guessed if they do not say)."""
    whole_text = " ".join(
        [data["title"]["fr"]]
        + [p["fr"] for b in found.get("preamble", []) for p in b.get("paragraphs", [])]
    )
    conv_kind = next((k for k, pattern in _KIND_HINTS if pattern.search(whole_text)), None)
    if data["type"] == "convention":
        if conv_kind is None:
            conv_kind = "inami-network"
            journal.doubt(
                "document",
                "is this an INAMI–network or a network–provider convention? 'kind' is a guess",
                on=data,
            )
        data["kind"] = conv_kind
    return conv_kind


#: why an imported amendment's date is unknown (printed by `show`, in French)
NO_DATE_REASON = "le texte de l'avenant ne dit pas quand il entre en vigueur"


def _dates(data: dict, found: dict, journal: Journal) -> None:
    """A convention's start, an amendment's entry into force."""
    if data["type"] == "convention":
        dates: dict = {}
        start = _convention_start(found.get("articles", []))
        if start:
            dates["start"] = start
        data["dates"] = dates
    else:
        data["dates"] = {}
        if "in_force" in found:
            data["in_force"] = found["in_force"]
        else:
            # never a silent default: `show` leaves out what has no date
            data["in_force"] = {"standing": "unknown", "reason": NO_DATE_REASON}
            journal.doubt(
                "document",
                "the amendment states no date of entry into force for all its articles: "
                "'in_force' is recorded as unknown, and `show` leaves out the articles "
                "without a date of their own; if a date is known from elsewhere, write "
                "it as 'standing: assumed' with its 'date', 'basis', 'reason' and "
                "'decided_by' (docs/corpus-format.md)",
                on=data,
            )


def _fallback_id(source: Path, kind: str, journal: Journal, data: dict) -> str:
    name = slug(source.stem)
    journal.doubt(
        "document",
        f"the id {name!r} is taken from the file name: give the "
        "document its corpus id (its folder and file name in conventions/)",
        on=data,
    )
    return f"imported/{name}" if kind == "amendment" else name


def _convention_start(articles: list[dict]) -> str | None:
    def texts(node):
        if "text" in node:
            yield node["text"]["fr"]
        for child in node.get("children", []):
            yield from texts(child)

    for article in articles:
        for text in texts(article):
            force = read_in_force(text)
            if force and force[0]:
                return force[0].isoformat()
    return None


def _signatories(found: dict, conv_kind: str | None, journal: Journal, data: dict) -> list[str]:
    roles: list[str] = []
    closing = found.get("closing") or {}
    for block in closing.get("signatures", []):
        if block["role"] not in roles:
            roles.append(block["role"])
    if not roles:
        for block in found.get("preamble", []):
            if block.get("party") and block["party"] not in roles:
                roles.append(block["party"])
    if not roles:
        from generator.model.signing import USUAL_SIGNATORIES

        roles = list(USUAL_SIGNATORIES[conv_kind or "inami-network"])
        journal.doubt(
            "document",
            "no signature block was found: the signatories are "
            "the usual ones for this kind of convention",
            on=data,
        )
    return roles
