"""The deck builder on the seed article: the cards a teacher would write, stable keys,
the quality gate and clear errors for unusable input. Answers are asserted exactly,
questions only for what they must name (their wording is tuned often); what builder 3
does not yet ask is in `xfail(strict=True)` tests."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from flashcards.builder import build_deck, syllabus_tags
from flashcards.builder.language import base_form, norm, slug
from flashcards.domain import CardDraft, DeckDraft
from flashcards.domain.errors import InputError
from flashcards.formats import deckfile

from conftest import ROOT, at

SEED = ROOT / "seeds" / "india-south-korea-defence.txt"
SEED_TEXT = SEED.read_text(encoding="utf-8")
CHALLENGES = ["Reassessment of India's Role", "Overemphasis on Acquisition and Sales"]
OPPORTUNITIES = ["Geopolitical Dynamics", "Technology Collaboration", "Maritime Security",
                 "Counter Terrorism", "United Nations Peacekeeping", "Joint Military Exercises"]


@pytest.fixture(scope="module")
def seed() -> DeckDraft:
    return build_deck(SEED_TEXT, "india-south-korea-defence.txt").deck


def by_answer(deck: DeckDraft, answer: str) -> list[CardDraft]:
    return [c for c in deck.cards if c.answer == answer]


def test_seed_has_the_facts_the_issue_names(seed):
    (year,) = by_answer(seed, "2020")
    (ordinal,) = by_answer(seed, "50th")
    for card in (year, ordinal):
        assert card.kind == "fact" and card.source.section == "Relations Overview"
        assert (card.source.line_start, card.source.line_end) == (9, 9)
    assert "Roadmap for Defense Industries Cooperation" in year.question
    assert "anniversary" in ordinal.question


@pytest.mark.parametrize("answer", [
    pytest.param("Korea Plus initiative"),
    "To increase Korean investments in India",
])
def test_seed_asks_about_the_korea_plus_initiative(seed, answer):
    (card,) = by_answer(seed, answer)
    assert card.source.section == "Relations Overview"
    assert (card.source.line_start, card.source.line_end) == (9, 9)


def test_seed_covers_every_challenge_and_opportunity_both_ways(seed):
    lines = SEED_TEXT.splitlines()
    for section, kind, titles, numbers in [
        ("challenges", "challenge", CHALLENGES, range(13, 15)),
        ("opportunities", "opportunity", OPPORTUNITIES, range(18, 24)),
    ]:
        for title, line in zip(titles, numbers, strict=True):
            key = f"{section}/{slug(title, 6)}"
            (forward,) = [c for c in seed.cards if c.key == f"{key}/explain"]
            (backward,) = [c for c in seed.cards if c.key == f"{key}/identify"]
            assert forward.kind == backward.kind == kind
            assert f"\u201c{title}\u201d" in forward.question
            explanation = lines[line - 1].split(":**", 1)[1].strip()
            assert forward.answer == explanation  # all under 35 words: whole
            assert backward.answer == title and by_answer(seed, title) == [backward]
            assert f" {norm(title)} " not in f" {norm(backward.question)} "
            for card in (forward, backward):
                assert (card.source.line_start, card.source.line_end) == (line, line)
        (names,) = [c for c in seed.cards if c.key == f"{section}/all"]
        assert names.answer == "\n".join(f"{n}. {t}" for n, t in enumerate(titles, 1))
        assert (names.source.line_start, names.source.line_end) == (numbers[0], numbers[-1])
    assert [c.key for c in seed.cards if c.kind == "list"] == ["challenges/all",
                                                               "opportunities/all"]
    assert {c.source.section for c in seed.cards if c.key.endswith("/explain")} == {
        "Challenges in Defense Relations", "Opportunities in Defense Relations"}


def test_seed_other_facts_and_way_forward(seed):
    (roadmap,) = by_answer(seed, "Roadmap for Defense Industries Cooperation")
    assert roadmap.kind == "fact" and roadmap.source.line_start == 9
    (chief,) = by_answer(seed, "Indian Army Chief")
    assert chief.kind == "fact" and chief.source.line_start == 7
    (forward,) = by_answer(seed, "A strategic approach based on shared visions, technological "
                                 "partnerships, and adapting to evolving global dynamics")
    assert forward.kind == "way-forward"
    assert forward.source.section == "The Way Forward" and forward.source.line_start == 25


@pytest.mark.xfail(strict=True, reason="builder 3: what the strategic approach is based on "
                   "(\u201cshared visions, technological partnerships, and adapting to evolving "
                   "global dynamics\u201d) is asked by no card")
def test_seed_asks_what_the_way_forward_is_based_on(seed):
    (card,) = by_answer(seed, "shared visions, technological partnerships, and adapting to "
                              "evolving global dynamics")
    assert card.kind == "fact"


def test_seed_deck_metadata_and_tags(seed):
    assert seed.name == "india-south-korea-defence"
    assert seed.source == "india-south-korea-defence.txt"
    assert seed.meta["syllabus"].startswith("GS paper2 \u2013 International relation")
    assert seed.meta["title"] == "Reigniting the flame of India-South Korea defence cooperation"
    assert all(c.tags == ("gs2", "international-relations") for c in seed.cards)
    assert all(c.source.file == seed.source for c in seed.cards)


def test_every_card_is_sound(seed):
    lines = SEED_TEXT.splitlines()
    keys = [c.key for c in seed.cards]
    assert len(set(keys)) == len(keys)
    for card in seed.cards:
        assert norm(card.answer) not in norm(card.question), card.key
        assert card.question.strip() and card.answer.strip()
        assert not re.search(r"\s[,.;:?!]", card.question.replace(" ____", "")), card.key
        assert len(card.answer.split()) <= 35 or card.kind == "list", card.key
        span = lines[card.source.line_start - 1:card.source.line_end]
        if card.kind == "fact":  # the answer is taken from the source sentence
            assert norm(card.answer) in norm(" ".join(span)), card.key
            assert len(card.answer.split()) <= 12, card.key
    assert build_deck(SEED_TEXT, "india-south-korea-defence.txt").warnings == []


_BUILD = ("import sys\n"
          "from pathlib import Path\n"
          "from flashcards.builder import build_deck\n"
          "from flashcards.formats import deckfile\n"
          "for name in sys.argv[1:]:\n"
          "    path = Path(name)\n"
          "    deck = build_deck(path.read_text(encoding='utf-8'), path.name).deck\n"
          "    sys.stdout.write(deckfile.dumps(deck))\n")


def test_build_gives_the_same_bytes_in_every_process():
    """Building the same article always gives the same deck file. Two builds in one
    process would agree even if the output followed the order of a set of strings, which
    changes from process to process (hash randomisation): so each build runs in its own
    interpreter, under different hash seeds."""
    import os
    import subprocess
    import sys

    articles = [str(SEED), *sorted(str(p) for p in (ROOT / "tests" / "articles").iterdir()
                                   if p.is_file())]
    outputs = {subprocess.run([sys.executable, "-c", _BUILD, *articles], check=True,
                              capture_output=True, text=True,
                              env={**os.environ, "PYTHONHASHSEED": seed}).stdout
               for seed in ("1", "2", "3")}
    assert len(outputs) == 1 and "[[cards]]" in outputs.pop()


def test_keys_survive_edits_to_explanations_and_facts():
    before = build_deck(SEED_TEXT, "s.txt").deck
    edited = SEED_TEXT.replace(
        "South Korea has been slow in redefining its perception of India",
        "Seoul has been slow to update how it sees India").replace(
        "the 50th anniversary", "the 51st anniversary").replace("in 2020", "in 2021")
    after = build_deck(edited, "s.txt").deck
    assert [c.key for c in after.cards] == [c.key for c in before.cards]
    changed = {c.key for c in after.cards} - {
        c.key for c, d in zip(after.cards, before.cards, strict=True) if c == d}
    assert "challenges/reassessment-of-indias-role/explain" in changed
    assert {c.answer for c in after.cards} >= {"51st", "2021"}


def test_rebuilt_card_keeps_its_history(store):
    from flashcards import service

    now = at("2026-03-02T09:00:00+00:00")
    today = now.date()
    deck = build_deck(SEED_TEXT, "seed.txt").deck
    service.import_decks(store, [(deck, "seed.toml")], now)
    queue = service.build_queue(store, [deck.name], today, new_per_day=100)
    key = "challenges/reassessment-of-indias-role/explain"
    (card,) = [c for c in queue.cards if c.key == key]
    service.answer(store, card.card_id, 5, now, today)

    edited = SEED_TEXT.replace("hindering deeper strategic ties", "which blocks closer ties")
    rebuilt = build_deck(edited, "seed.txt").deck
    (plan,) = service.import_decks(store, [(rebuilt, "seed.toml")], now)
    # the identify card shows the explanation too, and the blank on "Cold War" quotes
    # the sentence: both change with it
    identify = key.replace("/explain", "/identify")
    quoted = "challenges/name-ally-soviet-bloc"
    assert sorted(plan.updated) == [quoted, key, identify] and not plan.added \
        and not plan.retired
    later = service.build_queue(store, [deck.name], today.replace(day=3), new_per_day=100)
    (again,) = [c for c in later.cards if c.key == key]
    assert again.card_id == card.card_id
    assert again.answer.endswith("which blocks closer ties.")
    assert again.state.repetitions == 1 and again.state.last_review == today


@pytest.mark.parametrize(("text", "words"), [
    ("", "empty"),
    ("  \n\t\n \u00a0 \r\n", "empty"),
    ("Just one plain sentence without any structure at all.", "no recognisable structure"),
    ("Some prose.\n\nMore prose about nothing in particular, written in 2020.\n",
     "no recognisable structure"),
])
def test_unusable_articles_get_a_clear_error(text, words):
    with pytest.raises(InputError) as info:
        build_deck(text, "notes/bad.txt")
    assert info.value.path == "notes/bad.txt" and words in info.value.detail


def test_structure_without_cards_is_an_error():
    with pytest.raises(InputError) as info:
        build_deck("Challenges:\n\nNothing to see here\n", "x.txt")
    assert "no cards" in info.value.detail


def test_the_gate_cuts_long_answers_and_drops_duplicate_or_leaky_cards():
    long_item = " ".join(["word"] * 70)
    text = ("Challenges:\n\n"
            f"1. **Long one:** {long_item}.\n"
            "2. **Water:** Water is scarce.\n"
            "3. **Water:** Water is scarce.\n"
            "4. **Water scarcity:** Water scarcity hurts farmers in dry districts every "
            "summer.\n")
    result = build_deck(text, "w.txt")
    cards = {c.key: c for c in result.deck.cards}
    assert result.warnings == []
    # a 70-word explanation is cut, not dropped
    assert 0 < len(cards["challenges/long-one/explain"].answer.split()) <= 35
    assert all(len(c.answer.split()) <= 35 for c in cards.values() if c.kind != "list")
    # the second "Water" is a duplicate of the first: dropped, and said why
    assert cards["challenges/water/explain"].source.line_start == 4
    (twin,) = [d for d in result.dropped if d.lines == (5, 5)]
    assert twin.key == "challenges/water/explain" and twin.answer == "Water is scarce."
    assert any("challenges/water/explain" in reason for reason in twin.reasons)
    # the builder blanks a title its own explanation repeats, so nothing leaks from items
    identify = cards["challenges/water-scarcity/identify"]
    assert identify.answer == "Water scarcity" and "____" in identify.question
    assert "water" not in identify.question.lower()
    for card in cards.values():
        assert f" {norm(card.answer)} " not in f" {norm(card.question)} ", card.key


def test_leak_check_catches_a_leaking_card():
    from flashcards.builder import gate

    reasons = gate.judge("Which year, 2020 or 2021?", "2020", finite_verb=True,
                         unresolved=(), expansions={})
    assert "the answer is in the question" in reasons
    assert gate.gives_away("Which year did it start?", "2020", {}) is None
    assert gate.gives_away("When did the NGT start?", "National Green Tribunal",
                           {"NGT": "National Green Tribunal"})
    assert gate.judge("Which year did it start?", "2020", finite_verb=True,
                      unresolved=["it"], expansions={})


@pytest.mark.parametrize(("line", "tags"), [
    ("GS paper2 \u2013 International relation- Bilateral groupings",
     ("gs2", "international-relations")),
    ("GS Paper 3 - Indian Economy - growth", ("gs3", "indian-economy")),
    ("GS-III: Science and Technology", ("gs3", "science-and-technology")),
    ("General Studies", ("general-studies",)),
    (None, ()),
])
def test_syllabus_tags(line, tags):
    assert syllabus_tags(line) == tags


@pytest.mark.parametrize(("word", "base"), [
    ("endorsed", "endorse"), ("celebrated", "celebrate"), ("signed", "sign"),
    ("agreed", "agree"), ("visited", "visit"), ("planned", "plan"), ("ratified", "ratify"),
    ("announced", "announce"), ("held", "hold"), ("aims", "aim"), ("focuses", "focus"),
    ("acquired", "acquire"), ("launched", "launch"), ("developed", "develop"),
])
def test_base_forms(word, base):
    assert base_form(word) == base


def test_article_path_is_only_a_name(tmp_path: Path):
    deck = build_deck(SEED_TEXT, str(tmp_path / "x" / "my-notes.md"), source="../a.md").deck
    assert deck.name == "my-notes" and deck.source == "../a.md"
    assert all(c.source.file == "../a.md" for c in deck.cards)


_PIECES = st.sampled_from([
    "Challenges:", "\n", "\n\n", "1. ", "- ", "* ", "**", ":", " ", "Title", "word", "In 2020",
    "the 5th", "\u20b950 crore", "12%", "## ", "Way Forward:", "  - ", "The Korea Plus initiative",
    " aims to ", "India", " signed ", " and ", ",", ".", "\r\n", "\u00a0", "Source: x", "\u2019",
    "\u2014", "`", "[a](b)", "<b>", "\t", "Background", "    code", "> ", "---", "\x1b[1m",
])


@settings(max_examples=200, deadline=None)
@given(st.lists(_PIECES | st.text(max_size=5), max_size=50).map("".join))
def test_any_text_gives_a_valid_deck_or_a_clear_error(text):
    try:
        deck = build_deck(text, "f.txt").deck
    except InputError as exc:
        assert exc.path == "f.txt" and "\n" not in str(exc)
        return
    assert deck.cards
    assert deckfile.loads(deckfile.dumps(deck), "x.toml") == deck


def test_a_title_of_separators_alone_names_nothing():
    """Found by test_fuzz (a mutated seed whose first line became "|"): the label comes
    from the file name instead of an IndexError."""
    deck = build_deck("|\n\nChallenges:\n- Funding is short.\n- Staff are few.\n",
                      "note.txt").deck
    assert deck.cards and all(c.question.startswith("Note: ") for c in deck.cards)
