"""Findings of the eighth card audit (audits/2026-12-builder-9-round-8/), on four articles
in shapes no earlier article had: one small article each, for the wrong and broken cards
the reviewers found. Each test failed on the builder that was audited (builder 9)."""

from __future__ import annotations

from test_builder_audit import cards


def test_a_table_of_two_things_compared_has_no_label_column():
    # r9-indus-waters-treaty (WRONG x6): "| Eastern rivers | Western rivers |" was read
    # as a label column and its values: "what is said about 'Ravi, Beas and Sutlej'?" ->
    # "Indus, Jhelum and Chenab"
    deck = cards("**Indus Waters Treaty**\n\n**Key Provisions of the Treaty**\n\n"
                 "| Eastern rivers | Western rivers |\n|---|---|\n"
                 "| Ravi, Beas and Sutlej | Indus, Jhelum and Chenab |\n"
                 "| Indian projects include Bhakra (Sutlej) and Pong (Beas) | Indian projects "
                 "include Kishenganga (on a Jhelum tributary) and the Salal Dam |\n")
    assert deck
    for c in deck:
        assert "Ravi, Beas and Sutlej\u201d" not in c.question, c.question
        assert c.answer != "Indus, Jhelum and Chenab" or "Western rivers" in c.question
    western = [c for c in deck if "Salal" in c.answer]
    assert western and all("Western rivers" in c.question for c in western), \
        [c.question for c in deck]


def test_the_articles_own_questions_are_asked_as_written():
    # r9-indus-waters-treaty (BROKEN x6): "Q: Who brokered the Indus Waters Treaty?" over
    # "A: The World Bank, ..." made "what is said about 'Q'?" and quotes opening "Q: A:"
    deck = cards("**Indus Waters Treaty**\n\n**Frequently Asked Questions**\n\n"
                 "Q: Who brokered the Indus Waters Treaty?\n"
                 "A: The World Bank, which is also a signatory for specified purposes.\n\n"
                 "Q: Which rivers does India control fully?\n"
                 "A: The eastern rivers: the Ravi, Beas and Sutlej.\n")
    asked = {c.question.split(": ", 1)[-1]: c.answer for c in deck}
    assert asked.get("who brokered the Indus Waters Treaty?", "").startswith(
        "The World Bank"), asked
    assert not [q for q in asked if "\u201cQ" in q or "Q:" in q or "A:" in q], asked


def test_a_press_release_is_labelled_by_its_subject_and_its_dateline_is_its_date():
    # r9-pm-surya-ghar (WEAK x37): every question began "Press release (study format):",
    # and quotes began "NEW DELHI, 29 February 2024 - ..."
    deck = cards("PRESS RELEASE (STUDY FORMAT)\nPM SURYA GHAR: MUFT BIJLI YOJANA - ROOFTOP "
                 "SOLAR FOR ONE CRORE HOMES\n\nNEW DELHI, 29 February 2024 \u2014 The Union "
                 "Cabinet today approved the PM Surya Ghar: Muft Bijli Yojana, with a total "
                 "outlay of Rs 75,021 crore, "
                 "to install rooftop solar systems on one crore households.\n\nKey features "
                 "of the scheme:\n1) Subsidy: The Centre meets 60% of the system cost for "
                 "systems up to 2 kW.\n2) Loans: Collateral-free loans are available.\n")
    questions = [c.question for c in deck]
    assert questions and not [q for q in questions if "press release" in q.lower()
                              or "NEW DELHI" in q], questions
    assert "29 February 2024" in {c.answer for c in deck}, questions


def test_the_report_is_the_one_just_named_or_none():
    # r9-one-nation-one-election (WRONG x2): "The report was submitted to President
    # Droupadi Murmu on 14 March 2024", after a paragraph on the Kovind Committee, was
    # asked as the Law Commission's 170th Report (named a section before)
    deck = cards("# One Nation, One Election\n\n## What is the proposal?\n\n- *Earlier "
                 "endorsements* \u2013 The Law Commission's 170th Report (1999) examined the "
                 "idea.\n- *Cost* \u2013 Elections cost a great deal.\n\n## What did the "
                 "Kovind Committee recommend?\n\nThe High-Level Committee on Simultaneous "
                 "Elections was constituted on 2 September 2023. The report was submitted "
                 "to President Droupadi Murmu on 14 March 2024.\n")
    assert deck
    wrong = [c.question for c in deck if "170th Report was submitted" in c.question
             or "170th Report submitted" in c.question]
    assert not wrong, wrong


