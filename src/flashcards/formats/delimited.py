"""CSV and TSV decks, including Anki's "Notes in Plain Text" exports.

A plain file starts with a header row naming its columns: `question` and `answer`
(or `front` and `back`), optionally `tags`, `key` (or `id`, `guid`), `kind` and `deck`.
Other columns are ignored. Anki text exports instead start with `#name:value` lines
(`#separator:tab`, `#html:true`, `#tags:...`, `#columns:...`, `#deck:...`,
`#tags column:N`, `#guid column:N`, `#deck column:N`, `#notetype column:N`) and need no
header row: the first two field columns are the question and the answer.

A row without a key gets one derived from its question (case and spacing ignored), so
importing the same file again updates its cards instead of duplicating them; a row that
repeats an earlier row's question and answer is merged into its card, and the deck says
so (formats.row_keys). Text only: no store, no printing. Errors name the file and the line.
"""

from __future__ import annotations

import csv
import itertools
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from flashcards.domain import NO_SOURCE, CardDraft, DeckDraft, Duplicates
from flashcards.domain.errors import InputError
from flashcards.domain.limits import FIELD_LIMIT
from flashcards.domain.text import clean, plain_ascii
from flashcards.formats.anki_text import cloze_card, cloze_numbers, html_to_text
from flashcards.formats.export import FORMULA_STARTS
from flashcards.formats.row_keys import RowKeys

SEPARATORS = {"tab": "\t", "comma": ",", "semicolon": ";", "pipe": "|", "colon": ":",
              "space": " "}
_SEPARATOR_NAMES = {v: k for k, v in SEPARATORS.items()}
COLUMNS = {"question": "question", "front": "question", "answer": "answer", "back": "answer",
           "tags": "tags", "tag": "tags", "key": "key", "card_key": "key", "id": "key",
           "guid": "key",
           "kind": "kind", "deck": "deck"}
_META_COLUMNS = {"tags column": "tags", "guid column": "key", "deck column": "deck",
                 "notetype column": "notetype"}
COLUMN_ORDER = ("question", "answer", "tags", "key", "kind", "deck")
_GUARDED = frozenset(c for c in FORMULA_STARTS if c)  # see formats.export
_SPLIT_TAGS = re.compile(r"[\s,]+")
CHUNK_ROWS = 5_000  # rows a streamed file sends at a time (stream)


@dataclass
class _Meta:
    """What the `#name:value` lines at the top of the file say."""

    lines: int = 0  # how many lines they take
    anki: bool = False  # any Anki header line seen: rows are data, not a header
    separator: str | None = None
    html: bool = False
    tags: tuple[str, ...] = ()
    columns: str | None = None  # the raw `#columns:` value, split once the separator is known
    deck: str | None = None
    special: dict[str, int] = field(default_factory=dict)  # role -> 0-based column


@dataclass
class _Layout:
    """Which column holds what (0-based), and whether rows may be longer than the header."""

    roles: dict[str, int]
    width: int | None  # header width, when rows must not exceed it


def loads(text: str, path: str, name: str) -> list[DeckDraft]:
    """Parse a delimited deck. `name` is the deck name when the file does not give one.

    Returns one deck, or several when the file has a deck column.
    """
    reader, rows = _open(text, path, name)
    decks = reader.read(rows)
    if not decks:
        raise _no_cards(path)
    repeated = reader.row_keys.duplicates()
    return [DeckDraft(deck, tuple(cards), duplicates=repeated.get(deck, Duplicates()))
            for deck, cards in decks.items()]


def stream(text: str, path: str, name: str
           ) -> tuple[str, Iterator[tuple[CardDraft, ...] | Duplicates]] | None:
    """A file of one deck read a chunk of rows at a time, for an import that writes each
    chunk while the next is parsed: the deck's name, and an iterator of its cards in
    chunks followed by what `loads` puts in its `duplicates`. The same cards and errors
    as `loads`, in the same order; the header's errors are raised here, the rows' when
    the iterator reaches them. None for a file with a deck column (it may hold several)."""
    reader, rows = _open(text, path, name)
    if reader.columns[COLUMN_ORDER.index("deck")] >= 0:
        return None
    return reader.default, reader.chunks(rows, CHUNK_ROWS)


def packed(chunks: Iterator[tuple[CardDraft, ...] | Duplicates]) -> Iterator[Any]:
    """A stream's chunks as plain tuples of the five fields a CSV/TSV card sets (the
    others keep their defaults): pickled to the parent process in a seventh of the time."""
    for part in chunks:
        yield part if isinstance(part, Duplicates) else tuple(card[:5] for card in part)


def unpacked(chunks: Iterable[Any]) -> Iterator[tuple[CardDraft, ...] | Duplicates]:
    for part in chunks:
        yield part if isinstance(part, Duplicates) else tuple(
            itertools.starmap(CardDraft, part))


