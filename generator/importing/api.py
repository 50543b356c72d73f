"""`import_document`: a published PDF or DOCX in, a corpus draft out."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

from generator.importing import accounting, draft, privacy
from generator.importing.extract import Extract, Omitted
from generator.importing.instructions import read_in_force
from generator.importing.journal import Doubt, Journal
from generator.importing.structure import recognise

_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")
_KIND_HINTS = (
    ("inami-network", re.compile(r"comité de l['’]assurance", re.I)),
    ("network-provider", re.compile(r"psychologue|orthopédagogue|prestataire|organisation", re.I)),
)


@dataclass
class ImportResult:
    source: Path
    #: the draft, shaped as the corpus (what `yaml` loads to)
    data: dict
    #: the draft's text, with the doubts as comments
    yaml: str
    doubts: list[Doubt] = field(default_factory=list)
    omitted: list[Omitted] = field(default_factory=list)
    #: words of the input found nowhere in the draft nor in `omitted` (should be none)
    unplaced: list[str] = field(default_factory=list)
    pages: int | None = None

    @property
    def kind(self) -> str:
        return self.data.get("type", "convention")


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


def import_extract(
    extract: Extract,
    *,
    doc_id: str | None = None,
    amends: str | None = None,
    output: Path | None = None,
    today: dt.date | None = None,
) -> ImportResult:
    journal = Journal()
    omitted = list(extract.omitted)
    blocks = _without_national_numbers(extract.blocks, omitted, journal)
    recognised = recognise(blocks, omitted, journal)
    data = _complete(recognised, extract, journal, doc_id, amends, output, today)
    journal.move_comments(recognised, data)
    header = [
        f"Draft imported by `conventio import` from {privacy.mask(extract.source.name)}"
        + (f" ({extract.pages} pages)" if extract.pages else "")
        + ".",
        "Review it against the original: every line marked CHECK or NOT PLACED needs a",
        "person's decision. Then move it into the corpus and run `conventio check`.",
    ]
    if omitted:
        header.append(f"Left out as page layout: {len(omitted)} lines (listed in the report).")
    text = draft.dump(data, journal.comments, header)
    # as read, a national register number already stands as its slot
    read = [b.text for b in blocks] + [o.text for o in extract.omitted]
    placed = draft.values_and_comments(data, journal.comments) + journal.consumed
    placed += [o.text for o in omitted]
    return ImportResult(
        source=extract.source,
        data=data,
        yaml=text,
        doubts=journal.doubts,
        omitted=omitted,
        unplaced=accounting.unplaced(read, placed),
        pages=extract.pages,
    )


def import_document(
    path: Path,
    *,
    doc_id: str | None = None,
    amends: str | None = None,
    output: Path | None = None,
    today: dt.date | None = None,
) -> ImportResult:
    """Read `path` (PDF or DOCX) and recognise it as a convention or an amendment."""
    from generator.importing.reading import read_document

    extract = read_document(Path(path))
    return import_extract(extract, doc_id=doc_id, amends=amends, output=output, today=today)


def _complete(
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
    implied_id, implied_amends = ids_for(output, extract.source)
    kind = found.get("type", "convention")
    data: dict = {"type": kind}
    data["id"] = doc_id or implied_id or _fallback_id(extract.source, kind, journal, data)
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
    whole_text = " ".join(
        [data["title"]["fr"]]
        + [p["fr"] for b in found.get("preamble", []) for p in b.get("paragraphs", [])]
    )
    conv_kind = next((k for k, pattern in _KIND_HINTS if pattern.search(whole_text)), None)
    if kind == "convention":
        if conv_kind is None:
            conv_kind = "inami-network"
            journal.doubt(
                "document",
                "is this an INAMI–network or a network–provider convention? 'kind' is a guess",
                on=data,
            )
        data["kind"] = conv_kind
    when = (today or dt.date.today()).isoformat()
    data["sources"] = [
        {
            "document": extract.source.name,
            "part": f"the whole document, imported by conventio import on {when}",
        }
    ]
    if kind == "convention":
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
            data["in_force"] = None
            journal.doubt(
                "document",
                "the amendment states no date of entry into force "
                "for all its articles: give 'in_force' (and say why in "
                "'in_force_note')",
                on=data,
            )
    data["signatories"] = _signatories(found, conv_kind, journal, data)
    for key in ("recitals", "preamble", "articles", "closing", "annexes"):
        if found.get(key):
            data[key] = found[key]
    if kind == "amendment" and not data.get("articles"):
        data["articles"] = []
        journal.doubt("document", "no article (« Article 1 », « Art. 1 ») was found", on=data)
    return data


def _without_national_numbers(blocks: list, omitted: list[Omitted], journal: Journal) -> list:
    """Personalised copies carry a national register number where the model
    has the slot {provider.nrn|}: put the slot back, never keep the number."""
    from dataclasses import replace

    result = []
    for block in blocks:
        found = privacy.national_numbers(block.text)
        if found:
            block = replace(
                block,
                text=privacy.mask(block.text, privacy.SLOT),
                cells=tuple(privacy.mask(c, privacy.SLOT) for c in block.cells)
                if block.cells
                else None,
            )
            for _ in found:
                omitted.append(
                    Omitted(
                        privacy.MASK,
                        block.where,
                        f"personal data, replaced by the slot {privacy.SLOT}",
                    )
                )
            journal.doubt(
                block.where,
                "a national register number was replaced by the slot "
                f"{privacy.SLOT}: a corpus text is a model, not a signed copy",
            )
        result.append(block)
    return result


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
