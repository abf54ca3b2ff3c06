"""Findings of the twenty-fifth card audit (audits/2026-12-builder-42-round-25/), on five
unseen articles. Each test failed on builder 42."""

from __future__ import annotations

from flashcards.builder import gate
from test_builder_audit import cards

LION = ("SPECIES IN NEWS: ASIATIC LION (GIR LANDSCAPE, GUJARAT)\n\n"
        "Common name: Asiatic lion; Indian lion\n"
        "IUCN Red List status: Endangered (Asiatic subpopulation)\n"
        "CITES: Appendix I\n"
        "Other protected areas used: Pania, Mitiyala and Girnar wildlife sanctuaries; Barda "
        "Wildlife Sanctuary\n"
        "Gir protected status: sanctuary 1965; national park 1975\n"
        "Population 2020: 674\n"
        "Population 2025: 891\n\n"
        "Why in news\n\n"
        "In May 2025, Gujarat Chief Minister Bhupendra Patel announced the results of the 16th "
        "Asiatic lion population estimation. It put the population at 891, up from 674 in "
        "2020, an increase of about 32.2 per cent in five years. The count was 196 adult "
        "males, 330 adult females, 140 sub-adults and 225 cubs. The figures bring back two "
        "old questions.\n\n"
        "Conservation measures\n\n"
        "* Supreme Court order: In April 2013, the Court ordered some lions to be translocated "
        "to Kuno-Palpur in Madhya Pradesh.\n"
        "* Project Lion: Announced by the Prime Minister on 15 August 2020.\n")


def test_a_profile_of_field_lines_is_a_list_of_fields():
    # r26-asiatic-lion (WRONG, BROKEN x4): eighteen "Field: value" lines read as one
    # paragraph: "____ protected status." -> "Barda Wildlife Sanctuary Gir"; quotes ran the
    # fields together ("Schedule I CITES: Appendix I Found in: ...")
    deck = cards(LION, "lion.txt")
    assert not [c for c in deck if "Gir protected" in c.answer or "CITES:" in c.question
                and "Other protected" in c.question], [c.question for c in deck]
    status = [c for c in deck if c.answer == "Endangered (Asiatic subpopulation)"]
    assert status and "IUCN Red List status" in status[0].question, [c.question for c in deck]
    assert [c for c in deck if c.answer == "1965" and "Sanctuary ____" in c.question]


def test_a_profiles_fields_are_no_labels_and_the_title_is_cased():
    # r26-asiatic-lion: each field became its cards' label ("Common name: what is said
    # about ..."); the label kept "(gir landscape, Gujarat)"
    deck = cards(LION, "lion.txt")
    assert all(c.question.startswith("Asiatic lion: ") or c.question[:1].isupper()
               and "Asiatic lion" in c.question for c in deck), [c.question for c in deck]
    assert not [c for c in deck if "gir landscape" in c.question.lower()]


def test_it_after_a_persons_deed_is_what_the_person_did_it_to():
    # r26-asiatic-lion (facts missed): "Patel announced the results of the 16th ...
    # estimation. It put the population at 891 ...": "It" is the estimation, not Patel
    deck = cards(LION, "lion.txt")
    asked = [c.question for c in deck if c.answer == "about 32.2 per cent"]
    assert asked and "16th Asiatic lion population estimation" in asked[0], \
        [c.question for c in deck]


def test_a_series_of_counts_asks_its_first():
    # r26-asiatic-lion (fact missed): "196 adult males, 330 adult females, ..." asked all
    # but the first
    deck = cards(LION, "lion.txt")
    assert [c for c in deck if c.answer == "196"], [c.question for c in deck]


def test_the_articles_own_telling_is_no_count():
    # r26-asiatic-lion, r26-space-reforms (WEAK): "how many old questions do the figures
    # bring back?" -> "two"
    deck = cards(LION, "lion.txt")
    assert not [c for c in deck if c.answer == "two"], [c.question for c in deck]


def test_a_court_orders_title_is_the_court():
    # r26-asiatic-lion (BROKEN x2): "when did the Supreme Court order order some lions
    # ...?", "what did the Supreme Court order recommend?"
    deck = cards(LION, "lion.txt")
    assert not [c for c in deck if "order order" in c.question
                or "order recommend" in c.question], [c.question for c in deck]
    assert [c for c in deck if c.answer == "April 2013"]


def test_a_bare_comparative_is_no_answer():
    # r26-asiatic-lion (BROKEN): "____ lions died" -> "more" (of "more than 20 lions")
    assert gate.judge("Lions: fill in the blank (a number): “____ lions died.”", "more",
                      finite_verb=True, unresolved=(), expansions={})


