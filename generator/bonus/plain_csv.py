"""A plain CSV billing file counted with polars: the quick way, for the common case.

A year of billing is a few million rows. polars reads a CSV file about twice as
fast as DuckDB on two cores and encodes each column as it reads it (each distinct
text once, the rows as small numbers). Each distinct value is then checked once,
by the same checks as the exact way (generator/bonus/checks.py: the INAMI number,
network and pseudocode checks, the date and amount readings), and the rows are
classified and counted on numbers, by the rules of generator/bonus/rules.py.

This is only the quick way. When anything in the file is not plain (a value in
error, an empty cell, a row the two readers could read differently, a column not
used that may hold national register numbers, sums too large for 64-bit cents),
`count_plain_csv` gives None and the file is read the exact way, row by row in
DuckDB, which reports every problem with its row number. A file therefore gives the
same result, and the same errors, whichever way counted it; tests compare the two.
"""

from __future__ import annotations

import os
from decimal import Decimal
from pathlib import Path
from typing import Any

from generator.bonus.billing import (
    FIELDS,
    PRIVACY_SAMPLE,
    chosen_headers,
    csv_header,
    holds_national_numbers,
)
from generator.bonus.checks import (
    Check,
    check_provider,
    check_pseudocode,
    checked_value,
    network_check,
    quick_amount,
    quick_date,
)
from generator.bonus.rules import EXCLUSIONS, CountedFile, CountingRules, Volume
from generator.errors import ConventioError

#: the file kinds read the quick way (XLSX and Parquet are read by DuckDB)
SUFFIXES = (".csv", ".txt")
#: polars holds the whole file in memory, about 2.5 times its size at the peak, and
#: a file it cannot hold would stop the process. A file above a quarter of the
#: machine's memory is read the exact way, by DuckDB, whose memory is bounded (80 %
#: of the machine's by default) and which refuses a file that needs more in words
MEMORY_SHARE = 4
#: a row's reason as a number: 0 counted, then EXCLUSIONS[n - 1]
COUNTED = 0


class NotPlain(Exception):
    """The file is not read the quick way (the exact way reads it and says why)."""


def count_plain_csv(
    path: Path,
    columns: dict[str, str] | None,
    parties,
    rules: CountingRules,
    max_bytes: int | None = None,
) -> CountedFile | None:
    """The file counted, or None when it is to be read the exact way (also when it
    is larger than `max_bytes`, by default a quarter of the machine's memory)."""
    if path.suffix.lower() not in SUFFIXES or not path.is_file():
        return None
    if path.stat().st_size > (max_bytes if max_bytes is not None else _largest_file()):
        return None
    try:
        return _count(path, columns or {}, parties, rules)
    except NotPlain:
        return None


def _largest_file() -> int:
    """The largest file read the quick way on this machine, in bytes."""
    try:
        memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
    except (ValueError, OSError, AttributeError):  # not on this system: stay modest
        memory = 4 * 2**30
    return memory // MEMORY_SHARE


