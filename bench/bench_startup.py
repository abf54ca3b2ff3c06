"""Start-up: `flashcards --help` and `flashcards decks` on a 100,000-card store,
whole processes, medians, beside `python -c "import typer"` in the same run.

    uv run python bench/bench_startup.py [--runs 7] [--cards 100000]

Target: `--help` at most 1.5x `import typer`.
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from common import FLASHCARDS, PYTHON, interleaved, peak_rss_mb, report
from generate import NOW_ENV, cached_store


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--cards", type=int, default=100_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = cached_store(Path(tmp) / "bench.db", cards=args.cards, reviews=args.cards * 10)
        env = {"FLASHCARDS_DB": str(db), "FLASHCARDS_NOW": NOW_ENV, "NO_COLOR": "1",
               "FLASHCARDS_CONFIG": str(Path(tmp) / "none.toml")}
        t = interleaved({
            "typer": [PYTHON, "-c", "import typer"],
            "help": [FLASHCARDS, "--help"],
            "sqlmodel": [PYTHON, "-c", "import sqlmodel"],
            "decks": [FLASHCARDS, "decks"],
        }, args.runs, env)
        typer_s, help_s, sqlmodel_s, decks_s = t["typer"], t["help"], t["sqlmodel"], t["decks"]
        rss = peak_rss_mb([FLASHCARDS, "decks"], env)
    print(f"start-up, {args.cards:,} cards, median of {args.runs} runs")
    report([
        ("python -c 'import typer'", typer_s, "baseline"),
        ("flashcards --help", help_s, f"{help_s / typer_s:.2f}x import typer (target <= 1.5x)"),
        ("python -c 'import sqlmodel'", sqlmodel_s, "baseline for commands that open the store"),
        ("flashcards decks", decks_s, f"{decks_s / sqlmodel_s:.2f}x import sqlmodel, "
                                      f"peak {rss:.0f} MB"),
    ])


if __name__ == "__main__":
    main()
