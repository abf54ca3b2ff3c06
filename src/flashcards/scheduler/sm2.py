"""SM-2 (Wozniak, 1990), read literally. Pure: no clock, no database, no terminal.

Rules (../shared/DESIGN.md section 3); `review` returns the new state and the kind of
the answer, both decided by the branch that scored it:

* a scored answer (LEARN: a new card; REVIEW: the first of a study day; RELEARN: the
  next one after a failure the same day) with q >= 3 updates EF (floor 1.3, kept to 2
  decimals), sets the interval to 1, 6, then ceil(I * EF) with the new EF, and adds one
  repetition; q >= 4 schedules the card I days ahead, q = 3 keeps it for a redrill;
* a scored answer with q < 3 restarts repetitions and the interval, leaves EF alone
  and asks the card again today: the next answer is scored again, as a RELEARN (a q < 3
  there restarts it once more: literal SM-2 has no separate relearning rule);
* a REDRILL (SM-2 step 7: repeat, the same day, every item that scored below 4)
  changes nothing but the due day: q >= 4 releases the card I days ahead, q < 4 (a
  failure included) keeps it for another repeat. A redrill left over from an earlier
  day (the session ended before it) is still a redrill.
"""

from __future__ import annotations

import math
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


def _scored_kind(state: CardState, today: date) -> ReviewKind:
    if state.is_new:
        return ReviewKind.LEARN
    return ReviewKind.RELEARN if state.last_review == today else ReviewKind.REVIEW


def review(state: CardState, grade: int, today: date) -> tuple[CardState, ReviewKind]:
    """The state after answering `grade` on study day `today`, and what the answer was."""
    if not 0 <= grade <= 5:
        raise ValueError(f"grade must be 0-5, not {grade}")
    # (CardState is built whole rather than with dataclasses.replace: the simulator runs
    # this hundreds of thousands of times, and replace costs several times as much.)
    memory = state.stability, state.difficulty  # FSRS's, carried through unchanged
    if state.redrill and not state.is_new:  # (a new card is never in a redrill)
        due = _schedule(today, state.interval) if grade >= 4 else today
        return CardState(state.repetitions, state.ease, state.interval, due, grade < 4,
                         state.lapses, today, *memory), ReviewKind.REDRILL
    kind = _scored_kind(state, today)
    if grade < 3:
        lapses = state.lapses + (1 if state.repetitions > 0 else 0)
        return CardState(0, state.ease, 0, today, False, lapses, today, *memory), kind
    ease = next_ease(state.ease, grade)
    if state.repetitions == 0:
        interval = 1
    elif state.repetitions == 1:
        interval = 6
    else:
        interval = min(MAX_INTERVAL, math.ceil(round(state.interval * ease, 6)))
    due = _schedule(today, interval) if grade >= 4 else today
    return CardState(state.repetitions + 1, ease, interval, due, grade < 4, state.lapses,
                     today, *memory), kind

