"""Anki notes and cards -> our decks of card drafts.

One draft per Anki card (each card has its own deck). Its key is the note's GUID plus the
card's ordinal, so a newer version of a shared deck updates in place. Normal note types
take question and answer fields from the card's templates (so "Basic (and reversed
card)" gives both directions); cloze note types give one card per cloze number.
"""

from __future__ import annotations

import sqlite3
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from flashcards.domain import (
    NO_SOURCE,
    CardDraft,
    CardState,
    DeckDraft,
    ReviewDraft,
    SourceRef,
)
from flashcards.domain.limits import FIELD_LIMIT
from flashcards.domain.text import clean
from flashcards.formats import anki_collection as ac
from flashcards.formats import anki_progress
from flashcards.formats.anki_text import (
    cloze_cards,
    html_to_texts,
    template_fields,
)

_EXAMPLES = 5  # individual warnings per kind before a summary line
SOURCE_FIELD = "source"  # a field of this name (any case) becomes the card's source


@dataclass
class Warnings:
    """Warnings by kind: the first few verbatim, then a count of the rest."""

    lines: list[str] = field(default_factory=list)
    counts: Counter[str] = field(default_factory=Counter)

    def add(self, kind: str, message: str) -> None:
        self.counts[kind] += 1
        if self.counts[kind] <= _EXAMPLES:
            self.lines.append(message)

    def summary(self) -> list[str]:
        extra = [f"... and {n - _EXAMPLES} more like that ({kind})"
                 for kind, n in self.counts.items() if n > _EXAMPLES]
        return [*self.lines, *extra]


@dataclass(frozen=True)
class _Layout:
    """How a note type's card `ord` is shown: question fields, answer fields (as
    positions in the note's fields), kind."""

    question: list[int]
    answer: list[int]
    kind: str


def _positions(nt: ac.NoteType, names: list[str]) -> list[int]:
    return [nt.fields.index(name) for name in names]


def _layouts(nt: ac.NoteType, warn: Warnings, label: str) -> dict[int, _Layout]:
    names = [n for n in nt.fields if n.lower() != SOURCE_FIELD]
    out: dict[int, _Layout] = {}
    first: _Layout | None = None
    for ord_, (qfmt, afmt) in sorted(nt.templates.items()):
        q = template_fields(qfmt, names)
        a = [f for f in template_fields(afmt, names) if f not in q]
        if not q:
            continue
        if first is None:
            first = out[ord_] = _Layout(_positions(nt, q), _positions(nt, a), "basic")
            continue
        # asks from the first card's answer side for its question: a reverse card
        qi, ai = _positions(nt, q), _positions(nt, a)
        back = set(qi) <= set(first.answer) and first.question[0] in ai
        out[ord_] = _Layout(qi, ai, "reversed" if back else "imported")
    if not out:
        warn.add("layout", f"{label}: note type {nt.name!r}: no fields found in its card "
                           "templates, using its first two fields")
    return out


class _Note:
    """One note's fields (HTML, in the note type's order), each converted to text once
    (a note may have several cards)."""

    __slots__ = ("nid", "guid", "nt", "raw", "texts", "tags", "source", "clozes")

    def __init__(self, nid: int, guid: str, nt: ac.NoteType, raw: list[str],
                 tags: tuple[str, ...], source: SourceRef) -> None:
        self.nid, self.guid, self.nt, self.raw = nid, guid, nt, raw
        self.texts: list[str] = []
        self.tags, self.source = tags, source
        self.clozes: dict[int, tuple[str, str]] = {}  # card ord -> question, deleted text

    def join(self, fields: list[int]) -> str:
        """The texts of the fields at these positions (see CardMaker._convert), one per
        line."""
        if len(fields) == 1:
            return self.texts[fields[0]]
        return "\n".join(t for t in (self.texts[i] for i in fields) if t)


def _cloze_layout(nt: ac.NoteType) -> tuple[int, list[int]]:
    """A cloze note type's cloze field, and the other fields its answer shows (as
    positions in the note's fields)."""
    qfmt, afmt = nt.templates.get(0, ("", ""))
    compact = qfmt.replace(" ", "")
    cloze_field = next((f for f in template_fields(qfmt, nt.fields)
                        if f"cloze:{f}" in compact), nt.fields[0] if nt.fields else "")
    extra = [f for f in template_fields(afmt, nt.fields)
             if f != cloze_field and f.lower() != SOURCE_FIELD]
    return (nt.fields.index(cloze_field) if nt.fields else 0), _positions(nt, extra)


