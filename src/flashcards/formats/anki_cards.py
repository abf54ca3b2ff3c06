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
from typing import Any

from flashcards.domain import CardDraft, DeckDraft, ReviewDraft, SourceRef
from flashcards.formats import anki_collection as ac
from flashcards.formats import anki_progress
from flashcards.formats.anki_text import cloze_card, html_to_text, template_fields
from flashcards.formats.deckfile import MAX_FIELD_CHARS
from flashcards.text import clean

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
    """How a note type's card `ord` is shown: question fields, answer fields, kind."""

    question: list[str]
    answer: list[str]
    kind: str


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
            first = out[ord_] = _Layout(q, a, "basic")
            continue
        # asks from the first card's answer side for its question: a reverse card
        back = set(q) <= set(first.answer) and first.question[0] in a
        out[ord_] = _Layout(q, a, "reversed" if back else "imported")
    if not out:
        warn.add("layout", f"{label}: note type {nt.name!r}: no fields found in its card "
                           "templates, using its first two fields")
    return out


def _join(fields: dict[str, str], names: list[str]) -> str:
    return "\n".join(t for t in (html_to_text(fields[n]) for n in names) if t)


def _cloze_sides(nt: ac.NoteType, fields: dict[str, str], ord_: int) -> tuple[str, str] | None:
    qfmt, afmt = nt.templates.get(0, ("", ""))
    cloze_field = next((f for f in template_fields(qfmt, nt.fields)
                        if f"cloze:{f}" in qfmt.replace(" ", "")), nt.fields[0])
    made = cloze_card(fields[cloze_field], ord_ + 1)
    if made is None:
        return None
    question, deleted = made
    extra = [f for f in template_fields(afmt, nt.fields)
             if f != cloze_field and f.lower() != SOURCE_FIELD]
    answer = ", ".join(t for t in (html_to_text(d) for d in deleted) if t)
    more = _join(fields, extra)
    return html_to_text(question), f"{answer}\n\n{more}" if more else answer


class CardMaker:
    """Turns the cards of one collection into drafts, grouped by deck name."""

    def __init__(self, col: ac.Collection, label: str, where: str, source: str,
                 with_progress: bool, start_hour: int) -> None:
        self.col, self.label, self.where, self.source = col, label, where, source
        self.with_progress, self.start_hour = with_progress, start_hour
        self.warn = Warnings()
        self.layouts = {ntid: _layouts(nt, self.warn, f"{label}:{where}")
                        for ntid, nt in col.note_types.items()}
        self.decks: dict[str, list[CardDraft]] = {}
        self.keys: dict[str, set[str]] = {}
        self.day0 = anki_progress.crt_day(col.crt) if with_progress else None
        if with_progress and self.day0 is None:
            self.warn.add("crt", f"{label}:{where}: the collection's creation time is "
                                 "invalid: scheduling not imported")

    def run(self, conn: sqlite3.Connection) -> list[DeckDraft]:
        notes = ac.notes(conn)
        log = ac.revlog(conn) if self.with_progress else {}
        for card in ac.cards(conn):
            note = notes.get(card[1])
            if note is None:
                self.warn.add("orphan", f"{self.label}:{self.where}: card {card[0]} has no "
                                        "note: skipped")
                continue
            self._card(card, card[1], note, log.get(card[0], []))
        return [DeckDraft(name, tuple(cards), source=self.source, meta={"format": "apkg"})
                for name, cards in self.decks.items()]

    def _deck_name(self, card: tuple[Any, ...]) -> str:
        did = card[12] or card[2]  # a card in a filtered deck goes home (odid)
        name = clean(self.col.decks.get(did, "")).strip()
        if not name:
            self.warn.add("deck", f"{self.label}:{self.where}: card {card[0]}: unknown deck "
                                  f"{did}: put in deck 'Imported'")
        return name or "Imported"

    def _card(self, card: tuple[Any, ...], nid: int, note: tuple[str, int, str, Any],
              log: list[tuple[Any, ...]]) -> None:
        guid, mid, tags, flds = note
        place = f"{self.label}:{self.where}: note {nid} (guid {guid!r})"
        nt = self.col.note_types.get(mid)
        if nt is None:
            self.warn.add("notetype", f"{place}: unknown note type {mid}: skipped")
            return
        values = flds.split("\x1f") if isinstance(flds, str) else []
        if len(values) != len(nt.fields) or not values:
            self.warn.add("fields", f"{place}: {len(values)} fields, note type {nt.name!r} "
                                    f"has {len(nt.fields)}: skipped")
            return
        fields = dict(zip(nt.fields, values, strict=True))
        ord_ = card[3] if isinstance(card[3], int) else 0
        sides = self._sides(nt, fields, ord_)
        if sides is None or not sides[0].strip() or not sides[1].strip():
            side = "question" if sides is None or not sides[0].strip() else "answer"
            self.warn.add("empty", f"{place}: card {ord_ + 1} has an empty {side}: skipped")
            return
        if max(len(sides[0]), len(sides[1])) > MAX_FIELD_CHARS:
            self.warn.add("long", f"{place}: card {ord_ + 1} is longer than "
                                  f"{MAX_FIELD_CHARS:,} characters: skipped")
            return
        self._add(card, guid or str(nid), ord_, nt, fields, tags, sides, log)

    def _sides(self, nt: ac.NoteType, fields: dict[str, str],
               ord_: int) -> tuple[str, str, str] | None:
        if nt.cloze:
            made = _cloze_sides(nt, fields, ord_)
            return None if made is None else (*made, "cloze")
        layout = self.layouts[nt.id].get(ord_)
        if layout is None:
            names = [n for n in nt.fields if n.lower() != SOURCE_FIELD] or nt.fields
            return _join(fields, names[:1]), _join(fields, names[1:2]), "imported"
        return _join(fields, layout.question), _join(fields, layout.answer), layout.kind

    def _add(self, card: tuple[Any, ...], guid: str, ord_: int, nt: ac.NoteType,
             fields: dict[str, str], tags: str, sides: tuple[str, str, str],
             log: list[tuple[Any, ...]]) -> None:
        deck = self._deck_name(card)
        key = f"{guid}:{ord_}"
        seen = self.keys.setdefault(deck, set())
        if key in seen:
            self.warn.add("duplicate", f"{self.label}:{self.where}: card key {key!r} appears "
                                       f"twice in deck {deck!r}: later one skipped")
            return
        seen.add(key)
        src_field = next((n for n in nt.fields if n.lower() == SOURCE_FIELD), None)
        section = html_to_text(fields[src_field]) if src_field else ""
        history: tuple[ReviewDraft, ...] = ()
        state = None
        if self.day0 is not None:
            if card[5] == -1:
                self.warn.add("suspended", f"{self.label}:{self.where}: card {key!r} is "
                                           "suspended in Anki: imported as active")
            history = anki_progress.history(log, self.start_hour)
            state = anki_progress.card_state(card, self.day0, history, self.start_hour)
        self.decks.setdefault(deck, []).append(CardDraft(
            key=key, question=sides[0], answer=sides[1], kind=sides[2],
            tags=tuple(t for t in tags.split() if t),
            source=SourceRef(self.source, section or None),
            state=state, history=history if state is not None else ()))
