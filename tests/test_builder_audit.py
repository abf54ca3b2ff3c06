"""Findings of the December card audit (audits/2026-12-builder-3/), one small article
each: a wrong or broken card the reviewers found, or a fact no card asked. Each test
failed on the builder that was audited."""

from __future__ import annotations

import re

from flashcards.builder import build_deck
from flashcards.domain import CardDraft


def cards(text: str, name: str = "note.txt") -> list[CardDraft]:
    return list(build_deck(text, name).deck.cards)


def asking(deck: list[CardDraft], answer: str) -> list[str]:
    return [c.question for c in deck if c.answer == answer]


REPORT = ("India State of Forest Report 2021\n\nKey Findings:\n"
          "• Mangroves – 4,992 sq km, an increase of 17 sq km since 2019.\n"
          "• Carbon stock – 7,204 million tonnes, an increase of 79.4 million tonnes since "
          "2019.\n")


def test_a_figure_is_asked_though_its_neighbours_share_its_unit():
    # report-forest-b: 12 figures dropped as "most of the answer's words are in the
    # question" because "sq km" or "million tonnes" stood beside them
    deck = cards(REPORT)
    for figure in ("4,992 sq km", "17 sq km", "7,204 million tonnes", "79.4 million tonnes"):
        assert asking(deck, figure), (figure, [c.answer for c in deck])


def test_a_heading_whose_text_is_a_figure_is_not_asked_what_it_means():
    # report-forest-b (WRONG): "what is meant by 'Mangroves'?" -> "4,992 sq km, ..."
    deck = cards(REPORT)
    explained = [c for c in deck if c.answer.startswith("4,992 sq km, an increase")]
    assert explained
    assert all("meant by" not in c.question for c in explained), explained


def test_a_penalty_line_is_not_a_definition():
    # markdown-data-protection-b (WRONG): "what is meant by 'Security safeguards'?" ->
    # "Failure to take reasonable security safeguards ... – up to ₹250 crore"
    deck = cards("# Data Protection Act\n\n## Enforcement\n\n"
                 "The Board will inquire into breaches. Penalties are listed in a Schedule:\n\n"
                 "- Security safeguards: Failure to take reasonable security safeguards to "
                 "prevent a data breach – up to ₹250 crore.\n"
                 "- Duties of Data Principals: Breach, such as filing a false complaint – up "
                 "to ₹10,000.\n", "act.md")
    defined = [c for c in deck if "meant by" in c.question]
    assert not defined, defined


def test_sub_bullets_are_not_cut_to_the_first_with_its_bullet_mark():
    # markdown-chandrayaan3, markdown-data-protection-b (BROKEN): "- ChaSTE measured ..."
    deck = cards("# Chandrayaan-3\n\n## Key Findings\n\n- Payloads at work:\n"
                 "    - ChaSTE measured the temperature profile of the lunar topsoil down "
                 "to about 10 cm.\n"
                 "    - ILSA recorded a natural event, likely a moonquake, on 26 August "
                 "2023.\n"
                 "    - RAMBHA-LP measured the density of the plasma near the surface of "
                 "the Moon.\n", "moon.md")
    assert not [c for c in deck if c.answer.startswith("- ")], [c.answer for c in deck]


def test_a_heading_that_joins_two_topics_is_no_list_to_name():
    # markdown-data-protection-b: "name the five scope and actors" (BROKEN), "name the
    # four rights and duties" -> "Consent, Rights, Children, ..." (WRONG)
    deck = cards("# Data Protection Act\n\n## Key Provisions\n\n### Rights and duties\n\n"
                 "- Consent: Data may be processed only for a lawful purpose.\n"
                 "- Children: Processing a child's data needs parental consent.\n"
                 "- Cross-border transfer: Data can flow abroad except to countries "
                 "the Centre restricts.\n", "act.md")
    assert not [c for c in deck if "rights and duties" in c.question.lower()
                and c.kind == "list"]


def test_the_verdict_is_not_tied_to_the_last_case_named():
    # judgment-article-370 (WRONG): "The verdict in Sampat Prakash v. State of Jammu and
    # Kashmir closed a legal challenge pending since ____" -> 2019
    deck = cards("The Article 370 verdict\n\nBackground:\n"
                 "In Re: Article 370 of the Constitution was decided on 11 December 2023. "
                 "The Court relied on Prem Nath Kaul v. State of Jammu and Kashmir (1959) "
                 "and Sampat Prakash v. State of Jammu and Kashmir (1968).\n\n"
                 "Conclusion:\nThe verdict closed a legal challenge pending since 2019.\n")
    wrong = [c.question for c in deck if "Sampat Prakash" in c.question
             and "2019" == c.answer]
    assert not wrong, wrong


def test_its_is_not_read_as_the_topic():
    # markdown-chandrayaan3 (WRONG): "Chandrayaan-3: when did its Vikram lander crash
    # land?" -> September 2019 (Chandrayaan-2's lander); markdown-data-protection-b
    # (BROKEN): "Its members are appointed by ____"
    deck = cards("# Chandrayaan-3\n\n## Earlier missions\n\n"
                 "- Chandrayaan-2: Launched on 22 July 2019. Its Vikram lander crash-landed "
                 "in September 2019, but the orbiter kept working.\n", "moon.md")
    asked = asking(deck, "September 2019")
    assert asked and all("Chandrayaan-2\u2019s Vikram lander" in q for q in asked), asked


