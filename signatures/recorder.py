"""Who records an event in the register.

Every event carries `recorded_by`: the name given with `--actor` (the
library's `actor=`), else the CONVENTIO_ACTOR environment variable, else the
operating-system user. These are what the person says, or their login: on a
shared SQLite file nothing vouches for them. On PostgreSQL the event also
carries `database_user`, the `current_user` of the writing transaction: the
account the server checked the password of."""

from __future__ import annotations

import getpass
import os

import sqlalchemy as sa

from generator.errors import ConventioError, one_line
from signatures.privacy import refuse_nrn

ACTOR_ENV = "CONVENTIO_ACTOR"
MAX_NAME = 200


def check_recorder(name: str) -> str:
    """`name` as recorded, or a ConventioError saying why it cannot be."""
    what = "who records the event (--actor or CONVENTIO_ACTOR)"
    if not isinstance(name, str) or not name.strip():
        raise ConventioError(f"{what} is empty: give a name")
    name = name.strip()
    if len(name) > MAX_NAME or one_line(name) != name:
        raise ConventioError(f"{what} must be a name of at most {MAX_NAME} characters on one line")
    refuse_nrn(name, what)
    return name


def recorder_name(given: str | None = None) -> str:
    """Who records: `given`, else CONVENTIO_ACTOR, else the operating-system
    user (its numeric id when the system knows no name for it)."""
    if given is None:
        given = os.environ.get(ACTOR_ENV) or None
    return check_recorder(given if given is not None else _os_user())


def _os_user() -> str:
    try:
        return getpass.getuser()
    except (OSError, KeyError, ImportError):
        # no LOGNAME/USER and no password-database entry (a bare container)
        pass
    getuid = getattr(os, "getuid", None)
    if getuid is None:
        raise ConventioError(
            "cannot tell who records this event: give --actor NAME or set CONVENTIO_ACTOR"
        )
    return f"uid {getuid()}"


def database_user(connection: sa.Connection) -> str | None:
    """On PostgreSQL, the user the server authenticated for this
    connection; None on SQLite, which has no users."""
    if connection.dialect.name != "postgresql":
        return None
    return connection.execute(sa.select(sa.func.current_user())).scalar()
