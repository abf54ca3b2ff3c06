"""`flashcards review` (the daily session) and `flashcards undo`.

Keys come from the terminal one at a time (cli/keys.py, no Enter), or with `--lines`
one per line from standard input, for scripts and tests. The session logic lives in
flashcards.service.session, the drawing in flashcards.ui.review_screen.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NamedTuple

import typer

from flashcards.cli import common
from flashcards.cli.completion import deck_names
from flashcards.domain.errors import FlashcardsError, NotFoundError

if TYPE_CHECKING:
    from rich.console import Console, RenderableType

    from flashcards.cli.keys import KeyReader
    from flashcards.service.session import Session
    from flashcards.store import Store

LINES_HELP = ("Read keys from standard input, one per line (for scripts and tests): an empty "
              "line or 'space' shows the answer, 0-5 grade, u undo, s source, ? help, q quit.")


def review_cmd(
    decks: Annotated[list[str] | None, typer.Argument(
        metavar="DECK", autocompletion=deck_names,
        help="Decks to review together (default: the default_deck "
        "setting, or all).",
        show_default=False)] = None,
    new: Annotated[int | None, typer.Option(
        "--new", min=0, metavar="N", help="New cards allowed today, counting those already "
        "seen today (default: the new_per_day setting, 20).", show_default=False)] = None,
    limit: Annotated[int | None, typer.Option(
        "--limit", min=1, metavar="N", help="At most N cards in this session.")] = None,
    lines: Annotated[bool, typer.Option("--lines", help=LINES_HELP)] = False,
    type_answers: Annotated[bool, typer.Option(
        "--type", help="Type each answer before it shows: Enter compares it with the "
        "card's and suggests a grade (Enter takes it, 0-5 overrides).")] = False,
    tag: Annotated[str | None, typer.Option(
        "--tag", metavar="TAG", help="Only cards with this tag.", show_default=False)] = None,
    section: Annotated[str | None, typer.Option(
        "--section", metavar="TEXT", help="Only cards in sections whose title holds TEXT.",
        show_default=False)] = None,
) -> None:
    """Review the cards due today: space shows the answer, one key 0-5 grades it."""
    if not lines and not sys.stdin.isatty():
        raise FlashcardsError("review needs a terminal: standard input is not one "
                              "(scripts can use --lines: one key per line)")
    from flashcards import service
    from flashcards.service.session import Session

    store = common.open_store()
    try:
        default = common.settings().default_deck
        now, names = common.now(), tuple(decks or ((default,) if default else ()))
        imported = _import_bundled(store, now)
        per_day = common.settings().new_per_day if new is None else new
        exam_rule, exam = common.exam(store)
        exam_note = None
        if exam is not None and new is None and exam.day > common.today(now):
            from flashcards.scheduler.exam import new_cards_needed

            needed = new_cards_needed(service.new_remaining(store, names), common.today(now),
                                      exam)
            if needed > per_day:
                per_day = needed
                exam_note = (f"Exam on {exam.day:%-d %b %Y}: {needed} new cards a day, so "
                             "that every card is met two weeks before it.")
        try:
            queue = service.build_queue(store, names, common.today(now), limit=limit,
                                        new_per_day=per_day, tag=tag, section=section)
        except NotFoundError as exc:
            if decks or not default:
                raise
            raise NotFoundError(f"setting default_deck: {exc}; change it with: flashcards "
                                "config default_deck NAME ('' for all decks)") from None
        if not queue.cards and (tag or section):
            what = " and ".join(([f"with the tag {tag!r}"] if tag else [])
                                + ([f"in sections matching {section!r}"] if section else []))
            _say(common.console(), f"Nothing due today among the cards {what}.")
            return
        if not queue.cards:
            _nothing_due(store, names, common.today(now), per_day)
            return
        settings = common.settings()
        leech = service.LeechRule(settings.leech_threshold, settings.leech_action == "suspend")
        session = Session(store, queue, _session_id(), names, Path.cwd(), leech,
                          exam_rule, common.scheduling(store), typing=type_answers)
        session.notice = " ".join(n for n in (imported, exam_note) if n) or None
        _run(session, lines)
    finally:
        store.close()
    common.auto_backup()  # at most once per backup_interval_minutes, if the store changed


def undo_cmd() -> None:
    """Undo the last answer in the store: the card gets back the state it had before."""
    from flashcards import service
    from flashcards.ui.terminal import safe_text

    settings = common.settings()
    store = common.open_store()
    try:
        undone = service.undo_last(store, service.LeechRule(
            settings.leech_threshold, settings.leech_action == "suspend"))
    finally:
        store.close()
    out = common.console()
    if undone is None:
        out.print("Nothing to undo: no answer has been recorded yet.")
        return
    common.auto_backup()
    line = safe_text(f"Undid grade {undone.grade} on: ")
    line.append_text(safe_text(" ".join(undone.question.split())))
    out.print(line, soft_wrap=not out.is_terminal)  # as _say: words wrap in a terminal


# --- the session loop --------------------------------------------------------


def _session_id() -> str:
    import uuid

    return uuid.uuid4().hex


def _run(session: Session, lines: bool) -> None:
    import contextlib
    import time

    from flashcards.cli.keys import KeyReader
    from flashcards.domain.days import study_day
    from flashcards.domain.views import Phase

    hour = common.settings().day_start_hour
    screen = _Screen(common.console(), session, full_screen=not lines)
    session.start(common.today(), time.monotonic())
    try:
        with contextlib.nullcontext() if lines else KeyReader() as reader:
            screen.reader = reader
            screen.draw()
            for key in _line_keys(session) if lines else _terminal_keys(screen):
                now = common.now()
                if isinstance(key, _Typed):  # --lines --type: a whole typed answer
                    session.submit_text(key.text)
                    screen.draw()
                elif session.press(key, now, study_day(now, hour), time.monotonic()):
                    screen.draw()
                if session.phase is Phase.DONE:
                    break
    except (KeyboardInterrupt, EOFError):
        pass
    finally:
        screen.close()
    screen.final_summary()


class _Typed(NamedTuple):
    text: str


def _line_keys(session: Session) -> Iterator[str | _Typed]:
    """One key per line; with --type, on the question side, the line is the answer."""
    from flashcards.service.session import line_keys

    for line in sys.stdin:
        if session.wants_text():
            yield _Typed(line.rstrip("\r\n"))
        else:
            yield from line_keys(line)


def _terminal_keys(screen: _Screen) -> Iterator[str]:
    from flashcards.service.session import terminal_keys

    while True:
        raw = screen.getchar()
        if raw is not None:  # Ctrl-C and Ctrl-D arrive as keys: they end the session
            yield from terminal_keys(raw.replace("\x04", "q"))


class _Resize(Exception):
    pass


class _Screen:
    """Draws the session: full screen (alternate buffer, redrawn on resize) in a real
    terminal; appended text in line mode or on a dumb terminal."""

    def __init__(self, out: Console, session: Session, full_screen: bool) -> None:
        self.out, self.session = out, session
        self.live = full_screen and out.is_terminal and not out.is_dumb_terminal
        self.summary_shown = self.waiting = False
        self.reader: KeyReader | None = None
        if self.live:
            import signal

            out.set_alt_screen(True)
            out.show_cursor(False)
            signal.signal(signal.SIGWINCH, self._resized)

    def _resized(self, _sig: int, _frame: object) -> None:
        if self.waiting:  # interrupt a wait for a key, never a commit
            raise _Resize

    def getchar(self) -> str | None:
        if self.reader is None:
            raise RuntimeError("the screen reads keys only inside the session loop")
        self.waiting = True
        try:
            return self.reader.read()
        except _Resize:
            self.waiting = False
            self.draw()
            return None
        finally:
            self.waiting = False

    def draw(self) -> None:
        from flashcards.domain.views import Phase
        from flashcards.ui import review_screen as ui
        from flashcards.ui.terminal import safe_text

        view = self.session.view(common.today())
        width = self.out.width
        if view.phase is Phase.DONE:
            return
        if self.live:
            self.out.clear()
        else:
            self.out.print()
        if view.phase is Phase.HELP:
            self._print([ui.help_screen(width, c) for c in (False, True)])
        elif view.phase is Phase.SOURCE:
            self._print([ui.source_screen(view.passage, width, self.session.cwd, c)
                         for c in (False, True)])
        elif view.phase is Phase.FINISHED:
            if view.notice:
                self.out.print(safe_text(view.notice, style="yellow"))
            self.summary(keys=True)
        else:
            self._print([ui.card_screen(view, width, self.session.cwd, c) for c in range(4)])

    def _print(self, variants: list[RenderableType]) -> None:
        """Full screen: the fullest variant that fits; else the fullest (it scrolls)."""
        from flashcards.ui.review_screen import fit

        self.out.print(fit(self.out, variants) if self.live else variants[0])

    def summary(self, keys: bool = False) -> None:
        from flashcards import service
        from flashcards.ui import review_screen as ui

        today, s = common.today(), self.session
        summary = service.session_summary(s.store, s.decks, s.session_id, s.since or today,
                                          today)
        self.out.print(ui.summary(summary, today, not s.pending, keys))
        self.summary_shown = True

    def close(self) -> None:
        if self.live:
            import signal

            signal.signal(signal.SIGWINCH, signal.SIG_DFL)
            self.out.show_cursor(True)
            self.out.set_alt_screen(False)

    def final_summary(self) -> None:
        """Leave the summary on screen: always after a full-screen session, else once."""
        if self.live or not self.summary_shown:
            if not self.live:
                self.out.print()
            self.summary()


# --- before the session ----------------------------------------------------


def _nothing_due(store: Store, names: tuple[str, ...], today: date, new_per_day: int) -> None:
    """One line: nothing due, why no new cards (if some wait), when the next card is due."""
    from flashcards import service
    from flashcards.ui.review_screen import day_phrase

    out = common.console()
    decks = [d for d in service.deck_summaries(store, today) if not names or d.name in names]
    if not decks:
        out.print("No decks yet. Import one: flashcards import decks/*.toml")
        return
    waiting = sum(d.new for d in decks)
    extra = ""
    if waiting:
        extra = (f" ({waiting} new card{'s' if waiting != 1 else ''} wait: today's limit of "
                 f"{new_per_day} new is reached; --new N raises it)")
    nxt = service.next_due_day(store, names, today)
    tail = f"next card due {day_phrase(nxt, today)}" if nxt else "no review is scheduled yet"
    _say(out, f"Nothing due in {', '.join(names) or 'any deck'} today{extra}; {tail}.")


def _import_bundled(store: Store, now: datetime) -> str | None:
    """On a store without decks, import ./decks/*.toml first (the bundled deck)."""
    from flashcards import service

    files = sorted(Path("decks").glob("*.toml"))
    if not files or service.deck_names(store):
        return None
    from flashcards.formats.deckfile import loads
    from flashcards.formats.text_input import decode_text

    drafts = [(loads(decode_text(f.read_bytes(), str(f)), str(f)), str(f.resolve()))
              for f in files]
    plans = service.import_decks(store, drafts, now)
    cards = sum(len(p.added) for p in plans)
    names = ", ".join(p.deck for p in plans)
    message = (f"First run: imported {cards} cards from {len(files)} bundled deck "
               f"file{'s' if len(files) != 1 else ''} in decks/ ({names}).")
    _say(common.console(), message)
    return message


def _say(out: Console, message: str) -> None:
    """A status line: wrapped at word boundaries in a terminal (not mid-word by the
    terminal), one line into a pipe or file."""
    from flashcards.ui.terminal import safe_text

    out.print(safe_text(message), soft_wrap=not out.is_terminal)
