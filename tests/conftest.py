"""Hermetic tests: a temp store, data dir and config per test, a fixed clock, no colour,
a fixed width. Nothing touches the user's real data."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import pytest
from typer.testing import CliRunner

from flashcards.domain import CardDraft, DeckDraft, SourceRef

FIXED_NOW = "2026-03-02T09:00:00+00:00"
ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True)
def hermetic(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own data dir, store, config and a fixed clock."""
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("FLASHCARDS_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("FLASHCARDS_CONFIG", str(tmp_path / "config.toml"))
    monkeypatch.setenv("FLASHCARDS_DB", str(tmp_path / "store.db"))
    monkeypatch.setenv("FLASHCARDS_NOW", FIXED_NOW)
    monkeypatch.setenv("TZ", "Asia/Kolkata")  # UTC+05:30, where most users are
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("COLUMNS", "100")
    monkeypatch.setenv("LINES", "30")
    monkeypatch.setenv("TERM", "dumb")
    monkeypatch.delenv("FLASHCARDS_DEBUG", raising=False)
    import time

    time.tzset()
    return tmp_path


@pytest.fixture
def db_path(hermetic: Path) -> Path:
    return hermetic / "store.db"


@pytest.fixture
def store(db_path: Path) -> Iterator[object]:
    from flashcards.store import open_store

    s = open_store(db_path)
    yield s
    s.close()


@pytest.fixture(scope="session")
def history_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store with 70 simulated days of reviews (tests/history.py), built once."""
    import history

    path = tmp_path_factory.mktemp("history") / "store.db"
    history.build_store(path)
    return path


@pytest.fixture
def history_db(history_template: Path, db_path: Path) -> Path:
    """A fresh copy of the history store, as this test's store."""
    import shutil

    shutil.copyfile(history_template, db_path)
    return db_path


@dataclass
class Run:
    exit_code: int
    stdout: str
    stderr: str


@pytest.fixture
def cli() -> object:
    """Run the CLI in-process: cli("decks", input="...") -> Run(exit_code, stdout, stderr)."""
    from flashcards.cli import app

    runner = CliRunner()

    def run(*args: str, input: str | None = None) -> Run:
        result = runner.invoke(app, list(args), input=input, prog_name="flashcards")
        return Run(result.exit_code, result.stdout, result.stderr)

    return run


def make_deck(name: str = "Sample", n: int = 5, prefix: str = "c") -> DeckDraft:
    """A small deck of plain cards with keys c1..cn."""
    cards = tuple(
        CardDraft(key=f"{prefix}{i}", question=f"Question {i}?", answer=f"Answer {i}",
                  kind="basic", tags=("t",), source=SourceRef("sample.txt", "S", i, i))
        for i in range(1, n + 1)
    )
    return DeckDraft(name=name, cards=cards, source="sample.txt")


def at(iso: str) -> datetime:
    return datetime.fromisoformat(iso)


def modules_imported(*args: str, env: dict[str, str] | None = None,
                     whole: bool = False) -> tuple[str, set[str]]:
    """Run `flashcards ARGS` in a fresh Python: its stdout and the top-level packages it
    imported, or with `whole` every module's full name (checks that commands skip heavy
    modules they do not need)."""
    import json
    import subprocess
    import sys

    code = ("import json, sys\n"
            f"sys.argv = ['flashcards', *{list(args)!r}]\n"
            "from flashcards.cli import main\n"
            "try:\n    main()\nexcept SystemExit as exc:\n    assert not exc.code, exc.code\n"
            f"print(json.dumps(sorted({{m if {whole} else m.split('.')[0] for m in sys.modules}})),"
            " file=sys.stderr)\n")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True, env=env)
    return proc.stdout, set(json.loads(proc.stderr.strip().splitlines()[-1]))


def interrupt_on_write(monkeypatch: pytest.MonkeyPatch, nth: int) -> None:
    """Make the CLI's `nth` atomic file write (1-based) raise KeyboardInterrupt half-way,
    as a Ctrl-C would: after part of the file was written to its temp file."""
    import contextlib

    from flashcards.cli import output

    real = output.atomic_text
    calls = 0

    @contextlib.contextmanager
    def interrupted(path: Path) -> Iterator[object]:
        nonlocal calls
        calls += 1
        with real(path) as stream:
            if calls == nth:
                stream.write("half a file")
                raise KeyboardInterrupt
            yield stream

    monkeypatch.setattr(output, "atomic_text", interrupted)
