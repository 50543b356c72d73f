"""What each network must pay: the bonus result rows grouped by paying network, with
the amounts rounded to the cent (the only place where the bonus is paid) and exact
totals of those rounded amounts; written as one CSV and one XLSX per network and an
overview, all at once (generator/publish.py) or not at all. Providers with a bonus
that no network can pay (declared reading `practice_bonus_no_convention`: listed,
never dropped) are listed apart, with the reason, in `unpaid.csv`/`.xlsx`."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from generator.bonus.compute import paid
from generator.errors import ConventioError
from generator.publish import FolderUpdate

PAYMENT_COLUMNS = ("provider_inami", "provider_name", "bonus_eur")
OVERVIEW_COLUMNS = ("network", "network_name", "network_inami", "providers", "total_eur")
OVERVIEW = "networks"
UNPAID_COLUMNS = ("provider_inami", "provider_name", "bonus_eur", "reason")
UNPAID = "unpaid"


def field_of(row: Any, name: str) -> Any:
    """A field of a result row, whether the row is an object or a mapping."""
    if isinstance(row, Mapping):
        return row.get(name)
    return getattr(row, name, None)


@dataclass(frozen=True)
class Payment:
    provider_inami: str
    provider_name: str
    bonus_eur: Decimal  # rounded to the cent


@dataclass(frozen=True)
class Unpaid:
    provider_inami: str
    provider_name: str
    bonus_eur: Decimal  # rounded to the cent, as it would be paid
    reason: str


@dataclass(frozen=True)
class NetworkPayments:
    network: str  # as the result names it (party id or INAMI number)
    network_name: str
    network_inami: str
    payments: tuple[Payment, ...]

    @property
    def total_eur(self) -> Decimal:
        """The exact sum of the rounded amounts: what the network pays out."""
        return sum((p.bonus_eur for p in self.payments), Decimal("0.00"))

    @property
    def stem(self) -> str:
        """The file name (without suffix) of this network's lists."""
        return "".join(c if c.isalnum() or c in "-_" else "_" for c in self.network)


def _network_names(parties: Any, network: str) -> tuple[str, str]:
    if parties is None:
        return "", ""
    digits = "".join(c for c in network if c.isdigit())
    for party in parties.networks:
        if network == party.id or (party.inami and digits == str(party.inami)):
            return party.name, str(party.inami or "")
    return "", ""


def _bonus_paid(row: Any) -> Decimal | None:
    """A row's bonus rounded to the cent as paid; None when there is none to pay."""
    amount = field_of(row, "bonus_eur")
    if amount is None or paid(amount) <= 0:
        return None
    return paid(amount)


def payments_by_network(rows: Iterable[Any], parties: Any = None) -> list[NetworkPayments]:
    """The providers each network pays (bonus above zero), by network then provider
    INAMI number. Rows without a paying network are not paid by any network and are
    left out here (the bonus result lists them)."""
    grouped: dict[str, list[Payment]] = {}
    for row in rows:
        network, amount = field_of(row, "paying_network"), _bonus_paid(row)
        if not network or amount is None:
            continue
        name = field_of(row, "provider_name") or ""
        inami = str(field_of(row, "provider_inami"))
        grouped.setdefault(str(network), []).append(Payment(inami, name, amount))
    result = []
    for network in sorted(grouped):
        name, inami = _network_names(parties, network)
        payments = tuple(sorted(grouped[network], key=lambda p: p.provider_inami))
        result.append(NetworkPayments(network, name, inami, payments))
    return result


def unpaid_providers(rows: Iterable[Any]) -> list[Unpaid]:
    """The providers with a bonus above zero and no paying network, by INAMI number,
    with why no network pays them."""
    found = []
    for row in rows:
        amount = _bonus_paid(row)
        if field_of(row, "paying_network") or amount is None:
            continue
        found.append(
            Unpaid(
                str(field_of(row, "provider_inami")),
                field_of(row, "provider_name") or "",
                amount,
                field_of(row, "unpaid_reason") or "",
            )
        )
    return sorted(found, key=lambda u: u.provider_inami)


def unpaid_table(unpaid: list[Unpaid]) -> list[list[Any]]:
    """The rows of the list of providers no network pays: header, rows, the total."""
    table: list[list[Any]] = [list(UNPAID_COLUMNS)]
    table += [[u.provider_inami, u.provider_name, u.bonus_eur, u.reason] for u in unpaid]
    table.append(["total", "", sum((u.bonus_eur for u in unpaid), Decimal("0.00")), ""])
    return table


