"""Anki scheduling and review log -> SM-2 state and review history (--with-progress).

Anki's answer buttons become SM-2 grades: Again -> 1, Hard -> 3, Good -> 4, Easy -> 5.
Ease is Anki's permille factor / 1000, floored at 1.3 (and capped at 10 against hostile
values); intervals are capped at 36,500 days. Due dates: review cards count days from
the collection's creation (crt); cards in (re)learning carry a Unix timestamp.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, date, datetime, timedelta
from typing import Any

from flashcards.domain import CardState, ReviewDraft, kind_of_answer
from flashcards.domain.days import study_day
from flashcards.domain.limits import MAX_INTERVAL, START_EASE

GRADE_FOR_BUTTON = {1: 1, 2: 3, 3: 4, 4: 5}  # Again, Hard, Good, Easy
_MAX_DAYS = 200_000  # any due offset beyond this is hostile or broken
_TIMESTAMP = 1_000_000_000  # a buried learning card's `due` above this is a Unix time
# Anki card types and queues
_NEW, _LEARN, _REVIEW, _RELEARN = 0, 1, 2, 3


def _clamp(value: Any, low: int, high: int) -> int:
    number = value if isinstance(value, int) else 0
    return max(low, min(high, number))


def ease_of(factor: Any, default: float = START_EASE) -> float:
    if not isinstance(factor, int) or factor <= 0:
        return default
    return round(max(1.3, min(10.0, factor / 1000)), 2)


def crt_day(crt: int) -> date | None:
    """Anki's day 0: the local calendar date of the collection's creation."""
    try:
        return datetime.fromtimestamp(crt, UTC).astimezone().date() if crt > 0 else None
    except (OverflowError, OSError, ValueError):
        return None


def _moment(seconds: float) -> datetime | None:
    try:
        moment = datetime.fromtimestamp(seconds, UTC)
    except (OverflowError, OSError, ValueError):
        return None
    return moment if 1990 <= moment.year <= 9000 else None


def _plus(day: date, days: int) -> date | None:
    try:
        return day + timedelta(days=days)
    except OverflowError:
        return None


def card_state(card: Sequence[Any], day0: date, history: Sequence[ReviewDraft],
               start_hour: int = 4) -> CardState | None:
    """SM-2 state of one Anki card row (see anki_collection.CARD_COLUMNS); None if new."""
    _id, _nid, _did, _ord, odid, ctype, queue, due, ivl, factor, reps, lapses, odue = card
    if ctype not in (_LEARN, _REVIEW, _RELEARN) or queue == _NEW:
        return None
    due = odue if odid and odue else due
    due = due if isinstance(due, int) else 0
    if queue in (1, 4) or (queue < 0 and ctype != _REVIEW and due > _TIMESTAMP):
        # (re)learning within the day: a Unix timestamp
        moment = _moment(due)
        due_day = study_day(moment, start_hour) if moment else None
    else:
        due_day = _plus(day0, _clamp(due, -_MAX_DAYS, _MAX_DAYS))
    if due_day is None:
        return None
    review = ctype == _REVIEW
    interval = _clamp(ivl, 1, MAX_INTERVAL) if review else 0
    last = history[-1].study_day if history else (
        min(due_day, _plus(due_day, -interval) or due_day) if review else due_day)
    return CardState(repetitions=_clamp(reps, 1, 1_000_000) if review else 0,
                     ease=ease_of(factor), interval=interval, due=due_day,
                     lapses=_clamp(lapses, 0, 1_000_000), last_review=last)


def history(entries: Sequence[Sequence[Any]], start_hour: int = 4) -> tuple[ReviewDraft, ...]:
    """Revlog rows (id ms, button, ivl, factor, time ms, type) -> review drafts.

    Manual reschedules (type 4, 5 or button 0) are not answers and are left out. Each
    answer's kind follows from the state before it, as for our own answers
    (`kind_of_answer`): Anki's learning steps on one day become a learn or review, then
    redrills (an interval of 0 keeps a card in the same-day loop).
    """
    out: list[ReviewDraft] = []
    state = CardState()
    for stamp, button, ivl, factor, taken, rtype in entries:
        grade = GRADE_FOR_BUTTON.get(button) if isinstance(button, int) else None
        moment = _moment(stamp / 1000) if isinstance(stamp, int) else None
        if grade is None or moment is None or rtype not in (0, 1, 2, 3):
            continue
        day = study_day(moment, start_hour)
        first_today = state.last_review != day
        interval = _clamp(ivl, 0, MAX_INTERVAL)
        after = CardState(
            repetitions=0 if grade < 3 else state.repetitions + (1 if first_today else 0),
            ease=ease_of(factor, state.ease), interval=interval,
            due=_plus(day, interval) or day, redrill=interval == 0 and grade >= 3,
            lapses=state.lapses + (1 if grade == 1 and rtype == 1 else 0), last_review=day)
        ms = taken if isinstance(taken, int) and 0 <= taken <= 3_600_000 else None
        out.append(ReviewDraft(moment, day, grade, kind_of_answer(state, day), state, after, ms))
        state = after
    return tuple(out)
