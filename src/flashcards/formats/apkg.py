"""Anki packages (.apkg): read untrusted packages safely; write packages Anki imports.

Reading never extracts media and never writes outside a private temporary directory. The
collection entry is streamed into it with a cap on the bytes actually decompressed (zip
and zstd alike), then opened read-only and checked (see anki_collection).

Whole-file refusals: not a zip, a truncated or unreadable zip, an unsafe or duplicated
entry name, too many entries, no collection, a zip bomb, a `meta` from a newer Anki, a
collection that is not SQLite, corrupt, or not an Anki collection, no importable card.
Imported with a warning: unsafe or unreadable media names (left out of the list), notes
whose field count does not match their note type or whose note type is unknown, image
occlusion notes, cards with an empty or over-long question or answer, duplicate keys (the
later card), suspended cards (imported active, with --with-progress).
"""

from __future__ import annotations

import io
import json
import sqlite3
import tempfile
import zipfile
import zlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path, PurePosixPath
from typing import IO, cast

from flashcards.domain import DeckDraft
from flashcards.domain.errors import InputError
from flashcards.formats import anki_collection as ac
from flashcards.formats.anki_cards import CardMaker

COLLECTIONS = ("collection.anki21b", "collection.anki21", "collection.anki2")  # newest first
ZSTD_MAGIC = b"\x28\xb5\x2f\xfd"
MAX_BYTES = 2 << 30  # the most a collection may decompress to, whatever its ratio
MAX_RATIO = 100  # ... and at most this many times its compressed size, plus:
RATIO_SLACK = 32 << 20
MAX_MEDIA_MAP = 16 << 20
_CHUNK = 1 << 20
_ZIP_ERRORS = (zipfile.BadZipFile, zlib.error, EOFError, OSError, NotImplementedError,
               RuntimeError, ValueError)


@dataclass
class ApkgResult:
    decks: list[DeckDraft]
    media: list[str] = field(default_factory=list)  # media file names (never extracted)
    warnings: list[str] = field(default_factory=list)
    collection: str = ""  # the zip entry the cards came from


def read_apkg(path: Path, *, with_progress: bool = False, start_hour: int = 4) -> ApkgResult:
    """Read an Anki package into decks of card drafts (plus scheduling and review history
    with `with_progress`). Raises InputError naming the file and entry or note."""
    label = str(path)
    try:
        _check_entry_count(path, label)
        archive = zipfile.ZipFile(path)
    except FileNotFoundError:
        raise InputError(label, None, "no such file") from None
    except _ZIP_ERRORS as exc:
        raise InputError(label, None, f"not a readable zip archive (.apkg): {exc}") from None
    with archive, tempfile.TemporaryDirectory(prefix="flashcards-apkg-") as tmp:
        entries = _check_entries(archive, label)
        version = _meta_version(archive, entries, label)
        name = _pick_collection(entries, version, label)
        db = Path(tmp) / "collection.db"
        _extract(archive, entries[name], db, label, zstd=name.endswith("b"))
        conn = ac.open_checked(db, label, name)
        try:
            col = ac.load(conn, label, name)
            maker = CardMaker(col, label, name, path.name, with_progress, start_hour)
            decks = maker.run(conn)
        except (sqlite3.Error, UnicodeDecodeError) as exc:
            raise InputError(label, name, f"unreadable Anki collection ({exc})") from None
        finally:
            conn.close()
        warnings = maker.warn.summary()
        if not decks:
            why = f" ({warnings[0]})" if warnings else ""
            raise InputError(label, name, f"no cards to import{why}")
        media, media_warnings = _media(archive, entries, label)
    return ApkgResult(decks, media, [*media_warnings, *warnings], name)


MAX_ENTRIES = 500_000  # zip entries (media files and more); zipfile holds each in memory


