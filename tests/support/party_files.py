"""A small valid party file (networks, hospitals, a psychologist, an
organisation), written as YAML, as a CSV folder, as one CSV with a type column or
as an XLSX workbook; `changed` gives a copy with some fields of one party changed."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import yaml

from generator.parties.model import LISTS, field_names

NRN = "85.07.30-033.28"  # valid (stdnum's example); compact 85073003328
PARTIES: dict[str, list[dict]] = {
    "networks": [
        {
            "id": "net-01",
            "kind": "adults",
            "name": "Réseau Adultes Fictif Test",
            "language": "fr",
            "hospital": "hosp-01",
            "collecting_hospital": "hosp-01",
        },
        {
            "id": "net-02",
            "kind": "children",
            "name": "Netwerk Kinderen Fictief",
            "inami": "740-00112",
            "language": "nl",
            "hospital": "hosp-02",
            "collecting_hospital": "hosp-01",
        },
        {
            "id": "net-03",
            "kind": "german-speaking",
            "name": "Fiktives Netzwerk",
            "language": "de",
            "hospital": "hosp-02",
            "collecting_hospital": "hosp-02",
            "convention_title": "Titel der fiktiven Konvention",
        },
    ],
    "hospitals": [
        {
            "id": "hosp-01",
            "name": "Clinique fictive de l'Hôpital",
            "inami": "710-00436",
            "bce": "BE0403170701",
            "director": "Anne Müller",
        },
        {
            "id": "hosp-02",
            "name": "Fictief Ziekenhuis Sint-Jan",
            "inami": "71011225",
            "bce": "201234517",
            "director": "Jan Van den Broeck",
        },
    ],
    "psychologists": [
        {
            "id": "psy-0001",
            "name": "Siobhán Ó Súilleabháin",
            "address": "Rue de l'Exemple 1, 1000 Bruxelles",
            "inami": "9-12345-37-780",
            "email": "siobhan@example.org",
            "phone": "0471 23 45 67",
            "nrn": NRN,
            "bce": "0876.543.270",
            "networks": ["net-01", "net-02"],
            "language": "fr",
        }
    ],
    "organisations": [
        {
            "id": "org-001",
            "name": "Centre fictif « L'Écoute »",
            "address": "Voorbeeldstraat 2, 9000 Gent",
            "bce": "0234567873",
            "email": "info@example.be",
            "phone": "+32 9 234 56 78",
            "representative": "Koen D'Haese",
            "networks": ["net-02"],
            "language": "nl",
        }
    ],
}


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return "; ".join(value)
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    return str(value)


def _rows(list_name: str, data: dict) -> tuple[list[str], list[list[str]]]:
    columns = [c for c in field_names(LISTS[list_name]) if c != "verified_by_hand"]
    if data[list_name]:  # leave out the columns no party has
        columns = [c for c in columns if any(c in p for p in data[list_name])]
    extra = [c for p in data[list_name] for c in p if c not in columns]
    columns += list(dict.fromkeys(extra))
    return columns, [[_cell(p.get(c)) for c in columns] for p in data[list_name]]


def write_yaml(path: Path, data: dict = PARTIES) -> Path:
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return path


def write_csv_folder(folder: Path, data: dict = PARTIES, delimiter: str = ";", bom=True) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for list_name in LISTS:
        out = io.StringIO()
        writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n")
        columns, rows = _rows(list_name, data)
        writer.writerow(columns)
        writer.writerows(rows)
        text = ("\ufeff" if bom else "") + out.getvalue()
        (folder / f"{list_name}.csv").write_bytes(text.encode("utf-8"))
    return folder


def write_single_csv(path: Path, data: dict = PARTIES) -> Path:
    columns = ["type"]
    for list_name in LISTS:
        columns += [c for c in _rows(list_name, data)[0] if c not in columns]
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\n")
    writer.writerow(columns)
    for list_name, model in LISTS.items():
        for party in data[list_name]:
            writer.writerow([model.party_type] + [_cell(party.get(c)) for c in columns[1:]])
    path.write_bytes(("\ufeff" + out.getvalue()).encode("utf-8"))
    return path


def write_xlsx(path: Path, data: dict = PARTIES, skip: str | None = None) -> Path:
    from openpyxl import Workbook

    workbook = Workbook()
    workbook.remove(workbook.active)
    for list_name in LISTS:
        if list_name == skip:
            continue
        sheet = workbook.create_sheet(list_name)
        columns, rows = _rows(list_name, data)
        sheet.append(columns)
        for row in rows:
            sheet.append([value or None for value in row])
    workbook.save(path)
    return path


def changed(list_name: str, index: int, **fields) -> dict:
    """PARTIES with some fields of one party changed (None removes a field)."""
    data = {name: [dict(p) for p in parties] for name, parties in PARTIES.items()}
    for key, value in fields.items():
        if value is None:
            data[list_name][index].pop(key, None)
        else:
            data[list_name][index][key] = value
    return data


def line_of(text: str, needle: str) -> int:
    """The number of the first line of `text` (a party file) that holds `needle`."""
    return next(n for n, line in enumerate(text.splitlines(), 1) if needle in line)
