"""Reading Anki packages: genanki-made packages and packages exported by Anki itself."""

from __future__ import annotations

import json
import sqlite3
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import genanki
import pytest

from flashcards.domain import ReviewKind
from flashcards.domain.days import study_day
from flashcards.formats.anki_progress import GRADE_FOR_BUTTON
from flashcards.formats.anki_text import cloze_card, html_to_text, template_fields
from flashcards.formats.apkg import read_apkg

from apkg_util import DATA, basic, deck, entries, package, write_zip


def cards_of(result: object) -> list[tuple[str, str, str, str, str, tuple[str, ...]]]:
    return [(d.name, c.key, c.kind, c.question, c.answer, c.tags)
            for d in result.decks for c in d.cards]


def test_genanki_package_basic_reversed_cloze_nested_tags_html_media(tmp_path: Path) -> None:
    polity = deck("UPSC::Polity", 11,
                  basic("<b>Article 21</b> protects?", "Life &amp; liberty<br>(1978)", "g1",
                        ["polity", "rights"]),
                  genanki.Note(genanki.BASIC_AND_REVERSED_CARD_MODEL,
                               ["Capital of Meghalaya", "Shillong"], guid="g2", tags=["geo"]))
    rivers = deck("UPSC::Geography::Rivers", 12,
                  genanki.Note(genanki.CLOZE_MODEL,
                               ["{{c1::Kaveri::river}} rises at {{c2::Talakaveri}}", "Kodagu"],
                               guid="g3"),
                  basic('<div><img src="map.png"></div><div>Which state?</div>',
                        "Odisha [sound:odia.mp3]", "g4", ["maps"]))
    path = package(tmp_path / "upsc.apkg", [polity, rivers],
                   media={"0": "map.png", "1": "odia.mp3"})
    result = read_apkg(path)
    assert cards_of(result) == [
        ("UPSC::Polity", "g1:0", "basic", "Article 21 protects?", "Life & liberty\n(1978)",
         ("polity", "rights")),
        ("UPSC::Polity", "g2:0", "basic", "Capital of Meghalaya", "Shillong", ("geo",)),
        ("UPSC::Polity", "g2:1", "reversed", "Shillong", "Capital of Meghalaya", ("geo",)),
        ("UPSC::Geography::Rivers", "g3:0", "cloze", "[river] rises at Talakaveri",
         "Kaveri\n\nKodagu", ()),
        ("UPSC::Geography::Rivers", "g3:1", "cloze", "Kaveri rises at [...]",
         "Talakaveri\n\nKodagu", ()),
        ("UPSC::Geography::Rivers", "g4:0", "basic", "[image: map.png]\nWhich state?",
         "Odisha [sound: odia.mp3]", ("maps",)),
    ]
    assert result.media == ["map.png", "odia.mp3"]
    assert result.warnings == []
    assert result.collection == "collection.anki2"
    assert all(c.state is None and c.history == () for d in result.decks for c in d.cards)
    assert {d.source for d in result.decks} == {"upsc.apkg"}


def _expected_cards() -> list[dict[str, object]]:
    return json.loads((DATA / "expected.json").read_text())["cards"]  # type: ignore[no-any-return]


@pytest.mark.parametrize(("name", "entry"), [("modern.apkg", "collection.anki21b"),
                                             ("legacy.apkg", "collection.anki21")])
