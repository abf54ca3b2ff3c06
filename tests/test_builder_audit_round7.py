"""Findings of the seventh card audit (audits/2026-12-builder-7-round-7/), on four articles
in shapes no earlier article had: one small article each, for the wrong and broken cards
the reviewers found. Each test failed on the builder that was audited (builder 7)."""

from __future__ import annotations

from test_builder_audit import cards

TIMELINE = ("India-Maldives Relations\n\nChronology of Key Events:\n\n"
            "1988: Under Operation Cactus, Indian forces stopped an attempted coup in "
            "November.\n"
            "2018: Yameen declared a state of emergency in February.\n"
            "2021: An agreement was signed in February to develop the Uthuru Thila Falhu "
            "harbour.\n")


def test_a_timeline_is_one_entry_per_dated_line():
    # r8-india-maldives (WRONG x5): "1988: ...", "2018: ...", "2021: ..." on lines of
    # their own were one paragraph, an item titled 1988, so the 2021 agreement was asked
    # as "1988: An agreement was signed in ____ ..."
    deck = cards(TIMELINE)
    harbour = [c for c in deck if "Uthuru" in c.question + c.answer]
    assert harbour and all("1988" not in c.question for c in harbour), \
        [c.question for c in harbour]
    assert any("2021" in c.question + c.answer for c in harbour)


def test_a_month_under_a_year_is_answered_with_its_year():
    # r8-india-maldives (WEAK x6): "when did Yameen declare a state of emergency?" ->
    # "February" (the year was only in the timeline's "2018:")
    deck = cards(TIMELINE)
    asked = {c.answer for c in deck if c.question.endswith("declare a state of emergency?")}
    assert asked == {"February 2018"}, asked


def test_arrows_are_bullets():
    # r8-india-maldives (WEAK x7): "→ The Maldives is an archipelago ..." lines were one
    # paragraph and the arrows were quoted in questions and answers
    deck = cards("India-Maldives Relations\n\nBackground:\n\n"
                 "\u2192 The Maldives is an archipelago of about 1,200 coral islands.\n"
                 "\u2192 A 1976 agreement settled the maritime boundary.\n")
    assert deck
    assert not [c for c in deck if "\u2192" in c.question + c.answer]


def test_an_it_does_not_reach_back_past_another_subject():
    # r8-dpdp-act (WRONG): "... The Personal Data Protection Bill, 2019 ... was withdrawn
    # in August 2022. A new draft followed in November 2022. Parliament passed the Act
    # ... It removes Section 43A ..." was asked as "The Personal Data Protection Bill
    # removes ____"; and "Parliament passed the Act ..., and it received Presidential
    # assent" as "when did Parliament receive Presidential assent?"
    deck = cards("# The DPDP Act\n\n## Background\n\nThe Personal Data Protection Bill, "
                 "2019 went to a Joint Parliamentary Committee and was withdrawn in August "
                 "2022. A new draft followed in November 2022. Parliament passed the Act in "
                 "August 2023, and it received Presidential assent on 11 August 2023. It "
                 "removes Section 43A of the Information Technology Act, 2000.\n")
    assert deck
    wrong = [c.question for c in deck if "Bill removes" in c.question
             or "Parliament receive" in c.question]
    assert not wrong, wrong


def test_a_section_label_is_not_part_of_a_name():
    # r8-dpdp-act (BROKEN x5): "Sections 18 to 26 - Data Protection Board of India: The
    # Central Government sets up the Board ..." was quoted as "sets up the 26 - Data
    # Protection Board", answered "Sections 18"; "Section 44(3) - Amendment to RTI Act:
    # This amends ..." as "The Section 44(3) - Amendment to RTI Act amends ____"
    deck = cards("# The DPDP Act\n\n## Key Provisions\n\nSections 18 to 26 - Data "
                 "Protection Board of India: The Central Government sets up the Board and "
                 "appoints its members for a two-year term.\n\nSection 29 - Appeals: Appeals "
                 "against the Board's orders go to the Telecom Disputes Settlement and "
                 "Appellate Tribunal (TDSAT).\n\nSection 44(3) - Amendment to RTI Act: This "
                 "amends Section 8(1)(j) of the Right to Information Act, 2005.\n")
    assert deck
    texts = [c.question + " " + c.answer for c in deck]
    assert not [t for t in texts if "the 26 - Data" in t or "RTI Act amends" in t], texts
    assert "Sections 18" not in {c.answer for c in deck}
    assert any("Section 44(3) amends" in t for t in texts), texts


