"""Findings of the twenty-second card audit (audits/2026-12-builder-35-round-22/), on five
unseen articles in the five shapes the issue names. Each test failed on builder 35."""

from __future__ import annotations

from pathlib import Path

from test_builder_audit import cards

REPORT = (
    "Human Development Report 2023-24: India Ranks 134th\n\n"
    "About the report\n"
    "The Human Development Report (HDR) 2023-24 was released by the United Nations "
    "Development Programme (UNDP) on 13 March 2024.\n"
    "The first HDR was published in 1990, building on the work of Mahbub ul Haq and "
    "Amartya Sen.\n"
    "The Human Development Index (HDI) measures three dimensions: a long and healthy life, "
    "knowledge and a decent standard of living.\n"
    "This edition ranks 193 countries; the previous edition (2021-22, \"Uncertain Times, "
    "Unsettled Lives\") had ranked 191 countries.\n\n"
    "Key findings\n"
    "- The recovery is uneven: all OECD countries have climbed back above their 2019 HDI "
    "levels, but only about half of the least developed countries have done so.\n\n"
    "India's performance\n"
    "- India stays in the \"medium human development\" category.\n"
    "- India moved up one place from 135th in 2021 (as recalculated in this edition); the "
    "previous report had placed it 132nd out of 191 countries.\n"
    "- Life expectancy at birth rose from 67.2 years to 67.7 years, expected years of "
    "schooling stood at 12.6 years and mean years of schooling at 6.57 years.\n"
    "- On the Gender Inequality Index (GII), India ranked 108th out of 166 countries with a "
    "value of 0.437, a sharp improvement from 122nd out of 191 (value 0.490) in the "
    "previous report.\n\n"
    "Suggestions\n"
    "- For India, raising women's participation in the workforce through skilling, safe "
    "transport and childcare is key to improving both the HDI and the GII.\n"
    "- Better district-level data can help target lagging States and regions.\n")


def _asked(deck, answer: str) -> list[str]:
    return [c.question for c in deck if c.answer == answer]


def test_a_name_with_a_full_stop_ends_its_sentence():
    # r23-human-development-report (BROKEN): "Amartya Sen." was read as a senator's title,
    # so a blank ran into the next sentence ("Haq and Amartya Sen. The Human Development
    # Index (HDI)")
    deck = cards(REPORT, "hdr.txt")
    assert not [c.answer for c in deck if "Sen. The" in c.answer], [c.answer for c in deck]
    assert [q for q in _asked(deck, "three") if "Human Development Index" in q]


def test_no_empty_brackets_and_no_lost_colon():
    # r23-human-development-report (BROKEN): "how many countries had the previous edition
    # (, \" \") ranked?"; "The recovery is uneven all ____ countries ..."
    deck = cards(REPORT, "hdr.txt")
    assert not [c.question for c in deck if '(, "' in c.question or "( )" in c.question]
    oecd = _asked(deck, "OECD")
    assert oecd and "The recovery is uneven: all ____ countries" in oecd[0], oecd


def test_a_date_after_a_from_phrase_is_no_answer_to_when():
    # r23-human-development-report (WRONG): "when did India move up one place from 135th?"
    # -> 2021, the year India was 135th
    deck = cards(REPORT, "hdr.txt")
    assert not [q for q in _asked(deck, "2021") if q.lower().startswith(("when", "in which"))
                or ": when" in q], _asked(deck, "2021")


def test_figures_are_asked_one_by_one_and_ranks_are_ranks():
    # r23-human-development-report (BROKEN, facts missed): "12.6 years and mean years" as
    # one answer; "rose from ____" -> "67.2 years to 67.7 years"; the GII line's ranks
    # (one tagged a country) got no card
    deck = cards(REPORT, "hdr.txt")
    for figure in ("12.6 years", "6.57 years", "67.2 years", "67.7 years", "108th", "0.437"):
        assert _asked(deck, figure), (figure, [c.answer for c in deck])
    assert not [c.answer for c in deck if "mean years" in c.answer]


