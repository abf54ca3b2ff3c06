"""Findings of the nineteenth card audit (audits/2026-12-builder-27-round-19/), on four
unseen articles in common layouts: an explain card that asked for a meaning and answered
with examples, way-forward steps asked about a stray word, an abbreviation beside its
blank, a count asked with the list its quote cut. Each test failed on builder 28."""

from __future__ import annotations

from test_builder_audit import asking, cards

ORDINANCES = (
    "Ordinance-Making Power of the President and Governors\n\n"
    "Ordinances are temporary laws issued by the executive when the legislature is not in "
    "session and immediate action is needed.\n\n"
    "Issues\n"
    "- Bypassing the legislature: Ordinances allow the executive to make law without "
    "debate, committee scrutiny or opposition input.\n"
    "- Re-promulgation: Laws such as the Enemy Property (Amendment and Validation) "
    "Ordinance were promulgated five times in 2016-17, and the land acquisition ordinance "
    "was issued three times in 2014-15.\n\n"
    "Reforms suggested\n"
    "- Increase the number of sitting days of Parliament and State legislatures, reducing "
    "the need for ordinances.\n"
    "- Introduce a legislative calendar so that urgent Bills can be taken up in scheduled "
    "sessions or special sittings.\n"
    "- Strengthen the role of the President and Governors in returning proposals for "
    "reconsideration where urgency is not shown.\n")


def test_examples_of_an_issue_are_not_asked_as_its_meaning():
    # r20-ordinance-making-power (WRONG): "what is meant by the issue 'Re-promulgation'?"
    # -> two ordinances that were re-promulgated, examples and no meaning
    deck = cards(ORDINANCES)
    examples = [c.question for c in deck if c.answer.startswith("Laws such as")]
    assert examples, [c.question for c in deck]
    assert not [q for q in examples if "meant by" in q], examples


def test_a_step_is_asked_about_a_whole_noun_phrase():
    # r20-ordinance-making-power, r20-pm-gati-shakti (BROKEN x3): "what should be done
    # about the number?", "... about the role?", "... about secure?"
    deck = cards(ORDINANCES) + cards(
        "PM Gati Shakti\n\nThe platform maps infrastructure projects on one map.\n\n"
        "Way Forward\n"
        "- Extend the platform to social infrastructure planning such as schools.\n"
        "- Provide secure, tiered access to the private sector to attract investment.\n")
    steps = [c.question for c in deck if "what should be done about" in c.question]
    assert [q for q in steps if q.endswith("about the number of sitting days?")], steps
    assert not [q for q in steps if q.endswith(("about the number?", "about the role?",
                                                "about secure?"))], steps


def test_no_abbreviation_stands_beside_its_blank():
    # r20-ozone-layer-protection, r20-pm-gati-shakti (BROKEN x2): "under ____ (MoEFCC)"
    # -> "Ministry of Environment, Forest and Climate Change"; "____-informatics
    # (BISAG-N)" -> "Bhaskaracharya National Institute for Space Applications and Geo"
    deck = cards(
        "# Ozone Layer Protection\n\n## Government initiatives\n\n"
        "- Ozone Cell: a National Ozone Unit under the Ministry of Environment, Forest and "
        "Climate Change (MoEFCC) coordinates implementation of the Protocol in India.\n"
        "- Rules: The Ozone Depleting Substances Rules were notified in 2000.\n", "ozone.md")
    deck += cards(
        "# PM Gati Shakti\n\n## About\n\n"
        "- The platform has been developed by Bhaskaracharya National Institute for Space "
        "Applications and Geo-informatics (BISAG-N), Gandhinagar.\n"
        "- It was launched on 13 October 2021.\n", "gati.md")
    beside = [c.question for c in deck if "____ (MoEFCC)" in c.question
              or "____-informatics" in c.question]
    assert not beside, beside


def test_a_count_is_not_asked_with_the_list_its_quote_cut():
    # r20-india-egypt-relations (BROKEN): "on how many broad pillars: political, defence
    # and security does the 2023 Strategic Partnership rest?" -> "four"
    deck = cards(
        "India–Egypt Relations\n\nIndia and Egypt are old partners.\n\n"
        "Areas of Cooperation\n\n"
        "1. Political and Strategic – The 2023 Strategic Partnership rests on four broad "
        "pillars: political, defence and security; economic engagement; scientific and "
        "academic collaboration; and cultural and people-to-people contacts.\n"
        "2. Trade – Bilateral trade was about USD 4.2 billion in 2023-24.\n")
    asked = asking(deck, "four")
    assert asked, [c.question for c in deck]
    assert not [q for q in asked if "pillars:" in q], asked


def test_an_answer_opens_with_no_quote_mark_it_does_not_close():
    # r20-india-egypt-relations (BROKEN): "to which partnership was the relationship
    # elevated?" -> "\"Strategic Partnership"
    deck = cards(
        "India–Egypt Relations\n\n"
        "President Abdel Fattah el-Sisi was the Chief Guest at India's Republic Day in "
        "January 2023, during which the relationship was elevated to a \"Strategic "
        "Partnership\". Egypt became a member of BRICS from 1 January 2024.\n\n"
        "Challenges\n\n- Trade is small.\n- Red Sea shipping is disrupted.\n")
    opened = [c.answer for c in deck if c.answer.startswith('"') and c.answer.count('"') == 1]
    assert not opened, opened
    assert asking(deck, "Strategic Partnership"), [c.answer for c in deck]


def test_an_initial_of_a_case_name_blanks_no_other_word():
    # r20-ordinance-making-power (BROKEN): "The Supreme ____ held ... a \"fraud on the
    # ____\"" (the "C" of "D.C. Wadhwa" blanked "Court" and "Constitution")
    deck = cards(ORDINANCES.replace(
        "Issues\n",
        "Important judgments\n"
        "- D.C. Wadhwa v. State of Bihar (1986): the Supreme Court held that routine "
        "re-promulgation of ordinances without placing them before the legislature is a "
        "\"fraud on the Constitution\".\n"
        "- Krishna Kumar Singh v. State of Bihar (2017): a seven-judge Constitution Bench "
        "held that laying an ordinance before the legislature is mandatory.\n\n"
        "Issues\n"))
    described = asking(deck, "D.C. Wadhwa v. State of Bihar (1986)")
    assert [q for q in described if "Supreme Court held" in q], described
