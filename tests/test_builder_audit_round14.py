"""Findings of the fourteenth card audit (audits/2026-12-builder-20-round-14/), on four
articles in common layouts: a scheme note, a bilateral note, an environment explainer, a
polity explainer. One small article each; each test failed on the builder that was
audited (builder 20)."""

from __future__ import annotations

from test_builder_audit import asking, cards

SRI_LANKA = (
    "India\u2013Sri Lanka Relations\n\n"
    "Prime Minister Narendra Modi made a State Visit to Sri Lanka in April 2025. It was his "
    "first visit to the island since President Anura Kumara Dissanayake took office in "
    "September 2024.\n\n"
    "Background:\n\n"
    "1. Indo-Sri Lanka Accord, 1987 \u2013 The Accord was signed on 29 July 1987 by Prime "
    "Minister Rajiv Gandhi and President J.R. Jayewardene. It led to the 13th Amendment to "
    "the Sri Lankan Constitution, which created Provincial Councils to devolve power, "
    "including to the Tamil-majority Northern and Eastern Provinces.\n"
    "2. Neighbourhood First \u2013 Sri Lanka is central to India's \"Neighbourhood First\" "
    "policy and to its maritime vision of SAGAR (Security and Growth for All in the "
    "Region), announced in 2015. In March 2025 this vision was expanded as MAHASAGAR.\n\n"
    "Challenges:\n\n"
    "1. Devolution \u2013 The 13th Amendment has not been fully implemented.\n\n"
    "Way Forward:\n\n"
    "1. Devolution \u2013 Encourage full implementation of the 13th Amendment and early "
    "Provincial Council elections.\n"
    "2. Security \u2013 Secure the assurance that Sri Lankan territory will not be used "
    "against India's security interests.\n")


def test_this_vision_is_the_vision_named_before_not_the_items_title():
    # r15-india-sri-lanka (WRONG x2): "In March 2025 the Neighbourhood First was expanded
    # as ____" -> MAHASAGAR, which expands SAGAR
    deck = cards(SRI_LANKA)
    asked = asking(deck, "MAHASAGAR") + asking(deck, "March 2025")
    assert asked and all("SAGAR" in q.replace("MAHASAGAR", "") for q in asked), asked
    assert not [c for c in deck if "Neighbourhood First was expanded" in c.question
                or "Neighbourhood First expanded" in c.question]


def test_it_of_a_visit_is_not_the_person_who_made_it():
    # r15-india-sri-lanka (BROKEN x2): "Prime Minister Narendra Modi was his first visit to
    # the island since ____ took office"
    deck = cards(SRI_LANKA)
    assert not [c for c in deck if "Narendra Modi was his" in c.question]


def test_the_accord_of_an_item_titled_with_it_is_that_accord():
    # r15-india-sri-lanka (facts missed): "The Accord was signed on 29 July 1987" made no
    # card ("the Accord" was left unresolved), and its 13th Amendment card said "The
    # Accord led to ..." with no accord named
    deck = cards(SRI_LANKA)
    assert [q for q in asking(deck, "29 July 1987") if "Indo-Sri Lanka Accord" in q]
    assert not [c for c in deck if "\u201cThe Accord" in c.question]


def test_a_blank_never_takes_half_of_a_name_joined_by_and():
    # r15-india-sri-lanka, r15-jal-jeevan-mission (WEAK): "Northern and ____" -> "Eastern
    # Provinces"; "Dadra and ____ and Daman and Diu" -> "Nagar Haveli"
    deck = cards(SRI_LANKA) + cards(
        "Jal Jeevan Mission\n\nAchievements:\n- Goa became the first certified state in "
        "2022, and Dadra and Nagar Haveli and Daman and Diu became the first certified "
        "Union Territory.\n- Over 15 crore households have tap water.\n")
    assert not asking(deck, "Eastern Provinces")
    assert not asking(deck, "Nagar Haveli")


def test_one_answer_is_asked_at_most_twice():
    # r15-india-sri-lanka (WEAK): "13th Amendment" was the answer of three cards (what the
    # Accord led to, what is not implemented, what to implement)
    deck = cards(SRI_LANKA)
    assert 1 <= len(asking(deck, "13th Amendment")) <= 2, asking(deck, "13th Amendment")


def test_an_answer_the_question_has_in_another_form_is_no_card():
    # r15-india-sri-lanka (BROKEN): "____ territory" -> "Sri Lankan" under "India-Sri Lanka
    # Relations"; r15-comptroller-auditor-general (BROKEN): "by the ____ and the State
    # PACs" -> "PAC"
    deck = cards(SRI_LANKA) + cards(
        "Comptroller and Auditor General of India (CAG)\n\nReforms suggested\n"
        "- Fix timelines for tabling CAG reports and make their discussion by the PAC and "
        "the State PACs time-bound.\n"
        "- Give the CAG a clearer role in the audit of Panchayati Raj Institutions.\n")
    assert not asking(deck, "Sri Lankan")
    assert not asking(deck, "PAC")


