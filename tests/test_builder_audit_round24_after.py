"""Findings of the second review of round 24 (audits/2026-12-builder-39-round-24/
after-fixes/), on the decks builder 41 made of the same five articles. Each test failed
on builder 41."""

from __future__ import annotations

from test_builder_audit import cards

INDEX = ("# Global Innovation Index 2024: Summary\n\n"
         "The Global Innovation Index (GII) 2024 was released by WIPO on 26 September "
         "2024.\n\n"
         "## India's performance\n\n"
         "India ranked 39th out of 133 economies with a score of 38.3.\n\n"
         "Pillar performance:\n\n"
         "- Institutions: Rank improved from 56th to 54th, even though the score fell from "
         "53.9 to 51.5.\n"
         "- Knowledge and Technology Outputs: Steady at 22nd, though the score dipped from "
         "39.7 to 38.8.\n\n"
         "## Areas of concern\n\n"
         "- Low R&D spending: India's GERD was about 0.64% of GDP in 2020-21.\n")


def test_a_label_line_under_an_owned_heading_keeps_the_owner():
    # r25-global-innovation-index (WEAK x12): "Institutions: Rank improved from ____ to
    # 54th" under "Pillar performance:", a label line under "## India's performance":
    # whose rank? the label said "Global Innovation Index" only
    deck = cards(INDEX, "g.md")
    ranks = [c.question for c in deck if c.answer in ("56th", "53.9", "22nd")]
    assert len(ranks) == 3, [c.question for c in deck]
    assert all("(India's performance)" in q for q in ranks), ranks
    # (the next "##" heading is its own again)
    concern = [c.question for c in deck if "0.64%" in c.answer]
    assert concern and "(India's performance)" not in concern[0], concern


POINTS = ("# Ramsar sites\n\n## India and the Convention\n\n"
          "- India joined the Convention on 1 February 1982.\n"
          "- Only 26 sites were designated between 1982 and 2013.\n"
          "- Chilika Lake (Odisha) and Keoladeo National Park (Rajasthan) were India's first "
          "Ramsar sites, both designated in 1981.\n"
          "- On 4 June 2025, the eve of World Environment Day, the addition of Khichan and "
          "Menar in Rajasthan was announced, taking the tally to 91 — the largest Ramsar "
          "network in Asia.\n")


def test_a_point_whose_figures_are_asked_is_not_asked_again_from_its_subject():
    # r25-ramsar-wetlands, r25-india-germany, r25-collegium, r25-pmfby (WEAK x6): "what
    # were designated between 1982 and 2013?" -> "Only 26 sites", beside "____ sites were
    # designated ..." -> "26"
    deck = cards(POINTS, "r.md")
    assert [c for c in deck if c.answer.startswith("26") or c.answer == "Only 26"], \
        [c.question for c in deck]
    assert not [c for c in deck if c.key.endswith("/what")], \
        [(c.question, c.answer) for c in deck if c.key.endswith("/what")]


def test_places_are_not_asked_with_who():
    # r25-ramsar-wetlands (WEAK): "who were India's first Ramsar sites?"
    deck = cards(POINTS, "r.md")
    asked = [c.question for c in deck if c.answer.startswith("Chilika Lake")]
    assert asked and not [q for q in asked if " who " in f" {q.lower()}"], asked


def test_a_dates_apposition_is_not_the_subject():
    # r25-ramsar-wetlands (BROKEN): "On ____, the eve of World Environment Day was
    # announced." (the addition of Khichan and Menar was announced)
    deck = cards(POINTS, "r.md")
    asked = [c.question for c in deck if c.answer == "4 June 2025"]
    assert asked and "addition of Khichan and Menar" in asked[0], asked
    assert not [c for c in deck if "World Environment Day was announced" in c.question]


PMFBY = ("Cabinet approves continuation of Pradhan Mantri Fasal Bima Yojana\n\n"
         "The Cabinet approved the creation of a Fund for Innovation and Technology (FIAT) "
         "with a corpus of Rs 824.77 crore. The fund will finance technological initiatives, "
         "namely YES-TECH and WINDS.\n\n"
         "Overview\n"
         "- A major revamp was approved in February 2020.\n\n"
         "Key features\n"
         "- Farmers' premium: A farmer pays a maximum of 2% of the sum insured for Kharif food "
         "and oilseed crops, and 1.5% for Rabi food and oilseed crops.\n"
         "- Assessment: Yield losses are assessed through Crop Cutting Experiments (CCEs), "
         "supported by YES-TECH (Yield Estimation System based on Technology) and WINDS "
         "(Weather Information Network and Data Systems).\n"
         "- Cap on central subsidy: Since the 2020 revamp, the Centre shares premium subsidy "
         "only up to premium rates of 30% for unirrigated areas.\n")


def test_a_bracket_that_spells_the_answer_out_is_not_shown_beside_its_blank():
    # r25-pmfby (BROKEN): "supported by ____ (Yield Estimation System based on Technology)"
    # -> "YES-TECH"; the full forms of YES-TECH and WINDS are asked on their own
    deck = cards(PMFBY, "p.txt")
    blanks = [c.question for c in deck if c.answer in ("YES-TECH", "WINDS")
              and "Crop Cutting" in c.question]
    assert blanks, [c.question for c in deck]
    assert not [q for q in blanks if "____ (" in q], blanks
    full = {c.answer for c in deck if "full form of" in c.question}
    assert {"Yield Estimation System based on Technology",
            "Weather Information Network and Data Systems"} <= full, full


def test_the_fund_is_the_fund_named_before():
    # r25-pmfby (WEAK): "The fund will finance ..." never says which fund (FIAT)
    deck = cards(PMFBY, "p.txt")
    asked = [c.question for c in deck if "will finance" in c.question]
    assert asked and all("Fund for Innovation and Technology" in q for q in asked), asked


def test_a_kind_of_crop_is_not_cut_at_its_and():
    # r25-pmfby (WEAK): "for ____ and oilseed crops" -> "Kharif food"
    deck = cards(PMFBY, "p.txt")
    assert not [c for c in deck if c.answer in ("Kharif food", "Rabi food")], \
        [c.question for c in deck if "food" in c.answer]


def test_a_year_of_a_thing_dated_in_full_before_is_not_asked_again():
    # r25-pmfby (WEAK): "Since the ____ revamp" -> "2020", after "approved in ____" ->
    # "February 2020"
    deck = cards(PMFBY, "p.txt")
    assert [c for c in deck if c.answer == "February 2020"], [c.question for c in deck]
    assert not [c for c in deck if "the ____ revamp" in c.question]
