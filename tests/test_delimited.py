"""CSV/TSV decks and Anki text exports: columns, separators, quoting, keys, errors."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from flashcards.domain import Duplicates, SameQuestion
from flashcards.domain.errors import InputError
from flashcards.domain.text import clean
from flashcards.formats import delimited
from flashcards.formats.detect import read_file, read_files
from flashcards.formats.export import spreadsheet_safe
from flashcards.formats.row_keys import question_key


def load(text: str, name: str = "deck") -> list:
    return delimited.loads(text, "deck.csv", name)


def one(text: str):
    decks = load(text)
    assert len(decks) == 1
    return decks[0]


def error(text: str) -> InputError:
    with pytest.raises(InputError) as info:
        load(text)
    assert info.value.path == "deck.csv"
    assert "\n" not in str(info.value)
    return info.value


def test_header_row_names_columns_in_any_order():
    deck = one("tags,answer,question\nmath basic,4,What is 2+2?\n,Paris,Capital of France?\n")
    assert deck.name == "deck"
    assert [(c.question, c.answer, c.tags) for c in deck.cards] == [
        ("What is 2+2?", "4", ("math", "basic")), ("Capital of France?", "Paris", ())]
    assert all(c.kind == "basic" for c in deck.cards)


def test_aliases_extra_columns_and_key_kind_deck():
    deck = one("Front,Back,notes,key,kind,Tags\nQ1,A1,ignored,k1,fact,\"a, b\"\n")
    card = deck.cards[0]
    assert (card.key, card.question, card.answer, card.kind, card.tags) == (
        "k1", "Q1", "A1", "fact", ("a", "b"))


@pytest.mark.parametrize("sep", ["\t", ";", "|", ","])
def test_separator_is_found_from_the_header(sep):
    deck = one(f"question{sep}answer\nWhy, and how?{sep}Because; that is all\n"
               if sep == "\t" else f"question{sep}answer\n\"Why, and how{sep}?\"{sep}Because\n")
    assert deck.cards[0].answer.startswith("Because")
    assert deck.cards[0].question.startswith("Why, and how")


def test_quoted_fields_span_lines_and_double_their_quotes():
    deck = one('question,answer\n"Two\nlines, one field?","He said ""yes""\n\nand left"\n'
               "Next?,Row\n")
    assert deck.cards[0].question == "Two\nlines, one field?"
    assert deck.cards[0].answer == 'He said "yes"\n\nand left'
    assert deck.cards[1].question == "Next?"


def test_blank_lines_and_empty_spreadsheet_rows_are_skipped():
    deck = one("question,answer,tags\n\nQ1,A1,t\n,,\n\r\nQ2,A2,\n,,\n")
    assert [c.question for c in deck.cards] == ["Q1", "Q2"]


def test_crlf_and_unicode_line_separators():
    deck = one("question,answer\r\nQ1,A\u2028B\r\nQ2,\u0915\u0916 \u20b9 5\u00a0cr\r\n")
    assert [c.answer for c in deck.cards] == ["A\u2028B", "\u0915\u0916 \u20b9 5\u00a0cr"]


def test_classic_mac_line_ends():
    deck = one('question,answer\rQ1,A1\r"Q2\rcontinued",A2\r')
    assert [(c.question, c.answer) for c in deck.cards] == [("Q1", "A1"),
                                                            ("Q2\ncontinued", "A2")]


def test_missing_keys_come_from_the_question_whatever_case_and_spacing():
    first = one("question,answer\nWhat is  the capital?,Paris\nOther?,x\n")
    again = one("question,answer\nOther?,changed\nwhat is the Capital? ,Paris!\n")
    assert first.cards[0].key == again.cards[1].key
    assert first.cards[1].key == again.cards[0].key
    assert first.cards[0].key != first.cards[1].key
    assert first.cards[0].key.startswith("q-")


def test_the_same_question_twice_gets_distinct_stable_keys():
    text = "question,answer\nSame?,one\nSame?,two\nSame?,three\n"
    keys = [c.key for c in one(text).cards]
    assert len(set(keys)) == 3
    assert keys == [c.key for c in one(text).cards]
    assert keys[1] == keys[0] + "-2"


@pytest.mark.parametrize("sep", [",", "\t"])
def test_identical_rows_fold_into_the_first_rows_card(sep):
    rows = ["What is  the capital?", "Paris", "geo"], ["what is the Capital? ", " paris", "x"], \
        ['"WHAT IS THE\nCAPITAL?"', "PARIS", ""]
    deck = one(f"question{sep}answer{sep}tags\n" + "".join(f"{sep.join(r)}\n" for r in rows))
    assert [(c.question, c.answer, c.tags) for c in deck.cards] == [
        ("What is  the capital?", "Paris", ("geo",))]
    assert deck.cards[0].key == question_key("what is the capital?")
    assert deck.duplicates == Duplicates(merged=2)


def test_a_question_with_two_answers_stays_two_cards_and_is_reported():
    text = ("question,answer\nSame?,one\nOther?,x\nsame? ,One\nSAME?,two\n"
            "Other?,y\nOther?,z\n")
    deck = one(text)
    assert [(c.question, c.answer) for c in deck.cards] == [
        ("Same?", "one"), ("Other?", "x"), ("SAME?", "two"), ("Other?", "y"), ("Other?", "z")]
    keys = [c.key for c in deck.cards]
    # numbered by the rows with that question so far, merged rows included (as before)
    assert keys[2] == keys[0] + "-3" and keys[3:] == [keys[1] + "-2", keys[1] + "-3"]
    assert deck.duplicates == Duplicates(merged=1, questions=(
        SameQuestion("Same?", (2, 5)), SameQuestion("Other?", (3, 6, 7))))


def test_rows_with_keys_or_in_other_decks_are_never_merged():
    deck = one("question,answer,key\nQ,A,k1\nQ,A,k2\nQ,A,\nq,a,\n")
    assert [c.key for c in deck.cards][:2] == ["k1", "k2"] and len(deck.cards) == 3
    assert deck.duplicates == Duplicates(merged=1)
    clozes = one("question,answer\n{{c1::x}} and {{c2::y}},\n{{c1::x}}  AND {{c2::y}},\n")
    assert len(clozes.cards) == 2 and clozes.duplicates == Duplicates(merged=1)
    decks = load("question,answer,deck\nQ,A,one\nQ,A,two\n")
    assert [len(d.cards) for d in decks] == [1, 1]
    assert all(d.duplicates == Duplicates() for d in decks)


def test_duplicate_explicit_keys_name_both_lines():
    err = error("question,answer,key\nQ1,A,k\nQ2,A,other\nQ3,A,k\n")
    assert err.where == "line 4"
    assert "duplicate key 'k'" in err.detail and "line 2" in err.detail


def test_anki_export_headers():
    text = ("#separator:tab\n#html:true\n#guid column:1\n#notetype column:2\n"
            "#deck column:3\n#tags column:6\n"
            "g1\tBasic\tPolity\tWhat is <b>Article 21</b>?\tRight to life<br>and liberty\tgs2\n"
            "g2\tBasic\tPolity::Rights\tA &amp; B?\t<div>yes</div>\t\n"
            "g3\tBasic\tPolity\t[bold red]x[/]\tliteral\tgs2 marked\n")
    decks = load(text)
    assert [d.name for d in decks] == ["Polity", "Polity::Rights"]
    polity = decks[0]
    assert [c.key for c in polity.cards] == ["g1", "g3"]
    assert polity.cards[0].question == "What is Article 21?"
    assert polity.cards[0].answer == "Right to life\nand liberty"
    assert polity.cards[1].question == "[bold red]x[/]"
    assert polity.cards[1].tags == ("gs2", "marked")
    assert decks[1].cards[0].question == "A & B?"


def test_anki_cloze_notes_become_one_card_per_deletion():
    text = ("#separator:tab\n#html:true\n#guid column:1\n#tags column:4\n"
            "g1\t{{c1::Delhi}} is the capital; {{c2::Mumbai::city}} the financial hub\t"
            "<i>Both in India</i>\tgeo\n"
            "g2\tThe Constitution came into force in {{c1::1950}}\t\t\n"
            "g3\tPlain question?\tPlain answer\t\n")
    cards = one(text).cards
    assert [(c.key, c.kind, c.question, c.answer) for c in cards] == [
        ("g1:0", "cloze", "[...] is the capital; Mumbai the financial hub",
         "Delhi\n\nBoth in India"),
        ("g1:1", "cloze", "Delhi is the capital; [city] the financial hub",
         "Mumbai\n\nBoth in India"),
        ("g2:0", "cloze", "The Constitution came into force in [...]", "1950"),
        ("g3", "basic", "Plain question?", "Plain answer"),
    ]
    assert cards[0].tags == ("geo",)
    keys = [c.key for c in one("question,answer\n{{c1::x}} and {{c2::y}},\n").cards]
    assert len(keys) == 2 and keys[0].endswith(":0") and keys[1].endswith(":1")
    empty = error("question,answer\n{{c1::}} is empty,\n")  # nothing deleted, no extra
    assert (empty.where, empty.detail) == ("line 2", "empty answer")
    unclosed = error("question,answer\nQ,A\n{{c1::never closed,\n")
    assert (unclosed.where, unclosed.detail) == ("line 3", "a cloze note with no deletion")


def test_anki_headers_by_name_columns_line_global_tags_and_deck():
    text = ("#separator:Comma\n#html:false\n#tags:exam upsc\n#deck:Geography\n"
            "#columns:Tags,Front,Back\n# a plain comment\n"
            "rivers,Longest river?,<i>Ganga</i>\n")
    deck = one(text)
    assert deck.name == "Geography"
    card = deck.cards[0]
    assert (card.question, card.answer) == ("Longest river?", "<i>Ganga</i>")
    assert card.tags == ("exam", "upsc", "rivers")


@pytest.mark.parametrize("header, sep", [("#separator:\t", "\t"), ("#separator: ;", ";"),
                                         ("#separator:Pipe", "|"), ("#separator:|", "|")])
def test_separator_header_by_name_or_character(header, sep):
    deck = one(f"{header}\nQ1{sep}A, with comma{sep}tag\n")
    assert (deck.cards[0].question, deck.cards[0].answer) == ("Q1", "A, with comma")


def test_anki_file_without_columns_is_positional():
    deck = one("#separator:tab\nQ1\tA1\textra field\nQ2\tA2\n")
    assert [(c.question, c.answer) for c in deck.cards] == [("Q1", "A1"), ("Q2", "A2")]


def test_plain_file_needs_a_header_row():
    err = error("What is 2+2?,4\nCapital?,Paris\n")
    assert err.where == "line 1"
    assert "question,answer" in err.detail and "What is 2+2?" in err.detail


def test_unknown_separator_and_bad_column_number():
    assert "unknown separator" in error("#separator:slash\nQ/A\n").detail
    err = error("#separator:tab\n#tags column:zero\nQ\tA\n")
    assert err.where == "line 2" and "column number" in err.detail


@pytest.mark.parametrize("text, where, words", [
    ("question,answer\nQ1,A1\nQ2\n", "line 3", "missing answer (found 1 field)"),
    ("question,answer\nQ1,A1\n,A2\n", "line 3", "empty question"),
    ("question,answer\nQ1,   \n", "line 2", "empty answer"),
    ("question,answer\nQ1,\x1b[2J\x07\n", "line 2", "empty answer"),
    ("question,answer\nQ1,A1,extra\n", "line 2", "3 fields but the header has 2"),
    ('question,answer\nQ1,A1\nQ2,"A2 never closed\nQ3,A3\n', "line 3", "never closed"),
    ('question,answer\nQ1,"A"B\n', "line 2", "malformed row"),
    ("question,answer\n", None, "no cards"),
    ("question,answer,question\nQ,A,Q\n", "line 1", "two columns are named 'question'"),
])
def test_row_errors_name_the_line(text, where, words):
    err = error(text)
    assert err.where == where
    assert words in err.detail


def test_field_size_limit():
    limit = delimited.FIELD_LIMIT
    ok = one(f"question,answer\nQ,{'a' * limit}\n")
    assert len(ok.cards[0].answer) == limit
    for size in (limit + 1, 1_000_000):
        err = error(f"question,answer\nQ1,A1\nQ2,{'a' * size}\n")
        assert err.where == "line 3"
        assert f"limit is {limit:,}" in err.detail or f"limit of {limit:,}" in err.detail


# --- through the dispatcher: format from the content ----------------------


def test_format_comes_from_content_not_extension(tmp_path: Path):
    tsv_named_csv = tmp_path / "polity.csv"
    tsv_named_csv.write_text("question\tanswer\nWhy, then?\tBecause, now\n")
    deck = read_file(tsv_named_csv)[0]
    assert (deck.name, deck.cards[0].answer) == ("polity", "Because, now")

    toml_named_txt = tmp_path / "deck.txt"
    toml_named_txt.write_text('# a deck\n[deck]\nname = "geo"\n\n[[cards]]\nkey = "a"\n'
                              'question = "Q?"\nanswer = "A"\n')
    assert read_file(toml_named_txt)[0].name == "geo"

    csv_named_toml = tmp_path / "cards.toml"
    csv_named_toml.write_text("question,answer\nQ?,A\n")
    assert read_file(csv_named_toml)[0].cards[0].question == "Q?"

    anki_named_toml = tmp_path / "anki.toml"
    anki_named_toml.write_text("#separator:tab\nkey = 1\tA\n")
    assert read_file(anki_named_toml)[0].cards[0].question == "key = 1"


def test_bom_is_fine(tmp_path: Path):
    path = tmp_path / "bom.csv"
    path.write_bytes(b"\xef\xbb\xbfquestion,answer\r\nQ,A\r\n")
    assert read_file(path)[0].cards[0].question == "Q"


def test_deck_name_override_and_one_deck_per_name(tmp_path: Path):
    a, b = tmp_path / "a.csv", tmp_path / "b.csv"
    a.write_text("question,answer\nQ,A\n")
    b.write_text("question,answer\nQ2,A2\n")
    loaded = read_files([a, b])
    assert [(d.name, f) for d, f in loaded.decks] == [("a", str(a.resolve())),
                                                      ("b", str(b.resolve()))]
    assert read_files([a], "Polity").decks[0][0].name == "Polity"
    with pytest.raises(InputError, match="names one deck"):
        read_files([a, b], "Polity")
    (tmp_path / "sub").mkdir()
    a2 = tmp_path / "sub" / "a.csv"
    a2.write_text("question,answer\nQ,A\n")
    with pytest.raises(InputError, match="also comes from"):
        read_files([a, a2])


# --- property: whatever a spreadsheet writes, we read back -----------------

_PLAIN = st.text(st.characters(blacklist_categories=("Cs", "Cc"),
                               whitelist_characters='\n\t",;|'), min_size=1, max_size=40)
# Often a formula start, or a start that looks like the guard of one (`'=`, `''-`)
_STARTS = ("=", "-", "@", "\t", "'", "'=", "'+", "'\t", "''-", "'''@", " '=")
_TEXT = st.one_of(_PLAIN, st.builds(str.__add__, st.sampled_from(_STARTS), _PLAIN))
_TAG = st.from_regex(r"[a-z0-9][a-z0-9:_-]{0,8}", fullmatch=True)


def _cards(rows: list[tuple[str, str, list[str]]]) -> list[tuple[str, str, tuple]]:
    """The cards of rows: one per row, but none for a row that repeats an earlier row's
    question and answer (case and runs of whitespace ignored)."""
    seen: set[tuple[str, ...]] = set()
    cards = []
    for q, a, tags in rows:
        same = tuple(" ".join(clean(t).split()).casefold() for t in (q, a))
        if same not in seen:
            seen.add(same)
            cards.append((q.strip(), a.strip(), tuple(tags)))
    return cards


@settings(max_examples=150, deadline=None)
@given(rows=st.lists(st.tuples(_TEXT, _TEXT, st.lists(_TAG, max_size=3)), min_size=1,
                     max_size=12),
       again=st.lists(st.tuples(st.integers(0, 11), st.sampled_from([str.upper, str.lower])),
                      max_size=4),
       sep=st.sampled_from([",", "\t", ";"]), crlf=st.booleans())
def test_any_csv_a_writer_makes_reads_back(rows, again, sep, crlf):
    """Any text, written with the spreadsheet guard as our export writes it, reads back;
    rows repeated (in another case) fold into the first one's card."""
    for i, case in again:
        question, answer, _ = rows[i % len(rows)]
        rows.append((case(question), case(answer), []))
    assume(all(q.strip() and a.strip() for q, a, _ in rows))
    buf = io.StringIO()
    writer = csv.writer(buf, delimiter=sep, lineterminator="\r\n" if crlf else "\n")
    writer.writerow(["question", "answer", "tags"])
    for question, answer, tags in rows:
        writer.writerow([spreadsheet_safe(question), spreadsheet_safe(answer), " ".join(tags)])
    decks = delimited.loads(buf.getvalue(), "prop.csv", "prop")
    assert len(decks) == 1
    got = [(c.question, c.answer, c.tags) for c in decks[0].cards]
    assert got == _cards(rows)
    assert decks[0].duplicates.merged == len(rows) - len(got)
    assert len({c.key for c in decks[0].cards}) == len(got)


