"""Our deck files: TOML, human-editable, diffable, byte-for-byte deterministic.

    # comments are allowed anywhere
    [deck]
    name = "india-south-korea-defence"
    source = "india-south-korea-defence.txt"
    syllabus = "GS paper2 - International relation ..."   # any other key: deck metadata

    [[cards]]
    key = "challenges/reassessment-of-india-s-role/explain"   # stable identity
    kind = "challenge"
    question = "..."
    answer = "..."
    tags = ["gs2", "international-relations"]
    section = "Challenges in Defense Relations"
    lines = [14, 14]
    # file = "other.txt"   only where it differs from the deck's source

`loads` validates everything and raises `InputError(path, where, message)` with `where`
like "line 12, column 3" (TOML syntax) or "card 3 (key 'x'), field 'answer'".
"""

from __future__ import annotations

import re
import tomllib
from typing import Any

from flashcards.domain import CardDraft, DeckDraft, SourceRef
from flashcards.domain.errors import InputError
from flashcards.domain.limits import FIELD_LIMIT

_CARD_FIELDS = ("key", "kind", "question", "answer", "tags", "section", "lines", "file")
_CARD_FIELD_SET = frozenset(_CARD_FIELDS)
_DECK_RESERVED = ("name", "source")
_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")
_POSITION = re.compile(r"\s*\(at line (\d+), column (\d+)\)$")
_ESCAPES = {'"': '\\"', "\\": "\\\\", "\b": "\\b", "\t": "\\t", "\n": "\\n", "\f": "\\f",
            "\r": "\\r"}
_NEEDS_ESCAPE = re.compile('["\\\\\x00-\x1f\x7f]')
_NEEDS_ESCAPE_ML = re.compile('["\\\\\x00-\x08\x0b-\x1f\x7f]')


# --- writing ---------------------------------------------------------------


def _escape_char(match: re.Match[str]) -> str:
    char = match.group()
    return _ESCAPES.get(char) or f"\\u{ord(char):04X}"


def _string(value: str) -> str:
    """A TOML string: a basic string, or a multi-line basic string if it has newlines."""
    if "\n" in value:
        body = _NEEDS_ESCAPE_ML.sub(_escape_char, value)
        return f'"""\n{body}"""'
    return '"' + _NEEDS_ESCAPE.sub(_escape_char, value) + '"'


def _key(name: str) -> str:
    return name if _BARE_KEY.fullmatch(name) else '"' + _NEEDS_ESCAPE.sub(_escape_char, name) + '"'


def _lines(src: SourceRef) -> str | None:
    if src.line_start is None and src.line_end is None:
        return None
    if src.line_start is None:
        raise ValueError("a source span needs its first line")
    if src.line_end is None:
        return f"[{src.line_start}]"
    return f"[{src.line_start}, {src.line_end}]"


def _card_lines(card: CardDraft, deck_source: str | None) -> list[str]:
    out = ["[[cards]]", f"key = {_string(card.key)}", f"kind = {_string(card.kind)}",
           f"question = {_string(card.question)}", f"answer = {_string(card.answer)}",
           "tags = [" + ", ".join(_string(t) for t in card.tags) + "]"]
    src = card.source
    if src.section is not None:
        out.append(f"section = {_string(src.section)}")
    span = _lines(src)
    if span is not None:
        out.append(f"lines = {span}")
    if src.file != deck_source:
        out.append(f"file = {_string(src.file or '')}")
    return out


def dumps(deck: DeckDraft, header: str = "") -> str:
    """The deck as TOML text. Same deck, same bytes; `loads(dumps(d)) == d`.

    `header` becomes comment lines at the top. Cards' progress (state, history) is not
    part of a deck file.
    """
    out = [f"# {line}".rstrip() for line in header.splitlines()]
    if out:
        out.append("")
    out += ["[deck]", f"name = {_string(deck.name)}"]
    if deck.source is not None:
        out.append(f"source = {_string(deck.source)}")
    for name in sorted(deck.meta):
        if name in _DECK_RESERVED:
            raise ValueError(f"deck metadata cannot be named {name!r}")
        out.append(f"{_key(name)} = {_string(deck.meta[name])}")
    for card in deck.cards:
        out.append("")
        out += _card_lines(card, deck.source)
    return "\n".join(out) + "\n"


# --- reading ---------------------------------------------------------------


def _parse(text: str, path: str) -> dict[str, Any]:
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        message = str(exc)
        found = _POSITION.search(message)
        where = f"line {found[1]}, column {found[2]}" if found else None
        message = _POSITION.sub("", message).replace(" (at end of document)", "")
        if not found and "end of document" in str(exc):
            where = f"line {text.count(chr(10)) + 1}"
        raise InputError(path, where, f"not a valid TOML deck file: {message}") from None
    except RecursionError:
        raise InputError(path, None, "not a valid deck file: values nested too deeply") \
            from None


def _text(value: object, where: str, path: str, *, required: bool) -> str:
    if not isinstance(value, str):
        raise InputError(path, where, f"expected text, not {type(value).__name__} "
                         f"{_short(value)}")
    if required and not value.strip():
        raise InputError(path, where, "must not be empty")
    if len(value) > FIELD_LIMIT:
        raise InputError(path, where, f"is {len(value):,} characters long; "
                         f"the limit is {FIELD_LIMIT:,}")
    return value


def _short(value: object) -> str:
    shown = repr(value)
    return shown if len(shown) <= 40 else shown[:37] + "..."


