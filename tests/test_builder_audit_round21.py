"""Findings of the twenty-first card audit (audits/2026-12-builder-33-round-21/), on four
unseen articles in common layouts. Each test failed on builder 33."""

from __future__ import annotations

from test_builder_audit import cards

TRIBUNALS = (
    "Tribunals in India\n\n"
    "Tribunals are quasi-judicial bodies set up to decide specialised disputes.\n\n"
    "Landmark judgments:\n"
    "S.P. Sampath Kumar v. Union of India (1987): The Supreme Court upheld the "
    "Administrative Tribunals Act, treating tribunals as an effective substitute for the "
    "High Courts in service matters.\n"
    "L. Chandra Kumar v. Union of India (1997): A seven-judge Constitution Bench held that "
    "judicial review is part of the basic structure. Decisions of tribunals are subject to "
    "scrutiny by a Division Bench of the High Court concerned.\n"
    "Madras Bar Association cases: In a series of judgments the Court stressed that "
    "tribunals must be independent of the executive.\n\n"
    "Reforms needed:\n"
    "National Tribunals Commission: An independent body to oversee appointments and "
    "administration of all tribunals, as repeatedly suggested by the Supreme Court.\n"
    "Security of tenure: Longer fixed terms would attract talent and protect "
    "independence.\n")


def test_case_lines_are_items_of_their_own():
    # r22-tribunals (facts missed, WRONG x2): three "Case (year): text" lines read as one
    # item, so "the Court" of the third was the High Court named in the second
    deck = cards(TRIBUNALS)
    assert [c for c in deck if c.answer == "L. Chandra Kumar v. Union of India (1997)"], \
        [(c.question, c.answer) for c in deck]
    assert not [c.question for c in deck if "High Court stress" in c.question]


def test_a_measure_proposed_by_another_body_is_no_recommender():
    # r22-tribunals (WRONG x2): "what did the National Tribunals Commission recommend?",
    # "who recommended this: 'An independent body ..., as suggested by the Supreme Court'"
    deck = cards(TRIBUNALS)
    assert not [c.question for c in deck if "Tribunals Commission recommend" in c.question
                or (c.answer == "National Tribunals Commission"
                    and "recommended this" in c.question)], [c.question for c in deck]


def test_a_way_ahead_item_is_no_measure():
    # r22-mangroves (BROKEN, and "name the seven measures" counted it): "- **Way ahead:**
    # ..." under "## Conservation measures" read as a measure titled "Way ahead"
    deck = cards(
        "# Mangroves\n\nMangroves are salt-tolerant trees of tropical coasts.\n\n"
        "## Conservation measures\n\n"
        "- **Legal safeguards:** Mangroves are protected under the CRZ Notification.\n"
        "- **MISHTI:** A programme launched in 2023 to restore mangroves.\n"
        "- **Way ahead:** Stricter enforcement and regular satellite monitoring are "
        "needed.\n", "mangroves.md")
    assert not [c.question for c in deck if c.answer == "Way ahead"
                or "Way ahead" in c.answer], [(c.question, c.answer) for c in deck]
    assert [c.question for c in deck if "two measures" in c.question], \
        [c.question for c in deck]


MANGROVES = (
    "# Mangroves\n\n"
    "Mangroves are salt-tolerant trees of the intertidal zone.\n\n"
    "## Key facts\n\n"
    "- **Trend:** ISFR 2021 recorded an increase of 17 sq km in mangrove cover compared "
    "with the 2019 assessment.\n"
    "- **Leading states:** West Bengal has the largest share of India's mangrove cover "
    "(about 42 per cent), followed by Gujarat (about 24 per cent) and Andaman and Nicobar "
    "Islands (about 12 per cent).\n"
    "- **Legal protection:** Under the Coastal Regulation Zone (CRZ) Notification, 2019, "
    "mangroves fall in CRZ-I, the category of ecologically sensitive areas.\n"
    "- **Global alliance:** India joined the Mangrove Alliance for Climate (MAC), launched "
    "by the UAE and Indonesia at COP27 in Sharm el-Sheikh, Egypt, in November 2022.\n")


