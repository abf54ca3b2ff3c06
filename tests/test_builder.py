"""The deck builder on the seed article: the cards a teacher would write, stable keys,
quality warnings and clear errors for unusable input."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from flashcards.builder import build_deck, syllabus_tags
from flashcards.builder.language import base_form, norm
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
    assert year.question == ("In which year did India and South Korea endorse a Roadmap for "
                             "Defense Industries Cooperation?")
    (ordinal,) = by_answer(seed, "50th")
    assert ordinal.question == ("Which anniversary of diplomatic ties did India and South "
                                "Korea celebrate?")
    (initiative,) = by_answer(seed, "The Korea Plus initiative")
    assert initiative.question == "Which initiative aims to increase Korean investments in India?"
    for card in (year, ordinal, initiative):
        assert card.kind == "fact" and card.source.section == "Relations Overview"
        assert (card.source.line_start, card.source.line_end) == (9, 9)


def test_seed_covers_every_challenge_and_opportunity_both_ways(seed):
    assert len(seed.cards) >= 25
    for kind, noun, titles, lines in [
        ("challenge", "challenge", CHALLENGES, range(13, 15)),
        ("opportunity", "opportunity", OPPORTUNITIES, range(18, 24)),
    ]:
        for title, line in zip(titles, lines, strict=True):
            forward = [c for c in seed.cards if c.kind == kind and f"\u201c{title}\u201d" in
                       c.question]
            backward = by_answer(seed, title)
            assert len(forward) == 1 and len(backward) == 1, title
            assert forward[0].question.startswith(
                f"In India-South Korea defence cooperation, what is meant by the {noun}")
            assert backward[0].question.startswith(
                f"In India-South Korea defence cooperation, which {noun} is described here")
            explanation = SEED_TEXT.splitlines()[line - 1].split(":**", 1)[1].strip()
            assert forward[0].answer == explanation
            for card in (forward[0], backward[0]):
                assert (card.source.line_start, card.source.line_end) == (line, line)
        (names,) = [c for c in seed.cards if c.key == f"{kind.replace('y', 'ie')}s/all"
                    or c.key == f"{kind}s/all"]
        assert names.answer == "\n".join(f"{n}. {t}" for n, t in enumerate(titles, 1))
    assert [c.question for c in seed.cards if c.kind == "list"] == [
        "Name the two challenges in India-South Korea defence cooperation.",
        "Name the six opportunities in India-South Korea defence cooperation."]


def test_seed_other_facts_and_way_forward(seed):
    answers = {c.answer: c for c in seed.cards}
    assert "Roadmap for Defense Industries Cooperation" in answers
    assert answers["Roadmap for Defense Industries Cooperation"].question == \
        "Which roadmap did India and South Korea endorse in 2020?"
    assert "Indian Army Chief" in answers
    assert answers["To increase Korean investments in India"].question == \
        "What does the Korea Plus initiative aim to do?"
    (forward,) = [c for c in seed.cards if c.kind == "way-forward"]
    assert forward.answer == ("A strategic approach based on shared visions, technological "
                              "partnerships, and adapting to evolving global dynamics")
    assert "crucial for a robust and enduring defense relationship" in forward.question
    assert answers["shared visions, technological partnerships, and adapting to evolving "
                   "global dynamics"].kind == "fact"


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

    articles = [str(SEED), *sorted(str(p) for p in (ROOT / "tests" / "articles").iterdir())]
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
    assert plan.updated == [key] and not plan.added and not plan.retired
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


def test_quality_warnings_for_long_leaky_or_duplicate_cards():
    long_item = " ".join(["word"] * 70)
    text = ("Challenges:\n\n"
            f"1. **Long one:** {long_item}.\n"
            "2. **Water:** Water is scarce.\n"
            "3. **Water:** Water is scarce.\n")
    result = build_deck(text, "w.txt")
    warnings = "\n".join(result.warnings)
    assert "challenges/long-one/explain: the answer is long (70 words)" in warnings
    assert "duplicates card challenges/water/explain" in warnings
    # the builder blanks a title its own clause repeats, so nothing leaks from items
    identify = [c for c in result.deck.cards if c.key == "challenges/water/identify"]
    assert identify[0].question.endswith("\u201c____ is scarce\u201d?")
    assert "gives away its answer" not in warnings


def test_leak_check_catches_a_leaking_card():
    from flashcards.builder import quality

    leaky = CardDraft("k", "Which year, 2020 or 2021?", "2020")
    assert quality.check([leaky]) == ["k: the question gives away its answer \u201c2020\u201d"]


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
