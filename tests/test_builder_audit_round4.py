"""Findings of the fourth and fifth card audits (audits/2026-12-builder-3-round-4/,
audits/2026-12-builder-4-round-5/), on articles in shapes no earlier article had: one
small article each, for a wrong or broken card the reviewers found. Each test failed on
the builder that was audited."""

from __future__ import annotations

from flashcards.builder import build_deck
from test_builder_audit import cards


def test_the_commission_is_the_commission_named_before_not_a_committee():
    # r6-indus-waters-treaty (WRONG x3): "under which Article are 'questions' handled by
    # the Cabinet Committee on Security ...?" (the article: by the Permanent Indus
    # Commission, an item's title)
    deck = cards("Indus Waters Treaty in Abeyance\n\nWhy in News:\nOn 23 April 2025, the "
                 "Cabinet Committee on Security decided to hold the treaty in abeyance.\n\n"
                 "Key Features:\n1. Permanent Indus Commission: Each country appoints a "
                 "Commissioner. The Commission must meet at least once a year.\n"
                 "2. Graded dispute resolution: Under Article IX, questions are handled by the "
                 "Commission and disputes by a Court of Arbitration.\n")
    quoted = [c.question for c in deck if "handled by" in c.question]
    assert quoted and not [q for q in quoted if "Cabinet Committee" in q], quoted


def test_a_genre_word_before_the_title_is_no_label():
    # r6-forest-rights-act, r6-census-caste: every card began "LAW NOTE:" or "EXPLAINER:"
    # (and "When did LAW NOTE come into force?")
    deck = build_deck("LAW NOTE: The Forest Rights Act, 2006 \u2013 Undoing a Historical "
                      "Injustice\n\nBackground:\nThe Forest Rights Act, 2006 came into force "
                      "on 31 December 2007. The Act covers forest dwellers.\n", "f.txt").deck
    assert "note" not in deck.meta["topic"].lower(), deck.meta["topic"]
    assert not [c.question for c in deck.cards if "LAW NOTE" in c.question]


def test_a_concern_with_must_is_no_recommendation():
    # r6-digital-india-act, r5-gst-council (WRONG): "what is recommended for ...?" of a
    # sentence under "Concerns"
    deck = cards("Data protection\n\nConcerns\nEvery platform must obtain verifiable parental "
                 "consent for all users below 18 years, which may exclude teenagers. Delayed "
                 "rules discourage compliance.\n\nConclusion\nThe Act was notified in August "
                 "2023.\n")
    assert not [c.question for c in deck if "recommended" in c.question and c.kind ==
                "challenge"], [c.question for c in deck]


def test_a_heading_that_is_a_clause_gets_no_list_card():
    # r6-census-caste (BROKEN): "name the five what state surveys show"
    deck = cards("India's Census\n\nWHAT STATE SURVEYS SHOW\n"
                 "- Scheduled Castes: 19.65% of Bihar's population.\n"
                 "- Scheduled Tribes: 1.68% of Bihar's population.\n"
                 "- Extremely Backward Classes: 36.01% of Bihar's population.\n")
    assert not [c.question for c in deck if c.kind == "list"], [c.question for c in deck]


def test_a_table_row_reads_as_a_sentence_with_its_penalty():
    # r6-digital-india-act (WEAK x10, BROKEN x2): "What it says: ...; Penalty: —" quoted
    # raw, the header of the second column in every answer
    deck = cards("# Data Protection Act\n\n## Key Provisions\n\n"
                 "| Provision | What it says | Penalty |\n|---|---|---|\n"
                 "| Security safeguards | Data Fiduciaries must take reasonable security "
                 "safeguards. | Up to Rs 250 crore |\n"
                 "| Applicability | Digital personal data processed in India. | \u2014 |\n\n"
                 "## Concerns\n\n- **Exemptions**: The Centre may exempt its agencies.\n", "d.md")
    texts = " ".join(c.question + " " + c.answer for c in deck)
    assert "What it says" not in texts and "\u2014" not in texts, texts
    assert [c for c in deck if c.answer == "Rs 250 crore"]


def test_names_are_whole_and_their_abbreviation_gives_them_away():
    # r5-gst-council, r6-indus-waters-treaty (BROKEN): "Article 279A(5", "Article XII(4";
    # r5-snow-leopard: "The SECURE ____ project" -> "Himalaya" (BROKEN), "____ in India
    # (SPAI)" -> "Snow Leopard Population Assessment" (BROKEN)
    deck = cards("Snow leopards and GST\n\nBackground:\n"
                 "The GST Council is to recommend the date under Article 279A(5) of the "
                 "Constitution. The SECURE Himalaya project, supported by the Global "
                 "Environment Facility, works on high-altitude biodiversity. The report "
                 "presents the results of the Snow Leopard Population Assessment in India "
                 "(SPAI), the first scientific exercise of its kind, released in January "
                 "2024.\n")
    answers = [c.answer for c in deck]
    assert "Article 279A(5)" in answers and "Article 279A(5" not in answers, answers
    questions = " ".join(c.question for c in deck)
    assert "SECURE ____" not in questions and "____ in India (SPAI)" not in questions


def test_a_second_value_for_a_case_of_its_own_is_its_own_answer():
    # r6-census-caste (WRONG): the snow-bound areas' date asked with the answer "1 March
    # 2027, and 1 October 2026"
    deck = cards("India's next census\n\nSummary:\n"
                 "Under a notification of June 2025, the reference date is 1 March 2027, and 1 "
                 "October 2026 for the snow-bound areas of Ladakh and Uttarakhand.\n")
    assert not [c.answer for c in deck if "1 March 2027" in c.answer
                and "1 October 2026" in c.answer], [c.answer for c in deck]


def test_a_short_abbreviated_answer_spelled_out_in_the_question_is_dropped():
    # r6-digital-india-act (BROKEN x2): "Digital Personal Data Protection Act: which act is
    # a long-awaited step?" -> "DPDP Act": the label spells the answer out
    deck = cards("Digital Personal Data Protection Act\n\nWhy in News:\nThe Digital "
                 "Personal Data Protection Act, 2023 (DPDP Act) came into force.\n\n"
                 "Way Forward:\n1. Harmony: The proposed Digital India Act should work in "
                 "harmony with the DPDP Act.\n\nConclusion:\nThe DPDP Act is a "
                 "long-awaited step.\n")
    assert deck and not [c for c in deck if c.answer.strip() == "DPDP Act"], \
        [(c.question, c.answer) for c in deck]


def test_the_gate_reads_abbreviations_against_the_question():
    from flashcards.builder.gate import gives_away, judge

    # the quote names the office the blank abbreviates (Lokpal: "the Chief Justice of India
    # or a judge nominated by the ____" -> "CJI")
    assert gives_away("Lokpal: fill in the blank: “the Chief Justice of India or a judge "
                      "nominated by the ____”", "CJI", {})
    # an explanation may name an abbreviation its label spells out (RBI's MPC)
    assert gives_away("RBI's Monetary Policy Committee: what is meant by “Fiscal "
                      "coordination”?", "Prudent fiscal policy eases the MPC's burden.", {},
                      explains=True) is None
    # r6-india-uae-cepa (BROKEN): an answer whose bracket is never closed
    assert "the answer's brackets are unbalanced" in judge(
        "India–UAE CEPA: what must both sides do?", "Use the joint committee under the "
        "Agreement (CEPA to resolve non-tariff barriers quickly", finite_verb=True,
        unresolved=[], expansions={})
