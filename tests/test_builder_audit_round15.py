"""Findings of the fifteenth card audit (audits/2026-12-builder-21-round-15/), on four
articles in common layouts: a scheme note, a bilateral note, an environment explainer, a
polity explainer. One small article each; each test failed on the builder that was
audited (builder 21)."""

from __future__ import annotations

from test_builder_audit import asking, cards

LAND = (
    "# Land Degradation in India\n\n"
    "## What is it?\n\n"
    "Land degradation is the loss of the productivity of land. ISRO's Desertification and "
    "Land Degradation Atlas (2021) found 97.85 million hectares degraded in 2018-19.\n\n"
    "## Government initiatives\n\n"
    "- Desert Development Programme (1977-78): aimed at controlling desertification in hot "
    "and cold desert areas.\n"
    "- Integrated Watershed Management Programme (2009-10): now implemented as the "
    "Watershed Development Component of the Pradhan Mantri Krishi Sinchayee Yojana.\n"
    "- Nagar Van Yojana (2020): develops urban forests to restore green cover in cities.\n\n"
    "## Way forward\n\n"
    "India must scale up watershed programmes in the dry districts. India should also "
    "restore 26 million hectares by 2030.\n")


def test_a_list_card_names_every_item_or_is_not_made():
    # r16-land-degradation (WRONG): "name the nine government initiatives" of ten, the
    # Integrated Watershed Management Programme left out ("Watershed" read as a verb, so
    # its title was taken for a clause)
    deck = cards(LAND, "land.md")
    lists = [c for c in deck if c.key == "government-initiatives/all"]
    assert lists and lists[0].question.endswith("name the three government initiatives.")
    assert "Integrated Watershed Management Programme (2009-10)" in lists[0].answer


def test_must_and_should_ask_one_question_once():
    # r16-land-degradation (WEAK x2): "what must India do?" and "what should India do?",
    # two cards, two answers
    deck = cards(LAND, "land.md")
    asked = [c.question for c in deck if c.question.endswith(("what must India do?",
                                                              "what should India do?"))]
    assert len(asked) <= 1, asked


DEFECTION = (
    "Anti-Defection Law\n\n"
    "The Tenth Schedule was added by the Constitution (Fifty-second Amendment) Act, 1985.\n\n"
    "Constitutional provisions\n"
    "- The Constitution (Ninety-first Amendment) Act, 2003 capped the Council of Ministers "
    "at 15% of the strength of the Lok Sabha or Legislative Assembly (Article 75(1A) and "
    "Article 164(1A)).\n\n"
    "Judicial interpretation\n"
    "- Nabam Rebia v. Deputy Speaker (2016): a Speaker facing a notice for removal should "
    "not decide disqualification petitions.\n"
    "- Keisham Meghachandra Singh v. Speaker, Manipur (2020): Speakers should decide "
    "disqualification petitions within three months except in exceptional "
    "circumstances.\n\n"
    "Reforms suggested\n"
    "- Law Commission, 170th Report (1999): delete the split and merger exceptions and "
    "treat pre-poll alliances as a single party.\n"
    "- Election Commission: decisions by the President or Governor on its binding advice.\n"
    "- Supreme Court (2020): an independent tribunal headed by a retired judge in place of "
    "the Speaker.\n")


def test_a_should_not_is_never_asked_as_a_should():
    # r16-anti-defection-law (WRONG): "what should a Speaker facing a notice for removal
    # do?" -> "Decide disqualification petitions": Nabam Rebia reversed
    deck = cards(DEFECTION)
    assert not [c for c in deck if c.answer.startswith("Decide disqualification")
                and "not" not in c.question.split() and "not" not in c.answer.split()]


def test_a_ruling_is_not_asked_as_advice_to_no_one():
    # r16-anti-defection-law (BROKEN): "what should Speakers do?" from Keisham (2020)
    deck = cards(DEFECTION)
    assert not [c for c in deck if c.question.endswith("what should Speakers do?")]


def test_two_articles_in_one_bracket_are_one_answer():
    # r16-anti-defection-law (WRONG): "... Legislative Assembly (____)" -> "Article
    # 75(1A)", which teaches that 75(1A) caps the States' ministries too
    deck = cards(DEFECTION)
    assert not asking(deck, "Article 75(1A)")
    assert not asking(deck, "Article 164(1A)")


def test_a_body_that_recommended_is_asked_what_it_recommended():
    # r16-anti-defection-law (BROKEN x2): "what is meant by the measure 'Election
    # Commission'?", "... 'Supreme Court (2020)'?"
    deck = cards(DEFECTION)
    assert not [c for c in deck if "the measure \u201c" in c.question]
    assert [c for c in deck
            if c.question.endswith("what did the Election Commission recommend?")]


def test_a_number_after_first_is_no_count():
    # r16-pm-svanidhi (BROKEN): "raises the loan amounts in the first two tranches" ->
    # "in how many first tranches does the loan amount?" -> "two"
    deck = cards(
        "PM SVANidhi\n\n"
        "In August 2025 the Union Cabinet approved the restructuring of the scheme. The "
        "restructured scheme raises the loan amounts in the first two tranches and adds a "
        "UPI-linked RuPay credit card.\n\n"
        "Challenges:\n- Many borrowers stop after the first loan.\n- Surveys are slow.\n")
    assert not asking(deck, "two")
