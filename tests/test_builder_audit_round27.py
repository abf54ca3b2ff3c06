"""Findings of the twenty-seventh card audit (audits/2026-12-builder-46-round-27/), on
five unseen articles: its five WRONG cards and the shapes behind most BROKEN ones. Each
test failed on builder 46."""

from __future__ import annotations

from test_builder_audit import cards

PROFILE = ("PERSONALITY IN NEWS: BIRSA MUNDA (1875-1900)\n\n"
           "Born: 15 November 1875, Ulihatu (present-day Khunti district, Jharkhand)\n"
           "Died: 9 June 1900, Ranchi Jail, at the age of 24\n"
           "Known as: Dharti Aba (\"Father of the Earth\")\n"
           "Movement led: Ulgulan (\"the Great Tumult\"), 1899-1900\n"
           "Why in news: His 150th birth anniversary, marked from 15 November 2024\n\n"
           "The Ulgulan\n\n"
           "(a) Land alienation: the khuntkatti system was broken down by jagirdars, "
           "thikadars (revenue farmers) and moneylenders, whom the Mundas called dikus "
           "(outsiders).\n"
           "(b) Forced labour: the dikus imposed beth begari, or unpaid forced labour, on the "
           "tribal peasants.\n\n"
           "Birsa Munda died in Ranchi Jail in 1900.\n")


def test_a_profile_with_why_in_news_is_fields_under_the_persons_name():
    # r28-birsa-munda (10 WEAK, 1 BROKEN): "under “Born: 15 November 1875, Ulihatu”, what
    # is said about “Parents”?" (the first field a heading, "Why in news" a section)
    deck = cards(PROFILE, "b.txt")
    assert not [c for c in deck if "under \u201cBorn" in c.question], [c.question for c in deck]
    born = [c for c in deck if "\u201cBorn\u201d" in c.question]
    assert born and all(c.question.startswith("Birsa Munda") for c in born), \
        [c.question for c in deck]


def test_what_a_relative_clause_calls_them_is_not_turned_round():
    # r28-birsa-munda (WRONG): "which outsiders did the Mundas call moneylenders?" ->
    # "dikus" (the Mundas called jagirdars, thikadars and moneylenders dikus)
    deck = cards(PROFILE, "b.txt")
    assert not [c for c in deck if c.answer == "dikus"], \
        [(c.question, c.answer) for c in deck]


COMMITTEES = ("# Western Ghats Conservation\n\n"
              "### Gadgil Committee (2011)\n\n"
              "i) Declare the entire Western Ghats an Ecologically Sensitive Area.\n\n"
              "### Kasturirangan Committee (2013)\n\n"
              "After all six States opposed the Gadgil report, the MoEF set up a 10-member "
              "High Level Working Group (HLWG) under K. Kasturirangan, then a Member of the "
              "Planning Commission, in August 2012. It submitted its report on 15 April "
              "2013. Its main recommendations:\n\n"
              "i) Protect 90% of the natural landscape as ESA.\n"
              "ii) A complete ban on mining, quarrying and sand mining in the ESA, with "
              "existing mines phased out within five years or on expiry of the lease, "
              "whichever is earlier.\n\n"
              "### Key differences\n\n"
              "Institutions:\n"
              "Gadgil: A new statutory Western Ghats Ecology Authority.\n"
              "Kasturirangan: Existing laws and clearance bodies, with a monitoring centre.\n\n"
              "Approach:\n"
              "Gadgil: Bottom-up, led by gram sabhas.\n"
              "Kasturirangan: Largely top-down, using remote sensing.\n")


def test_it_after_a_body_was_set_up_is_the_body():
    # r28-western-ghats-committees (WRONG): "when did the MoEF submit its report?"
    deck = cards(COMMITTEES, "w.md")
    asked = [c for c in deck if c.answer == "15 April 2013"]
    assert asked and not [c for c in asked if "MoEF" in c.question], \
        [c.question for c in asked]
    assert any("Working Group" in c.question for c in asked), [c.question for c in asked]