def test_a_lead_in_before_a_colon_is_neither_a_section_nor_part_of_the_question():
    # r8-heatwaves (BROKEN, WEAK x2): "Here are the key facts: the Ahmedabad Heat Action
    # Plan of 2013 was the first such plan ...; ... and Telangana adopted a Cool Roof
    # Policy in 2023." made a section "Here are the key facts", a card "which such plan in
    # South Asia was the Ahmedabad Heat Action Plan of 2013?" -> "first", and quotes
    # opening "And Telangana adopted ..."
    deck = cards("#### Heatwaves in India\n\n#### Institutional Framework\n\nHere are the "
                 "key facts: the Ahmedabad Heat Action Plan of 2013 was the first such plan "
                 "in South Asia; the NDMA issued guidelines in 2016; and Telangana adopted a "
                 "Cool Roof Policy in 2023.\n")
    assert {c.source.section for c in deck} == {"Institutional Framework"}
    questions = [c.question for c in deck]
    assert questions and not [q for q in questions if "such plan in South Asia was" in q
                              or "key facts" in q or "\u201cAnd " in q], questions
    assert any(c.answer == "Cool Roof Policy" for c in deck), questions


def test_a_participle_in_brackets_is_not_the_names_verb():
    # r8-semiconductor-mission (BROKEN x2): "the PLI Scheme for IT Hardware 2.0 (Rs 17,000
    # crore, approved May 2023)" was asked "when did the ... Scheme ... approve?", and the
    # scheme's name was cut before its "2.0"
    deck = cards("# India Semiconductor Mission\n\n## Other key points\n\n- **Related "
                 "schemes**: the Production Linked Incentive (PLI) Scheme for IT Hardware 2.0 "
                 "(Rs 17,000 crore, approved May 2023) and the Electronics Component "
                 "Manufacturing Scheme (Rs 22,919 crore, approved March 2025).\n")
    questions = [c.question for c in deck]
    assert questions and not [q for q in questions if q.endswith(" approve?")], questions
    named = {c.answer for c in deck if "(a name)" in c.question}
    assert "Production Linked Incentive (PLI) Scheme for IT Hardware" not in named, named


def test_in_response_is_left_out_of_a_question():
    # r8-semiconductor-mission (WEAK x2): "In response, the Union Cabinet approved the
    # Semicon India Programme in December 2021" -> "... approve ... in response?"
    deck = cards("# India Semiconductor Mission\n\n## Background\n\nChip shortages hit "
                 "carmakers in 2021. In response, the Union Cabinet approved the Semicon "
                 "India Programme in December 2021, with a total outlay of Rs 76,000 "
                 "crore.\n")
    asked = [c.question for c in deck if c.question.endswith("?")]
    assert asked and not [q for q in asked if "in response" in q.lower()], asked


def test_a_list_after_including_stops_at_the_next_claim():
    # r8-india-maldives (BROKEN): "The Maldives has taken large Chinese loans, including
    # for the China-Maldives Friendship Bridge, and has an FTA with China." was asked
    # "including ____ (two things)" -> "for the China-Maldives Friendship Bridge, and has
    # an FTA with China"
    deck = cards("India-Maldives Relations\n\nIrritants:\n\n\u2022 Chinese presence: The "
                 "Maldives has taken large Chinese loans, including for the China-Maldives "
                 "Friendship Bridge, and has an FTA with China.\n\u2022 Debt: High external "
                 "debt exposes the Maldives to pressure from creditors.\n")
    assert deck
    assert not [c for c in deck if "things)" in c.question], [c.answer for c in deck]


def test_a_title_whose_last_word_could_be_a_verb_is_still_a_title():
    # r8-india-maldives (BROKEN, WRONG): "Digital and people-to-people links: RuPay was
    # launched ..." had no title ("links" read as a verb), so "RuPay" became "Digital and
    # people-to-people links" in a question and the list of areas lost one
    deck = cards("India-Maldives Relations\n\nAreas of Cooperation:\n\n\u2022 Development "
                 "partnership: India built Hanimaadhoo International Airport.\n\u2022 Digital "
                 "and people-to-people links: RuPay was launched in the Maldives in October "
                 "2024.\n")
    questions = [c.question for c in deck]
    assert any("\u201cDigital and people-to-people links\u201d" in q for q in questions), \
        questions
    assert not [q for q in questions if "was Digital" in q], questions


def test_a_description_in_pieces_is_not_asked():
    # r8-india-maldives (BROKEN): blanking the title's words ("India", "politics") left
    # "____ assistance has been portrayed in Maldivian ____ as a threat to sovereignty,
    # ... uniformed ____ personnel"
    deck = cards("India-Maldives Relations\n\nIrritants:\n\n\u2022 \"India Out\" politics: "
                 "Indian assistance has been portrayed in Maldivian politics as a threat to "
                 "sovereignty, which led to the withdrawal of uniformed Indian personnel.\n"
                 "\u2022 Debt vulnerability: High external debt exposes the Maldives to "
                 "pressure from creditors.\n")
    assert deck
    assert not [c.question for c in deck if c.question.count("____") >= 3]
