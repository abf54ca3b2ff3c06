"""Hostile .apkg files: a clear error naming the file and the entry or note, or (where
documented) the valid part imported with warnings; never a file written outside a temp
dir, never a temp file left behind, never the store changed."""

from __future__ import annotations

import io
import os
import sqlite3
import tempfile
import tracemalloc
import zipfile
from collections.abc import Iterator
from pathlib import Path

import genanki
import pytest
import zstandard
from hypothesis import given
from hypothesis import strategies as st

from flashcards import service
from flashcards.domain.errors import InputError
from flashcards.formats import apkg
from flashcards.formats.apkg import read_apkg

from apkg_util import DATA, basic, collection_bytes, deck, entries, package, write_zip


@pytest.fixture(autouse=True)
def private_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Point tempfile at an empty dir; after the test it must be empty again."""
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    yield scratch
    assert list(scratch.iterdir()) == []


def refused(path: Path, *needles: str) -> InputError:
    with pytest.raises(InputError) as info:
        read_apkg(path, with_progress=True)
    message = str(info.value)
    assert message.startswith(str(path))
    for needle in needles:
        assert needle in message, message
    return info.value


def good_collection(tmp_path: Path) -> bytes:
    return collection_bytes([deck("D", 1, basic("Q", "A", "g"))], tmp_path)


def test_not_a_zip(tmp_path: Path) -> None:
    path = tmp_path / "deck.apkg"
    path.write_text("front,back\n")
    refused(path, "not a readable zip archive")


def test_missing_file(tmp_path: Path) -> None:
    refused(tmp_path / "nope.apkg", "no such file")


def test_truncated_zip(tmp_path: Path) -> None:
    whole = (DATA / "modern.apkg").read_bytes()
    for cut in (len(whole) // 2, len(whole) - 10):
        path = tmp_path / f"cut{cut}.apkg"
        path.write_bytes(whole[:cut])
        refused(path, "zip")


def test_damaged_entry(tmp_path: Path) -> None:
    path = package(tmp_path / "p.apkg", [deck("D", 1, basic("Q", "A", "g"))])
    data = bytearray(path.read_bytes())
    data[200:260] = b"\xff" * 60  # inside the deflated collection
    path.write_bytes(bytes(data))
    refused(path, "collection.anki2")


def test_zip_without_a_collection(tmp_path: Path) -> None:
    path = write_zip(tmp_path / "empty.apkg", {"media": b"{}", "0": b"picture"})
    refused(path, "no Anki collection")


def test_collection_that_is_not_sqlite(tmp_path: Path) -> None:
    path = write_zip(tmp_path / "p.apkg", {"collection.anki2": b"hello " * 1000})
    refused(path, "collection.anki2", "not an SQLite database")


def test_corrupt_sqlite(tmp_path: Path) -> None:
    col = bytearray(good_collection(tmp_path))
    for offset in range(4096, len(col), 4096):  # every page after the first: garbage
        col[offset + 8:offset + 200] = os.urandom(192)
    path = write_zip(tmp_path / "p.apkg", {"collection.anki2": bytes(col)})
    refused(path, "collection.anki2", "corrupt SQLite database")


def test_sqlite_with_the_wrong_tables(tmp_path: Path) -> None:
    db = tmp_path / "other.db"
    conn = sqlite3.connect(db)
    conn.execute("create table notes (id integer primary key, body text)")
    conn.commit()
    conn.close()
    path = write_zip(tmp_path / "p.apkg", {"collection.anki21": db.read_bytes()})
    refused(path, "collection.anki21", "not an Anki collection", "'cards'")


def test_columns_missing_from_anki_tables(tmp_path: Path) -> None:
    col = collection_bytes([deck("D", 1, basic("Q", "A", "g"))], tmp_path,
                           edit=lambda c: c.executescript(
                               "drop table cards; create table cards (id integer);"))
    path = write_zip(tmp_path / "p.apkg", {"collection.anki2": col})
    refused(path, "collection.anki2", "unreadable Anki collection", "no such column")


@pytest.mark.parametrize("name", ["../evil.txt", "/etc/evil", "a/../../evil", "C:\\evil",
                                  "..\\evil"])
def test_zip_entries_with_unsafe_paths(tmp_path: Path, name: str) -> None:
    path = write_zip(tmp_path / "p.apkg",
                     {"collection.anki2": good_collection(tmp_path), name: b"x"})
    refused(path, "unsafe path", f"zip entry {name!r}")
    assert not (tmp_path.parent / "evil.txt").exists()


def test_duplicate_entries(tmp_path: Path) -> None:
    col = good_collection(tmp_path)
    path = tmp_path / "p.apkg"
    with zipfile.ZipFile(path, "w") as out, pytest.warns(UserWarning, match="Duplicate"):
        out.writestr("collection.anki2", col)
        out.writestr("collection.anki2", b"not sqlite")
    refused(path, "appears twice")


def test_media_map_with_unsafe_names_is_imported_without_them(tmp_path: Path) -> None:
    media = {"0": "../../evil.sh", "1": "/etc/passwd", "2": "ok.png", "3": "dir/x.png"}
    path = package(tmp_path / "p.apkg", [deck("D", 1, basic("Q", "A", "g"))], media=media)
    before = set(Path.cwd().iterdir())
    result = read_apkg(path)
    assert result.media == ["ok.png"]
    assert [c.question for c in result.decks[0].cards] == ["Q"]
    assert len(result.warnings) == 3 and all("unsafe media name" in w for w in result.warnings)
    assert set(Path.cwd().iterdir()) == before
    assert not (tmp_path.parent.parent / "evil.sh").exists()


def test_unreadable_media_map_is_a_warning(tmp_path: Path) -> None:
    path = write_zip(tmp_path / "p.apkg", {"collection.anki2": good_collection(tmp_path),
                                           "media": b"[not json"})
    result = read_apkg(path)
    assert result.media == [] and "unreadable media list" in result.warnings[0]


def _bomb_zip(path: Path, name: str, size: int) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out, out.open(name, "w") as dst:
        dst.write(b"SQLite format 3\x00")
        chunk = bytes(1 << 20)
        for _ in range(size >> 20):
            dst.write(chunk)
    return path


def test_zip_bomb_is_refused_with_little_memory(tmp_path: Path) -> None:
    path = _bomb_zip(tmp_path / "bomb.apkg", "collection.anki2", 200 << 20)
    assert path.stat().st_size < 400_000  # 200 MB of zeros, a few hundred KB zipped
    tracemalloc.start()
    try:
        refused(path, "zip entry 'collection.anki2'", "zip bomb")
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 16 << 20


def test_zstd_bomb_is_refused(tmp_path: Path) -> None:
    raw = io.BytesIO()
    with zstandard.ZstdCompressor().stream_writer(raw, closefd=False) as writer:
        writer.write(b"SQLite format 3\x00")
        for _ in range(200):
            writer.write(bytes(1 << 20))
    assert len(raw.getvalue()) < 100_000
    path = write_zip(tmp_path / "zbomb.apkg", {"meta": b"\x08\x03",
                                              "collection.anki21b": raw.getvalue()},
                     zipfile.ZIP_STORED)
    refused(path, "zip entry 'collection.anki21b'", "zip bomb")


def test_zstd_garbage_is_refused(tmp_path: Path) -> None:
    path = write_zip(tmp_path / "z.apkg", {"meta": b"\x08\x03",
                                          "collection.anki21b": b"\x28\xb5\x2f\xfd garbage"})
    refused(path, "collection.anki21b", "zstd")


def test_zstd_media_map_bomb_is_a_warning(tmp_path: Path) -> None:
    modern = entries(DATA / "modern.apkg")
    modern["media"] = zstandard.ZstdCompressor().compress(bytes(64 << 20))
    path = write_zip(tmp_path / "m.apkg", modern, zipfile.ZIP_STORED)
    result = read_apkg(path)
    assert result.media == [] and "unreadable media list" in result.warnings[0]
    assert result.decks


def test_unknown_package_version(tmp_path: Path) -> None:
    modern = entries(DATA / "modern.apkg")
    modern["meta"] = b"\x08\x09"
    refused(write_zip(tmp_path / "new.apkg", modern), "zip entry 'meta'", "newer")


def _mismatched(conn: sqlite3.Connection) -> None:
    conn.execute("update notes set flds = 'only one field' where guid = 'bad'")
    conn.execute("update notes set mid = 999 where guid = 'orphan'")


def test_field_count_mismatch_and_unknown_note_type_skip_notes(tmp_path: Path) -> None:
    notes = [basic("Q1", "A1", "good"), basic("Q2", "A2", "bad"), basic("Q3", "A3", "orphan")]
    path = package(tmp_path / "p.apkg", [deck("D", 1, *notes)], edit=_mismatched)
    result = read_apkg(path)
    assert [c.key for c in result.decks[0].cards] == ["good:0"]
    text = "\n".join(result.warnings)
    assert "(guid 'bad'): 1 fields, note type 'Basic (genanki)' has 2: skipped" in text
    assert "(guid 'orphan'): unknown note type 999: skipped" in text
    assert str(path) in text


def test_nothing_importable_is_an_error(tmp_path: Path) -> None:
    path = package(tmp_path / "p.apkg", [deck("D", 1, basic("Q2", "A2", "bad"))],
                   edit=_mismatched)
    refused(path, "no cards to import", "guid 'bad'")


def test_script_and_style_are_dropped(tmp_path: Path) -> None:
    note = basic("<style>body{display:none}</style>Real question<script>fetch('x')</script>",
                 "<SCRIPT type=x>alert(1)</SCRIPT>Answer", "s")
    path = package(tmp_path / "p.apkg", [deck("D", 1, note)])
    card = read_apkg(path).decks[0].cards[0]
    assert (card.question, card.answer) == ("Real question", "Answer")


def test_terminal_escapes_and_markup_are_stored_literally(tmp_path: Path, store: object) -> None:
    from conftest import at

    evil_q = "\x1b]8;;http://evil\x07[bold red]Click[/bold red] :smile: \x1b[2J\u202eabc"
    note = basic(evil_q, "[link=file:///etc]x[/link]\x07\x9b31m", "t",
                 ["tag\x1b[31m"])
    path = package(tmp_path / "p.apkg", [deck("D\x1b[5m", 1, note)])
    result = read_apkg(path)
    service.import_decks(store, [(d, str(path)) for d in result.decks],  # type: ignore[arg-type]
                         at("2026-03-02T09:00:00+00:00"))
    with sqlite3.connect(store.path) as conn:  # type: ignore[attr-defined]
        rows = conn.execute("select d.name, c.question, c.answer, c.tags from card c "
                            "join deck d on d.id = c.deck_id").fetchall()
    assert rows == [("D", "[bold red]Click[/bold red] :smile: abc",
                     "[link=file:///etc]x[/link]", "tag")]


def test_cap_follows_the_compressed_size() -> None:
    assert apkg._limit(200_000) == 200_000 * apkg.MAX_RATIO + apkg.RATIO_SLACK
    assert apkg._limit(10**12) == apkg.MAX_BYTES


def test_genanki_note_with_wrong_model_fields_in_json(tmp_path: Path) -> None:
    """A note type whose JSON lists no templates: first two fields, with a warning."""
    def edit(conn: sqlite3.Connection) -> None:
        import json

        models = json.loads(conn.execute("select models from col").fetchone()[0])
        for model in models.values():
            model["tmpls"] = []
        conn.execute("update col set models = ?", (json.dumps(models),))

    model = genanki.Model(42, "Bare", fields=[{"name": "F"}, {"name": "B"}],
                          templates=[{"name": "c", "qfmt": "{{F}}", "afmt": "{{B}}"}])
    path = package(tmp_path / "p.apkg", [deck("D", 1, genanki.Note(model, ["f", "b"],
                                                                    guid="n"))], edit=edit)
    result = read_apkg(path)
    assert [(c.question, c.answer) for c in result.decks[0].cards] == [("f", "b")]
    assert "first two fields" in result.warnings[0]


@given(st.text(st.sampled_from("ab \n\t\x1b[]31m\x9b\x07\x7f\u202e\u2066\xa0\r;P\\"),
               max_size=16))
def test_clean_fast_path_strips_the_same(text: str) -> None:
    """text.clean returns text without control characters untouched (a fast path the
    .apkg import relies on for multi-line fields); the result is the full stripping's."""
    from flashcards.domain.text import _CONTROLS, _ESCAPES, clean

    slow = _CONTROLS.sub("", _ESCAPES.sub("", text.replace("\r\n", "\n").replace("\r", "\n")))
    assert clean(text) == slow


