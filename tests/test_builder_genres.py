"""Four more UPSC notes of the genre, one per common shape, read card by card:

- pm-vishwakarma.md: a scheme explainer (bold headings: Why in News / About the Scheme /
  Key Features / Significance / Challenges / Way Forward), sub-bullets, rupee amounts,
  a fiscal-year period, an agency name with commas in it, "The scheme ..." sentences.
- india-japan-relations.txt: "India-X Relations: Areas of Cooperation and Irritants",
  numbered items with sub-bullets, a title on its own line, yen and dollar amounts,
  "The two countries ...", a way forward with "should".
- coral-reefs-bleaching.txt: environment note thick with numbers, percentages, word
  ordinals, named reports and conventions, a list after a colon, a technical term,
  untitled statement bullets under "Measures Taken".
- governor-assent-judgment.md: a Supreme Court judgment with Article numbers, a case name
  with "v.", named commissions and what they recommended.
"""

from __future__ import annotations

import pytest

from flashcards.builder import build_deck
from flashcards.domain import DeckDraft
from test_builder_articles import build, card, check_facts, check_items, check_sound


def facts_of(deck: DeckDraft) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for c in deck.cards:
        if c.kind == "fact":
            out.setdefault(c.answer, []).append(c.question)
    return out


def no_junk(deck: DeckDraft) -> None:
    for c in deck.cards:
        first = c.question.split("\u201c")[0]
        assert not first.startswith(("It ", "This ", "They ")), c.key
        assert "fill in the blank" not in c.question or "____" in c.question, c.key
        assert c.answer.strip(" .,;:-") and len(c.answer.split()) <= 60, c.key


def test_scheme_explainer():
    deck, warnings, raw = build("pm-vishwakarma.md")
    check_sound(deck, raw)
    no_junk(deck)
    assert warnings == []
    assert deck.meta["topic"] == "the PM Vishwakarma Scheme"
    assert deck.cards[0].tags == ("gs2", "government-policies-and-interventions")
    check_items(deck, "key-features", "feature", [
        ("Skill training", "Basic training of 5-7 days and advanced training of 15 days or "
         "more, with a stipend of \u20b9500 per day."),
        ("Toolkit incentive", "A grant of up to \u20b915,000 in the form of e-vouchers to buy "
         "modern tools."),
        ("Credit support", "Collateral-free loans of up to \u20b93 lakh in two tranches:\n"
         "- \u20b91 lakh in the first tranche, repayable over 18 months;\n"
         "- \u20b92 lakh in the second tranche, repayable over 30 months."),
        ("Digital incentive", "\u20b91 per digital transaction, for up to 100 transactions a "
         "month."),
    ])
    check_items(deck, "significance", "point of significance", [
        ("Preserves traditional crafts", "It protects the guru-shishya parampara of "
         "family-based skills."),
        ("Formalisation", "Brings artisans into the formal MSME ecosystem through Udyam "
         "registration."),
        ("Financial inclusion", "Concessional credit at 5% interest reduces dependence on "
         "moneylenders."),
    ])
    check_items(deck, "challenges", "challenge", [
        ("Low awareness", "Many artisans in remote areas do not know about the scheme."),
        ("Caste-based design", "Critics argue that linking trades to families may entrench "
         "caste occupations."),
        ("Slow disbursal", "Only a fraction of sanctioned loans had been disbursed by March "
         "2024."),
        ("Market access", "Artisans struggle to compete with cheap machine-made goods."),
    ])
    assert card(deck, "challenges/all").question == \
        "Name the four challenges in the PM Vishwakarma Scheme."
    check_facts(deck, [
        ("2023", "In which year was the PM Vishwakarma Scheme launched by the Ministry of "
         "MSME?"),
        ("Central Sector Scheme", "What type of scheme is the PM Vishwakarma Scheme?"),
        ("18", "How many traditional trades does the PM Vishwakarma Scheme cover?"),
        ("2023-24 to 2027-28", "The PM Vishwakarma Scheme: fill in the blank (a period): "
         "\u201cThe PM Vishwakarma Scheme is a Central Sector Scheme with an outlay of "
         "\u20b913,000 crore for five years, from ____.\u201d"),
        ("The Ministry of Micro, Small and Medium Enterprises (MSME)",
         "The PM Vishwakarma Scheme: fill in the blank (a name): \u201c____ reported that "
         "over 23 lakh artisans have registered under the PM Vishwakarma Scheme.\u201d"),
        ("carpenters, blacksmiths, goldsmiths and potters",
         "The PM Vishwakarma Scheme, about the scheme: fill in the blank (four things): "
         "\u201cThe PM Vishwakarma Scheme covers 18 traditional trades, such as ____.\u201d"),
        ("\u20b93 lakh", "The PM Vishwakarma Scheme (Credit support): fill in the blank (an "
         "amount): \u201cCollateral-free loans of up to ____ in two tranches.\u201d"),
    ])
    found = facts_of(deck)
    for answer in ("23 lakh", "\u20b913,000 crore", "\u20b915,000", "\u20b91 lakh",
                   "\u20b92 lakh", "5%", "2024"):
        assert len(found.get(answer, [])) == 1, answer
    # no card asks for the topic itself, and fiscal years are never cut into pieces
    assert "The PM Vishwakarma Scheme" not in found and "24" not in found
    assert "2027" not in found and "-24" not in " ".join(q for qs in found.values()
                                                         for q in qs).replace("2023-24", "")
    assert card(deck, "way-forward/recommend").answer == \
        "Linking artisans to e-commerce platforms such as ONDC and GeM"
    should = card(deck, "way-forward/should-awareness-campaigns-through")
    assert should.question == ("According to the way forward for the PM Vishwakarma Scheme, "
                               "what should awareness campaigns through Common Service "
                               "Centres do?")
    assert should.answer == "Reach every block"


