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


JUDGMENTS = (
    "President's Rule under Article 356\n\n"
    "President's Rule lets the Union take over a State's government.\n\n"
    "Landmark Judgments\n"
    "S.R. Bommai v. Union of India (1994): A nine-judge bench of the Supreme Court, hearing "
    "challenges that included the 1989 dismissal of Bommai's Karnataka government, held "
    "that:\n"
    "- A Proclamation is open to judicial review.\n"
    "- The floor of the Assembly, not the Governor's opinion, is the place to test a "
    "majority.\n"
    "Rameshwar Prasad v. Union of India (2006): A Constitution Bench held the 2005 "
    "dissolution of the Bihar Assembly unconstitutional.\n\n"
    "Issues\n"
    "Vague wording: The words \"or otherwise\" let the Union act without a report.\n"
    "Weak check: Parliament's approval is rarely denied.\n")


def test_a_quote_does_not_stop_at_held_that():
    # r21-presidents-rule-article-356 (BROKEN x3): "... of ____'s Karnataka government,
    # held that:" (held what?), "... held that." in two fill-in cards
    deck = cards(JUDGMENTS)
    assert not [c.question for c in deck if "held that" in c.question.split("\u201c")[-1]
                and c.question.rstrip("?\u201d").endswith(("that:", "that."))], \
        [c.question for c in deck]


def test_a_case_line_after_a_list_of_points_is_an_item_of_its_own():
    # r21-presidents-rule-article-356 (facts missed): the Rameshwar Prasad line under the
    # Bommai holdings was read as the last holding's next line and asked by no card
    deck = cards(JUDGMENTS)
    assert [c.question for c in deck if c.answer == "Rameshwar Prasad v. Union of India "
            "(2006)"], [(c.question, c.answer) for c in deck]


def test_a_title_with_its_date_is_no_subject_of_its_own_text():
    # r21-great-indian-bustard (BROKEN x3): "what did the Supreme Court, April 2021
    # direct?", "The Supreme Court, March 2024 also recognised ..." (the item's title, a
    # court and a date, put where its text says "the Court")
    deck = cards(
        "# Great Indian Bustard\n\nThe bird lives in the grasslands of Rajasthan.\n\n"
        "## Conservation measures\n\n"
        "- **Supreme Court, April 2021:** In *M.K. Ranjitsinh & Others v. Union of India*, "
        "the Court directed that overhead power lines in priority habitats be placed "
        "underground.\n"
        "- **Supreme Court, March 2024:** The Court recognised a right against the adverse "
        "effects of climate change under Articles 14 and 21 of the Constitution.\n",
        "bustard.md")
    assert [c.question for c in deck if "the Supreme Court direct" in c.question], \
        [c.question for c in deck]
    assert not [c.question for c in deck if "Supreme Court, April 2021 direct" in c.question
                or "Supreme Court, March 2024 recognised" in c.question]


def test_a_period_is_asked_whole():
    # r21-presidents-rule-article-356 (WEAK x2): "from ____ to 1992" -> 1987 and "from 1987
    # to ____" -> 1992: one period asked half at a time, in two cards
    deck = cards(JUDGMENTS.replace(
        "Weak check:", "Prolonged spells: Punjab remained under President's Rule from 1987 to "
        "1992, and several constitutional amendments were needed to extend it.\nWeak check:"))
    assert [c.question for c in deck if c.answer == "1987 to 1992"], \
        [(c.question, c.answer) for c in deck]
    assert not [c.question for c in deck if c.answer in ("1987", "1992")]
