"""`flashcards plan [--json]`: the days up to the exam, and whether they fit."""

from __future__ import annotations

import json
import sys
from typing import Annotated

import typer

from flashcards.cli import common
from flashcards.domain.errors import FlashcardsError


def plan_cmd(
    as_json: Annotated[bool, typer.Option("--json", help="The plan as JSON.")] = False,
) -> None:
    """Day by day to the exam (setting exam_date): reviews, new cards, minutes, and
    whether each day fits daily_minutes."""
    from flashcards.service.plan import plan

    chosen = common.settings()
    store = common.open_store()
    try:
        _, exam = common.exam(store)
        if exam is None:
            raise FlashcardsError("no exam date: set one with flashcards config exam_date "
                                  "YYYY-MM-DD")
        today = common.today()
        if exam.day <= today:
            raise FlashcardsError(f"the exam date {exam.day} is not after today ({today})")
        decks = [d.strip() for d in chosen.exam_decks.split(",") if d.strip()]
        result = plan(store, decks, today, exam, chosen.new_per_day, chosen.daily_minutes,
                      common.scheduling(store))
    finally:
        store.close()
    if as_json:
        sys.stdout.write(json.dumps({
            "exam_date": exam.day.isoformat(), "daily_minutes": result.daily_minutes,
            "seconds_per_card": round(result.seconds_per_card, 1),
            "new_cards_done": result.new_done.isoformat() if result.new_done else None,
            "new_cards_left": result.new_left, "scheduler": chosen.scheduler,
            **({"predicted_recall": round(result.predicted_recall, 4)}
               if result.predicted_recall is not None else {}),
            "days": [{"day": d.day.isoformat(), "reviews": d.reviews, "new": d.new,
                      "minutes": d.minutes, "feasible": d.feasible} for d in result.days],
        }, indent=1) + "\n")
        return
    from flashcards.ui.plan_view import plan_screen

    out = common.console()
    out.print(plan_screen(result, out.width))