def test_spreadsheet_guard_is_undone_and_export_columns_are_understood():
    """Our cards export (and Excel) write `'=...` so spreadsheets do not run formulas."""
    text = ("deck,card_key,question,answer,tags,kind,due\r\n"
            "Polity,'-k1,'=SUM(A1),'+91 is India's code,'@home,fact,2026-03-02\r\n"
            "Polity,k2,'Tis the season?,'-5 degrees,,,\r\n")
    cards = one(text).cards
    assert [(c.key, c.question, c.answer, c.tags, c.kind) for c in cards] == [
        ("-k1", "=SUM(A1)", "+91 is India's code", ("@home",), "fact"),
        ("k2", "'Tis the season?", "-5 degrees", (), "basic"),
    ]
    assert one(text).name == "Polity"


@pytest.mark.parametrize("cell, text", [
    ("'=x", "=x"), ("''=x", "'=x"), ("'''-x", "''-x"), ("'-) is a wink", "-) is a wink"),
    ("''-) is a wink", "'-) is a wink"), ("'\tx", "\tx"), ("'hello", "'hello"),
    ("''hello", "''hello"), ("''", "''"), ("'", "'"), ("=x", "=x"), ("", "")])
def test_unguard_takes_one_apostrophe_from_any_run_before_a_formula_start(cell, text):
    assert delimited.unguard(cell) == text


