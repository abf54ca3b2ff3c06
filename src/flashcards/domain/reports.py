"""What the service layer reports and the ui renders: import plans, a
review session's summary. Standard library only."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from flashcards.domain.cards import Duplicates


@dataclass
class ImportPlan:
    """What importing one deck does (or did): card keys by outcome."""

    deck: str
    deck_is_new: bool = False
    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    moved: list[str] = field(default_factory=list)  # same text, new place in the article
    retired: list[str] = field(default_factory=list)  # gone from the file, history kept
    pruned: list[str] = field(default_factory=list)  # gone from the file, deleted (--prune)
    # key -> question of the cards a plan lists one by one (updated, retired, pruned)
    questions: dict[str, str] = field(default_factory=dict)
    previous_file: str | None = None  # set when the deck was last imported from elsewhere
    duplicates: Duplicates = Duplicates()  # repeated rows of the file (CSV/TSV)


@dataclass(frozen=True)
class SessionSummary:
    reviewed: int  # answers given in the session, redrills included
    new_learned: int  # new cards seen for the first time
    grades: dict[int, int]  # grade -> answers
    time_ms: int  # time spent on the cards (each capped)
    retained: int  # today's first answers to learned cards graded 3 or more ...
    retention_total: int  # ... out of this many (all sessions of the day)
    due_now: int  # learned cards still due today
    due_tomorrow: int  # learned cards due by tomorrow
    next_due: date | None  # first day after today with a card due
    new_waiting: int = 0  # new cards never seen yet, in the decks reviewed
