"""Findings of the twenty-sixth card audit (audits/2026-12-builder-44-round-26/): its
BROKEN shapes and the framework's lost stances. Each test failed on builder 45."""

from __future__ import annotations

import pytest

from test_builder_audit import cards

TABLE = ("Writs compared\n\n"
         "Comparison\n"
         "Basis | Article 32 | Article 226\n"
         "Court | Supreme Court | High Courts\n"
         "Status | Itself a fundamental right | A constitutional right\n"
         "1970s changes | Article 32A inserted by the 42nd Amendment (1976) | Curtailed by "
         "the 42nd Amendment (1976)\n")


def test_a_plain_text_pipe_table_is_a_table():
    # r27-article-32-vs-226 (8 BROKEN): "Basis | Article 32 | Article 226" lines read as
    # prose: "... omitted by ____ | Curtailed by the 42nd Amendment", a pipe in the quote
    deck = cards(TABLE, "t.txt")
    assert not [c for c in deck if "|" in c.question or "|" in c.answer], \
        [c.question for c in deck]
    court = [c for c in deck if "“Court”" in c.question and "Article 226" in c.question]
    assert [c.answer for c in court] == ["High Courts"], [c.question for c in deck]


def test_a_case_line_asks_what_was_decided_even_when_it_names_a_case():
    # r27-article-32-vs-226 (BROKEN): "what is the name of the “K.S. Puttaswamy v Union
    # of India (2017)”?" -> "Overruled ADM Jabalpur."
    text = ("Privacy cases\n\nRelated cases\n"
            "- K.S. Puttaswamy v Union of India (2017): overruled ADM Jabalpur.\n"
            "- Maneka Gandhi v Union of India (1978): widened Article 21.\n")
    deck = cards(text, "p.txt")
    asked = [c for c in deck if c.answer.startswith("Overruled")]
    assert asked and all("decided in" in c.question for c in asked), \
        [c.question for c in deck]


@pytest.mark.parametrize(("sentence", "bad"), [
    # r27-mnre (BROKEN): "when did the updated NDC submit?"
    ("The updated NDC submitted in August 2022 commits India to about 50% cumulative "
     "electric power installed capacity from non-fossil sources by 2030.",
     "did the updated ndc submit"),
    # r27-deep-ocean-mission (BROKEN): "how much does India's EEZ exceed?"
    ("The park's core area exceeds 900 sq km.", "how much does"),
    # r27-mnre (BROKEN): "what was with an outlay of Rs 19,500 crore approved ...?"
    ("Tranche II, with an outlay of Rs 19,500 crore, was approved in September 2022, "
     "taking the total outlay to Rs 24,000 crore for building domestic manufacturing from "
     "polysilicon to modules.", "was with an outlay"),
])
def test_turned_round_questions_keep_their_grammar(sentence, bad):
    deck = cards(f"Notes\n\nOverview\n\n{sentence}\n", "n.txt")
    assert deck, sentence
    assert not [c for c in deck if bad in c.question.lower()], [c.question for c in deck]


def test_an_amount_is_not_cut_at_its_currency():
    # r27-mnre (BROKEN): "approved a ____ 7,453 crore" -> "Viability Gap Funding scheme
    # of Rs"
    deck = cards("Notes\n\nOverview\n\nOn 2 May 2024 the Cabinet approved a Green Port "
                 "Support scheme of Rs 1,200 crore for coastal shipping.\n", "n.txt")
    assert not [c for c in deck if c.answer.endswith(("Rs", "of"))], \
        [(c.question, c.answer) for c in deck]
    assert any(c.answer == "Rs 1,200 crore" for c in deck), [c.answer for c in deck]


