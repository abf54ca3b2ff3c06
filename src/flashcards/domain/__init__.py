"""The domain: plain values, errors and rules every layer shares. Standard library only.

One module per concept: `cards` (grades, review kinds, SM-2 state, drafts), `reports`
(import plans, deck lists, session summaries), `stats` (progress figures), `views`
(what a review screen shows), `errors`, `text` (untrusted-text cleaning), `days` (study
days, stored times), `limits` (the shared limits), `files` (atomic file writes).
The card values are re-exported here, as most modules need a few of them (imported
when first asked for: a command that needs only `errors` does not pay for them).
"""

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
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


def __getattr__(name: str) -> Any:  # loaded when first used: `domain.errors` alone is cheap
    if name in __all__:
        from flashcards.domain import cards

        return getattr(cards, name)
    raise AttributeError(name)


__all__ = [
    "GRADE_LABELS", "NEW_STATE", "NO_SOURCE", "CardDraft", "CardState", "DeckDraft",
    "Duplicates", "Grade", "QueueCard", "ReviewDraft", "ReviewKind", "SameQuestion",
    "SourceRef", "kind_of_answer",
]
