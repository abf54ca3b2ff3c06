"""The review session as a plain state machine: keys in, store writes and screens out.

No Rich, no Typer, no clock: every time is an argument (`now`, `today`, and `clock`, a
monotonic reading in seconds used only to measure how long a card was on screen). The
CLI reads keys (single keys from the terminal, or lines in `--lines` mode), hands them
to `Session.press`, and renders `Session.view()` after each key that changed something.

Rules kept here:

* the queue is the service's: redrills, then due reviews, then new cards;
* every grade is committed (service.answer, one transaction) before the next card shows;
* a card whose new state is due today (answered 3 or below) goes to the back of the
  queue and comes back until it is answered 4 or 5 (SM-2 step 7); the store logs those
  repeats as redrills;
* `u` undoes this session's last answer and puts the card back on screen; with no answer
  in this session it undoes the last answer in the store (so it works after a restart).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from flashcards import service
from flashcards.domain.cards import GRADE_LABELS, CardState, QueueCard
from flashcards.domain.errors import ConflictError, NotFoundError
from flashcards.domain.limits import MAX_ANSWER_MS
from flashcards.domain.views import LegendRow, Origin, Passage, Phase, View

if TYPE_CHECKING:
    from flashcards.store import Store



# --- keys ------------------------------------------------------------------

REVEAL, UNDO, SOURCE, HELP, QUIT, BURY = "reveal", "undo", "source", "help", "quit", "bury"
INTERRUPT = "interrupt"  # ctrl-c: ends the session from any screen, overlays included
_NAMED = {" ": REVEAL, "\r": REVEAL, "\n": REVEAL, "space": REVEAL, "enter": REVEAL,
          "u": UNDO, "s": SOURCE, "?": HELP, "h": HELP, "q": QUIT, "b": BURY,
          "\x1b": "escape",
          "\x03": INTERRUPT}


def key_action(key: str) -> str | None:
    """A key (one character, or a named key in line mode) -> an action; None if unknown."""
    if key in ("0", "1", "2", "3", "4", "5"):
        return key
    return _NAMED.get(key.lower() if len(key) > 1 else key)


def line_keys(line: str) -> list[str]:
    """Line mode: one key per line; an empty line (or "space"/"enter") reveals."""
    text = line.strip()
    return [" "] if text == "" else [text]


def terminal_keys(raw: str) -> list[str]:
    """What typer.getchar returned -> keys. An escape sequence (arrow, F-key) is one key;
    several plain characters read at once (typed ahead) are several keys, in order."""
    if raw.startswith("\x1b"):
        return [raw]
    return list(raw)


# --- the source passage ----------------------------------------------------


def _candidates(card: QueueCard, file: str, cwd: Path) -> list[Path]:
    rel = Path(file)
    if rel.is_absolute():
        return [rel]
    found: list[Path] = []
    if card.deck_file:
        deck_dir = (cwd / card.deck_file).parent  # an absolute deck_file wins the join
        found += [deck_dir.parent / rel, deck_dir / rel, deck_dir.parent / "seeds" / rel]
    found += [cwd / rel, cwd / "seeds" / rel]
    return found


def find_passage(card: QueueCard, cwd: Path) -> Passage:
    """The section and the lines of the card's span in its source article.

    The card's source file is looked up beside the deck file's folder, in it, in a
    `seeds/` folder beside it (decks/x.toml -> seeds/x.txt), then in the current folder
    and its `seeds/`.
    """
    src = card.source
    if not src.file:
        return Passage(section=src.section, note="This card has no source article.")
    path = next((p for p in _candidates(card, src.file, cwd) if p.is_file()), None)
    if path is None:
        return Passage(section=src.section,
                       note=f"Source article {src.file} not found (looked beside the deck "
                       "file and in the current folder).")
    try:
        lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError as exc:
        return Passage(section=src.section, path=path,
                       note=f"Cannot read {path}: {exc.strerror}")
    if src.line_start is None:
        return Passage(section=src.section, path=path,
                       note="The card names no lines of the article.")
    start, end = src.line_start, src.line_end or src.line_start
    picked = tuple(line.strip() for line in lines[start - 1:end] if line.strip())
    if start < 1 or not picked:
        return Passage(section=src.section, path=path, span=(start, end),
                       note=f"Lines {start}-{end} are not in {path.name} any more "
                       "(the article changed since the deck was built?).")
    return Passage(src.section, picked, path, (start, end))


# --- the state machine -----------------------------------------------------


@dataclass
class Entry:
    card: QueueCard
    origin: Origin


@dataclass(frozen=True)
class _Done:
    entry: Entry  # as it was when answered (state before)
    answer: service.Answer
    requeued: bool


def origin_of(card: QueueCard, today: date) -> Origin:
    if card.state.is_new:
        return Origin.NEW
    if card.state.redrill or card.state.last_review == today:
        return Origin.REDRILL
    return Origin.DUE


@dataclass(frozen=True)
class _Buried:
    entry: Entry  # taken out of today's queue; `u` brings it back


@dataclass
class Session:
    store: Store
    queue: service.Queue
    session_id: str
    decks: tuple[str, ...] = ()  # empty: all decks
    cwd: Path = field(default_factory=Path)
    leech: service.LeechRule | None = None
    exam: service.ExamRule | None = None
    scheduling: service.Scheduling | None = None  # None: SM-2 (settings scheduler)
    pending: list[Entry] = field(init=False)
    history: list[_Done | _Buried] = field(init=False, default_factory=list)
    phase: Phase = field(init=False)
    under: Phase = field(init=False, default=Phase.QUESTION)
    notice: str | None = field(init=False, default=None)
    passage: Passage | None = field(init=False, default=None)
    shown_at: float = field(init=False, default=0.0)
    leech_entry: Entry | None = field(init=False, default=None)  # on screen in LEECH
    typing: bool = False  # review --type
    typed: str = field(init=False, default="")
    suggested: int | None = field(init=False, default=None)
    since: date | None = field(init=False, default=None)  # the study day it started

    def __post_init__(self) -> None:
        self.pending = ([Entry(c, Origin.REDRILL) for c in self.queue.redrill]
                        + [Entry(c, Origin.DUE) for c in self.queue.due]
                        + [Entry(c, Origin.NEW) for c in self.queue.new])
        self.phase = Phase.QUESTION if self.pending else Phase.DONE

    # -- reading ------------------------------------------------------------

    @property
    def current(self) -> Entry | None:
        return self.pending[0] if self.pending else None

    @property
    def _on_leech(self) -> bool:
        return self.leech_entry is not None and (
            self.phase is Phase.LEECH or self.under is Phase.LEECH)

    @property
    def answered(self) -> int:
        return sum(1 for done in self.history if isinstance(done, _Done))

    def start(self, today: date, clock: float) -> None:
        """The first card is on screen from `clock` on, on study day `today`."""
        self.since, self.shown_at = today, clock

    def view(self, today: date) -> View:
        entry = self.leech_entry if self._on_leech else self.current
        left = {o: sum(1 for e in self.pending if e.origin is o) for o in Origin}
        legend: tuple[LegendRow, ...] = ()
        if entry is not None:
            legend = tuple(
                LegendRow(g, GRADE_LABELS[g], max(0, ((s.due or today) - today).days))
                for g, s in ((g, self._review(entry.card.state, g, today))
                             for g in range(5, -1, -1)))
        typed = self.typed if self.typing and entry is not None else None
        return View(self.phase, entry.card if entry else None, entry.origin if entry else None,
                    self.answered + 1, self.answered + len(self.pending), left, legend,
                    self.notice, self.passage, self.under, self.typing, typed,
                    self.suggested)

    def wants_text(self) -> bool:
        """Whether the next input is the typed answer (review --type, question side)."""
        return self.typing and self.phase is Phase.QUESTION and self.current is not None

    def submit_text(self, text: str) -> None:
        """The typed answer, whole (a line in --lines mode, or Enter in a terminal): the
        answer side shows it beside the card's, with the grade it suggests."""
        entry = self.current
        if entry is None:
            return
        self.typed = " ".join(text.split())
        self.suggested = suggest_grade(self.typed, entry.card.answer)
        self.phase, self.notice = Phase.ANSWER, None

    def _type_key(self, key: str) -> bool:
        """A key while typing: Enter submits, Backspace deletes, a character is typed."""
        if key in ("\r", "\n", "enter"):
            self.submit_text(self.typed)
        elif key in ("\x7f", "\x08", "backspace"):
            self.typed = self.typed[:-1]
        elif len(key) == 1 and key.isprintable():
            self.typed += key
        else:
            return False
        return True

    # -- keys ---------------------------------------------------------------

    def press(self, key: str, now: datetime, today: date, clock: float) -> bool:
        """Handle one key. Returns False when it was ignored (nothing to redraw)."""
        action = key_action(key)
        if self.phase is Phase.DONE:
            return False
        if action == INTERRUPT:
            self.phase = Phase.DONE
            return True
        if self.phase in (Phase.HELP, Phase.SOURCE):  # any key closes the overlay
            self.phase, self.passage = self.under, None
            return True
        if self.phase is Phase.LEECH:
            return self._on_leech_screen(action, today, clock)
        if self.wants_text():
            return self._type_key(key)
        if self.phase is Phase.ANSWER and self.suggested is not None \
                and action == REVEAL:  # Enter takes the suggested grade
            self.grade(self.suggested, now, today, clock)
            return True
        if self.phase is Phase.FINISHED:  # any key but `u` ends the session
            if action == UNDO:
                self.undo(today, clock)
            else:
                self.phase = Phase.DONE
            return True
        return self._on_card(action, now, today, clock)

    def _on_card(self, action: str | None, now: datetime, today: date, clock: float) -> bool:
        if action is None or (action == REVEAL and self.phase is Phase.ANSWER):
            return False
        if action.isdigit() and self.phase is not Phase.ANSWER:
            return False  # grade only once the answer has been seen
        self.notice = None
        if action == QUIT:
            self.phase = Phase.DONE
        elif action in (HELP, SOURCE):
            # the passage holds the answer: after it, the card shows its answer side
            self.under = Phase.ANSWER if action == SOURCE else self.phase
            self.phase = Phase.HELP if action == HELP else Phase.SOURCE
            if action == SOURCE and self.current is not None:
                self.passage = find_passage(self.current.card, self.cwd)
        elif action == REVEAL:
            self.phase = Phase.ANSWER
        elif action == UNDO:
            self.undo(today, clock)
        elif action == BURY:
            self.bury(today, clock)
        elif action.isdigit():
            self.grade(int(action), now, today, clock)
        else:
            return False
        return True

    def _on_leech_screen(self, action: str | None, today: date, clock: float) -> bool:
        """The leech notice: `s` rereads its source, `u` undoes, `q` quits; any other key
        goes on to the next card."""
        if action == SOURCE and self.leech_entry is not None:
            self.under, self.phase = Phase.LEECH, Phase.SOURCE
            self.passage = find_passage(self.leech_entry.card, self.cwd)
        elif action == QUIT:
            self.phase = Phase.DONE
        elif action == UNDO:
            self.leech_entry = None
            self.undo(today, clock)
        else:
            self.leech_entry, self.notice = None, None
            self._next_card(clock)
        return True

    def quit(self) -> None:
        self.phase = Phase.DONE

    # -- actions ------------------------------------------------------------

    def _review(self, state: CardState, grade: int, today: date) -> CardState:
        return (self.scheduling or service.Scheduling()).review(state, grade, today)[0]

    def grade(self, grade: int, now: datetime, today: date,
              clock: float) -> service.Answer | None:
        """Commit the grade for the card on screen, then move to the next card."""
        entry = self.pending[0]
        spent = max(0, min(MAX_ANSWER_MS, round((clock - self.shown_at) * 1000)))
        try:
            ans = service.answer(self.store, entry.card.card_id, grade, now, today,
                                 session_id=self.session_id, answer_ms=spent,
                                 leech=self.leech, exam=self.exam,
                                 scheduling=self.scheduling or service.Scheduling())
        except NotFoundError:  # deleted meanwhile (a re-import with --prune): skip it
            self.pending.pop(0)
            self.notice = f"That card was deleted meanwhile: {_short(entry.card.question)}"
            self._next_card(clock)
            return None
        self.pending.pop(0)
        requeued = ans.after.due is not None and ans.after.due <= today and not ans.suspended
        if requeued:
            self.pending.append(Entry(replace(entry.card, state=ans.after), Origin.REDRILL))
        self.history.append(_Done(entry, ans, requeued))
        if ans.leech:  # said at once, with the card still on screen
            self.leech_entry = Entry(replace(entry.card, state=ans.after), entry.origin)
            self.notice = (f"Leech: this card has lapsed {ans.after.lapses} times"
                           + (" and is now suspended" if ans.suspended else "")
                           + ". Reread its source, or rewrite it in its deck file.")
            self.phase, self.under = Phase.LEECH, Phase.QUESTION
            return ans
        self._next_card(clock)
        return ans

    def undo(self, today: date, clock: float) -> service.Undone | None:
        """Undo the last answer (this session's, else the store's) and show that card.

        This session's last answer is undone by its id: if another process undid it
        already (or deleted its card), the session says so and changes nothing."""
        undone: service.Undone | None
        if self.history and isinstance(self.history[-1], _Buried):
            buried = self.history.pop().entry
            service.unbury(self.store, buried.card.card_id)
            self.pending.insert(0, buried)
            self.notice = f"Unburied: {_short(buried.card.question)}"
            self._next_card(clock)
            return None
        done = self.history[-1] if self.history else None
        if isinstance(done, _Done):
            try:
                undone = service.undo_answer(self.store, done.answer.review_id, self.leech)
            except ConflictError as exc:
                self.history.pop()  # that answer is not ours to undo any more
                self.notice = f"Cannot undo: {exc}."
                return None
            self.history.pop()
            self._drop(undone.card_id)
            self.pending.insert(0, Entry(replace(done.entry.card, state=undone.restored),
                                         done.entry.origin))
        else:
            try:
                undone = service.undo_last(self.store, self.leech)
            except ConflictError as exc:
                self.notice = f"Cannot undo: {exc}."
                return None
            if undone is None:
                self.notice = "Nothing to undo."
                return None
            self._bring_back(undone, today)
        self.notice = f"Undid grade {undone.grade}: {_short(undone.question)}"
        self._next_card(clock)
        return undone

    def bury(self, today: date, clock: float) -> None:
        """Take the card on screen out of today's queue; it comes back tomorrow. Not an
        answer: nothing is logged, and `u` brings it back."""
        entry = self.pending[0]
        service.bury(self.store, entry.card.card_id, today)
        self._drop(entry.card.card_id)
        self.history.append(_Buried(entry))
        self.notice = f"Buried until tomorrow: {_short(entry.card.question)}"
        self._next_card(clock)

    def _bring_back(self, undone: service.Undone, today: date) -> None:
        """After a restart: the undone card comes back if it belongs to this session."""
        card = service.queue_card(self.store, undone.card_id)
        self._drop(undone.card_id)
        if card is None or (self.decks and card.deck not in self.decks):
            return
        if card.state.is_new or (card.state.due is not None and card.state.due <= today):
            self.pending.insert(0, Entry(card, origin_of(card, today)))

    def _drop(self, card_id: int) -> None:
        self.pending = [e for e in self.pending if e.card.card_id != card_id]

    def _next_card(self, clock: float) -> None:
        self.phase = Phase.QUESTION if self.pending else Phase.FINISHED
        self.under = Phase.QUESTION
        self.shown_at = clock
        self.typed, self.suggested = "", None


