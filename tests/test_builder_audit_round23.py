"""Findings of the twenty-third card audit (audits/2026-12-builder-36-round-23/), on five
unseen articles. Each test failed on builder 36."""

from __future__ import annotations

from test_builder_audit import cards

RELATION = (
    "India–Russia Relations\n\n"
    "Areas of cooperation:\n"
    "1. Trade: Bilateral trade was around USD 65 billion in 2023-24, mostly Indian imports "
    "of Russian crude oil. At the 2024 Summit the two sides set a target of USD 100 billion "
    "by 2030.\n"
    "2. Eastern Maritime Corridor: The Chennai–Vladivostok corridor was first announced in "
    "2019 and declared operational in November 2024.\n")


def test_a_target_year_is_not_when_the_target_was_set():
    # r24-india-russia (WRONG): "by when did the two sides set a target of USD 100 billion
    # at the 2024 Summit?" -> 2030
    deck = cards(RELATION, "r.txt")
    asked = [c.question for c in deck if c.answer == "2030"]
    assert asked and not [q for q in asked if "by when" in q.lower()], asked


def test_a_second_verb_keeps_the_passive_of_the_first():
    # r24-india-russia (BROKEN): "when did the Chennai–Vladivostok corridor declare
    # operational?"
    deck = cards(RELATION, "r.txt")
    asked = [c.question for c in deck if c.answer == "November 2024"]
    assert asked and asked[0].endswith("when was the Chennai–Vladivostok corridor declared "
                                       "operational?"), asked


def test_a_list_of_periods_is_one_answer():
    # r24-el-nino (WRONG x2): "in which period did strong El Niño events occur?" -> only
    # 1982-83, and "when did strong El Niño events occur in 1982-83?" -> the other two
    deck = cards("El Niño\n\nWhat is it?\n"
                 "Strong El Niño events occurred in 1982-83, 1997-98 and 2015-16; the "
                 "2023-24 event was among the five strongest on record.\n", "e.txt")
    periods = [c.answer for c in deck if "1997-98" in c.answer or c.answer == "1982-83"]
    assert periods == ["1982-83, 1997-98 and 2015-16"], [(c.question, c.answer) for c in deck]


def test_the_claim_before_a_colon_stays_out_of_the_question():
    # r24-el-nino (BROKEN x6): "what confirmed the fourth global coral bleaching event
    # Warmer oceans cause coral bleaching in April 2024?"
    deck = cards("El Niño\n\nImpacts\n"
                 "Warmer oceans also cause coral bleaching: in April 2024 NOAA confirmed the "
                 "fourth global coral bleaching event. The episode came with record global "
                 "heat: the WMO confirmed 2023 as the warmest year on record.\n", "e.txt")
    asked = [c.question for c in deck if c.answer in ("NOAA", "April 2024", "WMO")]
    assert len(asked) == 3, [(c.question, c.answer) for c in deck]
    assert not [q for q in asked if "cause coral bleaching in" in q or "on record the" in q
                or "event Warmer" in q], asked


def test_a_short_quote_keeps_its_items_title():
    # r24-ibc (WRONG): "The minimum default is ____." -> Rs 10 lakh, the threshold of the
    # pre-packaged process for MSMEs (the Code's own minimum is Rs 1 crore)
    deck = cards("Insolvency and Bankruptcy Code (IBC)\n\nKey data:\n"
                 "- Minimum default: From 24 March 2020 the minimum default needed to start "
                 "insolvency is Rs 1 crore.\n"
                 "- PPIRP for MSMEs: the minimum default is Rs 10 lakh, and the process must "
                 "finish within 120 days.\n", "ibc.txt")
    asked = [c.question for c in deck if c.answer == "Rs 10 lakh"]
    assert asked and all("PPIRP for MSMEs" in q for q in asked), asked


