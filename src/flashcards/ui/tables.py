"""Plain tables: decks and other lists."""

from __future__ import annotations

from collections.abc import Sequence

from rich.table import Table

from flashcards.domain.listing import CardRow
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


def card_table(cards: Sequence[CardRow], width: int) -> Table:
    """The card browser: name, question cut to the width, state, due, EF, lapses."""
    table = Table(box=None, pad_edge=False, expand=True, width=width)
    table.add_column("Card", overflow="fold", ratio=2)  # whole: the name `suspend` takes
    table.add_column("Question", no_wrap=True, overflow="ellipsis", ratio=3)
    table.add_column("State", no_wrap=True)
    table.add_column("Due", no_wrap=True)
    table.add_column("EF", justify="right", no_wrap=True)
    table.add_column("Lapses", justify="right", no_wrap=True)
    for card in cards:
        style = "red" if "leech" in card.tags else None
        table.add_row(safe_text(card.name), safe_text(" ".join(card.question.split())),
                      safe_text(card.state, style=style or ""),
                      card.due.isoformat() if card.due else "—", f"{card.ease:.2f}",
                      str(card.lapses))
    return table
