"""Single keys from the terminal, for the whole of a review session.

`typer.getchar` switches the terminal to raw mode for each key with TCSAFLUSH, which
throws away (and first echoes) anything typed while the previous card was being drawn:
a quick "space 4" loses the 4. Here the terminal stays in a no-echo, no-line-buffer mode
for the whole session, so typed-ahead keys wait in order; Ctrl-C arrives as a key (the
session ends between answers, never inside a commit); output keeps its normal newlines.
"""

from __future__ import annotations

import os
import sys
from types import TracebackType
from typing import Any


class KeyReader:
    """`with KeyReader() as keys: keys.read()` -> the characters of one keypress or more."""

    def __init__(self) -> None:
        self.fd = -1
        self._saved: list[Any] | None = None

    def __enter__(self) -> KeyReader:
        import termios

        self.fd = sys.stdin.fileno()
        self._saved = termios.tcgetattr(self.fd)
        mode = termios.tcgetattr(self.fd)
        mode[3] &= ~(termios.ICANON | termios.ECHO | termios.ISIG | termios.IEXTEN)
        mode[0] &= ~(termios.IXON | termios.ICRNL)
        mode[6][termios.VMIN] = 1
        mode[6][termios.VTIME] = 0
        termios.tcsetattr(self.fd, termios.TCSANOW, mode)  # TCSANOW: keep typed-ahead keys
        return self

    def read(self) -> str:
        data = os.read(self.fd, 64)
        if not data:
            raise EOFError
        return data.decode(sys.stdin.encoding or "utf-8", "replace")

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        import termios

        if self._saved is not None:
            termios.tcsetattr(self.fd, termios.TCSADRAIN, self._saved)
