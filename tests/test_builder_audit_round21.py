"""Findings of the twenty-first card audit (audits/2026-12-builder-33-round-21/), on four
unseen articles in common layouts. Each test failed on builder 33."""

from __future__ import annotations

from test_builder_audit import cards

TRIBUNALS = (
    "Tribunals in India\n\n"
    "Tribunals are quasi-judicial bodies set up to decide specialised disputes.\n\n"
    "Landmark judgments:\n"
    "S.P. Sampath Kumar v. Union of India (1987): The Supreme Court upheld the "
    "Administrative Tribunals Act, treating tribunals as an effective substitute for the "
    "High Courts in service matters.\n"
    "L. Chandra Kumar v. Union of India (1997): A seven-judge Constitution Bench held that "
    "judicial review is part of the basic structure. Decisions of tribunals are subject to "
    "scrutiny by a Division Bench of the High Court concerned.\n"
    "Madras Bar Association cases: In a series of judgments the Court stressed that "
    "tribunals must be independent of the executive.\n\n"
    "Reforms needed:\n"
    "National Tribunals Commission: An independent body to oversee appointments and "
    "administration of all tribunals, as repeatedly suggested by the Supreme Court.\n"
    "Security of tenure: Longer fixed terms would attract talent and protect "
    "independence.\n")


def test_case_lines_are_items_of_their_own():
    # r22-tribunals (facts missed, WRONG x2): three "Case (year): text" lines read as one
    # item, so "the Court" of the third was the High Court named in the second
    deck = cards(TRIBUNALS)
    assert [c for c in deck if c.answer == "L. Chandra Kumar v. Union of India (1997)"], \
        [(c.question, c.answer) for c in deck]
    assert not [c.question for c in deck if "High Court stress" in c.question]


def test_a_measure_proposed_by_another_body_is_no_recommender():
    # r22-tribunals (WRONG x2): "what did the National Tribunals Commission recommend?",
    # "who recommended this: 'An independent body ..., as suggested by the Supreme Court'"
    deck = cards(TRIBUNALS)
    assert not [c.question for c in deck if "Tribunals Commission recommend" in c.question
                or (c.answer == "National Tribunals Commission"
                    and "recommended this" in c.question)], [c.question for c in deck]


def test_a_way_ahead_item_is_no_measure():
    # r22-mangroves (BROKEN, and "name the seven measures" counted it): "- **Way ahead:**
    # ..." under "## Conservation measures" read as a measure titled "Way ahead"
    deck = cards(
        "# Mangroves\n\nMangroves are salt-tolerant trees of tropical coasts.\n\n"
        "## Conservation measures\n\n"
        "- **Legal safeguards:** Mangroves are protected under the CRZ Notification.\n"
        "- **MISHTI:** A programme launched in 2023 to restore mangroves.\n"
        "- **Way ahead:** Stricter enforcement and regular satellite monitoring are "
        "needed.\n", "mangroves.md")
    assert not [c.question for c in deck if c.answer == "Way ahead"
                or "Way ahead" in c.answer], [(c.question, c.answer) for c in deck]
    assert [c.question for c in deck if "two measures" in c.question], \
        [c.question for c in deck]
