"""Atomic file writes: the one way flashcards writes a file (deck files, exports, Anki
packages, settings, backups, a restored store).

It lives in domain, although it does I/O, because domain is the one layer every writer
(formats/, store/, cli/) may import; like the rest of domain it uses the standard library
only.

`atomic_write(path)` yields a file object for a temp file made beside `path` by
`tempfile.mkstemp` (an unpredictable name `.<name>.<random>.tmp`, created with O_EXCL, so
a symlink planted in the folder is never followed). When the block ends, the file is
flushed, synced to disk and renamed over `path`, and the folder is synced so the rename
survives a power cut. If the block raises anything, KeyboardInterrupt included, the temp
file is removed and `path` is untouched: readers see the old file or the new one, never
half of one. A SIGKILL can leave a temp file behind: it is harmless, and hidden.

`atomic_path(path)` is the same for a writer that needs a file name (SQLite), and
`scratch_file(folder, name)` a work file removed at the end, named the same way.

A target that exists and is not a regular file (/dev/null, /dev/stdout, a named pipe) is
written in place: a device must not be replaced by a file. A symlink at the target is
followed: the file it points to is replaced and the link stays. A replaced file keeps its
permission bits; a new one gets the usual ones (0666 less the umask), not mkstemp's 0600.
"""

from __future__ import annotations

import contextlib
import os
import stat
from collections.abc import Iterator
from contextlib import AbstractContextManager
from pathlib import Path
from typing import IO, Any, BinaryIO, Literal, TextIO, overload

StrPath = str | os.PathLike[str]


@overload
def atomic_write(path: StrPath, mode: Literal["wb"] = "wb") -> AbstractContextManager[BinaryIO]:
    ...


@overload
def atomic_write(path: StrPath, mode: Literal["w"], *, encoding: str,
                 newline: str | None = None) -> AbstractContextManager[TextIO]:
    ...


def atomic_write(path: StrPath, mode: Literal["w", "wb"] = "wb", *,
                 encoding: str | None = None,
                 newline: str | None = None) -> AbstractContextManager[IO[Any]]:
    """A file object whose content replaces `path` when the block succeeds, and only then.
    `mode` is "wb" (bytes) or "w" (text: give the encoding)."""
    if mode not in ("w", "wb"):
        raise ValueError(f"atomic_write: mode must be 'w' or 'wb', not {mode!r}")
    return _atomic(Path(path), mode, encoding, newline)


@contextlib.contextmanager
def _atomic(path: Path, mode: str, encoding: str | None,
            newline: str | None) -> Iterator[IO[Any]]:
    target = _follow_link(path)
    if _is_special(target):
        with open(target, mode, encoding=encoding, newline=newline) as stream:
            yield stream
        return
    with _replacing(target) as (fd, _):
        with os.fdopen(fd, mode, encoding=encoding, newline=newline) as stream:
            yield stream
            stream.flush()
            os.fsync(stream.fileno())


@contextlib.contextmanager
def atomic_path(path: StrPath) -> Iterator[Path]:
    """For a writer that needs a file name rather than a file object (SQLite's backup
    API): the name of a new, empty temp file beside `path`, synced and renamed over `path`
    when the block succeeds, removed when it raises. For regular files only."""
    with _replacing(_follow_link(Path(path))) as (fd, temp):
        os.close(fd)
        yield temp
        _sync(temp)


@contextlib.contextmanager
def _replacing(target: Path) -> Iterator[tuple[int, Path]]:
    """(fd, name) of a new temp file beside `target`; renamed over it if the block ends
    normally, removed if it raises (the caller owns the fd and closes it)."""
    import tempfile  # here: not among the imports of every command's start

    fd, name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    temp = Path(name)
    try:
        yield fd, temp
        os.chmod(temp, _mode_for(target))
        os.replace(temp, target)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    _sync(target.parent)


@contextlib.contextmanager
def scratch_file(folder: StrPath, name: str) -> Iterator[Path]:
    """A new, empty work file `.<name>.<random>.tmp` in `folder` (mkstemp, as above: never
    a planted symlink), e.g. a snapshot to compress; removed when the block ends."""
    import tempfile

    fd, temp = tempfile.mkstemp(dir=folder, prefix=f".{name}.", suffix=".tmp")
    os.close(fd)
    try:
        yield Path(temp)
    finally:
        Path(temp).unlink(missing_ok=True)


def _follow_link(path: Path) -> Path:
    return Path(os.path.realpath(path)) if path.is_symlink() else path


def _is_special(path: Path) -> bool:
    """An existing target that is not a regular file: a device, a pipe, a socket."""
    try:
        return not stat.S_ISREG(os.stat(path).st_mode)
    except FileNotFoundError:
        return False


def _mode_for(target: Path) -> int:
    """The permission bits of the file being replaced, or the default for a new file."""
    try:
        return stat.S_IMODE(os.stat(target).st_mode)
    except FileNotFoundError:
        mask = os.umask(0o022)  # reading the umask means setting it: set it straight back
        os.umask(mask)
        return 0o666 & ~mask


def _sync(path: Path) -> None:
    """fsync a file, or a folder (its entries: a rename). Windows cannot open a folder to
    sync it, and makes its renames durable by itself."""
    if path.is_dir() and os.name == "nt":
        return
    fd = os.open(path, os.O_RDONLY if path.is_dir() else os.O_RDWR)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)

