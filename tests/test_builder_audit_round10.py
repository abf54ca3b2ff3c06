"""Findings of the tenth card audit (audits/2026-12-builder-13-round-10/), on four articles
in layouts no earlier round had: nested Drishti-style bullets, an "Explained" piece under
question headings, an editorial in paragraphs alone, a digest of species in news. One
small article each; each test failed on the builder that was audited (builder 13)."""

from __future__ import annotations

import pytest

from flashcards.builder import build_deck
from flashcards.domain.errors import InputError
from test_builder_audit import cards

EDITORIAL = (
    "Twenty per cent ethanol, and a hundred per cent of the questions\n\n"
    "India has arrived at the era of E20 petrol, and the speed of the journey deserves both "
    "credit and scrutiny. The Ethanol Blended Petrol Programme was launched in 2003, but for "
    "over a decade it barely moved. E20 petrol was rolled out at select fuel stations when "
    "the Prime Minister launched it at India Energy Week in Bengaluru in February 2023.\n\n"
    "The case for the programme remains strong. India imports more than 85 per cent of the "
    "crude oil it consumes, and every litre of petrol displaced by ethanol saves foreign "
    "exchange.\n\n"
    "The first worry, however, is the pressure that ethanol places on food, feed and water. "
    "Sugarcane is among the most water-intensive crops grown in the country.\n\n"
    "The second worry concerns the consumer. The NITI Aayog roadmap estimated a drop in fuel "
    "efficiency of about 6 to 7 per cent for four-wheelers calibrated for E10.\n\n"
    "What the government must do first is restore consumer trust. Pumps should clearly "
    "label the blend they dispense.\n\n"
    "India has shown that it can set an ambitious target and meet it early.\n")


def test_an_editorial_in_paragraphs_alone_makes_a_deck():
    # r11-ethanol-blending-e20: builder 13 refused it ("no recognisable structure"); its
    # worries and its first step are argued in the opening words of paragraphs
    deck = cards(EDITORIAL)
    by_question = {c.question: c for c in deck}
    concern = [c for q, c in by_question.items() if q == "What is the first worry about ethanol?"]
    assert [c.answer for c in concern] == [
        "The pressure that ethanol places on food, feed and water"]
    step = [c for q, c in by_question.items() if q.endswith("what must the government do first?")]
    assert [c.answer for c in step] == ["Restore consumer trust"]
    assert not [q for q in by_question if "second worry" in q], by_question
    # a short note is still no article
    with pytest.raises(InputError):
        build_deck("Some prose.\n\nMore prose, written in 2020.\n\nA third line.\n", "a.txt")


def test_an_editorials_label_is_no_figure_of_its_title():
    # r11-ethanol-blending-e20: every question was labelled "Hundred per cent"; then
    # (builder 14 audited) "Twenty per cent ethanol" gave away the "20 per cent" target
    deck = cards(EDITORIAL)
    labelled = [c.question for c in deck if ": " in c.question.split("\u201c")[0]]
    assert labelled and all(q.startswith("Ethanol: ") for q in labelled), labelled


def test_it_in_a_clause_of_its_own_is_the_sentences_subject():
    # r11-ethanol-blending-e20 (a quote that changed the fact): "E20 petrol was rolled out
    # ... when the Prime Minister launched it" was quoted "... launched the Ethanol Blended
    # Petrol Programme ..."
    deck = cards(EDITORIAL)
    quoted = [c.question for c in deck if "Prime Minister launched" in c.question]
    assert quoted and all("launched E20 petrol" in q for q in quoted), quoted


def test_a_range_is_one_answer_and_a_decade_is_no_date():
    # r11-ethanol-blending-e20: "6 to ____" -> "7 per cent"; "for over ____" -> "decade"
    # (the month pattern took "dec" of "decade")
    deck = cards(EDITORIAL)
    answers = [c.answer for c in deck]
    assert "about 6 to 7 per cent" in answers and "7 per cent" not in answers
    assert "decade" not in answers and "a decade" not in answers
    # a change is not a range: each end is its own fact
    ujjwala = cards("# Ujjwala\n\n## Subsidy\n\n- **Raised:** In October 2023, the subsidy "
                    "was raised from \u20b9200 to \u20b9300 per cylinder.\n- **Scope:** It "
                    "reaches 10 crore families.\n")
    assert "\u20b9300" in [c.answer for c in ujjwala]


