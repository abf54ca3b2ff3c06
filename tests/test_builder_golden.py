"""Golden decks: every test article's deck is checked in (tests/articles/golden/). They were
audited card by card with CARD-QUALITY.md (figures in the README's builder section) and
still hold the cards that audit judged weak or broken: they pin what the builder writes,
not what it should write. A build that changes a card shows up here as a diff to review;
the rules a card must follow are asserted in test_builder*.py.

To accept a change after reading it: FLASHCARDS_UPDATE_GOLDEN=1 uv run pytest
tests/test_builder_golden.py, then read `git diff tests/articles/golden/`.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from flashcards.builder import build_deck
from flashcards.formats.deckfile import dumps

ARTICLES = Path(__file__).parent / "articles"
GOLDEN = ARTICLES / "golden"
NAMES = sorted(p.name for p in ARTICLES.iterdir() if p.suffix in (".txt", ".md"))


@pytest.mark.parametrize("name", NAMES)
def test_the_deck_is_the_reviewed_one(name):
    text = (ARTICLES / name).read_bytes().decode("utf-8")
    built = dumps(build_deck(text, name).deck)
    golden = GOLDEN / f"{Path(name).stem}.toml"
    if os.environ.get("FLASHCARDS_UPDATE_GOLDEN"):
        GOLDEN.mkdir(exist_ok=True)
        golden.write_text(built, encoding="utf-8")
    assert golden.is_file(), f"no golden deck for {name}: build one and review it"
    assert built == golden.read_text(encoding="utf-8"), (
        f"{name}: the deck differs from {golden.name}; review the change (see the module "
        "docstring)")


def test_every_golden_deck_has_its_article():
    stems = {Path(n).stem for n in NAMES}
    assert {p.stem for p in GOLDEN.glob("*.toml")} == stems
