"""Progress figures as plain values: what `stats` computes (service/stats.py) and the
dashboard draws (ui/dashboard.py). Standard library only."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True)
class Rate:
    """Scheduled answers tested and passed (graded 3 or more)."""

    tested: int = 0
    passed: int = 0

    @property
    def rate(self) -> float | None:
        return self.passed / self.tested if self.tested else None

    def __add__(self, other: Rate) -> Rate:
        return Rate(self.tested + other.tested, self.passed + other.passed)


@dataclass(frozen=True)
class DaySummary:
    day: date
    reviewed: int
    new_learned: int
    retention: Rate
    time_ms: int
    still_due: int


@dataclass(frozen=True)
class Calendar:
    first: date
    last: date
    days: list[tuple[date, int]]  # every day first..last with its answers
    current_streak: int
    longest_streak: int

    @property
    def reviews(self) -> int:
        return sum(n for _, n in self.days)

    @property
    def study_days(self) -> int:
        return sum(1 for _, n in self.days if n)


@dataclass(frozen=True)
class RetentionRow:
    days: int
    young: Rate
    mature: Rate

    @property
    def all(self) -> Rate:
        return self.young + self.mature


@dataclass(frozen=True)
class PartStats:
    """One deck, or one section (or kind) of a deck."""

    name: str
    cards: int = 0
    due: int = 0
    new: int = 0
    learned: int = 0
    ease_sum: float = 0.0
    lapses: int = 0
    retention: Rate = Rate()

    @property
    def average_ease(self) -> float | None:
        return round(self.ease_sum / self.learned, 2) if self.learned else None


@dataclass(frozen=True)
class DeckStats:
    deck: PartStats
    # article decks with two or more sections (or kinds) only
    sections: list[PartStats] = field(default_factory=list)


@dataclass(frozen=True)
class HardCard:
    deck: str
    key: str
    question: str
    ease: float
    lapses: int
    interval: int
    reps: int
    due: str | None


@dataclass(frozen=True)
class Bucket:
    label: str
    low: float
    high: float | None
    cards: int


@dataclass(frozen=True)
class Stats:
    today: DaySummary
    period_days: int
    decks_filter: list[str] | None
    states: dict[str, int]
    calendar: Calendar
    forecast: list[tuple[date, int]]
    retention: list[RetentionRow]
    decks: list[DeckStats]
    hardest: list[HardCard]
    intervals: list[Bucket]
    eases: list[Bucket]
    leeches: list[HardCard] = field(default_factory=list)
