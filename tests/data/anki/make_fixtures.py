"""Make the Anki package fixtures with the official Anki library (never a dependency of ours).

    python -m venv /tmp/venv-anki && /tmp/venv-anki/bin/pip install anki
    /tmp/venv-anki/bin/python tests/data/anki/make_fixtures.py          # writes the fixtures
    /tmp/venv-anki/bin/python tests/data/anki/make_fixtures.py --check x.apkg [later.apkg]

The first form builds a small collection (Basic, Basic (and reversed card), Cloze, nested
decks, tags, HTML, media, cards in every scheduling state with a review log spread over
past days) and exports it twice: `modern.apkg` (collection.anki21b + meta + zstd protobuf
media map, as current Anki writes) and `legacy.apkg` ("support older Anki versions":
collection.anki21 + JSON media map). `expected.json` records what the Anki library itself
says about every card, as the tests' oracle.

`--check` imports packages (e.g. ones `flashcards export apkg` wrote), in turn, into one
fresh collection with the official importer and prints what each import did (a later
export of the same decks must update notes, not add them), then the decks, notes, cards.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from pathlib import Path

from anki.collection import (
    Collection,
    DeckIdLimit,
    ExportAnkiPackageOptions,
    ImportAnkiPackageOptions,
    ImportAnkiPackageRequest,
)

HERE = Path(__file__).resolve().parent
DAY_MS = 86_400_000


def _note(col: Collection, kind: str, deck: int, fields: list[str], tags: list[str]) -> object:
    note = col.new_note(col.models.by_name(kind))
    for i, value in enumerate(fields):
        note.fields[i] = value
    note.tags = tags
    col.add_note(note, deck)
    return note


def _answer(col: Collection, card_id: int, buttons: list[int]) -> None:
    for ease in buttons:
        card = col.get_card(card_id)
        card.start_timer()
        col.sched.answerCard(card, ease)


def build(col: Collection, media_dir: Path) -> int:
    (media_dir / "map.png").write_bytes(b"\x89PNG\r\n\x1a\nnot really a picture")
    (media_dir / "hello.mp3").write_bytes(b"ID3 not really a sound")
    col.media.add_file(str(media_dir / "map.png"))
    col.media.add_file(str(media_dir / "hello.mp3"))
    top = col.decks.id("UPSC")
    polity = col.decks.id("UPSC::Polity")
    geo = col.decks.id("UPSC::Geography")
    _note(col, "Basic", polity, ["<b>Article 21</b> protects?",
                                 "Life &amp; personal liberty<br>(Maneka Gandhi, 1978)"],
          ["polity", "fundamental_rights"])
    _note(col, "Basic", polity, ["Who presides over the Rajya Sabha?",
                                 "<div>The Vice-President</div><div>(ex officio Chairman)</div>"],
          ["polity"])
    _note(col, "Basic (and reversed card)", geo, ["Capital of Meghalaya", "Shillong"], ["geo"])
    _note(col, "Cloze", geo, ["{{c1::Kaveri::river}} rises at {{c2::Talakaveri}}, Kodagu",
                              "Dakshin Ganga"], ["geo", "rivers"])
    _note(col, "Basic", geo, ['<img src="map.png"> Name the marked state',
                              "Odisha [sound:hello.mp3]"], ["geo", "maps"])
    _note(col, "Basic", top, ["Entities: 5 &lt; 6 &amp;&amp; 7 &gt; 3", "true&nbsp;&nbsp;indeed"],
          [])
    return top


def schedule(col: Collection) -> None:
    """Move the collection's creation back 60 days, answer cards, spread the log out."""
    col.db.execute("update col set crt = crt - 60 * 86400")
    col.crt = col.db.scalar("select crt from col")
    cards = col.db.list("select id from cards order by nid, ord")
    graduated, learning, relearning, suspended = cards[0], cards[1], cards[2], cards[3]
    _answer(col, graduated, [3, 3, 4, 2, 3])  # Good, Good, Easy, Hard, Good: a review card
    _answer(col, learning, [1, 3])  # Again, Good: still learning
    _answer(col, relearning, [3, 3, 1])  # graduate, then forget: relearning
    _answer(col, suspended, [4])
    col.sched.suspend_cards([suspended])
    col.sched.set_due_date([cards[4]], "3")  # a manual reschedule (not an answer)
    # Spread each card's log over past days, one day apart, ending today.
    for cid in (graduated, learning, relearning, suspended, cards[4]):
        ids = col.db.list("select id from revlog where cid = ? order by id", cid)
        for i, rid in enumerate(ids):
            col.db.execute("update revlog set id = ? where id = ?",
                           rid - (len(ids) - 1 - i) * 3 * DAY_MS, rid)


