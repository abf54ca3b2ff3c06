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
    predicted_recall: float | None = None  # FSRS: the share remembered on exam day

    @property
    def over(self) -> list[PlanDay]:
        return [d for d in self.days if not d.feasible]


@dataclass(frozen=True)
class SimDay:
    day: date
    reviews: int  # answers, a failed card's second answer the same day included
    new: int
    retention: float | None  # mean chance of recall over the cards met so far


@dataclass(frozen=True)
class Simulation:
    """One scheduler's run of the simulator over the student's own cards."""

    scheduler: str
    days: list[SimDay]

    @property
    def reviews(self) -> int:
        return sum(d.reviews for d in self.days)

    @property
    def final_retention(self) -> float | None:
        known = [d.retention for d in self.days if d.retention is not None]
        return known[-1] if known else None
