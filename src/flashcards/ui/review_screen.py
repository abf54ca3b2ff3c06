"""Rich rendering of a review session: card, answer, grade legend, help, source, summary.

Every function returns a renderable for a given width; nothing here reads keys, the
clock or the store. Card text is untrusted and always goes through `safe_text`.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from rich import box
from rich.console import Console, Group, RenderableType
from rich.padding import Padding
from rich.panel import Panel
from rich.rule import Rule
from rich.segment import Segment, SegmentLines
from rich.table import Table
from rich.text import Text

from flashcards.ui.terminal import counted, duration, safe_text

if TYPE_CHECKING:
    from flashcards.domain.reports import SessionSummary
    from flashcards.domain.views import LegendRow, Passage, View

MAX_WIDTH = 88  # long lines are hard to read; wider terminals get a margin
NARROW = 60  # below this, short grade labels and tighter padding

SHORT_LABELS = {5: "perfect", 4: "hesitated", 3: "hard", 2: "wrong, easy", 1: "wrong, recalled",
                0: "blackout"}
ORIGIN_LABELS = {"new": "new card", "due": "review", "redrill": "again today"}
LEFT_LABELS = {"new": "new", "due": "due", "redrill": "again today"}  # the line above a card


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
    counts = [(n, label) for n, label in ((left[k], LEFT_LABELS[k.value]) for k in left) if n]
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


def legend_line(rows: Sequence[LegendRow]) -> Text:
    """The legend in one line, grades that do the same grouped: "5-4 tomorrow · 3-0 again
    today" (the labels are in the help)."""
    groups: list[list[LegendRow]] = []
    for row in rows:
        if groups and groups[-1][-1].days == row.days:
            groups[-1].append(row)
        else:
            groups.append([row])
    text = Text()
    for i, group in enumerate(groups):
        if i:
            text.append(" · ", style="dim")
        first, last = group[0].grade, group[-1].grade
        text.append(str(first) if first == last else f"{first}-{last}", style="bold")
        text.append(" " + when(group[0].days), style="dim")
    return text


def card_panel(view: View, width: int, deck_file: str | None = None,
               compact: int = 0) -> RenderableType:
    """The card: deck and kind, question, and once shown the answer and its deck file.
    `compact` 1 drops blank lines, 2 also the frame (for short or narrow terminals)."""
    card = view.card
    if card is None:
        raise ValueError("card_panel needs a view with a card on screen")
    top = Text()
    top.append_text(safe_text(card.deck, style="bold"))
    top.append(" · ")
    top.append_text(safe_text(card.kind))
    if view.origin is not None:
        top.append(" · " + ORIGIN_LABELS[view.origin.value], style="dim")
    gap = [] if compact else [Text("")]
    parts: list[RenderableType] = [top, *gap, safe_text(card.question, style="bold")]
    if view.phase.value in ("answer", "leech"):
        parts += [Rule(style="dim"), safe_text(card.answer)]
        if deck_file:
            note = (f"Card from {deck_file}: fix it there and re-import." if not compact
                    else f"From {deck_file}")
            parts += [*gap, Text(note, style="dim italic")]
    if compact >= 2:
        return Group(Rule(style="dim"), *parts, Rule(style="dim"))
    pad = (0, 1) if width < NARROW or compact else (0, 2)
    return Panel(Group(*parts), box=box.ROUNDED, padding=pad, width=_width(width))


def card_screen(view: View, width: int, cwd: Path | None = None, compact: int = 0) -> Group:
    """The question, or the question and answer with the grade legend. `compact` 0-3
    trades blank lines, the frame and at last the legend for height (see `fit`)."""
    deck_file = None
    if view.card is not None and view.card.deck_file:
        deck_file = _display_path(Path(view.card.deck_file), cwd)
    parts: list[RenderableType] = []
    if view.notice:
        parts.append(safe_text(view.notice, style="yellow"))
    parts += [header(view), card_panel(view, width, deck_file, compact)]
    if view.typing and view.phase.value == "question":
        line = Text("Your answer: ", style="bold")
        line.append_text(safe_text(view.typed or ""))
        line.append("\u258f", style="blink")
        parts += [line, _keys([("enter", "check"), ("backspace", "delete"),
                               ("ctrl-c", "quit")])]
        return Group(*parts)
    if view.typed is not None and view.phase.value == "answer" and view.card is not None:
        parts.append(typed_comparison(view.typed, view.card.answer, view.suggested))
    if view.phase.value == "leech":
        footer = [("s", "reread the source"), ("u", "undo"), ("any key", "next card")]
    elif view.phase.value == "answer":
        if compact < 3:
            parts += [*([] if compact else [Text("")]), legend(view.legend, _width(width))]
        else:
            parts.append(legend_line(view.legend))
        footer = [("0-5", "grade"), ("u", "undo"), ("b", "bury"), ("s", "source"),
                  ("?", "help"), ("q", "quit")]
        if view.suggested is not None:
            footer.insert(0, ("enter", f"grade {view.suggested}"))
    else:
        footer = [("space", "show answer"), ("u", "undo"), ("b", "bury"), ("s", "source"),
                  ("?", "help"), ("q", "quit")]
    if compact >= 2:  # `s` and `b` are in the help
        footer = [(k, "answer" if k == "space" else w) for k, w in footer
                  if k not in ("s", "b") or view.phase.value == "leech"]
    parts.append(_keys(footer))
    return Group(*parts)



