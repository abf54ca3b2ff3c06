"""Findings of the sixteenth card audit (audits/2026-12-builder-22-round-16/), on five
articles in the shapes issue 12 names: a scheme note with "Significance / Concerns /
Measures needed", a judgment dense with dates and Articles, a Markdown page of unbolded
"Title: text" items, an index report, a bilateral note with an em-dash way forward. One
small article each; each test failed on the builder that was audited (builder 22)."""

from __future__ import annotations

from test_builder_audit import asking, cards

BHUTAN = (
    "India-Bhutan Relations\n\n"
    "India and Bhutan established formal diplomatic relations in 1968.\n\n"
    "Areas of cooperation\n\n"
    "1. Hydropower \u2013 the anchor of the relationship\n"
    "- Hydropower cooperation gained momentum with the 1974 agreement for the Chukha "
    "project.\n"
    "- Inter-governmental projects: Chukha (336 MW), Kurichhu (60 MW) and Tala (1,020 "
    "MW).\n\n"
    "2. Trade and economy\n"
    "- India is Bhutan's largest trading partner.\n\n"
    "Way Forward \u2014\n"
    "- Finish Punatsangchhu-I and move to new joint ventures in solar power.\n"
    "- Deliver aid on time and without conditions.\n")


def test_a_numbered_line_over_bullets_is_their_heading_not_an_item():
    # r17-india-bhutan-relations (WRONG): "which area of cooperation is described here:
    # 'Chukha (336 MW), ...'?" -> "Inter-governmental projects", a bullet's label under
    # "1. Hydropower - the anchor of the relationship"; (BROKEN) "what is meant by the
    # opportunity 'Hydropower'?" -> "The anchor of the relationship"
    deck = cards(BHUTAN)
    assert not asking(deck, "Inter-governmental projects")
    assert not asking(deck, "The anchor of the relationship")
    assert {c.source.section for c in deck if "1974" in c.answer or "1974" in c.question} \
        == {"Hydropower \u2013 the anchor of the relationship"}


ADITYA = (
    "# Aditya-L1\n\n"
    "## Mission timeline\n\n"
    "- Launch: 2 September 2023, on PSLV-C57.\n"
    "- Station-keeping: ISRO made manoeuvres on 22 February, 7 June and 2 July 2024.\n\n"
    "## Payloads (Three)\n\n"
    "- VELC: Visible Emission Line Coronagraph, built by the Indian Institute of "
    "Astrophysics.\n"
    "- SUIT: Solar Ultraviolet Imaging Telescope, built by IUCAA.\n"
    "- ASPEX: Aditya Solar wind Particle Experiment, built by the Physical Research "
    "Laboratory.\n"
    "- Split: Two remote-sensing payloads look at the Sun; one samples the wind at L1.\n")


def test_a_list_of_dates_is_one_answer():
    # r17-aditya-l1 (WRONG): "when did ISRO make manoeuvres?" -> "22 February", the first
    # of three dates, without its year
    deck = cards(ADITYA, "aditya.md")
    assert not asking(deck, "22 February")
    assert asking(deck, "22 February, 7 June and 2 July 2024")


def test_a_list_card_agrees_with_the_count_its_heading_gives():
    # r17-aditya-l1 (WRONG): "name the eight payloads (Seven)", the summary line "Split"
    # listed as a payload
    deck = cards(ADITYA, "aditya.md")
    assert not [c for c in deck if "Split" in c.answer.splitlines()
                or c.answer.endswith("Split")]


def test_a_pm_schemes_name_is_one_name():
    # r17-pm-shri (BROKEN x4): "PM SHRI" split at its space: "PM aims to upgrade ____
    # schools", "... tied to signing the PM."
    deck = cards(
        "PM SHRI\n\n"
        "PM SHRI was approved by the Union Cabinet on 7 September 2022. It aims to upgrade "
        "more than 14,500 existing schools run by the Centre, States and local bodies.\n\n"
        "Concerns:\n"
        "- Kerala and West Bengal have objected to releases being tied to signing the PM "
        "SHRI MoU.\n"
        "- Teacher vacancies remain high.\n")
    assert not [c for c in deck if "PM aims" in c.question or "the PM.\u201d" in c.question
                or "\u201cSHRI" in c.question]
    assert [c for c in deck if c.question.endswith(
        "\u201cPM SHRI aims to upgrade ____ existing schools run by the Centre, States and "
        "local bodies.\u201d")]


def test_a_blank_never_takes_part_of_a_word():
    # r17-global-hunger-index-2024 (BROKEN): "Under____ mortality: 2.9." -> "-five"
    deck = cards(
        "Global Hunger Index 2024\n\n"
        "India ranks 105th of 127 countries, with a score of 27.3.\n\n"
        "INDIA'S PERFORMANCE\n"
        "- Indicator values for India:\n"
        "  * Child stunting: 35.5%\n"
        "  * Under-five mortality: 2.9%\n"
        "- India's score fell from 35.2 in 2008 to 27.3 in 2024.\n\n"
        "Concerns:\n- Child wasting is the highest in the world.\n- Anaemia is rising.\n")
    assert not [c for c in deck if "r____" in c.question or c.answer.startswith("-five")]
