"""Findings of the twenty-fourth card audit (audits/2026-12-builder-39-round-24/), on five
unseen articles. Each test failed on builder 39."""

from __future__ import annotations

from test_builder_audit import cards

RAMSAR = ("# Ramsar sites\n\n## About\n"
          "The Convention on Wetlands of International Importance was signed at Ramsar, "
          "Iran, on 2 February 1971. India joined the Convention on 1 February 1982. Chilika "
          "Lake became the first Indian site under the Convention in 1981.\n")


def test_a_name_with_of_keeps_its_article_where_it_replaces_the_noun():
    # r25-ramsar-wetlands (BROKEN x3): "when did India join Convention on Wetlands of
    # International Importance?": "the Convention" was replaced by the bare name
    deck = cards(RAMSAR, "r.md")
    asked = [c.question for c in deck if c.answer == "1 February 1982"]
    assert asked and "join the Convention on Wetlands" in asked[0], asked
    assert not [c for c in deck if " join Convention" in c.question
                or "under Convention" in c.question], [c.question for c in deck]


PMFBY = ("Cabinet approves continuation of Pradhan Mantri Fasal Bima Yojana till 2025-26\n\n"
         "New Delhi, 1 January 2025: The Union Cabinet, chaired by Prime Minister Shri "
         "Narendra Modi, today approved the continuation of the Pradhan Mantri Fasal Bima "
         "Yojana (PMFBY) and the Restructured Weather Based Crop Insurance Scheme (RWBCIS) "
         "till 2025-26, with an overall outlay of Rs 69,515.71 crore.\n\n"
         "The Cabinet also approved the creation of a Fund for Innovation and Technology "
         "(FIAT) with a corpus of Rs 824.77 crore. The fund will finance technological "
         "initiatives under the scheme, namely YES-TECH and WINDS. Briefing the media, Union "
         "Minister for Information and Broadcasting Shri Ashwini Vaishnaw said that about 88 "
         "per cent of the farmers insured under the scheme are small and marginal farmers."
         "\n\nConcerns\n- Delays: Claims are settled late.\n")


def test_the_scheme_is_the_articles_scheme_when_two_were_named():
    # r25-pmfby (WRONG x3): "the scheme" read as RWBCIS, the last scheme named, though a
    # yojana is a scheme too: PMFBY's 88 per cent and WINDS were given to RWBCIS
    deck = cards(PMFBY, "p.txt")
    assert not [c for c in deck if "insured under the Restructured" in c.question
                or "under the Restructured Weather Based Crop Insurance Scheme, namely"
                in c.question], [c.question for c in deck]
    asked = [c.question for c in deck if c.answer == "WINDS"]
    assert asked and "under the Pradhan Mantri Fasal Bima Yojana" in asked[0], asked


def test_a_dateline_is_no_part_of_the_first_sentence():
    # r25-pmfby (BROKEN x3): "New Delhi, ____ approved the continuation ..." -> 1 January
    # 2025: the Cabinet that approved it was lost to the dateline
    deck = cards(PMFBY, "p.txt")
    assert not [c for c in deck if "New Delhi" in c.question], [c.question for c in deck]
    asked = [c.question for c in deck if c.answer == "1 January 2025"]
    assert asked and "Union Cabinet" in asked[0], [c.question for c in deck]


def test_a_participle_is_no_speaker():
    # r25-pmfby (WRONG, garbled): "what did briefing the media say?"
    deck = cards(PMFBY, "p.txt")
    assert not [c for c in deck if "briefing the media say" in c.question.lower()]


def test_the_second_clause_of_a_sentence_keeps_its_own_subject():
    # r25-collegium (WRONG): "which commission did the Law Commission's 121st Report
    # recommend with a judicial majority?" -> National Judicial Commission (the NCRWC's)
    deck = cards("# Collegium\n\n## Reforms suggested\n"
                 "- Revisit a commission model: the Law Commission's 121st Report (1987) "
                 "proposed a National Judicial Service Commission, and the National "
                 "Commission to Review the Working of the Constitution (NCRWC, 2002) "
                 "recommended a National Judicial Commission with a judicial majority.\n",
                 "c.md")
    assert not [c for c in deck if c.answer == "National Judicial Commission"
                and "Law Commission" in c.question], [c.question for c in deck]


