"""A checked billing file counted in DuckDB: the exact way, for any file
(generator/bonus/checks.py has read and checked every row; table `billing` holds
its distinct rows and how many times each is in the file)."""

from __future__ import annotations

from generator.bonus.billing import Billing
from generator.bonus.rules import CountedFile, CountingRules, Volume


def count_checked_billing(checked: Billing, rules: CountingRules) -> CountedFile:
    """The rows of a checked billing file counted in DuckDB: table `kinds` (each
    distinct row, how many times it is in the file, its reason), then `volumes`."""
    con = checked.con
    _classify(con, rules)
    excluded: dict[str, dict[str, int]] = {}
    for provider, reason, count in con.execute(
        """SELECT p.kept, coalesce(reason, 'duplicate row'),
                sum(CASE WHEN reason IS NULL THEN n - 1 ELSE n END)
            FROM kinds JOIN provider_inami_k AS p ON kinds.provider = p.id
            WHERE reason IS NOT NULL OR n > 1 GROUP BY ALL"""
    ).fetchall():
        excluded.setdefault(reason, {})[provider] = int(count)
    volumes = con.execute(
        """SELECT p.kept AS provider, n.kept AS network, v.* EXCLUDE (provider, network)
        FROM (SELECT provider, network, sum(amount) AS euros, count(*) AS sessions,
                count(*) FILTER (WHERE outreach) AS outreach_sessions,
                coalesce(sum(amount) FILTER (WHERE outreach), 0) AS outreach_euros
              FROM kinds WHERE reason IS NULL GROUP BY provider, network) AS v
        JOIN provider_inami_k AS p ON v.provider = p.id
        JOIN network_k AS n ON v.network = n.id"""
    ).fetchall()
    return CountedFile(
        checked.source, checked.read, excluded, [(v[0], Volume(*v[1:])) for v in volumes]
    )


def _classify(con, rules: CountingRules) -> None:
    """Table `kinds`: the distinct rows (all six fields alike) with how many times
    each is in the file, the reason it is excluded (NULL: counted once, its copies
    excluded as duplicates) and whether its code is an outreach code. The codes'
    roles are decided once per distinct code (table `roles`)."""
    codes = con.execute("SELECT id, kept FROM pseudocode_k").fetchall()
    con.execute("CREATE TABLE roles (code INTEGER, role VARCHAR, outreach BOOLEAN)")
    if codes:
        con.executemany(
            "INSERT INTO roles VALUES (?, ?, ?)",
            [(i, rules.code_role(c), c in rules.outreach_codes) for i, c in codes],
        )
    con.execute(
        """CREATE TABLE kinds AS SELECT k.*, roles.outreach, CASE
            WHEN roles.role IS NOT NULL THEN roles.role
            WHEN service_date < $start OR service_date > $end THEN 'out of period'
            WHEN entered_date > $deadline THEN 'entered too late'
            END AS reason
        FROM billing AS k
        JOIN roles ON k.pseudocode = roles.code""",
        {"start": rules.start, "end": rules.end, "deadline": rules.deadline},
    )
