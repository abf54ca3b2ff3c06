"""Where exported text goes: stdout (`-`) or a file written atomically.

A file is written through domain.files.atomic_write (a temp file beside it, synced and
renamed over the target): readers see the old file or the new one, never half of one,
and a failed export leaves nothing behind. On stdout a closed pipe (`| head`) ends the
command quietly.
"""

from __future__ import annotations

import contextlib
import io
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TextIO

import typer

from flashcards.domain.errors import FlashcardsError
from flashcards.domain.files import atomic_write


def _cannot(path: Path, exc: OSError) -> FlashcardsError:
    return FlashcardsError(f"{path}: cannot write: {exc.strerror or exc}")


def check_target(path: Path) -> None:
    """Refuse a folder, or a file in a missing folder, before the work rather than after."""
    if path.is_dir():
        raise FlashcardsError(f"{path}: cannot write: is a folder, not a file")
    if not path.parent.is_dir():
        raise FlashcardsError(f"{path}: cannot write: no folder {path.parent}")


@contextlib.contextmanager
def atomic_text(path: Path) -> Iterator[TextIO]:
    """A UTF-8 text stream (newline="") whose content replaces `path` on success only
    (domain.files.atomic_write: a device or pipe is written in place)."""
    try:
        with atomic_write(path, "w", encoding="utf-8", newline="") as stream:
            yield stream
    except OSError as exc:
        raise _cannot(path, exc) from None


class PartlyWritten(KeyboardInterrupt):
    """Ctrl-C part-way through writing several files: the message names the files
    written and the files not written (each is atomic, so there is no half file)."""

    def __init__(self, written: Sequence[Path], not_written: Sequence[Path]) -> None:
        done = ", ".join(map(str, written)) or "nothing"
        rest = f"; not written: {', '.join(map(str, not_written))}" if not_written else ""
        super().__init__(f"interrupted: wrote {done}{rest}")


def write_files(files: Sequence[tuple[Path, str]],
                each: Callable[[Path], None] | None = None) -> None:
    """Write each (path, text) atomically, in order, calling `each(path)` after each one.
    A Ctrl-C part-way raises PartlyWritten, which says what was written and what not."""
    written: list[Path] = []
    try:
        for path, text in files:
            with atomic_text(path) as out:
                out.write(text)
            written.append(path)
            if each is not None:
                each(path)
    except KeyboardInterrupt:
        raise PartlyWritten(written, [p for p, _ in files[len(written):]]) from None


def _silence_stdout() -> None:
    """After a broken pipe: point stdout at /dev/null so the exit flush cannot fail."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, io.UnsupportedOperation):
        pass


@contextlib.contextmanager
def stdout_text() -> Iterator[TextIO]:
    """UTF-8 text on stdout whatever the locale; a closed pipe ends the command quietly."""
    stream = io.TextIOWrapper(sys.stdout.buffer, encoding="utf-8", newline="")
    try:
        yield stream
        stream.flush()
    except BrokenPipeError:
        _silence_stdout()
        raise typer.Exit(0) from None
    finally:
        with contextlib.suppress(Exception):
            stream.detach()  # leave sys.stdout's buffer open for the rest of the process


@contextlib.contextmanager
def open_output(target: str) -> Iterator[TextIO]:
    """`-` for stdout; else a file written atomically (a device or pipe, e.g. /dev/null,
    in place: never rename over something that is not a regular file)."""
    if target == "-":
        with stdout_text() as stream:
            yield stream
    else:
        with atomic_text(Path(target)) as stream:
            yield stream