def test_a_date_after_a_figure_in_brackets_dates_the_figure():
    # r25-global-innovation-index (WRONG): "when did India rank 39th ... up from 40th?"
    # -> 2023, the year it was 40th
    deck = cards("# Global Innovation Index 2024\n\n## India's performance\n"
                 "India ranked 39th out of 133 economies with a score of 38.3, up from 40th "
                 "(score 38.1) in 2023, continuing a steady climb.\n", "g.md")
    assert not [c for c in deck if c.answer == "2023" and c.question.lower().count("when")]


def test_what_a_step_would_bring_is_no_recommendation_for_it():
    # r25-india-germany (WRONG x2): "what is recommended for an early conclusion of the
    # India–EU FTA?" -> "An early conclusion ... would give German firms the confidence"
    deck = cards("India-Germany relations\n\nThe Way Forward\n"
                 "India and Germany need to turn convergence into outcomes. An early "
                 "conclusion of the India-EU FTA would give German firms the confidence to "
                 "diversify supply chains towards India. Co-development and co-production in "
                 "defence can give the partnership a strategic depth.\n", "g.txt")
    assert not [c for c in deck if "recommended for an early conclusion" in c.question
                or "recommended for co-development" in c.question], [c.question for c in deck]


def test_who_took_an_office():
    # r25-india-germany (BROKEN): "what became Chancellor in May 2025?"
    deck = cards("India-Germany relations\n\nPolitical ties:\n"
                 "1. Continuity: Friedrich Merz became Chancellor in May 2025, and German "
                 "Foreign Minister Johann Wadephul visited India in September 2025.\n", "g.txt")
    assert not [c for c in deck if "what became Chancellor" in c.question],\
        [c.question for c in deck]


def test_a_count_of_years_is_no_length_of_time():
    # r25-global-innovation-index (BROKEN x2): "for how long ...?" -> "14th consecutive
    # year"
    deck = cards("# Global Innovation Index 2024\n\n## Global rankings\n"
                 "Switzerland topped the index for the 14th consecutive year with a score of "
                 "67.5.\n", "g.md")
    assert not [c for c in deck if "consecutive year" in c.answer], [c.answer for c in deck]
    assert [c for c in deck if c.answer == "14th"], [c.question for c in deck]


def test_a_list_in_brackets_is_not_cut_at_its_semicolons():
    # r25-global-innovation-index (BROKEN): "which index do (Business Sophistication)
    # make up?"
    deck = cards("# Global Innovation Index 2024\n\n## About\n"
                 "The index combines 81 indicators grouped into seven pillars: five pillars "
                 "(Institutions; Human Capital and Research; Infrastructure; Market "
                 "Sophistication; Business Sophistication) make up the Innovation Input "
                 "Sub-Index.\n", "g.md")
    assert not [c for c in deck if c.question.count("(") != c.question.count(")")], \
        [c.question for c in deck]
    assert not [c for c in deck if "do (Business" in c.question]


def test_a_bare_rank_keeps_whose_rank_it_is():
    # r25-global-innovation-index (WEAK x4): "Rank improved from 56th to 54th, even though
    # the score fell from ____ to 51.5." (the rank of what?)
    deck = cards("# Global Innovation Index 2024\n\n## Pillar performance\n"
                 "- Institutions: Rank improved from 56th to 54th, even though the score fell "
                 "from 53.9 to 51.5.\n- Creative Outputs: Both rank and score improved.\n",
                 "g.md")
    asked = [c.question for c in deck if c.answer == "53.9"]
    assert asked and "Institutions: Rank improved" in asked[0], asked


