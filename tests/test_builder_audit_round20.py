"""Findings of the twentieth card audit (audits/2026-12-builder-29-round-20/), on four
unseen articles in common layouts. Each test failed on builder 29."""

from __future__ import annotations

from test_builder_audit import cards

BUSTARD = (
    "# Great Indian Bustard\n\n"
    "The Great Indian Bustard is a critically endangered bird of India's grasslands.\n\n"
    "## Conservation measures\n\n"
    "- **Conservation breeding:** Breeding centres have been set up at Sam and Ramdevra "
    "in Jaisalmer district.\n"
    "- **Protected areas:** The Desert National Park in Rajasthan is the core habitat.\n\n"
    "### Way ahead\n\n"
    "Saving the bird needs bird-safe routing of power lines, community-managed "
    "grasslands and predator control near breeding sites.\n")


def test_a_way_ahead_sub_heading_is_no_measure_of_its_parent():
    # r21-great-indian-bustard (WRONG x2): "which measure is described here: 'Saving the
    # GIB needs ...'?" -> "Way ahead"; "name the seven measures" counted "Way ahead"
    deck = cards(BUSTARD, "bustard.md")
    measures = [c for c in deck if c.key.startswith("measures/")]
    assert measures, [c.key for c in deck]
    assert not [c.key for c in deck if "Way ahead" in c.answer or "way-ahead" in c.key], \
        [(c.key, c.question) for c in deck]
    listed = [c for c in measures if c.key == "measures/all"]
    assert not listed or "two" in listed[0].question, [c.question for c in listed]