def test_bilateral_relations_note():
    deck, warnings, raw = build("india-japan-relations.txt")
    check_sound(deck, raw)
    no_junk(deck)
    assert warnings == []
    assert deck.meta["topic"] == "India-Japan Relations"
    assert deck.cards[0].tags == ("gs2", "international-relations")
    check_items(deck, "opportunities", "area of cooperation", [
        ("Economic ties", "Japan is the fifth largest investor in India, with cumulative FDI "
         "of about $43 billion.\n- Japan committed to invest \u00a55 trillion in India "
         "between 2022 and 2027.\n- Bilateral trade stood at $22.8 billion in 2023-24."),
        ("Infrastructure", "The Mumbai-Ahmedabad High Speed Rail is being built with Japanese "
         "Shinkansen technology.\n- Japan funds it through a soft loan at 0.1% interest."),
        ("Defence and security", "Both nations hold the JIMEX naval exercise and the Dharma "
         "Guardian army exercise.\n- The 2+2 ministerial dialogue began in 2019."),
        ("Indo-Pacific", "Both are members of the Quad along with the US and Australia."),
        ("Clean energy", "The India-Japan Clean Energy Partnership was launched in 2022."),
    ])
    check_items(deck, "challenges", "irritant", [
        ("Trade deficit", "India's trade deficit with Japan has widened despite the "
         "Comprehensive Economic Partnership Agreement (CEPA) of 2011."),
        ("Slow project execution", "Land acquisition delays have pushed the bullet train "
         "deadline beyond 2028."),
        ("Nuclear cooperation", "Japanese firms remain cautious because of India's Civil "
         "Liability for Nuclear Damage Act, 2010."),
        ("China factor", "India is wary of Japan's deep economic links with China."),
    ])
    assert card(deck, "challenges/all").question == \
        "Name the four irritants in India-Japan Relations."
    assert card(deck, "opportunities/all").question == \
        "Name the five areas of cooperation in India-Japan Relations."
    check_facts(deck, [
        ("2025", "In which year did India and Japan hold their 15th Annual Summit in Tokyo?"),
        ("15th", "Which Annual Summit did India and Japan hold in Tokyo in August 2025?"),
        ("2014", "India-Japan Relations: fill in the blank (a year): \u201cIndia and Japan "
         "share a Special Strategic and Global Partnership, upgraded in ____.\u201d"),
        ("2019", "In which year did the 2+2 ministerial dialogue begin?"),
        ("2022", "In which year was the India-Japan Clean Energy Partnership launched?"),
        ("2023-24", "India-Japan Relations (Economic ties): in which year did bilateral "
         "trade stand at $22.8 billion?"),
        ("$43 billion", "India-Japan Relations (Economic ties): fill in the blank (an "
         "amount): \u201cJapan is the fifth largest investor in India, with cumulative FDI "
         "of about ____.\u201d"),
        ("\u00a55 trillion", "India-Japan Relations (Economic ties): fill in the blank (an "
         "amount): \u201cJapan committed to invest ____ in India between 2022 and "
         "2027.\u201d"),
        ("Specified Skilled Worker programme", "India-Japan Relations: fill in the blank "
         "(a name): \u201cGreater people-to-people ties, such as the ____, will deepen the "
         "partnership.\u201d"),
    ])
    found = facts_of(deck)
    assert "Annual Summit" not in found  # capitalised, but no name to learn
    for answer in ("0.1%", "2011", "2028", "$22.8 billion", "2022 and 2027"):
        assert len(found.get(answer, [])) == 1, answer
    should = card(deck, "way-forward/should-india")
    assert should.question == ("According to the way forward for India-Japan Relations, "
                               "what should India do?")
    assert should.answer == "Leverage Japanese capital for its semiconductor mission"


