"""What a review screen shows: the session's phase, where a card came from in the
queue, the grade legend, the source passage. The session (service/session.py) makes
these; the screen (ui/review_screen.py) draws them. Standard library only."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from pathlib import Path

from flashcards.domain.cards import QueueCard


class Phase(enum.Enum):
    QUESTION = "question"
    ANSWER = "answer"
    HELP = "help"
    SOURCE = "source"
    LEECH = "leech"  # the card just answered became a leech: said, with its answer
    FINISHED = "finished"  # the queue is empty: summary on screen, `u` still undoes
    DONE = "done"  # the session is over


class Origin(enum.StrEnum):
    NEW = "new"
    DUE = "due"
    REDRILL = "redrill"


@dataclass(frozen=True)
class Passage:
    """The article text a card came from, or a note saying why there is none."""

    section: str | None = None
    lines: tuple[str, ...] = ()
    path: Path | None = None
    span: tuple[int, int] | None = None
    note: str | None = None


@dataclass(frozen=True)
class LegendRow:
    grade: int
    label: str
    days: int  # when the card comes back: 0 = again today


@dataclass(frozen=True)
class View:
    """Everything a renderer needs to draw the current screen."""

    phase: Phase
    card: QueueCard | None
    origin: Origin | None
    position: int  # 1-based number of the card on screen
    total: int  # answered + still to answer (redrills included)
    left: dict[Origin, int]  # cards still to answer, the one on screen included
    legend: tuple[LegendRow, ...]
    notice: str | None
    passage: Passage | None
    under: Phase  # the card screen under a help or source overlay
    typing: bool = False  # review --type: the answer is typed before it is shown
    typed: str | None = None  # what was typed (while typing, so far)
    suggested: int | None = None  # the grade the typed answer suggests; Enter takes it
