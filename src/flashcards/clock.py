"""The one clock. Read at the CLI edge only; everything below takes times as arguments.

`FLASHCARDS_NOW` (ISO 8601, with or without an offset) fixes the clock for tests and
simulations. A naive value is taken as local time.
"""

from __future__ import annotations

import os
from datetime import date, datetime, timedelta

from flashcards.errors import FlashcardsError


def now() -> datetime:
    """The current time, timezone-aware (local zone)."""
    fixed = os.environ.get("FLASHCARDS_NOW")
    if fixed:
        try:
            value = datetime.fromisoformat(fixed.strip())
        except ValueError:
            raise FlashcardsError(
                f"FLASHCARDS_NOW: not an ISO 8601 date-time: {fixed!r}"
            ) from None
        return value.astimezone() if value.tzinfo is None else value
    return datetime.now().astimezone()


def study_day(moment: datetime, start_hour: int = 4) -> date:
    """The study day a moment belongs to: days start at `start_hour` local time."""
    local = moment.astimezone() if moment.tzinfo is None else moment
    return (local - timedelta(hours=start_hour)).date()
