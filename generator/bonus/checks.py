"""Every row of a billing file checked: the number columns value by value (each
distinct value once, by the project's own checks), dates and amounts in SQL.

Builds the DuckDB table `billing` (provider, network, pseudocode, service_date,
entered_date, amount, n): the distinct rows of the file (all six fields alike) and
how many times each is in it, when no row is in error; provider, network
and pseudocode are numbers standing for the values kept in the tables
`provider_inami_k`, `network_k` and `pseudocode_k` (id, kept)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

from generator.bonus.billing import DATE_FORMATS, Billing, collect_errors, read_billing
from generator.model.pseudocodes import check_digit_problem
from generator.parties import numbers
from generator.parties.problems import shown
from generator.privacy import holds_national_number

#: a value's check: (the value kept, or None) and the problem, or None
Check = Callable[[str], tuple[str | None, str | None]]


def check_provider(value: str) -> tuple[str | None, str | None]:
    try:
        digits = numbers.normalise_inami(value)
        problem = None
    except numbers.NumberError as exc:
        digits, problem = None, str(exc)
    if digits is not None and numbers.inami_check_ok(digits):
        return digits, None
    if holds_national_number(value):
        return None, "holds a national register number, not an INAMI number; remove it"
    return None, problem or (
        "the INAMI number's check digits (7th and 8th) do not match its first six "
        "digits; check the number"
    )


def check_pseudocode(value: str) -> tuple[str | None, str | None]:
    problem = check_digit_problem(value)
    return (None, problem) if problem else (value, None)


def network_check(parties=None) -> Check:
    """A network is a party id or a network's INAMI number. With a party file, it
    must be one of its networks (kept as its party id); without, any well-formed id
    or INAMI number is kept as written (INAMI numbers as digits)."""
    from pydantic import TypeAdapter, ValidationError

    from generator.parties.model import PartyId

    ids = TypeAdapter(PartyId)
    known: dict[str, str] = {}
    if parties is not None:
        for network in parties.networks:
            known[network.id] = network.id
            if network.inami:
                known[network.inami] = network.id

    def check(value: str) -> tuple[str | None, str | None]:
        if holds_national_number(value):
            return None, "holds a national register number, not a network; remove it"
        digits = value.replace(".", "").replace("-", "").replace(" ", "")
        key = digits if digits.isdigit() else value
        if parties is not None:
            if key in known:
                return known[key], None
            return None, (
                f"unknown network {shown(value)}: it is neither the id nor the INAMI number "
                "of a network of the party file"
            )
        if digits.isdigit():
            if numbers.inami_check_ok(digits):
                return numbers.normalise_inami(digits), None
            return None, f"unknown network {shown(value)}: not a valid INAMI number"
        try:
            return ids.validate_python(value), None
        except ValidationError:
            return None, (
                f"unknown network {shown(value)}: write a network's party id (such as "
                "net-01) or its INAMI number"
            )

    return check


def checked_billing(
    path: Path,
    columns: dict[str, str] | None = None,
    parties=None,
    memory_limit: str | None = None,
) -> Billing:
    """Read and check a billing file; `billing` holds its rows when `errors` is empty."""
    con, source = read_billing(path, columns, memory_limit)
    (read,) = con.execute("SELECT count(*) FROM raw").fetchone()
    for name, check in (
        ("provider_inami", check_provider),
        ("network", network_check(parties)),
        ("pseudocode", check_pseudocode),
    ):
        _value_table(con, name, check)
    con.execute(f"CREATE VIEW checked AS {_checked_sql()}")
    # one pass over the file: its distinct rows (all six fields alike) and how many
    # times each is in it, values read the quick way; a value left NULL is an error or
    # a form the quick way does not read: then every row is read again the exact way
    con.execute(f"CREATE TABLE billing AS {_distinct_sql(_quick_checked_sql())}")
    errors, counts = [], {}
    if con.execute(f"SELECT count(*) FROM billing WHERE {_UNREAD}").fetchone()[0]:
        errors, counts = collect_errors(con, _CHECKS)
        con.execute("DROP TABLE billing")
        if not errors:
            con.execute(f"CREATE TABLE billing AS {_distinct_sql('SELECT * FROM checked')}")
    return Billing(con, source, int(read), errors, counts)


#: a distinct row with a value not read (the quick way)
_UNREAD = (
    "provider IS NULL OR network IS NULL OR pseudocode IS NULL OR service_date IS NULL "
    "OR entered_date IS NULL OR amount IS NULL"
)
#: an amount the quick way reads: digits, and at most two decimals (any other form is
#: read exactly, as DECIMAL(38, 10), and checked by `_CHECKS`)
PLAIN_AMOUNT = " *[0-9]{1,15}([.,][0-9]{1,2})? *"
_PLAIN_AMOUNT = f"'{PLAIN_AMOUNT}'"
_PLAIN_AMOUNT_TEXT = re.compile(PLAIN_AMOUNT)
#: the dates the quick way reads in Python (others are read by DuckDB: `date_reading`)
_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_DMY_DATE = re.compile(r"[0-9]{2}/[0-9]{2}/[0-9]{4}")


def _distinct_sql(rows: str) -> str:
    return (
        "SELECT provider, network, pseudocode, service_date, entered_date, "
        "CAST(amount_read AS DECIMAL(18, 2)) AS amount, count(*) AS n "
        f"FROM ({rows}) GROUP BY ALL"
    )


def _quick_checked_sql() -> str:
    """The rows with their values read, the common forms quickly (an ISO date, a
    plain amount); anything else is NULL, to be read the exact way."""
    service, entered = (date_reading(f"raw.{c}") for c in ("service_date", "entered_date"))
    return f"""SELECT provider_inami_v.id AS provider, network_v.id AS network,
            pseudocode_v.id AS pseudocode, {service} AS service_date,
            {entered} AS entered_date,
            CASE WHEN regexp_full_match(raw.amount, {_PLAIN_AMOUNT})
                THEN CAST(replace(trim(raw.amount), ',', '.') AS DECIMAL(18, 2)) END
                AS amount_read
        {_JOINS}"""


def _checked_sql() -> str:
    """Each row of the file with its values read and the problems of its numbers."""
    formats = "[" + ", ".join(f"'{f}'" for f in DATE_FORMATS) + "]"
    return f"""SELECT raw.row_no,
            provider_inami_v.id AS provider, provider_inami_v.problem AS provider_problem,
            network_v.id AS network, network_v.problem AS network_problem,
            pseudocode_v.id AS pseudocode, pseudocode_v.problem AS pseudocode_problem,
            raw.service_date AS service_text, raw.entered_date AS entered_text,
            {_date("raw.service_date", formats)} AS service_date,
            {_date("raw.entered_date", formats)} AS entered_date,
            raw.amount AS amount_text,
            {amount_reading("raw.amount")} AS amount_read
        {_JOINS}"""


_JOINS = """FROM raw
        LEFT JOIN provider_inami_v ON raw.provider_inami IS NOT DISTINCT FROM provider_inami_v.value
        LEFT JOIN network_v ON raw.network IS NOT DISTINCT FROM network_v.value
        LEFT JOIN pseudocode_v ON raw.pseudocode IS NOT DISTINCT FROM pseudocode_v.value"""


def _date(column: str, formats: str) -> str:
    """SQL reading a date: ISO directly (fast), the other forms through strptime."""
    return (
        f"coalesce(TRY_CAST(trim({column}) AS DATE), "
        f"CAST(try_strptime(trim({column}), {formats}) AS DATE))"
    )


def date_reading(column: str) -> str:
    """SQL reading a date the quick way (the value as it is, ISO), else the exact way."""
    formats = "[" + ", ".join(f"'{f}'" for f in DATE_FORMATS) + "]"
    return f"coalesce(TRY_CAST({column} AS DATE), {_date(column, formats)})"


def amount_reading(column: str) -> str:
    """SQL reading an amount exactly, `,` or `.` for decimals (checked by AMOUNT_REFUSED)."""
    return f"TRY_CAST(replace(trim({column}), ',', '.') AS DECIMAL(38, 10))"


def quick_date(text: str) -> dt.date | None:
    """A date in one of the two common forms (2023-01-05, 05/01/2023), read as
    `date_reading` reads it; None for any other text (then read the exact way)."""
    try:
        if _ISO_DATE.fullmatch(text):
            return dt.date.fromisoformat(text)
        if _DMY_DATE.fullmatch(text):
            return dt.datetime.strptime(text, "%d/%m/%Y").date()
    except ValueError:
        return None
    return None


def quick_amount(text: str) -> Decimal | None:
    """A plain amount (digits, at most two decimals after `.` or `,`), exactly as
    the rows' reading gives it; None for any other text (then read the exact way)."""
    if not _PLAIN_AMOUNT_TEXT.fullmatch(text):
        return None
    return Decimal(text.strip(" ").replace(",", "."))


