"""Study articles -> decks: every challenge, opportunity and fact becomes cards.

Deterministic and offline: markdown-it-py for the structure, spaCy's parse for the
questions (generated from each fact's clause, then judged by a quality gate). Never
opens files, prints or touches the store.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import PurePath

from flashcards.builder.cards import Context, Dropped, build_cards
from flashcards.builder.language import count_words, slug
from flashcards.builder.structure import Article, parse
from flashcards.domain import DeckDraft
from flashcards.domain.errors import InputError

# 52: "It can be moved only in the Rajya Sabha" after a sentence on the Vice-President
#     is not the Vice-President (what is moved, tabled or passed is no office-holder);
# 51: round 28's second review: a body whose name ends in "Secretariat" (or "Office",
#     "Centre", ...) is no treaty ("which treaty has been in Buenos Aires?" was WRONG);
# 50: round 28's FAQ: "It" in the answer to "Q1. What is the Indian Antarctic Act,
#     2022?" is the Act, not the question; "X defeated Y" asks "who" either side; a
#     verb the parser joined past a participle ("can be removed by a resolution ...
#     passed by a majority ... and agreed to by the Lok Sabha") keeps its sentence whole;
# 49: a comparison's sides are names that a heading of their own names ("### Gadgil
#     Committee (2011)"), not the same fields under several entries ("Habitat:",
#     "Status:" under each species), which builder 48 asked "what is Habitat's position
#     on ...?" (mend after review); from round 28: a table whose first column is
#     "Feature" or "Basis" names each compared column ("what is given for CBDC-W under
#     “Banks at launch”?"), and an ordinal is no figure ("what are the figures for
#     “Tribhuvan Sahkari University”?" was WRONG);
# 48: round 27's second review: a date's remark (", Birsa's birth anniversary") goes
#     with the date; "declared X as Y" keeps its "as Y"; a remark after a comma is no
#     part of a statement card's question; "The sixth," is the sixth of what the sentence
#     before counted; SC and ST are no blanks; a comparison's sides are asked "what is
#     the Gadgil Committee's position on “Institutions”?";
# 47: round 27's wrong cards and broken shapes: "Personality in news" is a genre and
#     its profile's fields (with "Why in news:") are fields under the person's name; a
#     relative clause's "whom they called dikus" is not turned round; "It" after a body
#     was set up is that body; sides compared under several headings ("Gadgil: ...",
#     "Kasturirangan: ...") are no list; some of a long list is no answer; a ranking
#     table is asked by its States (a joint rank kept); "Polity explainer" is a genre;
#     a paragraph typed under a bullet is not the bullet's; "since then" with nothing
#     before it, a quote cut to its verb and an alias whose words the question holds are
#     not asked; a preposition without its object, or a "with" phrase read as the verb,
#     keeps the sentence whole; a recommendation's blank says whose; a thin question
#     keeps the description that tells its answer; round 26's leftovers: a name is whole
#     up to the abbreviation it spells ("MAITRI") and across its hyphens
#     ("Quad-at-Sea"), the first of a dated event is not asked, a compared table's cells
#     are asked whole ("what is given for Article 32 under ...?");
# 46: round 26's broken shapes: a plain-text table ("Basis | Article 32 | Article 226")
#     is a table, its compared columns asked "what is the “Court” for Article 32?";
#     "Arguments for" and "Arguments against" are sections of their own (their points
#     keep their stance); a bullet of fields ("Chairman: ... Members: ...") is a field
#     each; a subject inside a bracket or before a colon is no subject; an unjoined
#     "submitted ... commits" is a participle; "exceeds 2 million sq km" is no "how
#     much"; a phrase set off by commas before the verb goes after it; an amount's
#     currency is no part of the name before it; a case line always asks what was
#     decided; a timeline's dates are listed; "summarised below" is not asked;
# 45: round 26's wrong cards: "Case (year) - holding" lines are cases with their holdings
#     (a dash as well as a colon); the first of an item's "(i) ... (ii) ..." list is not
#     the item "in one line"; an ordinal's question keeps whose it is;
# 44: round 25's second review: an untitled point under "What the Court held" is asked
#     as what the Court held about its subject; no identify card blanks a court order's
#     text; a concern whose answer says "those questions" is not asked; "Only 384" is
#     384; "One Nation One Ration Card" keeps its capital inside a question;
# 43: round 25's wrong and broken shapes: a profile of "Field: value" lines (and a
#     judgment's "Case: / Decided: / Bench:" header) is a list of fields, asked "what is
#     listed as ...?", never run together; a case's title in capitals is cased and a
#     "... NOTE:" genre is no label; "It" after a person's deed is what was done; a series
#     of counts asks its first; the article's own telling ("two old questions") is no
#     count; "according to which", "Article 39(b) and (c)" cut, "clauses (4) and (5)"
#     dropped, an exception or a "from" dropped from a question, "how many all", "did
#     grain make free", a claim before "so" in a wh-question, "PM ____", "India's space",
#     "that risk", a bare "more" are mended; an age range is one answer; a ranked list
#     "1. ...; 2. ..." stays one sentence with its label; an editorial's "It should ..."
#     steps for the government are asked;
# 42: round 24's second review: a label line under an owned heading ("Pillar
#     performance:" under "## India's performance") keeps its owner; a point's subject
#     is not asked when it is only a figure or name its blanks ask and a word or two;
#     "ABBR (Full Name)" spells the abbreviation out (its full form is asked, the bracket
#     is not shown beside its blank); "the fund" is the Fund named before; a date's
#     apposition is no subject; places are not "who"; "Kharif food" is not cut from
#     "Kharif food and oilseed crops"; "the ____ revamp" is not asked after its full date;
# 41: a case's other name and its date, which only its title gives ("which case is known
#     as the First Judges case?", "when was the Second Judges case decided?"); a figure
#     is not found inside another ("5%" in "1.5%");
# 40: round 24's wrong cards: "the scheme" after a yojana and a scheme is the label's,
#     a second clause keeps its own subject, a date after "from 40th (score 38.1)" dates
#     the figure, "would"/"can" say what a step brings (no "what is recommended for"); a
#     dateline is no part of the first sentence; "the Convention on ..." keeps its
#     article; "who became Chancellor"; "for the 14th consecutive year" is an ordinal; a
#     list in brackets is not cut at its semicolons; a bare "Rank" keeps its item's
#     title; a verbless "X, commissioned in 2013" is quoted "X was commissioned in
#     ____"; a quote drops its "However,"; "Countering America's ... Act" is one name;
#     "what is paid by DBT?" -> "Money" is not asked; no full-form card beside a card
#     that asks "Full Name (ABBR)"; no blank on a plain term ("FDI", "VC"); "Rs" stays on
#     its amount;
# 39: round 23's UPSC note: a sentence naming the UPSC is no note on the exam; "Art 316"
#     is an Article; a line's closing bracket is no full stop; an answer ends no open
#     bracket; a subjectless line's quote keeps its title (under its section, whose motto
#     after a dash is left out); "It was adopted" after a committee's recommendation is
#     not the committee; the rank of a short name ("(2nd ARC)") is not asked; and its
#     El Niño note: the claim after a colon is no part of a wh-question, "did the same"
#     needs what was done, "it was a strong El Niño" is no body named before, a list
#     after a colon says whose ("It has three phases" resolved); and its scheme note: a
#     verbless line is quoted with the verb its title takes ("Unit assistance is ____ in
#     the plains"), a ratio ("60:40") is asked; and its IBC timeline: an event is asked
#     for its date ("when did this happen: ...?"), a list of laws set apart by
#     semicolons stays one sentence, "Before it," and "launched it" after the article's
#     own subject are resolved, a closing bracket in a name ends no sentence; "lapsed"
#     takes no passive;
# 38: a short quote keeps its item's title ("PPIRP for MSMEs: The minimum default is
#     ____."), unless it has a label of its own;
# 37: round 23's wrong cards: a list of periods is one answer, "by 2030" of a target is
#     no answer to "when was it set?", a second verb keeps the first's passive, and the
#     claim before a colon stays out of a wh-question; "the the" of a label;
# 36: round 22's wrong and broken shapes: a timeline's year names no thing ("this line"),
#     a date after "from X" is no answer to "when", "Sen." ends a sentence, no empty
#     brackets or lost colons, a name takes no date before it and keeps a spelt-out
#     "and", a treaty is no length of time, "the same year" needs its year, a participle
#     read as the verb, a bare "whose", "That ..." quotes; ranks are ordinals; a section
#     "India's performance" names India in its label; parts a total gives away;
# 35: round 21's weak and broken shapes: a generic label under an overview whose every
#     sentence a blank asks gets no "what is said about" card; a figure in a trailing
#     participle ("followed by Gujarat (about 24 per cent)") is asked; a series of
#     figures is one answer; a list member is not blanked with its list cut to "…";
#     hints fit ("ISFR 2021" dates 2021, COP27 is a name); an expansion starts at the
#     name; a relative object follows its verb, "when" keeps its date, a restrictive
#     clause is no claim; "Article N: Empowers ..." lines after a lead are items that ask
#     which Article does it; a judgment's cards name their case;
# 34: "Case (year): text" lines are items however long the case's name; a measure that
#     names a body "suggested by" another is no recommender; an item titled as a section
#     of another kind ("- **Way ahead:**" among the measures) is that section;
# 33: a period "from 1987 to 1992" that the model tags as two dates is asked whole;
# 32: "the Court" of an item titled "Supreme Court, April 2021" is the Supreme Court, not
#     the title with its date ("what did the Supreme Court, April 2021 direct?");
# 31: "- " points under a titled line ending "held that:" are its sub-points; a case line
#     ("X v. Y (2006): ...") right after such points is an item of its own; no quote that
#     stops at "held that:";
# 30: a sub-heading that is a section heading and nothing else ("### Way ahead" under
#     "## Conservation measures") is no item of its parent;
# 29: no "what is meant by" for examples of what happened ("Laws such as ... were
#     promulgated"), a step asked about its whole noun ("the number of sitting days"), no
#     abbreviation beside its blank, no list after a counted noun, no unclosed quote,
#     the "C" of "D.C. Wadhwa" blanks no "Court";
# 28: the date a question moves to its end gets "on"/"in" where it is moved, so a
#     capitalised word before it no longer stops it ("... the Constitution in 1986?");
# 27: no bare "what should India do?" where the paragraph advises India again;
# 26: a timeline's date keeps its "on"/"in"; "this vision" looks back only to a vision
#     named as a thing of its own; (a saved page's bold list items stay apart);
# 25: the second of a list is no apposition to drop ("Indonesia, Malaysia, ...");
# 24: no blank inside a word ("Under____ mortality");
# 23: a numbered line over bullets heads them, a list of dates is one answer, a list
#     card agrees with its heading's count, "PM SHRI" is one name;
# 22: a list card names every item or none, no "should" without its "not", Articles in
#     a pair kept whole, "what did the Law Commission recommend?";
# 21: "this vision" of a vision named before, an answer asked twice at most, no blank
#     inside a name joined by "and", no answer the question has in another form;
# 20: a capitals entry is no syllabus line; a places note's list keeps its label;
# 19: places in news, judgment summaries, "the Court" and "the region" not guessed;
# 18: before/after tables, case names, year-end reviews, interviews, quick facts;
# 17: a day under a timeline year dated whole, "the earlier range" names nothing;
# 16: steps, key terms, mains questions, news pages, tables, hyphens (round 11);
# 15: "full form of" cards, prose steps whose answer says "they", fronted "its";
# 14: editorials (paragraphs alone), digests of entries, question headings, ranges;
# 13: no quote that ends on its verb ("Cheating (____ IPC) is.");
# 12: sentence-a-line points, no one-step "recommend" card, long titled labels;
# 11: "2. Title Case" headings, "Relevance:" lines, untitled concerns asked whole;
# 10: comparison tables, "Q: ... A: ..." pairs, press releases, units, "the report";
# 9: "including" lists, titles ending in a verb-like noun, descriptions in pieces;
# 8: timelines, arrows, section labels, stale "It"; 7: "1. FEATURES" headings;
# 6: no "It" after "X held that Y"
BUILDER_VERSION = "52"

_PAPER = re.compile(r"\bGS\s*-?\s*(?:paper)?\s*-?\s*([1-4]|IV|I{1,3})\b", re.IGNORECASE)
_ROMAN = {"i": "1", "ii": "2", "iii": "3", "iv": "4"}
_SUBJECT_TAGS = {"international-relation": "international-relations",
                 "science-and-tech": "science-and-technology", "s-t": "science-and-technology"}


@dataclass
class BuildResult:
    deck: DeckDraft
    warnings: list[str] = field(default_factory=list)
    dropped: list[Dropped] = field(default_factory=list)  # what the gate turned away


def syllabus_tags(syllabus: str | None) -> tuple[str, ...]:
    """'GS paper2 - International relation- Bilateral ...' -> ('gs2', 'international-relations')."""
    if not syllabus:
        return ()
    tags: list[str] = []
    paper = _PAPER.search(syllabus)
    rest = syllabus
    if paper:
        number = paper[1].lower()
        tags.append(f"gs{_ROMAN.get(number, number)}")
        rest = syllabus[paper.end():]
    subject = re.split(r"[-\u2013\u2014,;:(]\s*|\s[-\u2013\u2014]", rest.strip(" -\u2013\u2014:"),
                       maxsplit=1)[0]
    if subject and count_words(subject) <= 5:
        tag = slug(subject, 5)
        tags.append(_SUBJECT_TAGS.get(tag, tag))
    return tuple(dict.fromkeys(t for t in tags if t and t != "x"))


def _check_structure(article: Article, source_name: str) -> None:
    has_structure = any(s.explicit or s.items for s in article.sections)
    paras = [p.text for s in article.sections for p in s.paras]
    prose = len(paras) >= 3 and sum(len(p.split()) for p in paras) >= 150  # an editorial
    if not has_structure and not prose:
        raise InputError(source_name, None, "no recognisable structure: no section "
                         "headings (such as \u201cChallenges:\u201d) or lists, and too little "
                         "prose (three paragraphs at least) to make cards from")


def build_deck(text: str, source_name: str, *, source: str | None = None) -> BuildResult:
    """Build the deck of one article. `source_name` names the article in errors and gives
    the deck its name; `source` (default: its file name) is recorded in the deck."""
    if not text.strip():
        raise InputError(source_name, None, "the article is empty")
    article = parse(text)
    _check_structure(article, source_name)
    from flashcards.builder import nlp
    from flashcards.builder.topic import label_of

    name = PurePath(source_name).stem
    recorded = source if source is not None else PurePath(source_name).name
    title = nlp.parse([article.title])[0] if article.title else None
    ctx = Context(recorded, "", syllabus_tags(article.syllabus))
    ctx.dashed = nlp.joined_words(text)
    ctx.label = ctx.redash(label_of(title, name, text))
    if title is not None:
        for sent in title.sents:
            ctx.mentions.add(sent, {})
    build_cards(article, ctx, nlp.parse)
    if not ctx.cards:
        raise InputError(source_name, None, "no cards could be made: found no titled "
                         "items, lists or facts")
    meta = {"builder_version": BUILDER_VERSION, "topic": ctx.label}
    if article.title:
        meta["title"] = article.title
    if article.syllabus:
        meta["syllabus"] = article.syllabus
    deck = DeckDraft(name=name, cards=tuple(ctx.cards), source=recorded, meta=meta)
    return BuildResult(deck, ctx.warnings, ctx.dropped)