UPSC = ("# Union Public Service Commission (UPSC)\n\n"
        "## Key facts\n"
        "- Origin: A Public Service Commission was set up on 1 October 1926, as recommended "
        "by the Lee Commission (1924)\n"
        "- Renaming: Became the Federal Public Service Commission under the Government of "
        "India Act, 1935, and the UPSC on 26 January 1950\n"
        "- Appointment: The President appoints the Chairman and members (Art 316)\n"
        "- Expenses: Charged on the Consolidated Fund of India (Art 322)\n\n"
        "## Issues\n"
        "- **Lateral entry:** On 17 August 2024 the UPSC advertised 45 lateral entry posts. "
        "It withdrew the advertisement on 20 August 2024.\n\n"
        "## Reforms suggested\n"
        "- The Kothari Committee (1976) recommended a three-stage exam. It was adopted from "
        "1979.\n"
        "- The Second Administrative Reforms Commission (2nd ARC) gave its tenth report in "
        "2008.\n")


def test_a_sentence_about_the_upsc_is_no_note_about_the_exam():
    # r24-upsc: every sentence with "UPSC" in it was skipped as a note on the exam ("For
    # UPSC, this matters for GS Paper II"): 31 of its 54 facts got no card
    deck = cards(UPSC, "u.md")
    assert [c for c in deck if c.answer == "17 August 2024"], [c.question for c in deck]
    assert [c for c in deck if c.answer == "26 January 1950"], [c.question for c in deck]


def test_a_line_that_ends_in_a_bracket_keeps_it():
    # r24-upsc: "... as recommended by ____ (1924." dropped as unbalanced: the line's last
    # ")" was taken for its full stop
    deck = cards(UPSC, "u.md")
    asked = [c.question for c in deck if c.answer == "Lee Commission"]
    assert asked and asked[0].endswith("(1924).\u201d"), asked


def test_art_is_asked_as_an_article():
    # r24-upsc: "(Art 316)", "(Art 322)": the notes' short form was no provision; Art 316
    # to 322 were missed and "Art 320(3)" was cut at its bracket
    deck = cards(UPSC, "u.md")
    assert [c for c in deck if c.answer == "Art 316"], [c.answer for c in deck]
    assert [c for c in deck if c.answer == "Consolidated Fund of India"], \
        [c.answer for c in deck]  # (not "Consolidated Fund of India (Art", dropped)


def test_a_subjectless_line_keeps_its_title_in_the_quote():
    # r24-upsc: "Became the Federal Public Service Commission under the ____" says
    # nothing of what became it; its title "Renaming" does
    deck = cards(UPSC, "u.md")
    asked = [c.question for c in deck if c.answer == "Government of India Act, 1935"]
    assert asked and "Renaming: Became" in asked[0], asked


def test_what_a_committee_recommended_is_what_was_adopted():
    # r24-upsc (BROKEN): "from when was the Kothari Committee adopted?" -> 1979
    deck = cards(UPSC, "u.md")
    assert not [c for c in deck if "Committee adopted" in c.question
                or "Committee was adopted" in c.question], [c.question for c in deck]


def test_the_rank_in_a_short_name_is_not_asked():
    # r24-upsc (WEAK): "The Second Administrative Reforms Commission (____ ARC)" -> 2nd
    deck = cards(UPSC, "u.md")
    assert not [c for c in deck if c.answer == "2nd"], [c.question for c in deck]
    assert [c for c in deck if c.answer == "2008"], [c.question for c in deck]


NINO = (  # hard-wrapped, as the article was: the parse depends on it
    "El Niño and the monsoon\n"
    "\n"
    "What is it?\n"
    "The El Niño–Southern Oscillation (ENSO) is a recurring climate pattern in the "
    "tropical Pacific Ocean. It has three\n"
    "phases: El Niño (warm), La Niña (cool) and neutral. In normal years the "
    "easterly trade winds push warm surface water\n"
    "towards Indonesia and the western Pacific, and cold, nutrient-rich water wells "
    "up off the coast of Peru. This east–west\n"
    "loop of air is called the Walker circulation. It is named after Sir Gilbert "
    "Walker, who identified the Southern\n"
    "Oscillation in the 1920s while he was Director-General of Observatories in "
    "India. During El Niño the trade winds weaken,\n"
    "warm water spreads east, and the central and eastern equatorial Pacific becomes "
    "unusually warm. La Niña is the reverse:\n"
    "the trade winds strengthen and these waters turn cooler than normal. Peruvian "
    "fishermen gave El Niño its name (\"the\n"
    "little boy\", meaning the Christ child) because the warm water appeared around "
    "Christmas. ENSO events come back\n"
    "irregularly, every two to seven years, and usually last nine to twelve months.\n"
    "\n"
    "Why in news?\n"
    "The US National Oceanic and Atmospheric Administration (NOAA) declared that El "
    "Niño had begun in June 2023, and the\n"
    "World Meteorological Organization (WMO) did the same in July 2023. By the end "
    "of 2023 it was a strong El Niño. It faded\n"
    "to neutral conditions by mid-2024, and forecasters then expected a shift "
    "towards La Niña later in the year. The episode\n")


