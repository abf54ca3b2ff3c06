"""Settings: a TOML file in the platform config dir (or FLASHCARDS_CONFIG), with defaults.

Standard library (plus platformdirs) only; importable by any layer.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

from flashcards.domain.errors import FlashcardsError
from flashcards.domain.files import atomic_write

APP_NAME = "flashcards"


@dataclass(frozen=True)
class Settings:
    new_per_day: int = 20
    day_start_hour: int = 4
    backup_interval_minutes: int = 30
    default_deck: str = ""
    decks_dir: str = ""  # where `add` keeps its deck files; "" = decks/ in the data dir
    leech_threshold: int = 8  # lapses that make a card a leech (Anki's default)
    leech_action: str = "suspend"  # suspend | tag
    exam_date: str = ""  # YYYY-MM-DD: no card is scheduled past it; "" turns it off
    exam_decks: str = ""  # comma-separated deck names the exam covers; "" = all
    exam_final_days: int = 3  # every card comes back in these last days before the exam
    daily_minutes: int = 60  # the study time a day that `plan` checks the load against
    scheduler: str = "sm2"  # sm2 | fsrs
    desired_retention: float = 0.9  # FSRS: the chance of recall each review aims at


_LIMITS: dict[str, tuple[int, int]] = {
    "new_per_day": (0, 10_000),
    "day_start_hour": (0, 23),
    "backup_interval_minutes": (0, 7 * 24 * 60),
    "leech_threshold": (1, 1000),
    "exam_final_days": (1, 60),
    "daily_minutes": (1, 24 * 60),
}
_FRACTIONS: dict[str, tuple[float, float]] = {"desired_retention": (0.7, 0.99)}
_CHOICES: dict[str, tuple[str, ...]] = {"leech_action": ("suspend", "tag"),
                                        "scheduler": ("sm2", "fsrs")}


def config_path() -> Path:
    override = os.environ.get("FLASHCARDS_CONFIG")
    if override:
        return Path(override)
    from platformdirs import user_config_dir

    return Path(user_config_dir(APP_NAME, appauthor=False)) / "config.toml"


def data_dir() -> Path:
    override = os.environ.get("FLASHCARDS_DATA_DIR")
    if override:
        return Path(override)
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME, appauthor=False))


def default_db_path() -> Path:
    return data_dir() / "flashcards.db"


def coerce(key: str, value: object) -> object:
    """Check one setting's value; raise a clear error naming the key."""
    names = {f.name: f for f in fields(Settings)}
    if key not in names:
        raise FlashcardsError(f"unknown setting {key!r} (known: {', '.join(names)})")
    if key in _LIMITS:
        if isinstance(value, str):
            try:
                value = int(value.strip())
            except ValueError:
                raise FlashcardsError(
                    f"setting {key}: expected a whole number, not {value!r}") from None
        if isinstance(value, bool) or not isinstance(value, int):
            raise FlashcardsError(f"setting {key}: expected a whole number, not {value!r}")
        low, high = _LIMITS[key]
        if not low <= value <= high:
            raise FlashcardsError(f"setting {key}: {value} is outside {low}..{high}")
        return value
    if key in _FRACTIONS:
        return _fraction(key, value)
    if not isinstance(value, str):
        raise FlashcardsError(f"setting {key}: expected text, not {value!r}")
    if key == "exam_date" and value.strip():
        from datetime import date

        try:
            return date.fromisoformat(value.strip()).isoformat()
        except ValueError:
            raise FlashcardsError(f"setting exam_date: {value!r} is not a date like "
                                  "2027-05-23 ('' turns exam mode off)") from None
    if key in _CHOICES and value not in _CHOICES[key]:
        raise FlashcardsError(f"setting {key}: {value!r} is not one of "
                              f"{', '.join(_CHOICES[key])}")
    return value


def _fraction(key: str, value: object) -> float:
    if isinstance(value, str):
        try:
            value = float(value.strip())
        except ValueError:
            raise FlashcardsError(f"setting {key}: expected a number like 0.9, not "
                                  f"{value!r}") from None
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise FlashcardsError(f"setting {key}: expected a number like 0.9, not {value!r}")
    low, high = _FRACTIONS[key]
    if not low <= value <= high:
        raise FlashcardsError(f"setting {key}: {value} is outside {low}..{high}")
    return float(value)


def load(path: Path | None = None) -> Settings:
    path = path or config_path()
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return Settings()
    except OSError as exc:
        raise FlashcardsError(f"{path}: cannot read settings: {exc.strerror}") from None
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise FlashcardsError(f"{path}: not a valid TOML settings file: {exc}") from None
    values: dict[str, Any] = {}
    for key, value in data.items():
        try:
            values[key] = coerce(key, value)
        except FlashcardsError as exc:
            raise FlashcardsError(f"{path}: {exc}") from None
    return Settings(**values)


def _toml_value(value: object) -> str:
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    import json

    return json.dumps(str(value), ensure_ascii=False)  # JSON escapes are valid TOML


def save(key: str, value: object, path: Path | None = None) -> Settings:
    """Set one setting in the TOML file, atomically (domain.files.atomic_write)."""
    path = path or config_path()
    value = coerce(key, value)
    current = load(path)
    explicit: dict[str, object] = {}
    if path.exists():
        explicit = {k: getattr(current, k) for k in tomllib.loads(path.read_text("utf-8"))}
    explicit[key] = value
    text = "".join(f"{k} = {_toml_value(v)}\n" for k, v in explicit.items())
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with atomic_write(path, "w", encoding="utf-8") as fh:
            fh.write("# flashcards settings (`flashcards config KEY VALUE` rewrites this file)\n")
            fh.write(text)
    except OSError as exc:
        raise FlashcardsError(f"{path}: cannot write settings: {exc.strerror}") from None
    return load(path)
