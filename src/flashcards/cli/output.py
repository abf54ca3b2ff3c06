"""Where exported text goes: stdout (`-`) or a file written atomically.

A file is written to a temp file beside it, flushed to disk and renamed over the target:
readers see the old file or the new one, never half of one, and a failed export leaves
nothing behind. On stdout a closed pipe (`| head`) ends the command quietly.
"""

from __future__ import annotations

import contextlib
import io
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TextIO

import typer

from flashcards.domain.errors import FlashcardsError


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
    """A UTF-8 text stream (newline="") whose content replaces `path` on success only."""
    temp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        stream = open(temp, "w", encoding="utf-8", newline="")  # noqa: SIM115
    except OSError as exc:
        raise _cannot(path, exc) from None
    try:
        with stream:
            yield stream
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temp, path)
    except OSError as exc:
        temp.unlink(missing_ok=True)
        raise _cannot(path, exc) from None
    except BaseException:
        temp.unlink(missing_ok=True)
        raise


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
    """`-` for stdout; a device or pipe (e.g. /dev/null) written in place; else a file
    written atomically. Never rename over something that is not a regular file."""
    path = Path(target)
    if target == "-":
        with stdout_text() as stream:
            yield stream
    elif path.exists() and not path.is_file():
        try:
            stream = open(path, "w", encoding="utf-8", newline="")  # noqa: SIM115
        except OSError as exc:
            raise _cannot(path, exc) from None
        with stream:
            yield stream
    else:
        with atomic_text(path) as stream:
            yield stream