def test_the_claim_after_a_colon_is_no_part_of_the_wh_question():
    # r24-el-nino (BROKEN): "what is the reverse the trade winds strengthen and ...?" and
    # "how many phases does the El Niño–Southern Oscillation have El Niño, La Niña and
    # neutral?"
    deck = cards(NINO, "e.txt")
    assert not [c for c in deck if "reverse the trade" in c.question], \
        [c.question for c in deck]
    asked = [c.question for c in deck if c.answer == "three"]
    assert asked and asked[0].endswith("have?"), asked


def test_a_list_after_a_colon_names_whose_list_it_is():
    # r24-el-nino (WEAK): "It has three phases. Name them."
    deck = cards(NINO, "e.txt")
    asked = [c.question for c in deck if c.kind == "list"]
    assert asked and not [q for q in asked if ": It has" in q], asked


def test_the_same_deed_needs_the_deed():
    # r24-el-nino (BROKEN): "which organization did the same in July 2023?"
    deck = cards(NINO, "e.txt")
    assert not [c for c in deck if "did the same" in c.question and "\u201c" not in c.question
                or "do the same" in c.question], [c.question for c in deck]


def test_it_that_a_sentence_classes_is_not_the_last_body():
    # r24-el-nino (BROKEN): "by when was the US National Oceanic a strong El Niño?"
    deck = cards(NINO, "e.txt")
    assert not [c for c in deck if "Oceanic a strong" in c.question
                or "Administration a strong" in c.question], [c.question for c in deck]


SCHEME = ("# Pradhan Mantri Awaas Yojana – Gramin\n\n## Key features\n"
          "- Unit assistance: Rs 1.20 lakh in the plains, and Rs 1.30 lakh in hilly states.\n"
          "- Expenses: Charged on the Consolidated Fund of India\n"
          "- Cost sharing: 60:40 between the Centre and states; 90:10 for North-Eastern and "
          "Himalayan states.\n"
          "- Launched: 20 November 2016 at Agra.\n")


def test_a_verbless_line_is_quoted_with_the_verb_its_title_takes():
    # r24-pmay-gramin (WEAK x3): "Unit assistance: ____ in the plains, and Rs 1.30 lakh
    # in hilly states ...": a verbless stem
    deck = cards(SCHEME, "p.md")
    asked = [c.question for c in deck if c.answer == "Rs 1.20 lakh"]
    assert asked and "\u201cUnit assistance is ____ in the plains" in asked[0], asked
    # (a title that is no noun takes no verb: "Launched is ____" would be no sentence)
    asked = [c.question for c in deck if c.answer == "20 November 2016"]
    assert asked and "Launched: ____ at Agra" in asked[0], asked


def test_a_ratio_is_asked():
    # r24-pmay-gramin: "60:40 (Centre:State); 90:10 for North-Eastern and Himalayan
    # states" were missed (the model reads "60:40" as a time)
    deck = cards(SCHEME, "p.md")
    for ratio in ("60:40", "90:10"):
        asked = [c.question for c in deck if c.answer == ratio]
        assert asked and "(a ratio)" in asked[0], (ratio, [c.question for c in deck])


def test_a_judgment_line_that_opens_with_its_verb_keeps_its_case():
    # builder 39 (before it was committed): "Upheld ..." lines took their title as a
    # quote's label, and the wh-question lost its case ("which Article had remained a
    # 'dead letter'?")
    deck = cards("# Uniform Civil Code\n\n## Key judgments\n"
                 "- Mohd. Ahmed Khan v. Shah Bano Begum (1985): Upheld a divorced Muslim "
                 "woman's right to maintenance under Section 125 of the CrPC and regretted "
                 "that Article 44 had remained a \"dead letter\".\n"
                 "- Sarla Mudgal v. Union of India (1995): Held that conversion to Islam "
                 "solely to remarry does not avoid bigamy.\n", "u.md")
    asked = [c.question for c in deck if c.answer == "Article 44"]
    assert asked and "Shah Bano" in asked[0], asked


