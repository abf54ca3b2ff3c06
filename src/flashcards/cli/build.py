"""`flashcards build ARTICLE... [-o DIR]`: study articles -> TOML deck files."""

from __future__ import annotations

import os
from pathlib import Path, PurePath
from typing import TYPE_CHECKING, Annotated

import typer

from flashcards.cli import common
from flashcards.domain.errors import FlashcardsError

if TYPE_CHECKING:
    from flashcards.builder import BuildResult

HEADER = ("Built by `flashcards build` from {source} (builder {version}).\n"
          "Edit freely: each card's key carries its review history, so keep the keys.")


def _relative(article: Path, out_dir: Path) -> str:
    """The article as seen from the deck file's folder, so the two can move together."""
    try:
        return PurePath(os.path.relpath(article.resolve(), out_dir.resolve())).as_posix()
    except ValueError:  # another drive
        return article.resolve().as_posix()


def _build(article: Path, out_dir: Path) -> BuildResult:
    from flashcards.builder import build_deck
    from flashcards.formats.text_input import decode_text

    try:
        data = article.read_bytes()
    except OSError as exc:
        raise FlashcardsError(f"{article}: cannot read: {exc.strerror or exc}") from None
    text = decode_text(data, str(article))
    return build_deck(text, str(article), source=_relative(article, out_dir))


def build_cmd(
    articles: Annotated[list[Path], typer.Argument(
        help="Article text files (plain text or Markdown, UTF-8).", show_default=False,
        metavar="ARTICLE")],
    out_dir: Annotated[Path, typer.Option(
        "-o", "--out-dir", metavar="DIR",
        help="Folder for the deck files (created if missing).")
    ] = Path("decks"),
    explain: Annotated[bool, typer.Option(
        "--explain", help="Also list every candidate card the quality gate dropped, and "
        "why.")] = False,
) -> None:
    """Build a deck file (TOML) from each study article: one deck per article."""
    from flashcards.cli.output import write_files

    targets = {out_dir / f"{a.stem}.toml": a for a in articles}
    if len(targets) < len(articles):
        raise FlashcardsError("two articles have the same file name; their decks would "
                              "overwrite each other")
    built = {target: _build(article, out_dir) for target, article in targets.items()}
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise FlashcardsError(f"{out_dir}: cannot create: {exc.strerror or exc}") from None
    write_files([(target, _deck_text(result)) for target, result in built.items()],
                lambda target: _report(target, built[target], explain))


def _deck_text(result: BuildResult) -> str:
    from flashcards.builder import BUILDER_VERSION
    from flashcards.formats.deckfile import dumps

    header = HEADER.format(source=result.deck.source, version=BUILDER_VERSION)
    return dumps(result.deck, header=header)


def _report(target: Path, result: BuildResult, explain: bool) -> None:
    """The deck file's card count, then its warnings, one line each (as import's); with
    `explain`, each dropped candidate: its key and lines, question, answer and reasons."""
    from flashcards.ui.terminal import counted, safe_text

    out = common.console()
    out.print(safe_text(f"{target}: {counted(len(result.deck.cards), 'card')}"),
              soft_wrap=True)
    for warning in result.warnings:
        out.print(safe_text(f"  warning: {warning}"), soft_wrap=True)
    if not explain:
        return
    out.print(safe_text(f"  dropped: {counted(len(result.dropped), 'candidate')}"),
              soft_wrap=True)
    for drop in result.dropped:
        out.print(safe_text(f"  - {drop.key} (lines {drop.lines[0]}-{drop.lines[1]}): "
                            f"{'; '.join(drop.reasons)}"), soft_wrap=True)
        out.print(safe_text(f"      Q: {drop.question}"), soft_wrap=True)
        out.print(safe_text(f"      A: {drop.answer}"), soft_wrap=True)
