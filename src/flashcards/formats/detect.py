"""Read any deck file: check its bytes, find its format from the content, parse it.

Formats: our TOML deck files (formats.deckfile), CSV/TSV and Anki text exports
(formats.delimited); Anki packages (.apkg, formats.apkg) in `_read_package`.
Every problem is an InputError naming the file and, where it can, the line or card.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from flashcards.domain import CardDraft, DeckDraft
from flashcards.domain.errors import InputError
from flashcards.domain.limits import FIELD_LIMIT
from flashcards.domain.text import clean, needs_cleaning
from flashcards.formats import background, text_input

if TYPE_CHECKING:
    from flashcards.formats.apkg import ApkgResult

FILE_LIMIT = 64 * 1024 * 1024  # bytes; a deck of 100,000 cards is about 15 MB
STREAM_FROM = 1_000_000  # characters: a CSV/TSV this big is parsed while it is imported

_MAGIC = {b"SQLite format 3\x00": "an SQLite database (a store? use it with --db)",
          b"\x1f\x8b": "a gzip archive", b"%PDF": "a PDF document", b"\x89PNG": "a PNG image",
          b"\xff\xd8\xff": "a JPEG image", b"\x7fELF": "a program", b"(\xb5/\xfd": "zstd data"}
_ZIP = b"PK\x03\x04"
_TOML_START = re.compile(r"\s*(\[|[A-Za-z0-9_\-\"'.]+\s*=)")
_ANKI_HEADER = re.compile(r"#\s*(separator|html|tags|columns|notetype|deck|guid|if matches)"
                          r"[a-z ]*:", re.IGNORECASE)


@dataclass
class Loaded:
    """Every deck of the files given, each with its file's absolute path; and warnings
    (things a reader skipped, such as unreadable notes in an Anki package)."""

    decks: list[tuple[DeckDraft, str]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    media: list[tuple[str, list[str]]] = field(default_factory=list)  # Anki: file, names
    # A streamed file (read_file): the process parsing it, and about how many cards it
    # holds (its lines; for a progress bar)
    children: list[background.InChild] = field(default_factory=list)
    expected: int = 0

    def close(self) -> None:
        """Stop the processes still parsing (an import that failed before their end)."""
        for child in self.children:
            child.close()


def read_files(paths: list[Path], deck_name: str | None = None, *,
               with_progress: bool = False, start_hour: int = 4,
               stream: bool = False) -> Loaded:
    """Parse every file (all before any is imported). `deck_name` renames the deck (only
    when the files hold one deck); `with_progress` keeps an Anki package's scheduling;
    `stream`: a single big CSV/TSV may be parsed while it is imported (read_file), and
    the caller closes the Loaded."""
    loaded = Loaded()
    try:
        _read_into(loaded, paths, deck_name, with_progress, start_hour, stream)
    except BaseException:
        loaded.close()  # a file parsed in a child, then an error here
        raise
    return loaded


def _read_into(loaded: Loaded, paths: list[Path], deck_name: str | None,
               with_progress: bool, start_hour: int, stream: bool) -> None:
    for path in paths:
        if _is_zip(path):
            result = _read_package(path, with_progress, start_hour)
            decks, warnings = result.decks, result.warnings  # they name the file
            if result.media:
                loaded.media.append((str(path), result.media))
        else:
            decks, warnings = read_file(path, loaded if stream and len(paths) == 1
                                        else None), []
        loaded.decks += [(deck, str(path.resolve())) for deck in decks]
        loaded.warnings += warnings
    if deck_name is not None:
        name = clean(deck_name).strip()
        if not name:
            raise InputError("--deck", None, "the deck name is empty")
        if len(loaded.decks) > 1:
            raise InputError("--deck", None, f"names one deck, but the files hold "
                             f"{len(loaded.decks)}; import them one at a time")
        loaded.decks = [(replace(deck, name=name), file) for deck, file in loaded.decks]
    _check_names(loaded.decks)


def _check_names(decks: list[tuple[DeckDraft, str]]) -> None:
    seen: dict[str, str] = {}
    for deck, file in decks:
        if deck.name in seen:
            raise InputError(file, None, f"deck {deck.name!r} also comes from "
                             f"{seen[deck.name]}; a deck mirrors one file, so import them "
                             "into different decks (--deck) or merge the files")
        seen[deck.name] = file


def read_file(path: Path, loaded: Loaded | None = None) -> list[DeckDraft]:
    """The decks in one text file: a TOML deck file, or a CSV/TSV (which can hold several
    decks when it has a deck column). Anki packages go through `read_files`.

    With `loaded`, a big CSV/TSV of one deck is streamed: parsed in a child process while
    the import writes its first cards (formats.background); the deck's `later` has its
    cards, and `loaded` the child to close and the count of rows to expect."""
    where = str(path)
    if _is_zip(path):
        return _read_package(path, False, 4).decks
    text = decode_text(read_bytes(path), where)
    try:
        if looks_like_toml(text, path):
            from flashcards.formats import deckfile

            decks = [deckfile.loads(text, where)]
        else:  # checks as much as check_deck, and names lines
            from flashcards.formats import delimited

            if loaded is not None and len(text) >= STREAM_FROM and background.can_fork():
                deck = _streamed(text, where, path.stem, loaded)
                if deck is not None:
                    return [deck]
            return delimited.loads(text, where, name=path.stem)
    except RecursionError:
        raise InputError(where, None, "nested too deeply to be a deck file") from None
    for deck in decks:
        check_deck(deck, where)
    return decks


def _streamed(text: str, where: str, name: str, loaded: Loaded) -> DeckDraft | None:
    """A CSV/TSV of one deck, parsed in a child process (read_file); None for a file with
    a deck column, or when no process can be started."""
    from flashcards.formats import delimited

    streamed = delimited.stream(text, where, name)
    if streamed is None:
        return None
    try:
        child = background.InChild(delimited.packed(streamed[1]), where)
    except OSError:  # no fork: too many processes, too little memory
        return None
    loaded.children.append(child)
    loaded.expected += text.count("\n")
    return DeckDraft(streamed[0], (), later=delimited.unpacked(child))


def _is_zip(path: Path) -> bool:
    """A zip archive, or a file named as an Anki package (so a damaged one is reported
    as a damaged package, not as a strange CSV)."""
    try:
        with path.open("rb") as fh:
            return fh.read(4) == _ZIP or path.suffix.lower() in (".apkg", ".colpkg")
    except OSError:
        return False  # read_bytes says why


def _read_package(path: Path, with_progress: bool, start_hour: int) -> ApkgResult:
    """Anki packages (.apkg, zip archives), read by formats.apkg."""
    from flashcards.formats import apkg

    result = apkg.read_apkg(path, with_progress=with_progress, start_hour=start_hour)
    for deck in result.decks:
        check_deck(deck, str(path))
    return result


def read_bytes(path: Path) -> bytes:
    where = str(path)
    try:
        if path.is_dir():
            raise InputError(where, None, "is a folder, not a deck file")
        size = path.stat().st_size
        if size > FILE_LIMIT:
            raise InputError(where, None, f"is {size / 2**20:,.0f} MB; deck files are "
                             f"limited to {FILE_LIMIT // 2**20} MB")
        return path.read_bytes()
    except OSError as exc:
        raise InputError(where, None, f"cannot read: {exc.strerror or exc}") from None


def decode_text(data: bytes, path: str) -> str:
    """UTF-8 text (a BOM is fine), or a clear error: empty, binary, another encoding."""
    for magic, what in _MAGIC.items():
        if data.startswith(magic):
            raise InputError(path, None, f"is {what}, not a deck file")
    if b"\x00" in data[:4096] and _looks_utf16(data):
        raise InputError(path, None, "looks UTF-16 encoded; save it as UTF-8")
    text = text_input.decode_text(data, path)
    if not text.strip():
        raise InputError(path, None, "is empty")
    return text


def _looks_utf16(data: bytes) -> bool:
    """UTF-16 without a BOM: every other byte of ASCII text is NUL."""
    sample = data[:4096]
    return max(sample[1::2].count(0), sample[0::2].count(0)) > len(sample) // 4


def looks_like_toml(text: str, path: Path) -> bool:
    """Our deck files are TOML: the first line that is not blank or a comment is a
    `[table]` or a `key = value`. CSV/TSV rows and Anki's `#separator:` headers are not."""
    for line in text.split("\n", 200)[:200]:
        stripped = line.strip()
        if not stripped:
            continue
        if stripped.startswith("#"):
            if _ANKI_HEADER.match(stripped):
                return False
            continue
        return bool(_TOML_START.match(stripped))
    return path.suffix.lower() == ".toml"


