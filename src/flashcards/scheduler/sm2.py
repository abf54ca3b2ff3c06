"""SM-2 (Wozniak, 1990), read literally. Pure: no clock, no database, no terminal.

Rules (see ../shared/DESIGN.md, section 3):

* a scheduled answer q >= 3 updates EF (floor 1.3, kept to 2 decimals), sets the
  interval to 1, 6, then ceil(I * EF) with the new EF, and adds one repetition;
  q >= 4 schedules the card I days ahead, q = 3 keeps it for a same-day redrill;
* a scheduled answer q < 3 restarts repetitions and the interval, leaves EF alone,
  and asks the card again today (that next answer is scored as a scheduled one);
* in a redrill, q >= 4 releases the card I days ahead; q < 4 keeps it for today;
  EF, n and I do not change.
"""

from __future__ import annotations

import math
from dataclasses import replace
from datetime import date, timedelta

from flashcards.domain import CardState, ReviewKind
from flashcards.domain.limits import MAX_INTERVAL, MIN_EASE

_MAX_DAY = date.max - timedelta(days=MAX_INTERVAL + 1)


def next_ease(ease: float, grade: int) -> float:
    miss = 5 - grade
    return round(max(MIN_EASE, ease + 0.1 - miss * (0.08 + 0.02 * miss)), 2)


def _schedule(today: date, interval: int) -> date:
    if today > _MAX_DAY:
        return date.max
    return today + timedelta(days=interval)


def review_kind(state: CardState, today: date) -> ReviewKind:
    """An answer is a redrill when the card was already answered this study day."""
    if state.redrill or state.last_review == today:
        return ReviewKind.REDRILL
    return ReviewKind.SCHEDULED


def review(state: CardState, grade: int, today: date) -> CardState:
    """Return the state after answering `grade` on study day `today`."""
    if not 0 <= grade <= 5:
        raise ValueError(f"grade must be 0-5, not {grade}")
    if state.redrill:
        if grade >= 4:
            return replace(state, due=_schedule(today, state.interval), redrill=False,
                           last_review=today)
        return replace(state, due=today, last_review=today)
    if grade < 3:
        lapses = state.lapses + (1 if state.repetitions > 0 else 0)
        return replace(state, repetitions=0, interval=0, due=today, redrill=False,
                       lapses=lapses, last_review=today)
    ease = next_ease(state.ease, grade)
    if state.repetitions == 0:
        interval = 1
    elif state.repetitions == 1:
        interval = 6
    else:
        interval = min(MAX_INTERVAL, math.ceil(round(state.interval * ease, 6)))
    if grade >= 4:
        return CardState(state.repetitions + 1, ease, interval, _schedule(today, interval),
                         False, state.lapses, today)
    return CardState(state.repetitions + 1, ease, interval, today, True, state.lapses, today)


def preview(state: CardState, today: date) -> dict[int, CardState]:
    """What each grade 0-5 would do to the card: for the grade legend."""
    return {grade: review(state, grade, today) for grade in range(6)}