def test_environment_note_with_numbers():
    deck, warnings, raw = build("coral-reefs-bleaching.txt")
    check_sound(deck, raw)
    no_junk(deck)
    assert warnings == []
    assert deck.meta["topic"] == "Coral Reefs"
    assert deck.cards[0].tags == ("gs3", "environment-and-ecology")
    for section, titles in (
            ("causes-of-bleaching", ["Rising sea temperatures", "Ocean acidification",
                                     "Pollution", "El Ni\u00f1o"]),
            ("impacts", ["Loss of biodiversity", "Livelihoods", "Coastal protection"])):
        names = card(deck, f"{section}/all")
        assert names.answer == "\n".join(f"{n}. {t}" for n, t in enumerate(titles, 1))
        for title in titles:
            assert [c for c in deck.cards if c.answer == title
                    and c.key.endswith("/identify")], title
    check_facts(deck, [
        ("The US National Oceanic and Atmospheric Administration (NOAA)",
         "Which administration confirmed the fourth global coral bleaching event in April "
         "2024?"),
        ("fourth", "Which global coral bleaching event did the US National Oceanic and "
         "Atmospheric Administration (NOAA) confirm in April 2024?"),
        ("2024", "In which year did the US National Oceanic and Atmospheric Administration "
         "(NOAA) confirm the fourth global coral bleaching event?"),
        ("2023", "Since which year has about 84% of the world's reef area experienced "
         "bleaching-level heat stress?"),
        ("zooxanthellae", "Coral Reefs: fill in the blank (a term): \u201cCorals live in "
         "symbiosis with algae called ____.\u201d"),
        ("the Gulf of Mannar, the Gulf of Kachchh, Lakshadweep and the Andaman and Nicobar "
         "Islands", "Coral Reefs: India has four major reef areas. Name them."),
        ("1994", "In which year was the International Coral Reef Initiative (ICRI) founded "
         "by eight countries?"),
        ("Schedule I", "In which Schedule of the Wildlife (Protection) Act, 1972 are Corals "
         "listed?"),
        ("2030", "By which year does the Kunming-Montreal Global Biodiversity Framework aim "
         "to protect 30% of oceans?"),
        ("The Zoological Survey of India", "Which survey has restored corals in the Gulf of "
         "Kachchh using biorock technology?"),
        ("Global Coral Reef Monitoring Network", "Coral Reefs: fill in the blank (a name): "
         "\u201cReefs provide goods and services worth about $2.7 trillion a year, according "
         "to the ____.\u201d"),
    ])
    found = facts_of(deck)
    for answer in ("84%", "1%", "25%", "2,300", "$2.7 trillion", "30%", "500 million",
                   "97%", "2023-24", "\u20b9200 crore", "National Coastal Mission",
                   "Paris Agreement"):
        assert answer in found, answer
    # statement bullets make facts, not half-sentence "complete" cards or a list of them
    assert not [c for c in deck.cards if c.key.startswith("measures/")
                and c.kind != "fact"]
    assert card(deck, "way-forward/should-the-indian-government").answer == \
        "Expand coral restoration with \u20b9200 crore under the National Coastal Mission"


