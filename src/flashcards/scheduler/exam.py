"""Exam-date mode: no card slips past the exam. Pure: dates in, dates out.

When an answer would make a card due after the exam, it is due instead in the last
`final_days` days before it (spread over those days by the card's id, so they do not all
come back on one day); the interval and EF are kept, so after the exam the card resumes
its normal rhythm. A card answered inside that final window is not pulled back again:
its next review may fall after the exam.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta

from flashcards.domain import CardState


@dataclass(frozen=True)
class Exam:
    day: date
    final_days: int = 3  # the window before the exam that every card comes back in

    @property
    def window_start(self) -> date:
        return self.day - timedelta(days=max(1, self.final_days))


def cap(state: CardState, today: date, exam: Exam, card_id: int = 0) -> CardState:
    """The state after an answer, its due day brought before the exam if it fell after."""
    if state.due is None or state.due <= exam.day or today >= exam.window_start:
        return state
    window = (exam.day - exam.window_start).days  # at least 1
    due = exam.window_start + timedelta(days=card_id % window)
    return replace(state, due=max(due, today + timedelta(days=1)))


def new_cards_needed(remaining_new: int, today: date, exam: Exam,
                     lead_days: int = 14) -> int:
    """New cards a day it takes to introduce every remaining one by `lead_days` before
    the exam (all of them today when that day has come)."""
    days = (exam.day - timedelta(days=lead_days) - today).days
    if remaining_new <= 0:
        return 0
    return remaining_new if days <= 0 else -(-remaining_new // days)
