"""Findings of the seventeenth card audit (audits/2026-12-builder-24-round-17/), on four
articles in common layouts: a scheme note, an international relations note, an economy
explainer, a polity explainer. One small article each; the first two failed on the
builder that was audited (builder 24), the third on builder 25 without its gate rule (the
first fix keeps list items that were dropped, and one came back without its words), the
fourth on builders 24 to 26 (it is mended in builder 27)."""

from __future__ import annotations

from test_builder_audit import asking, cards


def test_the_second_of_a_list_is_no_aside():
    # r18-india-asean-relations (WRONG): "when was ASEAN founded ... by Indonesia, the
    # Philippines, Singapore and Thailand?": Malaysia, parsed as an apposition, was dropped
    deck = cards(
        "India-ASEAN Relations\n\n"
        "The Association of Southeast Asian Nations (ASEAN) was founded on 8 August 1967 "
        "through the Bangkok Declaration by Indonesia, Malaysia, the Philippines, Singapore "
        "and Thailand. India became a full Dialogue Partner in 1995.\n\n"
        "Challenges:\n1. Trade deficit \u2013 India's trade deficit with ASEAN has widened.\n"
        "2. China factor \u2013 Several members depend on China.\n")
    asked = asking(deck, "8 August 1967")
    assert asked and all("Indonesia, Malaysia, the Philippines" in q for q in asked), asked


def test_what_is_key_is_answered_with_all_that_is_key():
    # r18-carbon-credit-trading-scheme (WRONG): "what are key to credibility?" -> "MRV
    # capacity", one of three
    deck = cards(
        "# Carbon Credit Trading Scheme\n\n"
        "## What is it?\n\n"
        "The Carbon Credit Trading Scheme was notified in June 2023 under the Energy "
        "Conservation Act, 2001. One credit equals one tonne of carbon dioxide equivalent.\n\n"
        "## Concerns\n\n- Verification capacity is scarce.\n- Schemes overlap.\n\n"
        "## Way forward\n\n"
        "India should widen sector coverage step by step. MRV capacity, enough accredited "
        "verifiers and a single transparent registry are key to credibility.\n", "ccts.md")
    assert not asking(deck, "MRV capacity")
    assert asking(deck, "MRV capacity, enough accredited verifiers and a single transparent "
                        "registry")


def test_a_list_item_lost_around_its_hyphen_makes_no_card():
    # (after the fix above, r15-glacial-lake-outburst-floods): "identified for detailed
    # study, -, early warning systems": "installation of ... water-level stations" lost but
    # its hyphen
    deck = cards(
        "# Glacial Lake Outburst Floods\n\n"
        "## India's initiatives\n\n"
        "- **National GLOF Risk Mitigation Programme:** Under this NDMA-led programme, about "
        "189 high-risk glacial lakes have been identified for detailed study, installation "
        "of automatic weather and water-level stations, early warning systems and "
        "mitigation.\n"
        "- **Dam Safety Act, 2021:** It provides for the surveillance of specified dams.\n",
        "glof.md")
    assert not [c for c in deck if ", -," in c.question]


def test_a_prose_way_forward_that_advises_india_twice_asks_neither_as_what_should_india_do():
    # r18-carbon-credit-trading-scheme (BROKEN): "what should India do?" from a paragraph
    # of several steps for India, each an answer (round 14's GLOF deck had two such cards)
    deck = cards(
        "# Carbon Credit Trading Scheme\n\n"
        "## What is it?\n\n"
        "The Carbon Credit Trading Scheme was notified in June 2023 under the Energy "
        "Conservation Act, 2001.\n\n"
        "## Concerns\n\n- Verification capacity is scarce.\n- Schemes overlap.\n\n"
        "## Way forward\n\n"
        "India should set steadily tightening targets so that the market yields real cuts. "
        "The links between the schemes must be defined to avoid double counting. India "
        "should also seek EU recognition of domestic carbon pricing under CBAM.\n", "ccts.md")
    assert not [c for c in deck if c.question.endswith("what should India do?")], \
        [c.question for c in deck]
