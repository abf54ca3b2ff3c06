"""Cards and their scheduling state: grades, review kinds, SM-2 state, drafts, queue cards.

Standard library only. Everything here is immutable (but a streamed deck's iterator).
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import TYPE_CHECKING, NamedTuple

from flashcards.domain.limits import START_EASE

if TYPE_CHECKING:
    from collections.abc import Iterable


class Grade(enum.IntEnum):
    """SM-2 answer quality, 0 (blackout) to 5 (perfect)."""

    BLACKOUT = 0
    WRONG_REMEMBERED = 1
    WRONG_EASY = 2
    HARD = 3
    HESITANT = 4
    PERFECT = 5


GRADE_LABELS: dict[int, str] = {
    5: "perfect",
    4: "correct, after hesitation",
    3: "correct, with serious difficulty",
    2: "wrong, but the answer seemed easy",
    1: "wrong, but remembered",
    0: "blackout",
}


class ReviewKind(enum.StrEnum):
    """What an answer was, as Anki's review log says it (the scheduler decides, from the
    branch that scored it). True retention counts REVIEW answers only."""

    LEARN = "learn"  # the first answer ever to a new card: scored
    REVIEW = "review"  # the first answer of a study day to a learned card: scored
    RELEARN = "relearn"  # the answer after a failure (graded < 3) the same day: scored
    REDRILL = "redrill"  # a repeat of a card graded 3 or below: changes only the due day


@dataclass(frozen=True, slots=True)
class CardState:
    """Scheduling state of one card. A new card has never been answered (last_review is
    None). `due` is the active scheduler's; repetitions, EF, interval and redrill are
    SM-2's (kept up to date under FSRS too); stability (days) and difficulty (1-10) are
    FSRS's memory state, None until FSRS has scheduled the card or read its history."""

    repetitions: int = 0
    ease: float = START_EASE
    interval: int = 0
    due: date | None = None
    redrill: bool = False
    lapses: int = 0
    last_review: date | None = None
    stability: float | None = None
    difficulty: float | None = None

    @property
    def is_new(self) -> bool:
        return self.last_review is None


NEW_STATE = CardState()


def kind_of_answer(before: CardState, day: date) -> ReviewKind:
    """The kind of an answer given on study day `day` to a card in state `before`: the
    rule the SM-2 scheduler's branches follow, for history read back or carried in from
    another app (migration 5 applies the same rule in SQL)."""
    if before.is_new:
        return ReviewKind.LEARN
    if before.redrill:
        return ReviewKind.REDRILL
    return ReviewKind.RELEARN if before.last_review == day else ReviewKind.REVIEW


@dataclass(frozen=True, slots=True)
class SourceRef:
    """Where a card came from: a file, a section of it and a 1-based inclusive line span."""

    file: str | None = None
    section: str | None = None
    line_start: int | None = None
    line_end: int | None = None


NO_SOURCE = SourceRef()  # a card that names no source (shared: `is` compares it fast)


class CardDraft(NamedTuple):
    """A card as a builder or importer produces it, before it is stored.

    `key` is the card's stable identity within its deck: rebuilding or re-importing
    a deck matches cards by key, so their progress survives edits to the text.

    A named tuple, not a frozen dataclass: as immutable, and made five times faster
    (a 100,000-row import makes one per row; bench/bench_import.py). Change one with
    `draft._replace(...)`.
    """

    key: str
    question: str
    answer: str
    kind: str = "basic"
    tags: tuple[str, ...] = ()
    source: SourceRef = NO_SOURCE
    # Progress carried in from another app (Anki --with-progress); None for fresh cards.
    state: CardState | None = None
    history: tuple[ReviewDraft, ...] = ()
    suspended: bool = False  # suspended in the app it came from (Anki); set on first import


@dataclass(frozen=True, slots=True)
class ReviewDraft:
    """One past answer carried in from another app, with the state it led to."""

    reviewed_at: datetime
    study_day: date
    grade: int
    kind: ReviewKind
    before: CardState
    after: CardState
    answer_ms: int | None = None


@dataclass(frozen=True, slots=True)
class SameQuestion:
    """A question on rows of a file with different answers: one card per answer."""

    question: str  # as on its first row
    lines: tuple[int, ...]  # the line of each answer's first row


@dataclass(frozen=True, slots=True)
class Duplicates:
    """What a CSV/TSV reader found repeated in a deck's rows without a key: rows with the
    question and answer of an earlier row (merged into its card), and questions asked
    with different answers (kept as different cards)."""

    merged: int = 0  # rows folded into an earlier row's card
    questions: tuple[SameQuestion, ...] = ()


@dataclass(frozen=True, slots=True)
class DeckDraft:
    """A deck as read from a deck file, a CSV or a package."""

    name: str
    cards: tuple[CardDraft, ...]
    source: str | None = None  # the article or file the deck was made from
    meta: dict[str, str] = field(default_factory=dict)  # syllabus, builder version, ...
    duplicates: Duplicates = Duplicates()  # CSV/TSV: repeated rows, for the import plan
    # A big CSV/TSV read while it is imported: its cards in chunks as they are parsed
    # (`cards` holds none), then its Duplicates (formats.delimited.stream).
    later: Iterable[tuple[CardDraft, ...] | Duplicates] | None = None


@dataclass(frozen=True, slots=True)
class QueueCard:
    """A card ready to be shown in a review session."""

    card_id: int
    deck: str
    key: str
    kind: str
    question: str
    answer: str
    state: CardState
    source: SourceRef
    deck_file: str | None = None