def _fallback(nt: ac.NoteType) -> tuple[list[int], list[int]]:
    """A card its note type's templates do not explain: the first two fields (not the
    source field) as question and answer."""
    fields = [i for i, n in enumerate(nt.fields) if n.lower() != SOURCE_FIELD] or \
        list(range(len(nt.fields)))
    return fields[:1], fields[1:2]


_SKIP = ac.NoteType(0, "", False, [], {})  # a note that was skipped (with a warning)


class CardMaker:
    """Turns the cards of one collection into drafts, grouped by deck name."""

    def __init__(self, col: ac.Collection, label: str, where: str, source: str,
                 with_progress: bool, start_hour: int) -> None:
        self.col, self.label, self.where, self.source = col, label, where, source
        self.with_progress, self.start_hour = with_progress, start_hour
        self.warn = Warnings()
        self.layouts = {ntid: _layouts(nt, self.warn, f"{label}:{where}")
                        for ntid, nt in col.note_types.items() if not nt.cloze}
        self.cloze_layouts = {ntid: _cloze_layout(nt)
                              for ntid, nt in col.note_types.items() if nt.cloze}
        self.fallbacks = {ntid: _fallback(nt) for ntid, nt in col.note_types.items()}
        self.source_fields = {  # the field that becomes a card's source, if any
            ntid: next((i for i, n in enumerate(nt.fields) if n.lower() == SOURCE_FIELD), None)
            for ntid, nt in col.note_types.items()}
        self.decks: dict[str, list[CardDraft]] = {}
        self.keys: dict[str, set[str]] = {}
        self.deck_names: dict[int, str] = {}
        # Cards name no file (the deck does): a newer version of a shared deck under
        # another file name then shows only the cards that really changed as updated.
        self.plain_source = NO_SOURCE
        self.tag_tuples: dict[Any, tuple[str, ...]] = {}
        self.occlusions: set[int] = set()  # image occlusion notes, skipped
        self.day0 = anki_progress.crt_day(col.crt) if with_progress else None
        if with_progress and self.day0 is None:
            self.warn.add("crt", f"{label}:{where}: the collection's creation time is "
                                 "invalid: scheduling not imported")

    def run(self, conn: sqlite3.Connection) -> list[DeckDraft]:
        notes = {row[0]: self._note(*row) for row in ac.notes(conn)}
        self._convert([n for n in notes.values() if n.nt is not _SKIP])
        log = ac.revlog(conn) if self.with_progress else {}
        for card in ac.cards(conn, scheduling=self.day0 is not None):
            note = notes.get(card[1])
            if note is None:
                self.warn.add("orphan", f"{self.label}:{self.where}: card {card[0]} has "
                                        "no note: skipped")
            elif note.nt is not _SKIP:
                self._card(card, note, log.get(card[0], []))
        return [DeckDraft(name, tuple(cards), source=self.source, meta={"format": "apkg"})
                for name, cards in self.decks.items()]

    def _convert(self, notes: list[_Note]) -> None:
        """Every field of every note, and every cloze card's question and deleted text,
        to plain text in one bulk pass; then the sources."""
        html: list[str] = []  # all the fields first, then the cloze cards' pieces
        cloze_html: list[str] = []
        clozes: list[tuple[_Note, int, int]] = []  # note, card ord, how many deletions
        for note in notes:
            html.extend(note.raw)
            if note.nt.cloze:
                raw = note.raw[self.cloze_layouts[note.nt.id][0]]
                if "image-occlusion:" in raw:  # masks over a picture: nothing to show here
                    self.occlusions.add(note.nid)
                    self.warn.add("occlusion", f"{self._place(note)}: an image occlusion "
                                               "note (needs its picture): skipped")
                    continue
                for number, (question, deleted) in cloze_cards(raw).items():
                    cloze_html.append(question)
                    cloze_html.extend(deleted)
                    clozes.append((note, number - 1, len(deleted)))
        converted = html_to_texts(html + cloze_html)
        start = 0
        for note in notes:
            end = start + len(note.raw)
            note.texts = converted[start:end]
            start = end
            src_field = self.source_fields[note.nt.id]
            if src_field is not None and note.texts[src_field]:
                note.source = SourceRef(section=note.texts[src_field])
        texts = iter(converted[start:])
        for note, ord_, count in clozes:
            question = next(texts)
            deleted = [t for t in (next(texts) for _ in range(count)) if t]
            note.clozes[ord_] = (question, ", ".join(deleted))

    def _note(self, nid: int, guid: Any, mid: Any, tags: Any, flds: Any) -> _Note:
        nt = self.col.note_types.get(mid)
        values = flds.split("\x1f") if isinstance(flds, str) and nt is not None else []
        if nt is not None and values and len(values) == len(nt.fields):
            tag_tuple = self.tag_tuples.get(tags)
            if tag_tuple is None:
                tag_tuple = tuple(tags.split()) if isinstance(tags, str) else ()
                self.tag_tuples[tags] = tag_tuple
            return _Note(nid, str(guid or nid), nt, values, tag_tuple, self.plain_source)
        place = f"{self.label}:{self.where}: note {nid} (guid {guid!r})"
        if nt is None:
            self.warn.add("notetype", f"{place}: unknown note type {mid}: skipped")
        else:
            self.warn.add("fields", f"{place}: {len(values)} fields, note type {nt.name!r} "
                                    f"has {len(nt.fields)}: skipped")
        return _Note(nid, str(guid), _SKIP, [], (), self.plain_source)

    def _place(self, note: _Note) -> str:
        return f"{self.label}:{self.where}: note {note.nid} (guid {note.guid!r})"

    def _card(self, card: tuple[Any, ...], note: _Note, log: list[tuple[Any, ...]]) -> None:
        if note.nid in self.occlusions:
            return  # warned once for the note
        ord_ = card[3] if isinstance(card[3], int) else 0
        question, answer, kind = self._sides(note, ord_)
        if not question or not answer:  # texts come stripped
            side = "question" if not question else "answer"
            self.warn.add("empty", f"{self._place(note)}: card {ord_ + 1} has an empty "
                                   f"{side}: skipped")
            return
        if len(question) > FIELD_LIMIT or len(answer) > FIELD_LIMIT:
            self.warn.add("long", f"{self._place(note)}: card {ord_ + 1} is longer than "
                                  f"{FIELD_LIMIT:,} characters: skipped")
            return
        did = card[4] or card[2]  # a card in a filtered deck goes home (odid)
        deck = self.deck_names.get(did) or self._deck_name(did, card[0])
        key = f"{note.guid}:{ord_}"
        seen = self.keys[deck]
        if key in seen:
            self.warn.add("duplicate", f"{self.label}:{self.where}: card key {key!r} appears "
                                       f"twice in deck {deck!r}: later one skipped")
            return
        seen.add(key)
        state: CardState | None = None
        history: tuple[ReviewDraft, ...] = ()
        if self.day0 is not None:
            state, history = self._progress(card, key, log, self.day0)
        self.decks[deck].append(CardDraft(key, question, answer, kind, note.tags, note.source,
                                          state, history, suspended=card[6] == -1))

    def _sides(self, note: _Note, ord_: int) -> tuple[str, str, str]:
        """Question, answer and kind of the note's card `ord_` ("" for a missing side)."""
        nt = note.nt
        if nt.cloze:
            made = note.clozes.get(ord_)
            if made is None:
                return "", "", "cloze"
            more = note.join(self.cloze_layouts[nt.id][1])
            return made[0], f"{made[1]}\n\n{more}" if more and made[1] else made[1], "cloze"
        layout = self.layouts[nt.id].get(ord_)
        if layout is None:
            question, answer = self.fallbacks[nt.id]
            return note.join(question), note.join(answer), "imported"
        return note.join(layout.question), note.join(layout.answer), layout.kind

    def _deck_name(self, did: Any, card_id: Any) -> str:
        """The name of deck `did`, cleaned (on first sight of the deck); 'Imported' if it
        has none."""
        name = clean(self.col.decks.get(did, "")).strip()
        if name:
            self.deck_names[did] = name
        else:  # not remembered: a warning for each such card
            self.warn.add("deck", f"{self.label}:{self.where}: card {card_id}: unknown deck "
                                  f"{did}: put in deck 'Imported'")
            name = "Imported"
        self.keys.setdefault(name, set())
        self.decks.setdefault(name, [])
        return name

    def _progress(self, card: tuple[Any, ...], key: str, log: list[tuple[Any, ...]],
                  day0: date) -> tuple[CardState | None, tuple[ReviewDraft, ...]]:
        history = anki_progress.history(log, self.start_hour)
        state = anki_progress.card_state(card, day0, history, self.start_hour)
        return state, history if state is not None else ()