GLOF = (
    "# Glacial Lake Outburst Floods (GLOFs)\n\n"
    "## What is it?\n\n"
    "A Glacial Lake Outburst Flood (GLOF) is the sudden release of water from a lake fed "
    "by a glacier. On 4 October 2023 the South Lhonak lake in Sikkim burst.\n\n"
    "## India's initiatives\n\n"
    "- **NDMA guidelines (2020):** The National Disaster Management Authority issued "
    "guidelines on managing GLOFs in 2020.\n"
    "- **National GLOF Risk Mitigation Programme:** Under this NDMA-led programme, about "
    "189 high-risk glacial lakes have been identified for detailed study.\n"
    "- **Dam Safety Act, 2021:** It provides for the surveillance of specified dams.\n\n"
    "## Way forward\n\n"
    "India needs to move from responding to GLOF disasters to reducing GLOF risk before "
    "disaster strikes. Where feasible, lake levels can be lowered through controlled "
    "siphoning or outlet channels. As glacial hazards cross borders, India should also "
    "share data with Nepal, Bhutan and China.\n")


def test_a_full_form_the_label_spells_out_is_not_asked():
    # r15-glacial-lake-outburst-floods (BROKEN): "Glacial Lake Outburst Floods (GLOFs):
    # what is the full form of GLOF?" -> "A Glacial Lake Outburst Flood"
    deck = cards(GLOF, "glof.md")
    assert not [c for c in deck if "full form of GLOF" in c.question]


def test_a_fill_in_the_blank_question_has_a_blank():
    # r15-glacial-lake-outburst-floods (BROKEN): "this NDMA-led programme" was rewritten
    # as the item's title, and the blank (NDMA) went with it
    deck = cards(GLOF, "glof.md")
    assert not [c.question for c in deck if "fill in the blank" in c.question
                and "____" not in c.question]


def test_a_possessive_heading_names_its_list_in_order():
    # r15-glacial-lake-outburst-floods (BROKEN): "name the six india's initiatives"
    deck = cards(GLOF, "glof.md")
    assert [c for c in deck if c.question.endswith("name India's three initiatives.")], \
        [c.question for c in deck if c.key.endswith("/all")]


def test_a_steps_condition_is_not_its_subject_and_one_question_has_one_answer():
    # r15-glacial-lake-outburst-floods (BROKEN): "what is recommended for feasible, lake
    # levels?"; (WEAK x2) "what should India do?" twice, with two answers
    deck = cards(GLOF, "glof.md")
    assert not [c for c in deck if "feasible," in c.question]
    questions = [c.question for c in deck]
    assert len(questions) == len(set(questions)), sorted(questions)


CAG = (
    "Comptroller and Auditor General of India (CAG)\n\n"
    "K. Sanjay Murthy took oath as the 15th Comptroller and Auditor General of India in "
    "November 2024, succeeding Girish Chandra Murmu.\n\n"
    "Powers and functions\n"
    "- Audits all expenditure from the Consolidated Fund of India.\n"
    "- Under the Companies Act, 2013, appoints the statutory auditors of government "
    "companies and may conduct supplementary audit of their accounts.\n\n"
    "Reforms suggested\n"
    "- Amend the 1971 Act to clearly cover public-private partnerships.\n"
    "- Use clearly explained methods for estimating losses so that reports retain public "
    "trust.\n")


def test_a_person_named_with_an_initial_is_asked_with_who():
    # r15-comptroller-auditor-general (BROKEN): "what took oath as the 15th Comptroller
    # and Auditor General of India in November 2024?" -> "K. Sanjay Murthy"
    deck = cards(CAG)
    asked = asking(deck, "K. Sanjay Murthy")
    assert asked and all(": who took oath" in q for q in asked), asked


def test_a_quote_never_lacks_the_subject_a_list_left_unsaid():
    # r15-comptroller-auditor-general (BROKEN): "Under the ____, appoints the statutory
    # auditors of government companies ..." -> "Companies Act, 2013"
    deck = cards(CAG)
    assert not [c for c in deck if "____, appoints" in c.question]


def test_a_steps_verb_is_never_its_answer():
    # r15-comptroller-auditor-general (BROKEN): "what clearly explained methods for
    # estimating losses?" -> "Use" ("Reforms suggested" was no measures heading)
    deck = cards(CAG)
    assert not asking(deck, "Use")
    assert {c.kind for c in deck if c.source.section == "Reforms suggested"} == {"measure"}