def payment_table(network: NetworkPayments) -> list[list[Any]]:
    """The rows of a network's list: header, one row per provider, the total."""
    table: list[list[Any]] = [list(PAYMENT_COLUMNS)]
    table += [[p.provider_inami, p.provider_name, p.bonus_eur] for p in network.payments]
    table.append(["total", "", network.total_eur])
    return table


def overview_table(networks: list[NetworkPayments]) -> list[list[Any]]:
    table: list[list[Any]] = [list(OVERVIEW_COLUMNS)]
    for n in networks:
        table.append([n.network, n.network_name, n.network_inami, len(n.payments), n.total_eur])
    grand = sum((n.total_eur for n in networks), Decimal("0.00"))
    table.append(["total", "", "", sum(len(n.payments) for n in networks), grand])
    return table


def csv_bytes(table: list[list[Any]]) -> bytes:
    """Comma-separated, UTF-8, amounts with a point and two decimals."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    for row in table:
        writer.writerow([f"{v:.2f}" if isinstance(v, Decimal) else v for v in row])
    return buffer.getvalue().encode("utf-8")


def write_xlsx(
    table: list[list[Any]], path: Path, title: str, widths: Sequence[int] = (18, 40, 16, 12, 14)
) -> None:
    """One sheet; amounts as numbers shown with two decimals, the total row in bold."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    sheet = book.active
    sheet.title = title[:31]
    for row in table:
        sheet.append([float(v) if isinstance(v, Decimal) else v for v in row])
    for cells in sheet.iter_rows(min_row=2):
        for cell in cells:
            if isinstance(cell.value, float):
                cell.number_format = "#,##0.00"
    for cell in sheet[1] + sheet[sheet.max_row]:
        cell.font = Font(bold=True)
    for column, width in zip("ABCDE", widths, strict=False):
        sheet.column_dimensions[column].width = width
    book.save(path)


def write_payments(
    networks: list[NetworkPayments], target: Path, unpaid: Sequence[Unpaid] = ()
) -> list[Path]:
    """Write `networks.csv/.xlsx` and `<network>.csv/.xlsx` for each network (and
    `unpaid.csv/.xlsx` when some providers have no paying network) into the folder
    `target`, replacing its files all at once; nothing changes if any fails."""
    for network in networks:
        if network.stem in (OVERVIEW, UNPAID):
            raise ConventioError(
                f"network {network.network!r}: its list would be named like the "
                f"{network.stem} list ({network.stem}.csv); give the network another id"
            )
    with FolderUpdate(Path(target), "-o") as update:
        staged = update.staging
        tables = [(OVERVIEW, overview_table(networks))]
        tables += [(n.stem, payment_table(n)) for n in networks]
        if unpaid:
            tables.append((UNPAID, unpaid_table(list(unpaid))))
        for stem, table in tables:
            (staged / f"{stem}.csv").write_bytes(csv_bytes(table))
            widths = (18, 40, 14, 90) if stem == UNPAID else (18, 40, 16, 12, 14)
            write_xlsx(table, staged / f"{stem}.xlsx", stem, widths)
        names = sorted(p.name for p in staged.iterdir())
        update.publish()
    return [Path(target) / name for name in names]


def run_payments(
    corpus: Any,
    billing: Path,
    year: int,
    target: Path,
    parties_file: Path | None = None,
    columns: Any = None,
) -> list[str]:
    """`conventio bonus payments`: compute the bonus, write the lists, say what was written."""
    from generator.bonus.from_billing import bonus_report, refuse_errors

    report, parties = bonus_report(
        billing, year, corpus, columns=columns, parties_file=parties_file
    )
    refuse_errors(report)
    networks = payments_by_network(report.rows, parties)
    unpaid = unpaid_providers(report.rows)
    written = write_payments(networks, target, unpaid)
    total = sum((n.total_eur for n in networks), Decimal("0.00"))
    said = [
        f"{len(networks)} network(s) pay {sum(len(n.payments) for n in networks)} provider(s), "
        f"{total:.2f} EUR in all; {len(written)} file(s) in {target}"
    ]
    if unpaid:
        owed = sum((u.bonus_eur for u in unpaid), Decimal("0.00"))
        said.append(
            f"{len(unpaid)} provider(s) with a bonus ({owed:.2f} EUR) have no paying network: "
            f"listed with the reason in {UNPAID}.csv and {UNPAID}.xlsx"
        )
    return said
