"""`flashcards due` without Typer: for shell prompts and reminders, which run it often.

Only the plain forms take this path (`due`, `due --count`, `due --json`, deck names);
anything else (`--help`, `--db`, an unknown option, a completion request) goes to the
Typer application, whose `due` command prints the same text from the same function.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Sequence

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
        return json.dumps({"day": summary.day.isoformat(), "due": summary.total,
                           "reviews": summary.reviews, "relearn": summary.relearn,
                           "new": summary.new}) + "\n"
    return (f"{summary.total} due today: {summary.reviews} to review, {summary.relearn} to "
            f"relearn, {summary.new} new\n")


def run_fast(argv: Sequence[str]) -> bool:
    """Answer `flashcards due ...` here and return True; False for anything else."""
    if not argv or argv[0] != "due" or os.environ.get("_FLASHCARDS_COMPLETE"):
        return False
    rest = argv[1:]
    if any(a.startswith("-") and a not in _FLAGS for a in rest) or "--" in rest:
        return False
    from pathlib import Path

    from flashcards.cli.common import STATE
    from flashcards.domain.errors import FlashcardsError

    chosen = os.environ.get("FLASHCARDS_DB")  # as the --db option's environment variable
    STATE.db = Path(chosen) if chosen else None
    try:
        text = due_text([a for a in rest if a not in _FLAGS], "--count" in rest,
                        "--json" in rest)
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
    sys.stdout.write(text)
    return True