def test_packages_exported_by_anki(name: str, entry: str) -> None:
    result = read_apkg(DATA / name)
    assert result.collection == entry
    assert sorted(result.media) == ["hello.mp3", "map.png"]
    got = {(c.key): (d.name, c.tags) for d in result.decks for c in d.cards}
    expected = {f"{c['guid']}:{c['ord']}": (c["deck"], tuple(c["tags"]))  # type: ignore[arg-type]
                for c in _expected_cards()}
    assert got == expected
    by_key = {c.key: c for d in result.decks for c in d.cards}
    texts = {(c.question, c.answer, c.kind) for c in by_key.values()}
    assert texts == {
        ("Article 21 protects?", "Life & personal liberty\n(Maneka Gandhi, 1978)", "basic"),
        ("Who presides over the Rajya Sabha?", "The Vice-President\n(ex officio Chairman)",
         "basic"),
        ("Capital of Meghalaya", "Shillong", "basic"),
        ("Shillong", "Capital of Meghalaya", "reversed"),
        ("[river] rises at Talakaveri, Kodagu", "Kaveri\n\nDakshin Ganga", "cloze"),
        ("Kaveri rises at [...], Kodagu", "Talakaveri\n\nDakshin Ganga", "cloze"),
        ("[image: map.png] Name the marked state", "Odisha [sound: hello.mp3]", "basic"),
        ("Entities: 5 < 6 && 7 > 3", "true  indeed", "basic"),
    }
    assert [d.name for d in result.decks] == ["UPSC::Polity", "UPSC::Geography", "UPSC"]


def test_newest_collection_is_preferred(tmp_path: Path) -> None:
    modern = entries(DATA / "modern.apkg")
    other = entries(package(tmp_path / "o.apkg", [deck("Other", 5, basic("Q", "A", "x"))]))
    mixed = write_zip(tmp_path / "mixed.apkg",
                      {**modern, "collection.anki21": other["collection.anki2"]})
    assert read_apkg(mixed).collection == "collection.anki21b"
    # Without meta and anki21b: anki21 beats the legacy anki2.
    legacy = {k: v for k, v in modern.items() if k not in ("meta", "collection.anki21b")}
    older = write_zip(tmp_path / "older.apkg",
                      {**legacy, "collection.anki21": other["collection.anki2"],
                       "media": b"{}"})
    result = read_apkg(older)
    assert result.collection == "collection.anki21"
    assert cards_of(result) == [("Other", "x:0", "basic", "Q", "A", ())]


def test_meta_announcing_anki21b_without_it_is_refused(tmp_path: Path) -> None:
    modern = entries(DATA / "modern.apkg")
    del modern["collection.anki21b"]
    path = write_zip(tmp_path / "half.apkg", modern)
    with pytest.raises(Exception, match="half.apkg.*collection.anki21b but it is missing"):
        read_apkg(path)


def _crt_date() -> date:
    crt = json.loads((DATA / "expected.json").read_text())["crt"]
    return datetime.fromtimestamp(crt, UTC).astimezone().date()


def test_progress_follows_anki_scheduling() -> None:
    result = read_apkg(DATA / "modern.apkg", with_progress=True)
    by_key = {c.key: c for d in result.decks for c in d.cards}
    day0 = _crt_date()
    checked = 0
    for raw in _expected_cards():
        card = by_key[f"{raw['guid']}:{raw['ord']}"]
        if raw["type"] == 0:
            assert card.state is None and card.history == ()
            continue
        state = card.state
        assert state is not None
        factor = raw["factor"]
        assert state.ease == (max(1.3, factor / 1000) if factor else 2.5)  # type: ignore[operator]
        assert state.lapses == raw["lapses"]
        if raw["type"] == 2:  # review: due counts days from crt
            assert state.interval == raw["ivl"]
            assert state.due == day0 + timedelta(days=raw["due"])  # type: ignore[arg-type]
            assert state.repetitions == max(1, raw["reps"])  # type: ignore[call-overload]
        else:  # (re)learning: due is a timestamp
            moment = datetime.fromtimestamp(raw["due"], UTC)  # type: ignore[arg-type]
            assert (state.interval, state.repetitions) == (0, 0)
            assert state.due == study_day(moment)
        answers = [r for r in raw["revlog"] if r[1] in (1, 2, 3, 4)]
        assert [h.grade for h in card.history] == [GRADE_FOR_BUTTON[r[1]] for r in answers]
        assert [h.reviewed_at for h in card.history] == [
            datetime.fromtimestamp(r[0] / 1000, UTC) for r in answers]
        if card.history:
            assert state.last_review == card.history[-1].study_day
            assert [h.before for h in card.history[1:]] == [h.after for h in card.history[:-1]]
        checked += 1
    assert checked == 5