@given(st.lists(st.text(alphabet=st.characters(max_codepoint=0x7F), max_size=12),
                min_size=1, max_size=6))
@settings(max_examples=300, deadline=None)
def test_a_plain_ascii_file_says_which_of_its_parts_are_printable(parts):
    """The import's fast check (domain.text.plain_ascii): in an ASCII text with no control
    character but tab, newline and CR, a part is printable exactly when it holds none of
    those three, as str.isprintable would say."""
    from flashcards.domain.text import plain_ascii

    text = "".join(parts)
    assert plain_ascii(text) == all(c.isprintable() or c in "\t\n\r" for c in text)
    if plain_ascii(text):
        for part in parts:
            assert part.isprintable() == (not any(c in part for c in "\t\n\r"))


@pytest.mark.parametrize(("extra", "red", "fast"), [
    ("", "red text", True),
    ("", "red \x1b[31mtext\x1b[0m", False),
    ("caf\u00e9", "red text", False),
], ids=["ascii", "ascii-with-escape", "unicode"])
def test_rows_with_newlines_and_tabs_read_the_same_on_both_paths(extra, red, fast):
    """A quoted multi-line answer and a quoted tab: the ASCII fast path (domain.text.
    plain_ascii) and the str.isprintable path give the same cards (an escape code is kept
    here: the import cleans it, service.importing.clean_draft)."""
    from flashcards.domain.text import plain_ascii

    text = ("question\tanswer\n"
            f'Q1{extra}\t"two\nlines"\n'
            f'"Q2\twith tab"\tA2{extra}\n'
            f"Q3\t{red}{extra}\n")
    assert plain_ascii(text) == fast
    cards = one(text).cards
    assert [c.answer for c in cards] == ["two\nlines", f"A2{extra}", f"{red}{extra}"]
    assert [c.question for c in cards] == [f"Q1{extra}", "Q2\twith tab", "Q3"]
    assert cards[0].key == question_key(f"Q1{extra}")


@given(st.text())
@settings(max_examples=500, deadline=None)
def test_a_question_key_is_the_hash_of_its_normal_form(text):
    """question_key skips the split and join a printable text without double or end
    spaces does not need: the key is still the hash of `normal` (keys never change)."""
    import hashlib

    from flashcards.formats.row_keys import normal

    want = "q-" + hashlib.blake2b(normal(text).encode(), digest_size=8).hexdigest()
    assert question_key(text) == want
    if text.isprintable():
        assert question_key(text, printable=True) == want


def test_html_entities_are_checked_after_they_become_text():
    """An ASCII file with `#html:true`: "&#x2028;" becomes a line separator, which is not
    printable and is whitespace to the key, as on every other path."""
    from flashcards.formats.row_keys import normal

    text = "#separator:tab\n#html:true\nWhat&nbsp;is&#x2028;<b>this</b>?\tA&nbsp;B\n"
    (card,) = one(text).cards
    import hashlib

    assert card.key == "q-" + hashlib.blake2b(normal(card.question).encode(),
                                              digest_size=8).hexdigest()