def test_the_sides_compared_are_no_list_of_the_sections_things():
    # r28-western-ghats-committees (WRONG): "name the two institutions" -> "Gadgil,
    # Kasturirangan"
    deck = cards(COMMITTEES, "w.md")
    assert not [c for c in deck if "name the two" in c.question.lower()], \
        [c.question for c in deck]
    assert any("the Gadgil Committee\u2019s position on \u201cInstitutions\u201d" in c.question
               for c in deck), [c.question for c in deck]


def test_a_recommendation_says_whose_and_a_with_phrase_is_no_clause():
    # r28-western-ghats-committees (BROKEN x2, WEAK): "what phased out within five years
    # ...?" -> "A complete ban on mining ... with existing mines"; "Protect ____ of the
    # natural landscape" without the committee that recommended it
    deck = cards(COMMITTEES, "w.md")
    assert not [c for c in deck if "what phased out" in c.question.lower()], \
        [c.question for c in deck]
    protect = [c for c in deck if c.answer == "90%"]
    assert protect and all("Kasturirangan Committee (2013)" in c.question for c in protect), \
        [c.question for c in deck]


SDG = ("# SDG India Index 2023-24\n\n"
       "## Headline findings\n\n"
       "The number of Front Runners rose to 32 States and UTs. The ten new entrants were "
       "Arunachal Pradesh, Assam, Chhattisgarh, Madhya Pradesh, Manipur, Odisha, Rajasthan, "
       "Uttar Pradesh, West Bengal, and Dadra and Nagar Haveli and Daman and Diu.\n\n"
       "## Top and bottom States\n\n"
       "| Position | State | Score (2023-24) | Band |\n|---|---|---|---|\n"
       "| 1 (joint) | Uttarakhand | 79 | Front Runner |\n"
       "| 1 (joint) | Kerala | 79 | Front Runner |\n"
       "| 3 | Tamil Nadu | 78 | Front Runner |\n"
       "| Last | Bihar | 57 | Performer |\n")


def test_some_of_a_long_list_is_no_answer():
    # r28-sdg-india-index (WRONG): "what were the ten new entrants?" -> "Arunachal
    # Pradesh, Assam, Chhattisgarh"
    deck = cards(SDG, "s.md")
    assert not [c for c in deck if "entrants" in c.question and c.answer.count(",") < 9], \
        [(c.question, c.answer) for c in deck]


def test_a_ranking_table_is_asked_by_its_states_and_keeps_a_joint_rank():
    # r28-sdg-india-index (WRONG): "what is said about “1 (joint)”?" -> Uttarakhand only
    # (Kerala, joint first, lost as a twin)
    deck = cards(SDG, "s.md")
    assert not [c for c in deck if "\u201c1 (joint)\u201d" in c.question]
    assert any("\u201cKerala\u201d" in c.question for c in deck), [c.question for c in deck]
    assert any("\u201cUttarakhand\u201d" in c.question for c in deck)


DELIMITATION = ("POLITY EXPLAINER: DELIMITATION IN INDIA\n\n"
                "Delimitation Commissions\n"
                "The first delimitation, in 1950-51, was done by the President with the help "
                "of the Election Commission. Since then Delimitation Commissions have been set "
                "up four times:\n"
                "- 1952: Under the Delimitation Commission Act, 1952 (1951 census)\n"
                "- 1963: Under the Delimitation Commission Act, 1962 (1961 census)\n\n"
                "The freeze\n"
                "- 84th Amendment, 2001: extended the freeze until the first census taken after "
                "2026.\n"
                "- 87th Amendment, 2003: made the 2001 census the basis for that redrawing.\n"
                "The Lok Sabha's 543 elected seats are therefore still allocated on the 1971 "
                "census. Census 2027, notified on 16 June 2025 with a reference date of 1 March "
                "2027 (1 October 2026 for snow-bound areas), will be the first census after "
                "2026.\n")


def test_a_genre_with_a_subject_is_no_label_and_india_keeps_its_capital():
    # r28-delimitation (WEAK, all cards): every question began "Polity explainer:"
    deck = cards(DELIMITATION, "d.txt")
    assert deck and all(c.question.startswith("Delimitation in India") for c in deck), \
        {c.question.split(":")[0] for c in deck}


