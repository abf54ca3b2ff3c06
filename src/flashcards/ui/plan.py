"""Rendering an import: the plan per deck, and a progress bar for large imports."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import PurePath

from rich.console import Console, Group, RenderableType
from rich.text import Text

from flashcards.domain import SameQuestion
from flashcards.domain.reports import ImportPlan
from flashcards.ui.terminal import counted, safe_text

PROGRESS_FROM = 5_000  # cards; smaller imports finish before a bar is worth drawing
SHOWN = 5  # cards listed by name per outcome, questions warned about per deck
QUESTION_WIDTH = 40  # characters of a question quoted in a warning
LINES_SHOWN = 6  # line numbers per warning

_OUTCOMES = (
    ("added", ""),
    ("updated", "changed; progress kept"),
    ("unchanged", ""),
    ("moved", "same text, new place in the article"),
    ("retired", "gone from the file; history kept (--prune deletes)"),
    ("pruned", "gone from the file; deleted with their history"),
)
_LISTED = ("updated", "retired", "pruned")


def plan_view(plans: Sequence[ImportPlan], files: Sequence[str], *, dry_run: bool
              ) -> RenderableType:
    """One block per deck: its file, how many cards were added, updated, ..., the
    updated, retired and pruned cards by question, and the file's repeated rows."""
    parts: list[RenderableType] = []
    for plan, file in zip(plans, files, strict=True):
        head = safe_text(plan.deck, "bold")
        head.append(" (new deck)" if plan.deck_is_new else "")
        head.append("  ")
        head.append_text(safe_text(file, "dim"))
        parts.append(head)
        if plan.previous_file:
            moved = Text("  last imported from ", "yellow")
            moved.append_text(safe_text(plan.previous_file, "yellow"))
            parts.append(moved)
        for outcome, note in _OUTCOMES:
            keys: list[str] = getattr(plan, outcome)
            if not keys and (outcome in ("pruned", "moved")
                             or (outcome == "retired" and plan.pruned)):
                continue
            line = Text(f"  {outcome:<10}{len(keys):>7,}")
            if keys and note:
                line.append(f"  {note}", "dim")
            parts.append(line)
            if outcome in _LISTED:
                parts.extend(_listed(plan, keys))
        parts.extend(_repeated(plan, file))
    parts.append(_summary(plans, dry_run))
    return Group(*parts)


def _listed(plan: ImportPlan, keys: list[str]) -> list[Text]:
    lines = []
    for key in keys[:SHOWN]:
        label = " ".join(plan.questions.get(key, key).split())
        line = Text("      - ")
        line.append_text(safe_text(label))
        line.no_wrap, line.overflow = True, "ellipsis"
        lines.append(line)
    if len(keys) > SHOWN:
        lines.append(Text(f"      and {len(keys) - SHOWN:,} more", "dim"))
    return lines


def _repeated(plan: ImportPlan, file: str) -> list[Text]:
    """Rows merged into an earlier row's card, and a warning per question asked with
    different answers (one card each)."""
    found, lines = plan.duplicates, []
    if found.merged:
        lines.append(Text(f"  {counted(found.merged, 'duplicate row')} merged (same question "
                          "and answer as an earlier row)"))
    name = PurePath(file).name
    lines += [_warning(name, same) for same in found.questions[:SHOWN]]
    if len(found.questions) > SHOWN:
        more = len(found.questions) - SHOWN
        lines.append(Text(f"  and {counted(more, 'more question')} with different answers",
                          "dim"))
    return lines


def _warning(file: str, same: SameQuestion) -> Text:
    """`warning: geo.csv lines 2, 9: 2 different answers to "..."` on one line: the
    question is cut to QUESTION_WIDTH, and further by a narrow terminal."""
    question = " ".join(same.question.split())
    if len(question) > QUESTION_WIDTH:
        question = question[:QUESTION_WIDTH - 1].rstrip() + "…"
    numbers = ", ".join(map(str, same.lines[:LINES_SHOWN]))
    numbers += ", …" if len(same.lines) > LINES_SHOWN else ""
    line = Text("  warning: ", "yellow")
    line.append_text(safe_text(f"{file} lines {numbers}: {len(same.lines)} different answers "
                               f'to "{question}"'))
    line.no_wrap, line.overflow = True, "ellipsis"
    return line


def _summary(plans: Sequence[ImportPlan], dry_run: bool) -> Text:
    totals = {o: sum(len(getattr(p, o)) for p in plans) for o, _ in _OUTCOMES}
    changes = ", ".join(f"{n:,} {o}" for o, n in totals.items() if n and o != "unchanged")
    decks = f"{len(plans)} deck{'s' * (len(plans) != 1)}"
    if dry_run:
        return Text(f"Dry run: nothing was changed. Importing {decks} would give: "
                    f"{changes or 'no changes'}.")
    return Text(f"Imported {decks}: {changes or 'no changes'}.")


@contextmanager
def import_progress(console: Console, total: int, *, estimated: bool = False
                    ) -> Iterator[Callable[[int], None] | None]:
    """A callback advancing a progress bar by n cards; None (no bar) when the output is
    not a terminal or the import is small. An `estimated` total (a file read while it is
    imported: its lines) shows a percentage instead of a count it may not reach."""
    if total < PROGRESS_FROM or not console.is_terminal:
        yield None
        return
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TaskProgressColumn,
        TextColumn,
    )

    done = TaskProgressColumn() if estimated else MofNCompleteColumn()
    columns = (TextColumn("Importing"), BarColumn(), done)
    with Progress(*columns, console=console, transient=True) as bar:
        task = bar.add_task("import", total=total)
        yield lambda n: bar.advance(task, n)


@contextmanager
def steps_progress(console: Console) -> Iterator[Callable[[str, int, int], None] | None]:
    """A callback `(what, done, total)` showing a bar for each step of a long job (the
    pages of a compilation, the articles built); None when the output is not a terminal."""
    if not console.is_terminal:
        yield None
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TaskID, TextColumn

    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn())
    with Progress(*columns, console=console, transient=True) as bar:
        tasks: dict[str, TaskID] = {}

        def step(what: str, done: int, total: int) -> None:
            if what not in tasks:
                tasks[what] = bar.add_task(what, total=total or None)
            bar.update(tasks[what], completed=done, total=total or None)

        yield step
