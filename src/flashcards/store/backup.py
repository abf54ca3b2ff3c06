"""Backups of the store: make one, list them, delete one (restoring one: restore.py; the
policy of when to take and which to keep: service/maintenance.py).

A backup is a consistent snapshot taken with SQLite's online backup API (never a raw copy
of a live WAL database) into a temp file, then compressed with zstd (store/compress.py)
through domain.files.atomic_write, so a backup that has its final name is always
complete; then it is verified: decompressed again and checked by SQLite (quick_check). A
backup that fails is deleted. Backups live in a `backups/` folder beside the store and are
named by UTC time: `<store stem>-2026-03-02T090000Z.db.zst`; older versions wrote
uncompressed `.db` ones, still listed, thinned and restored alongside.

Times are arguments: nothing here reads the clock.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from flashcards.domain.errors import NotFoundError, StoreError
from flashcards.domain.files import scratch_file
from flashcards.store import compress
from flashcards.store.db import BUSY_TIMEOUT_MS

_STAMP = "%Y-%m-%dT%H%M%S"


@dataclass(frozen=True)
class Backup:
    path: Path
    taken_at: datetime  # UTC, from the name
    size: int
    seq: int = 0  # several backups in one second: name-2026-03-02T090000Z-1.db.zst, ...

    @property
    def moment(self) -> datetime:
        """The time as a distinct sort key (the sequence number as microseconds)."""
        return self.taken_at + timedelta(microseconds=self.seq)

    @property
    def name(self) -> str:
        return self.path.name


def backup_dir(store_path: Path) -> Path:
    return Path(store_path).parent / "backups"


def _pattern(store_path: Path) -> re.Pattern[str]:
    stem = re.escape(Path(store_path).stem)
    return re.compile(rf"^{stem}-(\d{{4}}-\d\d-\d\dT\d{{6}})Z(?:-(\d+))?\.db(?:\.zst)?$")


def parse_name(store_path: Path, name: str) -> tuple[datetime, int] | None:
    """(UTC time, sequence number) of a backup file name of this store, or None."""
    match = _pattern(store_path).match(name)
    if not match:
        return None
    try:
        taken = datetime.strptime(match.group(1), _STAMP).replace(tzinfo=UTC)
    except ValueError:
        return None
    return taken, int(match.group(2) or 0)


def list_backups(store_path: Path) -> list[Backup]:
    """This store's backups, oldest first."""
    folder = backup_dir(store_path)
    found: list[tuple[datetime, int, Backup]] = []
    try:
        entries = list(os.scandir(folder))
    except (FileNotFoundError, NotADirectoryError):
        return []
    except OSError as exc:
        raise StoreError(f"cannot list backups in {folder}: {exc.strerror}") from None
    for entry in entries:
        parsed = parse_name(store_path, entry.name)
        if parsed and entry.is_file():
            backup = Backup(Path(entry.path), parsed[0], entry.stat().st_size, parsed[1])
            found.append((parsed[0], parsed[1], backup))
    found.sort(key=lambda item: (item[0], item[1]))
    return [b for _, _, b in found]


def _connect(path: Path, *, readonly: bool = False) -> sqlite3.Connection:
    if readonly:
        from urllib.parse import quote

        conn = sqlite3.connect(f"file:{quote(str(path))}?mode=ro", uri=True,
                               isolation_level=None)
    else:
        conn = sqlite3.connect(path, isolation_level=None)
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    return conn


_STALE_SECONDS = 3600  # a live backup rewrites its temp files far more often than this


def _clear_stale_temps(store_path: Path, fresh: Path) -> None:
    """Remove the temp files (and SQLite journals) of backups killed half-way (SIGKILL,
    power cut): those an hour older than `fresh`, a file just made (the file system's
    clock, not ours)."""
    import glob

    oldest = fresh.stat().st_mtime - _STALE_SECONDS
    for entry in fresh.parent.glob(f".{glob.escape(Path(store_path).stem)}-*.tmp*"):
        with contextlib.suppress(OSError):
            if entry.stat().st_mtime < oldest:
                entry.unlink()


_KINDS = (".db.zst", ".db", ".damaged.db")  # what a backup's base name may end with


def _free_name(store_path: Path, now: datetime, kind: str = ".db.zst") -> Path:
    """The first name for a backup taken `now` that no backup of any kind has."""
    folder = backup_dir(store_path)
    base = f"{Path(store_path).stem}-{now.astimezone(UTC).strftime(_STAMP)}Z"
    stem, n = base, 0
    while any((folder / f"{stem}{other}").exists() for other in _KINDS):
        n += 1
        stem = f"{base}-{n}"
    return folder / f"{stem}{kind}"