def test_a_bracket_in_a_name_ends_no_sentence():
    # r20-ordinance (the closing bracket kept): "Issues – Re-promulgation: Laws such as
    # ____." -> "Enemy Property (Amendment and Validation)": the parser had ended the
    # sentence at the bracket, in the middle of the Ordinance's name
    deck = cards("# Ordinances\n\n## Issues\n"
                 "- Re-promulgation: Laws such as the Enemy Property (Amendment and "
                 "Validation) Ordinance were promulgated five times in 2016-17.\n", "o.md")
    assert not [c for c in deck if c.answer == "Enemy Property (Amendment and Validation)"], \
        [c.question for c in deck]
    asked = [c.question for c in deck if c.answer == "five"]
    assert asked and "Validation) Ordinance promulgated" in asked[0], asked


def test_a_row_whose_only_verb_is_in_brackets_keeps_its_title():
    # r13-election-commission (the closing bracket kept): "Equal to a ____ judge
    # (Cabinet Secretary parity ... was dropped)." never said it was the salary
    deck = cards("# Election Commission\n\n## Service conditions\n"
                 "- Salary: Equal to a Supreme Court judge (Cabinet Secretary parity in the "
                 "original Bill was dropped)\n", "e.md")
    asked = [c.question for c in deck if c.answer == "Supreme Court"]
    assert asked and "Salary: Equal to a ____ judge" in asked[0], asked


def test_a_timeline_asks_the_date_of_each_event():
    # r24-ibc: "what is said about 'June 2017'?" gave the date as the cue; the date
    # itself was asked by no card (16 of the note's 72 facts)
    deck = cards("IBC\n\nTIMELINE\n"
                 "May 2016 – Parliament passes the IBC. It receives Presidential assent on "
                 "28 May 2016.\n"
                 "June 2017 – The RBI tells banks to start insolvency cases against 12 large "
                 "defaulters.\n"
                 "November 2019 – The Supreme Court's Essar Steel judgment confirms that the "
                 "CoC's commercial wisdom prevails. ArcelorMittal completes the takeover in "
                 "December 2019.\n", "i.txt")
    for date, event in (("May 2016", "Parliament passes the IBC"),
                        ("June 2017", "The RBI tells banks"),
                        ("November 2019", "Essar Steel judgment confirms")):
        asked = [c.question for c in deck if c.answer == date]
        assert asked and event in asked[0], (date, [c.question for c in deck])


def test_it_after_the_articles_own_subject_is_that_subject():
    # r24-pmay-gramin: "The Prime Minister formally launched it at Agra on 20 November
    # 2016" was dropped ("it" refers to nothing): the launch date went unasked
    deck = cards("# Pradhan Mantri Awaas Yojana – Gramin\n\n## About\n"
                 "- **Launch:** PMAY-G came into effect on 1 April 2016. The Prime Minister "
                 "formally launched it at Agra on 20 November 2016.\n", "p.md")
    asked = [c.question for c in deck if c.answer == "20 November 2016"]
    assert asked and "launch PMAY-G at Agra" in asked[0], [c.question for c in deck]


def test_a_list_of_laws_set_apart_by_semicolons_is_asked():
    # r24-ibc: "Before it, creditors relied on several separate laws: the SICA, 1985; the
    # RDDBFI Act, 1993; and the SARFAESI Act, 2002." got no card: the semicolons cut it
    # into verbless pieces, "it" (the Code) was left unresolved, and a cropped quote cut
    # "Act, ____" from its name
    deck = cards("INSOLVENCY AND BANKRUPTCY CODE\n\n"
                 "The Insolvency and Bankruptcy Code (IBC) brought the insolvency of companies "
                 "under one law. Before it, creditors relied on several separate laws: the "
                 "Sick Industrial Companies (Special Provisions) Act (SICA), 1985; the "
                 "Recovery of Debts Due to Banks and Financial Institutions (RDDBFI) Act, "
                 "1993; and the SARFAESI Act, 2002.\n\n"
                 "Challenges:\n- Delays: Cases take long.\n", "i.txt")
    asked = [c.question for c in deck if c.answer == "1985"]
    assert asked and "Before the Insolvency and Bankruptcy Code" in asked[0] \
        and "(Special Provisions) Act, ____" in asked[0], asked
    assert [c for c in deck if c.answer == "2002"], [c.question for c in deck]