def _open(text: str, path: str, name: str) -> tuple[_Cards, Iterator[tuple[int, list[str]]]]:
    """The header lines and row read; the reader of the rows, and the rows after them."""
    if "\r" in text and "\n" not in text:
        text = text.replace("\r", "\n")  # classic Mac line ends (Excel's "CSV (Macintosh)")
    meta, start = _read_meta(text, path)
    sep = meta.separator or _sniff(text, start)
    rows = _rows(text, start, sep, path, meta.lines)
    first = next(rows, None)
    layout, is_header = _layout(first, meta, sep, path)
    if first is not None and not is_header:
        rows = itertools.chain([first], rows)
    return _Cards(layout, meta, path, meta.deck or name, plain_ascii(text)), rows


def _no_cards(path: str) -> InputError:
    return InputError(path, None, "no cards: the file has no rows after its header")


# --- header lines ----------------------------------------------------------


def _read_meta(text: str, path: str) -> tuple[_Meta, int]:
    """The header lines, and where the rows start."""
    meta = _Meta()
    pos = 0
    while pos < len(text):
        end = text.find("\n", pos)
        end = len(text) if end < 0 else end + 1
        line = text[pos:end].rstrip("\r\n")
        if line.startswith("#"):
            _meta_line(meta, line[1:], path, meta.lines + 1)
        elif meta.lines == 0 and line.startswith("tags:"):  # Anki's legacy first line
            meta.anki, meta.tags = True, tuple(line[5:].split())
        else:
            break
        meta.lines += 1
        pos = end
    return meta, pos


def _meta_line(meta: _Meta, line: str, path: str, number: int) -> None:
    key, colon, value = line.partition(":")
    key = key.strip().lower()
    if not colon:
        return  # a comment
    meta.anki = True
    where = f"line {number}"
    if key == "separator":
        word = value.strip().lower()
        if word in SEPARATORS:
            meta.separator = SEPARATORS[word]
        elif (value if len(value) == 1 else value.strip()) in _SEPARATOR_NAMES:
            meta.separator = value if len(value) == 1 else value.strip()
        else:
            raise InputError(path, where, f"unknown separator {value!r} (use "
                             f"{', '.join(SEPARATORS)}, or the character itself)")
    elif key == "html":
        meta.html = value.strip().lower() == "true"
    elif key == "tags":
        meta.tags = tuple(t for t in _SPLIT_TAGS.split(value) if t)
    elif key == "columns":
        meta.columns = value
    elif key == "deck":
        meta.deck = value.strip() or None
    elif key in _META_COLUMNS:
        try:
            number_1 = int(value.strip())
        except ValueError:
            number_1 = 0
        if number_1 < 1:
            raise InputError(path, where, f"#{key}: expected a column number from 1, "
                             f"not {value.strip()!r}")
        meta.special[_META_COLUMNS[key]] = number_1 - 1
    # other Anki settings (#notetype, #if matches, ...) do not apply here


def _sniff(text: str, start: int) -> str:
    """The separator of a file that does not name one: a tab if the first row has one,
    else the most frequent of comma, semicolon and pipe."""
    head = text[start:start + 65_536].split("\n", 20)[:20]
    first = next((line for line in head if line.strip()), "")
    if "\t" in first:
        return "\t"
    counts = {sep: first.count(sep) for sep in (",", ";", "|")}
    best = max(counts, key=lambda s: counts[s])
    return best if counts[best] else ","


# --- rows ------------------------------------------------------------------


def _lines(text: str, pos: int) -> Iterator[str]:
    """Lines split on LF only (str.splitlines would also split on U+2028 and friends),
    one at a time: a StringIO would hold the whole text at 4 bytes a character."""
    find = text.find
    while True:
        end = find("\n", pos)
        if end < 0:
            if pos < len(text):
                yield text[pos:]
            return
        yield text[pos:end + 1]
        pos = end + 1


def _rows(text: str, pos: int, sep: str, path: str, offset: int
          ) -> Iterator[tuple[int, list[str]]]:
    """Non-blank rows with the line each starts on. Quoted fields may span lines."""
    reader = csv.reader(_lines(text, pos), delimiter=sep, strict=True)
    start = 1
    try:
        for row in reader:
            if any(row):  # skip blank lines and spreadsheets' empty ",,," rows
                yield start + offset, row
            start = reader.line_num + 1
    except csv.Error as exc:
        raise InputError(path, f"line {start + offset}", _csv_message(str(exc))) from None


def _csv_message(message: str) -> str:
    if "field larger than field limit" in message:
        return f"a field is longer than the limit of {FIELD_LIMIT:,} characters"
    if "unexpected end of data" in message:
        return "a quoted field is never closed (is the file truncated?)"
    return f"malformed row: {message}; put fields that contain quotes in double quotes " \
           'and double the quotes inside ("")'


