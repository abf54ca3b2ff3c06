"""`flashcards export {reviews,cards,decks}`: the review log, the cards or the decks, out.

A sub-app: each kind of export is its own subcommand (more can join, e.g. `apkg`).
"""

from __future__ import annotations

import enum
import os
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from flashcards.cli import common
from flashcards.cli.completion import deck_names
from flashcards.domain.errors import FlashcardsError

if TYPE_CHECKING:
    from flashcards.domain import DeckDraft

app = typer.Typer(name="export", no_args_is_help=True, add_completion=False,
                  rich_markup_mode=None,
                  help="Write the review log, the cards or the decks out: CSV, JSON, JSON "
                       "Lines or deck files.")


class Format(enum.StrEnum):
    csv = "csv"
    json = "json"
    jsonl = "jsonl"


Decks = Annotated[list[str] | None, typer.Argument(
    help="Decks to export (default: all).", show_default=False, metavar="DECK",
    autocompletion=deck_names)]
FormatOption = Annotated[Format, typer.Option("--format", "-f", help="Output format.")]
Output = Annotated[str, typer.Option("-o", "--output", metavar="FILE|-",
                                     help="File to write (atomically), or - for stdout.")]
Since = Annotated[str | None, typer.Option(
    "--since", metavar="DATE", show_default=False,
    help="Only from this study day on (YYYY-MM-DD).")]


def _since(value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise FlashcardsError(f"--since: not a date (YYYY-MM-DD): {value!r}") from None


def _rows(what: str, decks: list[str] | None, fmt: Format, output: str,
          since: str | None) -> None:
    from flashcards import service
    from flashcards.cli.output import open_output
    from flashcards.formats.export import write_review_csv, write_rows

    first = _since(since)
    store = common.open_store()
    try:
        if what == "reviews" and fmt is Format.csv:  # the fast path for the big one
            with service.export_review_csv(store, decks or [], first) as (columns, parts), \
                    open_output(output) as out:
                write_review_csv(out, columns, parts)
            return
        with service.export_rows(store, what, decks or [], first, common.today()) as (
                columns, batches), \
                open_output(output) as out:
            write_rows(out, fmt.value, columns, batches)
    finally:
        store.close()


@app.command("reviews")
def reviews_cmd(decks: Decks = None, fmt: FormatOption = Format.csv, output: Output = "-",
                since: Since = None) -> None:
    """The review log: one row per answer (columns in the README)."""
    _rows("reviews", decks, fmt, output, since)


@app.command("cards")
def cards_cmd(decks: Decks = None, fmt: FormatOption = Format.csv, output: Output = "-",
              since: Since = None) -> None:
    """Every card with its state and counts; --since keeps cards answered since DATE."""
    _rows("cards", decks, fmt, output, since)


@app.command("apkg")
def apkg_cmd(
    output: Annotated[Path, typer.Option(
        "-o", "--output", metavar="FILE.apkg", show_default=False,
        help="The Anki package to write (replaced atomically).")],
    decks: Decks = None,
) -> None:
    """Decks as an Anki package (.apkg) for Anki desktop and phones; exporting again later
    updates the same notes in Anki instead of duplicating them."""
    from flashcards.formats.apkg import write_apkg
    from flashcards.ui.terminal import counted

    if str(output) == "-":
        raise FlashcardsError("an Anki package is a file, not to standard output: "
                              "give -o FILE.apkg")
    drafts = _drafts(decks)
    write_apkg([d for d, _ in drafts], output, now=common.now())
    cards = sum(len(d.cards) for d, _ in drafts)
    decks_word = "deck" if len(drafts) == 1 else "decks"
    common.console().print(f"{counted(cards, 'card')} in {len(drafts)} {decks_word} written "
                           f"to {output}")


def _drafts(decks: list[str] | None) -> list[tuple[DeckDraft, str | None]]:
    """The decks named (or all) as drafts with their deck files; none is an error."""
    from flashcards import service

    store = common.open_store()
    try:
        drafts = service.export_decks(store, decks or [])
    finally:
        store.close()
    if not drafts:
        raise FlashcardsError("no decks to export")
    return drafts


def _deck_folder(folder: Path, drafts: list[tuple[DeckDraft, str | None]]) -> None:
    """One deck file per deck in `folder` (created if needed), each written atomically;
    a Ctrl-C part-way says which were written."""
    from flashcards.cli.output import write_files
    from flashcards.formats.deckfile import dumps
    from flashcards.formats.export import deck_file_names

    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise FlashcardsError(f"{folder}: cannot create: {exc.strerror or exc}") from None
    names = deck_file_names([(d.name, f) for d, f in drafts])
    write_files([(folder / name, dumps(draft))
                 for (draft, _), name in zip(drafts, names, strict=True)])


@app.command("decks")
def decks_cmd(
    decks: Decks = None,
    output: Annotated[str, typer.Option(
        "-o", "--output", metavar="DIR/|FILE|-",
        help="A folder (one deck file per deck), a file, or - for stdout (one deck).")
    ] = "-",
) -> None:
    """Decks as TOML deck files, to share or re-import with the same card keys."""
    from flashcards.cli.output import open_output
    from flashcards.formats.deckfile import dumps

    drafts = _drafts(decks)
    if output != "-" and (Path(output).is_dir() or output.endswith(("/", os.sep))):
        _deck_folder(Path(output), drafts)
        _written(len(drafts), output)
        return
    if len(drafts) > 1:
        raise FlashcardsError(f"{len(drafts)} decks: name one deck, or give a folder "
                              "(-o DIR/) for one file per deck")
    with open_output(output) as out:
        out.write(dumps(drafts[0][0]))
    if Path(output).is_file():  # not for -, /dev/null or a pipe
        _written(1, output)


def _written(files: int, where: str) -> None:
    from flashcards.ui.terminal import safe_text

    common.console().print(safe_text(
        f"{files} deck file{'s' if files != 1 else ''} written to {where}"), soft_wrap=True)
