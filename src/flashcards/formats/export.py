"""Streaming writers for exported rows: CSV, JSON and JSON Lines.

Rows arrive in batches (tuples in the order of `columns`) and leave one batch at a time,
so memory stays flat however long the log. The writers write to a text stream the
caller opened (a file or stdout, UTF-8, newline=""); they never print nor touch the store.

CSV follows RFC 4180 (header row, comma, double-quote quoting where needed, CRLF line
ends) and is made safe for spreadsheets: a text cell that starts with `=`, `+`, `-`, `@`,
a tab or a carriage return gets a leading `'`, so a spreadsheet shows it as text instead
of running it as a formula (OWASP "CSV injection"). So does a cell that starts with
apostrophes and then one of those (`'=x` is written `''=x`): the CSV reader takes one `'`
off such a cell, and every text comes back exactly. JSON and JSONL keep values exactly.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Collection, Iterable, Sequence
from operator import itemgetter
from typing import Any, TextIO

FORMATS = ("csv", "json", "jsonl")
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# Columns of the export formats that hold free text (user or imported): guarded in CSV.
FREE_TEXT = frozenset({"deck", "card_key", "question", "answer", "tags", "section", "kind",
                       "session_id"})

Batch = Sequence[tuple[Any, ...]]


# A cell that gets a `'`: zero or more apostrophes, then a formula start
_RISKY = "'*[" + re.escape("".join(FORMULA_STARTS)) + "]"
_risky = re.compile(_RISKY).match


def spreadsheet_safe(value: str) -> str:
    """A text cell a spreadsheet will not evaluate, and the CSV reader reads back exactly:
    a `'` before a risky first character, or before apostrophes followed by one."""
    return "'" + value if _risky(value) else value


# A risky cell anywhere in a batch's text columns: each column is joined with NUL (never
# in card text, which is cleaned of control characters on import) and searched at C speed.
_RISKY_IN_JOINED = re.compile("(?:^|\x00)" + _RISKY)


def _guard(batch: Batch, text_index: Sequence[int]) -> Batch:
    """The batch with every risky text cell made safe (rows copied only when needed)."""
    if not any(_RISKY_IN_JOINED.search("\x00".join(filter(None, map(itemgetter(i), batch))))
               for i in text_index):
        return batch
    out = list(batch)
    for n, row in enumerate(batch):
        if any(row[i] is not None and _risky(row[i]) for i in text_index):
            out[n] = tuple(spreadsheet_safe(v) if j in text_index and v is not None else v
                           for j, v in enumerate(row))
    return out


def write_csv(out: TextIO, columns: Sequence[str], batches: Iterable[Batch],
              text_columns: Collection[str] = FREE_TEXT) -> int:
    """Header, then every row; text columns are made spreadsheet-safe. Returns rows."""
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(columns)
    text_index = [i for i, name in enumerate(columns) if name in text_columns]
    count = 0
    for batch in batches:
        writer.writerows(_guard(batch, text_index) if text_index else batch)
        count += len(batch)
    return count


class _Cells:
    """CSV text of a few cells (quoted as needed, spreadsheet-safe), via the csv module."""

    def __init__(self) -> None:
        self._buffer = io.StringIO()
        self._writer = csv.writer(self._buffer, lineterminator="")

    def __call__(self, *values: str | None) -> str:
        if len(values) == 1 and not values[0]:
            return ""  # (csv writes a lone empty cell as "" so the line is not blank)
        self._buffer.seek(0)
        self._buffer.truncate()
        self._writer.writerow([None if v is None else spreadsheet_safe(v) for v in values])
        return self._buffer.getvalue()


def write_review_csv(out: TextIO, columns: Sequence[str],
                     batches: Iterable[tuple[Sequence[tuple[int, str, str, str]],
                                             Sequence[tuple[str, int, str, str | None]]]]
                     ) -> int:
    """The review log as CSV from the store's compact batches (see
    store/export_queries.review_csv_batches): the same bytes as write_csv, about twice as
    fast. Each card's deck, key and question are quoted once and reused."""
    cells = _Cells()
    out.write(cells(*columns) + "\r\n")
    cards: dict[int, str] = {}
    sessions: dict[str | None, str] = {}
    count = 0
    for new_cards, rows in batches:
        for card_id, deck, key, question in new_cards:
            cards[card_id] = cells(deck, key, question)
        for session in {row[3] for row in rows} - sessions.keys():
            sessions[session] = cells(session)
        out.write("".join([f"{head},{cards[card]},{tail},{sessions[session]}\r\n"
                           for head, card, tail, session in rows]))
        count += len(rows)
    return count


def write_jsonl(out: TextIO, columns: Sequence[str], batches: Iterable[Batch]) -> int:
    """One JSON object per line, keys in `columns` order. Returns rows."""
    encode = json.JSONEncoder(ensure_ascii=False).encode
    count = 0
    for batch in batches:
        out.write("".join(encode(dict(zip(columns, row, strict=True))) + "\n"
                          for row in batch))
        count += len(batch)
    return count


def write_json(out: TextIO, columns: Sequence[str], batches: Iterable[Batch]) -> int:
    """One JSON array of objects, written as it goes. Returns rows."""
    encode = json.JSONEncoder(ensure_ascii=False).encode
    count = 0
    out.write("[")
    for batch in batches:
        for row in batch:
            out.write(("\n" if count == 0 else ",\n") + encode(dict(zip(columns, row,
                                                                            strict=True))))
            count += 1
    out.write("\n]\n" if count else "]\n")
    return count


def write_rows(out: TextIO, fmt: str, columns: Sequence[str], batches: Iterable[Batch],
               text_columns: Collection[str] = FREE_TEXT) -> int:
    if fmt == "csv":
        return write_csv(out, columns, batches, text_columns)
    if fmt == "jsonl":
        return write_jsonl(out, columns, batches)
    if fmt == "json":
        return write_json(out, columns, batches)
    raise ValueError(f"unknown export format {fmt!r} (known: {', '.join(FORMATS)})")


def deck_file_names(decks: Sequence[tuple[str, str | None]]) -> list[str]:
    """A distinct file name for each (deck name, file it came from): the original file's
    name when it was a .toml deck file, else the deck name made file-safe."""
    names: list[str] = []
    taken: set[str] = set()
    for name, deck_file in decks:
        base = deck_file.replace("\\", "/").rsplit("/", 1)[-1] if deck_file else ""
        if not base.endswith(".toml") or base.startswith("."):
            slug = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")[:80] or "deck"
            base = f"{slug}.toml"
        candidate, n = base, 1
        while candidate.lower() in taken:
            n += 1
            candidate = f"{base[:-5]}-{n}.toml"
        taken.add(candidate.lower())
        names.append(candidate)
    return names