def check_deck(deck: DeckDraft, path: str) -> None:
    """Checks every format shares, on the text as it will be stored (controls stripped):
    a deck name, cards, a key, question and answer on each, keys unique, sizes sane."""
    if not clean(deck.name).strip():
        raise InputError(path, None, "the deck has no name")
    if not deck.cards:
        raise InputError(path, None, f"deck {deck.name!r} has no cards")
    if _sound(deck.cards):
        return
    seen: dict[str, int] = {}
    for number, card in enumerate(deck.cards, 1):
        key = card.key if card.key.isprintable() else clean(card.key)
        key = key.strip()
        if not key or seen.setdefault(key, number) != number:
            _card_error(path, number, key, "key", "must not be empty" if not key else
                        f"duplicate key: card {seen[key]} has the same key")
        for name, value in (("question", card.question), ("answer", card.answer)):
            if len(value) > FIELD_LIMIT:
                _card_error(path, number, key, name, f"is {len(value):,} characters long; "
                            f"the limit is {FIELD_LIMIT:,}")
            if not value.strip() or (not value.isprintable() and not clean(value).strip()):
                _card_error(path, number, key, name, "must not be empty")


def _sound(cards: Sequence[CardDraft]) -> bool:
    """check_deck's checks in a few bulk passes, for decks that pass them all (most do):
    no control characters anywhere, keys unique once stripped, no field empty or too long.
    False sends check_deck through the cards one by one, to name the first problem."""
    keys = [c.key.strip() for c in cards]
    questions = [c.question for c in cards]
    answers = [c.answer for c in cards]
    return ("" not in keys and len(set(keys)) == len(keys)
            and max(map(len, questions)) <= FIELD_LIMIT
            and max(map(len, answers)) <= FIELD_LIMIT
            and "" not in map(str.strip, questions) and "" not in map(str.strip, answers)
            and not needs_cleaning([*keys, *questions, *answers]))


def _card_error(path: str, number: int, key: str, field: str, message: str) -> None:
    label = f"card {number}" + (f" (key {key!r})" if key else "")
    raise InputError(path, f"{label}, field {field!r}", message)