def _layout(first: tuple[int, list[str]] | None, meta: _Meta, sep: str, path: str
            ) -> tuple[_Layout, bool]:
    """Find the columns: from `#columns:`, a header row, or their positions. True when
    the first row is the header."""
    if meta.columns is not None:
        names = next(csv.reader([meta.columns], delimiter=sep), [])
        return _from_names(names, meta, path, width=None, where=None), False
    if first is not None and _is_header(first[1]):
        line, names = first
        return _from_names(names, meta, path, width=len(names), where=f"line {line}"), True
    if meta.anki:
        return _positional({}, meta, path), False
    line, cells = first if first is not None else (meta.lines + 1, [])
    shown = ", ".join(repr(c[:30]) for c in cells[:4])
    shown_sep = "<tab>" if sep == "\t" else sep
    raise InputError(path, f"line {line}", "the first row must name the columns, e.g. "
                     f"question{shown_sep}answer{shown_sep}tags (found {shown or 'nothing'})")


def _is_header(row: list[str]) -> bool:
    roles = {COLUMNS.get(cell.strip().lower()) for cell in row}
    return {"question", "answer"} <= roles


def _from_names(names: list[str], meta: _Meta, path: str, width: int | None,
                where: str | None) -> _Layout:
    roles: dict[str, int] = {}
    for index, raw in enumerate(names):
        role = COLUMNS.get(raw.strip().lower())
        if role is None or index in meta.special.values():
            continue
        if role in roles:
            raise InputError(path, where, f"two columns are named {role!r} "
                             f"(columns {roles[role] + 1} and {index + 1})")
        roles[role] = index
    if {"question", "answer"} <= roles.keys():
        roles.update(meta.special)
        return _Layout(roles, width)
    return _positional(roles, meta, path)  # Anki field names such as Text / Extra


def _positional(named: dict[str, int], meta: _Meta, path: str) -> _Layout:
    """Question and answer are the first two columns not used for tags, key, deck or
    note type (Anki's rule)."""
    roles = {**named, **meta.special}
    taken = set(roles.values())
    free = (i for i in range(1_000) if i not in taken)
    roles.setdefault("question", next(free))
    roles.setdefault("answer", next(free))
    return _Layout(roles, None)


# --- cards ---------------------------------------------------------------