def _count(path: Path, columns: dict[str, str], parties, rules: CountingRules) -> CountedFile:
    import polars as pl

    frame, names = _read(path, columns)
    values = _Values(frame, names)
    providers = values.numbers("provider_inami", check_provider)
    networks = values.numbers("network", network_check(parties))
    codes = values.numbers("pseudocode", check_pseudocode)
    services = values.read("service_date", quick_date)
    entered = values.read("entered_date", quick_date)
    amounts = values.read("amount", quick_amount)
    cents = [int(a * 100) for a in amounts.kept]
    if max(cents) * frame.height >= 2**63:
        raise NotPlain  # sums exact in 64-bit cents only below this

    reason_of_code = [_reason(rules.code_role(code)) for code in codes.kept]
    out_of_period = [rules.out_of_period(d) for d in services.kept]
    too_late = [rules.too_late(d) for d in entered.kept]
    row_reason = codes.per_row(reason_of_code, pl.UInt8)
    rows = frame.lazy().with_columns(
        reason=pl.when(row_reason > 0)
        .then(row_reason)
        .when(services.per_row(out_of_period, pl.Boolean))
        .then(pl.lit(EXCLUSIONS.index("out of period") + 1, pl.UInt8))
        .when(entered.per_row(too_late, pl.Boolean))
        .then(pl.lit(EXCLUSIONS.index("entered too late") + 1, pl.UInt8))
        .otherwise(pl.lit(COUNTED, pl.UInt8)),
    )
    # rows per provider and reason, counted on one number: provider × 8 + reason
    tally = providers.per_text(providers.ids, pl.UInt64) * 8 + pl.col("reason")
    # the counted rows told apart by their key: each distinct row once, whatever
    # its copies; its provider, network, amount and code read back from the key
    columns = [providers, networks, codes, services, entered, amounts]
    distinct = rows.filter(pl.col("reason") == COUNTED).select(_key(columns).unique())
    fields = _unpacked(columns)
    outreach = [c in rules.outreach_codes for c in codes.kept]
    tallies, volumes = pl.collect_all(
        [
            rows.select(tally=tally).group_by("tally").len(),
            distinct.select(
                provider=fields["provider_inami"],
                network=fields["network"],
                cents=pl.lit(pl.Series(cents, dtype=pl.Int64)).gather(fields["amount"]),
                outreach=pl.lit(pl.Series(outreach)).gather(fields["pseudocode"]),
            )
            .group_by("provider", "network")
            .agg(
                cents=pl.col("cents").sum(),
                sessions=pl.len(),
                outreach_sessions=pl.col("outreach").sum(),
                outreach_cents=pl.col("cents").filter(pl.col("outreach")).sum(),
            ),
        ]
    )
    return CountedFile(
        str(path),
        frame.height,
        _excluded(tallies, volumes, providers.kept),
        _volumes(volumes, providers.kept, networks.kept),
    )


def _read(path: Path, columns: dict[str, str]) -> tuple[Any, dict[str, str]]:
    """The file read by polars, the six columns dictionary-encoded; {field: column}."""
    import polars as pl

    try:
        headers, delimiter = csv_header(path)
        chosen = chosen_headers(path, headers, columns)
    except ConventioError:
        raise NotPlain from None
    with open(path, "rb") as handle:
        if handle.readline(65536).count(b'"') % 2:
            raise NotPlain  # a header with a quoted line break: rows could be read apart
    names = [f"column_{i}" for i in range(len(headers))]
    used = {headers.index(chosen[field]): field for field in FIELDS}
    # each column encoded with categories of its own: its distinct texts are then
    # known once it is read, without another pass over the rows
    schema = {
        name: pl.Categorical(pl.Categories.random()) if i in used else pl.String
        for i, name in enumerate(names)
    }
    try:
        frame = pl.read_csv(
            path, has_header=False, skip_rows=1, new_columns=names, schema=schema,
            separator=delimiter, quote_char='"', encoding="utf8",
        )  # fmt: skip
    except (pl.exceptions.PolarsError, ValueError, OSError):
        raise NotPlain from None  # the exact way says what is wrong, and where
    # a blank line, a short row or an empty cell is read as null: the exact way
    # tells them apart, with their row numbers
    if not frame.height or any(frame.select(names[i] for i in used).null_count().row(0)):
        raise NotPlain
    others = [name for i, name in enumerate(names) if i not in used]
    if _may_hold_national_numbers(frame, others):
        raise NotPlain
    return frame, {field: names[i] for i, field in used.items()}


def _may_hold_national_numbers(frame, others: list[str]) -> bool:
    """A column not used whose first values look like national register numbers
    (the exact way refuses the file, naming the column)."""
    import polars as pl

    for name in others:
        values = frame.select(pl.col(name).filter(pl.col(name) != "").head(PRIVACY_SAMPLE))
        if holds_national_numbers(values.to_series().to_list()):
            return True
    return False


class _Column:
    """A column's distinct texts, each with its physical code in the frame and the
    number of the value kept for it (`kept[id]`: two spellings, one value)."""

    def __init__(self, field: str, name: str, codes: list[int], kept: list, ids: list[int]):
        self.field, self.name, self.codes, self.kept, self.ids = field, name, codes, kept, ids

    @property
    def bits(self) -> int:
        return max(1, (len(self.kept) - 1).bit_length())

    def per_row(self, per_value: list, dtype):
        """Per row, the value given for its kept value (`per_value[id]`)."""
        return self.per_text([per_value[i] for i in self.ids], dtype)

    def per_text(self, per_text: list, dtype):
        """Per row, the value given for its text (`per_text`, in the order of `codes`)."""
        import polars as pl

        table = [None] * (max(self.codes) + 1)
        for code, value in zip(self.codes, per_text, strict=True):
            table[code] = value
        return pl.lit(pl.Series(table, dtype=dtype)).gather(pl.col(self.name).to_physical())


