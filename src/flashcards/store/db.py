"""Engine factory, per-connection pragmas, migrations on open, transactions.

Writes go through `Store.write()`, which begins with BEGIN IMMEDIATE so that
`busy_timeout` can make a second writer wait instead of failing.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.exc import DatabaseError, DBAPIError, IntegrityError

from flashcards.errors import StoreError
from flashcards.store import migrations

BUSY_TIMEOUT_MS = 15_000


def _set_pragmas(dbapi_conn: sqlite3.Connection, _record: Any) -> None:
    dbapi_conn.isolation_level = None  # we issue BEGIN/COMMIT ourselves
    cur = dbapi_conn.cursor()
    cur.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    cur.execute("PRAGMA foreign_keys = ON")
    cur.execute("PRAGMA journal_mode = WAL")
    cur.execute("PRAGMA synchronous = FULL")
    cur.close()


class Store:
    """An open store: one SQLite file, migrated to the current schema."""

    def __init__(self, path: Path, engine: Engine) -> None:
        self.path = path
        self.engine = engine

    @contextmanager
    def write(self) -> Iterator[Connection]:
        """One write transaction: committed on success, rolled back on any exception."""
        try:
            with self.engine.connect() as conn:
                conn.exec_driver_sql("BEGIN IMMEDIATE")
                try:
                    yield conn
                except BaseException:
                    with suppress(DBAPIError):  # SQLite may have rolled back already
                        conn.exec_driver_sql("ROLLBACK")
                    raise
                conn.exec_driver_sql("COMMIT")
        except (IntegrityError, sqlite3.IntegrityError):
            raise
        except (DatabaseError, sqlite3.DatabaseError) as exc:
            raise store_error(exc, self.path) from None

    @contextmanager
    def read(self) -> Iterator[Connection]:
        """One read transaction: a consistent snapshot for several queries."""
        try:
            with self.engine.connect() as conn:
                conn.exec_driver_sql("BEGIN")
                try:
                    yield conn
                finally:
                    with suppress(DBAPIError):
                        conn.exec_driver_sql("ROLLBACK")
        except (IntegrityError, sqlite3.IntegrityError):
            raise
        except (DatabaseError, sqlite3.DatabaseError) as exc:
            raise store_error(exc, self.path) from None

    def close(self) -> None:
        self.engine.dispose()


_MESSAGES = (
    ("database or disk is full", "the disk is full; nothing of this change was saved "
     "(free some space and try again)"),
    ("readonly database", "the store is read-only (check the permissions of the file "
     "and its folder); nothing of this change was saved"),
    ("unable to open database file", "cannot open the file (check that the folder exists "
     "and that you may write to it)"),
    ("database is locked", "another flashcards process kept the store busy for too long; "
     "nothing of this change was saved, try again"),
    ("disk i/o error", "the disk reported an input/output error; nothing of this change "
     "was saved"),
    ("not a database", "the file is damaged or not a flashcards store; run `flashcards "
     "check`, or `flashcards restore` to go back to a backup"),
    ("malformed", "the file is damaged; run `flashcards check`, or `flashcards restore` "
     "to go back to a backup"),
)


def store_error(exc: BaseException, path: Path) -> StoreError:
    """One clear message for an SQLite failure (disk full, read-only, locked, ...)."""
    orig = getattr(exc, "orig", None) or exc
    text = str(orig).strip()
    for needle, message in _MESSAGES:
        if needle in text.lower():
            return StoreError(f"store {path}: {message}")
    return StoreError(f"store {path}: {text}")


def _check_file(path: Path) -> None:
    if path.is_dir():
        raise StoreError(f"cannot open store {path}: it is a directory")
    if not path.parent.is_dir():
        raise StoreError(f"cannot open store {path}: folder {path.parent} does not exist")
    if path.exists():
        with path.open("rb") as fh:
            head = fh.read(16)
        if head and head != b"SQLite format 3\x00":
            raise StoreError(f"cannot open store {path}: not a flashcards database (not SQLite)"
                             "; if it was your store, `flashcards restore` lists its backups")


def migrate(conn: sqlite3.Connection, path: Path) -> int:
    """Bring the schema up to date; refuse a database made by a newer version."""
    version = int(conn.execute("PRAGMA user_version").fetchone()[0])
    if version > migrations.LATEST:
        raise StoreError(
            f"store {path} was made by a newer flashcards (schema {version}, this version "
            f"knows up to {migrations.LATEST}); upgrade flashcards to open it"
        )
    for number in range(version + 1, migrations.LATEST + 1):
        conn.execute("BEGIN IMMEDIATE")
        try:
            if int(conn.execute("PRAGMA user_version").fetchone()[0]) >= number:
                conn.execute("ROLLBACK")  # another process got there first
                continue
            migrations.MIGRATIONS[number - 1](conn)
            conn.execute(f"PRAGMA user_version = {number}")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")
    return version


def _migration_pending(conn: sqlite3.Connection) -> bool:
    """An existing, non-empty store whose schema is older than this code's."""
    return 0 < int(conn.execute("PRAGMA user_version").fetchone()[0]) < migrations.LATEST


def open_store(path: Path, *, create_dirs: bool = False,
               before_migrate: Callable[[Path], object] | None = None) -> Store:
    """Open (creating if needed) and migrate the store at `path`. `before_migrate(path)`
    runs first when a migration is pending on an existing store (the CLI backs it up)."""
    path = Path(path).expanduser()
    if create_dirs:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(f"cannot create folder {path.parent}: {exc.strerror}") from None
    _check_file(path)
    engine = create_engine(f"sqlite:///{path}")
    event.listen(engine, "connect", _set_pragmas)
    try:
        with engine.connect() as conn:
            raw = conn.connection.dbapi_connection
            assert isinstance(raw, sqlite3.Connection)
            if before_migrate is not None and _migration_pending(raw):
                before_migrate(path)
            migrate(raw, path)
    except (DBAPIError, sqlite3.DatabaseError) as exc:
        engine.dispose()
        raise store_error(exc, path) from None
    except StoreError:
        engine.dispose()
        raise
    return Store(path, engine)