class _Cards:
    """Rows -> cards, grouped by deck. The per-row path is kept lean: it runs 100,000
    times for a big file."""

    def __init__(self, layout: _Layout, meta: _Meta, path: str, default_deck: str,
                 ascii_text: bool) -> None:
        self.roles, self.width, self.meta, self.path = layout.roles, layout.width, meta, path
        self.ascii = ascii_text  # domain.text.plain_ascii of the whole file
        self.default = default_deck
        self.keys: dict[tuple[str, str], int] = {}  # (deck, explicit key) -> line
        self.row_keys = RowKeys()  # keys of the rows without one; repeated rows
        self.columns = tuple(layout.roles.get(r, -1) for r in COLUMN_ORDER)
        self.tag_cells: dict[str, tuple[str, ...]] = {}  # a tags cell -> the row's tags

    def read(self, rows: Iterable[tuple[int, list[str]]]) -> dict[str, list[CardDraft]]:
        decks: dict[str, list[CardDraft]] = {}
        row = self._row
        for line, cells in rows:
            row(line, cells, decks)
        return {deck: cards for deck, cards in decks.items() if cards}

    def chunks(self, rows: Iterator[tuple[int, list[str]]], size: int
               ) -> Iterator[tuple[CardDraft, ...] | Duplicates]:
        """The cards of a file without a deck column (all in the default deck), `size`
        rows at a time, then the deck's Duplicates."""
        decks: dict[str, list[CardDraft]] = {}
        row, made = self._row, 0
        while block := list(itertools.islice(rows, size)):
            for line, cells in block:
                row(line, cells, decks)
            cards = decks.pop(self.default, None)  # (a new list for the next block)
            if cards:
                made += len(cards)
                yield tuple(cards)
        if not made:
            raise _no_cards(self.path)
        yield self.row_keys.duplicates().get(self.default, Duplicates())

    def _row(self, line: int, row: list[str], decks: dict[str, list[CardDraft]]) -> None:
        """The row's cards, appended to its deck's."""
        n = len(row)
        qi, ai, ti, ki, kindi, di = self.columns
        if qi >= n or (self.width is not None and n > self.width):
            self._shape_error(line, row)
        question, answer = row[qi], row[ai] if ai < n else ""
        if question[:1] == "'" or answer[:1] == "'":
            question, answer = unguard(question), unguard(answer)
        tags = self.meta.tags
        if 0 <= ti < n and row[ti]:
            tags = self.tag_cells.get(row[ti]) or self._tags(row[ti])
        deck = unguard(row[di]).strip() or self.default if 0 <= di < n else self.default
        cards = decks.get(deck)
        if cards is None:
            cards = decks[deck] = []
        key = unguard(row[ki]).strip() if 0 <= ki < n else ""
        if "{{c" in question and cloze_numbers(question):
            cards += self._clozes(line, deck, key, question, answer, tags)
            return
        if ai >= n:
            self._shape_error(line, row)
        if self.meta.html:
            question, answer = html_to_text(question), html_to_text(answer)
        question, answer = question.strip(), answer.strip()
        if self.ascii and not self.meta.html:  # (no control character in the file but
            # tab, newline and CR; HTML's entities may bring some: "&nbsp;")
            printable = not ("\n" in question or "\n" in answer or "\t" in question
                             or "\t" in answer or "\r" in question or "\r" in answer)
        else:
            printable = question.isprintable() and answer.isprintable()
        if not (question and answer and printable and len(question) <= FIELD_LIMIT
                and len(answer) <= FIELD_LIMIT):
            question, answer = self._text(line, "question", question), \
                self._text(line, "answer", answer)
            printable = False
        made = self._explicit(line, deck, key) if key else \
            self.row_keys.key(line, deck, question, answer, printable)
        if made is None:
            return  # merged into an earlier row's card
        kind = unguard(row[kindi]).strip() or "basic" if 0 <= kindi < n else "basic"
        cards.append(CardDraft(made, question, answer, kind, tags, NO_SOURCE))

    def _tags(self, cell: str) -> tuple[str, ...]:
        """The file's own tags and a row's tags cell (separated by spaces or commas),
        split once per distinct cell (a big file repeats a few): `tag_cells` holds them."""
        tags = self.tag_cells.get(cell)
        if tags is None:
            tags = self.tag_cells[cell] = (
                self.meta.tags + tuple(unguard(cell).replace(",", " ").split()))
        return tags

    def _clozes(self, line: int, deck: str, key: str, text: str, extra: str,
                tags: tuple[str, ...]) -> list[CardDraft]:
        """A cloze note (`{{c1::Delhi}} is the capital`): one card per deletion number,
        keyed `<key>:<number - 1>` as the .apkg reader keys Anki's cloze cards."""
        plain = html_to_text if self.meta.html else str.strip
        base = self._explicit(line, deck, key) if key else \
            self.row_keys.key(line, deck, text, extra)
        if base is None:
            return []  # merged into an earlier row's cards
        extra = plain(extra).strip()
        cards = []
        for number in sorted(cloze_numbers(text)):
            made = cloze_card(text, number)
            if made is None:
                continue
            deleted = ", ".join(d for d in (plain(a).strip() for a in made[1]) if d)
            answer = f"{deleted}\n\n{extra}" if deleted and extra else deleted or extra
            cards.append(CardDraft(f"{base}:{number - 1}",
                                   self._text(line, "question", plain(made[0])),
                                   self._text(line, "answer", answer), "cloze", tags,
                                   NO_SOURCE))
        if not cards:
            raise InputError(self.path, f"line {line}", "a cloze note with no deletion")
        return cards

    def _text(self, line: int, role: str, value: str) -> str:
        value = value.strip()
        if not value or not (value.isprintable() or clean(value).strip()):
            raise InputError(self.path, f"line {line}", f"empty {role}")
        if len(value) > FIELD_LIMIT:
            raise InputError(self.path, f"line {line}", f"the {role} is {len(value):,} "
                             f"characters long; the limit is {FIELD_LIMIT:,}")
        return value

    def _shape_error(self, line: int, row: list[str]) -> None:
        where, found = f"line {line}", f"{len(row)} field{'s' * (len(row) != 1)}"
        if self.width is not None and len(row) > self.width:
            raise InputError(self.path, where, f"{found} but the header has {self.width}; "
                             "put fields that contain the separator in double quotes")
        role = "question" if self.roles["question"] >= len(row) else "answer"
        raise InputError(self.path, where, f"missing {role} (found {found})")

    def _explicit(self, line: int, deck: str, key: str) -> str:
        if not key.isprintable():
            key = clean(key).strip()
        seen = self.keys.setdefault((deck, key), line)
        if seen != line:
            raise InputError(self.path, f"line {line}",
                             f"duplicate key {key!r} (also on line {seen})")
        return key


def unguard(cell: str) -> str:
    """Undo the spreadsheet guard (ours, Excel's): `'=A1` is the text `=A1`. A cell that
    starts with one or more `'` and then `=`, `+`, `-`, `@`, a tab or a CR got one `'` on
    export (formats.export guards `'=x` as `''=x`), so one `'` comes off."""
    if cell[:1] == "'" and cell.lstrip("'")[:1] in _GUARDED:
        return cell[1:]
    return cell
