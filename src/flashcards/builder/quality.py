"""Build-time checks that warn (never fail) about cards a teacher would rewrite."""

from __future__ import annotations

from collections.abc import Sequence

from flashcards.builder.language import count_words, norm
from flashcards.domain import CardDraft

LONG_ANSWER_WORDS = 60


def check(cards: Sequence[CardDraft]) -> list[str]:
    """Warnings, one line each, naming the card by its key."""
    out: list[str] = []
    seen: dict[str, str] = {}
    for card in cards:
        words = count_words(card.answer)
        if words > LONG_ANSWER_WORDS:
            out.append(f"{card.key}: the answer is long ({words} words); consider "
                       "splitting the item")
        answer, question = norm(card.answer), norm(card.question)
        if answer and f" {answer} " in f" {question} ":
            out.append(f"{card.key}: the question gives away its answer "
                       f"\u201c{card.answer}\u201d")
        if question in seen:
            out.append(f"{card.key}: duplicates card {seen[question]} (same question)")
        else:
            seen[question] = card.key
    return out
