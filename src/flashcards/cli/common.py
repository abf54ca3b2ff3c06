"""What every command shares: the store path, the clock, the settings, the console."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from flashcards import clock, config

if TYPE_CHECKING:
    from rich.console import Console

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

    return _open(db_path(), create_dirs=STATE.db is None)


def settings() -> config.Settings:
    return config.load()


def now() -> datetime:
    return clock.now()


def today(moment: datetime | None = None) -> date:
    return clock.study_day(moment or clock.now(), settings().day_start_hour)


def console(stderr: bool = False) -> Console:
    from flashcards.ui.terminal import make_console

    return make_console(stderr=stderr)
