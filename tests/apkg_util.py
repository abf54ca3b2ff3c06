"""Helpers for the .apkg tests: real packages made with genanki, and hostile variants.

genanki's own `Package.write_to_file` leaves its temp database behind in /tmp, so these
helpers build the collection in the test's own directory instead.
"""

from __future__ import annotations

import itertools
import sqlite3
import zipfile
from collections.abc import Callable, Iterable
from pathlib import Path

import genanki

STAMP = 1_772_438_400.0  # 2026-03-02 08:00 UTC: fixed, so the tests are repeatable
DATA = Path(__file__).resolve().parent / "data" / "anki"


def collection_bytes(decks: Iterable[genanki.Deck], workdir: Path,
                     edit: Callable[[sqlite3.Connection], None] | None = None) -> bytes:
    """A schema-11 collection (as genanki writes it), optionally edited with raw SQL."""
    db = workdir / "made.anki2"
    db.unlink(missing_ok=True)
    conn = sqlite3.connect(db)
    try:
        genanki.Package(list(decks)).write_to_db(conn.cursor(), STAMP,
                                                 itertools.count(int(STAMP * 1000)))
        if edit is not None:
            edit(conn)
        conn.commit()
    finally:
        conn.close()
    data = db.read_bytes()
    db.unlink()
    return data


def write_zip(path: Path, entries: dict[str, bytes],
              compression: int = zipfile.ZIP_DEFLATED) -> Path:
    with zipfile.ZipFile(path, "w", compression) as out:
        for name, data in entries.items():
            out.writestr(name, data)
    return path


def package(path: Path, decks: Iterable[genanki.Deck], media: dict[str, str] | None = None,
            edit: Callable[[sqlite3.Connection], None] | None = None) -> Path:
    """A legacy package as genanki makes it: collection.anki2 plus a JSON media map."""
    import json

    col = collection_bytes(decks, path.parent, edit)
    return write_zip(path, {"collection.anki2": col, "media": json.dumps(media or {}).encode()})


def deck(name: str, deck_id: int, *notes: genanki.Note) -> genanki.Deck:
    made = genanki.Deck(deck_id, name)
    for note in notes:
        made.add_note(note)
    return made


def basic(front: str, back: str, guid: str, tags: Iterable[str] = ()) -> genanki.Note:
    return genanki.Note(genanki.BASIC_MODEL, [front, back], tags=list(tags), guid=guid)


def entries(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name) for name in archive.namelist()}
