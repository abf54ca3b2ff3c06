"""Findings of the sixth card audit (audits/2026-12-builder-5-round-6/), on four articles
in shapes no earlier article had: one small article each, for a wrong card the reviewers
found. Each test failed on the builder that was audited (builder 5)."""

from __future__ import annotations

from test_builder_audit import cards


def test_it_after_a_holding_is_neither_the_court_nor_what_it_held():
    # r7-sc-electoral-bonds (WRONG x2): "The Court also held that the amendment ... was
    # manifestly arbitrary. It had removed the cap ..." was asked as "The Supreme Court
    # had removed the cap on corporate donations (____ of average net profits ...)"
    deck = cards("Electoral Bonds Struck Down\n\nCourt's Reasoning:\nThe Supreme Court "
                 "heard the case in 2023. The Court also held that the amendment to Section "
                 "182 of the Companies Act was manifestly arbitrary and violated Article 14. "
                 "It had removed the cap on corporate donations (7.5% of average net profits "
                 "of the preceding three financial years).\n")
    wrong = [c.question for c in deck if "Court had removed" in c.question
             or "Court removed" in c.question]
    assert deck and not wrong, wrong


def test_numbered_headings_in_capitals_are_sections():
    # r7-pm-vidyalaxmi (WEAK x many): "1. WHAT IS THE SCHEME", "6. CHALLENGES AND
    # CONCERNS" over their bullets were read as one-item lists, so every card was filed
    # "under “Introduction”" and the concerns were asked as nothing in particular
    deck = cards("PM VIDYALAXMI: EDUCATION LOANS\n\n1. WHAT IS THE SCHEME\n* Outlay: Rs "
                 "3,600 crore for the period 2024-25 to 2030-31.\n* Nature: A Central Sector "
                 "Scheme of the Ministry of Education.\n\n2. CHALLENGES AND CONCERNS\n"
                 "* Bank caution: Banks may still hesitate to lend without collateral.\n"
                 "* Awareness: Many eligible students do not know of the scheme.\n")
    sections = {c.source.section for c in deck}
    assert sections == {"What is the scheme", "Challenges and concerns"}, sections
    assert not [c for c in deck if "Introduction" in c.question]
    assert [c for c in deck if c.kind == "challenge"]