def test_a_verb_that_takes_no_object_takes_no_passive():
    # builder 39 (before it was committed): "It was passed by the Lok Sabha in 2012 but
    # lapsed in 2014" -> "when was the Judicial Standards and Accountability Bill lapsed?"
    deck = cards("# Removal of Judges\n\n## Measures\n"
                 "- The Judicial Standards and Accountability Bill, 2010 proposed enforceable "
                 "standards. It was passed by the Lok Sabha in 2012 but lapsed in 2014.\n",
                 "j.md")
    assert not [c for c in deck if "was lapsed" in c.question or "was the Judicial "
                "Standards and Accountability Bill lapsed" in c.question], \
        [c.question for c in deck]
    assert [c for c in deck if c.answer == "2014"], [c.question for c in deck]


def test_a_verbless_line_of_what_was_done_is_quoted_with_its_verb():
    # r24-india-russia (WEAK x5): "Defence: The aircraft carrier ____, commissioned in
    # 2013." and "The S-400 Triumf air defence system, contracted in ____.": verbless
    deck = cards("India-Russia relations\n\nAreas of cooperation:\n"
                 "1. Defence: Russia is a major supplier.\n"
                 "   - The S-400 Triumf air defence system, contracted in October 2018.\n"
                 "   - The aircraft carrier INS Vikramaditya, commissioned in 2013.\n"
                 "   - AK-203 rifles, made by Indo-Russia Rifles Private Limited at Korwa.\n",
                 "r.txt")
    for answer, said in (("October 2018", "system was contracted in ____"),
                         ("2013", "INS Vikramaditya was commissioned in ____"),
                         ("Indo-Russia Rifles Private Limited", "rifles were made by ____")):
        asked = [c.question for c in deck if c.answer == answer]
        assert asked and said in asked[0], (answer, [c.question for c in deck])


def test_a_law_with_a_possessive_in_its_name_is_one_answer():
    # r24-india-russia (WEAK x2): "under ____'s Adversaries Through Sanctions Act" ->
    # "Countering America", and the Act's name cut the other way
    deck = cards("India-Russia relations\n\nChallenges:\n"
                 "1. Sanctions risk: Buying defence equipment from Russia exposes India to "
                 "possible US sanctions under the Countering America's Adversaries Through "
                 "Sanctions Act (CAATSA), 2017.\n", "r.txt")
    assert not [c for c in deck if c.answer in ("Countering America",
                                                "Adversaries Through Sanctions Act (CAATSA)")]
    assert [c for c in deck if c.answer.startswith("Countering America's Adversaries")], \
        [c.answer for c in deck]


def test_a_quote_leaves_out_its_link_to_the_sentence_before():
    # r24-india-russia (WEAK): "However, ____ data show its share ... fell to 36%"
    deck = cards("India-Russia relations\n\nAreas of cooperation:\n"
                 "1. Defence: Russia is still India's largest arms supplier. However, SIPRI "
                 "data show its share of India's arms imports fell to 36% in 2019-23.\n",
                 "r.txt")
    asked = [c.question for c in deck if c.answer == "36%"]
    assert asked and "However" not in asked[0], asked


def test_a_statement_card_does_not_ask_for_one_common_word():
    # r24-pmay-gramin (WEAK): "what is paid by Direct Benefit Transfer (DBT) into
    # Aadhaar-linked bank or post office accounts?" -> "Money"
    deck = cards("# PMAY-G\n\n## About\n"
                 "- Money is paid by Direct Benefit Transfer (DBT) into Aadhaar-linked bank "
                 "or post office accounts.\n- Houses are geo-tagged.\n", "p.md")
    assert not [c for c in deck if c.answer == "Money"], [c.question for c in deck]
