"""Rich rendering of a review session: card, answer, grade legend, help, source, summary.

Every function returns a renderable for a given width; nothing here reads keys, the
clock or the store. Card text is untrusted and always goes through `safe_text`.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from rich import box
from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.panel import Panel
from rich.rule import Rule
from rich.table import Table
from rich.text import Text

from flashcards.ui.terminal import safe_text

if TYPE_CHECKING:
    from flashcards.service import SessionSummary
    from flashcards.session import LegendRow, Passage, View

MAX_WIDTH = 88  # long lines are hard to read; wider terminals get a margin
NARROW = 60  # below this, short grade labels and tighter padding

SHORT_LABELS = {5: "perfect", 4: "hesitated", 3: "hard", 2: "wrong, easy", 1: "wrong, recalled",
                0: "blackout"}
ORIGIN_LABELS = {"new": "new card", "due": "review", "redrill": "again today"}


def _width(width: int) -> int:
    return max(20, min(width, MAX_WIDTH))


def _keys(pairs: Sequence[tuple[str, str]]) -> Text:
    """A footer: key names bold, their meaning dim, separated by spaces (wraps cleanly)."""
    text = Text()
    for i, (key, what) in enumerate(pairs):
        if i:
            text.append("   ")
        text.append(key, style="bold")
        text.append(" " + what, style="dim")
    return text


def when(days: int) -> str:
    if days <= 0:
        return "again today"
    if days == 1:
        return "tomorrow"
    if days < 60:
        return f"in {days} days"
    if days < 730:
        return f"in {days} days (~{round(days / 30.4)} months)"
    return f"in {days} days (~{days / 365.25:.1f} years)"


def header(view: View) -> Text:
    left = view.left
    text = Text()
    text.append(f"{view.position} / {view.total}", style="bold")
    counts = [(n, label) for n, label in ((left[k], k.value) for k in left) if n]
    if counts:
        text.append("   " + " · ".join(f"{label} {n}" for n, label in counts), style="dim")
    return text


def legend(rows: Sequence[LegendRow], width: int) -> Table:
    narrow = width < NARROW
    grid = Table.grid(padding=(0, 2) if not narrow else (0, 1))
    grid.add_column(justify="right", style="bold", no_wrap=True)
    grid.add_column(ratio=1)
    grid.add_column(no_wrap=not narrow, style="dim")
    for row in rows:
        label = SHORT_LABELS[row.grade] if narrow else row.label
        grid.add_row(str(row.grade), label, when(row.days))
    return grid


def card_panel(view: View, width: int, deck_file: str | None = None) -> Panel:
    assert view.card is not None
    card = view.card
    top = Text()
    top.append_text(safe_text(card.deck, style="bold"))
    top.append(" · ")
    top.append_text(safe_text(card.kind))
    if view.origin is not None:
        top.append(" · " + ORIGIN_LABELS[view.origin.value], style="dim")
    parts: list[RenderableType] = [top, Text(""), safe_text(card.question, style="bold")]
    if view.phase.value == "answer":
        parts += [Rule(style="dim"), safe_text(card.answer)]
        if deck_file:
            parts += [Text(""), Text(f"Card from {deck_file}: fix it there and re-import.",
                                     style="dim italic")]
    pad = (0, 1) if width < NARROW else (0, 2)
    return Panel(Group(*parts), box=box.ROUNDED, padding=pad, width=_width(width))


def card_screen(view: View, width: int, cwd: Path | None = None) -> Group:
    """The question, or the question and answer with the grade legend."""
    deck_file = None
    if view.card is not None and view.card.deck_file:
        deck_file = _display_path(Path(view.card.deck_file), cwd)
    parts: list[RenderableType] = []
    if view.notice:
        parts.append(safe_text(view.notice, style="yellow"))
    parts += [header(view), card_panel(view, width, deck_file)]
    revealed = view.phase.value == "answer"
    if revealed:
        parts += [Text(""), legend(view.legend, _width(width))]
        footer = [("0-5", "grade"), ("u", "undo"), ("s", "source"), ("?", "help"),
                  ("q", "quit")]
    else:
        footer = [("space", "show answer"), ("u", "undo"), ("s", "source"), ("?", "help"),
                  ("q", "quit")]
    parts.append(_keys(footer))
    return Group(*parts)


HELP_KEYS = [
    ("space, enter", "show the answer"),
    ("0-5", "grade your recall (after the answer is shown)"),
    ("u", "undo the last answer: the card comes back"),
    ("s", "show the passage of the article the card came from"),
    ("?", "this help"),
    ("q, ctrl-c", "end the session (every answer is already saved)"),
]


def help_screen(width: int) -> Panel:
    keys = Table.grid(padding=(0, 2))
    keys.add_column(style="bold", no_wrap=True)
    keys.add_column()
    for key, what in HELP_KEYS:
        keys.add_row(key, what)
    grades = Table.grid(padding=(0, 2))
    grades.add_column(style="bold", justify="right")
    grades.add_column()
    from flashcards.domain import GRADE_LABELS

    for grade in range(5, -1, -1):
        grades.add_row(str(grade), GRADE_LABELS[grade])
    note = Text("A card graded 3 or below comes back later in this session until you grade "
                "it 4 or 5 (SM-2). Each grade's line on the answer screen says when the "
                "card will be due again.", style="dim")
    body = Group(Text("Keys", style="bold underline"), keys, Text(""),
                 Text("Grades", style="bold underline"), grades, Text(""), note, Text(""),
                 Text("Press any key to go back.", style="dim"))
    return Panel(body, title="Help", box=box.ROUNDED, width=_width(width),
                 padding=(0, 1) if width < NARROW else (1, 2))


def source_screen(passage: Passage | None, width: int, cwd: Path | None = None) -> Panel:
    parts: list[RenderableType] = []
    if passage is not None and passage.path is not None:
        where = _display_path(passage.path, cwd)
        if passage.span and passage.lines:
            start, end = passage.span
            where += f", line {start}" if start == end else f", lines {start}-{end}"
        parts.append(Text(where, style="dim"))
    if passage is not None and passage.section:
        parts.append(safe_text(passage.section, style="bold"))
    if passage is not None and passage.lines:
        for line in passage.lines:  # the articles mark item titles **bold** in Markdown
            parts += [Text(""), safe_text(line.replace("**", ""))]
    if passage is None or passage.note:
        parts += [Text(""), safe_text(passage.note if passage else "No source.", style="yellow")]
    parts += [Text(""), Text("Press any key to go back.", style="dim")]
    return Panel(Group(*parts), title="Source", box=box.ROUNDED, width=_width(width),
                 padding=(0, 1) if width < NARROW else (1, 2))


def _display_path(path: Path, cwd: Path | None) -> str:
    if cwd is not None:
        try:
            return str(path.resolve().relative_to(cwd.resolve()))
        except ValueError:
            pass
    return str(path)


def duration(ms: int) -> str:
    seconds = round(ms / 1000)
    if seconds < 60:
        return f"{seconds} s"
    minutes, seconds = divmod(seconds, 60)
    if minutes < 60:
        return f"{minutes} min {seconds} s"
    hours, minutes = divmod(minutes, 60)
    return f"{hours} h {minutes} min"


def day_phrase(day: date | None, today: date) -> str:
    if day is None:
        return "no card is scheduled"
    delta = (day - today).days
    if delta <= 0:
        return "today"
    if delta == 1:
        return f"tomorrow ({day.isoformat()})"
    return f"{day.isoformat()} (in {delta} days)"


def summary(s: SessionSummary, today: date, finished: bool, keys: bool = False) -> Group:
    """The end of a session: `finished` when the queue ran out; `keys` shows what the
    keys do on this screen (`u` still undoes)."""
    title = "All done for now." if finished else "Session ended."
    grid = Table.grid(padding=(0, 2))
    grid.add_column(style="bold", no_wrap=True)
    grid.add_column()
    grid.add_row("Reviewed", f"{s.reviewed} answer{'s' if s.reviewed != 1 else ''}")
    grid.add_row("New cards", str(s.new_learned))
    if s.reviewed:
        grid.add_row("Grades", "  ".join(f"{g}: {s.grades[g]}" for g in range(5, -1, -1)))
    if s.retention_total:
        pct = round(100 * s.retained / s.retention_total)
        grid.add_row("Retention", f"{pct}% today ({s.retained} of {s.retention_total} "
                     "reviews recalled)")
    grid.add_row("Time", duration(s.time_ms))
    grid.add_row("Due tomorrow", str(s.due_tomorrow))
    nxt = today if s.due_now else s.next_due
    extra = f" ({s.due_now} still due)" if s.due_now else ""
    grid.add_row("Next due", day_phrase(nxt, today) + extra)
    parts: list[RenderableType] = [Text(title, style="bold"),
                                   Padding(grid, (0, 0, 0, 2), expand=False)]
    if keys:
        parts.append(_keys([("u", "undo the last answer"), ("any other key", "exit")]))
    return Group(*parts)
