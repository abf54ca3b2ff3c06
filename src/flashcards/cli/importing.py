"""`flashcards import`: deck files into the store, keeping progress on re-import."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from flashcards.cli import common


def import_cmd(
    files: Annotated[list[Path], typer.Argument(
        help="Deck files: our .toml decks, CSV/TSV with a header row "
        "(question,answer[,tags,key]), Anki text exports, Anki packages (.apkg).",
        show_default=False, metavar="FILE")],
    deck: Annotated[str | None, typer.Option(
        "--deck", metavar="NAME", help="Import into the deck of this name (CSV/TSV decks "
        "are named after the file otherwise).", show_default=False)] = None,
    dry_run: Annotated[bool, typer.Option(
        "--dry-run", help="Show what would change, and change nothing.")] = False,
    prune: Annotated[bool, typer.Option(
        "--prune", help="Delete cards gone from the file, with their history (by default "
        "they are retired and kept).")] = False,
    with_progress: Annotated[bool, typer.Option(
        "--with-progress", help="Anki packages: keep each card's scheduling and review "
        "history.")] = False,
) -> None:
    """Import deck files. Re-importing updates changed cards and keeps their progress."""
    from flashcards import service
    from flashcards.formats.detect import read_files
    from flashcards.ui.plan import import_progress, plan_view
    from flashcards.ui.terminal import safe_text

    files = list({f.resolve(): f for f in files}.values())  # a file named twice: once
    with common.bulk_work():  # all parsed first, but a big CSV/TSV: while it is imported
        loaded = read_files(files, deck, with_progress=with_progress,
                            start_hour=common.settings().day_start_hour, stream=True)
    try:
        err = common.console(stderr=True)
        for warning in loaded.warnings:
            err.print(safe_text(f"flashcards: warning: {warning}"), soft_wrap=True)
        total = sum(len(d.cards) for d, _ in loaded.decks) + loaded.expected
        with common.store_for_change() as store:
            if not dry_run:  # a backup before the store changes; if it fails, nothing is
                common.auto_backup("prune" if prune else "import")  # imported
            with common.bulk_work(), import_progress(
                    err, total, estimated=bool(loaded.expected)) as progress:
                plans = service.import_decks(store, loaded.decks, common.now(), prune=prune,
                                             dry_run=dry_run, progress=progress)
    finally:
        loaded.close()
    out = common.console()
    out.print(plan_view(plans, [f for _, f in loaded.decks], dry_run=dry_run))
    for file, names in loaded.media:  # Anki media: listed, never extracted
        shown = ", ".join(names[:20]) + (f", ... ({len(names) - 20} more)"
                                         if len(names) > 20 else "")
        out.print(safe_text(f"{file}: {len(names)} media files not imported (text only): "
                            f"{shown}"), soft_wrap=True)
