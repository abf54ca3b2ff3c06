"""TOML deck files: byte-stable writing, faithful round trips, and clear errors."""

from __future__ import annotations

import tomllib
from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from flashcards.domain import CardDraft, DeckDraft, SourceRef
from flashcards.domain.errors import InputError
from flashcards.formats import deckfile
from flashcards.formats.text_input import decode_text

from conftest import make_deck

GOOD = """\
# a comment at the top
[deck]
name = "geo"   # trailing comment
source = "geo.txt"
syllabus = "GS1"

[[cards]]
key = "a"
kind = "fact"
question = "Capital of France?"
answer = "Paris"
tags = ["europe", "capitals"]
section = "Europe"
lines = [3, 4]

[[cards]]
key = "b"
question = '''Literal
string'''
answer = \"\"\"
Two
lines\"\"\"
file = "other.txt"
"""


def error(text: str) -> InputError:
    with pytest.raises(InputError) as info:
        deckfile.loads(text, "deck.toml")
    assert info.value.path == "deck.toml"
    assert "\n" not in str(info.value)
    return info.value


def card_toml(**fields: object) -> str:
    body = {"key": '"k1"', "question": '"Q?"', "answer": '"A"'}
    body.update({k: str(v) for k, v in fields.items()})
    lines = [f"{k} = {v}" for k, v in body.items() if v != "DROP"]
    return '[deck]\nname = "d"\n\n[[cards]]\n' + "\n".join(lines) + "\n"


def test_reads_a_hand_written_file_with_comments():
    deck = deckfile.loads(GOOD, "geo.toml")
    assert deck.name == "geo" and deck.source == "geo.txt" and deck.meta == {"syllabus": "GS1"}
    a, b = deck.cards
    assert a == CardDraft("a", "Capital of France?", "Paris", "fact", ("europe", "capitals"),
                          SourceRef("geo.txt", "Europe", 3, 4))
    assert b.kind == "basic" and b.question == "Literal\nstring" and b.answer == "Two\nlines"
    assert b.source == SourceRef("other.txt", None, None, None)


def test_dumps_is_byte_stable_and_round_trips():
    deck = replace(make_deck(n=3), meta={"syllabus": "GS paper2 \u2013 IR", "topic": "x"})
    text = deckfile.dumps(deck)
    assert text == deckfile.dumps(deck)
    assert text.endswith("\n") and "\r" not in text
    assert deckfile.loads(text, "x.toml") == deck
    # the deck's source is not repeated on every card
    assert text.count("sample.txt") == 1


def test_dumps_writes_multiline_answers_readably():
    card = CardDraft("k", "Name them", 'Line one\n- "quoted" \\ back\n\ttab', tags=("t",))
    text = deckfile.dumps(DeckDraft("d", (card,)))
    assert 'answer = """\nLine one\n- \\"quoted\\" \\\\ back\n\ttab"""' in text
    assert deckfile.loads(text, "d.toml").cards[0] == card


def test_header_becomes_comments():
    text = deckfile.dumps(make_deck(n=1), header="Built from x\n\nKeep keys")
    assert text.startswith("# Built from x\n#\n# Keep keys\n\n[deck]\n")
    assert deckfile.loads(text, "d.toml") == make_deck(n=1)


_text = st.text(max_size=40)
_word = st.text(st.characters(blacklist_categories=("Cs", "Zs", "Cc", "Zl", "Zp")),
                min_size=1, max_size=12)
_solid = _text.filter(lambda s: s.strip() != "")


@st.composite
def decks(draw: st.DrawFn) -> DeckDraft:
    source = draw(st.none() | _solid)
    cards = []
    for n, key in enumerate(draw(st.lists(_solid, max_size=5, unique=True))):
        start = draw(st.none() | st.integers(1, 10_000))
        end = None if start is None else draw(st.none() | st.integers(start, 20_000))
        cards.append(CardDraft(
            key=key, question=draw(_solid), answer=draw(_solid), kind=draw(_solid),
            tags=tuple(draw(st.lists(_word, max_size=3))),
            source=SourceRef(draw(st.sampled_from([source, None, f"f{n}.txt"])),
                             draw(st.none() | _text), start, end)))
    meta = draw(st.dictionaries(_solid.filter(lambda k: k not in ("name", "source")), _text,
                                max_size=3))
    return DeckDraft(draw(_solid), tuple(cards), source, meta)


@settings(max_examples=150, deadline=None)
@given(decks())
def test_round_trip_any_deck(deck):
    text = deckfile.dumps(deck)
    tomllib.loads(text)  # valid TOML
    assert deckfile.loads(text, "x.toml") == deck
    assert deckfile.dumps(deckfile.loads(text, "x.toml")) == text


def test_syntax_error_names_line_and_column():
    err = error('[deck]\nname = "d"\n[[cards]]\nkey = "k\nquestion = "q"\n')
    assert err.where is not None and err.where.startswith("line 4")
    assert "not a valid TOML deck file" in err.detail