def test_a_section_of_one_country_names_it():
    # r23-human-development-report (WEAK x7): "what rose from 67.2 years to 67.7 years?"
    # under "India's performance", and "what is key to improving both the HDI and the
    # GII?" of "For India, ..."
    deck = cards(REPORT, "hdr.txt")
    life = [c.question for c in deck if "rose from" in c.question]
    assert life and all("India" in q for q in life), life
    key = [c.question for c in deck if "what is key to improving" in c.question]
    assert key and "for India, what is key to" in key[0] and key[0].startswith(
        "Human Development Report 2023-24:"), key


def test_the_label_keeps_a_name_the_article_writes_in_capitals():
    # r23-human-development-report (WEAK): the label "Human development report 2023-24"
    deck = cards(REPORT, "hdr.txt")
    assert deck[0].question.startswith("Human Development Report 2023-24:"), deck[0].question


JUDGMENT = (
    "Mineral Area Development Authority v. Steel Authority of India (2024)\n\n"
    "Why in news\n"
    "On 25 July 2024, a nine-judge Constitution Bench of the Supreme Court held that the "
    "royalty paid on mining leases is not a tax.\n\n"
    "Background\n"
    "- 1989: In India Cement Ltd v. State of Tamil Nadu, a seven-judge bench struck down a "
    "cess on royalty levied by Tamil Nadu and observed that \"royalty is a tax\".\n"
    "- 2004: In State of West Bengal v. Kesoram Industries, a five-judge bench said that "
    "this line was a typographical error and should be read as \"cess on royalty is a "
    "tax\".\n"
    "- 2011: Because of the conflict between the two judgments, a three-judge bench "
    "referred the question to a nine-judge bench.\n")


def test_this_line_of_a_timeline_entry_is_not_its_year():
    # r23-mineral-royalty-judgment (WRONG x2): "said that the 2004 line was a typographical
    # error": the line was India Cement's, of 1989
    deck = cards(JUDGMENT, "mada.txt")
    assert not [c.question for c in deck if "2004 line" in c.question + c.answer]


BILATERAL = (
    "India–Bangladesh Relations\n\n"
    "Why in news\n"
    "Only weeks earlier, on 21-22 June 2024, Hasina had made a state visit to New Delhi, "
    "and in December 2024 Foreign Secretary Vikram Misri travelled to Dhaka for Foreign "
    "Office Consultations.\n\n"
    "Historical ties\n"
    "In March 1972 Indira Gandhi and Sheikh Mujibur Rahman signed a 25-year Treaty of "
    "Friendship, Cooperation and Peace. The Joint Rivers Commission (JRC) was set up the "
    "same year.\n\n"
    "Areas of cooperation\n"
    "1. Energy – The India–Bangladesh Friendship Pipeline from Siliguri to Parbatipur, "
    "inaugurated on 18 March 2023, carries diesel.\n"
    "2. Defence – The armies hold Exercise Sampriti and the navies hold Exercise "
    "Bongosagar along with coordinated patrols.\n"
    "3. Regional groupings – Both work together in SAARC, BIMSTEC and the BBIN "
    "(Bangladesh-Bhutan-India-Nepal) framework, whose Motor Vehicles Agreement was signed "
    "in 2015.\n")


def test_a_name_does_not_take_the_date_before_it():
    # r23-india-bangladesh (BROKEN x2): "December 2024 Foreign Secretary Vikram Misri",
    # "March 1972 Indira Gandhi and Sheikh Mujibur Rahman"
    deck = cards(BILATERAL, "bd.txt")
    answers = [c.answer for c in deck]
    assert "Foreign Secretary Vikram Misri" in answers, answers
    assert "Indira Gandhi and Sheikh Mujibur Rahman" in answers, answers
    assert not [a for a in answers if a.startswith(("December 2024 ", "March 1972 "))]


def test_a_treaty_is_no_length_of_time_and_keeps_its_whole_name():
    # r23-india-bangladesh (BROKEN): "(a length of time)" -> "25-year Treaty of
    # Friendship", with ", Cooperation and Peace" left in the question
    deck = cards(BILATERAL, "bd.txt")
    assert not [c.question for c in deck if "(a length of time)" in c.question
                and "Treaty" in c.answer]
    assert [c.answer for c in deck if c.answer.endswith("Treaty of Friendship, Cooperation "
                                                         "and Peace")], [c.answer for c in deck]


