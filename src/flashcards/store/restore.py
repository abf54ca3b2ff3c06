"""Restoring the store from a backup, safely while other processes have it open.

The current store is backed up first (a damaged one is kept byte for byte), the backup's
content is copied in through SQLite's backup API, and no backup is ever thinned away.
Times are arguments: nothing here reads the clock.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from flashcards.domain.errors import FlashcardsError, NotFoundError, StoreError
from flashcards.domain.files import atomic_path, atomic_write
from flashcards.store.backup import (
    Backup,
    _connect,
    _copy,
    _free_name,
    backup_dir,
    has_data,
    list_backups,
    make_backup,
)


def find_backup(store_path: Path, name: str) -> Path:
    """A backup named by its file name (from the list), "latest", or a path."""
    backups = list_backups(store_path)
    if name == "latest":
        if not backups:
            raise NotFoundError(f"no backups yet in {backup_dir(store_path)}")
        return backups[-1].path
    for backup in backups:
        if backup.name == name:
            return backup.path
    path = Path(name).expanduser()
    if path.is_file():
        return path
    known = ", ".join(b.name for b in reversed(backups[-3:])) or "none yet"
    raise NotFoundError(f"no backup named {name!r} (latest first: {known})")


def validate_backup(path: Path) -> int:
    """Check a file is a sound flashcards database; return its schema version."""
    from flashcards.store.migrations import LATEST

    try:
        conn = _connect(path, readonly=True)
        try:
            result = conn.execute("PRAGMA quick_check").fetchone()[0]
            version = int(conn.execute("PRAGMA user_version").fetchone()[0])
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
        finally:
            conn.close()
    except sqlite3.Error as exc:
        raise StoreError(f"{path}: not a usable backup: {exc}") from None
    if result != "ok":
        raise StoreError(f"{path}: the backup is damaged ({result}); choose another")
    if not {"deck", "card", "review"} <= tables or not 1 <= version:
        raise StoreError(f"{path}: not a flashcards backup")
    if version > LATEST:
        raise StoreError(f"{path}: made by a newer flashcards (schema {version}); upgrade first")
    return version


@dataclass(frozen=True)
class Restored:
    source: Path
    saved_current: Backup | None  # the backup of the store as it was before the restore
    damaged_copy: Path | None = None  # a damaged store, kept byte for byte instead


def _is_damaged(path: Path) -> bool:
    """SQLite finds the file itself damaged (not merely locked or unreadable)."""
    try:
        conn = _connect(path, readonly=True)
        try:
            return bool(conn.execute("PRAGMA quick_check").fetchone()[0] != "ok")
        finally:
            conn.close()
    except sqlite3.OperationalError:
        return False
    except sqlite3.DatabaseError:
        return True


def _keep_damaged(store_path: Path, now: datetime) -> Path:
    """A byte copy of a damaged store (and its WAL): the backup API cannot read it. The
    name keeps it out of the list of backups to restore."""
    import shutil

    target = _free_name(store_path, now).with_suffix(".damaged.db")
    try:
        target.parent.mkdir(exist_ok=True)
        for suffix in ("", "-wal"):
            part = Path(f"{store_path}{suffix}")
            if part.exists():
                with part.open("rb") as src, atomic_write(f"{target}{suffix}") as out:
                    shutil.copyfileobj(src, out)
    except OSError as exc:
        raise StoreError(f"cannot keep a copy of the damaged store: {exc.strerror}") from None
    return target


def _copy_in(backup_path: Path, store_path: Path) -> None:
    """The backup API into the live store: one transaction, safe with other readers."""
    src = _connect(backup_path, readonly=True)
    try:
        dst = _connect(store_path)
        try:
            src.backup(dst)
            dst.execute("PRAGMA journal_mode = WAL")
        finally:
            dst.close()
    finally:
        src.close()


def _replace_file(backup_path: Path, store_path: Path) -> None:
    """For a damaged store the backup API cannot write into: build the new store beside
    it, then swap the files (its stale WAL removed first, or SQLite would replay it)."""
    with atomic_path(store_path) as temp:
        _copy(backup_path, temp)
        for suffix in ("-wal", "-shm"):
            Path(f"{store_path}{suffix}").unlink(missing_ok=True)


def restore(store_path: Path, backup_path: Path, now: datetime) -> Restored:
    """Replace the store's content with a backup's, through the backup API (safe while
    other processes have the store open). The current store is backed up first (a
    damaged one is kept byte for byte); no backup is ever thinned away by a restore."""
    store_path, backup_path = Path(store_path), Path(backup_path)
    validate_backup(backup_path)
    if store_path.resolve() == backup_path.resolve():
        raise FlashcardsError("cannot restore a store onto itself")
    if not store_path.parent.is_dir():
        raise StoreError(f"cannot restore: folder {store_path.parent} does not exist")
    saved, damaged = None, None
    if has_data(store_path):
        try:
            saved = make_backup(store_path, now)
        except StoreError:
            if not _is_damaged(store_path):
                raise
            damaged = _keep_damaged(store_path, now)
    try:
        try:
            _copy_in(backup_path, store_path)
        except sqlite3.DatabaseError:
            if damaged is None and not _is_damaged(store_path):
                raise
            _replace_file(backup_path, store_path)
        conn = _connect(store_path)
        try:
            result = conn.execute("PRAGMA quick_check").fetchone()[0]
        finally:
            conn.close()
    except (sqlite3.Error, OSError) as exc:
        kept = saved.path if saved else damaged
        hint = f" (the store as it was is in {kept})" if kept else ""
        raise StoreError(f"cannot restore {backup_path} into {store_path}: {exc}{hint}") from None
    if result != "ok":
        raise StoreError(f"restored store fails its check: {result}")
    return Restored(backup_path, saved, damaged)
