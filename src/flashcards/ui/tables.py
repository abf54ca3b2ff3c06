"""Plain tables: decks and other lists."""

from __future__ import annotations

from collections.abc import Sequence

from rich.table import Table

from flashcards.domain.reports import DeckSummary
from flashcards.ui.terminal import safe_text


def deck_table(decks: Sequence[DeckSummary]) -> Table:
    table = Table(title=None, show_footer=len(decks) > 1, box=None, pad_edge=False)
    table.add_column("Deck", footer="All", no_wrap=False)
    for header, attr in (("New", "new"), ("Due", "due"), ("Total", "total")):
        table.add_column(header, justify="right",
                         footer=str(sum(getattr(d, attr) for d in decks)))
    for deck in decks:
        table.add_row(safe_text(deck.name), str(deck.new), str(deck.due), str(deck.total))
    return table