def test_the_bill_is_not_the_last_bill_named_when_two_were():
    # r9-one-nation-one-election (WRONG): "the Bill needs a special majority under Article
    # 368" was asked of the Union Territories Laws (Amendment) Bill, the second of two
    # Bills named; the parser had not made the first one a "bill"
    deck = cards("# One Nation, One Election\n\n## What happened in Parliament?\n\nOn 17 "
                 "December 2024, the Law Minister introduced the Constitution (One Hundred "
                 "and Twenty-Ninth Amendment) Bill, 2024, along with the Union Territories "
                 "Laws (Amendment) Bill, 2024, in the Lok Sabha.\n\n## What lies ahead?\n\n"
                 "As a constitutional amendment, the Bill needs a special majority under "
                 "Article 368.\n")
    assert deck
    wrong = [c.question for c in deck if "Article 368" in c.question + c.answer
             and "Union Territories" in c.question]
    assert not wrong, wrong


def test_a_figure_keeps_its_unit():
    # r9-indus-waters-treaty (WEAK, BROKEN): "up to 3.6 MAF" was asked "up to ____ MAF"
    # -> "3.6" and "up to 3.6 ____" -> "MAF"
    deck = cards("**Indus Waters Treaty**\n\n**Key Provisions**\n\nIndia is also permitted "
                 "to build limited storage on the western rivers, up to 3.6 MAF.\n")
    answers = {c.answer for c in deck}
    assert "3.6 MAF" in answers and not answers & {"3.6", "MAF"}, answers


def test_a_practice_question_line_is_no_study_matter():
    # r8-india-maldives, r8-semiconductor-mission, r8-dpdp-act (WEAK x3): "Mains Practice
    # Question: ..." under the Conclusion was asked "what is said about 'Mains Practice
    # Question'?" -> the exam prompt
    deck = cards("India-Maldives Relations\n\nBackground:\n\n\u2022 India recognised the "
                 "Maldives in 1965.\n\u2022 A 1976 agreement settled the maritime boundary."
                 "\n\nConclusion:\n\nTies recovered in 2025.\n\nMains Practice Question: "
                 "\"Geography makes India and the Maldives natural partners.\" Examine. "
                 "(250 words)\n")
    assert deck
    assert not [c for c in deck if "Practice" in c.question + c.answer
                or "Examine" in c.answer], [c.question for c in deck]


TIGERS = ("INDIA'S TIGER CONSERVATION: FIFTY YEARS OF PROJECT TIGER\nRelevance: GS Paper III - "
          "Environment, Biodiversity and Conservation\n\nProject Tiger, a milestone of tiger "
          "conservation, turned 50 in 2023.\n\n"
          "1. Evolution of Tiger Conservation\n(a) Project Tiger was launched on 1 April 1973 "
          "with nine tiger reserves.\n(b) The Wildlife (Protection) Act, 1972 gave the legal "
          "basis for protected areas.\n\n2. Challenges\n(a) As tiger numbers grow, more "
          "animals move outside protected areas, leading to conflict with people.\n(b) "
          "Poaching for skins, bones and other body parts for the illegal wildlife trade "
          "remains a threat.\n(c) Growth is uneven. Some reserves hold very few tigers, "
          "while others are close to their carrying capacity.\n")


def test_numbered_title_case_lines_over_points_are_sections():
    # r9-tiger-conservation (items without a card x9): "2. Evolution of Tiger
    # Conservation" over "(a) ..." points was a one-item list, so the whole article was
    # one "Introduction" of 41 points and its challenges were no challenges
    deck = cards(TIGERS)
    sections = {c.source.section for c in deck}
    assert {"Evolution of Tiger Conservation", "Challenges"} <= sections, sections
    assert not [c for c in deck if "Relevance" in c.question + c.answer]
    assert all(c.question.startswith("India's tiger conservation") or "Project Tiger" in
               c.question for c in deck), [c.question for c in deck]


def test_every_untitled_concern_is_asked_and_none_vaguely():
    # r9-tiger-conservation (BROKEN; items without a card): "what moves outside protected
    # areas?" -> "More animals"; "Poaching ... remains a threat." and "Growth is uneven."
    # had no card (a linking verb, a long subject)
    deck = cards(TIGERS)
    concerns = [c for c in deck if c.source.section == "Challenges"]
    answers = [c.answer for c in concerns]
    assert "More animals" not in answers, answers
    assert any(a.startswith("Poaching for skins") for a in answers), answers
    assert any(a.startswith("Growth is uneven") for a in answers), answers


def test_a_word_read_as_a_second_subject_stays_in_the_quote():
    # r9-one-nation-one-election (BROKEN x2): "The companion Bill amends ..." (the parser
    # made "companion" and "Bill" two subjects) was quoted "The companion amends ..."
    deck = cards("# One Nation, One Election\n\n## What does the Bill say?\n\n- *Union "
                 "Territories* \u2013 The companion Bill amends the Government of Union "
                 "Territories Act, 1963, the Government of National Capital Territory of "
                 "Delhi Act, 1991 and the Jammu and Kashmir Reorganisation Act, 2019, so that "
                 "the UT legislatures follow the same cycle.\n- *Assemblies* \u2013 Their "
                 "terms end together.\n")
    quotes = [c.question for c in deck if "companion" in c.question]
    assert quotes and all("companion Bill amends" in q for q in quotes), quotes
