"""Findings of the twelfth card audit (audits/2026-12-builder-17-round-12/), on four
articles in layouts no earlier round had: a ministry's year-end review, a polity note
with a before/after table and case law, a newspaper interview, an international
organisation's quick facts. One small article each; each test failed on the builder that
was audited (builder 17)."""

from __future__ import annotations

from flashcards.builder import build_deck
from test_builder_audit import cards

POLITY = (
    "# Election Commission of India: Appointment of the CEC\n\n"
    "## Before and after the 2023 Act\n\n"
    "| Feature | Before (1991 Act) | After (2023 Act) |\n|---|---|---|\n"
    "| Selection | President, on the advice of the Union government | President, on the "
    "recommendation of a Selection Committee of the Prime Minister (Chairperson), the "
    "Leader of Opposition in Lok Sabha (or leader of the single largest opposition party) "
    "and a Union Cabinet Minister nominated by the Prime Minister |\n"
    "| Tenure | Six years or until the age of 65 | Six years or until the age of 65; no "
    "reappointment |\n\n"
    "## Important judgments\n\n"
    "- *Mohinder Singh Gill v Chief Election Commissioner* (1978): Article 324 is a "
    "reservoir of power where enacted law is silent.\n"
    "- *T.N. Seshan v Union of India* (1995): upheld the multi-member Commission.\n"
    "- *Anoop Baranwal v Union of India* (2023): a five-judge Constitution Bench held on 2 "
    "March 2023 that, until Parliament makes a law, the CEC and ECs be appointed on the "
    "advice of a committee of the Prime Minister, the Leader of Opposition in Lok Sabha (or "
    "leader of the largest opposition party) and the Chief Justice of India.\n"
    "- *Association for Democratic Reforms v Election Commission of India* (2024): on 26 "
    "April 2024 the Court rejected pleas for 100% EVM-VVPAT cross-verification and a "
    "return to paper ballots.\n")


def test_a_before_and_after_table_names_each_side():
    # r13-election-commission (WRONG x2): "what is said about 'Selection'?" -> the 1991
    # side alone, unlabelled, taught as the law
    deck = cards(POLITY)
    said = {c.question.split("\u201c")[-1].split("\u201d")[0]: c.answer for c in deck
            if c.key.endswith("/explain") and "Before and after" in c.question}
    assert said["Selection, before (1991 Act)"] == \
        "President, on the advice of the Union government"
    assert "Selection" not in said


def test_a_list_of_members_is_never_cut_in_half():
    # r13-election-commission (WRONG): "... a committee of the Prime Minister." for a
    # committee of three
    deck = cards(POLITY)
    assert not [c for c in deck if c.answer.rstrip(".").endswith("of the Prime Minister")], \
        [c.answer for c in deck]


def test_a_long_case_name_is_an_items_title():
    # r13-election-commission (WRONG): "name the three important judgments" of five (two
    # case names over ten words were no titles)
    deck = cards(POLITY)
    listed = [c for c in deck if c.key.endswith("important-judgments/all")]
    assert listed and "four" in listed[0].question, [c.question for c in listed]
    assert "Association for Democratic Reforms v Election Commission of India (2024)" in \
        listed[0].answer


def test_a_hyphenated_word_is_never_left_in_halves():
    # r13-election-commission (BROKEN): "reject pleas for 100% - -verification";
    # r13-agriculture (BROKEN): "high-yielding, -resilient and biofortified" (a clause's
    # words taken without the half of a word the parse hung elsewhere)
    from flashcards.builder.gate import form_problems

    assert form_problems("When did the Court reject pleas for 100% - -verification?")
    assert form_problems("Which varieties are high-yielding, -resilient and biofortified?")
    assert not form_problems("What is the National Mission on Edible Oils - Oil Palm?")
    assert not form_problems("Who is co-designing and co-producing the jets?")
    deck = cards(POLITY)
    assert not [c for c in deck if " -" in c.question.replace(" - ", " ")]