def test_a_paragraph_under_a_bullet_is_not_the_bullets():
    # r28-delimitation (BROKEN x2): "87th Amendment, 2003: Census 2027, notified on ____
    # ..." (a 2025 notification credited to a 2003 Amendment)
    deck = cards(DELIMITATION, "d.txt")
    census = [c for c in deck if c.answer == "16 June 2025"]
    assert census and not [c for c in census if "87th" in c.question], \
        [c.question for c in census]


def test_then_with_nothing_before_it_is_not_asked():
    # r28-delimitation (BROKEN): "what has been set up four times since then?"
    deck = cards(DELIMITATION, "d.txt")
    assert not [c for c in deck if "since then" in c.question], [c.question for c in deck]


CHABAHAR = ("NEW DELHI, May 14 (Agency) — India has signed a 10-year contract to operate a "
            "terminal at Iran's Chabahar port.\n\n"
            "On May 23, 2016, during Prime Minister Narendra Modi's visit to Tehran, India, "
            "Iran and Afghanistan signed the Trilateral Agreement on Establishment of "
            "International Transport and Transit Corridor, known as the Chabahar Agreement.\n\n"
            "India also joined the Ashgabat Agreement, a transit pact linking Central Asia with "
            "the Persian Gulf, in 2018.\n\n"
            "The route was first used on October 29, 2017, when a shipment of wheat for "
            "Afghanistan was flagged off from Kandla port.\n\n"
            "For India, the port offers a way around Pakistan, which blocks Indian goods from "
            "moving overland to Afghanistan. Chabahar is also meant to serve as a gateway to "
            "the International North-South Transport Corridor, a multimodal network of ship, "
            "rail and road routes linking India with Iran, Central Asia, Russia and Europe.\n\n"
            "The deal faces hurdles. The United States warned that any entity doing business "
            "with Iran risks sanctions, and the Taliban's return to power in Kabul in August "
            "2021 has clouded the Afghan leg of the route. Officials said India would seek "
            "an exemption, as it did in November 2018.\n")


def test_a_preposition_left_without_its_object_keeps_the_sentence_whole():
    # r28-chabahar-port (BROKEN x3): "when did Prime Minister Narendra Modi's visit to
    # Tehran, India, Iran and Afghanistan sign the Trilateral Agreement ...?"
    deck = cards(CHABAHAR, "c.txt")
    assert not [c for c in deck if "visit to Tehran, India, Iran and Afghanistan sign "
                in c.question], [c.question for c in deck]
    assert not [c for c in deck if "visit to Tehran, India, Iran and Afghanistan signed"
                in c.question and "during" not in c.question]


def test_an_alias_whose_words_are_all_in_the_question_is_not_asked():
    # r28-chabahar-port (BROKEN): "..., known as ____" -> "Chabahar Agreement", under the
    # label "Chabahar port" and after "the Trilateral Agreement ..."
    deck = cards(CHABAHAR, "chabahar-port.txt")
    assert not [c for c in deck if c.answer == "Chabahar Agreement"], \
        [c.question for c in deck]


def test_a_thin_question_keeps_the_description_that_tells_its_answer():
    # r28-chabahar-port (BROKEN): "which agreement did India join?" -> "Ashgabat Agreement"
    deck = cards(CHABAHAR, "c.txt")
    asked = [c for c in deck if c.answer == "Ashgabat Agreement"]
    assert asked and all("transit pact" in c.question for c in asked), \
        [c.question for c in asked]


def test_a_quote_cut_to_its_verb_is_not_asked():
    # seen while fixing round 27 (r28-delimitation): "Will be the first census after
    # ____." (Census 2027 cut off); round 26's "Can be suspended under ____" the same
    from flashcards.builder import gate

    for quote in ("Will be the first census after ____.", "Can be suspended under ____."):
        assert gate.form_problems(f"Notes: fill in the blank (a date): \u201c{quote}\u201d"), quote
    assert not gate.form_problems("Notes: fill in the blank (a date): \u201cThe Census will be "
                                  "the first after ____.\u201d")


