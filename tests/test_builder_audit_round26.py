"""Findings of the twenty-sixth card audit (audits/2026-12-builder-44-round-26/), on five
unseen articles: its three WRONG cards. Each test failed on builder 44."""

from __future__ import annotations

from test_builder_audit import cards

CASES = ("Writ jurisdiction: Article 32 and Article 226\n\n"
         "Background\n\n"
         "Article 32 lets a person move the Supreme Court to enforce fundamental rights. "
         "Article 226 empowers every High Court to issue writs.\n\n"
         "Related cases\n"
         "Romesh Thappar v State of Madras (1950) - the Supreme Court is the protector and "
         "guarantor of fundamental rights.\n"
         "S.P. Gupta v Union of India (1981) - liberalised locus standi, opening the door to "
         "public interest litigation.\n"
         "L. Chandra Kumar v Union of India (1997) - judicial review under Articles 32 and 226 "
         "is part of the basic structure.\n")


def test_a_case_line_with_a_dash_is_a_case_and_its_holding():
    # r27-article-32-vs-226 (WRONG): "which case is part of the basic structure?" -> "L.
    # Chandra Kumar v Union of India" (judicial review is, the case held it); the lines
    # "Case (year) - holding" were one paragraph under "Related cases"
    deck = cards(CASES, "w.txt")
    assert not [c for c in deck if "which case is part of" in c.question.lower()], \
        [c.question for c in deck]
    held = [c for c in deck if "L. Chandra Kumar" in c.question and "decided" in c.question]
    assert held, [c.question for c in deck]
    assert not [c for c in deck if "Related cases ____" in c.question]


COUNCIL = ("Inter-State Council\n\n"
           "Mandate and structure\n"
           "- Article 263 lists three duties: (i) inquiring into and advising upon disputes "
           "between States; (ii) investigating and discussing subjects in which the Union and "
           "the States have a common interest; (iii) making recommendations for better "
           "coordination of policy.\n"
           "- The Council was set up by a Presidential Order of 28 May 1990.\n")


def test_the_first_of_a_numbered_list_is_not_the_item_in_one_line():
    # r27-inter-state-council (WRONG): "what is said about 'Article 263 lists three
    # duties', in one line?" -> "(i) inquiring into and advising upon disputes between
    # States" (the one duty the Council was never given)
    deck = cards(COUNCIL, "isc.txt")
    assert not [c for c in deck if c.answer.startswith("(i)")], [c.answer for c in deck]


QUAD = ("The Quad\n\n"
        "Timeline\n"
        "2017 - The Quad was revived at the level of officials in Manila.\n"
        "2019 - The first Quad foreign ministers' meeting was held in New York in September "
        "2019.\n"
        "2021 - The first leaders' summit was held virtually in March 2021.\n")


def test_an_ordinal_keeps_whose_it_is():
    # r27-quad (WRONG): "which meeting was held in New York in September 2019?" -> "first"
    deck = cards(QUAD, "q.txt")
    assert not [c for c in deck if c.question.lower().startswith("the quad: which meeting")
                or "which meeting was held" in c.question], [c.question for c in deck]