FRAMEWORK = ("Q. Critically examine the role of the Zonal Councils. (15 marks)\n\n"
             "Structure\n"
             "- Chairman: the Union Home Minister. Members: the Chief Ministers of the zone's "
             "States and two ministers from each.\n\n"
             "Arguments for (why the councils matter)\n"
             "(a) Regional dialogue: they bring neighbouring States to one table.\n"
             "(b) Early settlement: disputes are raised before they harden.\n\n"
             "Arguments against (why they are seen as weak)\n"
             "(a) Advisory role: their advice binds no one.\n"
             "(b) Rare meetings: several councils have met only once in five years.\n\n"
             "Way forward\n"
             "- Fixed calendar: the Sarkaria Commission (set up in 1983 under Justice R.S. "
             "Sarkaria, report submitted in 1988, 247 recommendations) recommended that the "
             "councils meet at least twice a year.\n")


def test_arguments_for_and_against_keep_their_stance():
    # r27-inter-state-council (16 WEAK): the arguments for and against were all filed
    # under "Mandate and structure", the heading before them
    deck = cards(FRAMEWORK, "z.txt")
    weak = [c for c in deck if "Advisory role" in c.question]
    assert weak and all("criticism" in c.question for c in weak), [c.question for c in deck]
    strong = [c for c in deck if "Regional dialogue" in c.question]
    assert strong and all("in favour" in c.question for c in strong), \
        [c.question for c in deck]
    assert not [c for c in deck if "Structure" in c.question and "Advisory" in c.question]


def test_a_bullet_of_fields_keeps_each_field():
    # r27-inter-state-council (BROKEN): "Chairman: Members: Chief Ministers ..." (the
    # Chairman lost)
    deck = cards(FRAMEWORK, "z.txt")
    assert not [c for c in deck if "Chairman: Members" in c.question], \
        [c.question for c in deck]
    assert any(c.answer.startswith("The Union Home Minister") for c in deck), \
        [c.answer for c in deck]


def test_a_subject_in_a_bracket_or_before_a_colon_is_not_the_subject():
    # r27-inter-state-council (BROKEN): "Regular meetings on a fixed calendar recommended
    # that the ISC meet ____ times a year" (the Punchhi Commission lost: the parser hung
    # three subjects on "recommended", the item's title and a word in the bracket too)
    text = ("Inter-State Council\n\nWay forward\n"
            "- Regular meetings on a fixed calendar: the Punchhi Commission (set up in 2007 "
            "under Justice M.M. Punchhi, report submitted in 2010, 273 recommendations) "
            "recommended that the ISC meet at least three times a year on an agenda evolved "
            "in consultation with the States.\n- Amend the Order.\n")
    deck = cards(text, "isc.txt")
    asked = [c for c in deck if c.answer == "at least three"]
    assert asked and all("Punchhi Commission recommended" in c.question for c in asked), \
        [c.question for c in deck]
    assert not [c for c in deck if "meetings on a fixed calendar recommend" in c.question]
    assert not [c for c in deck if ",)" in c.question], [c.question for c in deck]


@pytest.mark.parametrize(("item", "bad"), [
    # r27-deep-ocean-mission (BROKEN): "what change advisory services?" -> "Ocean climate"
    ("Coastal climate change early warning services", "what change"),
    # r27-article-32-vs-226 (BROKEN): "who to within its territories enforce ...?"
    ("Article 226 empowers every High Court to issue writs to any person or authority, "
     "including any government, within its territories, to enforce fundamental rights \"and "
     "for any other purpose\".", "who to"),
])
def test_an_untitled_item_without_a_verb_is_not_turned_round(item, bad):
    deck = cards(f"Notes\n\nWhat the provisions say\n- {item}\n- The Supreme Court heard "
                 "the first such case in March 1950.\n", "n.txt")
    assert not [c for c in deck if bad in c.question.lower()], [c.question for c in deck]


def test_states_worry_is_who_and_keeps_both_halves():
    # r27-quad (BROKEN): "what worries about ASEAN centrality?" -> "Southeast Asian states"
    deck = cards("Notes\n\nChallenges\n- Small island states worry about debt and being "
                 "drawn into rivalries.\n- Funding is uneven.\n", "n.txt")
    asked = [c for c in deck if c.answer == "Small island states"]
    assert asked and all(c.question.split(": ", 1)[-1].startswith("who worries about debt "
                                                                  "and being drawn")
                         for c in asked), [c.question for c in deck]


