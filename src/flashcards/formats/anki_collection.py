"""An Anki collection (SQLite, schema 11 or 18) read safely into plain rows.

The file is a private temp copy; it is opened read-only with `trusted_schema=OFF`, and
`PRAGMA quick_check` runs before any other query. Schema 11 (collection.anki2/.anki21)
keeps note types and decks as JSON in `col`; schema 18 (collection.anki21b) has tables
`notetypes`, `fields`, `templates`, `decks`, with protobuf configs.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from operator import itemgetter
from pathlib import Path
from typing import Any

from flashcards.domain.errors import InputError

SQLITE_MAGIC = b"SQLite format 3\x00"


@dataclass(frozen=True)
class NoteType:
    id: int
    name: str
    cloze: bool
    fields: list[str]
    templates: dict[int, tuple[str, str]]  # ord -> (question format, answer format)


@dataclass(frozen=True)
class Collection:
    crt: int
    note_types: dict[int, NoteType]
    decks: dict[int, str]
    conn: sqlite3.Connection


# --- protobuf, just enough -------------------------------------------------

def _varint(data: bytes, pos: int) -> tuple[int, int]:
    value = shift = 0
    while True:
        if pos >= len(data) or shift > 63:
            raise ValueError("truncated varint")
        byte = data[pos]
        pos += 1
        value |= (byte & 0x7F) << shift
        if byte < 0x80:
            return value, pos
        shift += 7


def proto_fields(data: bytes) -> Iterator[tuple[int, int | bytes]]:
    """(field number, value) pairs of a protobuf message; varints and byte strings only
    (fixed-width fields are skipped). Raises ValueError on malformed input."""
    pos = 0
    while pos < len(data):
        key, pos = _varint(data, pos)
        number, wire = key >> 3, key & 7
        if wire == 0:
            value, pos = _varint(data, pos)
            yield number, value
        elif wire == 2:
            size, pos = _varint(data, pos)
            if pos + size > len(data):
                raise ValueError("truncated field")
            yield number, data[pos:pos + size]
            pos += size
        elif wire in (1, 5):
            pos += 8 if wire == 1 else 4
        else:
            raise ValueError(f"unsupported wire type {wire}")


def _proto_text(data: bytes, wanted: int) -> str:
    for number, value in proto_fields(data):
        if number == wanted and isinstance(value, bytes):
            return value.decode("utf-8", "replace")
    return ""


# --- opening ---------------------------------------------------------------

def open_checked(db: Path, label: str, where: str) -> sqlite3.Connection:
    """Open a temp copy read-only; refuse it unless it is a sound SQLite database."""
    with db.open("rb") as fh:
        if fh.read(16) != SQLITE_MAGIC:
            raise InputError(label, where, "not an SQLite database")
    conn = sqlite3.connect(f"{db.as_uri()}?mode=ro", uri=True, check_same_thread=False)
    conn.create_collation("unicase", _unicase)  # schema 18 indexes use Anki's collation
    try:
        conn.execute("PRAGMA trusted_schema=OFF")
        conn.execute("PRAGMA query_only=ON")
        result = [row[0] for row in conn.execute("PRAGMA quick_check")]
    except (sqlite3.DatabaseError, UnicodeDecodeError) as exc:  # a damaged schema's text
        conn.close()
        raise InputError(label, where, f"corrupt SQLite database ({exc})") from None
    if result != ["ok"]:
        conn.close()
        raise InputError(label, where, f"corrupt SQLite database ({result[0][:120]})")
    return conn


def _unicase(a: str, b: str) -> int:
    a, b = a.casefold(), b.casefold()
    return (a > b) - (a < b)


_REQUIRED = {"col", "notes", "cards"}
_SCHEMA18 = {"notetypes", "fields", "templates", "decks"}


def load(conn: sqlite3.Connection, label: str, where: str) -> Collection:
    tables = _tables(conn)
    missing = sorted(_REQUIRED - tables)
    if missing:
        raise InputError(label, where, f"not an Anki collection (no table {missing[0]!r})")
    found = _rows(conn, "SELECT crt, models, decks FROM col LIMIT 1")
    row = found[0] if found else None
    if row is None:
        raise InputError(label, where, "not an Anki collection (table 'col' is empty)")
    crt = row[0] if isinstance(row[0], int) else 0
    if _SCHEMA18 <= tables:
        return Collection(crt, _note_types18(conn), _decks18(conn), conn)
    try:
        models, decks = json.loads(row[1] or "{}"), json.loads(row[2] or "{}")
    except ValueError as exc:
        raise InputError(label, where, f"unreadable note types or decks: {exc}") from None
    if not isinstance(models, dict) or not isinstance(decks, dict):
        raise InputError(label, where, "unreadable note types or decks: not JSON objects")
    return Collection(crt, _note_types11(models), _decks11(decks), conn)


def _int(value: Any, default: int = -1) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return default


def _note_types11(models: dict[str, Any]) -> dict[int, NoteType]:
    found: dict[int, NoteType] = {}
    for key, model in models.items():
        if not isinstance(model, dict):
            continue
        fields = sorted((f for f in model.get("flds") or [] if isinstance(f, dict)),
                        key=lambda f: _int(f.get("ord")))
        templates = {
            _int(t.get("ord")): (str(t.get("qfmt") or ""), str(t.get("afmt") or ""))
            for t in model.get("tmpls") or [] if isinstance(t, dict)
        }
        ntid = _int(model.get("id", key))
        found[ntid] = NoteType(ntid, str(model.get("name") or ntid), model.get("type") == 1,
                               [str(f.get("name") or "") for f in fields], templates)
    return found


def _decks11(decks: dict[str, Any]) -> dict[int, str]:
    return {_int(d.get("id", k)): str(d.get("name") or "")
            for k, d in decks.items() if isinstance(d, dict)}


def _note_types18(conn: sqlite3.Connection) -> dict[int, NoteType]:
    fields: dict[int, list[str]] = {}
    for ntid, _ord, name in _rows(conn, "SELECT ntid, ord, name FROM fields ORDER BY ntid, ord"):
        fields.setdefault(ntid, []).append(str(name))
    templates: dict[int, dict[int, tuple[str, str]]] = {}
    for ntid, ord_, config in _rows(conn, "SELECT ntid, ord, config FROM templates"):
        raw = config if isinstance(config, bytes) else b""
        try:
            formats = (_proto_text(raw, 1), _proto_text(raw, 2))
        except ValueError:
            formats = ("", "")
        templates.setdefault(ntid, {})[_int(ord_)] = formats
    found: dict[int, NoteType] = {}
    for ntid, name, config in _rows(conn, "SELECT id, name, config FROM notetypes"):
        try:
            kind = dict(proto_fields(config if isinstance(config, bytes) else b"")).get(1, 0)
        except ValueError:
            kind = 0
        found[ntid] = NoteType(ntid, str(name), kind == 1, fields.get(ntid, []),
                               templates.get(ntid, {}))
    return found


def _decks18(conn: sqlite3.Connection) -> dict[int, str]:
    return {did: str(name).replace("\x1f", "::")
            for did, name in _rows(conn, "SELECT id, name FROM decks")}


def notes(conn: sqlite3.Connection) -> list[tuple[Any, ...]]:
    """(note id, guid, note type id, tags, fields) rows, values as stored (check their
    types)"""
    return _rows(conn, "SELECT id, guid, mid, tags, flds FROM notes")


def _rows(conn: sqlite3.Connection, sql: str) -> list[tuple[Any, ...]]:
    """All rows; text that is not valid UTF-8 is decoded with replacement characters
    (the fast default decoder first, the tolerant one only when needed)."""
    try:
        return conn.execute(sql).fetchall()
    except UnicodeDecodeError:
        pass
    except sqlite3.OperationalError as exc:
        if "decode" not in str(exc):
            raise
    conn.text_factory = lambda raw: raw.decode("utf-8", "replace")
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.text_factory = str


# The first seven columns are all a card needs without its scheduling (queue -1: suspended).
CARD_COLUMNS = "id, nid, did, ord, odid, type, queue, due, ivl, factor, reps, lapses, odue"


def cards(conn: sqlite3.Connection, scheduling: bool = True) -> list[tuple[Any, ...]]:
    """Card rows in CARD_COLUMNS order (only the first seven without `scheduling`), by
    note and ordinal (sorted here: cheaper than SQLite's temporary b-tree)."""
    columns = CARD_COLUMNS if scheduling else ", ".join(CARD_COLUMNS.split(", ")[:7])
    rows = _rows(conn, f"SELECT {columns} FROM cards")
    try:
        rows.sort(key=itemgetter(1, 3, 0))
    except TypeError:  # a value of another type (NULL, text) in a damaged collection
        rows.sort(key=_card_order)
    return rows


def _card_order(row: tuple[Any, ...]) -> tuple[int, int, int]:
    nid, ord_, cid = row[1], row[3], row[0]
    return (nid if isinstance(nid, int) else 0, ord_ if isinstance(ord_, int) else 0,
            cid if isinstance(cid, int) else 0)


def revlog(conn: sqlite3.Connection) -> dict[int, list[tuple[Any, ...]]]:
    """card id -> [(id ms, button, ivl, factor, time ms, type)] in time order"""
    if "revlog" not in _tables(conn):
        return {}
    found: dict[int, list[tuple[Any, ...]]] = {}
    for cid, *rest in _rows(
            conn, "SELECT cid, id, ease, ivl, factor, time, type FROM revlog ORDER BY cid, id"):
        found.setdefault(cid, []).append(tuple(rest))
    return found


def _tables(conn: sqlite3.Connection) -> set[str]:
    return {name for (name,) in _rows(conn, "SELECT name FROM sqlite_master "
                                            "WHERE type = 'table'")}
