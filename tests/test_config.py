"""`flashcards config`: show all, show one, set one; atomic writes; clear errors."""

from __future__ import annotations

import json
import os
import tomllib
from pathlib import Path

import pytest

from flashcards.cli import config
from flashcards.domain.errors import FlashcardsError


@pytest.fixture
def cfg() -> Path:
    return Path(os.environ["FLASHCARDS_CONFIG"])


def test_show_all_defaults(cli, cfg: Path):
    result = cli("config")
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == f"# {cfg}"
    assert "new_per_day = 20" in lines
    assert "day_start_hour = 4" in lines
    assert "backup_interval_minutes = 30" in lines
    assert "default_deck = ''" in lines
    assert not cfg.exists()  # reading never writes


def test_set_then_show_one(cli, cfg: Path):
    assert cli("config", "new_per_day", "35").stdout.strip() == "new_per_day = 35"
    assert cli("config", "new_per_day").stdout.strip() == "new_per_day = 35"
    assert cli("config", "default_deck", 'Polity "2026" — मूल').exit_code == 0
    assert cli("config", "backup_interval_minutes", "0").exit_code == 0
    data = tomllib.loads(cfg.read_text("utf-8"))
    assert data == {"new_per_day": 35, "default_deck": 'Polity "2026" — मूल',
                    "backup_interval_minutes": 0}
    assert config.load() == config.Settings(new_per_day=35, default_deck='Polity "2026" — मूल',
                                            backup_interval_minutes=0)
    assert not list(cfg.parent.glob(".*.tmp"))


def test_settings_are_used_by_the_app(cli, store, monkeypatch):
    """What `config` sets changes what the commands do: the study day's start and the
    new cards a session offers (not only what the settings file holds)."""
    from flashcards import service

    from conftest import at, make_deck

    service.import_decks(store, [(make_deck("D", 5), None)], at("2026-03-01T09:00:00+00:00"))
    monkeypatch.setenv("FLASHCARDS_NOW", "2026-03-02T02:00:00+05:30")  # before 04:00 local

    def today() -> str:
        return json.loads(cli("stats", "--json").stdout)["today"]

    def first_screen() -> str:
        result = cli("review", "--lines", input="q\n")
        assert result.exit_code == 0, result.stderr
        return result.stdout

    assert today() == "2026-03-01"  # a study day starts at 04:00 by default
    assert "1 / 5" in first_screen()
    assert cli("config", "day_start_hour", "0").exit_code == 0
    assert cli("config", "new_per_day", "2").exit_code == 0
    assert today() == "2026-03-02"
    assert "1 / 2" in first_screen() and "1 / 5" not in first_screen()


@pytest.mark.parametrize(("key", "value", "words"), [
    ("new_per_day", "many", "new_per_day: expected a whole number"),
    ("new_per_day", "-1", "new_per_day: -1 is outside 0..10000"),
    ("day_start_hour", "24", "day_start_hour: 24 is outside 0..23"),
    ("backup_interval_minutes", "1.5", "backup_interval_minutes: expected a whole number"),
    ("colour", "blue", "unknown setting 'colour'"),
])
def test_invalid_value_names_the_key_and_changes_nothing(cli, cfg: Path, key, value, words):
    cli("config", "new_per_day", "25")
    before = cfg.read_bytes()
    result = cli("config", key, "--", value)  # "--": so that "-1" is not read as an option
    assert result.exit_code == 1
    assert result.stderr.startswith("flashcards: error: ")
    assert words in result.stderr
    assert len(result.stderr.splitlines()) == 1
    assert cfg.read_bytes() == before


def test_unknown_key_to_show(cli):
    result = cli("config", "colour")
    assert result.exit_code == 1
    assert "unknown setting 'colour'" in result.stderr


def test_a_broken_file_is_one_clear_error(cli, cfg: Path):
    cfg.write_text("new_per_day = = 3\n")
    result = cli("config")
    assert result.exit_code == 1
    assert str(cfg) in result.stderr and "not a valid TOML" in result.stderr
    cfg.write_text('new_per_day = "lots"\n')
    result = cli("decks")
    assert result.exit_code == 1
    assert "new_per_day" in result.stderr


def test_save_is_atomic_when_the_write_fails(cfg: Path, monkeypatch):
    config.save("new_per_day", 30)
    before = cfg.read_bytes()

    def fail(*args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", fail)
    with pytest.raises(FlashcardsError, match="cannot write settings: No space left"):
        config.save("new_per_day", 40)
    assert cfg.read_bytes() == before
    assert not list(cfg.parent.glob(".*.tmp"))
