"""Deck commands: list, build from articles, import files."""

from __future__ import annotations

from flashcards.cli import common


def decks_cmd() -> None:
    """List decks with their counts: new, due today, total."""
    show_decks()


def show_decks() -> None:
    """What `flashcards decks` prints (cli.fast runs it without Typer too)."""
    from flashcards import service
    from flashcards.ui.tables import deck_table

    store = common.open_store()
    try:
        summaries = service.deck_summaries(store, common.today())
    finally:
        store.close()
    out = common.console()
    if not summaries:
        out.print(f"No decks yet in {store.path}. Import one: flashcards import decks/*.toml")
        return
    out.print(deck_table(summaries))
