"""The exam plan's figures: a plain value `flashcards plan` prints and writes as JSON."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class PlanDay:
    day: date
    reviews: int
    new: int
    minutes: float
    feasible: bool


@dataclass(frozen=True)
class Plan:
    exam_day: date
    daily_minutes: int
    seconds_per_card: float
    days: list[PlanDay]
    new_left: int  # new cards not yet met on the exam's eve
    new_done: date | None  # the day the last new card is met

    @property
    def over(self) -> list[PlanDay]:
        return [d for d in self.days if not d.feasible]