def test_builder_40_guards_a_figure_and_a_numbered_title():
    # shapes an unfinished builder 40 broke, seen in the rebuild of the older articles:
    # "External members: 3 was appointed for ____." and a title with the answer's
    # section number in it ("Rape, Sections 63-64 and 70: Rape is defined in ____")
    deck = cards("# RBI's Monetary Policy Committee\n\n## Key data\n"
                 "- External members: 3, appointed for 4 years\n"
                 "- Quorum: 4 members\n", "m.md")
    assert not [c for c in deck if "3 was appointed" in c.question], [c.question for c in deck]
    deck = cards("# The new criminal laws\n\n## Key changes\n"
                 "- **Rape, Sections 63-64 and 70:** Rape is defined in Section 63 and punished "
                 "under Section 64.\n- **Mob lynching:** It is a separate offence.\n", "c.md")
    assert [c for c in deck if c.answer == "Section 63"], [c.question for c in deck]


def test_no_full_form_card_beside_a_blank_that_asks_the_name_and_its_abbreviation():
    # r25-india-germany, r25-pmfby, r25-collegium, r25-ramsar-wetlands (WEAK x9): "what
    # is the full form of FIAT?" beside "... the creation of a ____ with a corpus of Rs
    # 824.77 crore" -> "Fund for Innovation and Technology (FIAT)"
    deck = cards(PMFBY, "p.txt")
    assert [c for c in deck if c.answer == "Fund for Innovation and Technology (FIAT)"]
    assert not [c for c in deck if "full form of FIAT" in c.question]


def test_a_plain_abbreviation_is_no_blank():
    # r25-india-germany, r25-global-innovation-index (WEAK): "Germany is among the top
    # ten sources of ____ in India" -> "FDI"; "a fall in ____ funding" -> "VC"
    deck = cards("India-Germany relations\n\nEconomy:\n"
                 "1. Investment: Germany is among the top ten sources of FDI in India, with "
                 "about 15 billion US dollars since 2000.\n", "g.txt")
    assert not [c for c in deck if c.answer == "FDI"], [c.question for c in deck]


def test_a_cases_other_name_and_its_date_are_asked():
    # r25-collegium (facts missed): "the First Judges case", "30 December 1981" and "6
    # October 1993" were only in questions, in the case's title
    deck = cards("# Collegium\n\n## The Judges cases\n"
                 "- First Judges case, S.P. Gupta v. Union of India (decided 30 December "
                 "1981): a seven-judge bench held that consultation does not mean "
                 "concurrence.\n"
                 "- Second Judges case, Supreme Court Advocates-on-Record Association v. "
                 "Union of India (6 October 1993): a nine-judge bench overruled S.P. Gupta.\n"
                 "- Fourth Judges case, Supreme Court Advocates-on-Record Association v. "
                 "Union of India (16 October 2015): a five-judge bench struck down the NJAC.\n",
                 "c.md")
    assert [c for c in deck if c.question.endswith("which case is known as the First Judges "
                                                   "case?")
            and c.answer == "S.P. Gupta v. Union of India"], [c.question for c in deck]
    # (by their other names: the Second and Fourth cases have one name)
    for date, alias in (("30 December 1981", "First"), ("6 October 1993", "Second"),
                        ("16 October 2015", "Fourth")):
        asked = [c.question for c in deck if c.answer == date]
        assert asked and f"the {alias} Judges case decided?" in asked[0], (date, asked)


def test_a_figure_is_not_found_inside_another():
    # r25-pmfby (fact missed): "..., 1.5% for Rabi food and oilseed crops, and ____ for
    # annual commercial and horticultural crops" -> 5% was dropped: "5%" read as in "1.5%"
    deck = cards("# PMFBY\n\n## Key features\n"
                 "- Farmers' premium: A farmer pays a maximum of 2% of the sum insured for "
                 "Kharif crops, 1.5% for Rabi crops, and 5% for annual commercial and "
                 "horticultural crops.\n- Coverage: All farmers.\n", "p.md")
    assert [c for c in deck if c.answer == "5%"], [c.question for c in deck]
