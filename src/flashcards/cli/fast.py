"""`flashcards due` and `flashcards decks` without Typer: shell prompts and reminders run
`due` often, and both answer on a 100,000-card store in less time than importing Typer.

Only the plain forms take this path (`due`, `due --count`, `due --json`, deck names; `decks`
alone); anything else (`--help`, `--db`, an option, a completion request) goes to the
Typer application, whose commands print the same text from the same functions.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Sequence
from typing import TypeVar

T = TypeVar("T")

_FLAGS = ("--count", "--json")


def due_text(decks: Sequence[str], count: bool, as_json: bool) -> str:
    """What `flashcards due` prints: one number, a JSON object, or one line."""
    from flashcards.cli import common
    from flashcards.service import cards as service

    store = common.open_store()
    try:
        summary = service.due_summary(store, decks, common.today(),
                                      common.settings().new_per_day)
    finally:
        store.close()
    if count:
        return f"{summary.total}\n"
    if as_json:
        import json

        return json.dumps({"day": summary.day.isoformat(), "due": summary.total,
                           "reviews": summary.reviews, "relearn": summary.relearn,
                           "new": summary.new}) + "\n"
    return (f"{summary.total} due today: {summary.reviews} to review, {summary.relearn} to "
            f"relearn, {summary.new} new\n")


def run_fast(argv: Sequence[str]) -> bool:
    """Answer `flashcards due ...` or a plain `flashcards decks` here and return True;
    False for anything else."""
    if not argv or os.environ.get("_FLASHCARDS_COMPLETE"):
        return False
    if list(argv) == ["decks"]:
        from flashcards.cli.decks import show_decks

        _guarded(show_decks)
        return True
    if argv[0] != "due":
        return False
    rest = argv[1:]
    if any(a.startswith("-") and a not in _FLAGS for a in rest) or "--" in rest:
        return False
    text = _guarded(lambda: due_text([a for a in rest if a not in _FLAGS], "--count" in rest,
                                     "--json" in rest))
    sys.stdout.write(text)
    return True


def _guarded(work: Callable[[], T]) -> T:
    """Run a command as the Typer application would: the store from FLASHCARDS_DB (the
    --db option's variable), and every error one line on stderr with its exit code."""
    from pathlib import Path

    from flashcards.cli.common import STATE
    from flashcards.domain.errors import FlashcardsError

    chosen = os.environ.get("FLASHCARDS_DB")
    STATE.db = Path(chosen) if chosen else None
    try:
        return work()
    except FlashcardsError as exc:
        sys.stderr.write(f"flashcards: error: {' '.join(str(exc).split())}\n")
        raise SystemExit(1) from None
    except KeyboardInterrupt:
        raise SystemExit(130) from None
    except Exception as exc:  # a bug: one line, as the Typer commands say it
        if os.environ.get("FLASHCARDS_DEBUG"):
            raise
        sys.stderr.write(f"flashcards: error: unexpected error: {type(exc).__name__}: {exc} "
                         "(set FLASHCARDS_DEBUG=1 for details)\n")
        raise SystemExit(1) from None
