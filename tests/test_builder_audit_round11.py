"""Findings of the eleventh card audit (audits/2026-12-builder-15-round-11/), on four
articles in layouts no earlier round had: a daily current-affairs page of three unrelated
news items, a model mains answer, a summit note with a table of agreements, a science
explainer with steps and key terms. One small article each; each test failed on the
builder that was audited (builder 15)."""

from __future__ import annotations

from flashcards.builder import build_deck
from test_builder_audit import cards

EXPLAINER = (
    "CAR-T Cell Therapy and NexCAR19\n\n"
    "What is it?\n"
    "CAR-T therapy is a kind of cancer immunotherapy. In October 2023, the CDSCO approved "
    "NexCAR19, the country's first indigenous CAR-T therapy. On 4 April 2024, President "
    "Droupadi Murmu dedicated it to the nation at IIT Bombay.\n\n"
    "How does it work?\n"
    "Step 1: Blood is drawn from the patient, and T cells are separated from it.\n"
    "Step 2: In the laboratory, a harmless viral vector carries a gene into the T cells.\n"
    "Step 3: The modified cells are grown into many millions of copies.\n\n"
    "Key terms\n"
    "CD19 \u2014 A protein marker found on B cells, used as the target in lymphoma.\n"
    "Leukapheresis \u2014 A procedure that collects white blood cells from the blood.\n\n"
    "India's efforts\n"
    "* The New Drugs and Clinical Trials Rules, 2019 provide the regulatory pathway for "
    "approving advanced therapies, such as cell and gene therapy products, in India.\n"
    "* Serious side effects such as cytokine release syndrome and neurotoxicity need "
    "intensive care.\n\n"
    "Applications\n"
    "CAR-T therapy is used against relapsed B-cell leukaemia.\n\n"
    "However, several problems limit how widely the therapy can be used. Each dose has to "
    "be made separately for each patient, so manufacturing capacity remains a bottleneck.\n")


def test_steps_and_key_terms_typed_as_lines_are_items():
    # r12-sci-tech-car-t-cell-therapy-nexcar19 (11 BROKEN, 1 WRONG): "Step 1:" was read as
    # a heading of measures ("name the six measures" -> "Step 2 ... Step 7"), and "Key
    # terms" with its "Term — definition" lines as one paragraph
    result = build_deck(EXPLAINER, "cart.txt")
    deck = result.deck.cards
    assert not [c for c in deck if c.kind == "measure"], [c.question for c in deck]
    steps = [c for c in deck if c.key.startswith("how-does-it-work/step-")]
    assert len({c.key.split("/")[1] for c in steps}) == 3
    terms = {c.question.split("\u201c")[1].split("\u201d")[0]: c.answer for c in deck
             if c.key.startswith("key-terms/") and c.key.endswith("/explain")}
    assert terms == {"CD19": "A protein marker found on B cells, used as the target in lymphoma.",
                     "Leukapheresis": "A procedure that collects white blood cells from the "
                                      "blood."}
    assert not [w for w in result.warnings if "How does it work?" in w], result.warnings


def test_a_list_of_examples_stops_where_the_list_does():
    # r12-sci-tech (BROKEN): "such as ____" -> "cell and gene therapy products, in India";
    # "Serious side effects such as ____." -> "... neurotoxicity need intensive care"
    deck = cards(EXPLAINER)
    assert not [c for c in deck if "(three things)" in c.question or "(two things)"
                in c.question and "need" in c.answer], [(c.question, c.answer) for c in deck]
    assert not [c for c in deck if c.answer.endswith("in India")]


def test_a_rules_name_is_whole():
    # r12-sci-tech (BROKEN): "The New ____ provide ..." -> "Drugs and Clinical Trials Rules"
    deck = cards(EXPLAINER)
    assert "New Drugs and Clinical Trials Rules, 2019" in [c.answer for c in deck]
    assert "Drugs and Clinical Trials Rules, 2019" not in [c.answer for c in deck]


def test_it_after_a_date_refers_to_nothing_named():
    # r12-sci-tech (BROKEN): "who dedicated it to the nation ...?" ("April" taken for
    # what "it" means)
    deck = cards(EXPLAINER)
    assert not [c for c in deck if "dedicated it" in c.question]


def test_closing_problems_are_concerns():
    # r12-sci-tech (items without a card): "However, several problems limit ..." closed
    # the explainer under "Applications"
    deck = cards(EXPLAINER)
    assert [c for c in deck if c.kind == "challenge"], [(c.kind, c.question) for c in deck]


MAINS = (
    "Q. Discuss the significance of the National Critical Mineral Mission for India's "
    "energy transition. (250 words)\n\n"
    "Introduction:\nOn 29 January 2025, the Union Cabinet approved the National Critical "
    "Mineral Mission with an outlay of Rs 16,300 crore.\n\n"
    "Body:\n"
    "Significance:\n1. Energy security \u2013 Lithium and cobalt are needed for batteries.\n"
    "2. Strategic autonomy \u2013 Supply is concentrated in a few countries.\n\n"
    "Conclusion:\nThe mission is a start.\n")


def test_a_mains_question_is_the_title():
    # r12-mains-answer (67 questions labelled "R12 mains answer critical mineral mission",
    # the file's name): the question line is what the answer is about
    result = build_deck(MAINS, "r12-mains-answer.txt")
    assert result.deck.meta["topic"] == "the National Critical Mineral Mission"
    assert not [w for w in result.warnings if "Body" in w], result.warnings