def checked_value(value: str | None, check: Check) -> tuple[str | None, str | None]:
    """A number column's value checked: the value kept, or None and the problem."""
    text = (value or "").strip()
    return check(text) if text else (None, "is empty")


def _value_table(con, name: str, check: Check) -> None:
    """Table `{name}_v` (value, problem, id) for each distinct value of a column, and
    `{name}_k` (id, kept): the value kept (an INAMI number as digits, a network's
    party id), numbered, so that the rows carry small numbers, not text (two
    spellings of one number get the same id)."""
    values = [v for (v,) in con.execute(f"SELECT DISTINCT {name} FROM raw").fetchall()]
    ids: dict[str, int] = {}
    kept_ids, problems = [], []
    for value in values:
        kept, problem = checked_value(value, check)
        kept_ids.append(None if kept is None else ids.setdefault(kept, len(ids)))
        problems.append(problem)
    con.execute(
        f"CREATE TABLE {name}_v AS SELECT unnest($1::VARCHAR[]) AS value, "
        "unnest($2::VARCHAR[]) AS problem, unnest($3::INTEGER[]) AS id",
        [values, problems, kept_ids],
    )
    con.execute(
        f"CREATE TABLE {name}_k AS SELECT unnest($1::INTEGER[]) AS id, "
        "unnest($2::VARCHAR[]) AS kept",
        [list(ids.values()), list(ids)],
    )