def test_the_later_figures_of_a_list_are_asked():
    # r22-mangroves (facts missed): "followed by Gujarat (about 24 per cent) and A&N
    # (about 12 per cent)": only West Bengal's 42 per cent had a card
    deck = cards(MANGROVES, "m.md")
    for figure in ("about 24 per cent", "about 12 per cent"):
        asked = [c.question for c in deck if c.answer == figure]
        assert asked and "Gujarat" in asked[0], (figure, [c.answer for c in deck])


def test_a_generic_label_is_no_question_when_its_facts_are_asked():
    # r22-mangroves (WEAK x9): "under 'Key facts', what is said about 'Trend'?" (a trend
    # in what?), whose blanks ask every figure in it; an item with a sentence no blank
    # asks keeps its card
    deck = cards(MANGROVES, "m.md")
    about = [c.question for c in deck if "what is said about" in c.question]
    assert not [q for q in about if "Trend" in q or "Leading states" in q], about
    assert [q for q in about if "Legal protection" in q], about


def test_blank_hints_fit_their_answers():
    # r22-mangroves (WEAK x2): "(a date)" -> "ISFR 2021", "(a place)" -> "COP27"
    deck = cards(MANGROVES, "m.md")
    hints = {c.answer: c.question for c in deck if "fill in the blank" in c.question}
    assert "ISFR 2021" not in hints and "(a date)" in hints["2021"], hints
    assert "(a place)" not in hints["COP27"], hints["COP27"]


def test_an_expansion_starts_at_the_name():
    # r22-mangroves (BROKEN): "what is the full form of CRZ?" -> "Under the Coastal
    # Regulation Zone"
    deck = cards(MANGROVES, "m.md")
    assert [c.answer for c in deck if c.question.endswith("full form of CRZ?")] == [
        "Coastal Regulation Zone"]


def test_a_relative_object_is_asked_after_its_verb():
    # r22-atal-pension-yojana (facts missed): the opening paragraph's launch in Kolkata
    # on 9 May 2015 had no card ("where did the Prime Minister launch together ...
    # that?" was dropped)
    deck = cards("# Atal Pension Yojana\n\n"
                 "The Atal Pension Yojana (APY) offers a guaranteed pension to workers of "
                 "the unorganised sector. It is one of the three \"Jan Suraksha\" social "
                 "security schemes that the Prime Minister launched together in Kolkata on "
                 "9 May 2015.\n\n## About the scheme\n\n- **Regulator:** The Pension Fund "
                 "Regulatory and Development Authority administers it.\n", "apy.md")
    asked = {c.answer: c.question for c in deck}
    assert asked["Kolkata"].endswith("where did the Prime Minister launch the three Jan "
                                     "Suraksha social security schemes together on 9 May "
                                     "2015?"), asked["Kolkata"]
    assert "9 May 2015" in asked


SCHEME = (
    "# Atal Pension Yojana\n\n"
    "## About the scheme\n\n"
    "- **Guaranteed pension:** Subscribers receive a guaranteed minimum monthly pension of "
    "Rs 1,000, Rs 2,000, Rs 3,000, Rs 4,000 or Rs 5,000 after the age of 60.\n"
    "- **Co-contribution:** For eligible subscribers who joined before 31 December 2015, "
    "the Centre co-contributed 50 per cent of the subscriber's contribution or Rs 1,000 a "
    "year, whichever was lower, for five years.\n"
    "- **Corridor:** Both countries signed the Memorandum of Understanding on the India–"
    "Middle East–Europe Economic Corridor (IMEC) on the sidelines of the New Delhi G20 "
    "Summit in September 2023, along with the UAE, the United States, the European Union, "
    "France, Germany and Italy.\n")


def test_a_series_of_amounts_is_one_answer():
    # r22-atal-pension-yojana (WEAK x4): "pension of ____, Rs 2,000, Rs 3,000, ..." -> one
    # card per amount, each guessed from the series around it
    deck = cards(SCHEME, "s.md")
    amounts = [c.answer for c in deck if "monthly pension" in c.question
               and c.answer.startswith("Rs")]
    assert amounts == ["Rs 1,000, Rs 2,000, Rs 3,000, Rs 4,000 or Rs 5,000"], amounts


