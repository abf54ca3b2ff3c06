"""Articles of every shape the issue lists give complete decks with correct answers.

tests/articles/ holds one article per family of variations:
- india-maldives-markdown.md: `#`/`##` headings, `-` and `*` bullets, bold titles with the
  colon inside, outside, or a dash; sub-bullets; an explanation with a colon; a title on
  its own line; Background / Areas of Cooperation / Measures Needed / Conclusion.
- semiconductor-plain-crlf.txt: CRLF, plain headings with and without a colon, a bold
  line as heading and as title, titles on their own line, a wrapped item, a bold title
  with no separator, curly quotes, em and en dashes, the rupee sign, Devanagari, a
  no-break space, stray `Source:` lines, runs of blank lines.
- urban-flooding.md: `1)` items with loose paragraphs, `•` bullets, untitled items, a
  sentence ending in a colon as heading, a bold "Way Forward:" with a list.
- research-funding.txt: one short section, nothing else.
- pm-kusum.txt: "Why in News?", an unknown heading ("Key Features"), " - " separators,
  an acronym title ("PM-KUSUM: ..."), lakh amounts.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from flashcards.builder import build_deck
from flashcards.builder.language import norm
from flashcards.domain import CardDraft, DeckDraft

ARTICLES = Path(__file__).parent / "articles"


def build(name: str) -> tuple[DeckDraft, list[str], str]:
    raw = (ARTICLES / name).read_bytes().decode("utf-8")
    result = build_deck(raw, name)
    return result.deck, result.warnings, raw


def card(deck: DeckDraft, key: str) -> CardDraft:
    found = [c for c in deck.cards if c.key == key]
    assert found, f"no card {key}; keys: {[c.key for c in deck.cards]}"
    return found[0]


def check_items(deck: DeckDraft, section: str, noun: str, items: list[tuple[str, str]]):
    """Each (title, explanation): both cards, with the exact answers; then the list card."""
    for title, explanation in items:
        explain = [c for c in deck.cards if c.key.startswith(f"{section}/")
                   and c.key.endswith("/explain") and f"\u201c{title}\u201d" in c.question]
        assert len(explain) == 1, title
        assert explain[0].answer == explanation
        assert f"what is meant by the {noun} \u201c{title}\u201d" in explain[0].question
        identify = card(deck, explain[0].key.replace("/explain", "/identify"))
        assert identify.answer == title
        assert f"which {noun} is described here" in identify.question
    names = card(deck, f"{section}/all")
    assert names.answer == "\n".join(f"{n}. {t}" for n, (t, _) in enumerate(items, 1))


def check_facts(deck: DeckDraft, facts: list[tuple[str, str]]):
    """Each (answer, question): exactly one fact card asks that question for that answer
    (the same answer may come up in another sentence too)."""
    for answer, question in facts:
        matching = [c.question for c in deck.cards if c.answer == answer and c.kind == "fact"]
        assert matching.count(question) == 1, (answer, matching)


def check_sound(deck: DeckDraft, raw: str):
    lines = raw.replace("\r\n", "\n").split("\n")
    assert len({c.key for c in deck.cards}) == len(deck.cards)
    for c in deck.cards:
        assert f" {norm(c.answer)} " not in f" {norm(c.question)} ", c.key  # whole words
        for text in (c.question, c.answer, *c.tags):
            assert not set(text) & set("\r\u00a0*"), (c.key, text)
        assert c.source.line_start is not None and c.source.line_end is not None
        assert 1 <= c.source.line_start <= c.source.line_end <= len(lines)
        span = " ".join(lines[c.source.line_start - 1:c.source.line_end]).replace("\u00a0", " ")
        if c.kind == "fact":
            assert norm(c.answer) in norm(span), c.key
        if c.key.endswith("/identify"):
            assert norm(c.answer) in norm(span), c.key


def test_markdown_article():
    deck, warnings, raw = build("india-maldives-markdown.md")
    check_sound(deck, raw)
    assert warnings == []
    assert deck.meta["topic"] == "India-Maldives Relations"
    assert all(c.tags == ("gs2", "international-relations") for c in deck.cards)
    check_items(deck, "challenges", "challenge", [
        ("China's growing presence", "The Maldives joined the Belt and Road Initiative, and "
         "Chinese loans now make up a large share of its external debt."),
        ('"India Out" campaign', "A political campaign demanded the withdrawal of Indian "
         "military personnel: about 80 personnel operated aircraft for medical evacuations."),
        ("Debt distress", "The Maldives faces heavy repayments due in 2026.\n"
         "- Sukuk bond repayments\n- Falling foreign-exchange reserves"),
    ])
    check_items(deck, "opportunities", "area of cooperation", [
        ("Tourism", "Indians are among the largest groups of tourists visiting the Maldives."),
        ("Capacity building", "India trains Maldivian civil servants and police officers."),
        ("Connectivity", "The Greater Mal\u00e9 Connectivity Project links Mal\u00e9 with three "
         "neighbouring islands."),
    ])
    check_items(deck, "measures", "measure", [
        ("Sustained engagement", "Regular high-level visits keep the relationship on course."),
        ("Development partnership", "Projects should be completed on time, with visible "
         "local benefits."),
        ("People-to-people ties", "More scholarships and easier visas for students."),
    ])
    check_facts(deck, [
        ("2016", "In which year did India and the Maldives sign the Comprehensive Action Plan "
         "for Defence?"),
        ("Comprehensive Action Plan for Defence",
         "Which plan did India and the Maldives sign in 2016?"),
        ("$800 million", "India-Maldives Relations: fill in the blank (an amount): \u201cThe "
         "Hanimaadhoo airport project is funded by an Indian line of credit of ____.\u201d"),
        ("1965", "India-Maldives Relations: in which year were diplomatic relations "
         "established?"),
        ("60th", "Which anniversary of diplomatic relations did India and the Maldives mark in "
         "2025?"),
        ("2025", "In which year did India and the Maldives mark the 60th anniversary of diplomatic "
         "relations?"),
    ])
    forward = card(deck, "way-forward/recommend")
    assert forward.question == ("According to the way forward for India-Maldives Relations, "
                                "what is essential for a stable partnership?")
    assert forward.answer == ("Trust built on mutual respect, timely delivery of projects and "
                              "sensitivity to Maldivian sovereignty")
    assert card(deck, "challenges/debt-distress/explain").source.line_end == \
        card(deck, "challenges/debt-distress/explain").source.line_start + 2


def test_plain_text_crlf_article():
    deck, warnings, raw = build("semiconductor-plain-crlf.txt")
    assert "\r\n" in raw and "\u00a0" in raw
    check_sound(deck, raw)
    assert warnings == []
    assert deck.meta["title"] == "India\u2019s Semiconductor Mission \u2014 Building a Chip " \
        "Ecosystem"
    assert deck.meta["topic"] == "India\u2019s Semiconductor Mission"
    assert all(c.tags == ("gs3", "indian-economy") for c in deck.cards)
    assert "Source" not in "".join(c.question + c.answer for c in deck.cards)
    check_items(deck, "challenges", "issue", [
        ("Talent gap", "India has many chip designers but few engineers with fabrication "
         "experience."),
        ("Water and power", "A fabrication unit needs large volumes of ultra-pure water and "
         "uninterrupted power."),
        ("Long gestation", "Returns arrive only after a decade, while the technology changes "
         "every two years."),
    ])
    check_items(deck, "concerns", "concern", [
        ("Import dependence", "Chips for electronics are still bought from Taiwan and South "
         "Korea."),
        ("Geopolitical risk", "Supply chains can be disrupted by conflicts: the 2021 shortage "
         "halted car factories."),
    ])
    check_items(deck, "significance", "point of significance", [
        ("Strategic autonomy", "Domestic chips reduce exposure to sanctions \u2014 a \u201cchip "
         "war\u201d lesson."),
        ("Jobs", "Each fab creates thousands of skilled jobs "
         "(\u0938\u0947\u092e\u0940\u0915\u0902\u0921\u0915\u094d\u091f\u0930 "
         "\u0909\u0926\u094d\u092f\u094b\u0917)."),
    ])
    check_facts(deck, [
        ("2021", "In which year was the India Semiconductor Mission launched with an outlay "
         "of \u20b976,000 crore?"),
        ("The India Semiconductor Mission",
         "Which mission was launched in 2021 with an outlay of \u20b976,000 crore?"),
        ("\u20b976,000 crore", "India\u2019s Semiconductor Mission: fill in the blank (an "
         "amount): \u201cThe India Semiconductor Mission was launched in 2021 with an outlay "
         "of ____.\u201d"),
        ("50%", "India\u2019s Semiconductor Mission: fill in the blank (a percentage): \u201cThe "
         "government offers fiscal support of ____ of the project cost for fabrication "
         "units.\u201d"),
        ("90%", "India\u2019s Semiconductor Mission: fill in the blank (a percentage): "
         "\u201cIndia imports about ____ of its semiconductor demand.\u201d"),
        ("2023", "In which year did Micron announce an assembly plant in Sanand?"),
    ])
    forward = card(deck, "way-forward/recommend")
    assert forward.question == "What does the way forward recommend for India\u2019s " \
        "Semiconductor Mission?"
    assert forward.answer.startswith("India must build skills, reliable utilities")
    wrapped = card(deck, "challenges/long-gestation/explain").source
    assert (wrapped.line_start, wrapped.line_end) == (20, 21)


def test_loose_lists_bullets_and_untitled_items():
    deck, warnings, raw = build("urban-flooding.md")
    check_sound(deck, raw)
    assert warnings == []
    assert deck.meta["topic"] == "Urban Flooding in Indian Cities"
    assert all(c.tags == () for c in deck.cards)
    check_items(deck, "challenges", "issue", [
        ("Encroachment of water bodies", "Lakes and wetlands have been built over, so "
         "rainwater has nowhere to go."),
        ("Poor drainage", "Storm-water drains were designed for far lighter rain.\n"
         "- Silted drains\n- Drains blocked by solid waste"),
        ("Climate change", "More intense downpours arrive in shorter bursts."),
    ])
    others = card(deck, "india-faces-several-other-concerns/all")
    assert others.answer == ("1. Weak early-warning systems for cities\n2. Unplanned "
                             "construction on floodplains raises the damage caused by every "
                             "flood")
    complete = [c for c in deck.cards if c.key.endswith("/complete")]
    assert [c.answer for c in complete] == ["\u2026 caused by every flood, year after year."]
    assert complete[0].question.endswith("\u201cUnplanned construction on floodplains raises "
                                         "the damage \u2026\u201d")
    steps = card(deck, "way-forward/all")
    assert steps.question == "Name the two steps of the way forward for Urban Flooding in " \
        "Indian Cities."
    assert steps.answer == "1. Restore lakes and wetlands\n2. Build sponge cities with " \
        "permeable surfaces"
    check_facts(deck, [
        ("49", "How many cm of rain did Chennai receive in a single day in 2015?"),
        ("2015", "In which year did Chennai receive 49 cm of rain in a single day?"),
        ("2010", "In which year did the National Disaster Management Authority issue "
         "guidelines on urban flooding?"),
        ("The National Disaster Management Authority",
         "Which authority issued guidelines on urban flooding in 2010?"),
    ])


def test_short_article_with_one_section():
    deck, warnings, raw = build("research-funding.txt")
    check_sound(deck, raw)
    assert warnings == [] and len(deck.cards) == 5
    check_items(deck, "challenges", "challenge", [
        ("Funding gap", "Research budgets remain small."),
        ("Brain drain", "Many graduates move abroad."),
    ])


@pytest.mark.parametrize("text", [
    "### Challenges\n\n- **A**: one.\n- **B**: two.\n",
    "**Challenges:**\n- A: one.\n- B: two.\n",
    "**Challenges**:\n\n* A \u2013 one.\n* B \u2014 two.\n",
    "CHALLENGES\n\n1. A\n   one.\n2. B\n   two.\n",
    "Challenges\n\nA: one.\n\nB: two.\n",  # items as paragraphs, no bullets
    "Key challenges for the sector:\n1. **A:** one.\n2. **B:** two.\n",
])
def test_heading_and_item_forms_give_the_same_cards(text):
    deck = build_deck(text, "forms.txt").deck
    check_items(deck, "challenges", "challenge", [("A", "One."), ("B", "Two.")])
    assert len(deck.cards) == 5


def test_blank_runs_and_source_lines_do_not_split_sections():
    text = ("Opportunities:\n\n\n\n1. **Trade:** More exports.\n\nSource: PIB\n\n\n"
            "2. **Tourism:** More visitors.\n")
    deck = build_deck(text, "o.txt").deck
    check_items(deck, "opportunities", "opportunity",
                [("Trade", "More exports."), ("Tourism", "More visitors.")])


def test_scheme_article_with_news_and_feature_sections():
    deck, warnings, raw = build("pm-kusum.txt")
    check_sound(deck, raw)
    assert warnings == []
    assert deck.meta["topic"] == "PM-KUSUM"
    assert all(c.tags == ("gs3", "indian-economy") for c in deck.cards)
    assert {c.source.section for c in deck.cards if c.kind == "fact"} == {
        "Why in News?", "About the Scheme", "Key Features", "Significance", "Challenges"}
    check_items(deck, "key-features", "feature", [
        ("Component A", "Setting up 10,000 MW of decentralised grid-connected solar power "
         "plants on barren land."),
        ("Component B", "Installation of 20 lakh standalone solar pumps."),
        ("Component C", "Solarisation of 15 lakh grid-connected agricultural pumps."),
    ])
    assert card(deck, "key-features/all").question == \
        "In PM-KUSUM, name the three features listed under \u201cKey Features\u201d."
    check_items(deck, "significance", "point of significance", [
        ("Energy security", "Reduces diesel use on farms. It also cuts import bills."),
        ("Farmers' income", "Farmers can sell surplus power to DISCOMs at fixed tariffs, which "
         "adds a second income."),
        ("Climate goals", "Helps meet India's commitment of 500 GW non-fossil capacity by "
         "2030."),
    ])
    check_items(deck, "challenges", "challenge", [
        ("Low uptake", "Only 30% of the target for Component A had been met by 2023."),
        ("Financial health of DISCOMs", "Loss-making DISCOMs delay payments to farmers."),
        ("Groundwater depletion", "Free solar power may lead to over-extraction of "
         "groundwater, as seen in Gujarat."),
    ])
    check_facts(deck, [
        ("The Ministry of New and Renewable Energy",
         "Which ministry extended the PM-KUSUM scheme till March 2026?"),
        ("PM-KUSUM scheme", "Which scheme did the Ministry of New and Renewable Energy extend "
         "till March 2026?"),
        ("2019", "In which year was the Pradhan Mantri Kisan Urja Suraksha evam Utthaan "
         "Mahabhiyan (PM-KUSUM) launched by the Ministry of New and Renewable Energy?"),
        ("30%", "PM-KUSUM: fill in the blank (a percentage): \u201cThe Centre provides a "
         "subsidy of ____ of the cost of standalone solar pumps.\u201d"),
        ("1.2 lakh", "PM-KUSUM: fill in the blank (an amount): \u201cRajasthan has installed "
         "the largest number of pumps, about ____.\u201d"),
    ])
    assert card(deck, "way-forward/recommend").answer.startswith("PM-KUSUM can transform")


def test_nested_sub_bullets_keep_their_depth_in_the_answer():
    text = ("Challenges:\n\n- **Security concerns**\n  - Piracy\n    - Somali coast\n"
            "  - Terrorism\n- **Trade:** Deficit.\n")
    deck = build_deck(text, "x.txt").deck
    check_items(deck, "challenges", "challenge", [
        ("Security concerns", "- Piracy\n  - Somali coast\n- Terrorism"),
        ("Trade", "Deficit."),
    ])
    assert card(deck, "challenges/security-concerns/identify").question.endswith(
        "\u201cPiracy; Somali coast; Terrorism\u201d?")


TITLED = """UPSC Syllabus Topic: GS Paper 3 - Economy

