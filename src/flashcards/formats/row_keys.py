"""Keys for CSV/TSV rows that have none, and the rows that repeat one another.

A row without a key gets one from its question (case and runs of whitespace ignored), so
importing the same file again updates its cards instead of duplicating them. A later row
of the same deck with the same question:

- and the same answer (case and whitespace ignored again) repeats the earlier row: it is
  merged into that row's card (no card of its own) and counted;
- and another answer is another card, keyed `<question key>-<n>` where n counts the rows
  with that question so far, merged ones included (so a card's key does not change
  when a repeated row is merged); the question is reported with the line of each answer.

Text only: no store, no printing.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from flashcards.domain import Duplicates, SameQuestion
from flashcards.domain.text import clean


def normal(text: str) -> str:
    """Text as rows are compared: case and runs of whitespace ignored."""
    if not text.isprintable():
        text = clean(text)
    return " ".join(text.split()).casefold()


def question_key(question: str, printable: bool = False) -> str:
    """A stable key from a question: the same words, whatever the case and spacing
    (`normal`, written out: this runs once a row). `printable`: the caller has checked."""
    if printable or question.isprintable():
        text = question  # (no whitespace but " ": split and join, a tenth of an import's
        # time, change only a text with spaces at its ends or two in a row)
        if "  " in text or text[:1] == " " or text[-1:] == " ":
            text = " ".join(text.split())
    else:
        text = " ".join(clean(question).split())
    return "q-" + _blake2b(text.casefold().encode(), digest_size=8).hexdigest()


_blake2b = hashlib.blake2b


@dataclass
class _Asked:
    """A question on two rows or more of one deck."""

    question: str  # its first row's
    answers: dict[str, int]  # normalised answer -> line of its first row
    rows: int = 1


class RowKeys:
    """Keys for the rows without one, in file order; None for a row merged into an
    earlier one. The per-row path is lean: most questions are on one row."""

    def __init__(self) -> None:
        # (deck, question key) -> first row's question, answer and line
        self._first: dict[tuple[str, str], tuple[str, str, int]] = {}
        self._asked: dict[tuple[str, str], _Asked] = {}  # questions on two rows or more
        self._merged: dict[str, int] = {}  # deck -> rows merged

    def key(self, line: int, deck: str, question: str, answer: str,
            printable: bool = False) -> str | None:
        """The key of the row on `line`, or None when it repeats an earlier row
        (`printable`: the caller has checked the question is)."""
        base = question_key(question, printable)
        if self._first.setdefault((deck, base), (question, answer, line))[2] == line:
            return base
        return self._again(line, deck, base, answer)

    def _again(self, line: int, deck: str, base: str, answer: str) -> str | None:
        asked = self._asked.get((deck, base))
        if asked is None:
            question, first, first_line = self._first[deck, base]
            asked = self._asked[deck, base] = _Asked(question, {normal(first): first_line})
        asked.rows += 1
        same = normal(answer)
        if same in asked.answers:
            self._merged[deck] = self._merged.get(deck, 0) + 1
            return None
        asked.answers[same] = line
        return f"{base}-{asked.rows}"

    def duplicates(self) -> dict[str, Duplicates]:
        """Per deck with repeated rows: how many were merged, and the questions asked
        with different answers, in file order."""
        questions: dict[str, list[SameQuestion]] = {}
        for (deck, _), asked in self._asked.items():
            if len(asked.answers) > 1:
                questions.setdefault(deck, []).append(
                    SameQuestion(asked.question, tuple(asked.answers.values())))
        return {deck: Duplicates(self._merged.get(deck, 0),
                                 tuple(sorted(questions.get(deck, ()), key=_first_line)))
                for deck in self._merged.keys() | questions.keys()}


def _first_line(same: SameQuestion) -> int:
    return same.lines[0]
