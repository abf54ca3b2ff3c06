"""Shell completion of deck and card names (bash, zsh, fish: `flashcards
--install-completion`), from the store named by FLASHCARDS_DB or the default one."""

from __future__ import annotations

import os
from pathlib import Path

from flashcards.cli import common


def _store() -> Path:
    """The store: completion runs before the root options are read, so FLASHCARDS_DB
    is read here (as --db would be)."""
    chosen = os.environ.get("FLASHCARDS_DB")
    return Path(chosen) if chosen else common.db_path()


def deck_names(incomplete: str) -> list[str]:
    from flashcards.store import names

    return names.deck_names(_store(), incomplete)


def card_names(incomplete: str) -> list[str]:
    """DECK/KEY: the decks first (each with its slash), then the keys of the deck typed."""
    from flashcards.store import names

    if "/" not in incomplete:
        return [f"{d}/" for d in names.deck_names(_store(), incomplete)]
    return names.card_names(_store(), incomplete)
