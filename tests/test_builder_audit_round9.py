"""Findings of the ninth card audit (audits/2026-12-builder-11-round-9/), on four articles
in layouts common on coaching sites: one small article each, for the wrong and broken
cards the reviewers found. Each test failed on the builder that was audited (builder 11)."""

from __future__ import annotations

from test_builder_audit import cards

HYDROGEN = ("National Green Hydrogen Mission\n\nThe mission was approved in January 2023 "
            "with an outlay of Rs 19,744 crore.\n\nChallenges\n\nElectrolysers work best on "
            "steady power, but solar and wind power vary.\nHydrogen has low volumetric "
            "energy density, which makes storage costly.\nDemand is uncertain because "
            "long-term offtake contracts are rare.\n\nWay forward\n\nDemand could be built "
            "through consumption obligations in fertilisers and refining.\nA domestic carbon "
            "market that puts a price on emissions can help close the cost gap with grey "
            "hydrogen.\nDomestic research on electrolyser technology and catalysts can "
            "reduce import dependence.\n")


def test_the_way_forward_is_not_answered_with_one_step_of_several():
    # r10-green-hydrogen-mission (WRONG), as r8-india-maldives in round 7: "What does the
    # way forward recommend?" -> the first of five steps
    deck = cards(HYDROGEN)
    assert deck
    assert not [c for c in deck if "way forward recommend" in c.question], \
        [c.answer for c in deck if "recommend" in c.question]


def test_sentences_a_line_without_bullets_are_points():
    # r10-green-hydrogen-mission (items without a card x11): the steps and concerns,
    # one sentence a line with no bullets, were one paragraph: no card asked most of them
    deck = cards(HYDROGEN)
    steps = [c for c in deck if c.source.section == "Way forward"]
    assert {c.source.line_start for c in steps} == {13, 14, 15}, \
        [(c.source.line_start, c.question) for c in steps]
    concerns = [c for c in deck if c.source.section == "Challenges"]
    assert len({c.source.line_start for c in concerns}) == 3, [c.question for c in concerns]


def test_machines_are_not_people():
    # r10-green-hydrogen-mission (WEAK): "who works best on steady power?" -> "Electrolysers"
    deck = cards(HYDROGEN)
    assert not [c.question for c in deck if c.question.lower().startswith(
        "national green hydrogen mission: who works")]


def test_a_long_name_in_the_title_is_the_label_whole():
    # r10-places-of-worship-act (WEAK x many): the label was "Worship (Special Provisions)
    # Act": the title's name has more than nine tokens counting its brackets and comma
    deck = cards("# Places of Worship (Special Provisions) Act, 1991: The Law and the "
                 "Supreme Court Proceedings\n\n## Context\n\nThe Supreme Court heard the "
                 "challenges to the Act on 12 December 2024.\n\n## Arguments Against\n\n- "
                 "**Judicial review:** Critics say it bars courts from hearing suits.\n- "
                 "**Retrospective cut-off:** The cut-off date of 15 August 1947 is "
                 "arbitrary.\n")
    questions = [c.question for c in deck]
    assert any(q.startswith("Places of Worship (Special Provisions) Act: ") for q in questions)
    assert not [q for q in questions if q.startswith("Worship")], questions


def test_a_quote_does_not_end_on_its_verb():
    # r10-new-criminal-laws (BROKEN): "Cheating (Section 420 IPC) is Section 318, ..." was
    # quoted "Cheating (____ IPC) is." (the clause kept its verb and lost what it says)
    deck = cards("# The New Criminal Laws\n\n## Key changes\n\n- **Other renumbering:** "
                 "Cheating (Section 420 IPC) is Section 318, defamation (Sections 499-500 IPC) "
                 "is Section 356, dowry death (Section 304B IPC) is Section 80, and snatching "
                 "is a new offence under Section 304.\n- **Omissions:** Adultery is not an "
                 "offence.\n")
    quotes = [c.question for c in deck if "fill in the blank" in c.question]
    assert quotes and not [q for q in quotes if q.endswith(" is.\u201d")], quotes
