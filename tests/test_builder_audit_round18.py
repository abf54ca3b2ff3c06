"""Findings of the eighteenth card audit (audits/2026-12-builder-25-round-18/), on four
articles in shapes rarely met: a saved web page, a Q&A explainer with bold questions, a
chronology, an economy chapter dense with figures. The saved page's list run together is
tested in test_sources.py; the test here failed on the builder that was audited
(builder 25)."""

from __future__ import annotations

from test_builder_audit import asking, cards


def test_a_timelines_date_keeps_its_preposition():
    # r19-panchayati-raj (BROKEN x6): "which programme was launched 2 October 1952?",
    # "which committee did the Janata Party government appoint December 1977?"
    deck = cards(
        "PANCHAYATI RAJ IN INDIA: A CHRONOLOGY\n\n"
        "Panchayati Raj took more than four decades after Independence to get "
        "constitutional status.\n\n"
        "Timeline:\n\n"
        "1882 \u2013 Lord Ripon's Resolution on local self-government laid the foundation "
        "for elected local bodies.\n\n"
        "2 October 1952 \u2013 The Community Development Programme was launched, followed in "
        "1953 by the National Extension Service.\n\n"
        "December 1977 \u2013 The Janata Party government appointed the Ashok Mehta "
        "Committee, which recommended a two-tier system.\n\n"
        "Issues:\n\n- Funds are untied.\n- Gram sabhas meet rarely.\n")
    asked = asking(deck, "Community Development Programme") + asking(
        deck, "Ashok Mehta Committee")
    assert asked, [c.question for c in deck]
    assert not [q for q in asked if q.endswith((" launched 2 October 1952?",
                                                " appoint December 1977?"))], asked