def _check_entry_count(path: Path, label: str) -> None:
    """Refuse a zip whose directory announces more entries than a deck could need, before
    zipfile reads them all into memory. (A zip without an end record fails later.)"""
    with path.open("rb") as fh:
        size = fh.seek(0, 2)
        fh.seek(max(0, size - (1 << 16) - 22))
        tail = fh.read()
    end = tail.rfind(b"PK\x05\x06")
    if end < 0 or end + 22 > len(tail):
        return
    count = int.from_bytes(tail[end + 10:end + 12], "little")
    locator = tail.rfind(b"PK\x06\x07", 0, end)
    if count == 0xFFFF and locator >= 0:  # zip64: the count is in the zip64 end record
        with path.open("rb") as fh:
            fh.seek(int.from_bytes(tail[locator + 8:locator + 16], "little"))
            record = fh.read(56)
        if record[:4] == b"PK\x06\x06":
            count = int.from_bytes(record[32:40], "little")
    if count > MAX_ENTRIES:
        raise InputError(label, None, f"the archive lists {count:,} entries (at most "
                         f"{MAX_ENTRIES:,}): refused")


def _unsafe(name: str) -> bool:
    parts = PurePosixPath(name.replace("\\", "/")).parts
    return (not name or name.startswith(("/", "\\")) or ".." in parts
            or (len(name) > 1 and name[1] == ":") or "\x00" in name)


def _check_entries(archive: zipfile.ZipFile, label: str) -> dict[str, zipfile.ZipInfo]:
    entries: dict[str, zipfile.ZipInfo] = {}
    for info in archive.infolist():
        if _unsafe(info.filename):
            raise InputError(label, f"zip entry {info.filename!r}",
                             "unsafe path in the archive (absolute or with '..'): refused")
        if info.filename in entries:
            raise InputError(label, f"zip entry {info.filename!r}", "appears twice: refused")
        entries[info.filename] = info
    return entries


def _meta_version(archive: zipfile.ZipFile, entries: dict[str, zipfile.ZipInfo],
                  label: str) -> int:
    if "meta" not in entries:
        return 0
    raw = _read_small(archive, entries["meta"], 1024, label)
    try:
        version = dict(ac.proto_fields(raw)).get(1, 0)
    except ValueError:
        version = 0
    if not isinstance(version, int) or not 1 <= version <= 3:
        raise InputError(label, "zip entry 'meta'", "package format unknown (made by a newer "
                         "Anki?): export it again with 'Support older Anki versions' ticked")
    return version


def _pick_collection(entries: dict[str, zipfile.ZipInfo], version: int, label: str) -> str:
    present = [n for n in COLLECTIONS if n in entries]
    if not present:
        raise InputError(label, None, "no Anki collection in the package (expected one of "
                         + ", ".join(COLLECTIONS) + ")")
    if version == 3 and present[0] != COLLECTIONS[0]:
        raise InputError(label, None, "the package's meta entry announces "
                         "collection.anki21b but it is missing")
    return present[0]


def _bomb(label: str, name: str, limit: int) -> InputError:
    return InputError(label, f"zip entry {name!r}", f"decompresses to more than {limit:,} "
                      "bytes: refused (a zip bomb?)")


def _limit(compressed: int) -> int:
    return min(MAX_BYTES, compressed * MAX_RATIO + RATIO_SLACK)


class _Capped:
    """A reader that refuses to produce more than `limit` bytes."""

    def __init__(self, src: IO[bytes], limit: int, error: InputError) -> None:
        self.src, self.left, self.error = src, limit, error

    def read(self, size: int = -1) -> bytes:
        want = _CHUNK if size is None or size < 0 else size
        data = self.src.read(min(want, self.left + 1))
        self.left -= len(data)
        if self.left < 0:
            raise self.error
        return data


