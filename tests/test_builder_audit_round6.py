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
