"""Writing Anki packages: reopen what we wrote, and round-trip through a fresh store."""

from __future__ import annotations

import json
import os
import sqlite3
import zipfile
from datetime import UTC, datetime
from pathlib import Path

import genanki
import pytest
from hypothesis import given
from hypothesis import strategies as st

from flashcards import service
from flashcards.domain import CardDraft, DeckDraft, SourceRef
from flashcards.domain.errors import FlashcardsError
from flashcards.formats.anki_text import html_to_text
from flashcards.formats.apkg import read_apkg, write_apkg
from flashcards.formats.apkg_write import MODEL_ID, deck_id, to_html

from conftest import at

NOW = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


def sample() -> list[DeckDraft]:
    polity = DeckDraft("UPSC::Polity", (
        CardDraft("art21", "What does Article 21 protect?", "Life & personal liberty\n(1978)",
                  tags=("polity", "rights"), source=SourceRef("rights.txt", "Part III", 4, 6)),
        CardDraft("rs", "Who chairs the <Rajya Sabha>?", "The  Vice-President", kind="fact"),
    ))
    history = DeckDraft("History", (
        CardDraft("1857", "Year of the revolt?", "1857", tags=("modern history",)),
    ))
    return [polity, history]


def reopen(path: Path, tmp: Path) -> sqlite3.Connection:
    with zipfile.ZipFile(path) as archive:
        assert sorted(archive.namelist()) == ["collection.anki2", "media"]
        assert json.loads(archive.read("media")) == {}
        (tmp / "reopened.anki2").write_bytes(archive.read("collection.anki2"))
    return sqlite3.connect(tmp / "reopened.anki2")


def test_exported_package_has_the_expected_notes_cards_and_decks(tmp_path: Path) -> None:
    path = tmp_path / "out.apkg"
    write_apkg(sample(), path, now=NOW)
    conn = reopen(path, tmp_path)
    notes = conn.execute("select guid, mid, tags, flds from notes order by id").fetchall()
    assert notes == [
        (genanki.guid_for("UPSC::Polity", "art21"), MODEL_ID, " polity rights ",
         "What does Article 21 protect?\x1fLife &amp; personal liberty<br>(1978)"
         "\x1frights.txt &gt; Part III, lines 4-6"),
        (genanki.guid_for("UPSC::Polity", "rs"), MODEL_ID, "  ",
         "Who chairs the &lt;Rajya Sabha&gt;?\x1fThe &nbsp;Vice-President\x1f"),
        (genanki.guid_for("History", "1857"), MODEL_ID, " modern_history ",
         "Year of the revolt?\x1f1857\x1f"),
    ]
    cards = conn.execute("select c.did, c.ord from cards c join notes n on n.id = c.nid "
                         "order by n.id").fetchall()
    polity, history = deck_id("UPSC::Polity"), deck_id("History")
    assert cards == [(polity, 0), (polity, 0), (history, 0)]
    decks = json.loads(conn.execute("select decks from col").fetchone()[0])
    assert {int(k): v["name"] for k, v in decks.items()} == {
        1: "Default", polity: "UPSC::Polity", history: "History"}
    models = json.loads(conn.execute("select models from col").fetchone()[0])
    model = models[str(MODEL_ID)]
    assert [f["name"] for f in model["flds"]] == ["Question", "Answer", "Source"]
    assert [t["qfmt"] for t in model["tmpls"]] == ["{{Question}}"]
    assert conn.execute("select mod from notes").fetchone()[0] == int(NOW.timestamp())
    conn.close()


def test_ids_are_stable_across_exports(tmp_path: Path) -> None:
    later = datetime(2026, 4, 1, tzinfo=UTC)
    write_apkg(sample(), tmp_path / "a.apkg", now=NOW)
    write_apkg(sample(), tmp_path / "b.apkg", now=later)
    rows = []
    for name in ("a", "b"):
        (tmp_path / name).mkdir()
        conn = reopen(tmp_path / f"{name}.apkg", tmp_path / name)
        rows.append((conn.execute("select guid, mid from notes order by guid").fetchall(),
                     conn.execute("select distinct did from cards order by did").fetchall(),
                     conn.execute("select max(mod) from notes").fetchone()[0]))
        conn.close()
    assert rows[0][:2] == rows[1][:2]
    assert rows[1][2] > rows[0][2]  # newer notes: Anki updates its copies