def test_progress_details_of_the_graduated_card() -> None:
    """Good, Good, Easy, Hard, Good a few days apart: grades 4, 4, 5, 3, 4; the first (a
    learn) leaves the card in Anki's learning steps (interval 0), so the next day's
    answer finishes that loop (a redrill, which retention leaves out, as Anki leaves out
    learning steps), then reviews; the Easy answer's factor 2650 as ease 2.65, the final
    interval 17 days."""
    result = read_apkg(DATA / "modern.apkg", with_progress=True)
    card = next(c for d in result.decks for c in d.cards if c.question.startswith("Article"))
    assert [h.grade for h in card.history] == [4, 4, 5, 3, 4]
    assert [h.kind for h in card.history] == [ReviewKind.LEARN, ReviewKind.REDRILL] + [
        ReviewKind.REVIEW] * 3
    assert [h.after.ease for h in card.history] == [2.5, 2.5, 2.65, 2.5, 2.5]
    assert [h.after.interval for h in card.history] == [0, 1, 4, 6, 17]
    assert card.state is not None and card.state.interval == 17


def test_button_to_grade_mapping() -> None:
    assert GRADE_FOR_BUTTON == {1: 1, 2: 3, 3: 4, 4: 5}


def test_no_progress_without_the_option() -> None:
    result = read_apkg(DATA / "modern.apkg")
    assert all(c.state is None and c.history == () for d in result.decks for c in d.cards)
    assert result.warnings == []


def test_the_answer_after_a_same_day_lapse_is_a_relearn(tmp_path: Path) -> None:
    def log(conn: sqlite3.Connection) -> None:
        cid = conn.execute("select id from cards").fetchone()[0]
        conn.execute("update col set crt = 1772416800")
        conn.execute("update cards set type=2, queue=2, due=3, ivl=1, factor=2500, "
                     "reps=3, lapses=1")
        base = 1_772_445_600_000  # 2026-03-02 10:00 UTC
        rows = [(base, cid, -1, 1, -600, 0, 2500, 8000, 1),  # Again (review): a lapse
                (base + 60_000, cid, -1, 3, 1, -600, 2500, 5000, 2),  # Good, same day
                (base + 86_400_000, cid, -1, 0, 1, 1, 2500, 0, 4)]  # manual: not an answer
        conn.executemany("insert into revlog values (?,?,?,?,?,?,?,?,?)", rows)

    path = package(tmp_path / "p.apkg", [deck("D", 1, basic("Q", "A", "g"))], edit=log)
    card = read_apkg(path, with_progress=True).decks[0].cards[0]
    assert [(h.grade, h.kind, h.study_day, h.answer_ms) for h in card.history] == [
        (1, ReviewKind.LEARN, date(2026, 3, 2), 8000),
        (4, ReviewKind.RELEARN, date(2026, 3, 2), 5000)]
    assert card.history[0].after.lapses == 1
    assert card.state is not None
    assert (card.state.due, card.state.interval, card.state.repetitions, card.state.lapses,
            card.state.last_review) == (date(2026, 3, 5), 1, 3, 1, date(2026, 3, 2))


def test_ease_is_floored_and_sane_under_hostile_values(tmp_path: Path) -> None:
    def edit(conn: sqlite3.Connection) -> None:
        conn.execute("update col set crt = 1772416800")
        conn.execute("update cards set type=2, queue=2, due=1000000000000, ivl=1000000000, "
                     "factor=1000, reps=2, lapses=-4")

    path = package(tmp_path / "p.apkg", [deck("D", 1, basic("Q", "A", "g"))], edit=edit)
    state = read_apkg(path, with_progress=True).decks[0].cards[0].state
    assert state is not None
    assert (state.ease, state.interval, state.lapses) == (1.3, 36_500, 0)
    assert state.due is not None and state.due.year < 9999