_ODD = st.text(st.sampled_from("ab \n\t\x1b[]31m\x9b\x07\x7f\u202e\u2066\xa0\r;P\\"), max_size=8)


@given(st.lists(_ODD, max_size=6))
def test_bulk_cleaning_check_agrees_with_clean(texts: list[str]) -> None:
    """needs_cleaning (one pass over a deck, which the import and check_deck fast paths
    rely on) is true exactly when clean would change one of the texts."""
    from flashcards.domain.text import clean, needs_cleaning

    assert needs_cleaning(texts) == any(clean(t) != t for t in texts)


@pytest.mark.parametrize("odd", ["\x1b[31m", "a\rb", "\u202e", "\x85", "\x7f"])
def test_bulk_cleaning_check_looks_at_every_chunk(odd: str) -> None:
    from flashcards.domain.text import needs_cleaning

    texts = ["plain text"] * 10_000
    assert not needs_cleaning(texts)
    assert needs_cleaning([*texts, odd])
    assert needs_cleaning(["é", *texts, odd])  # a chunk of non-ASCII text, then ASCII ones


def test_zip_announcing_too_many_entries(tmp_path: Path,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    path = write_zip(tmp_path / "many.apkg", {"collection.anki2": good_collection(tmp_path)})
    data = bytearray(path.read_bytes())
    end = data.rfind(b"PK\x05\x06")
    data[end + 8:end + 12] = (0xFFFE).to_bytes(2, "little") * 2  # 65,534 entries, it says
    path.write_bytes(bytes(data))
    monkeypatch.setattr(apkg, "MAX_ENTRIES", 1000)
    refused(path, "65,534 entries")


def test_notes_as_a_view_is_not_a_collection(tmp_path: Path) -> None:
    col = collection_bytes([deck("D", 1, basic("Q", "A", "g"))], tmp_path,
                           edit=lambda c: c.executescript(
                               "alter table notes rename to real_notes;"
                               "create view notes as select * from real_notes;"))
    path = write_zip(tmp_path / "p.apkg", {"collection.anki2": col})
    refused(path, "not an Anki collection", "'notes'")


def test_text_that_is_not_utf8_is_read_with_replacement_characters(tmp_path: Path) -> None:
    def edit(conn: sqlite3.Connection) -> None:
        conn.execute("update notes set flds = cast(x'51ff' || x'1f' || x'41fe' as text)")
        conn.execute("update notes set tags = cast(x'74c3' as text)")

    path = package(tmp_path / "p.apkg", [deck("D", 1, basic("Q", "A", "g"))], edit=edit)
    card = read_apkg(path).decks[0].cards[0]
    assert (card.question, card.answer, card.tags) == ("Q\ufffd", "A\ufffd", ("t\ufffd",))


def test_cards_with_odd_column_types_are_still_read_in_note_order(tmp_path: Path) -> None:
    """A damaged collection may hold text where numbers belong: the cards are still
    read in note and card order, an odd ordinal counting as the first card's."""
    def edit(conn: sqlite3.Connection) -> None:
        conn.execute("update cards set ord = 'x' where ord = 0 and nid = "
                     "(select max(nid) from cards)")

    both = genanki.Note(genanki.BASIC_AND_REVERSED_CARD_MODEL, ["Q2", "A2"], guid="g2")
    path = package(tmp_path / "p.apkg", [deck("D", 1, basic("Q1", "A1", "g1"), both)],
                   edit=edit)
    cards = read_apkg(path).decks[0].cards
    assert [(c.key, c.question) for c in cards] == [("g1:0", "Q1"), ("g2:0", "Q2"),
                                                    ("g2:1", "A2")]