SUMMIT = (
    "# India\u2013UK Summit 2025: Key Outcomes\n\n"
    "Prime Minister Narendra Modi visited the UK on 23\u201324 July 2025. For UPSC, the "
    "summit matters for GS Paper II (bilateral relations).\n\n"
    "## Agreements and MoUs signed\n\n"
    "| MoU/Agreement | Area | Significance |\n|---|---|---|\n"
    "| Defence Industrial Roadmap | Defence | A ten-year framework for co-designing and "
    "co-producing defence equipment for both countries. |\n"
    "| Vision 2035 | Strategic roadmap | Replaces the Roadmap 2030 of 2021 with a "
    "time-bound programme. |\n\n"
    "## Joint Statement Highlights\n\n"
    "- Both leaders agreed that a Double Contribution Convention will come into force "
    "along with the trade agreement.\n")


def test_a_tables_category_column_is_no_part_of_the_answer():
    # r12-india-uk (WEAK, BROKEN): "what is said about 'Defence Industrial Roadmap'?" ->
    # "Defence. Significance: A ten-year framework ..."; "____ roadmap" -> "Strategic"
    deck = cards(SUMMIT)
    said = {c.question: c.answer for c in deck if c.key.endswith("/explain")}
    assert any(a.startswith("A ten-year framework") for a in said.values()), said
    assert not [c for c in deck if c.answer == "Strategic"]


def test_no_card_on_the_exam_or_on_both_leaders():
    # r12-india-uk: "For ____, the summit matters for GS Paper II" -> "UPSC"; "who agreed
    # ...?" -> "Both leaders"
    deck = cards(SUMMIT)
    assert not [c for c in deck if c.answer in ("UPSC", "Both leaders")]


DAILY = (
    "# Daily Current Affairs for UPSC \u2013 Prelims & Mains Notes\n\n"
    "## 1. RBI Approves Record Surplus Transfer to the Centre (GS Paper III \u2013 Economy)\n\n"
    "**Context:**\nOn 23 May 2025, the RBI approved a surplus transfer of Rs 2,68,590 crore "
    "to the Centre.\n\n"
    "**Key Highlights:**\n- The revised Economic Capital Framework was approved on 15 May "
    "2025.\n- The CRB had been held at 5.50% from 2018-19 to 2021-22.\n\n"
    "**About the Economic Capital Framework:**\n- The Bimal Jalan Committee reviewed the "
    "framework in 2019.\n\n"
    "## 2. COP29 Adopts a New Climate Finance Goal (GS Paper III \u2013 Environment)\n\n"
    "**Context:**\nCOP29 in Baku ended on 24 November 2024.\n\n"
    "**Concerns:**\n- There is no separate target for adaptation finance or for loss and "
    "damage.\n- Much of the money may come as loans, which add to debt.\n\n"
    "## 3. Supreme Court Allows Sub-classification of Scheduled Castes (GS Paper II)\n\n"
    "**Context:**\nOn 1 August 2024, the Supreme Court ruled that States may sub-classify "
    "Scheduled Castes.\n")


def test_each_news_item_of_a_daily_page_has_its_own_label():
    # r12-daily-ca: every question read "Daily Current Affairs for UPSC: ...", naming none
    # of the three stories ("The earlier range was ____.")
    deck = cards(DAILY)
    by_date = {c.answer: c.question for c in deck}
    assert by_date["24 November 2024"].startswith("COP29 on ")
    assert by_date["1 August 2024"].startswith("Supreme Court on ")
    assert not [c for c in deck if c.question.startswith("Daily Current Affairs")]


def test_hyphens_stay_in_questions():
    # r12-daily-ca (BROKEN): "from 2018 19 to 2021 22", "States may sub classify"
    deck = cards(DAILY)
    assert not [c for c in deck if "2018 19" in c.question or "sub classify" in c.question]
    assert [c for c in deck if "2018-19" in c.question or "sub-classify" in c.question]


def test_the_framework_is_not_its_later_revision():
    # r12-daily-ca (WRONG x3): "The Bimal Jalan Committee reviewed the framework in 2019"
    # was quoted "... reviewed the revised Economic Capital Framework ..." (revised in 2025)
    deck = cards(DAILY)
    assert not [c for c in deck if "Jalan" in c.question and "revised" in c.question]


def test_there_is_no_concern_about_there():
    # r12-daily-ca (BROKEN): "what is the concern about there?"
    deck = cards(DAILY)
    assert not [c for c in deck if "about there" in c.question]


def test_a_day_under_a_timelines_year_is_dated_whole():
    # r12-india-uk (WEAK x4): "- 2021: At a virtual summit on 4 May, ..." -> "4 May"
    deck = cards("# India\u2013UK ties\n\n## Historical background\n\n"
                 "- 2004: India and the UK set up a Strategic Partnership.\n"
                 "- 2021: At a virtual summit on 4 May, the relationship was upgraded to a "
                 "Comprehensive Strategic Partnership.\n"
                 "- 2025: Negotiations on the trade deal were concluded on 6 May.\n")
    answers = [c.answer for c in deck]
    assert "4 May 2021" in answers and "6 May 2025" in answers, answers
    assert "4 May" not in answers


def test_the_earlier_range_names_nothing_on_its_own():
    # r12-daily-ca (WEAK): "The earlier range was ____." -> "6.5% to 5.5%"
    deck = cards("# RBI surplus\n\n## Key Highlights\n\n- Under the revised framework, the "
                 "Contingent Risk Buffer must be kept between 7.50% and 4.50% of the balance "
                 "sheet. The earlier range was 6.5% to 5.5%.\n- The Board raised the buffer to "
                 "7.50% on 23 May 2025.\n")
    assert deck and not [c for c in deck if "The earlier range was" in c.question], \
        [c.question for c in deck]
