"""Card control on a big store: `flashcards cards --search`, `flashcards due --count` and
shell completion of card names, on 100,000 cards and 1,000,000 reviews (bench/
generate.py), whole processes, medians, each beside its floor in the same run.

    uv run python bench/bench_cards.py [--runs 7] [--cards 100000] [--reviews 1000000]

Floors: bench/floor.py, a Python process that imports typer and sqlite3 and runs on the
same store the very statements the command runs (recorded from our query code), and
`python -c "import typer"`, what every command pays first. Completion is timed as the
shell runs it: `_FLASHCARDS_COMPLETE=complete_bash COMP_WORDS=... flashcards`.

Targets (issue 14): `cards --search` under 0.3 s, `due --count` under 0.15 s, on the
shared 2-core machine.
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from common import (
    FLASHCARDS,
    FLOOR,
    PYTHON,
    Recorder,
    add_store_options,
    big_store,
    interleaved_runs,
    report_runs,
    versus_floor,
    write_statements,
)
from generate import LATE, LATE_ENV, TODAY

SEARCH = "item 123"  # the generated questions read "... the value of item N?"


def statements(db: Path) -> dict[str, list[tuple[str, list[object]]]]:
    """What `cards --search` and `due --count` run on this store."""
    from flashcards.store import card_queries as cq
    from flashcards.store import open_store

    store = open_store(db)
    found: dict[str, list[tuple[str, list[object]]]] = {}
    try:
        with store.raw_read() as conn:
            recorder = Recorder(conn)
            cq.find(recorder, cq.Filters(search=SEARCH), TODAY)  # type: ignore[arg-type]
            found["search"] = recorder.statements
            recorder = Recorder(conn)
            cq.new_introduced(recorder, None, TODAY)  # type: ignore[arg-type]
            cq.due_counts(recorder, None, TODAY, 20)  # type: ignore[arg-type]
            found["due"] = recorder.statements
            recorder = Recorder(conn)
            cq.new_introduced(recorder, None, LATE)  # type: ignore[arg-type]
            cq.due_counts(recorder, None, LATE, 20)  # type: ignore[arg-type]
            found["due late"] = recorder.statements
    finally:
        store.close()
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    add_store_options(parser, runs=7)
    args = parser.parse_args()
    with big_store(args.cards, args.reviews) as (db, env), \
            tempfile.TemporaryDirectory() as tmp:
        specs = {name: write_statements(Path(tmp) / f"{name}.json", sql)
                 for name, sql in statements(db).items()}
        complete = {**env, "_FLASHCARDS_COMPLETE": "complete_bash",
                    "COMP_WORDS": "flashcards suspend Deck\\ 03/k12", "COMP_CWORD": "2"}
        commands = {
            "typer": [PYTHON, "-c", "import typer"],
            "search floor": [PYTHON, FLOOR, "rows", str(db), str(specs["search"])],
            "search": [FLASHCARDS, "cards", "--search", SEARCH],
            "search json": [FLASHCARDS, "cards", "--search", SEARCH, "--json"],
            "due floor": [PYTHON, FLOOR, "rows", str(db), str(specs["due"])],
            "due": [FLASHCARDS, "due", "--count"],
            "due late floor": ["env", f"FLASHCARDS_NOW={LATE_ENV}", PYTHON, FLOOR, "rows",
                               str(db), str(specs["due late"])],
            "due late": ["env", f"FLASHCARDS_NOW={LATE_ENV}", FLASHCARDS, "due", "--count"],
            "complete": [FLASHCARDS],
        }
        runs = interleaved_runs({k: v for k, v in commands.items() if k != "complete"},
                                args.runs, env)
        runs.update(interleaved_runs({"complete": commands["complete"]}, args.runs,
                                     complete))
    print(f"{args.cards:,} cards, {args.reviews:,} reviews; median of {args.runs} runs "
          "taken in turn (peak: the largest)")
    report_runs([
        ("python -c 'import typer'", runs["typer"], "what every command pays first"),
        ("floor: the search's SQL", runs["search floor"], ""),
        (f"cards --search '{SEARCH}'", runs["search"],
         f"{versus_floor(runs['search'], runs['search floor'])} (target < 0.3 s)"),
        (f"cards --search '{SEARCH}' --json", runs["search json"],
         f"{versus_floor(runs['search json'], runs['search floor'])} (no Rich)"),
        ("floor: due's SQL", runs["due floor"], ""),
        ("due --count", runs["due"],
         f"{versus_floor(runs['due'], runs['due floor'])} (target < 0.15 s)"),
        (f"floor: due's SQL, {LATE}", runs["due late floor"], "most cards due"),
        (f"due --count, {LATE}", runs["due late"],
         f"{versus_floor(runs['due late'], runs['due late floor'])} (target < 0.15 s)"),
        ("completion of a card name", runs["complete"],
         versus_floor(runs["complete"], runs["typer"]) + " vs import typer"),
    ])


if __name__ == "__main__":
    main()