JUDGMENT = ("LANDMARK JUDGMENT NOTE: KESAVANANDA BHARATI v. STATE OF KERALA (1973)\n\n"
            "Case: His Holiness Kesavananda Bharati Sripadagalvaru v. State of Kerala\n"
            "Decided: 24 April 1973\n"
            "Bench: 13 judges, the largest bench in the history of the Supreme Court\n"
            "Chief Justice: S.M. Sikri\n"
            "Verdict: 7:6\n\n"
            "Background\n\n"
            "Parliament answered with the 24th Amendment (1971). It inserted Article 13(4) and "
            "Article 368(3), which say that an amendment made under Article 368 is not \"law\" "
            "under Article 13. The 25th Amendment inserted Article 31C, which protected laws "
            "giving effect to the Directive Principles in Article 39(b) and (c). Hearings ran "
            "for 68 days, from 31 October 1972 to 23 March 1973, and the judges wrote 11 "
            "separate opinions.\n\n"
            "What the Court held\n\n"
            "1. The 25th Amendment was upheld, except for the second part of Article 31C.\n"
            "2. In Minerva Mills (1980), the Court struck down clauses (4) and (5) of Article "
            "368, which the 42nd Amendment had inserted, and held that limited amending power "
            "is itself a basic feature.\n")


def test_a_judgments_header_block_is_fields_and_its_label_the_case():
    # r26-kesavananda-bharati (BROKEN x4): "Decided – Bench: ... ____: S.M. Sikri Verdict:
    # 7:6 ..."; every card labelled "LANDMARK JUDGMENT NOTE:"
    deck = cards(JUDGMENT, "k.txt")
    assert all(c.question.startswith("Kesavananda Bharati v. State of Kerala")
               for c in deck), [c.question for c in deck]
    chief = [c for c in deck if c.answer == "S.M. Sikri"]
    assert chief and "Chief Justice" in chief[0].question and "Verdict" not in \
        chief[0].question, [c.question for c in deck]
    assert [c for c in deck if c.answer == "24 April 1973"]


def test_a_relative_clauses_view_is_no_one_to_follow():
    # r26-kesavananda-bharati (BROKEN): "according to which, under which Article is an
    # amendment made under Article 368 not law?"
    deck = cards(JUDGMENT, "k.txt")
    assert not [c for c in deck if "according to which" in c.question.lower()]


def test_a_provision_with_two_clauses_is_one_answer():
    # r26-kesavananda-bharati (BROKEN): "in ____ and." -> "Article 39(b)"
    deck = cards(JUDGMENT, "k.txt")
    assert [c for c in deck if c.answer == "Article 39(b) and (c)"], \
        [c.answer for c in deck]
    assert not [c for c in deck if "____ and." in c.question]


def test_a_provisions_numbers_in_brackets_stay():
    # r26-kesavananda-bharati (BROKEN): "struck down clauses and of ____"
    deck = cards(JUDGMENT, "k.txt")
    asked = [c.question for c in deck if c.answer == "Article 368"
             and "struck down" in c.question]
    assert asked and "clauses (4) and (5) of ____" in asked[0], asked


def test_an_exception_is_not_dropped_from_a_question():
    # r26-kesavananda-bharati (BROKEN): "which amendment was upheld Article 31C?"; and an
    # answer keeps no full stop ("Article 31C.")
    deck = cards(JUDGMENT, "k.txt")
    upheld = [c for c in deck if "upheld" in c.question]
    assert upheld and all("except for the second part of" in c.question for c in upheld), \
        [c.question for c in upheld]
    assert not [c for c in deck if c.answer.endswith("31C.") and len(c.answer.split()) <= 4]
    # (a holding asked whole ends with its full stop: builder 44)


def test_a_to_without_its_from_is_not_asked():
    # r26-kesavananda-bharati (BROKEN): "for how long did hearings run to 23 March 1973?"
    deck = cards(JUDGMENT, "k.txt")
    assert not [c for c in deck if "run to 23 March" in c.question]
    assert [c for c in deck if c.answer == "68 days"], [c.question for c in deck]


NFSA = ("# National Food Security Act: An Explainer\n\n"
        "## What is the law?\n\n"
        "The Act covers up to 75% of the rural population. Coverage was fixed using Census "
        "2011 figures, so the ceiling is about 81.35 crore persons.\n\n"
        "- Children aged 6 months to 14 years get meals through the anganwadi.\n\n"
        "## How has it changed since 2020?\n\n"
        "| Year | Change |\n|---|---|\n"
        "| 2020 | PM Garib Kalyan Anna Yojana (PMGKAY) launched in April |\n"
        "| 2023 | From 1 January 2023, NFSA grain made free for about 81.35 crore people |\n\n"
        "## Why does it matter?\n\n"
        "- **One Nation One Ration Card (ONORC)** began as a pilot in August 2019 and "
        "covered all 36 states and UTs by 2022.\n")


def test_a_claim_before_so_stays_out_of_a_wh_question():
    # r26-nfsa-pds (BROKEN): "how many persons is the ceiling Coverage was fixed using
    # Census 2011 figures, so?"
    deck = cards(NFSA, "n.md")
    asked = [c.question for c in deck if c.answer == "about 81.35 crore"]
    assert asked and not [q for q in asked if "ceiling Coverage" in q or "so?" in q], asked


