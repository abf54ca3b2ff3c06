"""Findings of the second review of round 25 (audits/2026-12-builder-42-round-25/
after-fixes/), on the decks builder 43 made of the same five articles. Each test failed
on builder 43."""

from __future__ import annotations

from test_builder_audit import cards

HELD = ("KESAVANANDA BHARATI v. STATE OF KERALA (1973)\n\n"
        "Background\n\n"
        "The Supreme Court heard the case for 68 days.\n\n"
        "What the Court held\n\n"
        "1. Golaknath (1967) was overruled.\n"
        "2. The 24th Amendment was valid. Parliament can amend any provision.\n"
        "3. However, the power to amend does not include the power to destroy or alter the "
        "\"basic structure\" of the Constitution. This was the majority's key finding.\n")


def test_a_judgments_untitled_holdings_are_asked_whole():
    # r26-kesavananda-bharati (item without a card): "the power to amend does not include
    # the power to ... alter the basic structure", the central holding, had no card
    deck = cards(HELD, "k.txt")
    held = {c.question: c.answer for c in deck if "what did the Court hold about" in c.question}
    assert any(q.endswith("about the power to amend?") and a.startswith(
        "The power to amend does not include") for q, a in held.items()), \
        [c.question for c in deck]
    assert any(q.endswith("about Golaknath (1967)?") for q in held), list(held)


LION = ("Asiatic lion\n\n"
        "Why in news\n\n"
        "Only 384 lions were inside the Gir National Park and Wildlife Sanctuary.\n\n"
        "Conservation measures\n\n"
        "* Supreme Court order: In April 2013, the Court ordered some lions to be translocated "
        "to Kuno-Palpur in Madhya Pradesh.\n"
        "* Project Lion: Announced by the Prime Minister on 15 August 2020.\n")


def test_a_court_orders_text_is_not_blanked_for_its_title():
    # r26-asiatic-lion (BROKEN): "which measure is described here: 'the ____ some lions
    # to be translocated'" -> "Supreme Court order" ("Court ordered" blanked as one)
    deck = cards(LION, "lion.txt")
    assert not [c for c in deck if "____ some lions" in c.question], \
        [c.question for c in deck]
    assert [c for c in deck if c.answer == "April 2013"]


def test_only_is_no_part_of_a_figure():
    # r26-asiatic-lion (WEAK): "how many lions were inside ...?" -> "Only 384"
    deck = cards(LION, "lion.txt")
    assert [c for c in deck if c.answer == "384"], [c.answer for c in deck]


SPACE = ("Space reforms\n\n"
         "For most of its history, India's space programme was run by a single agency. The "
         "Indian Space Research Organisation designed the rockets and ran the launch pads. "
         "That changed in June 2020, when the Union Cabinet opened the sector to private "
         "companies.\n\n"
         "Challenges\n\n"
         "Liability for damage is a real issue, because the state is responsible for "
         "national activities in space. An investor wants to know who carries the risk and "
         "which forum settles disputes. Guidelines cannot answer those questions with the "
         "certainty a statute gives.\n\n"
         "Way forward\n\n"
         "The government should pass a space activities law.\n")


def test_a_concern_that_leans_on_the_sentence_before_is_not_asked():
    # r26-space-reforms (BROKEN): "what is the concern about guidelines?" -> "Guidelines
    # cannot answer those questions ...": which questions?
    deck = cards(SPACE, "space.txt")
    assert not [c for c in deck if "those questions" in c.answer], \
        [c.answer for c in deck]


NFSA = ("# National Food Security Act\n\nThe Act is one of the largest food schemes in the "
        "world.\n\n## Why does it matter?\n\n"
        "- **One Nation One Ration Card (ONORC)** began as a pilot in August 2019 and "
        "covered all 36 states and UTs by 2022. Migrant workers can draw their ration at any "
        "fair price shop in the country.\n")


def test_a_name_that_opens_with_a_number_word_keeps_its_capital():
    # r26-nfsa-pds (WEAK): "by when did one Nation One Ration Card cover ...?"
    deck = cards(NFSA, "n.md")
    moved = [c.question for c in deck if "Nation One Ration Card cover" in c.question]
    assert moved and all("One Nation One Ration Card" in q for q in moved), moved
