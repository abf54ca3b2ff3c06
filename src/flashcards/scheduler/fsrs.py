"""FSRS-6 as an option beside SM-2, from fsrs-rs: the Rust engine Anki itself uses (with
its optimizer), through fsrs-rs-python. Pure: no clock, no database, no terminal.

Day-based, as SM-2 is here: no minute learning steps. Grades map 0-2 -> Again, 3 -> Hard,
4 -> Good, 5 -> Easy. A failed card is asked again the same day (the session repeats it,
as under SM-2), and that answer is a same-day review to FSRS (delta_t 0, its short-term
rule); any other answer is due `round(interval)` days on, at least one. The SM-2 state
(repetitions, EF, interval) is kept up to date alongside by SM-2's own rule, without its
same-day redrill, so switching back resumes it.

A card's memory state is a function of its review log alone (every answer, in order, with
the days between them): `memory_states` reads it from the log, `review` steps it one
answer on; the two agree exactly (tests/test_fsrs.py), which is what `check` verifies.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import cache
from typing import Any

from flashcards.domain import CardState, ReviewKind
from flashcards.domain.limits import MAX_INTERVAL
from flashcards.scheduler import sm2

RATINGS = (1, 1, 1, 2, 3, 4)  # grade 0-5 -> FSRS rating (Again, Hard, Good, Easy)
_CHOICE = {1: "again", 2: "hard", 3: "good", 4: "easy"}
MIN_REVIEWS = 400  # answers `optimize` asks for before it fits parameters


def default_parameters() -> tuple[float, ...]:
    from fsrs_rs_python import DEFAULT_PARAMETERS

    return tuple(DEFAULT_PARAMETERS)


@dataclass(frozen=True)
class Fsrs:
    """The model: 21 parameters (FSRS-6) and the chance of recall each review aims at."""

    parameters: tuple[float, ...]
    retention: float = 0.9


@cache
def _engine(parameters: tuple[float, ...]) -> Any:
    from fsrs_rs_python import FSRS

    return FSRS(list(parameters))


@cache
def _memory_type() -> Any:
    from fsrs_rs_python import MemoryState

    return MemoryState


def _memory(state: CardState) -> Any:
    if state.stability is None or state.difficulty is None:
        return None
    return _memory_type()(state.stability, state.difficulty)


def remember(before: CardState, grade: int, today: date,
             model: Fsrs) -> tuple[float | None, float | None]:
    """The memory state (stability, difficulty) after answering `grade` on `today`, for
    a card SM-2 schedules; unknown (None) when the card was answered before without one
    (its log, read by `memory_states`, knows it)."""
    if not 0 <= grade <= 5:
        raise ValueError(f"grade must be 0-5, not {grade}")
    if not before.is_new and before.stability is None:
        return None, None
    memory, _ = _step(before, grade, today, model)
    return memory.stability, memory.difficulty


def _step(state: CardState, grade: int, today: date, model: Fsrs) -> tuple[Any, float]:
    elapsed = 0 if state.last_review is None else max(0, (today - state.last_review).days)
    nxt = _engine(model.parameters).next_states(_memory(state), model.retention, elapsed)
    chosen = getattr(nxt, _CHOICE[RATINGS[grade]])
    return chosen.memory, chosen.interval


def review(state: CardState, grade: int, today: date,
           model: Fsrs) -> tuple[CardState, ReviewKind]:
    """The state after answering `grade` on study day `today`, and what the answer was:
    FSRS sets the due day and the memory state, SM-2's rule the rest."""
    if not 0 <= grade <= 5:
        raise ValueError(f"grade must be 0-5, not {grade}")
    base = replace(state, redrill=False) if state.redrill else state
    after, kind = sm2.review(base, grade, today)
    if not state.is_new and state.stability is None:  # no memory state: start from SM-2's
        from_sm2 = _engine(model.parameters).memory_state_from_sm2(
            state.ease, max(1, state.interval), model.retention)
        base = replace(base, stability=from_sm2.stability, difficulty=from_sm2.difficulty)
    memory, interval = _step(base, grade, today, model)
    days = min(MAX_INTERVAL, max(1, math.floor(interval + 0.5)))
    due = today if grade < 3 else today + timedelta(days=days)
    return CardState(after.repetitions, after.ease, after.interval, due, False, after.lapses,
                     after.last_review, memory.stability, memory.difficulty), kind


History = Sequence[tuple[int, date]]  # (grade, study day) of every answer, in order


def _item(history: History) -> Any:
    from fsrs_rs_python import FSRSItem, FSRSReview

    reviews = []
    previous: date | None = None
    for grade, day in history:
        reviews.append(FSRSReview(RATINGS[grade],
                                  0 if previous is None else max(0, (day - previous).days)))
        previous = day
    return FSRSItem(reviews)


def memory_states(histories: Sequence[History],
                  model: Fsrs) -> list[tuple[float, float] | None]:
    """Each card's memory state (stability, difficulty) after its whole log; None for a
    card with no answers."""
    engine = _engine(model.parameters)
    found: list[tuple[float, float] | None] = [None] * len(histories)
    todo = [i for i, h in enumerate(histories) if h]
    for i, memory in zip(todo, engine.memory_state_batch([_item(histories[i]) for i in todo]),
                         strict=True):
        found[i] = (memory.stability, memory.difficulty)
    return found


def _training_items(histories: Sequence[History]) -> list[Any]:
    """What the optimizer learns from: every answer given a day or more after the
    card's previous one, with the answers before it (fsrs-rs's training items, as Anki
    builds them: a same-day answer is part of a history, never what is predicted)."""
    items = []
    for history in histories:
        for end in range(2, len(history) + 1):
            if history[end - 1][1] > history[end - 2][1]:  # a day or more after the last
                items.append(_item(history[:end]))
    return items


class TooLittleHistory(ValueError):
    """Fewer training answers than MIN_REVIEWS (args[0]: how many there are)."""


@dataclass(frozen=True)
class Fit:
    parameters: tuple[float, ...]
    answers: int  # training items (answers after a card's first that follow a day's gap)
    log_loss_before: float
    rmse_before: float
    log_loss_after: float
    rmse_after: float


def fit(histories: Sequence[History], start: tuple[float, ...]) -> Fit:
    """Fit FSRS parameters to these review logs and measure them against `start`
    (log loss, and RMSE over bins: lower is better)."""
    items = _training_items(histories)
    if len(items) < MIN_REVIEWS:
        raise TooLittleHistory(len(items))
    before = _engine(start).evaluate(items)
    parameters = tuple(_engine(start).compute_parameters(items))
    after = _engine(parameters).evaluate(items)
    return Fit(parameters, len(items), before.log_loss, before.rmse_bins, after.log_loss,
               after.rmse_bins)


def recall(state: CardState, day: date, model: Fsrs) -> float | None:
    """The chance the card is remembered on `day` (its retrievability); None when its
    memory state is unknown."""
    if state.stability is None or state.last_review is None:
        return None
    elapsed = max(0, (day - state.last_review).days)
    decay = -model.parameters[20]
    factor = 0.9 ** (1 / decay) - 1
    return float((1 + factor * elapsed / state.stability) ** decay)