def _tags(value: object, where: str, path: str) -> tuple[str, ...]:
    if not isinstance(value, list):
        raise InputError(path, where, f"expected a list of tags, not {_short(value)}")
    tags = []
    for tag in value:
        tag = _text(tag, where, path, required=True)
        if any(c.isspace() for c in tag):
            raise InputError(path, where, f"tag {tag!r} contains a space")
        tags.append(tag)
    return tuple(tags)


def _span(value: object, where: str, path: str) -> tuple[int | None, int | None]:
    if not isinstance(value, list) or not 1 <= len(value) <= 2 or not all(
            isinstance(n, int) and not isinstance(n, bool) and n >= 1 for n in value):
        raise InputError(path, where, "expected [first, last] line numbers (1 or more), "
                         f"not {_short(value)}")
    if len(value) == 2 and value[1] < value[0]:
        raise InputError(path, where, f"last line {value[1]} is before first {value[0]}")
    return value[0], value[1] if len(value) == 2 else None


def _fine(value: object) -> bool:
    return type(value) is str and len(value) <= FIELD_LIMIT and not value.isspace() \
        and value != ""


def _quick(raw: object, deck_source: str | None) -> CardDraft | None:
    """The common case, checked fast; None sends the card to the detailed checks."""
    if type(raw) is not dict or not raw.keys() <= _CARD_FIELD_SET:
        return None
    key, question, answer = raw.get("key", ""), raw.get("question", ""), raw.get("answer", "")
    kind, tags, section = raw.get("kind", "basic"), raw.get("tags", []), raw.get("section")
    lines, file = raw.get("lines"), raw.get("file", deck_source)
    if not (_fine(key) and _fine(question) and _fine(answer) and _fine(kind)
            and type(tags) is list and all(_fine(t) and t.split() == [t] for t in tags)
            and (section is None or type(section) is str and len(section) <= FIELD_LIMIT)
            and (file is None or type(file) is str and len(file) <= FIELD_LIMIT)
            and (lines is None or type(lines) is list and len(lines) == 2
                 and type(lines[0]) is int and type(lines[1]) is int
                 and 1 <= lines[0] <= lines[1])):
        return None
    start, end = lines if lines is not None else (None, None)
    return CardDraft(key=key, question=question, answer=answer, kind=kind, tags=tuple(tags),
                     source=SourceRef(file or None, section, start, end))


def _card(raw: object, number: int, deck_source: str | None, path: str) -> CardDraft:
    quick = _quick(raw, deck_source)
    if quick is not None:
        return quick
    label = f"card {number}"
    if not isinstance(raw, dict):
        raise InputError(path, label, "expected a [[cards]] table")
    key_value = raw.get("key")
    if isinstance(key_value, str) and key_value.strip():
        label = f"card {number} (key {key_value!r})"
    for name in raw:
        if name not in _CARD_FIELDS:
            raise InputError(path, f"{label}, field {name!r}", "unknown field (known: "
                             + ", ".join(_CARD_FIELDS) + ")")
    for name in ("key", "question", "answer"):
        if name not in raw:
            raise InputError(path, f"{label}, field {name!r}", "missing")

    def field(name: str, required: bool = False) -> str:
        return _text(raw[name], f"{label}, field {name!r}", path, required=required)

    start, end = (_span(raw["lines"], f"{label}, field 'lines'", path)
                  if "lines" in raw else (None, None))
    file = field("file") or None if "file" in raw else deck_source
    return CardDraft(
        key=field("key", True), question=field("question", True),
        answer=field("answer", True), kind=field("kind", True) if "kind" in raw else "basic",
        tags=_tags(raw.get("tags", []), f"{label}, field 'tags'", path),
        source=SourceRef(file, field("section") if "section" in raw else None, start, end))


def _deck_table(data: dict[str, Any], path: str) -> tuple[str, str | None, dict[str, str]]:
    deck = data.get("deck")
    if not isinstance(deck, dict):
        raise InputError(path, None, "not a deck file: no [deck] table with the deck's name")
    if "name" not in deck:
        raise InputError(path, "[deck], field 'name'", "missing")
    name = _text(deck["name"], "[deck], field 'name'", path, required=True)
    source = (_text(deck["source"], "[deck], field 'source'", path, required=False) or None
              if "source" in deck else None)
    meta = {k: _text(v, f"[deck], field {k!r}", path, required=False)
            for k, v in deck.items() if k not in _DECK_RESERVED}
    return name, source, meta


def loads(text: str, path: str) -> DeckDraft:
    """Read and check a deck file's text; `path` names it in errors."""
    data = _parse(text, path)
    for name in data:
        if name not in ("deck", "cards"):
            raise InputError(path, f"[{name}]", "unknown table (a deck file has [deck] "
                             "and [[cards]])")
    name, source, meta = _deck_table(data, path)
    raw_cards = data.get("cards", [])
    if not isinstance(raw_cards, list):
        raise InputError(path, "cards", "expected [[cards]] tables")
    cards = []
    seen: dict[str, int] = {}
    for number, raw in enumerate(raw_cards, start=1):
        card = _card(raw, number, source, path)
        if card.key in seen:
            raise InputError(path, f"card {number} (key {card.key!r}), field 'key'",
                             f"duplicate key: card {seen[card.key]} has the same key")
        seen[card.key] = number
        cards.append(card)
    return DeckDraft(name=name, cards=tuple(cards), source=source, meta=meta)