def test_broken_shapes_of_a_relation_note_are_gone():
    # r23-india-bangladesh (BROKEN): "which commission was set up the same year?", "when
    # did the ... Pipeline ... inaugurate?", "according to the armies, which exercise do
    # Exercise Sampriti and the navies hold ...?", "when was whose Motor Vehicles
    # Agreement signed?"
    deck = cards(BILATERAL, "bd.txt")
    questions = [c.question for c in deck]
    for bad in ("set up the same year?", "inaugurate?", "according to the armies", "whose"):
        assert not [q for q in questions if bad in q and "\u201c" not in q], (bad, questions)
    assert not [c.answer for c in deck if c.answer.lower().startswith("whose")]
    assert _asked(deck, "18 March 2023"), questions


SCHEME = (
    "# Pradhan Mantri Ujjwala Yojana\n\n"
    "## About the scheme\n\n"
    "- **Beneficiaries:** Beneficiaries were first identified from the Socio-Economic and "
    "Caste Census (SECC) 2011 list.\n\n"
    "## Concerns\n\n"
    "- **Low refills:** The Comptroller and Auditor General (CAG) audit of 2019 found that "
    "PMUY beneficiaries who had used LPG for more than a year consumed on average only "
    "3.66 refills a year (as on 31 December 2018).\n"
    "- **Affordability:** The price of a cylinder crossed Rs 1,100 in 2023.\n")


def test_a_name_spelt_out_by_its_abbreviation_is_not_cut_at_and():
    # r23-pm-ujjwala-yojana (WEAK x2): "the Socio-Economic and ____ list" -> "Caste Census
    # (SECC) 2011", "The Comptroller and ____ audit" -> "Auditor General (CAG)"; and the
    # name's year is no count
    deck = cards(SCHEME, "pmuy.md")
    answers = [c.answer for c in deck]
    assert "Comptroller and Auditor General (CAG)" in answers, answers
    assert not [a for a in answers if a.startswith(("Caste Census", "Auditor General"))]
    assert not [c.question for c in deck if c.answer == "2011" and "how many" in c.question]


def test_a_reported_clause_is_not_quoted_from_its_that():
    # r23-pm-ujjwala-yojana (BROKEN): "That PMUY beneficiaries ... had used LPG for more
    # than a year consumed on average ____ refills a year."
    deck = cards(SCHEME, "pmuy.md")
    assert not [c.question for c in deck if "\u201cThat " in c.question]


def test_a_part_the_total_gives_away_is_no_blank_in_words_either():
    # r23-project-cheetah (WEAK x4): "eight cheetahs (____ females and three males)" ->
    # five, and the same for the males and for the twelve from South Africa
    deck = cards("# Project Cheetah\n\n## Background\n\n"
                 "First batch: On 17 September 2022, eight cheetahs (five females and three "
                 "males) brought from Namibia were released into Kuno National Park.\n"
                 "Second batch: In February 2023, twelve cheetahs (seven males and five "
                 "females) arrived from South Africa.\n", "cheetah.md")
    parts = [c.question for c in deck if c.answer in ("five", "three", "seven")]
    assert not parts, parts
    assert [c.question for c in deck if c.answer == "eight"], [c.answer for c in deck]


def test_the_label_standing_for_the_index_has_one_the():
    # builder 36's rebuild of r14-global-gender-gap-2025: "the gaps the the Global gender
    # gap index highlights" (the label "The Global gender gap index" stood for "the index")
    text = (Path(__file__).parents[1] / "audits/2026-12-builder-18-round-13/articles"
            / "r14-global-gender-gap-2025.md").read_text(encoding="utf-8")
    deck = cards(text, "r14-global-gender-gap-2025.md")
    assert not [c.question for c in deck if "the the " in c.question.lower()]
    assert [c.question for c in deck if "policies address the gaps the Global" in c.question]
