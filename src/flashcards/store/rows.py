"""Row <-> domain mapping of cards and reviews, shared by queries.py (SQLAlchemy) and
import_queries.py (raw SQL). No SQL library."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from flashcards.domain import CardDraft, CardState


def like_escaped(text: str) -> str:
    """`text` as a literal inside a LIKE pattern written with ESCAPE '\\'."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


STATE_COLS = ("reps", "ease", "interval", "due", "redrill", "lapses", "last_review",
              "stability", "difficulty")


def state_values(state: CardState) -> dict[str, Any]:
    return dict(zip(STATE_COLS, (state.repetitions, state.ease, state.interval, state.due,
                                 state.redrill, state.lapses, state.last_review,
                                 state.stability, state.difficulty), strict=True))


def draft_values(draft: CardDraft) -> dict[str, Any]:
    src = draft.source
    return {
        "key": draft.key, "kind": draft.kind, "question": draft.question,
        "answer": draft.answer, "tags": " ".join(draft.tags), "source_file": src.file,
        "section": src.section, "line_start": src.line_start, "line_end": src.line_end,
    }


def review_values(before: CardState, after: CardState) -> dict[str, Any]:
    return {
        "reps_before": before.repetitions, "ease_before": before.ease,
        "interval_before": before.interval, "due_before": before.due,
        "redrill_before": before.redrill, "lapses_before": before.lapses,
        "last_review_before": before.last_review,
        "stability_before": before.stability, "difficulty_before": before.difficulty,
        "reps_after": after.repetitions, "ease_after": after.ease,
        "interval_after": after.interval, "due_after": after.due,
        "redrill_after": after.redrill, "lapses_after": after.lapses,
        "stability_after": after.stability, "difficulty_after": after.difficulty,
    }