def _extract(archive: zipfile.ZipFile, info: zipfile.ZipInfo, dest: Path, label: str,
             zstd: bool) -> None:
    """Stream one entry to `dest`, capping the bytes actually decompressed (zip, then zstd)."""
    limit = _limit(info.compress_size)
    bomb = _bomb(label, info.filename, limit)
    try:
        with archive.open(info) as raw, dest.open("wb") as out:
            src = _Capped(raw, limit, bomb)
            if zstd:
                _unzstd(src, out, limit, bomb)
            else:
                _copy(src, out)
    except InputError:
        raise
    except _ZIP_ERRORS as exc:
        raise InputError(label, f"zip entry {info.filename!r}",
                         f"cannot be read (truncated or damaged archive?): {exc}") from None


def _copy(src: _Capped | IO[bytes], out: IO[bytes]) -> None:
    while chunk := src.read(_CHUNK):
        out.write(chunk)


def _unzstd(src: _Capped, out: IO[bytes], limit: int, bomb: InputError) -> None:
    import zstandard

    try:
        reader = zstandard.ZstdDecompressor().stream_reader(cast(IO[bytes], src),
                                                            read_across_frames=True)
        with reader as rd:
            _copy(_Capped(rd, limit, bomb), out)
    except zstandard.ZstdError as exc:
        raise InputError(bomb.path, bomb.where, f"not valid zstd data: {exc}") from None


def _read_small(archive: zipfile.ZipFile, info: zipfile.ZipInfo, limit: int,
                label: str) -> bytes:
    try:
        with archive.open(info) as src:
            data = src.read(limit + 1)
    except _ZIP_ERRORS as exc:
        raise InputError(label, f"zip entry {info.filename!r}",
                         f"cannot be read (truncated or damaged archive?): {exc}") from None
    if len(data) > limit:
        raise _bomb(label, info.filename, limit)
    return data


def _media(archive: zipfile.ZipFile, entries: dict[str, zipfile.ZipInfo],
           label: str) -> tuple[list[str], list[str]]:
    """Media file names from the `media` map (JSON, or zstd protobuf in new packages)."""
    if "media" not in entries:
        return [], []
    raw = _read_small(archive, entries["media"], MAX_MEDIA_MAP, label)
    where = f"{label}:zip entry 'media'"
    try:
        names = _media_names(raw, label)
    except (ValueError, UnicodeDecodeError) as exc:
        return [], [f"{where}: unreadable media list ({exc}): media names not listed"]
    safe = [n for n in names if not _unsafe(n) and "/" not in n and "\\" not in n]
    warnings = [f"{where}: unsafe media name {n!r} left out" for n in names if n not in safe]
    return safe, warnings[:5]


def _media_names(raw: bytes, label: str) -> list[str]:
    if raw.startswith(ZSTD_MAGIC):
        import zstandard

        try:
            with zstandard.ZstdDecompressor().stream_reader(io.BytesIO(raw)) as rd:
                raw = rd.read(MAX_MEDIA_MAP + 1)
        except zstandard.ZstdError as exc:
            raise ValueError(f"bad zstd data: {exc}") from None
        if len(raw) > MAX_MEDIA_MAP:
            raise ValueError(f"more than {MAX_MEDIA_MAP:,} bytes")
        names = []
        for number, entry in ac.proto_fields(raw):
            if number == 1 and isinstance(entry, bytes):
                name = dict(ac.proto_fields(entry)).get(1, b"")
                if isinstance(name, bytes):
                    names.append(name.decode("utf-8"))
        return names
    mapping = json.loads(raw.decode("utf-8") or "{}")
    if not isinstance(mapping, dict):
        raise ValueError("not a JSON object")
    return [str(v) for _, v in sorted(mapping.items(), key=lambda kv: (len(kv[0]), kv[0]))]


def write_apkg(decks: Sequence[DeckDraft], path: Path, *, now: datetime) -> None:
    """Write decks as an Anki package (see apkg_write). `now` stamps the notes: Anki
    updates a note it already has only from a newer one."""
    from flashcards.formats.apkg_write import write_apkg as _write

    _write(decks, path, now=now)