FINANCE = (
    "# The Sixteenth Finance Commission\n\n"
    "### What is the Sixteenth Finance Commission?\n\n"
    "The Sixteenth Finance Commission was constituted on 31 December 2023 under Article "
    "280(1) of the Constitution. It is chaired by Arvind Panagariya.\n\n"
    "### Why does it matter?\n\n"
    "The stakes have risen since the introduction of GST in 2017, which took away much of "
    "the States' independent power to tax goods and services.\n\n"
    "### How did the Fifteenth Finance Commission share taxes?\n\n"
    "1. Income distance: 45%\n2. Population (Census 2011): 15%\n3. Forest and ecology: 10%\n"
    "\n### What are the concerns?\n\n"
    "Several points of friction have emerged in the run-up to the Sixteenth Commission's "
    "award:\n\n"
    "1. **Demand for a higher share:** Several States have asked the Commission to raise "
    "vertical devolution to 50% of the divisible pool.\n"
    "2. **Population versus performance:** Southern States argue that the use of 2011 "
    "population figures penalises them.\n")


def test_a_figure_under_a_question_heading_says_whose_it_is():
    # r11-sixteenth-finance-commission: "The Sixteenth Finance Commission: what are the
    # figures for 'Income distance'?" -> "45%", the Fifteenth Commission's weight
    deck = cards(FINANCE)
    weights = {c.answer: c.question for c in deck if c.key.endswith("/explain")}
    assert weights["45%"] == ("How did the Fifteenth Finance Commission share taxes? What is "
                              "the figure for \u201cIncome distance\u201d?")


def test_of_the_constitution_goes_with_its_article():
    # r11-sixteenth-finance-commission (BROKEN): "Under which Article was the Sixteenth
    # Finance Commission constituted on 31 December 2023 of the Constitution?"
    deck = cards(FINANCE)
    asked = [c.question for c in deck if c.answer == "Article 280(1)"]
    assert asked and not [q for q in asked if "2023 of the Constitution" in q], asked


def test_an_abbreviation_said_in_words_is_given_away():
    # r11-sixteenth-finance-commission (BROKEN): "the introduction of ____ in 2017, which
    # took away ... power to tax goods and services" -> "GST"
    deck = cards(FINANCE)
    assert not [c for c in deck if c.answer == "GST" and "goods and services" in c.question]


def test_a_lead_in_sentence_is_no_concern():
    # r11-sixteenth-finance-commission (BROKEN): "what is the concern about several points
    # of friction?"
    deck = cards(FINANCE)
    assert not [c for c in deck if "points of friction?" in c.question]


SPECIES = (
    "Prelims Pointers: Species and Protected Areas in News (2024-25)\n\n"
    "Project Cheetah: Gandhi Sagar Wildlife Sanctuary\n"
    "\u2022 Project Cheetah began on 17 September 2022 at Kuno National Park.\n"
    "\u2022 The National Tiger Conservation Authority is the implementing agency.\n\n"
    "Gangetic River Dolphin: First Population Estimate\n"
    "\u2022 The Gangetic river dolphin was declared India's National Aquatic Animal in 2009.\n"
    "\u2022 Vikramshila Gangetic Dolphin Sanctuary was notified in 1991 for the species.\n\n"
    "Great Indian Bustard: Supreme Court and Climate Rights\n"
    "\u2022 The species was listed in Appendix I of the Convention on Migratory Species in "
    "February 2020.\n"
    "\u2022 It is the state bird of Rajasthan.\n\n"
    "Asiatic Lion: Population Estimation\n"
    "\u2022 The Asiatic lion (Panthera leo persica) survives in the wild only in the "
    "Saurashtra region of Gujarat.\n"
    "\u2022 Project Lion was announced on 15 August 2020 for conservation of the species.\n")


