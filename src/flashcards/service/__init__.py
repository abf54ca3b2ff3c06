"""Use cases over the store: import decks, build today's queue, answer, undo, report.

Plain functions, no Rich and no Typer. Each unit of work is one transaction. Times are
arguments: nothing here reads the clock. One module per part: importing, review,
reports (stats and export).
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from flashcards.service.cards import bury, deck_summaries, unbury
    from flashcards.service.importing import clean_draft, import_decks
    from flashcards.service.reports import export_decks, export_review_csv, export_rows, progress
    from flashcards.service.review import (
        Answer,
        ExamRule,
        LeechRule,
        Queue,
        Scheduling,
        Undone,
        answer,
        build_queue,
        deck_names,
        due_count,
        exam_rule,
        new_remaining,
        next_due_day,
        queue_card,
        resolve_decks,
        session_summary,
        undo_answer,
        undo_last,
    )

# name -> the module that defines it; imported on first use, so that a command pays
# only for the use cases it runs (`flashcards due` runs one query).
_WHERE = {
    "Answer": "flashcards.service.review",
    "LeechRule": "flashcards.service.review",
    "Queue": "flashcards.service.review",
    "Scheduling": "flashcards.service.review",
    "Undone": "flashcards.service.review",
    "answer": "flashcards.service.review",
    "build_queue": "flashcards.service.review",
    "bury": "flashcards.service.cards",
    "clean_draft": "flashcards.service.importing",
    "deck_names": "flashcards.service.review",
    "deck_summaries": "flashcards.service.cards",
    "due_count": "flashcards.service.review",
    "exam_rule": "flashcards.service.review",
    "new_remaining": "flashcards.service.review",
    "ExamRule": "flashcards.service.review",
    "export_decks": "flashcards.service.reports",
    "export_review_csv": "flashcards.service.reports",
    "export_rows": "flashcards.service.reports",
    "import_decks": "flashcards.service.importing",
    "next_due_day": "flashcards.service.review",
    "progress": "flashcards.service.reports",
    "queue_card": "flashcards.service.review",
    "resolve_decks": "flashcards.service.review",
    "session_summary": "flashcards.service.review",
    "unbury": "flashcards.service.cards",
    "undo_answer": "flashcards.service.review",
    "undo_last": "flashcards.service.review",
}

__all__ = [
    "Answer", "ExamRule", "LeechRule", "Queue", "Scheduling", "Undone", "answer",
    "build_queue", "bury",
    "clean_draft", "deck_names", "exam_rule", "new_remaining", "unbury",
    "deck_summaries", "due_count", "export_decks", "export_review_csv", "export_rows",
    "import_decks", "next_due_day", "progress", "queue_card", "resolve_decks",
    "session_summary", "undo_answer", "undo_last",
]


def __getattr__(name: str) -> Any:
    if name in _WHERE:
        value = getattr(import_module(_WHERE[name]), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