#: an amount this large is a typing error (amounts are kept as DECIMAL(18, 2))
_TOO_LARGE = 10**15
#: an amount read (`amount_read`) that is an error
AMOUNT_REFUSED = (
    "amount_read IS NULL OR amount_read < 0 OR amount_read <> round(amount_read, 2) "
    f"OR amount_read >= {_TOO_LARGE}"
)
_DATE_HELP = "write it as YYYY-MM-DD (or DD/MM/YYYY)"
# (field, condition on `checked`, the message as SQL); values that could be personal
# numbers are never repeated: the number checks' messages do not quote them
_CHECKS = [
    ("provider_inami", "provider_problem IS NOT NULL", "provider_problem"),
    ("network", "network_problem IS NOT NULL", "network_problem"),
    ("pseudocode", "pseudocode_problem IS NOT NULL", "pseudocode_problem"),
    (
        "service_date",
        "service_date IS NULL",
        f"CASE WHEN trim(coalesce(service_text, '')) = '' THEN 'is empty; {_DATE_HELP}' "
        f"ELSE 'cannot be read as a date; {_DATE_HELP}' END",
    ),
    (
        "entered_date",
        "entered_date IS NULL",
        f"CASE WHEN trim(coalesce(entered_text, '')) = '' THEN 'is empty; {_DATE_HELP}' "
        f"ELSE 'cannot be read as a date; {_DATE_HELP}' END",
    ),
    (
        "amount",
        AMOUNT_REFUSED,
        "CASE WHEN amount_read < 0 THEN 'is negative; an amount attested is 0 or more' "
        f"WHEN amount_read >= {_TOO_LARGE} THEN 'is too large for an amount attested' "
        "WHEN amount_read <> round(amount_read, 2) THEN 'has more than two decimals; "
        "write an amount in euros and cents' "
        "WHEN trim(coalesce(amount_text, '')) = '' THEN 'is empty; write the amount in EUR' "
        "ELSE 'is not a number; write it as 1234.56 or 1234,56 (no thousands separator)' END",
    ),
]