def expected(col: Collection, top: int) -> dict[str, object]:
    cards = []
    for cid in col.db.list("select id from cards order by nid, ord"):
        card = col.get_card(cid)
        note = card.note()
        cards.append({
            "guid": note.guid, "ord": card.ord, "deck": col.decks.name(card.did),
            "notetype": note.note_type()["name"], "fields": list(note.fields),
            "tags": sorted(note.tags), "type": card.type, "queue": card.queue,
            "due": card.due, "ivl": card.ivl, "factor": card.factor, "reps": card.reps,
            "lapses": card.lapses,
            "revlog": col.db.all("select id, ease, ivl, factor, time, type from revlog "
                                 "where cid = ? order by id", cid),
        })
    return {"crt": col.crt, "today": col.sched.today, "cards": cards,
            "media": sorted(["map.png", "hello.mp3"]), "anki_version": _version()}


def _version() -> str:
    from anki.buildinfo import version

    return str(version)


def make() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        col = Collection(os.path.join(tmp, "collection.anki2"))
        try:
            top = build(col, Path(tmp))
            schedule(col)
            for name, legacy in (("modern.apkg", False), ("legacy.apkg", True)):
                col.export_anki_package(
                    out_path=str(HERE / name), limit=DeckIdLimit(top),
                    options=ExportAnkiPackageOptions(with_scheduling=True,
                                                     with_deck_configs=False,
                                                     with_media=True, legacy=legacy))
            (HERE / "expected.json").write_text(json.dumps(expected(col, top), indent=1) + "\n")
        finally:
            col.close()
    print(f"wrote modern.apkg, legacy.apkg, expected.json in {HERE}")


def check(packages: list[str]) -> int:
    """Import the packages in turn into one fresh collection (a later export of the same
    decks should update notes, not add them)."""
    with tempfile.TemporaryDirectory() as tmp:
        col = Collection(os.path.join(tmp, "collection.anki2"))
        try:
            for package in packages:
                request = ImportAnkiPackageRequest(package_path=str(Path(package).resolve()),
                                                   options=ImportAnkiPackageOptions())
                log = col.import_anki_package(request).log
                print(f"{package}: new notes: {len(log.new)}, updated: {len(log.updated)}, "
                      f"duplicate: {len(log.duplicate)}, conflicting: {len(log.conflicting)}")
            for did, name in sorted((d.id, d.name) for d in col.decks.all_names_and_ids()):
                count = col.db.scalar("select count() from cards where did = ?", did)
                print(f"deck {name!r}: {count} cards")
            for nid in col.db.list("select id from notes order by id limit 5"):
                note = col.get_note(nid)
                print(f"note {note.guid!r} {note.note_type()['name']!r} tags={note.tags} "
                      f"fields={note.fields}")
            total = col.db.scalar("select count() from notes")
            print(f"{total} notes, {col.card_count()} cards")
            return 0 if total else 1
        finally:
            col.close()


if __name__ == "__main__":
    if len(sys.argv) >= 3 and sys.argv[1] == "--check":
        sys.exit(check(sys.argv[2:]))
    make()
