"""`flashcards build SOURCE... [-o DIR]`: articles, web pages and PDFs -> TOML deck files."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from flashcards.cli import common
from flashcards.domain.errors import FlashcardsError, InputError

if TYPE_CHECKING:
    from flashcards.service.building import Built, Progress, Source

SOURCES_HELP = ("Articles: plain text or Markdown, saved web pages (.html), PDFs, monthly "
                "compilations (one deck per article); '-' reads standard input.")


def read_sources(paths: list[Path], name: str | None) -> list[Source]:
    """Each source's bytes; a file too big, missing or unreadable is one clear error."""
    from flashcards.formats.sources import check_size
    from flashcards.service.building import Source

    sources: list[Source] = []
    for path in paths:
        if str(path) == "-":
            if not name:
                raise FlashcardsError("name the article read from standard input with "
                                      "--name NAME")
            sources.append(Source("<stdin>", sys.stdin.buffer.read(), name, stdin=True))
            continue
        try:
            check_size(path.stat().st_size, str(path))
            sources.append(Source(str(path), path.read_bytes(), path.stem))
        except OSError as exc:
            raise InputError(str(path), None, f"cannot read: {exc.strerror or exc}") from None
    return sources


@contextmanager
def build_progress() -> Iterator[Progress | None]:
    """A progress bar on stderr for long builds (a compilation), on a terminal only."""
    from flashcards.ui.plan import steps_progress

    with steps_progress(common.console(stderr=True)) as progress:
        yield progress


def build_all(paths: list[Path], out_dir: Path, name: str | None,
              deck_name: str | None = None) -> list[Built]:
    """Read and build every source (all before anything is written); print warnings."""
    from flashcards.service.building import build_sources
    from flashcards.ui.terminal import safe_text

    sources = read_sources(paths, name)
    with common.bulk_work(), build_progress() as progress:
        built, warnings = build_sources(sources, out_dir, deck_name=deck_name,
                                        progress=progress)
    err = common.console(stderr=True)
    for warning in warnings:
        err.print(safe_text(f"flashcards: warning: {warning}"), soft_wrap=True)
    return built


def make_dir(out_dir: Path) -> None:
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise FlashcardsError(f"{out_dir}: cannot create: {exc.strerror or exc}") from None


def build_cmd(
    sources: Annotated[list[Path], typer.Argument(
        help=SOURCES_HELP, show_default=False, metavar="SOURCE")],
    out_dir: Annotated[Path, typer.Option(
        "-o", "--out-dir", metavar="DIR",
        help="Folder for the deck files (created if missing).")
    ] = Path("decks"),
    name: Annotated[str | None, typer.Option(
        "--name", metavar="NAME", help="The deck's name for an article read from standard "
        "input ('-').", show_default=False)] = None,
    explain: Annotated[bool, typer.Option(
        "--explain", help="Also list every candidate card the quality gate dropped, and "
        "why.")] = False,
) -> None:
    """Build a deck file (TOML) from each study article: one deck per article."""
    from flashcards.cli.output import write_files

    built = build_all(sources, out_dir, name)
    make_dir(out_dir)
    by_target = {b.target: b for b in built}
    write_files([f for b in built for f in b.files()],
                lambda target: _report(by_target[target], explain)
                if target in by_target else None)


def _report(built: Built, explain: bool) -> None:
    """The deck file's card count, then its warnings, one line each (as import's); with
    `explain`, each dropped candidate: its key and lines, question, answer and reasons."""
    from flashcards.ui.terminal import counted, safe_text

    out = common.console()
    result = built.result
    kept = f" (article text in {built.source_file.name})" if built.source_file else ""
    out.print(safe_text(f"{built.target}: {counted(len(result.deck.cards), 'card')}{kept}"),
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