def test_a_tables_made_free_is_no_past_tense():
    # r26-nfsa-pds (BROKEN): "from when did NFSA grain make free ...?"
    deck = cards(NFSA, "n.md")
    assert not [c for c in deck if "make free" in c.question]
    assert [c for c in deck if c.answer == "1 January 2023"], [c.question for c in deck]


def test_how_many_takes_no_all():
    # r26-nfsa-pds (BROKEN): "how many all states and UTs did ... cover by 2022?"
    deck = cards(NFSA, "n.md")
    assert not [c for c in deck if "how many all" in c.question.lower()]


def test_an_age_range_is_one_answer():
    # r26-nfsa-pds (WEAK x2): "Children aged ____ to 14 years" -> "6 months"
    deck = cards(NFSA, "n.md")
    assert not [c for c in deck if c.answer in ("6 months", "14 years")]
    assert [c for c in deck if c.answer == "6 months to 14 years"], [c.answer for c in deck]


def test_pm_is_part_of_the_schemes_name():
    # r26-nfsa-pds (WEAK): "2020: PM ____ launched in April."
    deck = cards(NFSA, "n.md")
    assert not [c for c in deck if "PM ____" in c.question]
    assert [c for c in deck if c.answer == "PM Garib Kalyan Anna Yojana (PMGKAY)"], \
        [c.answer for c in deck]


SPACE = ("For most of its history, India's space programme was run by a single agency. "
         "The Indian Space Research Organisation designed the rockets, built the satellites "
         "and ran the launch pads. That changed in June 2020, when the Union Cabinet opened "
         "the sector to private companies.\n\n"
         "The first problem is the law itself. India still has no dedicated space activities "
         "statute; a draft Space Activities Bill was first put out for comment in 2017. "
         "Liability for damage is a real issue, because under the Outer Space Treaty of 1967 "
         "the state is responsible for national activities in space. An investor deciding "
         "whether to put money into a rocket company wants to know who carries that risk, "
         "how licences can be withdrawn and which forum settles disputes.\n\n"
         "The government must therefore act on four fronts. It should pass a space "
         "activities law that gives IN-SPACe statutory independence. It should separate the "
         "regulator from the operator, just as telecom and electricity were separated from "
         "their old departmental monopolies. The reforms of 2020 opened the door. The next "
         "step is to make private firms confident that the rules will not change after they "
         "have invested.\n")


def test_an_editorials_steps_for_the_government_are_asked():
    # r26-space-reforms (items without a card): "The government must therefore act on four
    # fronts. It should pass a space activities law ...": no card asked a step
    deck = cards(SPACE, "r26-space-reforms.txt")
    asked = {c.question: c.answer for c in deck if "should the government do" in c.question}
    assert len(asked) == 2, [c.question for c in deck]
    assert any(a.startswith("Pass a space activities law that gives") for a in asked.values())


def test_a_label_from_a_file_name_drops_its_number():
    # r26-space-reforms (WEAK): "What is the first problem about r26 space reforms?"
    deck = cards(SPACE, "r26-space-reforms.txt")
    assert deck and not [c for c in deck if "r26" in c.question.lower()]


def test_that_risk_of_the_sentence_before_is_unresolved():
    # r26-space-reforms (BROKEN): "what wants to know who carries that risk, ...?"
    deck = cards(SPACE, "r26-space-reforms.txt")
    assert not [c for c in deck if "that risk" in c.question]


def test_a_possessive_and_a_noun_are_no_name():
    # r26-space-reforms (WEAK): "____ programme was run by a single agency" -> "India's
    # space"
    deck = cards(SPACE, "r26-space-reforms.txt")
    assert not [c for c in deck if c.answer == "India's space"]


RANKS = ("# India State of Forest Report 2023\n\n### Key findings\n\n"
         "- **Largest area (rank)**\n"
         "  - Forest and tree cover: 1. Madhya Pradesh (85,724 sq km); 2. Arunachal Pradesh "
         "(67,083 sq km); 3. Maharashtra (65,383 sq km).\n"
         "  - Forest cover alone: 1. Madhya Pradesh (77,073 sq km); 2. Arunachal Pradesh "
         "(65,882 sq km); 3. Chhattisgarh (55,812 sq km).\n")


def test_a_ranked_list_keeps_its_label_in_every_quote():
    # r26-isfr-2023 (WEAK, close to WRONG): "1. Madhya Pradesh (____)" fits both lists:
    # "2." started a sentence, and the sub-list's own label was lost
    deck = cards(RANKS, "isfr.md")
    for figure, label in (("67,083 sq km", "Forest and tree cover"),
                          ("77,073 sq km", "Forest cover alone"),
                          ("65,882 sq km", "Forest cover alone")):
        asked = [c.question for c in deck if c.answer == figure]
        assert asked and label in asked[0], (figure, [c.question for c in deck])
    assert not [c for c in deck if c.answer in ("2", "3")], [c.question for c in deck]
