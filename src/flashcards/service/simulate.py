"""`flashcards simulate`: the student's own cards, and new ones at the daily limit, run
day by day under each scheduler, with FSRS's memory model (this store's parameters) as
the student: on each review the card is recalled with the chance the model gives for it
that day (a new card's first answer: 3 in 4). A recalled card is graded 4, a forgotten
one 1 and then 4 again the same day, as a session asks it again. Both schedulers run on
the same random draws (a fixed seed), so the difference is the schedulers'.

Each day's retention is the mean chance of recall over every card met so far; on a big
store (cards x days over 3 million) it is taken once a week and on the last day.
"""

from __future__ import annotations

import random
from collections import defaultdict
from collections.abc import Callable, Sequence
from datetime import date, timedelta
from typing import TYPE_CHECKING

from flashcards.domain import CardState
from flashcards.domain.plan import SimDay, Simulation
from flashcards.scheduler import fsrs
from flashcards.scheduler.exam import Exam, cap
from flashcards.service.review import Scheduling

if TYPE_CHECKING:
    from flashcards.store import Store

Progress = Callable[[str, int, int], None]
FIRST_RECALL = 0.75
RECALLED, FORGOTTEN = 4, 1
_DAILY_BUDGET = 3_000_000  # cards x days up to which retention is taken every day


def simulate(store: Store, decks: Sequence[str], today: date, days: int, new_per_day: int,
             model: fsrs.Fsrs, schedulers: Sequence[str], exam: Exam | None = None,
             seed: int = 0, progress: Progress | None = None) -> list[Simulation]:
    """Each scheduler's run; `progress(scheduler, day, days)` after each simulated day
    (a year of 100,000 cards takes about half a minute)."""
    from flashcards.service.plan import state_of
    from flashcards.service.reports import deck_ids_of
    from flashcards.service.scheduling import fill_memory
    from flashcards.store import card_queries as cq

    fill_memory(store, model)  # the model needs every answered card's memory state
    with store.raw_read() as conn:
        rows = cq.active_states(conn, deck_ids_of(conn, decks))
    cards = [(int(row[0]), state_of(row)) for row in rows]
    return [_run(cards, Scheduling(name, model), today, days, new_per_day, exam, seed,
                 progress) for name in schedulers]


def _run(cards: list[tuple[int, CardState]], scheduling: Scheduling, today: date,
         days: int, new_per_day: int, exam: Exam | None, seed: int,
         progress: Progress | None) -> Simulation:
    draw = random.Random(seed)
    model = scheduling.model or fsrs.Fsrs(fsrs.default_parameters())
    state = dict(cards)
    due_on: dict[date, list[int]] = defaultdict(list)
    fresh = [i for i, s in cards if s.is_new]
    for card_id, s in cards:
        if not s.is_new:
            due_on[max(s.due or today, today)].append(card_id)
    memory = {i: (s.last_review.toordinal(), s.stability) for i, s in cards
              if s.last_review is not None and s.stability is not None}
    decay = -model.parameters[20]
    factor = 0.9 ** (1 / decay) - 1
    every_day = len(cards) * days <= _DAILY_BUDGET
    out: list[SimDay] = []
    for offset in range(days):
        day = today + timedelta(days=offset)
        shown = [i for i in dict.fromkeys(due_on.pop(day, []))  # stale entries skipped
                 if (state[i].due or day) <= day]
        met, fresh = fresh[:new_per_day], fresh[new_per_day:]
        answers = 0
        for card_id in [*shown, *met]:
            before = state[card_id]
            chance = FIRST_RECALL if before.is_new else (fsrs.recall(before, day, model) or 0.0)
            grades = [RECALLED] if draw.random() < chance else [FORGOTTEN, RECALLED]
            for grade in grades:
                before, _ = scheduling.review(before, grade, day)
                if exam is not None:
                    before = cap(before, day, exam, card_id)
                answers += 1
            state[card_id] = before
            if before.stability is not None:
                memory[card_id] = (day.toordinal(), before.stability)
            if before.due is not None:
                due_on[max(before.due, day + timedelta(days=1))].append(card_id)
        retention = None
        if memory and (every_day or offset % 7 == 6 or offset == days - 1):
            now = day.toordinal()  # fsrs.recall for every card met, in one tight loop
            retention = sum((1 + factor * (now - last) / stability) ** decay
                            for last, stability in memory.values()) / len(memory)
        out.append(SimDay(day, answers, len(met), retention))
        if progress is not None:
            progress(scheduling.name, offset + 1, days)
    return Simulation(scheduling.name, out)
