"""What every command shares: the store path, the clock, the settings, the console."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from flashcards.cli import config
from flashcards.domain.days import study_day
from flashcards.domain.errors import FlashcardsError

if TYPE_CHECKING:
    from rich.console import Console

    from flashcards.scheduler.exam import Exam
    from flashcards.service.review import ExamRule, Scheduling
    from flashcards.store import Store


@dataclass
class _State:
    db: Path | None = None


STATE = _State()


def db_path() -> Path:
    return STATE.db if STATE.db is not None else config.default_db_path()


def open_store() -> Store:
    """Open the store named by --db / FLASHCARDS_DB, or the default one."""
    from flashcards.store import open_store as _open

    return _open(db_path(), create_dirs=STATE.db is None, before_migrate=_before_migrate)


@contextmanager
def store_for_change() -> Iterator[Store]:
    """The store, open for a bulk change (an import); one that does not exist yet comes
    into being only when the change succeeds (store.db.store_for_change)."""
    from flashcards.store.db import store_for_change as _open

    with _open(db_path(), create_dirs=STATE.db is None,
               before_migrate=_before_migrate) as store:
        yield store


def _before_migrate(path: Path) -> None:
    auto_backup("migration")


def settings() -> config.Settings:
    return config.load()


def auto_backup(reason: str = "interval") -> None:
    """The automatic backup (service.maintenance.auto_backup) of the current store.

    Call it BEFORE an import or prune (reason "import" / "prune"): if the backup fails,
    the command stops with a clear error and changes nothing. Call it AFTER a command
    that may have changed the store (reviews, undo; reason "interval"): a backup is made
    when `backup_interval_minutes` have passed and the store changed; a failure is only
    a warning, since the change itself is already saved."""
    from flashcards.service import maintenance

    try:
        maintenance.auto_backup(db_path(), reason, now(), settings().backup_interval_minutes)
    except FlashcardsError as exc:
        if reason in maintenance.FORCED:
            raise FlashcardsError(
                f"cannot back up the store before {reason}, so nothing was changed: {exc}"
            ) from None
        import sys

        sys.stderr.write(f"flashcards: warning: automatic backup failed: {exc}\n")


@contextmanager
def bulk_work() -> Iterator[None]:
    """Pause Python's cyclic garbage collector for bulk reading and writing (an import).
    Such work makes hundreds of thousands of small objects, none of them garbage in
    cycles, and the collector would otherwise walk the growing heap again and again: about
    a tenth of the time of a large import. Reference counting still frees everything."""
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def now() -> datetime:
    """The one clock: the current time, timezone-aware (local zone).

    `FLASHCARDS_NOW` (ISO 8601, with or without an offset) fixes it for tests and
    simulations; a naive value is taken as local time. Nothing below the CLI reads the
    clock: every layer takes times as arguments."""
    import os

    fixed = os.environ.get("FLASHCARDS_NOW")
    if fixed:
        try:
            value = datetime.fromisoformat(fixed.strip())
        except ValueError:
            raise FlashcardsError(
                f"FLASHCARDS_NOW: not an ISO 8601 date-time: {fixed!r}") from None
        return value.astimezone()
    return datetime.now().astimezone()


def today(moment: datetime | None = None) -> date:
    return study_day(moment or now(), settings().day_start_hour)


def console(stderr: bool = False) -> Console:
    """A console for our output, as the environment asks: NO_COLOR, COLUMNS, LINES."""
    import os

    from flashcards.ui.terminal import make_console

    def number(name: str) -> int | None:
        value = os.environ.get(name, "")
        return int(value) if value.isdigit() else None

    return make_console(stderr=stderr, no_color=bool(os.environ.get("NO_COLOR")),
                        columns=number("COLUMNS"), lines=number("LINES"))


def exam(store: Store) -> tuple[ExamRule | None, Exam | None]:
    """Exam-date mode from the settings (exam_date, exam_final_days, exam_decks), or
    (None, None) when it is off."""
    from datetime import date as date_

    from flashcards import service
    from flashcards.scheduler.exam import Exam

    chosen = settings()
    if not chosen.exam_date:
        return None, None
    day = Exam(date_.fromisoformat(chosen.exam_date), chosen.exam_final_days)
    decks = [d.strip() for d in chosen.exam_decks.split(",") if d.strip()]
    try:
        return service.exam_rule(store, day, decks), day
    except FlashcardsError as exc:
        raise FlashcardsError(f"setting exam_decks: {exc}") from None


def scheduling(store: Store) -> Scheduling:
    """The scheduler from the settings (scheduler, desired_retention), with the store's
    FSRS model; switching to FSRS reads missing memory states from the log first."""
    from flashcards.service.scheduling import scheduling as chosen

    current = settings()
    return chosen(store, current.scheduler, current.desired_retention)
