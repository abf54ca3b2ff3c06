"""The store's connection, pragmas, migrations on open, and transactions.

A store holds one SQLite connection (sqlite3, standard library), and every query runs on
it in a transaction (`raw_read`, `raw_write`): no command imports SQLAlchemy or SQLModel
(about 0.4 s, more than the rest of a review's start). The SQLModel tables in models.py
declare the schema the migrations make: a test holds the two together, and `check` holds
a store to it (check._missing_columns).

Writes begin with BEGIN IMMEDIATE so that `busy_timeout` can make a second writer wait
instead of failing.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

from flashcards.domain.errors import StoreError
from flashcards.store import migrations

BUSY_TIMEOUT_MS = 15_000
RawConnection = sqlite3.Connection  # for type hints in the layers above (no sqlite3 there)


def _connect(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(path, isolation_level=None)  # we issue BEGIN/COMMIT ourselves
    try:
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = FULL")
    except BaseException:
        conn.close()
        raise
    return conn


class Store:
    """An open store: one SQLite file, migrated to the current schema."""

    def __init__(self, path: Path, conn: sqlite3.Connection) -> None:
        self.path = path
        self._conn = conn

    @contextmanager
    def raw_write(self) -> Iterator[sqlite3.Connection]:
        """One write transaction on the sqlite3 connection: committed on success, rolled
        back on any exception (Ctrl-C included) or a failed commit."""
        conn = self._conn
        try:
            conn.execute("BEGIN IMMEDIATE")
            try:
                yield conn
                conn.execute("COMMIT")
            except BaseException:
                with suppress(sqlite3.Error):  # SQLite may have rolled back already
                    conn.execute("ROLLBACK")
                raise
        except sqlite3.IntegrityError:
            raise
        except sqlite3.DatabaseError as exc:
            raise store_error(exc, self.path) from None

    @contextmanager
    def raw_read(self) -> Iterator[sqlite3.Connection]:
        """One read transaction on the sqlite3 connection: a consistent snapshot."""
        conn = self._conn
        try:
            conn.execute("BEGIN")
            try:
                yield conn
            finally:
                with suppress(sqlite3.Error):
                    conn.execute("ROLLBACK")
        except sqlite3.IntegrityError:
            raise
        except sqlite3.DatabaseError as exc:
            raise store_error(exc, self.path) from None

    def close(self) -> None:
        self._conn.close()


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
        open_store_dir(path)
    _check_file(path)
    conn: sqlite3.Connection | None = None
    try:
        conn = _connect(path)
        if before_migrate is not None and _migration_pending(conn):
            before_migrate(path)
        migrate(conn, path)
    except sqlite3.DatabaseError as exc:
        if conn is not None:
            conn.close()
        raise store_error(exc, path) from None
    except BaseException:
        if conn is not None:
            conn.close()
        raise
    return Store(path, conn)


def open_store_dir(path: Path) -> None:
    """Create the folder of the store at `path` (the default store's, on first use)."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StoreError(f"cannot create folder {path.parent}: {exc.strerror}") from None


@contextmanager
def store_for_change(path: Path, *, create_dirs: bool = False,
                     before_migrate: Callable[[Path], object] | None = None
                     ) -> Iterator[Store]:
    """The store at `path`, open for the block (an import), closed after it. A store
    that does not exist yet is made beside its place and moved there once the block
    has ended without an error: a failed or interrupted import leaves no store behind,
    and no other process sees one half-made."""
    path = Path(path).expanduser()
    _sweep_drafts(path)
    if path.exists():
        store = open_store(path, create_dirs=create_dirs, before_migrate=before_migrate)
        try:
            yield store
        finally:
            store.close()
        return
    if create_dirs:
        open_store_dir(path)
    _check_file(path)
    draft = path.with_name(f".{path.name}.{os.getpid()}.new")
    try:
        store = open_store(draft)
        try:
            yield store
        finally:
            store.close()  # (the last connection: SQLite folds its WAL in and deletes it)
        _move_new(draft, path)
    except StoreError as exc:  # (its message names the store, not the file made for it)
        raise StoreError(str(exc).replace(str(draft), str(path))) from None
    finally:
        for leftover in (draft, *(draft.with_name(draft.name + end) for end in _SIDE_FILES)):
            leftover.unlink(missing_ok=True)


_SIDE_FILES = ("-wal", "-shm", "-journal")


def _sweep_drafts(path: Path) -> None:
    """Remove the half-made stores of imports whose process is gone (killed with
    SIGKILL, or the machine lost power): '.store.db.<pid>.new' and its side files. A
    draft whose process still runs is another import at work, and is left alone. (Only
    where signal 0 asks whether a process lives: on Windows os.kill would end it.)"""
    if os.name != "posix":
        return
    lead = f".{path.name}."
    try:  # (not a glob: a store's name may hold "[" or "*")
        drafts = [p for p in path.parent.iterdir() if p.name.startswith(lead)]
    except OSError:
        return
    for draft in drafts:
        pid, _, rest = draft.name[len(lead):].partition(".")
        if not pid.isdigit() or not rest.startswith("new") or _alive(int(pid)):
            continue
        draft.unlink(missing_ok=True)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # (another user's process, or no signals here: assume it runs)
        return True
    try:  # a killed process not yet reaped by its parent answers signal 0 too
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return True
    return stat.rsplit(")", 1)[-1].split()[:1] != ["Z"]


def _move_new(draft: Path, path: Path) -> None:
    """Give the finished store its name, unless a store of that name appeared meanwhile."""
    taken = StoreError(f"{path}: another process created the store during this change; "
                       "nothing was changed (run the command again)")
    try:
        os.link(draft, path)  # (fails if the name is taken: never overwrites)
    except FileExistsError:
        raise taken from None
    except OSError:  # a file system without hard links
        if path.exists():
            raise taken from None
        os.replace(draft, path)
