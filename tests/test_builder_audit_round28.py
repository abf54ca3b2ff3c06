"""Findings of the twenty-eighth card audit (audits/2026-12-builder-48-round-28/), on
five unseen articles: the shapes builder 49 takes. Each test failed on builder 48."""

from __future__ import annotations

import re

from test_builder_audit import cards

RUPEE = ("# The e-Rupee\n\n## Features: wholesale vs retail\n\n"
         "| Feature | CBDC-W | CBDC-R |\n|---|---|---|\n"
         "| Users | Restricted to financial institutions | Individuals and businesses |\n"
         "| Pilot launch | 1 November 2022 | 1 December 2022 |\n"
         "| Banks at launch | Nine | Four |\n")


def test_a_feature_table_names_each_column():
    # r29-digital-rupee (BROKEN x6): "what is said about “Banks at launch”?" -> "Nine.
    # CBDC-R: Four." (the wholesale column unnamed)
    deck = cards(RUPEE, "r.md")
    nine = [c for c in deck if c.answer == "Nine"]
    assert nine and all("CBDC-W" in c.question for c in nine), \
        [(c.question, c.answer) for c in deck]
    assert not [c for c in deck if "CBDC-R:" in c.answer], [c.answer for c in deck]


def test_an_ordinal_is_no_figure():
    # r29-cooperatives-ministry (WRONG): "what are the figures for “Tribhuvan Sahkari
    # University”?" -> "First national cooperative university, at Anand (Gujarat), ..."
    text = ("# Ministry of Cooperation\n\n## Key initiatives\n\n"
            "| Initiative | Year | What it does |\n|---|---|---|\n"
            "| Tribhuvan Sahkari University | 2025 | First national cooperative university, "
            "at Anand (Gujarat), built on IRMA |\n"
            "| National Cooperative Database | 2024 | A database of about 8 lakh cooperatives "
            "across the country for planning |\n")
    deck = cards(text, "c.md")
    assert not [c for c in deck if "figures for" in c.question and not any(
        ch.isdigit() for ch in c.answer)], [(c.question, c.answer) for c in deck]


def test_an_faqs_it_is_what_its_question_asks_about():
    # r29-antarctic-treaty-india (BROKEN x3): "What is the Indian Antarctic Act, 2022? is
    # India's ____ domestic law on Antarctica." (the question put for "It")
    text = ("ANTARCTICA - FAQ EXPLAINER\n\n"
            "Q1. What is the Indian Antarctic Act, 2022?\n"
            "Ans: It is India's first domestic law on Antarctica, needed to enforce India's "
            "obligations as a party to the Antarctic Treaty and the Madrid Protocol. It was "
            "passed by Parliament in August 2022. It requires a permit for every Indian "
            "expedition and sets up a Committee on Antarctic Governance and Environmental "
            "Protection chaired by the Secretary of the Ministry of Earth Sciences.\n\n"
            "Q2. When did India join?\n"
            "Ans: India acceded to the Treaty on 19 August 1983.\n")
    deck = cards(text, "a.txt")
    assert not [c for c in deck if "2022? is" in c.question], [c.question for c in deck]
    assert any("The Indian Antarctic Act, 2022 is India's" in c.question for c in deck), \
        [c.question for c in deck]


def test_who_defeated_whom():
    # r29-vice-president-election (WEAK x7): "what defeated Surjit Singh Barnala?"
    text = ("Election of the Vice-President\n\nPast elections\n"
            "1997 – Krishan Kant defeated Surjit Singh Barnala\n"
            "2007 – Mohammad Hamid Ansari defeated Najma Heptulla\n")
    deck = cards(text, "v.txt")
    asked = [c.question.split(": ", 1)[-1] for c in deck if "defeat" in c.question]
    asked = [q for q in asked if q.startswith(("what", "who"))]
    assert asked and all(q.startswith("who") for q in asked), asked


def test_a_verb_joined_past_a_participle_keeps_the_sentence_whole():
    # r29-vice-president-election (BROKEN): "The Vice-President can agreed to by ____."
    # (the resolution is agreed to, and the parser joined "agreed" to "removed")
    text = ("Vice-President\n\nRemoval\n\nUnder Article 67(b), the Vice-President can be "
            "removed by a resolution of the Rajya Sabha passed by a majority of all its then "
            "members (an effective majority) and agreed to by the Lok Sabha. It can be moved "
            "only in the Rajya Sabha, after at least 14 days' notice. The Lokpal Bill was passed "
            "by the Lok Sabha in 2011 and approved by the Rajya Sabha in 2013.\n\n"
            "Issues\n- No grounds for removal are listed.\n- The office has no fixed deputy.\n")
    deck = cards(text, "v.txt")
    assert not [c for c in deck if "can agreed" in c.question or
                "Vice-President can be agreed" in c.question], [c.question for c in deck]
    assert any(c.question.endswith("when was the Lokpal Bill approved by the Rajya Sabha?")
               for c in deck), [c.question for c in deck]


def test_a_secretariat_is_no_treaty():
    # r29-antarctic-treaty-india (WRONG): "which treaty has been in Buenos Aires since
    # 2004?" -> "Antarctic Treaty Secretariat"
    text = ("ANTARCTICA - FAQ EXPLAINER\n\n"
            "Q1. Where is the Treaty's secretariat?\n"
            "Ans: Decisions are taken at the annual Antarctic Treaty Consultative Meeting. "
            "The Antarctic Treaty Secretariat has been in Buenos Aires since 2004. India "
            "hosted the 46th meeting in Kochi in May 2024, with delegates from 56 countries "
            "attending the sessions over ten days.\n\n"
            "Q2. When did India join?\n"
            "Ans: India acceded to the Treaty on 19 August 1983.\n")
    deck = cards(text, "a.txt")
    assert not [c for c in deck if re.search(r"which (?:treaty|law|agreement)", c.question)
                and "Secretariat" in c.answer], [(c.question, c.answer) for c in deck]


def test_it_that_is_moved_is_no_office_holder():
    # r29-vice-president-election (BROKEN in both reviews): "The Vice-President can be
    # moved only in the Rajya Sabha" (it is the resolution that is moved)
    text = ("Vice-President\n\nRemoval\n\nUnder Article 67(b), the Vice-President can be "
            "removed by a resolution of the Rajya Sabha passed by a majority of all its then "
            "members and agreed to by the Lok Sabha. It can be moved only in the Rajya "
            "Sabha, after at least 14 days' notice. The Constitution lists no grounds for "
            "removal.\n\nIssues\n- No grounds for removal are listed.\n"
            "- The office has no fixed deputy.\n")
    deck = cards(text, "v.txt")
    assert not [c for c in deck if "Vice-President can be moved" in c.question], \
        [c.question for c in deck]
