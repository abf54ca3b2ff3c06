"""Findings of the twenty-eighth card audit (audits/2026-12-builder-48-round-28/), on
five unseen articles: the shapes builder 49 takes. Each test failed on builder 48."""

from __future__ import annotations

from test_builder_audit import cards

RUPEE = ("# The e-Rupee\n\n## Features: wholesale vs retail\n\n"
         "| Feature | CBDC-W | CBDC-R |\n|---|---|---|\n"
         "| Users | Restricted to financial institutions | Individuals and businesses |\n"
         "| Pilot launch | 1 November 2022 | 1 December 2022 |\n"
         "| Banks at launch | Nine | Four |\n")


def test_a_feature_table_names_each_column():
    # r29-digital-rupee (BROKEN x6): "what is said about “Banks at launch”?" -> "Nine.
    # CBDC-R: Four." (the wholesale column unnamed)
    deck = cards(RUPEE, "r.md")
    nine = [c for c in deck if c.answer == "Nine"]
    assert nine and all("CBDC-W" in c.question for c in nine), \
        [(c.question, c.answer) for c in deck]
    assert not [c for c in deck if "CBDC-R:" in c.answer], [c.answer for c in deck]


def test_an_ordinal_is_no_figure():
    # r29-cooperatives-ministry (WRONG): "what are the figures for “Tribhuvan Sahkari
    # University”?" -> "First national cooperative university, at Anand (Gujarat), ..."
    text = ("# Ministry of Cooperation\n\n## Key initiatives\n\n"
            "| Initiative | Year | What it does |\n|---|---|---|\n"
            "| Tribhuvan Sahkari University | 2025 | First national cooperative university, "
            "at Anand (Gujarat), built on IRMA |\n"
            "| National Cooperative Database | 2024 | A database of about 8 lakh cooperatives "
            "across the country for planning |\n")
    deck = cards(text, "c.md")
    assert not [c for c in deck if "figures for" in c.question and not any(
        ch.isdigit() for ch in c.answer)], [(c.question, c.answer) for c in deck]