def test_each_entry_of_a_digest_is_labelled_with_its_subject():
    # r11-species-in-news: every card read "Prelims Pointers: ... the species ...", and
    # "Great Indian Bustard: Supreme Court and Climate Rights" (eight words) was read as an
    # item of the dolphin's entry
    deck = cards(SPECIES)
    assert not [c for c in deck if c.question.startswith("Prelims Pointers")]
    listed = [c for c in deck if c.answer == "February 2020"]
    assert listed and all(c.question.startswith("Great Indian Bustard: ") for c in listed)
    assert not [c for c in deck if "what is said about \u201cGreat Indian Bustard\u201d"
                in c.question]
    # the entry's own subject is no answer under its label
    assert not [c for c in deck if c.answer.startswith("The Asiatic lion")]


JANMAN = (
    "# PM-JANMAN\n\n## About\n\n"
    "- **Origin:**\n  - In 1975 the Centre identified 52 groups as \"Primitive Tribal "
    "Groups\" and 23 more were added in 1993.\n"
    "- **Saturation of entitlements:**\n  - Camps provide Aadhaar cards and bank accounts to "
    "eligible households.\n"
    "- **Outlay:**\n  - Rs 24,104 crore.\n")


def test_no_question_with_an_open_quote_or_a_bare_count():
    # r11-pm-janman (BROKEN): 'when did the Centre identify 52 groups as "Primitive Tribal
    # Groups?' and 'when were 23 more added?'
    deck = cards(JANMAN)
    assert deck
    assert not [c for c in deck if c.question.count('"') % 2], [c.question for c in deck]
    assert not [c for c in deck if "23 more added" in c.question]


def test_one_sub_point_is_an_explanation_not_a_list():
    # r11-pm-janman: answers and quotes began "- Camps to provide ..."
    deck = cards(JANMAN)
    assert deck and not [c for c in deck if c.answer.startswith("- ") or "\u201c- " in
                         c.question], [(c.question, c.answer) for c in deck]


def test_a_recommendation_in_prose_is_asked_though_its_answer_says_they():
    # r11-ethanol-blending-e20 audited on builder 14 (item without a card): "Pumps should
    # clearly label the blend they dispense" was dropped ("they" refers to nothing: a word
    # of the answer, not of the question), and "Pumps" was taken for a name
    deck = cards(EDITORIAL)
    asked = [c for c in deck if c.question == "Ethanol: what is recommended for pumps?"]
    assert [c.answer for c in asked] == ["Pumps should clearly label the blend they dispense."]


def test_a_schemes_full_name_is_asked_where_it_is_spelled_out():
    # r11-pm-janman (fact missed): "Pradhan Mantri Janjati Adivasi Nyaya Maha Abhiyan
    # (PM-JANMAN)" was only ever inside questions
    deck = cards("# PM-JANMAN\n\n## About\n\n- **Launch:** The Pradhan Mantri Janjati Adivasi "
                 "Nyaya Maha Abhiyan (PM-JANMAN) was launched on 15 November 2023.\n"
                 "- **Budget:** Rs 15,000 crore is given under the Development Action Plan "
                 "for Scheduled Tribes (DAPST).\n- **Data:** The survey of 2011 (Census "
                 "2011) is old.\n")
    full = {c.question: c.answer for c in deck if "full form" in c.question}
    assert full == {
        "PM-JANMAN: what is the full form of PM-JANMAN?":
            "Pradhan Mantri Janjati Adivasi Nyaya Maha Abhiyan"}
    # (DAPST's full form is the answer of a card with its abbreviation, "under which plan
    # is Rs 15,000 crore given?": a full-form card beside it would ask it twice, which
    # round 24's reviewers judged WEAK)
    assert [c for c in deck if c.answer == "Development Action Plan for Scheduled Tribes "
            "(DAPST)" and "Rs 15,000 crore given?" in c.question], [c.question for c in deck]


def test_its_before_the_subject_means_the_subject():
    # r11-species-in-news (facts missed): "In its judgment of 21 March 2024, the Supreme
    # Court modified the 2021 order" was dropped ("its" refers to nothing)
    deck = cards(SPECIES.replace(
        "\u2022 It is the state bird of Rajasthan.\n",
        "\u2022 In its judgment of 21 March 2024, the Supreme Court modified the 2021 order "
        "and set up an expert committee.\n"))
    assert "21 March 2024" in [c.answer for c in deck]