class _Values:
    """The distinct texts of each of the six columns, checked once each."""

    def __init__(self, frame, names: dict[str, str]):
        self.names = names
        self.texts: dict[str, tuple[list[int], list[str]]] = {}
        for field, name in names.items():
            # the column's own categories: its distinct texts, by their code
            texts = frame.schema[name].categories.to_series().to_list()
            # (a code reserved while reading and never given a text is in no row)
            pairs = [(code, text) for code, text in enumerate(texts) if text is not None]
            self.texts[field] = ([c for c, _ in pairs], [t for _, t in pairs])

    def _column(self, field: str, kept_values: list) -> _Column:
        codes, _ = self.texts[field]
        number: dict[Any, int] = {}
        ids = [number.setdefault(value, len(number)) for value in kept_values]
        return _Column(field, self.names[field], codes, list(number), ids)

    def numbers(self, field: str, check: Check) -> _Column:
        kept = []
        for text in self.texts[field][1]:
            value, problem = checked_value(text, check)
            if problem is not None:
                raise NotPlain
            kept.append(value)
        return self._column(field, kept)

    def read(self, field: str, reading) -> _Column:
        kept = [reading(text) for text in self.texts[field][1]]
        if any(value is None for value in kept):
            raise NotPlain
        return self._column(field, kept)


def _reason(role: str | None) -> int:
    return COUNTED if role is None else EXCLUSIONS.index(role) + 1


def _key(columns: list[_Column]):
    """One number per row, the same for two rows exactly when all six kept values
    are: the numbers of the values side by side in 64 bits (a file whose values do
    not fit, hundreds of thousands of distinct amounts or dates, is read the exact
    way)."""
    import polars as pl

    if sum(c.bits for c in columns) > 64:
        raise NotPlain
    key, shift = None, 0
    for column in columns:
        part = column.per_text([i << shift for i in column.ids], pl.UInt64)
        key = part if key is None else key + part
        shift += column.bits
    return key.alias("key")


def _unpacked(columns: list[_Column]) -> dict:
    """{field: the number of its kept value, read back from the column `key`}."""
    import polars as pl

    fields, shift = {}, 0
    for column in columns:
        fields[column.field] = ((pl.col("key") // (1 << shift)) % (1 << column.bits)).cast(
            pl.UInt32
        )
        shift += column.bits
    return fields


def _volumes(volumes, providers: list[str], networks: list[str]) -> list[tuple[str, Volume]]:
    """(provider, Volume) per provider and network; euros exact, from cents."""
    return [
        (
            providers[provider],
            Volume(
                networks[network],
                _euros(cents),
                sessions,
                outreach_sessions,
                _euros(outreach_cents),
            ),
        )
        for provider, network, cents, sessions, outreach_sessions, outreach_cents in volumes.rows()
    ]


def _euros(cents: int) -> Decimal:
    """Cents as euros with their two decimals, exactly (whatever the decimal context)."""
    return Decimal(f"{cents}e-2")


def _excluded(tallies, volumes, providers: list[str]) -> dict[str, dict[str, int]]:
    """{reason: {provider: rows}}, the copies of counted rows as « duplicate row »."""
    import polars as pl

    tallies = tallies.select(
        provider=pl.col("tally") // 8, reason=pl.col("tally") % 8, rows=pl.col("len")
    )
    copies = (
        tallies.filter(pl.col("reason") == COUNTED)
        .join(volumes.group_by("provider").agg(pl.col("sessions").sum()), on="provider")
        .select("provider", rows=pl.col("rows") - pl.col("sessions"))
        .filter(pl.col("rows") > 0)
    )
    found = {}
    for number, reason in enumerate(EXCLUSIONS, start=1):
        these = copies if reason == "duplicate row" else tallies.filter(pl.col("reason") == number)
        if these.height:
            ids, rows = these.get_column("provider").to_list(), these.get_column("rows").to_list()
            found[reason] = dict(zip(map(providers.__getitem__, ids), rows, strict=True))
    return found