# --- typed answers ---------------------------------------------------------

_STOP = frozenset("a an the of and or in on at for to by with".split())


def _plain(text: str) -> str:
    from flashcards.domain.text import fold

    return " ".join("".join(c if c.isalnum() else " " for c in fold(text)).split())


def _words_found(typed: list[str], answer: list[str]) -> float:
    """The share (0-100) of the answer's words found among the typed ones, a typo
    allowed in each; typed words beyond the answer's count against it."""
    from rapidfuzz import fuzz

    left = list(typed)
    found = 0
    for word in answer:
        best = max(left, key=lambda w: fuzz.ratio(w, word), default=None)
        if best is not None and fuzz.ratio(best, word) >= 80:
            left.remove(best)
            found += 1
    return 100 * found / max(len(answer), len(typed), 1)


def suggest_grade(typed: str, answer: str) -> int:
    """The grade a typed answer suggests: 5 for the answer or a slip of a letter or two;
    4 when close (every word, or nearly the same letters); 3 for half the words or more;
    1 for some of them; 0 for none (case, accents, punctuation and little words like
    'the' aside). Similarities are rapidfuzz's ratio."""
    from rapidfuzz import fuzz

    mine, right = _plain(typed), _plain(answer)
    if not mine:
        return 0
    letters = fuzz.ratio(mine, right)
    words = _words_found([w for w in mine.split() if w not in _STOP],
                         [w for w in right.split() if w not in _STOP] or right.split())
    if letters >= 95:
        return 5
    if letters >= 85 or words >= 85:
        return 4
    if words >= 50:
        return 3
    return 1 if words > 0 else 0


def _short(text: str, width: int = 60) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[:width - 1] + "…"
