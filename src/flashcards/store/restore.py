"""Restoring the store from a backup, safely while other processes have it open.

The current store is backed up first (a damaged one is kept byte for byte), the backup's
content (decompressed first, for a `.db.zst` one) is copied in through SQLite's backup
API, and no backup is ever thinned away.
Times are arguments: nothing here reads the clock.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from flashcards.domain.errors import FlashcardsError, NotFoundError, StoreError
from flashcards.domain.files import atomic_path, atomic_write
from flashcards.store import compress
from flashcards.store.backup import (
    Backup,
    _connect,
    _copy,
    _free_name,
    backup_dir,
    has_data,
    list_backups,
    make_backup,
    quick_check,
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


@contextlib.contextmanager
def checked_backup(backup_path: Path, store_path: Path) -> Iterator[Path]:
    """The backup to restore into the store, as an SQLite file found sound (quick_check)
    and ours, for the length of the block: the file itself, or a compressed one
    decompressed into a temp file beside the store."""
    backup_path, store_path = Path(backup_path), Path(store_path)
    _check_target(store_path, backup_path)
    with compress.as_database(backup_path, store_path.parent) as plain:
        _validate(plain, backup_path)
        yield plain


def _check_target(store_path: Path, backup_path: Path) -> None:
    if store_path.resolve() == backup_path.resolve():
        raise FlashcardsError("cannot restore a store onto itself")
    if not store_path.parent.is_dir():
        raise StoreError(f"cannot restore: folder {store_path.parent} does not exist")


def _validate(plain: Path, shown: Path) -> int:
    """Check an SQLite file is a sound flashcards database; return its schema version.
    Errors name `shown`, the backup as given."""
    from flashcards.store.migrations import LATEST

    try:
        conn = _connect(plain, readonly=True)
        try:
            result = conn.execute("PRAGMA quick_check").fetchone()[0]
            version = int(conn.execute("PRAGMA user_version").fetchone()[0])
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
        finally:
            conn.close()
    except sqlite3.Error as exc:
        raise StoreError(f"{shown}: not a usable backup: {exc}") from None
    if result != "ok":
        raise StoreError(f"{shown}: the backup is damaged ({result}); choose another")
    if not {"deck", "card", "review"} <= tables or not 1 <= version:
        raise StoreError(f"{shown}: not a flashcards backup")
    if version > LATEST:
        raise StoreError(f"{shown}: made by a newer flashcards (schema {version}); upgrade first")
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

    target = _free_name(store_path, now, ".damaged.db")
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


def restore(store_path: Path, backup_path: Path, now: datetime, *,
            checked: Path | None = None) -> Restored:
    """Replace the store's content with a backup's, through the backup API (safe while
    other processes have the store open); a compressed backup is decompressed into a temp
    file beside the store first (`checked`: that file, from checked_backup, to not do it
    twice). The current store is backed up first (a damaged one is kept byte for byte); no
    backup is ever thinned away by a restore."""
    store_path, backup_path = Path(store_path), Path(backup_path)
    if checked is not None:
        _check_target(store_path, backup_path)
        return _restore_from(checked, store_path, backup_path, now)
    with checked_backup(backup_path, store_path) as plain:
        return _restore_from(plain, store_path, backup_path, now)


def _restore_from(plain: Path, store_path: Path, backup_path: Path,
                  now: datetime) -> Restored:
    saved, damaged = _save_current(store_path, now)
    try:
        _bring_in(plain, store_path, damaged is not None)
    except (sqlite3.Error, OSError) as exc:
        kept = saved.path if saved else damaged
        hint = f" (the store as it was is in {kept})" if kept else ""
        raise StoreError(f"cannot restore {backup_path} into {store_path}: {exc}{hint}"
                         ) from None
    return Restored(backup_path, saved, damaged)


def _save_current(store_path: Path, now: datetime) -> tuple[Backup | None, Path | None]:
    """Back the store up (a damaged one: keep it byte for byte): (backup, damaged copy)."""
    if not has_data(store_path):
        return None, None
    try:
        return make_backup(store_path, now), None
    except StoreError:
        if not _is_damaged(store_path):
            raise
        return None, _keep_damaged(store_path, now)


def _bring_in(plain: Path, store_path: Path, damaged: bool) -> None:
    """Copy the backup (an SQLite file) into the store, and check the result."""
    try:
        _copy_in(plain, store_path)
    except sqlite3.DatabaseError:
        if not damaged and not _is_damaged(store_path):
            raise
        _replace_file(plain, store_path)
    result = quick_check(store_path, readonly=False)
    if result != "ok":
        raise StoreError(f"restored store fails its check: {result}")
