"""The example parties written in the three formats conventio reads.

parties.yaml, parties.xlsx (a sheet per list, after a README sheet) and csv/*.csv
(as Excel with Belgian settings writes them), each saying the data is fictional.
Formats: docs/parties-format.md.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from pathlib import Path

import yaml

from generator.parties.model import LISTS, field_names

from .parties import build_parties

NOTICE = (
    "FICTIONAL DATA (fictional: true). Every network, hospital, person, organisation, "
    "address and number here is invented for examples and tests; any likeness to a real "
    "one is chance."
)


class _FlowList(list):
    pass


class _Dumper(yaml.SafeDumper):
    pass


_Dumper.add_representer(
    _FlowList, lambda d, v: d.represent_sequence("tag:yaml.org,2002:seq", v, flow_style=True)
)


def _yaml_entry(kind_fields: list[str], party: dict) -> dict:
    entry = {}
    for name in kind_fields:
        value = party.get(name)
        if value is None or (name == "verified_by_hand" and not value):
            continue
        entry[name] = _FlowList(value) if isinstance(value, list) else value
    return entry


def to_yaml(data: dict[str, list[dict]]) -> str:
    body = {
        list_name: [_yaml_entry(field_names(model), p) for p in data[list_name]]
        for list_name, model in LISTS.items()
    }
    text = yaml.dump(
        body, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=1000, indent=2
    )
    header = (
        f"# {NOTICE}\n"
        "# Written by examples/make_examples.py; the same parties are in parties.xlsx and csv/.\n"
        "# Format: docs/parties-format.md. Check: conventio parties check examples/parties.yaml\n"
    )
    return header + text


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, list):
        return "; ".join(value)
    return str(value)


def to_csv(list_name: str, data: dict[str, list[dict]]) -> str:
    """A CSV as Excel with Belgian settings writes it: ';' and a UTF-8 BOM."""
    columns = field_names(LISTS[list_name])
    out = io.StringIO(newline="")
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(columns)
    for party in data[list_name]:
        writer.writerow([_cell(party.get(name)) for name in columns])
    return "\ufeff" + out.getvalue()


def write_xlsx(path: Path, data: dict[str, list[dict]]) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    workbook = Workbook()
    readme = workbook.active
    readme.title = "README"
    readme["A1"] = NOTICE
    readme["A1"].font = Font(bold=True)
    readme["A2"] = (
        "Sheets: networks, hospitals, psychologists, organisations (docs/parties-format.md)."
    )
    for list_name, model in LISTS.items():
        sheet = workbook.create_sheet(list_name)
        columns = field_names(model)
        sheet.append(columns)
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for party in data[list_name]:
            row = []
            for name in columns:
                value = party.get(name)
                if name == "verified_by_hand":
                    row.append(bool(value))
                else:
                    row.append(_cell(value) or None)
            sheet.append(row)
        for cell in sheet[1]:
            sheet.column_dimensions[cell.column_letter].width = 22
    stamp = dt.datetime(2023, 9, 25)
    workbook.properties.title = "Fictional example parties"
    workbook.properties.description = NOTICE
    workbook.properties.creator = "conventio examples/make_examples.py"
    workbook.properties.created = stamp
    workbook.properties.modified = stamp
    workbook.save(path)


def write_all(out: Path) -> list[Path]:
    data = build_parties()
    out.mkdir(parents=True, exist_ok=True)
    written = []
    yaml_path = out / "parties.yaml"
    yaml_path.write_text(to_yaml(data), encoding="utf-8", newline="\n")
    written.append(yaml_path)
    xlsx_path = out / "parties.xlsx"
    write_xlsx(xlsx_path, data)
    written.append(xlsx_path)
    csv_dir = out / "csv"
    csv_dir.mkdir(exist_ok=True)
    for list_name in LISTS:
        path = csv_dir / f"{list_name}.csv"
        path.write_bytes(to_csv(list_name, data).encode("utf-8"))
        written.append(path)
    readme = csv_dir / "README.md"
    readme.write_text(
        f"{NOTICE}\n\nThe example parties as CSV files, as Excel with Belgian settings writes "
        "them (';' between cells, UTF-8 with a BOM). Written by ../make_examples.py; "
        "check them with `conventio parties check examples/csv`.\n",
        encoding="utf-8",
        newline="\n",
    )
    written.append(readme)
    return written