def test_truncated_file_names_a_line():
    err = error(card_toml()[:-8])
    assert err.where is not None and err.where.startswith("line ")


@pytest.mark.parametrize(("fields", "where", "words"), [
    ({"answer": '""'}, "card 1 (key 'k1'), field 'answer'", "must not be empty"),
    ({"question": '"   "'}, "card 1 (key 'k1'), field 'question'", "must not be empty"),
    ({"answer": "DROP"}, "card 1 (key 'k1'), field 'answer'", "missing"),
    ({"key": "DROP"}, "card 1, field 'key'", "missing"),
    ({"answer": "42"}, "card 1 (key 'k1'), field 'answer'", "expected text, not int"),
    ({"tags": '"gs2"'}, "card 1 (key 'k1'), field 'tags'", "list of tags"),
    ({"tags": '["gs 2"]'}, "card 1 (key 'k1'), field 'tags'", "contains a space"),
    ({"tags": "[1]"}, "card 1 (key 'k1'), field 'tags'", "expected text"),
    ({"lines": "[5, 2]"}, "card 1 (key 'k1'), field 'lines'", "before first"),
    ({"lines": '["a"]'}, "card 1 (key 'k1'), field 'lines'", "line numbers"),
    ({"lines": "[0, 2]"}, "card 1 (key 'k1'), field 'lines'", "line numbers"),
    ({"qestion": '"typo"'}, "card 1 (key 'k1'), field 'qestion'", "unknown field"),
    ({"kind": '""'}, "card 1 (key 'k1'), field 'kind'", "must not be empty"),
    ({"section": "{a = 1}"}, "card 1 (key 'k1'), field 'section'", "expected text"),
])
def test_bad_card_fields_name_card_and_field(fields, where, words):
    err = error(card_toml(**fields))
    assert err.where == where
    assert words in err.detail


def test_duplicate_keys_name_both_cards():
    text = card_toml() + '\n[[cards]]\nkey = "k2"\nquestion = "q"\nanswer = "a"\n' \
        '\n[[cards]]\nkey = "k1"\nquestion = "q"\nanswer = "a"\n'
    err = error(text)
    assert err.where == "card 3 (key 'k1'), field 'key'"
    assert "card 1" in err.detail


@pytest.mark.parametrize(("text", "words"), [
    ('[[cards]]\nkey = "k"\nquestion = "q"\nanswer = "a"\n', "no [deck] table"),
    ('[deck]\nsource = "x"\n', "missing"),
    ('[deck]\nname = ""\n', "must not be empty"),
    ('[deck]\nname = "d"\nsyllabus = 2\n', "expected text"),
    ('[deck]\nname = "d"\n[extra]\nx = 1\n', "unknown table"),
    ('[deck]\nname = "d"\ncards = 3\n', "expected text"),
    ('cards = 3\n[deck]\nname = "d"\n', "expected [[cards]]"),
])
def test_bad_deck_tables(text, words):
    assert words in error(text).detail


def test_a_huge_field_is_refused_with_its_size():
    err = error(card_toml(answer='"' + "x" * 1_048_576 + '"'))
    assert err.where == "card 1 (key 'k1'), field 'answer'"
    assert "1,048,576 characters" in err.detail


def test_deep_nesting_is_a_clear_error():
    err = error('[deck]\nname = "d"\nx = ' + "[" * 100_000 + "]" * 100_000 + "\n")
    assert "nested too deeply" in err.detail
    err = error('[deck]\nname = "d"\nx = ' + "[" * 100 + "]" * 100 + "\n")
    assert err.where == "[deck], field 'x'" and "expected text, not list" in err.detail


def test_empty_deck_is_valid():
    assert deckfile.loads('[deck]\nname = "d"\n', "d.toml") == DeckDraft("d", ())


@pytest.mark.parametrize(("data", "where", "words"), [
    (b"[deck]\nname = \"d\"\n\xff\xfe", "line 3", "not valid UTF-8"),
    (b"abc\n\ndef\x00ghi", "line 3", "NUL bytes"),
    ("[deck]".encode("utf-16"), None, "UTF-16"),
    ("caf\u00e9".encode("latin-1"), "line 1", "not valid UTF-8"),
])
def test_decode_text_refuses_binary_and_other_encodings(data, where, words):
    with pytest.raises(InputError) as info:
        decode_text(data, "f.toml")
    assert info.value.where == where and words in info.value.detail
    assert str(info.value).startswith("f.toml")


def test_decode_text_drops_a_bom():
    assert decode_text("\ufeffhello \u20b9".encode(), "f") == "hello \u20b9"


@pytest.mark.slow
def test_fifty_thousand_cards_read_faithfully():
    deck = make_deck(n=50_000)
    text = deckfile.dumps(deck)
    assert deckfile.loads(text, "big.toml") == deck
    broken = text.replace('answer = "Answer 49999"', 'answer = ""')
    err = error(broken)
    assert err.where == "card 49999 (key 'c49999'), field 'answer'"
