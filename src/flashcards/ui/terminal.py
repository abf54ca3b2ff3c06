"""The one terminal facade: consoles that never interpret markup, emoji or highlights."""

from __future__ import annotations

import os
import sys

from rich.console import Console
from rich.text import Text

from flashcards.domain.text import clean


def make_console(stderr: bool = False, width: int | None = None, *, no_color: bool = False,
                 columns: int | None = None, lines: int | None = None) -> Console:
    """A console for our output. The CLI passes what the environment says: `no_color`
    (NO_COLOR), `columns` and `lines` (COLUMNS, LINES). TERM=dumb is Rich's to see."""
    console = Console(
        stderr=stderr,
        markup=False,
        emoji=False,
        highlight=False,
        width=width,
        file=sys.stderr if stderr else None,
        no_color=no_color or None,
    )
    if console.is_dumb_terminal:
        size = _dumb_size(console, columns, lines)
        console.size = (width or size[0], size[1])
    return console


def _dumb_size(console: Console, columns: int | None, lines: int | None) -> tuple[int, int]:
    """Rich takes every TERM=dumb terminal for 80x25, even given a width; a dumb
    terminal still knows its size (COLUMNS and LINES first, as Rich does elsewhere)."""
    try:
        real = os.get_terminal_size(console.file.fileno())
    except (AttributeError, ValueError, OSError):
        real = os.terminal_size((80, 25))
    return columns or real.columns or 80, lines or real.lines or 25


def safe_text(value: object, style: str = "") -> Text:
    """Untrusted text as a literal Text: no markup, no emoji codes, no escapes."""
    return Text(clean(str(value)), style=style)


def counted(n: int, noun: str) -> str:
    """"1 card", "2 cards", "1,200 reviews": a count and its noun (regular plurals)."""
    return f"{n:,} {noun}{'' if n == 1 else 's'}"


def duration(ms: int) -> str:
    """Time spent, compact: 8s, 3m 05s, 1h 02m."""
    seconds = round(ms / 1000)
    if seconds < 60:
        return f"{seconds}s"
    minutes, seconds = divmod(seconds, 60)
    if minutes < 60:
        return f"{minutes}m {seconds:02d}s"
    hours, minutes = divmod(minutes, 60)
    return f"{hours}h {minutes:02d}m"
