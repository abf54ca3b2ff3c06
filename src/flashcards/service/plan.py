"""`flashcards plan`: the days up to the exam, simulated: each day's reviews and new
cards, the minutes they take at the student's own pace, and whether that fits the day.

The simulation answers every card it shows "correct, after hesitation" (4) with the
chosen scheduler and exam-date capping, introduces new cards at the day's limit
(raised, as the review session raises it, to finish them two weeks before the exam),
and counts the minutes at the median time of the student's last 1,000 answers (10 s
without any). With FSRS it also predicts the share remembered on exam day.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from flashcards.domain import CardState
from flashcards.domain.plan import Plan, PlanDay
from flashcards.scheduler import fsrs
from flashcards.scheduler.exam import Exam, cap, new_cards_needed
from flashcards.service.review import Scheduling

if TYPE_CHECKING:
    from flashcards.store import Store

DEFAULT_SECONDS = 10.0
SIMULATED_GRADE = 4


def state_of(row: Sequence[Any]) -> CardState:
    """A card_queries.active_states row's state."""
    _, reps, ease, interval, due, redrill, lapses, last, stability, difficulty = row
    return CardState(int(reps), float(ease), int(interval),
                     date.fromisoformat(due) if due else None, bool(redrill), int(lapses),
                     date.fromisoformat(last) if last else None, stability, difficulty)


def plan(store: Store, decks: Sequence[str], today: date, exam: Exam, new_per_day: int,
         daily_minutes: int, scheduling: Scheduling | None = None) -> Plan:
    """The plan; with FSRS (`scheduling`), also the share of cards it predicts are
    remembered on exam day if every review in the plan is done and recalled."""
    from flashcards.service.reports import deck_ids_of
    from flashcards.store import card_queries as cq

    with store.raw_read() as conn:
        ids = deck_ids_of(conn, decks)
        rows = cq.active_states(conn, ids)
        median = cq.median_answer_ms(conn)
        met_today = cq.new_introduced(conn, ids, today)
    seconds = median / 1000 if median else DEFAULT_SECONDS
    due_on: dict[date, list[tuple[int, CardState]]] = defaultdict(list)
    fresh: list[int] = []
    review = (scheduling or Scheduling()).review
    final: dict[int, CardState] = {}
    for row in rows:
        state = state_of(row)
        final[int(row[0])] = state
        if state.is_new:
            fresh.append(int(row[0]))
        else:
            due_on[max(state.due or today, today)].append((int(row[0]), state))
    days: list[PlanDay] = []
    new_done = None if fresh else today
    day = today
    while day < exam.day:
        shown = [(i, s) for i, s in due_on.pop(day, []) if s.last_review != day or s.redrill]
        limit = max(new_per_day, new_cards_needed(len(fresh), day, exam))
        if day == today:  # less those already met today, as the review session counts
            limit = max(0, limit - met_today)
        met, fresh = fresh[:limit], fresh[limit:]
        if met and not fresh:
            new_done = day
        for card_id, state in [*shown, *((i, CardState()) for i in met)]:
            after, _ = review(state, SIMULATED_GRADE, day)
            after = cap(after, day, exam, card_id)
            final[card_id] = after
            if after.due is not None and after.due < exam.day:
                due_on[after.due].append((card_id, after))
        minutes = round((len(shown) + len(met)) * seconds / 60, 1)
        days.append(PlanDay(day, len(shown), len(met), minutes, minutes <= daily_minutes))
        day += timedelta(days=1)
    recall = None
    if scheduling is not None and scheduling.name == "fsrs" and scheduling.model and final:
        chances = [fsrs.recall(s, exam.day, scheduling.model) for s in final.values()]
        recall = sum(c or 0.0 for c in chances) / len(chances)  # never met: 0
    return Plan(exam.day, daily_minutes, seconds, days, len(fresh), new_done, recall)