def test_round_trip_through_a_fresh_store(tmp_path: Path, store: object) -> None:
    path = tmp_path / "out.apkg"
    write_apkg(sample(), path, now=NOW)
    result = read_apkg(path)
    assert result.warnings == []
    service.import_decks(store, [(d, str(path)) for d in result.decks],  # type: ignore[arg-type]
                         at("2026-03-02T09:00:00+00:00"))
    with sqlite3.connect(store.path) as conn:  # type: ignore[attr-defined]
        got = conn.execute("select d.name, c.question, c.answer, c.tags from card c join deck "
                           "d on d.id = c.deck_id order by c.id").fetchall()
    want = [(d.name, c.question, c.answer, " ".join(t.replace(" ", "_") for t in c.tags))
            for d in sample() for c in d.cards]
    assert got == want


def test_reimport_of_a_reexport_updates_in_place(tmp_path: Path, store: object) -> None:
    path = tmp_path / "out.apkg"
    write_apkg(sample(), path, now=NOW)
    first = service.import_decks(store, [(d, str(path)) for d in read_apkg(path).decks],  # type: ignore[arg-type]
                                 at("2026-03-02T09:00:00+00:00"))
    edited = [DeckDraft(d.name, tuple(CardDraft(c.key, c.question, c.answer + "!", tags=c.tags)
                                      for c in d.cards)) for d in sample()]
    write_apkg(edited, path, now=NOW)
    second = service.import_decks(store, [(d, str(path)) for d in read_apkg(path).decks],  # type: ignore[arg-type]
                                  at("2026-03-03T09:00:00+00:00"))
    assert sum(len(p.added) for p in first) == 3
    assert [(len(p.added), len(p.updated)) for p in second] == [(0, 2), (0, 1)]


def test_failed_write_leaves_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def boom(*args: object) -> None:
        raise OSError("disk full")

    out = tmp_path / "out"
    out.mkdir()
    monkeypatch.setattr(os, "replace", boom)
    with pytest.raises(FlashcardsError, match="out.apkg: cannot write: disk full"):
        write_apkg(sample(), out / "out.apkg", now=NOW)
    assert list(out.iterdir()) == []


def test_existing_file_is_replaced_whole(tmp_path: Path) -> None:
    path = tmp_path / "out" / "out.apkg"
    path.parent.mkdir()
    path.write_bytes(b"old")
    write_apkg(sample()[1:], path, now=NOW)
    assert [c.question for d in read_apkg(path).decks for c in d.cards] == ["Year of the revolt?"]
    assert sorted(p.name for p in path.parent.iterdir()) == ["out.apkg"]


def test_nothing_to_export(tmp_path: Path) -> None:
    with pytest.raises(FlashcardsError, match="nothing to export"):
        write_apkg([], tmp_path / "out.apkg", now=NOW)
    assert not (tmp_path / "out.apkg").exists()


_TEXT = st.text(st.characters(exclude_categories=("Cc", "Cs"), include_characters="\n\t"),
                max_size=60).map(str.strip)


@given(_TEXT)
def test_field_html_reads_back_as_the_same_text(text: str) -> None:
    assert html_to_text(to_html(text)) == text


def test_field_html_edge_cases() -> None:
    for text in ["a\xa0b", "a\xa0 b", "[sound:x.mp3] is text", "x &nbsp; y", "<br>",
                 "a\n\n\nb", "wide\u3000space\u2003x", "a  \n  b"]:
        assert html_to_text(to_html(text)) == text
    assert html_to_text(to_html(" trimmed\n")) == "trimmed"
