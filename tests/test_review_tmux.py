"""`flashcards review` in a real terminal (tmux): single keys, full screen, summary."""

from __future__ import annotations

import os
import shlex
import shutil
import sqlite3
import subprocess
import sys
import time
from contextlib import closing

import pytest

from flashcards import service

from conftest import at, make_deck

pytestmark = [pytest.mark.tmux,
              pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")]

CLI = "from flashcards.cli import main; main()"


class Tmux:
    def __init__(self, width: int, height: int, command: str, cwd) -> None:
        self.socket = str(cwd / "tmux.sock")  # our own server, nothing left in /tmp
        env = {**os.environ, "TERM": "xterm-256color"}
        self._tmux("new-session", "-d", "-s", "t", "-x", str(width), "-y", str(height),
                   "-c", str(cwd), command, env=env)

    def _tmux(self, *args: str, env: dict[str, str] | None = None) -> str:
        proc = subprocess.run(["tmux", "-S", self.socket, *args], capture_output=True,
                              text=True, env=env)
        assert proc.returncode == 0, f"tmux {args[0]}: {proc.stderr.strip()}"
        return proc.stdout

    def screen(self) -> str:
        return self._tmux("capture-pane", "-p", "-t", "t")

    def send(self, *keys: str) -> None:
        self._tmux("send-keys", "-t", "t", *keys)

    def wait_for(self, text: str, timeout: float = 30.0) -> str:
        deadline = time.monotonic() + timeout
        while True:
            screen = self.screen()
            if text in screen:
                return screen
            if time.monotonic() > deadline:
                raise AssertionError(f"{text!r} never appeared; screen:\n{screen}")
            time.sleep(0.1)

    def close(self) -> None:
        subprocess.run(["tmux", "-S", self.socket, "kill-server"], capture_output=True)


@pytest.fixture
def terminal(store, tmp_path):
    service.import_decks(store, [(make_deck("Tmux deck", 3), None)],
                         at("2026-03-01T09:00:00+00:00"))
    command = (f"{shlex.quote(sys.executable)} -c {shlex.quote(CLI)} review; "
               "echo EXIT=$?; sleep 60")
    term = Tmux(100, 30, command, tmp_path)
    yield term
    term.close()


def test_review_in_a_real_terminal(terminal, db_path):
    screen = terminal.wait_for("space show answer")
    assert "Question 1?" in screen and "1 / 3" in screen and "Tmux deck" in screen
    assert "Answer 1" not in screen
    terminal.send("Space")
    screen = terminal.wait_for("0-5 grade")
    assert "Answer 1" in screen
    for words in ("5  perfect", "4  correct, after hesitation", "0  blackout", "tomorrow",
                  "again today"):
        assert words in screen
    terminal.send("4")  # a single key, no Enter
    screen = terminal.wait_for("Question 2?")
    assert "2 / 3" in screen and "Question 1?" not in screen  # redrawn, not scrolled
    terminal.send("?")
    terminal.wait_for("Press any key to go back.")
    terminal.send("x")
    terminal.wait_for("space show answer")
    terminal.send("Enter")
    terminal.wait_for("Answer 2")
    terminal.send("2")  # failed: it comes back at the end
    terminal.wait_for("Question 3?")
    terminal.send("q")
    screen = terminal.wait_for("EXIT=0")
    for words in ("Session ended.", "Reviewed      2 answers", "New cards     2",
                  "Next due      today (1 still due)"):
        assert words in screen
    with closing(sqlite3.connect(db_path)) as conn:
        rows = conn.execute("SELECT card_id, grade, answer_ms FROM review ORDER BY id").fetchall()
    assert [r[:2] for r in rows] == [(1, 4), (2, 2)]
    assert all(r[2] is not None and r[2] > 0 for r in rows)  # time on the card, measured


def test_ctrl_c_ends_cleanly_with_a_summary(terminal, db_path):
    terminal.wait_for("space show answer")
    terminal.send("Space")
    terminal.wait_for("0-5 grade")
    terminal.send("5")
    terminal.wait_for("Question 2?")
    terminal.send("C-c")
    screen = terminal.wait_for("EXIT=")
    assert "EXIT=0" in screen and "Session ended." in screen and "Traceback" not in screen
    assert "Reviewed      1 answer" in screen


def test_keys_typed_ahead_are_not_lost(terminal, db_path):
    """A quick typist presses space and a grade before the answer is drawn: both count."""
    terminal.wait_for("space show answer")
    terminal.send("Space", "4", "Space", "5", "Space", "3")  # one burst, no waiting
    screen = terminal.wait_for("4 / 4")  # the grade-3 card comes back as a redrill
    assert "Question 3?" in screen and "again today" in screen
    with closing(sqlite3.connect(db_path)) as conn:
        grades = [g for (g,) in conn.execute("SELECT grade FROM review ORDER BY id")]
    assert grades == [4, 5, 3]


def test_first_run_line_wraps_at_words_in_a_narrow_terminal(tmp_path, monkeypatch):
    from flashcards.formats.deckfile import dumps

    monkeypatch.delenv("COLUMNS", raising=False)  # the terminal's own width
    (tmp_path / "decks").mkdir()
    (tmp_path / "decks" / "k.toml").write_text(
        dumps(make_deck("india-south-korea-defence", 2)), encoding="utf-8")
    command = (f"{shlex.quote(sys.executable)} -c {shlex.quote(CLI)} review; "
               "echo EXIT=$?; sleep 60")
    term = Tmux(60, 24, command, tmp_path)
    try:
        term.wait_for("space show answer")
        term.send("q")
        screen = term.wait_for("EXIT=")
    finally:
        term.close()
    assert "decks/ (india-south-korea-defence)." in screen, screen
