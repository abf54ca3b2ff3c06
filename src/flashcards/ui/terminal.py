"""The one terminal facade: consoles that never interpret markup, emoji or highlights."""

from __future__ import annotations

import os
import sys

from rich.console import Console
from rich.text import Text

from flashcards.text import clean


def make_console(stderr: bool = False, width: int | None = None) -> Console:
    """A console for our output. Honours NO_COLOR and TERM=dumb (via Rich)."""
    return Console(
        stderr=stderr,
        markup=False,
        emoji=False,
        highlight=False,
        width=width,
        file=sys.stderr if stderr else None,
        no_color=bool(os.environ.get("NO_COLOR")) or None,
    )


def safe_text(value: object, style: str = "") -> Text:
    """Untrusted text as a literal Text: no markup, no emoji codes, no escapes."""
    return Text(clean(str(value)), style=style)


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