def test_a_restrictive_clause_is_no_claim_of_its_own():
    # r22-atal-pension-yojana (BROKEN): "Eligible subscribers joined before ____."
    deck = cards(SCHEME, "s.md")
    dated = [c.question for c in deck if c.answer == "31 December 2015"]
    assert not [q for q in dated if "Eligible subscribers joined" in q], dated


def test_a_list_member_is_not_asked_with_its_list_cut():
    # r22-india-saudi-arabia (BROKEN x2): "... along with the ____, …" -> "UAE": the
    # other members of the list, cut to "…", fit the blank as well
    deck = cards(SCHEME, "s.md")
    cut = [c.question for c in deck if c.answer in ("UAE", "European Union")
           and "\u2026" in c.question]
    assert not cut, cut


def test_a_when_clause_keeps_its_year():
    # r22-india-saudi-arabia (BROKEN): "what was the Chief Guest at India's Republic Day
    # celebrations?" of "signed in 2006, when King Abdullah was the Chief Guest ...":
    # every Republic Day has one, and a king is a "who"
    deck = cards("India–Saudi Arabia Relations\n\n"
                 "India and Saudi Arabia share centuries-old links of trade. The Delhi "
                 "Declaration was signed in 2006, when King Abdullah was the Chief Guest at "
                 "India's Republic Day celebrations.\n\n"
                 "Areas of cooperation:\n"
                 "1. Energy – Saudi Arabia is one of India's largest suppliers of crude oil.\n"
                 "2. Trade – Bilateral trade was about USD 43 billion in 2023-24.\n", "s.txt")
    asked = [c.question for c in deck if c.answer == "King Abdullah"]
    assert asked and asked[0].endswith("who was the Chief Guest at India's Republic Day "
                                       "celebrations in 2006?"), asked


PROVISIONS = (
    "Tribunals in India\n\n"
    "Tribunals are quasi-judicial bodies set up to decide specialised disputes.\n\n"
    "Constitutional provisions:\n"
    "The original Constitution did not contain provisions on tribunals. Part XIV-A was "
    "inserted by the Constitution (Forty-second Amendment) Act, 1976.\n"
    "Article 323A: Empowers Parliament alone to provide, by law, for administrative "
    "tribunals for service matters.\n"
    "Article 323B: Empowers both Parliament and State Legislatures to set up tribunals for "
    "other matters such as taxation and land reforms.\n"
    "Other tribunals: The National Green Tribunal and the Armed Forces Tribunal are "
    "examples created by statute.\n")


def test_titled_lines_after_a_lead_are_items():
    # r22-tribunals (facts missed): "Article 323A: Empowers Parliament ..." lines under a
    # lead sentence were read as one paragraph, and no card asked Article 323A or 323B
    deck = cards(PROVISIONS, "t.txt")
    asked = {c.answer: c.question for c in deck}
    assert asked["Article 323A"].endswith("which Article empowers Parliament alone to "
                                          "provide, by law, for administrative tribunals "
                                          "for service matters?"), asked
    assert "Article 323B" in asked, asked
    assert "Part XIV-A" in asked, asked


def test_an_open_list_has_no_count():
    # r22-tribunals: "name the four constitutional provisions" -> "... 4. Other tribunals"
    deck = cards(PROVISIONS, "t.txt")
    assert not [c.question for c in deck if c.question.endswith("constitutional provisions.")]


def test_a_judgment_card_names_its_case():
    # r22-tribunals (WEAK, and round 19 BROKEN): "what did a seven-judge Constitution Bench
    # hold?", "which act did the Supreme Court uphold?" (it has upheld many), "under
    # 'Landmark judgments', what is said about 'S.P. Sampath Kumar v. ...'?"
    deck = cards(TRIBUNALS)
    asked = {c.answer: c.question for c in deck}
    assert asked["Administrative Tribunals Act"].endswith(
        "in S.P. Sampath Kumar v. Union of India (1987), which act did the Supreme Court "
        "uphold?"), asked
    held = [q for q in asked.values() if "Constitution Bench hold" in q]
    assert held == ["Tribunals in India: in L. Chandra Kumar v. Union of India (1997), what "
                    "did the seven-judge Constitution Bench hold?"], held
    assert [q for q in asked.values() if q.endswith(
        "what was decided in S.P. Sampath Kumar v. Union of India (1987)?")], asked
