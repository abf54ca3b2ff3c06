"""Sources -> deck files: read each source's articles, build each article's deck, and
say what to write (the deck file, and the article's text beside it where the source was
a web page, a PDF or standard input). Nothing is written here; every source is read and
built before the caller writes anything, so a bad source leaves nothing behind.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path, PurePath
from typing import TYPE_CHECKING

from flashcards.domain.errors import FlashcardsError, InputError

if TYPE_CHECKING:
    from flashcards.builder import BuildResult

HEADER = ("Built by `flashcards build` from {source} (builder {version}).\n"
          "Edit freely: each card's key carries its review history, so keep the keys.")
SOURCE_SUFFIX = ".source.md"

Progress = Callable[[str, int, int], None]  # (what, done, total)


@dataclass(frozen=True)
class Source:
    """One source as the user named it: its bytes, and the stem its decks are named by."""

    path: str  # as given ("-" for standard input)
    data: bytes
    stem: str
    stdin: bool = False


@dataclass(frozen=True)
class Built:
    target: Path  # the deck file
    result: BuildResult
    source_text: str | None  # the article as read, kept beside the deck (NAME.source.md)
    origin: str  # the source it came from

    @property
    def source_file(self) -> Path | None:
        if self.source_text is None:
            return None
        return self.target.with_name(self.target.stem + SOURCE_SUFFIX)

    def deck_text(self) -> str:
        from flashcards.builder import BUILDER_VERSION
        from flashcards.formats.deckfile import dumps

        header = HEADER.format(source=self.origin, version=BUILDER_VERSION)
        return dumps(self.result.deck, header=header)

    def files(self) -> list[tuple[Path, str]]:
        """What to write: the article's text first, then the deck that points into it."""
        files = [(self.target, self.deck_text())]
        if self.source_file is not None and self.source_text is not None:
            files.insert(0, (self.source_file, self.source_text))
        return files


def _relative(article: Path, out_dir: Path) -> str:
    """The article as seen from the deck file's folder, so the two can move together."""
    try:
        return PurePath(os.path.relpath(article.resolve(), out_dir.resolve())).as_posix()
    except ValueError:  # another drive
        return article.resolve().as_posix()


def build_sources(sources: list[Source], out_dir: Path, *, deck_name: str | None = None,
                  progress: Progress | None = None) -> tuple[list[Built], list[str]]:
    """Every source's decks (one per article) and the warnings; raises on the first bad
    source, before anything is written."""
    from flashcards.builder import build_deck
    from flashcards.formats.sources import read_source

    planned: list[tuple[Source, str, str, bool]] = []  # source, name, text, extracted
    warnings: list[str] = []
    for source in sources:
        pages = None if progress is None else (
            lambda done, total, s=source: progress(f"Reading {s.path}", done, total))
        articles = read_source(source.data, source.path, source.stem, stdin=source.stdin,
                               progress=pages)
        planned += [(source, a.name, a.text, a.extracted) for a in articles]
    built: list[Built] = []
    for number, (source, name, text, extracted) in enumerate(planned, 1):
        if progress is not None:
            progress("Building decks", number - 1, len(planned))
        target = out_dir / f"{name}.toml"
        recorded = (name + SOURCE_SUFFIX if extracted
                    else _relative(Path(source.path), out_dir))
        try:
            result = build_deck(text, f"{name}.md", source=recorded)
        except InputError as exc:
            if sum(1 for p in planned if p[0] is source) == 1:
                raise InputError(source.path, None, exc.detail) from None
            warnings.append(f"{source.path}: skipped the article {name!r}: {exc.detail}")
            continue
        origin = source.path if extracted else recorded
        built.append(Built(target, result, text if extracted else None, origin))
    if progress is not None:
        progress("Building decks", len(planned), len(planned))
    _check(built, deck_name)
    if deck_name is not None:
        built = [replace(b, result=replace(b.result, deck=replace(b.result.deck,
                                                                   name=deck_name)))
                 for b in built]
    return built, warnings


def _check(built: list[Built], deck_name: str | None) -> None:
    targets = [b.target for b in built]
    if len(set(targets)) < len(targets):
        raise FlashcardsError("two sources have the same file name; their decks would "
                              "overwrite each other")
    if deck_name is not None and len(built) != 1:
        raise InputError("--deck", None, f"names one deck, but the sources hold "
                         f"{len(built)} articles; add them one at a time")