def test_judgment_note():
    deck, warnings, raw = build("governor-assent-judgment.md")
    check_sound(deck, raw)
    no_junk(deck)
    assert warnings == []
    assert deck.meta["topic"] == \
        "the Supreme Court ruling on Governor's Assent to State Bills"
    assert deck.cards[0].tags == ("gs2", "indian-polity")
    check_items(deck, "constitutional-provisions", "provision", [
        ("Article 200", "The Governor may give assent, withhold assent, return the Bill, or "
         "reserve it for the President."),
        ("Article 201", "Deals with Bills reserved for the consideration of the President."),
        ("Article 163", "The Governor acts on the aid and advice of the Council of Ministers, "
         "except in discretionary matters."),
    ])
    check_items(deck, "key-highlights-of-the-judgment", "highlight", [
        ("Timelines fixed", "The Governor must act within one month if he withholds assent "
         "on the advice of the Cabinet.\n- Within three months if he withholds assent "
         "against the Cabinet's advice.\n- Within one month when a Bill is re-passed by the "
         "legislature."),
        ("No absolute veto", "The Governor has no \"pocket veto\" or absolute veto under "
         "Article 200."),
        ("Judicial review", "Inaction of the Governor is open to judicial review by the High "
         "Courts and the Supreme Court."),
    ])
    check_items(deck, "challenges", "concern", [
        ("Judicial overreach", "Critics say the Court has rewritten the Constitution by "
         "fixing timelines that the framers left open."),
        ("Presidential Reference", "The President sought the Court's opinion under Article "
         "143 in May 2025 on the timelines."),
    ])
    topic = "The Supreme Court ruling on Governor's Assent to State Bills"
    check_facts(deck, [
        ("The Governor cannot sit indefinitely on Bills passed by the state legislature",
         "What did the Supreme Court hold in State of Tamil Nadu v. Governor of Tamil Nadu "
         "(April 2025)?"),
        ("Article 142", f"{topic}: fill in the blank (a provision): \u201cThe Court used its "
         "powers under ____ to deem 10 pending Bills as assented.\u201d"),
        ("10", f"{topic}: fill in the blank (a number): \u201cThe Court used its powers "
         "under Article 142 to deem ____ pending Bills as assented.\u201d"),
        ("Article 143", "Under which Article did the President seek the Court's opinion in "
         "May 2025 on the timelines?"),
        ("Article 200", "Under which Article does the Governor have no \"pocket veto\" or "
         "absolute veto?"),
        ("The Governor should be a detached figure from outside the state",
         "What did the Sarkaria Commission (1988) recommend?"),
        ("The Sarkaria Commission", f"{topic}: fill in the blank (a name): \u201c____ (1988) "
         "recommended that the Governor should be a detached figure from outside the "
         "state.\u201d"),
        ("2010", f"{topic}: fill in the blank (a year): \u201cThe Punchhi Commission (____) "
         "suggested a time limit of six months for decisions on Bills.\u201d"),
    ])
    # the case name "v." and the judges' initials do not split sentences
    assert all("v. Governor" not in c.question or "(April" in c.question
               for c in deck.cards)
    assert "2025" in facts_of(deck) and "1988" in facts_of(deck)
    assert card(deck, "way-forward/recommend").answer.startswith("Cooperative federalism")


INDEX_NOTE = """# Global Hunger Index 2024: India ranks 105th

**Source:** The Hindu

## Why in news?
India has been ranked 105th out of 127 countries in the Global Hunger Index (GHI) 2024.

## About the Global Hunger Index
- It ranks countries on four indicators: undernourishment, stunting, wasting and mortality.
- India's score of 27.3 is categorised as "serious".
- Child wasting in India is 18.7%, the highest in the world.

## Government's objections
* The Ministry of Women and Child Development called the index flawed.
* Three of the four indicators relate to children and cannot represent a whole population.

## Mains Practice Question
Q. Discuss the reasons for persistent child malnutrition in India. (250 words)
"""


