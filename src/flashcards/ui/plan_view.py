"""The exam plan on screen: one row a day (a week a row when the exam is far), with the
load as a bar against the daily budget."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from flashcards.domain.plan import Plan, PlanDay, Simulation
from flashcards.ui import charts

WEEKLY_FROM = 45  # days: beyond that, a week a row


def _rows(plan: Plan) -> list[tuple[str, int, int, float, bool]]:
    if len(plan.days) <= WEEKLY_FROM:
        return [(f"{d.day:%a %-d %b}", d.reviews, d.new, d.minutes, d.feasible)
                for d in plan.days]
    weeks: list[list[PlanDay]] = [plan.days[i:i + 7] for i in range(0, len(plan.days), 7)]
    return [(f"{w[0].day:%-d %b}–{w[-1].day:%-d %b}", sum(d.reviews for d in w),
             sum(d.new for d in w), max(d.minutes for d in w), all(d.feasible for d in w))
            for w in weeks]


def plan_screen(plan: Plan, width: int) -> RenderableType:
    weekly = len(plan.days) > WEEKLY_FROM
    table = Table(box=None, pad_edge=False)
    table.add_column("Week" if weekly else "Day", no_wrap=True)
    table.add_column("Reviews", justify="right")
    table.add_column("New", justify="right")
    table.add_column("Busiest day, min" if weekly else "Minutes", justify="right")
    table.add_column("Load", no_wrap=True)
    rows = _rows(plan)
    peak = max([plan.daily_minutes, *(m for *_, m, _ in rows)])
    bar = max(8, width - 52)
    for label, reviews, new, minutes, fits in rows:
        load = charts.hbar(round(minutes * 10), round(peak * 10), bar, "green" if fits else "red")
        if not fits:
            load.append(" over", style="bold red")
        table.add_row(label, f"{reviews:,}", f"{new:,}", f"{minutes:g}", load)
    head = Text(f"Plan to the exam on {plan.exam_day:%a %-d %b %Y}", style="bold")
    head.append(f" · {len(plan.days)} days · budget {plan.daily_minutes} min a day at "
                f"{plan.seconds_per_card:.0f} s a card", style="dim")
    notes = []
    if plan.new_done is not None:
        notes.append(f"Every new card is met by {plan.new_done:%-d %b %Y}.")
    if plan.new_left:
        notes.append(f"{plan.new_left:,} new cards are still unmet on the exam's eve.")
    if plan.predicted_recall is not None:
        notes.append(f"FSRS predicts {plan.predicted_recall:.0%} of these cards remembered on "
                     "exam day, if every review above is done and recalled.")
    over = plan.over
    notes.append(f"{len(over)} day{'s' if len(over) != 1 else ''} over the budget "
                 f"(daily_minutes); raise it, or start new cards earlier." if over
                 else "Every day fits the budget.")
    return Group(head, table, Text(" ".join(notes), style="yellow" if over else "green"))


SCHEDULER_NAMES = {"sm2": "SM-2", "fsrs": "FSRS"}


def simulation_screen(runs: Sequence[Simulation], exam_day: date | None,
                      width: int) -> RenderableType:
    """The simulator's runs side by side: reviews and expected retention by month
    (by week under 120 days), the exam's row marked."""
    days = runs[0].days
    span = 7 if len(days) < 120 else 30
    table = Table(box=None, pad_edge=False)
    table.add_column("From", no_wrap=True)
    for run in runs:
        table.add_column(f"{SCHEDULER_NAMES.get(run.scheduler, run.scheduler)} reviews",
                         justify="right")
        table.add_column("retention", justify="right")
    for start in range(0, len(days), span):
        first, last = days[start], days[min(start + span, len(days)) - 1]
        label = f"{first.day:%-d %b %Y}"
        if exam_day is not None and first.day <= exam_day <= last.day:
            label += " (exam)"
        cells = [label]
        for run in runs:
            chunk = run.days[start:start + span]
            known = [d.retention for d in chunk if d.retention is not None]
            cells += [f"{sum(d.reviews for d in chunk):,}",
                      f"{known[-1]:.0%}" if known else "—"]
        table.add_row(*cells)
    head = Text(f"Simulated {len(days)} days from {days[0].day:%-d %b %Y}", style="bold")
    totals = [f"{SCHEDULER_NAMES.get(run.scheduler, run.scheduler)}: {run.reviews:,} reviews, "
              + (f"{run.final_retention:.0%} retained at the end" if run.final_retention
                 is not None else "nothing learned yet") for run in runs]
    return Group(head, table, Text(" · ".join(totals)),
                 Text("FSRS's memory model plays the student; both runs draw the same "
                      "luck.", style="dim"))
