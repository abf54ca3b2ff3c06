"""`flashcards optimize` and `flashcards simulate`: FSRS fitted to the student's log, and
both schedulers run forward on the student's own cards."""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from typing import Annotated

import typer

from flashcards.cli import common


def optimize_cmd() -> None:
    """Fit FSRS's parameters to your review log and keep them (used when scheduler is
    fsrs); prints them with the log loss and RMSE before and after."""
    from flashcards.service.scheduling import optimize

    store = common.open_store()
    try:
        fit = optimize(store)
    finally:
        store.close()
    out = common.console()
    out.print(f"Fitted FSRS-6 to {fit.answers:,} answers (each after a day or more).",
              markup=False)
    out.print(f"  log loss  {fit.log_loss_before:.4f} -> {fit.log_loss_after:.4f}", markup=False)
    out.print(f"  RMSE      {fit.rmse_before:.4f} -> {fit.rmse_after:.4f}  (lower is better)",
              markup=False)
    out.print("Parameters: " + ", ".join(f"{w:.4f}" for w in fit.parameters), markup=False)
    if common.settings().scheduler != "fsrs":
        out.print("They schedule once FSRS does: flashcards config scheduler fsrs",
                  markup=False)


class Which(StrEnum):
    sm2 = "sm2"
    fsrs = "fsrs"
    both = "both"


def simulate_cmd(
    days: Annotated[int, typer.Option("--days", min=1, max=3650, metavar="N",
                                      help="Days to simulate.")] = 365,
    scheduler: Annotated[Which, typer.Option("--scheduler", help="Which scheduler(s).")]
    = Which.both,
    as_json: Annotated[bool, typer.Option("--json", help="Every day, as JSON.")] = False,
) -> None:
    """Run your own cards (and new ones at new_per_day) forward N days under SM-2 and
    FSRS: reviews a day and expected retention, side by side."""
    from flashcards.service.scheduling import model
    from flashcards.service.simulate import simulate
    from flashcards.ui.plan import steps_progress
    from flashcards.ui.plan_view import SCHEDULER_NAMES

    chosen = common.settings()
    names = ("sm2", "fsrs") if scheduler is Which.both else (scheduler.value,)
    store = common.open_store()
    try:
        _, exam = common.exam(store)
        today = common.today()
        with steps_progress(common.console(stderr=True)) as bar:
            runs = simulate(store, [], today, days, chosen.new_per_day,
                            model(store, chosen.desired_retention), names, exam,
                            progress=None if bar is None else lambda name, day, total: bar(
                                f"Simulating {SCHEDULER_NAMES[name]}", day, total))
    finally:
        store.close()
    if as_json:
        sys.stdout.write(json.dumps({
            "days": days, "start": today.isoformat(),
            "exam_date": exam.day.isoformat() if exam else None,
            "desired_retention": chosen.desired_retention,
            "schedulers": {run.scheduler: {
                "reviews": run.reviews,
                "final_retention": _round(run.final_retention),
                "days": [{"day": d.day.isoformat(), "reviews": d.reviews, "new": d.new,
                          "retention": _round(d.retention)} for d in run.days]}
                for run in runs},
        }, indent=1) + "\n")
        return
    from flashcards.ui.plan_view import simulation_screen

    out = common.console()
    out.print(simulation_screen(runs, exam.day if exam else None, out.width))


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 4)
