"""SQLModel tables. Must not use `from __future__ import annotations` (sqlmodel#196).

The schema itself is created by the numbered migrations in migrations.py; these classes
describe it for queries, and a test checks that the two agree.
"""

from datetime import date

from sqlmodel import Field, SQLModel


class Deck(SQLModel, table=True):
    __tablename__ = "deck"

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(unique=True)
    source: str | None = None  # the article the deck was built from
    deck_file: str | None = None  # the deck file it was last imported from
    meta: str = "{}"  # JSON object: syllabus, builder version, ...
    created_at: str  # ISO 8601 UTC


class Card(SQLModel, table=True):
    __tablename__ = "card"

    id: int | None = Field(default=None, primary_key=True)
    deck_id: int = Field(foreign_key="deck.id")  # indexed by UNIQUE (deck_id, key)
    key: str
    kind: str = "basic"
    question: str
    answer: str
    tags: str = ""  # space-separated
    source_file: str | None = None
    section: str | None = None
    line_start: int | None = None
    line_end: int | None = None
    created_at: str
    updated_at: str
    suspended: bool = False
    retired: bool = False  # removed from its deck file; history kept
    # SM-2 state
    reps: int = 0
    ease: float = 2.5
    interval: int = 0
    due: date | None = None  # indexed where not NULL, with what due counts test (9)
    redrill: bool = False
    lapses: int = 0
    last_review: date | None = None
    # card control (migration 6)
    buried_until: date | None = None  # out of the queues before this study day
    leech: bool = False  # lapsed leech_threshold times
    search: str | None = None  # the text folded for search, when it has accents
    # FSRS memory state (migration 7)
    stability: float | None = None
    difficulty: float | None = None


class Review(SQLModel, table=True):
    """Append-only log of every answer: the source of truth for stats and undo."""

    __tablename__ = "review"

    id: int | None = Field(default=None, primary_key=True)
    card_id: int = Field(foreign_key="card.id", index=True)
    reviewed_at: str  # ISO 8601 UTC
    study_day: date = Field(index=True)
    grade: int
    kind: str  # learn | review | relearn | redrill (domain.cards.ReviewKind)
    answer_ms: int | None = None
    session_id: str | None = None
    reps_before: int
    ease_before: float
    interval_before: int
    due_before: date | None = None
    redrill_before: bool
    lapses_before: int
    last_review_before: date | None = None
    reps_after: int
    ease_after: float
    interval_after: int
    due_after: date | None = None
    redrill_after: bool
    lapses_after: int
    # migration 7: which scheduler set due_after; the FSRS memory state around the answer
    scheduler: str = "sm2"
    stability_before: float | None = None
    difficulty_before: float | None = None
    stability_after: float | None = None
    difficulty_after: float | None = None


class Meta(SQLModel, table=True):
    """Store-wide values: the fitted FSRS parameters, the scheduler the due dates are
    from (migration 7)."""

    __tablename__ = "meta"

    key: str = Field(primary_key=True)
    value: str