def test_other_note_types_use_their_templates(tmp_path: Path) -> None:
    vocab = genanki.Model(
        1_234_567, "Vocab",
        fields=[{"name": "Word"}, {"name": "Meaning"}, {"name": "Example"}, {"name": "Source"}],
        templates=[{"name": "Recognise", "qfmt": "{{Word}}",
                    "afmt": "{{FrontSide}}<hr id=answer>{{Meaning}}<br>{{Example}}"},
                   {"name": "Recall", "qfmt": "{{Meaning}}",
                    "afmt": "{{FrontSide}}<hr id=answer>{{Word}}"},
                   {"name": "Use", "qfmt": "{{Word}}: {{Example}}?", "afmt": "{{Meaning}}"}])
    note = genanki.Note(vocab, ["satyagraha", "truth-force", "Champaran, 1917", "NCERT XII"],
                        guid="v1")
    path = package(tmp_path / "v.apkg", [deck("Words", 3, note)])
    result = read_apkg(path)
    assert [(c.key, c.kind, c.question, c.answer, c.source.section)
            for c in result.decks[0].cards] == [
        ("v1:0", "basic", "satyagraha", "truth-force\nChamparan, 1917", "NCERT XII"),
        ("v1:1", "reversed", "truth-force", "satyagraha", "NCERT XII"),
        ("v1:2", "imported", "satyagraha\nChamparan, 1917", "truth-force", "NCERT XII"),
    ]


def test_templates_without_fields_fall_back_to_the_first_two_fields(tmp_path: Path) -> None:
    odd = genanki.Model(7_654_321, "Odd", fields=[{"name": "A"}, {"name": "B"}],
                        templates=[{"name": "C1", "qfmt": "static {{Tags}}", "afmt": "x"}])
    path = package(tmp_path / "odd.apkg",
                   [deck("Odd", 4, genanki.Note(odd, ["alpha", "beta"], guid="o1"))])
    result = read_apkg(path)
    assert cards_of(result) == [("Odd", "o1:0", "imported", "alpha", "beta", ())]
    assert len(result.warnings) == 1 and "'Odd'" in result.warnings[0]
    assert "first two fields" in result.warnings[0]


def test_empty_sides_and_duplicates_are_skipped_with_warnings(tmp_path: Path) -> None:
    notes = [basic("Q1", "A1", "a"), basic("<br>", "A2", "b"), basic("Q3", "&nbsp;", "c")]

    def dup(conn: sqlite3.Connection) -> None:  # a second note with guid 'a'
        conn.execute("insert into notes select id + 100, guid, mid, mod, usn, tags, "
                     "'Q4' || char(31) || 'A4', sfld, csum, flags, data from notes "
                     "where guid = 'a'")
        conn.execute("insert into cards select id + 100, nid + 100, did, ord, mod, usn, "
                     "type, queue, due, ivl, factor, reps, lapses, left, odue, odid, flags, "
                     "data from cards where nid = (select id from notes where guid = 'a' "
                     "order by id limit 1)")

    path = package(tmp_path / "e.apkg", [deck("E", 5, *notes)], edit=dup)
    result = read_apkg(path)
    assert cards_of(result) == [("E", "a:0", "basic", "Q1", "A1", ())]
    text = "\n".join(result.warnings)
    assert "empty question" in text and "empty answer" in text
    assert "'a:0' appears twice" in text