def has_data(store_path: Path) -> bool:
    """True when the store exists and holds at least one deck."""
    path = Path(store_path)
    if not path.is_file() or path.stat().st_size == 0:
        return False
    try:
        conn = _connect(path)
        try:
            if not conn.execute("PRAGMA user_version").fetchone()[0]:
                return False
            return conn.execute("SELECT 1 FROM deck LIMIT 1").fetchone() is not None
        finally:
            conn.close()
    except sqlite3.Error:
        return True  # something is there; back it up rather than guess


def make_backup(store_path: Path, now: datetime) -> Backup:
    """Take a consistent snapshot of the store now (other processes may keep writing),
    compress it, and verify that it decompresses to a sound database."""
    store_path = Path(store_path)
    if not store_path.is_file():
        raise NotFoundError(f"no store at {store_path}: nothing to back up")
    folder = backup_dir(store_path)
    try:
        folder.mkdir(exist_ok=True)
        target = _free_name(store_path, now)
        with scratch_file(folder, target.name) as snapshot:
            _clear_stale_temps(store_path, snapshot)
            _copy(store_path, snapshot)
            compress.compress(snapshot, target, _note(snapshot))
    except OSError as exc:
        raise StoreError(f"cannot write a backup in {folder}: {exc.strerror}") from None
    except sqlite3.Error as exc:
        raise StoreError(f"cannot back up {store_path}: {exc}") from None
    _verify(target)
    parsed = parse_name(store_path, target.name)
    if parsed is None:
        raise StoreError(f"backup {target} has a name this version cannot read")
    return Backup(target, parsed[0], target.stat().st_size, parsed[1])


def _verify(made: Path) -> None:
    """Decompress a new backup (beside it) and run quick_check on the result; one that
    does not come back as a sound database is deleted, and the backup fails."""
    try:
        with compress.as_database(made, made.parent) as plain:
            result = quick_check(plain)
    except (StoreError, sqlite3.Error) as exc:
        result = str(exc)
    if result != "ok":
        made.unlink(missing_ok=True)
        raise StoreError(f"the backup failed verification and was deleted ({result}); "
                         "the store itself is unchanged")


def quick_check(path: Path, *, readonly: bool = True) -> str:
    """SQLite's quick_check of a database file: "ok" or the first problem."""
    conn = _connect(path, readonly=readonly)
    try:
        return str(conn.execute("PRAGMA quick_check").fetchone()[0])
    finally:
        conn.close()


def _copy(source: Path, target: Path) -> None:
    """The backup API, in one step: the copy is one read transaction, a consistent view."""
    src = _connect(source)
    try:
        dst = sqlite3.connect(target, isolation_level=None)
        try:
            src.backup(dst)
            dst.execute("PRAGMA journal_mode = DELETE")  # a backup is one self-contained file
        finally:
            dst.close()
    finally:
        src.close()


def fingerprint(path: Path) -> str | None:
    """A cheap summary of a store's content that changes whenever an answer, an undo, an
    import or an edit does: compared between the store and its newest backup. Content,
    not file times, so it works across processes, WAL files and fixed test clocks. A
    compressed backup carries the one of its snapshot in its note: read, not decompressed
    (a few bytes instead of ~0.3 s per 100 MB of store)."""
    path = Path(path)
    if compress.is_compressed(path):
        return _noted_fingerprint(path)
    try:
        conn = _connect(path, readonly=True)
    except sqlite3.Error:
        return None
    try:
        conn.execute("BEGIN")
        return json.dumps(_summary(conn))
    except sqlite3.Error:
        return None
    finally:
        conn.close()


def _summary(conn: sqlite3.Connection) -> list[object]:
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    if not version:
        return [version]
    return [
        version,
        *conn.execute("SELECT count(*), max(id) FROM deck").fetchone(),
        *conn.execute("SELECT count(*), max(id), max(updated_at) FROM card").fetchone(),
        # the newest review (an answer adds one, an undo removes it): O(1), where a
        # count over a million reviews would cost ~0.1 s on every command
        conn.execute("SELECT id, card_id, reviewed_at, grade FROM review "
                     "ORDER BY id DESC LIMIT 1").fetchone(),
    ]


def _note(snapshot: Path) -> str:
    """What a compressed backup records about itself, as JSON."""
    return json.dumps({"fingerprint": fingerprint(snapshot)})


def _noted_fingerprint(path: Path) -> str | None:
    try:
        value = json.loads(compress.read_note(path) or "null")
    except ValueError:
        return None
    found = value.get("fingerprint") if isinstance(value, dict) else None
    return found if isinstance(found, str) else None
