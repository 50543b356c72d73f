"""Write the FICTIONAL example parties: examples/parties.yaml,
examples/parties.xlsx and examples/csv/*.csv (the same data three times).

    python examples/make_examples.py [OUT_DIR]      (default: this folder)

Deterministic (seeded random): running it again writes the same parties.
Every person, organisation, hospital, network, address and number is
invented; the numbers are made valid by the checks of generator/parties/numbers.py
(BCE and national register numbers by their mod-97 rules, INAMI by the
97-rule, Belgian phone numbers, emails at example.org / example.be), so that
they pass `conventio parties check` without belonging to anyone.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import random
import sys
from pathlib import Path

import yaml

from generator.parties.model import LISTS, field_names

if __package__ in (None, ""):  # run as a script: find examplegen/ next to this file
    sys.path.insert(0, str(Path(__file__).resolve().parent))

from examplegen.maker import Maker, plain_ascii
from examplegen.vocabulary import (
    FR_REGIONS,
    HOSPITAL_NAMES,
    NL_REGIONS,
    ORG_NAMES,
    SPECIAL_NAMES,
)

SEED = 20230925
NOTICE = (
    "FICTIONAL DATA (fictional: true). Every network, hospital, person, organisation, "
    "address and number here is invented for examples and tests; any likeness to a real "
    "one is chance."
)


def build_parties(seed: int = SEED) -> dict[str, list[dict]]:
    """The example parties as plain data (display forms of every number)."""
    m = Maker(seed)
    rng = m.rng
    plan = (
        [("adults", "fr")] * 10
        + [("adults", "nl")] * 10
        + [("children", "fr")] * 5
        + [("children", "nl")] * 6
        + [("german-speaking", "de")]
    )
    rng.shuffle(plan)
    regions = {"fr": list(FR_REGIONS), "nl": list(NL_REGIONS)}
    for names in regions.values():
        rng.shuffle(names)

    hospitals: list[dict] = []
    hospital_names = {language: list(names) for language, names in HOSPITAL_NAMES.items()}
    for names in hospital_names.values():
        rng.shuffle(names)

    def new_hospital(language: str) -> dict:
        number = len(hospitals) + 1
        name = hospital_names[language].pop()
        hospital = {
            "id": f"hosp-{number:02d}",
            "name": name,
            "inami": m.inami("710"),
            "bce": m.bce(),
            "director": m.person(language),
        }
        hospitals.append(hospital)
        return hospital

    networks: list[dict] = []
    counters = {"fr": 0, "nl": 0}
    for index, (kind, language) in enumerate(plan, start=1):
        same_language = [h for h, lang in _hospital_langs(hospitals, networks) if lang == language]
        # a hospital represents one network, sometimes two (an adults and a children one)
        free = [h for h in same_language if _count(networks, "hospital", h) < 2]
        reuse = bool(free) and rng.random() < 0.2
        representing = rng.choice(free) if reuse else new_hospital(language)
        roll = rng.random()
        others = [
            h
            for h in same_language
            if h is not representing and _count(networks, "collecting_hospital", h) < 3
        ]
        if roll < 0.6:
            collecting = representing
        elif others and roll < 0.85:
            collecting = rng.choice(others)
        else:
            collecting = new_hospital(language)
        if kind == "german-speaking":
            name = "Fiktives Netzwerk für psychische Gesundheit der Deutschsprachigen Gemeinschaft"
        else:
            region = regions[language][counters[language]]
            counters[language] += 1
            name = {
                ("adults", "fr"): f"Réseau Adultes Fictif {region}",
                ("adults", "nl"): f"Netwerk Volwassenen Fictief {region}",
                ("children", "fr"): f"Réseau Enfants et Adolescents Fictif {region}",
                ("children", "nl"): f"Netwerk Kinderen en Jongeren Fictief {region}",
            }[(kind, language)]
        network = {
            "id": f"net-{index:02d}",
            "kind": kind,
            "name": name,
            "inami": m.inami("74") if kind != "adults" or rng.random() < 0.7 else None,
            "language": language,
            "hospital": representing["id"],
            "collecting_hospital": collecting["id"],
            "convention_title": (
                "Convention fictive relative au réseau de santé mentale de la Communauté "
                "germanophone (exemple)"
                if kind == "german-speaking"
                else None
            ),
        }
        network["_lang"] = language
        networks.append(network)
    _share_a_collecting_hospital(networks, rng)

    def pick_networks(first: dict | None = None) -> list[dict]:
        chosen = [first or rng.choice(networks)]
        if rng.random() < 0.2:
            second = rng.choice([n for n in networks if n is not chosen[0]])
            chosen.append(second)
        return chosen

    def language_of(chosen: list[dict]) -> str:
        lang = chosen[0]["_lang"]
        return "fr" if lang == "de" and rng.random() < 0.3 else lang

    psychologists: list[dict] = []
    for index in range(1, 271):
        chosen = pick_networks(networks[(index - 1) % len(networks)] if index <= 96 else None)
        language = language_of(chosen)
        if index <= len(SPECIAL_NAMES):
            name_language, name = SPECIAL_NAMES[index - 1]
        else:
            name_language = "de" if language == "de" else language
            name = m.person(name_language)
        psychologists.append(
            {
                "id": f"psy-{index:04d}",
                "name": name,
                "address": m.address(language),
                "inami": m.inami("9", rng.choice(["780", "781", "790"])),
                "email": m.email(name, rng.choice(["example.org", "example.be"])),
                "phone": m.phone(mobile=rng.random() < 0.75),
                "nrn": m.nrn(),
                "bce": m.bce(),
                "networks": [n["id"] for n in chosen],
                "language": language,
                "verified_by_hand": index % 45 == 0,
            }
        )

    organisations: list[dict] = []
    org_counts: dict[str, int] = {}
    for index in range(1, 31):
        chosen = pick_networks(networks[(index * 7) % len(networks)])
        language = language_of(chosen)
        base = rng.choice(ORG_NAMES[language])
        org_counts[base] = org_counts.get(base, 0) + 1
        name = base if org_counts[base] == 1 else f"{base} {org_counts[base]}"
        organisations.append(
            {
                "id": f"org-{index:03d}",
                "name": name,
                "address": m.address(language),
                "bce": m.bce(),
                "inami": m.inami("95") if rng.random() < 0.5 else None,
                "email": m.email(
                    " ".join(plain_ascii(base).split()[:3]),
                    rng.choice(["example.org", "example.be"]),
                ),
                "phone": m.phone(mobile=False),
                "representative": m.person("de" if language == "de" else language),
                "networks": [n["id"] for n in chosen],
                "language": language,
                "verified_by_hand": index == 30,
            }
        )
    for network in networks:
        del network["_lang"]
    return {
        "networks": networks,
        "hospitals": hospitals,
        "psychologists": psychologists,
        "organisations": organisations,
    }


def _hospital_langs(hospitals: list[dict], networks: list[dict]):
    """Each hospital so far with the language of the first network it serves."""
    language = {}
    for network in networks:
        for key in ("hospital", "collecting_hospital"):
            language.setdefault(network[key], network["_lang"])
    return [(h, language.get(h["id"])) for h in hospitals]


def _count(networks: list[dict], key: str, hospital: dict) -> int:
    return sum(network[key] == hospital["id"] for network in networks)


def _share_a_collecting_hospital(networks: list[dict], rng: random.Random) -> None:
    """Make sure some networks share a collecting hospital (as happens)."""
    by_collecting: dict[str, int] = {}
    for network in networks:
        by_collecting[network["collecting_hospital"]] = (
            by_collecting.get(network["collecting_hospital"], 0) + 1
        )
    if max(by_collecting.values()) >= 2:
        return
    fr = [n for n in networks if n["_lang"] == "fr"]
    fr[1]["collecting_hospital"] = fr[0]["collecting_hospital"]


# --- writing ---------------------------------------------------------------


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


def main(argv: list[str]) -> None:
    out = Path(argv[1]) if len(argv) > 1 else Path(__file__).resolve().parent
    for path in write_all(out):
        print(f"written: {path}")


if __name__ == "__main__":
    main(sys.argv)
