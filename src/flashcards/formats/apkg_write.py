"""Write decks as an Anki package with genanki: one Basic-style note per card.

The note type (fields Question, Answer, Source) has a fixed id, each deck's id derives
from its name and each note's GUID from deck name + card key, so exporting again and
importing into Anki updates the notes instead of duplicating them. Text is escaped into
HTML (line breaks as <br>, repeated spaces as &nbsp;), so our importer reads it back as
it was. The package's database is made in a private temp dir, then zipped into the
package through domain.files.atomic_write.
"""

from __future__ import annotations

import hashlib
import html
import itertools
import re
import sqlite3
import tempfile
import zipfile
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path

import genanki

from flashcards.domain import CardDraft, DeckDraft, SourceRef
from flashcards.domain.errors import FlashcardsError
from flashcards.domain.files import atomic_write

MODEL_ID = 1416228971  # fixed forever: Anki matches our note type by it
MODEL_NAME = "flashcards Basic"
_CSS = """.card { font-family: sans-serif; font-size: 20px; text-align: left;
  color: black; background-color: white; }
.source { margin-top: 1em; font-size: 14px; color: grey; }"""
_ANSWER = ("{{FrontSide}}\n\n<hr id=answer>\n\n{{Answer}}"
           "{{#Source}}<div class=source>{{Source}}</div>{{/Source}}")


def model() -> genanki.Model:
    return genanki.Model(
        MODEL_ID, MODEL_NAME,
        fields=[{"name": "Question"}, {"name": "Answer"}, {"name": "Source"}],
        templates=[{"name": "Card 1", "qfmt": "{{Question}}", "afmt": _ANSWER}],
        css=_CSS,
    )


def deck_id(name: str) -> int:
    """A stable Anki deck id for a deck name (below 2**53, away from Anki's own ids)."""
    return int.from_bytes(hashlib.sha256(name.encode()).digest()[:6], "big") | (1 << 50)


_SPACES = re.compile(r"^ | $|(?<= ) ", re.MULTILINE)  # spaces HTML would collapse


def to_html(text: str) -> str:
    """Plain text as Anki field HTML that reads back to the same text."""
    escaped = html.escape(text, quote=False).replace("[sound:", "&#91;sound:")  # not media
    return _SPACES.sub("&nbsp;", escaped).replace("\t", "&#9;").replace("\n", "<br>")


def source_text(src: SourceRef) -> str:
    parts = [p for p in (src.file, src.section) if p]
    text = " > ".join(parts)
    if src.line_start is not None:
        end = src.line_end if src.line_end is not None else src.line_start
        span = f"line {src.line_start}" if end == src.line_start else \
            f"lines {src.line_start}-{end}"
        text = f"{text}, {span}" if text else span
    return text


def anki_tag(tag: str) -> str:
    """Anki tags cannot hold spaces: runs of whitespace become '_'."""
    return re.sub(r"\s+", "_", tag.strip())


def _note(deck: DeckDraft, card: CardDraft, note_model: genanki.Model) -> genanki.Note:
    return genanki.Note(
        model=note_model,
        fields=[to_html(card.question), to_html(card.answer), to_html(source_text(card.source))],
        tags=[t for t in (anki_tag(tag) for tag in card.tags) if t],
        guid=genanki.guid_for(deck.name, card.key),
    )


def build(decks: Sequence[DeckDraft]) -> genanki.Package:
    note_model = model()
    anki_decks = []
    for deck in decks:
        anki_deck = genanki.Deck(deck_id(deck.name), deck.name)
        for card in deck.cards:
            anki_deck.add_note(_note(deck, card, note_model))
        anki_decks.append(anki_deck)
    return genanki.Package(anki_decks)


def write_apkg(decks: Sequence[DeckDraft], path: Path, *, now: datetime) -> None:
    """Write `decks` to `path` (replaced atomically; nothing left behind on failure)."""
    if not decks:
        raise FlashcardsError("nothing to export: no decks")
    target = path.resolve()
    if target.is_dir():
        raise FlashcardsError(f"{path}: is a folder; give the package a file name, "
                              "e.g. -o decks.apkg")
    package = build(decks)
    stamp = now.timestamp()
    with tempfile.TemporaryDirectory(prefix="flashcards-apkg-") as tmp:
        db = Path(tmp) / "collection.anki2"
        conn = sqlite3.connect(db)
        try:
            package.write_to_db(conn.cursor(), stamp, itertools.count(int(stamp * 1000)))
            conn.commit()
        finally:
            conn.close()
        try:
            with atomic_write(target) as out, \
                    zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
                archive.write(db, "collection.anki2")
                archive.writestr("media", "{}")
        except OSError as exc:
            raise FlashcardsError(f"{path}: cannot write: {exc.strerror or exc}") from None