def test_a_list_heading_that_counts_is_not_counted_twice():
    # r27-deep-ocean-mission (BROKEN): "name the six six pillars of the mission."
    text = ("# Ocean Mission\n\n## Four pillars of the mission\n\n- Mining\n- Climate\n"
            "- Biodiversity\n- Survey\n")
    deck = cards(text, "o.md")
    listed = [c for c in deck if c.question.lower().startswith(("ocean mission: name",
                                                                  "name"))]
    assert listed and not [c for c in listed if "four four" in c.question.lower()], \
        [c.question for c in deck]


def test_a_timeline_date_is_listed_not_asked_for_figures():
    # r27-quad (BROKEN): "what are the figures for “12 March 2021”?" (no figures)
    text = ("The Quad\n\nTimeline\n"
            "12 March 2021 - First leaders' summit (virtual); Quad Vaccine Partnership "
            "launched.\n"
            "24 September 2021 - First in-person summit at the White House.\n")
    deck = cards(text, "q.txt")
    assert not [c for c in deck if "figures for" in c.question], [c.question for c in deck]
    assert any("listed for 12 March 2021" in c.question for c in deck), \
        [c.question for c in deck]


def test_a_sentence_that_points_at_the_page_is_not_asked():
    # r27-mnre (BROKEN): "Key achievements of ____ are summarised below."
    deck = cards("Year End Review\n\nIntroduction\n\nKey achievements of the Ministry of "
                 "Mines (MoM) are summarised below. Auctions raised Rs 500 crore in 2024.\n",
                 "y.txt")
    assert not [c for c in deck if "below" in c.question], [c.question for c in deck]


def test_a_step_that_opens_with_have_is_not_turned_round():
    # seen while rebuilding for builder 46 (r17-pm-shri, BROKEN since builder 21): "what
    # has evaluate learning outcomes, not just infrastructure?" -> "Independent third
    # parties"
    deck = cards("PM SHRI\n\nMeasures\n- Have independent third parties evaluate learning "
                 "outcomes, not just infrastructure, and publish school-level SQAF results.\n"
                 "- Train teachers in 2025.\n", "p.txt")
    assert not [c for c in deck if "what has evaluate" in c.question.lower()], \
        [c.question for c in deck]


def test_a_name_is_not_cut_before_the_words_its_abbreviation_spells():
    # r27-quad (BROKEN): "the Maritime Initiative for Training in ____" -> "Indo-Pacific
    # (MAITRI)"; (WEAK) "a first Quad-at-____" -> "Sea Ship Observer Mission"
    deck = cards("The Quad\n\nMaritime security\n- Wilmington (2024) announced the Maritime "
                 "Initiative for Training in the Indo-Pacific (MAITRI) and a first "
                 "Quad-at-Sea Ship Observer Mission of the four coast guards in 2025.\n"
                 "- The IFC-IOR hosts liaison officers.\n", "q.txt")
    answers = [c.answer for c in deck]
    assert "Indo-Pacific (MAITRI)" not in answers, answers
    assert any(a.startswith("Maritime Initiative for Training in the Indo-Pacific")
               for a in answers), answers
    assert not [c for c in deck if "Quad-at-____" in c.question], [c.question for c in deck]


def test_the_first_of_a_dated_event_is_not_asked():
    # r27-quad (WEAK): "which Quad meeting was held in May 2007 in Manila?" -> "first";
    # "____ in-person leaders' summit" -> "First": its date is the fact, "first" a guess
    deck = cards("The Quad\n\nTimeline\n"
                 "2007 - The first Quad meeting was held in May 2007 in Manila.\n"
                 "2021 - The first in-person leaders' summit was held in Washington in "
                 "September 2021.\n", "q.txt")
    assert not [c for c in deck if c.answer.lower() == "first"], \
        [(c.question, c.answer) for c in deck]
    assert any(c.answer == "May 2007" for c in deck), [c.answer for c in deck]
