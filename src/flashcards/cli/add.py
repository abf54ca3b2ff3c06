"""`flashcards add SOURCE... [--deck NAME] [--dry-run]`: build and import in one step."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from flashcards.cli import common, config
from flashcards.cli.build import SOURCES_HELP, build_all, make_dir


def decks_dir() -> Path:
    """The `decks_dir` setting, or `decks/` in the user data folder."""
    chosen = common.settings().decks_dir
    return Path(chosen).expanduser() if chosen else config.data_dir() / "decks"


def _changed(path: Path, text: str) -> bool:
    try:
        return path.read_text(encoding="utf-8") != text
    except (OSError, UnicodeDecodeError):
        return True


def add_cmd(
    sources: Annotated[list[Path], typer.Argument(
        help=SOURCES_HELP, show_default=False, metavar="SOURCE")],
    deck: Annotated[str | None, typer.Option(
        "--deck", metavar="NAME", help="Name the deck (one article only); by default it "
        "is named after the file.", show_default=False)] = None,
    name: Annotated[str | None, typer.Option(
        "--name", metavar="NAME", help="The deck's name for an article read from standard "
        "input ('-').", show_default=False)] = None,
    dry_run: Annotated[bool, typer.Option(
        "--dry-run", help="Show what would change, and change nothing.")] = False,
) -> None:
    """Build decks from articles and import them: one step from a PDF to today's review.

    The deck files go to the decks folder (setting decks_dir), one per article, to edit
    and re-import; adding a source again keeps every card's progress."""
    from flashcards import service
    from flashcards.cli.output import write_files
    from flashcards.formats.deckfile import loads
    from flashcards.ui.plan import plan_view

    out_dir = decks_dir()
    built = build_all(sources, out_dir, name, deck)
    decks = [(loads(b.deck_text(), str(b.target)), str(b.target.resolve())) for b in built]
    store = common.open_store()
    try:
        if not dry_run:  # a backup first; then the files, then one import transaction
            common.auto_backup("import")
            make_dir(out_dir)
            write_files([(path, text) for b in built for path, text in b.files()
                         if _changed(path, text)])
        with common.bulk_work():
            plans = service.import_decks(store, decks, common.now(), dry_run=dry_run)
    finally:
        store.close()
    common.console().print(plan_view(plans, [f for _, f in decks], dry_run=dry_run))
