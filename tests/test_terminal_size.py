"""Consoles take the terminal's real size, TERM=dumb included (Rich assumes 80x25 there)."""

from __future__ import annotations

import fcntl
import os
import pty
import struct
import sys
import termios

import pytest

from flashcards.cli.common import console as make_console
from flashcards.ui.terminal import make_console as plain_console


@pytest.fixture
def tty_stdout(monkeypatch):
    """A function that makes stdout a 40x20 pseudo-terminal (called in the test body:
    pytest's capture replaces sys.stdout again after the fixtures have run)."""
    leader, follower = pty.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 20, 40, 0, 0))
    stream = os.fdopen(follower, "w", encoding="utf-8")
    monkeypatch.delenv("COLUMNS", raising=False)
    monkeypatch.delenv("LINES", raising=False)
    yield lambda: monkeypatch.setattr(sys, "stdout", stream)
    stream.close()
    os.close(leader)


def test_dumb_terminal_takes_the_terminal_size(tty_stdout, monkeypatch):
    monkeypatch.setenv("TERM", "dumb")
    tty_stdout()
    console = make_console()
    assert console.is_terminal
    assert (console.width, console.height) == (40, 20)


def test_dumb_terminal_honours_columns(tty_stdout, monkeypatch):
    monkeypatch.setenv("TERM", "dumb")
    monkeypatch.setenv("COLUMNS", "60")
    tty_stdout()
    assert make_console().width == 60
    assert plain_console(width=50, columns=60).width == 50


def test_dumb_terminal_gets_no_colour(tty_stdout, monkeypatch):
    monkeypatch.setenv("TERM", "dumb")
    tty_stdout()
    assert make_console().color_system is None
