"""What `cards` lists and `due` counts: plain values for the card browser and scripts."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True, slots=True)
class CardRow:
    """One card as `flashcards cards` shows it; `name` is DECK/KEY."""

    deck: str
    key: str
    question: str
    answer: str
    tags: tuple[str, ...]
    state: str
    due: date | None
    ease: float
    interval: int
    reps: int
    lapses: int
    section: str | None
    source: str | None

    @property
    def name(self) -> str:
        return f"{self.deck}/{self.key}"


@dataclass(frozen=True, slots=True)
class DueSummary:
    """Today's work: learned cards due, cards to relearn today, new cards the daily
    limit still lets in."""

    day: date
    reviews: int
    relearn: int
    new: int

    @property
    def total(self) -> int:
        return self.reviews + self.relearn + self.new


@dataclass(frozen=True)
class DeckSummary:
    """One deck as `flashcards decks` lists it."""

    name: str
    new: int
    due: int
    total: int
