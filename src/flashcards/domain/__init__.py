"""The domain: plain values, errors and rules every layer shares. Standard library only.

One module per concept: `cards` (grades, review kinds, SM-2 state, drafts), `reports`
(import plans, deck lists, session summaries), `stats` (progress figures), `views`
(what a review screen shows), `errors`, `text` (untrusted-text cleaning), `days` (study
days, stored times), `limits` (the shared limits), `files` (atomic file writes).
The card values are re-exported here, as most modules need a few of them.
"""

from flashcards.domain.cards import (
    GRADE_LABELS,
    NEW_STATE,
    NO_SOURCE,
    CardDraft,
    CardState,
    DeckDraft,
    Duplicates,
    Grade,
    QueueCard,
    ReviewDraft,
    ReviewKind,
    SameQuestion,
    SourceRef,
    kind_of_answer,
)

__all__ = [
    "GRADE_LABELS", "NEW_STATE", "NO_SOURCE", "CardDraft", "CardState", "DeckDraft",
    "Duplicates", "Grade", "QueueCard", "ReviewDraft", "ReviewKind", "SameQuestion",
    "SourceRef", "kind_of_answer",
]
