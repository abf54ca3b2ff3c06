"""Use cases over the store: import decks, build today's queue, answer, undo, report.

Plain functions, no Rich and no Typer. Each unit of work is one transaction. Times are
arguments: nothing here reads the clock. One module per part: importing, review,
reports (stats and export).
"""

from flashcards.service.cards import bury, unbury
from flashcards.service.importing import clean_draft, import_decks
from flashcards.service.reports import export_decks, export_review_csv, export_rows, progress
from flashcards.service.review import (
    Answer,
    LeechRule,
    Queue,
    Undone,
    answer,
    build_queue,
    deck_names,
    deck_summaries,
    due_count,
    next_due_day,
    queue_card,
    resolve_decks,
    session_summary,
    undo_answer,
    undo_last,
)

__all__ = [
    "Answer", "LeechRule", "Queue", "Undone", "answer", "build_queue", "bury", "clean_draft",
    "deck_names", "unbury",
    "deck_summaries", "due_count", "export_decks", "export_review_csv", "export_rows",
    "import_decks", "next_due_day", "progress", "queue_card", "resolve_decks",
    "session_summary", "undo_answer", "undo_last",
]