def test_statement_bullets_practice_questions_and_verbs_that_look_like_terms():
    result = build_deck(INDEX_NOTE, "ghi.md")
    deck = result.deck
    check_sound(deck, INDEX_NOTE)
    assert deck.meta["topic"] == "the Global Hunger Index 2024"
    # the practice question is the student's task: no cards, no warning
    assert not [c for c in deck.cards if c.source.section == "Mains Practice Question"]
    assert result.warnings == []
    # "It ranks ... indicators: A, B, C and D" is a sentence about the topic, not a title
    assert not [c for c in deck.cards if c.key.endswith(("/explain", "/identify", "/all"))
                and c.source.section == "About the Global Hunger Index"]
    check_facts(deck, [
        ("undernourishment, stunting, wasting and mortality",
         "The Global Hunger Index 2024 ranks countries on four indicators. Name them."),
        ("The Ministry of Women and Child Development",
         "The Global Hunger Index 2024: which ministry called the index flawed?"),
        ("105th", "The Global Hunger Index 2024: fill in the blank (an ordinal): \u201cIndia "
         "has been ranked ____ out of 127 countries in the Global Hunger Index (GHI) "
         "2024.\u201d"),
        ("27.3", "The Global Hunger Index 2024: fill in the blank (a number): \u201cIndia's "
         "score of ____ is categorised as \"serious\".\u201d"),
    ])
    # "called the index flawed" is a verb, not a term being named
    assert not [c for c in deck.cards if c.key.split("/")[-1].startswith("term-")]


def test_question_headings_news_label_and_a_definition():
    deck, warnings, raw = build("waqf-bill-questions.txt")
    check_sound(deck, raw)
    no_junk(deck)
    assert warnings == []
    assert deck.meta["topic"] == "the Waqf (Amendment) Bill, 2024"
    # "What is Waqf?" and "What are the key provisions of the Bill?" are headings
    assert {c.source.section for c in deck.cards} == {
        "News", "What is Waqf?", "What are the key provisions of the Bill?",
        "What are the concerns?", "Conclusion"}
    check_items(deck, "what-are-the-key-provisions", "provision", [
        ("Renaming", "The Act will be renamed the Unified Waqf Management, Empowerment, "
         "Efficiency and Development Act."),
        ("Non-Muslim members", "Two non-Muslim members will be included in the Central Waqf "
         "Council and State Waqf Boards."),
        ("Survey", "The Collector, instead of the Survey Commissioner, will survey waqf "
         "properties."),
    ])
    assert card(deck, "what-are-the-key-provisions/all").question == (
        "In the Waqf (Amendment) Bill, 2024, what are the key provisions of the Bill? Name "
        "all three.")
    check_items(deck, "challenges", "concern", [
        ("Autonomy", "Critics argue that the Bill dilutes the autonomy of waqf boards under "
         "Article 26."),
        ("Property disputes", "Giving the Collector final say may lead to disputes over "
         "government land."),
    ])
    topic = "The Waqf (Amendment) Bill, 2024"
    check_facts(deck, [
        ("A property dedicated permanently for religious or charitable purposes under Muslim "
         "law", "What is Waqf?"),
        ("Joint Parliamentary Committee (JPC)", f"{topic}: fill in the blank (a name): "
         "\u201cThe Waqf (Amendment) Bill, 2024 was referred to a ____ in August 2024.\u201d"),
        ("8.7 lakh", f"{topic}: fill in the blank (an amount): \u201cThere are about ____ "
         "waqf properties in India, spread over 9.4 lakh acres.\u201d"),
        ("The Waqf Act, 1995", f"{topic}: fill in the blank (a name): \u201c____ governs "
         "these properties.\u201d"),
    ])
    should = card(deck, "way-forward/should-the-government")
    assert should.answer == "Build consensus with stakeholders before passing the Bill"


@pytest.mark.parametrize("markers", [("(i)", "(ii)"), ("i)", "ii)"), ("(a)", "(b)"),
                                     ("a)", "b)"), ("a.", "b.")])
def test_lettered_and_roman_items_are_items(markers):
    first, second = markers
    text = (f"India-Bhutan Relations\n\nChallenges:\n{first} Hydropower debt: Bhutan owes "
            f"India over \u20b910,000 crore.\n{second} China factor: China is pressing Bhutan "
            "on the boundary.\n")
    deck = build_deck(text, "bhutan.txt").deck
    check_sound(deck, text)
    check_items(deck, "challenges", "challenge", [
        ("Hydropower debt", "Bhutan owes India over \u20b910,000 crore."),
        ("China factor", "China is pressing Bhutan on the boundary."),
    ])