{title}

The National Green Hydrogen Mission was approved in January 2023.

### Significance
- **Energy security**: Reduces dependence on imported fossil fuels.

### Concerns
1. **Water use:** Electrolysis needs about 9 litres of water per kg of hydrogen.
"""


@pytest.mark.parametrize("title", [
    "## Green Hydrogen Mission: Significance and Concerns",
    "Green Hydrogen Mission: Significance and Concerns",
    "**Green Hydrogen Mission – Significance and Concerns**",
    "# Green Hydrogen Mission - Challenges and Way Forward",
])
def test_a_title_that_names_its_sections_is_still_the_title(title):
    deck = build_deck(TITLED.format(title=title), "gh.md").deck
    assert deck.meta["topic"] == "the Green Hydrogen Mission"
    questions = [c.question for c in deck.cards]
    assert any(q.startswith("In the Green Hydrogen Mission, what is meant by the concern")
               for q in questions), questions
    # the title made no section of its own: the intro fact is an introduction fact
    assert {c.source.section for c in deck.cards} == {"Introduction", "Significance",
                                                      "Concerns"}


def test_a_sentence_opening_with_it_gets_the_subject_of_the_one_before():
    text = TITLED.format(title="Green Hydrogen Mission").replace(
        "approved in January 2023.",
        "approved in January 2023. It aims to produce 5 million tonnes of green hydrogen "
        "per year by 2030.")
    deck = build_deck(text, "gh.md").deck
    by_answer = {c.answer: c.question for c in deck.cards}
    assert by_answer["2030"] == ("By which year does the National Green Hydrogen Mission aim "
                                 "to produce 5 million tonnes of green hydrogen per year?")
    assert not any(q.lstrip("“").startswith("It ") or "“It " in q for q in by_answer.values())


@pytest.mark.parametrize(("sentence", "previous", "expected"), [
    ("It aims to grow.", "The Korea Plus initiative was set up in 2019.",
     "The Korea Plus initiative aims to grow."),
    ("They share concerns.", "India and Korea are partners.", "India and Korea share concerns."),
    ("It aims to grow.", "India and Korea are partners.", "It aims to grow."),  # number clash
    ("It aims to grow.", "Cooperation grew.", "It aims to grow."),  # no clear subject
    ("It aims to grow.", None, "It aims to grow."),
    ("Itself a plan.", "The Korea Plus initiative was set up.", "Itself a plan."),
])
def test_resolve_pronoun(sentence, previous, expected):
    from flashcards.builder.language import resolve_pronoun

    assert resolve_pronoun(sentence, previous) == expected
