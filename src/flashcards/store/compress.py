"""Compressed backups: `<name>.db.zst`, one zstd frame of the SQLite snapshot, preceded by
a small skippable frame that holds a note about it (the store's fingerprint when it was
taken). Decoders skip that frame (`zstd -d` gives the SQLite file back), and reading the
note costs a few bytes instead of a decompression. Both ways stream in 1 MiB chunks:
never the whole store in memory. The level is measured in bench/bench_backup.py.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import struct
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from flashcards.domain.errors import StoreError
from flashcards.domain.files import atomic_write, scratch_file

SUFFIX = ".zst"
# Measured (bench/bench_backup.py --levels, 47 MB store): level 3, zstd's default, gives
# 22% of the store; level 1 23% in 4/5 of the time; level 6 18% in 2.4 times the time.
LEVEL = 3
CHUNK = 1 << 20
_SKIPPABLE = 0x184D2A50  # the first of zstd's skippable-frame magic numbers
_MAX_NOTE = 1 << 16


def is_compressed(path: Path) -> bool:
    return Path(path).suffix == SUFFIX


def compress(source: Path, target: Path, note: str) -> None:
    """`source` compressed into `target` (written atomically), `note` in front of it."""
    import zstandard

    data = note.encode("utf-8")
    with source.open("rb") as src, atomic_write(target) as out:
        out.write(struct.pack("<II", _SKIPPABLE, len(data)) + data)
        compressor = zstandard.ZstdCompressor(level=LEVEL, write_checksum=True)
        size = os.fstat(src.fileno()).st_size
        with compressor.stream_writer(out, size=size, closefd=False) as writer:
            shutil.copyfileobj(src, writer, CHUNK)


def read_note(path: Path) -> str | None:
    """The note at the start of a compressed file, or None (none there, or unreadable)."""
    try:
        with Path(path).open("rb") as src:
            return _skip_note(src)
    except OSError:
        return None


def _skip_note(src: BinaryIO) -> str | None:
    """Read past our skippable frame and return its note; without one, stay at the start."""
    head = src.read(8)
    if len(head) == 8:
        magic, size = struct.unpack("<II", head)
        if magic == _SKIPPABLE and size <= _MAX_NOTE:
            return src.read(size).decode("utf-8", errors="replace")
    src.seek(0)
    return None


def decompress(source: Path, target: Path) -> None:
    """Stream-decompress `source` into the file `target`. A damaged or truncated file is
    a StoreError (zstd's checksum catches damage; the frame's end, truncation)."""
    import zstandard

    with source.open("rb") as src, target.open("wb") as out:
        _skip_note(src)
        frame = zstandard.ZstdDecompressor().decompressobj()
        try:
            while chunk := src.read(CHUNK):
                out.write(frame.decompress(chunk))
        except zstandard.ZstdError as exc:
            raise StoreError(f"{source}: damaged: {exc}") from None
        if not frame.eof:
            raise StoreError(f"{source}: damaged: the file ends before its data does")


@contextlib.contextmanager
def as_database(path: Path, scratch_dir: Path) -> Iterator[Path]:
    """A backup as an SQLite file: the file itself, or for a `.zst` one a decompressed
    temp copy in `scratch_dir`, removed when the block ends."""
    path = Path(path)
    if not is_compressed(path):
        yield path
        return
    with contextlib.ExitStack() as stack:
        try:
            plain = stack.enter_context(scratch_file(scratch_dir, path.name))
            decompress(path, plain)
        except OSError as exc:
            raise StoreError(f"cannot decompress {path}: {exc.strerror or exc}") from None
        yield plain