LEGACY = ("Birsa Munda\n\nLegacy\n\n"
          "The state of Jharkhand was carved out of Bihar on 15 November 2000, Birsa's birth "
          "anniversary. Ranchi's Birsa Munda Airport, Birsa Agricultural University and the "
          "Birsa Munda Hockey Stadium at Rourkela, Odisha, a venue of the 2023 men's Hockey "
          "World Cup, are named after him.\n\n"
          "In November 2021 the Union Cabinet declared 15 November, his birth "
          "anniversary, as Janjatiya Gaurav Divas, to be observed every year to honour the "
          "contribution of tribal communities to the freedom struggle.\n\n"
          "Goal-wise highlights\n"
          "- Goal 1 (No Poverty) rose from 60 to 72, the second-largest gain.\n"
          "- Goal 13 (Climate Action) recorded the highest increase, from 54 to 67.\n")


def test_what_a_date_was_goes_with_the_date():
    # r28-birsa-munda (BROKEN): "when was the state of Jharkhand carved out of Bihar,
    # Birsa's birth anniversary?"
    deck = cards(LEGACY, "b.txt")
    asked = [c for c in deck if c.answer == "15 November 2000"]
    assert asked and not [c for c in asked if "Bihar, Birsa" in c.question], \
        [c.question for c in asked]


def test_declared_as_what_stays_in_the_quote():
    # r28-birsa-munda (BROKEN x2): "In ____ the Union Cabinet declared 15 November."
    deck = cards(LEGACY, "b.txt")
    declared = [c for c in deck if "declared" in c.question]
    assert declared and all("Janjatiya Gaurav Divas" in c.question or
                            c.answer == "Janjatiya Gaurav Divas" for c in declared), \
        [c.question for c in declared]


def test_a_remark_after_a_comma_is_no_part_of_the_question():
    # r28-sdg-india-index (BROKEN): "what rose from 60 to 72 the second-largest gain?"
    deck = cards(LEGACY, "b.txt")
    assert not [c for c in deck if "72 the second-largest" in c.question], \
        [c.question for c in deck]


def test_the_sixth_is_the_sixth_of_what_was_counted():
    # r28-western-ghats-committees (WEAK x2): "The sixth, issued on ____, a day after the
    # Wayanad landslides, ..." (the sixth draft notification)
    deck = cards("Western Ghats\n\nBackground\n\nSince March 2014 the Centre has issued six "
                 "draft notifications on the Western Ghats Ecologically Sensitive Area. The "
                 "sixth, issued on 31 July 2024, a day after the Wayanad landslides, proposed "
                 "56,825.7 sq km as ESA.\n\nChallenges\n- States resisted both reports.\n"
                 "- Kerala's share was cut in the drafts.\n", "w.txt")
    asked = [c for c in deck if c.answer == "31 July 2024"]
    assert asked and all("The sixth draft notification" in c.question for c in asked), \
        [c.question for c in deck]


def test_sc_and_st_are_no_facts_to_blank():
    # r28-delimitation (WEAK x2): "The Lok Sabha now has 84 ____ and 47 ST seats." -> "SC"
    deck = cards("Delimitation\n\nProvisions\n\nThe Lok Sabha now has 84 SC and 47 ST seats. "
                 "Article 82 provides for readjustment after every census. The 84th "
                 "Amendment extended the freeze in 2001.\n\nIssues\n- The north-south divide "
                 "worries southern States.\n- The freeze ends after 2026.\n", "d.txt")
    assert not [c for c in deck if c.answer in ("SC", "ST")], \
        [(c.question, c.answer) for c in deck]


def test_the_same_fields_under_several_entries_are_no_sides():
    # the rule of builder 47/48 for compared sides must not take a digest's fields
    # ("Habitat:", "Status:" under each species) for sides with positions
    text = ("# Species in news\n\n## Snow leopard\n\n- Habitat: High Himalaya above 3,000 m.\n"
            "- Status: Vulnerable on the IUCN Red List since 2017.\n\n## Dugong\n\n"
            "- Habitat: Seagrass meadows of the Gulf of Mannar.\n"
            "- Status: Vulnerable on the IUCN Red List.\n")
    deck = cards(text, "s.md")
    assert not [c for c in deck if "position on" in c.question], [c.question for c in deck]
