"""Findings of the thirteenth card audit (audits/2026-12-builder-18-round-13/), on four
articles in layouts no earlier round had: a topic-in-brief note, a Supreme Court judgment
summary, a places-in-news note, an index report. One small article each; each test failed
on the builder that was audited (builder 18)."""

from __future__ import annotations

from flashcards.builder import build_deck
from test_builder_audit import cards

PLACES = (
    "PLACES IN NEWS: Map-Based Revision Notes (Chokepoints and Conflict Zones)\n\n"
    "PANAMA CANAL \u2013 This canal, about 82 km long, cuts across the Isthmus of Panama to "
    "link the Atlantic Ocean with the Pacific Ocean. It opened in 1914.\n\n"
    "KURSK \u2013 Kursk Oblast is a region of western Russia bordering Ukraine's Sumy "
    "region, and was the site of the 1943 Battle of Kursk. On 6 August 2024 Ukraine "
    "launched a surprise cross-border incursion into the region.\n\n"
    "JOSHIMATH \u2013 Joshimath is a Himalayan town in Chamoli district of Uttarakhand. In "
    "January 2023 hundreds of houses developed cracks as the ground subsided.\n")


def test_each_place_in_news_is_its_own_label():
    # r14-places-in-news: the place headings were lost ("when did hundreds of houses develop
    # cracks?", "PLACES IN NEWS: ..."), and "This canal" became "The Panama Canal canal"
    deck = cards(PLACES)
    by_answer = {c.answer: c.question for c in deck}
    assert by_answer["January 2023"].startswith("Joshimath: "), by_answer
    assert by_answer["about 82 km"].startswith("Panama Canal: ")
    assert not [q for q in by_answer.values() if "canal canal" in q.lower()
                or q.startswith("PLACES IN NEWS")]


def test_the_region_is_not_the_other_region():
    # r14-places-in-news (WRONG x3): "Ukraine launched a surprise cross-border incursion
    # into the region" (Kursk) was quoted "... into the Sumy region"
    deck = cards(PLACES)
    assert not [c for c in deck if "incursion into the Sumy region" in c.question]


JUDGMENT = (
    "Sita Soren v. Union of India (2024)\n\n"
    "Bench: Seven-judge Constitution Bench\n"
    "Date of judgment: 4 March 2024\n\n"
    "Facts of the case\n"
    "Sita Soren was a Jharkhand Mukti Morcha member of the Jharkhand Legislative Assembly. "
    "The Jharkhand High Court refused to quash the proceedings on 17 February 2014.\n\n"
    "Issues before the Court\n"
    "(i) Does the power of the House to punish its members exclude the jurisdiction of "
    "criminal courts?\n"
    "(ii) Can a legislator claim immunity under Article 105(2) for taking a bribe?\n\n"
    "Held\n"
    "1. The majority judgment in P.V. Narasimha Rao was overruled.\n"
    "2. The Court found that the question had wide ramifications for probity in public "
    "life.\n"
    "3. Bribery is not protected by Articles 105 or 194.\n")


def test_a_judgments_issues_are_no_concerns_and_its_questions_no_claims():
    # r14-sita-soren (WRONG): "(iv) Does the power of the House ... exclude ...?" became a
    # concern answered with the claim the Court rejected
    deck = cards(JUDGMENT)
    assert not [c for c in deck if c.kind == "challenge"], [(c.kind, c.question) for c in deck]
    assert not [c for c in deck if "Does" in c.question.split(": ", 1)[-1]]


def test_the_court_is_not_the_high_court_named_before():
    # r14-sita-soren (WRONG x2): the Supreme Court's finding given to the Jharkhand High
    # Court ("the Court" resolved to the only court named)
    deck = cards(JUDGMENT)
    assert not [c for c in deck if "High Court find" in c.question
                or "Jharkhand High Court found" in c.question]


def test_a_judgments_headings_and_provisions_are_read_whole():
    # r14-sita-soren (BROKEN): "Facts of the case Sita Soren was a ____"; "Articles 105"
    # for "Articles 105 or 194"
    result = build_deck(JUDGMENT, "soren.txt")
    deck = result.deck.cards
    assert not [c for c in deck if "Facts of the case Sita" in c.question]
    answers = [c.answer for c in deck]
    assert "Articles 105" not in answers
    assert "Articles 105 or 194" in answers, answers


def test_topic_in_brief_is_no_label():
    # r14-groundwater-depletion (19 WEAK): every question read "Topic in Brief: ..."
    deck = cards("# Topic in Brief: Groundwater Depletion in India\n\n### Introduction\n\n"
                 "India extracts about 245 billion cubic metres of groundwater a year, and "
                 "about 87% of it goes to irrigation.\n")
    assert deck and all(c.question.startswith("Groundwater Depletion in India: ")
                        for c in deck), [c.question for c in deck]


def test_a_syllabus_line_in_capitals_is_no_places_entry():
    # builder 19's own check: "GS PAPER 2 – Polity ..." (eight words after the dash) was
    # read as an entry titled "Gs Paper 2"
    deck = cards("Anti-defection law\n\nGS PAPER 2 \u2013 Polity and Governance: Parliament and "
                 "State Legislatures, their structure and functioning\n\nThe Tenth Schedule "
                 "was added by the 52nd Amendment Act in 1985.\n\nChallenges:\n\n1. **Speaker's "
                 "delays:** Decisions on disqualification petitions are often delayed.\n")
    assert deck and not [c for c in deck if "Gs Paper" in c.question or "GS PAPER" in
                         c.question], [c.question for c in deck]