def test_this_mission_needs_its_name():
    # markdown-chandrayaan3 (BROKEN): "when did the Union Cabinet approve this
    # sample-return mission?" (Chandrayaan-4 never named)
    deck = cards("# Chandrayaan-3\n\n## Way Forward\n\n"
                 "India plans to bring lunar samples home. The Union Cabinet approved this "
                 "sample-return mission in September 2024, at a cost of Rs 2,104 crore.\n",
                 "moon.md")
    dangling = [c.question for c in deck if re.search(r"\bthis sample", c.question)]
    assert not dangling, dangling


def test_a_possessive_lander_is_not_carried_to_another_mission():
    # markdown-chandrayaan3 (WRONG): "carried on the Chandrayaan-2's lander"
    deck = cards("# Chandrayaan-3\n\n## Key Findings\n\n"
                 "- Names on the Moon: The spot where Chandrayaan-2’s lander crashed was "
                 "named “Tiranga point”.\n"
                 "- Laser array: NASA’s passive Laser Retroreflector Array was carried on "
                 "the lander.\n", "moon.md")
    wrong = [c.question for c in deck if "Chandrayaan-2’s lander" in c.question
             and "Retroreflector" in c.question + c.answer]
    assert not wrong, wrong


def test_the_partnership_is_not_guessed_among_several():
    # india-japan-relations (WRONG): "will deepen the partnership" became "will deepen
    # the India-Japan Clean Energy Partnership"
    deck = cards("India-Japan Relations\n\n"
                 "India and Japan share a Special Strategic and Global Partnership, upgraded "
                 "in 2014.\n\nAreas of Cooperation:\n"
                 "1. Clean energy: The India-Japan Clean Energy Partnership was launched in "
                 "2022.\n\nWay Forward:\n"
                 "India should leverage Japanese capital for its semiconductor mission. "
                 "Greater people-to-people ties, such as the Specified Skilled Worker "
                 "programme, will deepen the partnership.\n")
    wrong = [c.question for c in deck if "deepen the India" in c.question]
    assert not wrong, wrong


def test_a_clause_of_a_few_words_is_not_a_card():
    # judgment-privacy-b (WRONG): "'____ dissented.'" -> Justice Chandrachud (he
    # dissented in the Aadhaar case, not in Puttaswamy)
    deck = cards("The Puttaswamy judgment\n\nLater rulings:\n"
                 "On 26 September 2018, a five-judge bench upheld the Aadhaar Act, 2016 by "
                 "a 4:1 majority but struck down Section 57; Justice Chandrachud "
                 "dissented.\n")
    bare = [c.question for c in deck if "____ dissented" in c.question]
    assert not bare, bare


def test_an_imperative_verb_is_no_part_of_a_name():
    # report-nfhs5 (WRONG): "Scale up Anemia Mukt Bharat" taught as a scheme's name;
    # (BROKEN) "when did strengthen POSHAN Abhiyaan launch?"
    deck = cards("NFHS-5\n\nRecommendations:\n"
                 "1. Nutrition convergence: Strengthen POSHAN Abhiyaan, launched on 8 March "
                 "2018, and Mission Poshan 2.0.\n"
                 "2. Anaemia control: Scale up Anemia Mukt Bharat and its testing of six "
                 "target groups.\n"
                 "3. Waste: Enforce the Solid Waste Management Rules, 2016, and clear "
                 "dumpsites.\n")
    answers = [c.answer for c in deck]
    assert not [a for a in answers if re.match(r"(?:Scale up|Enforce|Strengthen) ", a)
                and len(a.split()) <= 8], answers
    assert not [c.question for c in deck if "did strengthen" in c.question.lower()]


def test_one_day_is_no_length_of_time_and_three_fold_no_count():
    # markdown-chandrayaan3 (WRONG): "(a length of time) ... ____, to send Indians to the
    # Moon" -> "one day"; judgment-privacy-b (BROKEN): "how many test" -> "three-fold"
    deck = cards("Space and privacy\n\nBackground:\n"
                 "India aims to bring lunar samples home and, one day, to send Indians to "
                 "the Moon. Any intrusion into privacy must pass a three-fold test.\n")
    answers = [c.answer for c in deck]
    assert "one day" not in answers and "three-fold" not in answers, answers


def test_the_label_does_not_give_away_an_answer_that_carries_its_abbreviation():
    # pm-kusum (BROKEN): label "PM-KUSUM" and answer "Pradhan Mantri Kisan Urja Suraksha
    # evam Utthaan Mahabhiyan (PM-KUSUM)"
    deck = cards("PM-KUSUM\n\nAbout the Scheme:\n"
                 "The Pradhan Mantri Kisan Urja Suraksha evam Utthaan Mahabhiyan (PM-KUSUM) "
                 "was launched in 2019 by the Ministry of New and Renewable Energy.\n")
    given = [c.question for c in deck if "(PM-KUSUM)" in c.answer
             and c.question.startswith("PM-KUSUM")]
    assert not given, given