def typed_comparison(typed: str, answer: str, suggested: int | None) -> Text:
    """What was typed, beside the card's answer: typed letters that are not in the answer
    struck out in red, the answer's letters that were missed underlined in green."""
    from difflib import SequenceMatcher

    flat = " ".join(answer.split())
    mine = Text("You typed:  ", style="bold")
    right = Text("Answer:     ", style="bold")
    if not typed:
        mine.append("(nothing)", style="dim")
    matcher = SequenceMatcher(None, typed.lower(), flat.lower(), autojunk=False)
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        if op == "equal":
            mine.append_text(safe_text(typed[a1:a2], style="green"))
            right.append_text(safe_text(flat[b1:b2]))
            continue
        if a2 > a1:
            mine.append_text(safe_text(typed[a1:a2], style="red strike"))
        if b2 > b1:
            right.append_text(safe_text(flat[b1:b2], style="bold green underline"))
    out = Text("\n").join([mine, right])
    if suggested is not None:
        out.append(f"\nSuggested grade: {suggested}", style="yellow")
        out.append("  (enter takes it; 0-5 to choose)", style="dim")
    return out


HELP_KEYS = [
    ("space, enter", "show the answer"),
    ("0-5", "grade, once the answer shows"),
    ("u", "undo (an answer, a bury)"),
    ("b", "bury until tomorrow"),
    ("s", "the source passage"),
    ("?", "this help"),
    ("q, ctrl-c", "quit (answers are saved)"),
]


def _framed(title: str, parts: list[RenderableType], width: int, compact: bool
            ) -> RenderableType:
    if compact:
        return Group(Rule(title, style="dim", align="left"), *parts)
    return Panel(Group(*parts), title=title, box=box.ROUNDED, width=_width(width),
                 padding=(0, 1) if width < NARROW else (0, 2))


def help_screen(width: int, compact: bool = False) -> RenderableType:
    """Keys and grades; `compact` drops the frame and blank lines."""
    from flashcards.domain import GRADE_LABELS

    keys = Table.grid(padding=(0, 2))
    keys.add_column(style="bold", no_wrap=True)
    keys.add_column()
    for key, what in HELP_KEYS:
        keys.add_row(key, what)
    grades = Table.grid(padding=(0, 2))
    grades.add_column(style="bold", justify="right")
    grades.add_column()
    for grade in range(5, -1, -1):
        grades.add_row(str(grade), (SHORT_LABELS if width < NARROW else GRADE_LABELS)[grade])
    note = Text("Graded 3 or below, a card comes back later in this session until you "
                "grade it 4 or 5 (SM-2).", style="dim")
    gap = [] if compact else [Text("")]
    return _framed("Help", [keys, *gap, grades, *gap, note, *gap,
                            Text("Press any key to go back.", style="dim")], width, compact)


def source_screen(passage: Passage | None, width: int, cwd: Path | None = None,
                  compact: bool = False) -> RenderableType:
    """The card's passage in its article: file and lines, section, the lines' text."""
    gap = [] if compact else [Text("")]
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
            parts += [*gap, safe_text(line.replace("**", ""))]
    if passage is None or passage.note:
        parts += [*gap, safe_text(passage.note if passage else "No source.", style="yellow")]
    parts += [*gap, Text("Press any key to go back.", style="dim")]
    return _framed("Source", parts, width, compact)


def fit(console: Console, variants: Sequence[RenderableType]) -> RenderableType:
    """The first variant that fits the terminal's height. A full-screen session has no
    scrollback: if none fits, the last is cut at the bottom (never at the top) with a
    note, so the start of the text stays readable."""
    height = console.height
    lines: list[list[Segment]] = []
    for variant in variants:
        lines = console.render_lines(variant, console.options, pad=False)
        if len(lines) < height:
            return variant
    return Group(SegmentLines(lines[:max(1, height - 2)], new_lines=True),
                 Text("… (terminal too small)", style="dim"))


def _display_path(path: Path, cwd: Path | None) -> str:
    if cwd is not None:
        try:
            return str(path.resolve().relative_to(cwd.resolve()))
        except ValueError:
            pass
    return os.path.normpath(path)  # a deck's article is stored as decks/../seeds/x.txt


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
    if nxt is None and s.new_waiting:
        grid.add_row("Next due", f"no review scheduled yet; {counted(s.new_waiting, 'new card')}"
                     " waiting")
    else:
        grid.add_row("Next due", day_phrase(nxt, today) + extra)
    parts: list[RenderableType] = [Text(title, style="bold"),
                                   Padding(grid, (0, 0, 0, 2), expand=False)]
    if keys:
        parts.append(_keys([("u", "undo the last answer"), ("any other key", "exit")]))
    return Group(*parts)
