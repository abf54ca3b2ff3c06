"""Findings of the twenty-third card audit (audits/2026-12-builder-36-round-23/), on five
unseen articles. Each test failed on builder 36."""

from __future__ import annotations

from test_builder_audit import cards

RELATION = (
    "India–Russia Relations\n\n"
    "Areas of cooperation:\n"
    "1. Trade: Bilateral trade was around USD 65 billion in 2023-24, mostly Indian imports "
    "of Russian crude oil. At the 2024 Summit the two sides set a target of USD 100 billion "
    "by 2030.\n"
    "2. Eastern Maritime Corridor: The Chennai–Vladivostok corridor was first announced in "
    "2019 and declared operational in November 2024.\n")


def test_a_target_year_is_not_when_the_target_was_set():
    # r24-india-russia (WRONG): "by when did the two sides set a target of USD 100 billion
    # at the 2024 Summit?" -> 2030
    deck = cards(RELATION, "r.txt")
    asked = [c.question for c in deck if c.answer == "2030"]
    assert asked and not [q for q in asked if "by when" in q.lower()], asked


def test_a_second_verb_keeps_the_passive_of_the_first():
    # r24-india-russia (BROKEN): "when did the Chennai–Vladivostok corridor declare
    # operational?"
    deck = cards(RELATION, "r.txt")
    asked = [c.question for c in deck if c.answer == "November 2024"]
    assert asked and asked[0].endswith("when was the Chennai–Vladivostok corridor declared "
                                       "operational?"), asked


def test_a_list_of_periods_is_one_answer():
    # r24-el-nino (WRONG x2): "in which period did strong El Niño events occur?" -> only
    # 1982-83, and "when did strong El Niño events occur in 1982-83?" -> the other two
    deck = cards("El Niño\n\nWhat is it?\n"
                 "Strong El Niño events occurred in 1982-83, 1997-98 and 2015-16; the "
                 "2023-24 event was among the five strongest on record.\n", "e.txt")
    periods = [c.answer for c in deck if "1997-98" in c.answer or c.answer == "1982-83"]
    assert periods == ["1982-83, 1997-98 and 2015-16"], [(c.question, c.answer) for c in deck]


def test_the_claim_before_a_colon_stays_out_of_the_question():
    # r24-el-nino (BROKEN x6): "what confirmed the fourth global coral bleaching event
    # Warmer oceans cause coral bleaching in April 2024?"
    deck = cards("El Niño\n\nImpacts\n"
                 "Warmer oceans also cause coral bleaching: in April 2024 NOAA confirmed the "
                 "fourth global coral bleaching event. The episode came with record global "
                 "heat: the WMO confirmed 2023 as the warmest year on record.\n", "e.txt")
    asked = [c.question for c in deck if c.answer in ("NOAA", "April 2024", "WMO")]
    assert len(asked) == 3, [(c.question, c.answer) for c in deck]
    assert not [q for q in asked if "cause coral bleaching in" in q or "on record the" in q
                or "event Warmer" in q], asked


def test_a_short_quote_keeps_its_items_title():
    # r24-ibc (WRONG): "The minimum default is ____." -> Rs 10 lakh, the threshold of the
    # pre-packaged process for MSMEs (the Code's own minimum is Rs 1 crore)
    deck = cards("Insolvency and Bankruptcy Code (IBC)\n\nKey data:\n"
                 "- Minimum default: From 24 March 2020 the minimum default needed to start "
                 "insolvency is Rs 1 crore.\n"
                 "- PPIRP for MSMEs: the minimum default is Rs 10 lakh, and the process must "
                 "finish within 120 days.\n", "ibc.txt")
    asked = [c.question for c in deck if c.answer == "Rs 10 lakh"]
    assert asked and all("PPIRP for MSMEs" in q for q in asked), asked
