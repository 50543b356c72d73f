"""Where the register lives: its URL, the engine, the tables, and the two kinds
of transaction (reading; writing, one writer at a time).

The register is SQLite by default, in `$XDG_DATA_HOME/conventio/register.sqlite`
(`~/.local/share/conventio/register.sqlite`), or wherever `--register` or
`CONVENTIO_REGISTER` says: a file path, or a database URL such as
`postgresql+psycopg://user:password@host/db` for a register shared on
PostgreSQL.

A register is opened in one of two modes. `create=True` (issuing documents)
makes the SQLite file and its folder, or the tables in an empty PostgreSQL
database, on first use. `create=False` (every other command, and every
read-only one) never creates anything: a path that does not exist, a folder, an
empty or non-SQLite file, another program's SQLite database, or a PostgreSQL
database without the register's tables is an error naming it. Neither mode
writes into a database that holds other tables but not the register's.

Schema version 2 adds who recorded each event (`recorded_by`, and on
PostgreSQL `database_user`, see `log/`). A version-1 register is upgraded in
place when it is opened (two columns added, in one transaction); its events
keep their hashes.

Appends are serialised: on SQLite every writing transaction starts with
`BEGIN IMMEDIATE` (the database's single write lock, waited for up to
`BUSY_TIMEOUT` seconds); on PostgreSQL it first takes a transaction-scoped
advisory lock. Two processes writing at once therefore queue, and the chain of
hashes stays one line."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy import event, exc

from generator.errors import ConventioError

DEFAULT_NAME = "register.sqlite"
#: seconds a writer waits for another one to finish before giving up
BUSY_TIMEOUT = 120
#: the PostgreSQL advisory lock key of the register's appends ("CONVREG" as a number)
LOCK_KEY = 0x434F4E56524547
SCHEMA_VERSION = "2"
#: the versions this conventio upgrades in place when it opens a register
UPGRADABLE = ("1",)
#: the first bytes of every SQLite database file
SQLITE_HEADER = b"SQLite format 3\x00"

metadata = sa.MetaData()

#: the event log; every column but `hash` is covered by the event's hash
events = sa.Table(
    "register_events",
    metadata,
    sa.Column(
        "seq",
        sa.BigInteger().with_variant(sa.Integer, "sqlite"),
        primary_key=True,
        autoincrement=False,
    ),
    # UTC, "YYYY-MM-DDTHH:MM:SS.ffffffZ": sorts as it reads
    sa.Column("at", sa.String(32), nullable=False),
    sa.Column("kind", sa.String(16), nullable=False),
    sa.Column("document_id", sa.String(400), nullable=False),
    # the document's corpus source and party, copied from its `issued` event
    sa.Column("source", sa.String(200), nullable=False),
    sa.Column("party", sa.String(200), nullable=False),
    sa.Column("role", sa.String(16)),
    # who acted (a party id), when the caller says
    sa.Column("actor", sa.String(200)),
    # who recorded the event: --actor, CONVENTIO_ACTOR or the OS user (schema 2)
    sa.Column("recorded_by", sa.String(200)),
    # on PostgreSQL, the database user the server vouches for (schema 2)
    sa.Column("database_user", sa.String(200)),
    sa.Column("manual", sa.Boolean, nullable=False),
    sa.Column("evidence_sha256", sa.String(64)),
    sa.Column("reason", sa.Text),
    # `issued` only: the roles that must sign, space-separated
    sa.Column("roles", sa.String(100)),
    # canonical JSON of the rest (an issued document's files, hashes, ...)
    sa.Column("details", sa.Text, nullable=False),
    sa.Column("prev_hash", sa.String(64), nullable=False),
    sa.Column("hash", sa.String(64), nullable=False, unique=True),
)
sa.Index("ix_register_events_document", events.c.document_id, events.c.seq)
# covers the status tallies (per kind, document, role) without reading the table
sa.Index(
    "ix_register_events_tally",
    events.c.kind,
    events.c.document_id,
    events.c.role,
    events.c.at,
    events.c.manual,
)
sa.Index("ix_register_events_evidence", events.c.evidence_sha256)

meta = sa.Table(
    "register_meta",
    metadata,
    sa.Column("key", sa.String(64), primary_key=True),
    sa.Column("value", sa.Text, nullable=False),
)


def data_dir() -> Path:
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "conventio"


def resolve_url(url: str | Path | None = None) -> str:
    """The register's URL: `url`, else `CONVENTIO_REGISTER`, else the default
    SQLite file. A plain path means an SQLite file."""
    value = str(url) if url else os.environ.get("CONVENTIO_REGISTER", "").strip()
    if not value:
        value = str(data_dir() / DEFAULT_NAME)
    if "://" not in value:
        return f"sqlite:///{Path(value).expanduser().resolve()}"
    return value


def shown(url: str | sa.URL) -> str:
    """The URL without its password, for messages."""
    try:
        parsed = sa.make_url(url) if isinstance(url, str) else url
    except exc.ArgumentError:
        return "(not a URL)"
    return parsed.render_as_string(hide_password=True)


def make_engine(url: str, create: bool = True) -> sa.Engine:
    """The engine of the register at `url`. With `create`, the folder of a new
    SQLite register is made; without it, the SQLite file must already be a
    register (checked before anything touches it)."""
    try:
        parsed = sa.make_url(url)
    except exc.ArgumentError:
        raise ConventioError(
            f"the register {url!r} is neither a file path nor a database URL "
            "(such as postgresql+psycopg://user:password@host/database)"
        ) from None
    backend = parsed.get_backend_name()
    if backend == "sqlite":
        return _sqlite_engine(parsed, create)
    if backend == "postgresql":
        if parsed.drivername == "postgresql":
            parsed = parsed.set(drivername="postgresql+psycopg")
        try:
            return sa.create_engine(parsed, connect_args={"connect_timeout": 10})
        except (exc.NoSuchModuleError, ImportError) as error:
            raise ConventioError(
                f"cannot use the register {shown(parsed)}: {error} "
                "(conventio talks to PostgreSQL through psycopg: postgresql+psycopg://...)"
            ) from None
    raise ConventioError(
        f"the register {shown(parsed)} is a {backend!r} database; "
        "use an SQLite file or PostgreSQL (postgresql+psycopg://...)"
    )


_FIRST_ISSUE = "a register is made when documents are first issued: conventio signatures issue"


def check_sqlite_file(path: Path, create: bool) -> None:
    """Refuse, naming `path`, what is not an SQLite register: a folder, a file
    that is not an SQLite database, another program's database, a register
    missing one of its tables; and, unless `create`, a path where nothing is
    yet, an empty file or an empty database. Read only: a file that is not a
    register is never changed."""
    if path.is_dir():
        raise ConventioError(
            f"the register {path} is a folder; give the register's file "
            f"(such as {path / DEFAULT_NAME})"
        )
    if not path.exists():
        if create:
            return
        raise ConventioError(
            f"there is no register at {path}: check --register or CONVENTIO_REGISTER "
            f"({_FIRST_ISSUE})"
        )
    try:
        with path.open("rb") as file:
            start = file.read(len(SQLITE_HEADER))
    except OSError as error:
        raise ConventioError(f"cannot read the register {path}: {error.strerror}") from None
    if not start:
        if create:
            return  # SQLite makes an empty file a database
        raise ConventioError(
            f"the register {path} is an empty file, not a register ({_FIRST_ISSUE})"
        )
    if start != SQLITE_HEADER:
        raise ConventioError(
            f"{path} is not a register: it is not an SQLite database (check the path given "
            "with --register or CONVENTIO_REGISTER)"
        )
    tables = _sqlite_tables(path)
    ours = {meta.name, events.name}
    if ours <= tables:
        return
    if tables & ours:
        missing = ", ".join(sorted(ours - tables))
        raise ConventioError(
            f"{path} is a damaged register: its table {missing} is missing; restore it from a "
            "backup"
        )
    if tables:
        listed = ", ".join(sorted(tables)[:5]) + (", ..." if len(tables) > 5 else "")
        raise ConventioError(
            f"{path} is an SQLite database of another program (tables {listed}), not a "
            "conventio register: give the register's file"
        )
    if not create:
        raise ConventioError(
            f"the register {path} is an empty database: it holds no register yet ({_FIRST_ISSUE})"
        )


def _sqlite_tables(path: Path) -> set[str]:
    import sqlite3
    from urllib.parse import quote

    try:
        connection = sqlite3.connect(f"file:{quote(str(path))}?mode=ro", uri=True, timeout=5)
    except sqlite3.Error as error:
        raise ConventioError(f"cannot open the register {path}: {error}") from None
    try:
        rows = connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        return {row[0] for row in rows}
    except sqlite3.DatabaseError as error:
        raise ConventioError(
            f"{path} is not a register: SQLite cannot read it ({error}); restore it from a backup"
        ) from None
    finally:
        connection.close()


def _sqlite_engine(parsed: sa.URL, create: bool) -> sa.Engine:
    database = parsed.database or ""
    if database in ("", ":memory:") or database.startswith("file::memory:"):
        raise ConventioError(
            "an in-memory register would lose everything when the command ends: "
            "give a file path (or leave --register out for the default file)"
        )
    path = Path(database).expanduser()
    check_sqlite_file(path, create)
    folder = path.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise ConventioError(
            f"cannot create the register's folder {folder}: {error.strerror}"
        ) from None
    engine = sa.create_engine(parsed, connect_args={"timeout": BUSY_TIMEOUT})

    @event.listens_for(engine, "connect")
    def _connect(dbapi_connection, _record):  # pragma: no cover - exercised by every test
        # SQLAlchemy, not the sqlite3 module, says when a transaction begins
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT * 1000}")
        if cursor.execute("PRAGMA journal_mode").fetchone()[0].lower() != "wal":
            cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA synchronous = FULL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _begin(connection):
        writing = connection.get_execution_options().get("conventio_write", False)
        connection.exec_driver_sql("BEGIN IMMEDIATE" if writing else "BEGIN DEFERRED")

    return engine


def is_postgres(engine: sa.Engine) -> bool:
    return engine.dialect.name == "postgresql"


@contextmanager
def _unreachable(engine: sa.Engine) -> Iterator[None]:
    try:
        yield
    except exc.DatabaseError as error:
        # a server that cannot be reached, a file SQLite cannot read; not a bug's
        # IntegrityError or ProgrammingError, which keep their traceback
        if not isinstance(error, exc.OperationalError) and type(error) is not exc.DatabaseError:
            raise
        detail = str(error.orig or error).strip().splitlines()[0]
        raise ConventioError(f"cannot use the register {shown(engine.url)}: {detail}") from None


@contextmanager
def writing(engine: sa.Engine) -> Iterator[sa.Connection]:
    """One transaction that is the only writer until it ends: committed
    whole when the block ends, rolled back whole if it raises (or if the
    process dies before the commit)."""
    with _unreachable(engine), engine.connect() as connection:
        connection.execution_options(conventio_write=True)
        with connection.begin():
            if is_postgres(engine):
                connection.execute(sa.select(sa.func.pg_advisory_xact_lock(LOCK_KEY)))
            yield connection


@contextmanager
def reading(engine: sa.Engine) -> Iterator[sa.Connection]:
    """One transaction that sees a single state of the register."""
    with _unreachable(engine), engine.connect() as connection:
        if is_postgres(engine):
            connection.execution_options(isolation_level="REPEATABLE READ")
        with connection.begin():
            yield connection


def ensure_schema(engine: sa.Engine, create: bool = True) -> None:
    """Create the tables if the register is new and `create`; upgrade a
    version-1 register; refuse a newer schema, a database that holds no
    register (unless `create`), and a register missing one of its tables."""
    with _unreachable(engine):
        with engine.connect() as connection:
            tables = set(sa.inspect(connection).get_table_names())
        ours = {meta.name, events.name}
        if tables & ours and not ours <= tables:
            missing = ", ".join(sorted(ours - tables))
            raise ConventioError(
                f"the register {shown(engine.url)} is damaged: its table {missing} is missing"
            )
        if not tables & ours:
            if not create:
                raise ConventioError(
                    f"there is no register in the database {shown(engine.url)} yet ({_FIRST_ISSUE})"
                )
            with writing(engine) as connection:
                metadata.create_all(connection)
                have = connection.execute(
                    sa.select(meta.c.value).where(meta.c.key == "schema_version")
                ).scalar()
                if have is None:
                    connection.execute(
                        meta.insert().values(key="schema_version", value=SCHEMA_VERSION)
                    )
        version = _version(engine)
    if version in UPGRADABLE:
        _upgrade(engine)
        version = _version(engine)
    if version is None:
        raise ConventioError(
            f"the register {shown(engine.url)} is damaged: it does not say its schema version"
        )
    if version != SCHEMA_VERSION:
        raise ConventioError(
            f"the register {shown(engine.url)} has schema version {version!r}; this "
            f"conventio reads version {SCHEMA_VERSION}: update conventio"
        )


def _version(engine: sa.Engine) -> str | None:
    with _unreachable(engine), reading(engine) as connection:
        return connection.execute(
            sa.select(meta.c.value).where(meta.c.key == "schema_version")
        ).scalar()


#: the columns schema version 2 added to the events
_ADDED_IN_2 = ("recorded_by", "database_user")


def _upgrade(engine: sa.Engine) -> None:
    """Version 1 to 2, in one transaction: the columns saying who recorded
    each event. Events written before keep their hashes (log.event_hash
    leaves these columns out of an event that has none)."""
    try:
        with _unreachable(engine), writing(engine) as connection:
            version = connection.execute(
                sa.select(meta.c.value).where(meta.c.key == "schema_version")
            ).scalar()
            if version not in UPGRADABLE:
                return  # another process upgraded it meanwhile
            present = {c["name"] for c in sa.inspect(connection).get_columns(events.name)}
            for name in _ADDED_IN_2:
                if name not in present:
                    connection.exec_driver_sql(
                        f"ALTER TABLE {events.name} ADD COLUMN {name} VARCHAR(200)"
                    )
            connection.execute(
                meta.update().where(meta.c.key == "schema_version").values(value=SCHEMA_VERSION)
            )
    except exc.DBAPIError as error:
        detail = str(error.orig or error).strip().splitlines()[0]
        raise ConventioError(
            f"the register {shown(engine.url)} has an older schema and must be "
            f"upgraded once to version {SCHEMA_VERSION} (two columns added), which failed: "
            f"{detail}; open it once as a user allowed to change its tables"
        ) from None