REVIEW = (
    "Year End Review 2024: Ministry of Agriculture and Farmers Welfare\n\n"
    "1. PRADHAN MANTRI KISAN SAMMAN NIDHI (PM-KISAN)\n"
    "\u2022 Launch: 24 February 2019\n"
    "\u2022 Rs 6,000 a year is paid in three instalments.\n\n"
    "2. NATIONAL MISSION ON NATURAL FARMING (NMNF)\n"
    "\u2022 Cabinet approval: 25 November 2024, as a standalone Centrally Sponsored Scheme\n"
    "\u2022 Outlay: Rs 2,481 crore\n\n"
    "3. NATIONAL MISSION ON EDIBLE OILS - OILSEEDS (NMEO-OILSEEDS)\n"
    "\u2022 Cabinet approval: 3 October 2024\n"
    "\u2022 The Mission complements the National Mission on Edible Oils - Oil Palm launched "
    "in August 2021.\n")


def test_each_scheme_of_a_year_end_review_is_its_own_label():
    # r13-agriculture (BROKEN): "what is the date of 'Cabinet approval'?" twice, with two
    # answers, under the label "Year End Review"; "(pm-kisan)" in lower case
    deck = cards(REVIEW)
    approvals = {c.answer: c.question for c in deck if "Cabinet approval" in c.question}
    assert approvals["3 October 2024"].startswith("National Mission on Edible Oils")
    assert [q for q in (c.question for c in deck) if "(PM-KISAN)" in q]
    assert not [c for c in deck if "pm-kisan" in c.question]


def test_the_mission_is_the_entrys_own():
    # r13-agriculture (WRONG x3): "The standalone Centrally Sponsored Scheme complements
    # ..." ("the Mission" taken for the scheme of the entry before)
    deck = cards(REVIEW)
    assert not [c for c in deck if "standalone" in c.question and "complements" in c.question]


INTERVIEW = (
    "'Every unnecessary antibiotic today is a failed treatment tomorrow'\n\n"
    "Antimicrobial resistance is a growing threat. We spoke to a clinical "
    "microbiologist.\n\n"
    "Q: How big is the problem, in numbers?\nA: The most widely cited estimate comes "
    "from the Global Research on Antimicrobial Resistance (GRAM) study published in "
    "The Lancet in January 2022. It estimated that in 2019, 1.27 million deaths "
    "worldwide were directly attributable to bacterial AMR and 4.95 million deaths "
    "were associated with it. A follow-up analysis in The Lancet in September 2024 "
    "forecast that more than 39 million people could die directly from resistant "
    "infections between 2025 and 2050. In Indian intensive care units we routinely "
    "isolate Klebsiella and Acinetobacter that respond to only one or two drugs.\n"
)


def test_an_interviews_question_is_not_quoted_and_we_is_nobody():
    # r13-amr-interview (BROKEN): quotes began "How big is the problem, in numbers?: A
    # follow-up ..."; "what do we routinely isolate?"
    deck = cards(INTERVIEW)
    assert deck
    assert not [c for c in deck if "?:" in c.question], [c.question for c in deck]
    assert not [c for c in deck if " we " in f" {c.question} "]


WTO = (
    "# World Trade Organization (WTO)\n\n**Quick facts**\n\n"
    "**Founded:** 1 January 1995\n**Headquarters:** Geneva, Switzerland\n"
    "**Members:** 166\n**Decision-making:** by consensus\n\n"
    "## Origin\n\nThe WTO replaced the General Agreement on Tariffs and Trade (GATT), which "
    "had governed world trade since 1948.\n")


def test_a_block_of_bold_labels_is_a_list_of_facts():
    # r13-wto (BROKEN x8): "**Founded:** 1 January 1995" read as a heading, the rest as one
    # run-on quote ("Members: Reappointed for a second term beginning ____ Founding ...")
    result = build_deck(WTO, "wto.md")
    deck = result.deck.cards
    assert not [c for c in deck if c.source.section and c.source.section.startswith(
        "Founded")], [c.source.section for c in deck]
    assert "1 January 1995" in [c.answer for c in deck]
