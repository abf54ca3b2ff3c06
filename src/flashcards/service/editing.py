"""`flashcards edit`: find a card's place in its deck file (to open an editor there),
or, for a card with no deck file to edit (an Anki package, a file gone), its fields in
a small TOML document that is saved back to the store."""

from __future__ import annotations

import json
import re
import tomllib
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from flashcards.domain.days import iso_utc
from flashcards.domain.errors import InputError
from flashcards.domain.text import clean, search_text

if TYPE_CHECKING:
    from flashcards.store import Store


@dataclass(frozen=True)
class EditTarget:
    card_id: int
    deck: str
    key: str
    question: str
    answer: str
    tags: str
    deck_file: Path | None  # a text deck file that still exists, or None

    @property
    def name(self) -> str:
        return f"{self.deck}/{self.key}"


def target(store: Store, name: str) -> EditTarget:
    """The card named DECK/KEY, with the deck file to edit when there is one."""
    from flashcards.service.cards import resolve

    with store.raw_read() as conn:
        [card_id] = resolve(conn, [name])
        deck, key, question, answer, tags, deck_file = conn.execute(
            "SELECT d.name, c.key, c.question, c.answer, c.tags, d.deck_file FROM card c "
            "JOIN deck d ON d.id = c.deck_id WHERE c.id = ?", (card_id,)).fetchone()
    path = Path(deck_file) if deck_file else None
    if path is not None and (not path.is_file() or path.suffix.lower() in (".apkg", ".colpkg")):
        path = None
    return EditTarget(card_id, deck, key, question, answer, tags, path)


def line_of(path: Path, target: EditTarget) -> int:
    """The line where the card starts in its deck file (1 if it cannot be found): its
    `key = "..."` line in a TOML deck, else the first line holding its key or question."""
    try:
        lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return 1
    key_line = re.compile(r"^\s*key\s*=\s*" + re.escape(json.dumps(target.key,
                                                                    ensure_ascii=False)))
    for number, line in enumerate(lines, 1):
        if key_line.match(line):
            return number
    for needle in (target.key, target.question.splitlines()[0] if target.question else ""):
        for number, line in enumerate(lines, 1):
            if needle and needle in line:
                return number
    return 1


FIELDS_HELP = ("# Edit the card's question, answer and tags, save and close the editor.\n"
               "# Its progress is kept. Leave the file unchanged to change nothing.\n")


def fields_document(target: EditTarget) -> str:
    """The card's fields as TOML (JSON strings are valid TOML strings)."""
    return (f"{FIELDS_HELP}# card {target.name}\n\n"
            f"question = {json.dumps(target.question, ensure_ascii=False)}\n"
            f"answer = {json.dumps(target.answer, ensure_ascii=False)}\n"
            f"tags = {json.dumps(target.tags.split(), ensure_ascii=False)}\n")


def save_fields(store: Store, target: EditTarget, document: str, where: str,
                now: datetime) -> bool:
    """Save the edited fields to the store (one transaction); False when unchanged. A
    malformed document is an error naming the field, and nothing is saved."""
    try:
        data = tomllib.loads(document)
    except tomllib.TOMLDecodeError as exc:
        raise InputError(where, None, f"not valid TOML: {exc}") from None
    values: dict[str, str] = {}
    for field in ("question", "answer"):
        value = data.get(field)
        if not isinstance(value, str) or not value.strip():
            raise InputError(where, field, "must be non-empty text")
        values[field] = clean(value)
    tags = data.get("tags", [])
    if not isinstance(tags, list) or not all(isinstance(t, str) for t in tags):
        raise InputError(where, "tags", "must be a list of words")
    values["tags"] = " ".join(clean(t).strip() for t in tags if t.strip())
    if (values["question"], values["answer"], values["tags"]) == (
            target.question, target.answer, target.tags):
        return False
    with store.raw_write() as conn:
        conn.execute("UPDATE card SET question = ?, answer = ?, tags = ?, search = ?, "
                     "updated_at = ? WHERE id = ?",
                     (values["question"], values["answer"], values["tags"],
                      search_text(values["question"], values["answer"], values["tags"]),
                      iso_utc(now), target.card_id))
    return True