def test_html_to_text() -> None:
    assert html_to_text("plain") == "plain"
    assert html_to_text("<b>bold</b> &amp; <i>it</i>") == "bold & it"
    assert html_to_text("one<br>two<br/>three") == "one\ntwo\nthree"
    assert html_to_text("<div>a</div>\n<div>b</div><p>c</p>") == "a\nb\nc"
    assert html_to_text("<ul><li>x</li><li>y</li></ul>") == "- x\n- y"
    assert html_to_text("a<script>alert('x<br>')</script>b<style>p {}</style>c") == "abc"
    assert html_to_text("x<script>never closed") == "x"
    assert html_to_text("&lt;b&gt; is &quot;bold&quot; &#8377;5 &#x20B9;6") == \
        '<b> is "bold" \u20b95 \u20b96'
    assert html_to_text("a&nbsp;&nbsp;b   c") == "a  b c"
    assert html_to_text("<img alt='m' src=\"my map.png\"> [sound:a b.mp3]") == \
        "[image: my map.png] [sound: a b.mp3]"
    assert html_to_text("2 < 3 and 5 > 4") == "2 < 3 and 5 > 4"
    assert html_to_text("<!-- hidden -->shown") == "shown"
    assert html_to_text("<TITLE>t</TITLE><Script src=x>y</SCRIPT >z<!DOCTYPE html>") == "z"
    assert html_to_text("a</script>b<?xml v?>c") == "abc"  # a stray end tag, a PI
    # Markup inside an attribute is the attribute's, as a browser reads it.
    assert html_to_text('<a title="<!-- no -->">x</a><b title="<script>">y</b>') == "xy"
    assert html_to_text("[bold red]x[/] \x1b[31m") == "[bold red]x[/] \x1b[31m"


def test_cloze() -> None:
    text = "{{c1::Delhi::city}} is the capital of {{c2::India}}; {{c1::New}} too"
    assert cloze_card(text, 1) == ("[city] is the capital of India; [...] too", ["Delhi", "New"])
    assert cloze_card(text, 2) == ("Delhi is the capital of [...]; New too", ["India"])
    assert cloze_card(text, 3) is None
    nested = "{{c1::outer {{c2::inner}} end}}!"
    assert cloze_card(nested, 1) == ("[...]!", ["outer inner end"])
    assert cloze_card(nested, 2) == ("outer [...] end!", ["inner"])
    assert cloze_card("{{c1,2::both}} x", 2) == ("[...] x", ["both"])
    assert cloze_card("}} {{c1::a", 1) is None  # unclosed: no deletion


def test_template_fields() -> None:
    names = ["Front", "Back", "Add Reverse"]
    assert template_fields("{{#Add Reverse}}{{Back}}{{/Add Reverse}}", names) == ["Back"]
    assert template_fields("{{FrontSide}}<hr>{{type:Back}} {{Front}} {{Back}}", names) == \
        ["Back", "Front"]
    assert template_fields("{{tts en_US:Front}} {{Unknown}}", names) == ["Front"]


def test_image_occlusion_notes_are_skipped_with_one_warning(tmp_path: Path) -> None:
    occlusion = genanki.Model(
        99_001, "Image Occlusion", model_type=genanki.Model.CLOZE,
        fields=[{"name": "Occlusion"}, {"name": "Image"}],
        templates=[{"name": "IO", "qfmt": "{{cloze:Occlusion}}{{Image}}",
                    "afmt": "{{cloze:Occlusion}}"}])
    masks = ("{{c1::image-occlusion:rect:left=.1:top=.2:width=.3:height=.1}}"
             "{{c2::image-occlusion:rect:left=.5:top=.5:width=.2:height=.2}}")
    notes = [genanki.Note(occlusion, [masks, '<img src="map.png">'], guid="io"),
             basic("Q", "A", "b")]
    result = read_apkg(package(tmp_path / "io.apkg", [deck("Maps", 9, *notes)]))
    assert cards_of(result) == [("Maps", "b:0", "basic", "Q", "A", ())]
    assert len(result.warnings) == 1 and "image occlusion" in result.warnings[0]
