"""The facts in a parsed sentence: whole answer phrases, typed.

An answer is a whole phrase ("15 August 2023", "Rs 1.97 lakh crore", "10 million tonnes
per annum", "the Simla Agreement of 1972"), found from the model's and the ruler's
entities and from named noun phrases ("a Roadmap for Defence Industries Cooperation").
Its kind decides the wh-word: a date asks "When", an amount "How much", a count "How
many", a named thing "Which agreement", a person "Who".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from flashcards.builder.language import MONTH, is_rank, is_ratio, is_year
from flashcards.builder.nlp import CURRENCIES

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

# what a named thing can be called in "Which ... ?" (the head noun of its name)
TYPE_NOUNS = frozenset("""
    act agreement accord alliance amendment article authority bank bench bill board body
    bureau campaign charter code commission committee conference convention corridor council
    court declaration dialogue doctrine exercise forum framework fund grouping index
    initiative institute instrument law mechanism ministry mission network office
    organisation organization pact partnership plan platform policy portal programme
    program project protocol report roadmap rules scheme section strategy summit survey
    treaty tribunal vision yojana abhiyan order case satellite rover lander budget
    spacecraft rocket vehicle""".split())
_SKIP_LABELS = frozenset({"NORP", "LANGUAGE", "TIME"})
# nouns an ordinal ranks in a way worth asking ("the 50th anniversary")
RANKED = frozenset("""anniversary edition summit session meeting round phase rank position
    place schedule amendment plan event""".split())
_PLACES = frozenset({"GPE", "LOC", "FAC"})
# where something was done is a fact; a country acting is not
_PLACE_VERBS = frozenset("""launch hold sign inaugurate locate host establish set build open
    land start base headquarter organise organize celebrate""".split())
# capitalised words that name nothing to learn on their own ("the Court", "the State")
GENERIC = frozenset("""
    state states centre center government union court bench assembly parliament house
    bill bills constitution president governor minister ministry cabinet council
    republic nation country city district india's chief justice justices judge judges
    legislature legislative executive department authority board committee commission
    constitution territory territories rule order act article indian national
    """.split())
# titles that belong to a person's name: "Justice Kaul", "Chief Justice D.Y. Chandrachud"
TITLES = frozenset("""justice justices chief judge dr dr. prof prof. maharaja yuvraj mr mr.
    mrs mrs. ms ms. shri smt smt. sri prime minister president governor general
    secretary king queen prince princess emir sheikh sultan""".split())
_YEARISH = re.compile(r"\b(?:1[5-9]|20)\d\d(?:s|[–-]\d\d)?\b")
_DURATION = re.compile(r"\b(?:days?|weeks?|months?|years?|decades?|hours?)\b", re.I)


@dataclass(frozen=True)
class Answer:
    kind: str  # date, period, duration, amount, percent, quantity, count, ordinal, ratio,
    # provision, law, name, person, case
    span: Span
    noun: str  # the type noun of a name ("agreement"), the counted noun of a count
    label: str = ""  # the entity label it came from (ORG, PERSON, ...), if any

    @property
    def root(self) -> Token:
        return self.span.root

    @property
    def text(self) -> str:
        return answer_text(self.span)


def answer_text(span: Span) -> str:
    """The answer as shown: without a leading article (a capital 'The' only where it
    just starts the sentence), nor the quote mark after it that the answer does not close
    ('a "Strategic Partnership"' -> 'Strategic Partnership', not '"Strategic
    Partnership': round 19)."""
    tokens = list(span)
    while tokens and ((tokens[0].lower_ in ("the", "a", "an") and (
            tokens[0].text.islower() or tokens[0].is_sent_start))
            or (tokens[0].is_quote and not any(t.is_quote for t in tokens[1:]))):
        tokens = tokens[1:]
    if not tokens:
        return span.text
    return span.doc[tokens[0].i:tokens[-1].i + 1].text


def _date_kind(span: Span) -> str | None:
    text = span.text
    if _YEARISH.search(text) or MONTH.search(text):
        years = _YEARISH.findall(text)
        if len(years) >= 2 or re.search(r"\d[–-]\d\d\b", text):
            return "period"
        return "date"
    if _DURATION.search(text) and re.search(r"\d|\b(?:one|two|three|four|five|six|seven|"
                                            r"eight|nine|ten|twelve|\w+teen|\w+ty)\b",
                                            text, re.I):
        return "duration"
    return None  # "today", "recently": no fact


_NUMBER_WORDS = frozenset("helpline number toll-free tollfree dial call code pin no. no".split())


def _not_a_date(ent: Span) -> bool:
    """'the helpline 1930', 'dial 1098': a number that looks like a year and is not one;
    and the year a figure was true ('In 2022, literacy was 77.7%'), no event to date."""
    doc = ent.doc
    before = doc[ent.start - 1] if ent.start > 0 else None
    if before is not None and before.lower_ in _NUMBER_WORDS and ent.text.isdigit():
        return True
    verb = ent.root
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    figures = [e for e in ent.sent.ents if e.label_ in ("PERCENT", "QUANTITY", "MONEY")]
    return verb.lemma_ == "be" and bool(figures)


def _some_day(ent: Span) -> bool:
    """'..., one day, to send Indians to the Moon': 'one day' as 'some day', no length
    of time (which a preposition would give it: 'within one day')."""
    return ent.text.lower() in ("one day", "some day") and ent.root.dep_ == "npadvmod"


_INSTITUTES = frozenset("institute university college school academy centre center "
                        "hospital laboratory".split())
# the heads of a body's name that are no type of it ("Treaty Secretariat", "Mission Office")
_BODY_HEADS = _INSTITUTES | frozenset(
    "secretariat office bureau directorate cell unit wing headquarters".split())


def _name_noun(span: Span) -> str:
    """The type noun of a name: 'the Simla Agreement' -> 'agreement', else ''; the head's
    own ('Centrally Sponsored Scheme of the Ministry of Education' is a scheme, not a
    ministry: "which ministry is PM SHRI?", round 16)."""
    if span.root.lower_ in TYPE_NOUNS:
        return "Article" if span.root.lower_ == "article" else span.root.lower_
    cut = next((t.i for t in span if t.lower_ in ("of", "for", "on", "under")
                and t.i > span.start), span.end)
    if span.doc[cut - 1].lower_ in _BODY_HEADS:
        return ""  # "the Antarctic Treaty Secretariat" is no treaty ("which treaty has
        # been in Buenos Aires since 2004?", round 28, WRONG)
    for token in reversed(list(span.doc[span.start:cut])):
        if token.lower_ in TYPE_NOUNS:
            return "Article" if token.lower_ == "article" else token.lower_
    return ""


_PHRASAL = frozenset({("hand", "over"), ("take", "over"), ("turn", "over"), ("pass", "over"),
                      ("give", "over"), ("set", "up"), ("take", "up"), ("scale", "up"),
                      ("build", "up"), ("give", "up"), ("make", "up"), ("open", "up"),
                      ("step", "up"), ("pick", "up"), ("speed", "up"), ("ramp", "up")})
_ABOUT = frozenset("about around nearly almost over some roughly approximately up more "
                   "less fewer at least than".split())


_TO = ("to", "until", "till")


def _date_range_start(ent: Span) -> bool:
    """'from 1987' in 'from 1987 to 1992', where the model tags the two years apart: the
    period is one fact, asked whole (_date_range), not one end at a time (round 20)."""
    doc = ent.doc
    return ent.start >= 1 and doc[ent.start - 1].lower_ == "from" \
        and not _DURATION.search(ent.text) \
        and ent.end + 1 < len(doc) and doc[ent.end].lower_ in _TO \
        and doc[ent.end + 1].ent_type_ == "DATE" and doc[ent.end + 1].ent_iob_ == "B"


def _date_range(ent: Span) -> Span:
    """'1992' of 'from 1987 to 1992' -> '1987 to 1992'."""
    doc = ent.doc
    if ent.start < 3 or doc[ent.start - 1].lower_ not in _TO \
            or doc[ent.start - 2].ent_type_ != "DATE" or _DURATION.search(ent.text):
        return ent  # ("rose from 67.2 years to 67.7 years": a change, each end a fact)
    first = ent.start - 2
    while first > 0 and doc[first].ent_iob_ != "B":
        first -= 1
    if first >= 1 and doc[first - 1].lower_ == "from" and first >= ent.sent.start:
        return doc[first:ent.end]
    return ent


def _ranged(ent: Span) -> Span:
    """'6 to 7 per cent', '10-12 per cent', 'between 5 and 8 per cent': the range whole,
    not its upper end (the model tags '6 to' apart)."""
    doc = ent.doc
    start = ent.start
    if start >= 2 and doc[start - 1].lower_ in ("to", "-", "\u2013", "and") \
            and doc[start - 2].like_num and start - 2 >= ent.sent.start \
            and doc[start - 2].ent_type_ not in ("MONEY", "PERCENT", "QUANTITY") \
            and not any(t.lower_ == "from" for t in doc[max(ent.sent.start, start - 4):start]):
        # (not "raised from ₹200 to ₹300": a change, of which each end is a fact)
        if doc[start - 1].lower_ == "and" and not (
                start >= 3 and doc[start - 3].lower_ == "between"):
            return ent
        return doc[start - 2:ent.end]
    return ent


def _about(span: Span) -> Span:
    """A figure with the words that qualify it: 'about 6.37 lakh', 'more than 10 crore'."""
    start = span.start
    doc = span.doc
    while start > span.sent.start and doc[start - 1].lower_ in _ABOUT and (
            doc[start - 1].head.i in range(span.start, span.end)
            or doc[start - 1].head.i == start or doc[start - 1].dep_ in ("quantmod", "advmod")):
        if doc[start - 1].lower_ in ("over", "up") and start - 2 >= span.sent.start \
                and (doc[start - 2].lemma_.lower(), doc[start - 1].lower_) in _PHRASAL:
            break  # "India handed over 3,300 units": the verb's particle, not "more than"
            # ("moved over 100 metres" is more than 100)
        start -= 1
    return doc[start:span.end]


_DISCOURSE = frozenset("""question problem obstacle issue reason way thing lesson concern
    challenge argument idea worry difficulty front""".split())  # (not "five such points",
# the Lagrange points)


def _count(span: Span) -> Answer | None:
    """A number counting something: '10 pending Bills' -> count of 'pending Bills'."""
    root = span.root
    doc = span.doc
    if is_year(span.text) and span.start > 0 and (
            span.doc[span.start - 1].text[:1].isupper() or span.doc[span.start - 1].text == ")"):
        return None  # "the Socio-Economic and Caste Census (SECC) 2011 list": a name's
        # year, no count ("from how many ... list?" -> 2011)
    if span.text.lower() in ("zero", "nil", "none"):
        return None  # "the 2070 net zero pathway": a name, no count (a blank that asks
        # "net ____" teaches nothing)
    if span.start > 0 and doc[span.start - 1].lower_ in ("the", "these", "those", "both",
                                                         "first", "last", "top", "next"):
        return None  # "the two countries": who they are, not how many; "the first two
        # tranches": which ones (round 15: "in how many first tranches ...?")
    if (span.end < len(doc) and doc[span.end].text in ("-", ":")
            and not doc[span.end - 1].whitespace_) or re.search(r"×|-fold$", span.text):
        return None  # "three-fold", "4:1", "6×6×6": a measure or a name, no count
    if root.dep_ == "nummod" and root.head.pos_ in ("NOUN", "PROPN"):
        head = root.head
        if head.i + 1 < len(doc) and doc[head.i + 1].text == "," \
                and any(c.dep_ == "conj" and c.i > head.i for c in head.children) \
                and not any(c.dep_ in ("conj", "appos") and any(
                    k.dep_ == "nummod" for k in c.children) for c in head.children):
            # (not "196 adult males, 330 adult females, ...": a series of counts, each
            # asked; round 25 missed the first)
            return None  # "two tracks, the Finance Track and the Sherpa Track": counted
            # in the sentence itself, and a question keeps the list
        if head.lemma_.lower() in _DISCOURSE:
            return None  # "The figures bring back two old questions", "three obstacles
            # stand in the way": the article's own telling, no fact (round 25, WEAK x2)
        words = [t for t in head.subtree if t.i >= span.end and t.i <= head.i]
        noun = " ".join(t.text for t in words)
        if noun and span.text.lower() not in ("one", "1", "a single"):
            return Answer("count", _about(span), noun)  # ("each member has one vote")
    return None


def _trim(span: Span) -> Span | None:
    """Without the words a model's span drags in at its edges: 'Proclamation under',
    'Solicitor General's'."""
    start, end = span.start, span.end
    doc = span.doc
    if doc[start].lower_ == "at" and end - start > 1 and doc[start + 1].lower_ in (
            "least", "most"):
        return span  # "at least the 1980s"
    while start < end and (doc[start].pos_ in ("ADP", "CCONJ", "PART", "SCONJ")
                           or (doc[start].tag_ in ("WP$", "WDT", "WP")  # ("whose Motor
                               and not doc[start].text.isupper())  # ...", not "WHO")
                           or doc[start].is_quote or doc[start].text in (",", ";")):
        start += 1
    while end > start and (doc[end - 1].pos_ in ("ADP", "CCONJ", "DET", "PART", "SCONJ")
                           or doc[end - 1].tag_ == "POS" or doc[end - 1].is_quote
                           or doc[end - 1].text in (",", ";", "–", "—", "-")
                           or (doc[end - 1].text in CURRENCIES and end < len(doc)
                               and doc[end].like_num)):
        end -= 1  # (nor "a Viability Gap Funding scheme of Rs", the amount's currency:
        # round 26, "the Union Cabinet approved a ____ 7,453 crore", BROKEN)
    return doc[start:end] if end > start else None


def _quoted(span: Span) -> bool:
    """A term between quotes ("“Constituent Assembly” would read ..."): a word being
    talked about, not a thing to learn."""
    doc = span.doc
    return (span.start > 0 and doc[span.start - 1].is_quote and span.end < len(doc)
            and doc[span.end].is_quote)


def _and_inside_name(word: Token) -> bool:
    """'Socio-Economic and Caste Census', 'Ministry of Petroleum and Natural Gas': an
    'and' between capitalised words of one name (its run ends in a kind of name, or
    follows 'of'), not one between two names ('ISRO and France's CNES')."""
    doc = word.doc
    after = list(doc[word.i + 1:word.sent.end])
    run = []
    for t in after:
        if not t.text[:1].isupper() or t.tag_ == "POS":
            break
        run.append(t)
    if not run or (run[-1].i + 1 < len(doc) and doc[run[-1].i + 1].tag_ == "POS"):
        return False
    before = list(doc[word.sent.start:word.i])[::-1]
    # "National Programme on Climate Change and Human Health": a name's own "of"/"on"
    return run[-1].lower_ in TYPE_NOUNS or any(t.lower_ in ("of", "on", "for")
                                               for t in before[:4]) or _spelt_out(before, run)


def _spelt_out(before: list[Token], run: list[Token]) -> bool:
    """'Comptroller and Auditor General (CAG)', 'Socio-Economic and Caste Census (SECC)':
    the abbreviation after the run spells the words on both sides of the 'and' (round 22:
    'The Comptroller and ____ audit' -> 'Auditor General (CAG)')."""
    doc = run[-1].doc
    end = run[-1].i + 1
    if end + 2 >= len(doc) or doc[end].text != "(" or doc[end + 2].text != ")":
        return False
    abbr = doc[end + 1].text.replace("-", "")
    if not abbr.isupper() or len(abbr) < 3:
        return False

    def initials(tokens: list[Token]) -> str:
        return "".join(part[0] for t in tokens for part in t.text.split("-")
                       if part[:1].isupper())

    words: list[Token] = []
    for t in before:  # (nearest first)
        if t.text == "-":
            continue
        if not t.text[:1].isupper() or len(words) >= 4:
            break
        words.insert(0, t)
        if initials([*words, *run]) == abbr:
            return True
    return False


_NAME_PARTICLES = frozenset("ul bin bint al el de da di van von der".split())  # ("Mahbub ul
# Haq": not "Mahbub ul ____" -> "Haq and Amartya Sen", round 22)


def _capital_run(span: Span) -> Span:
    """A name the model cut in parts, whole: 'Socio-Economic' + ' and Caste Census (SECC)
    2011' inside 'the Socio-Economic and Caste Census (SECC) 2011 data'."""
    doc = span.doc
    sent = span.sent

    def named(t: Token) -> bool:
        if t.text == "(" and t.i + 1 < len(doc) and _YEARISH.fullmatch(doc[t.i + 1].text):
            return False  # "the Sarkaria Commission (1988)": the year is a fact of its own
        if t.text in CURRENCIES and t.i + 1 < len(doc) and doc[t.i + 1].like_num:
            return False  # "a Viability Gap Funding scheme of Rs 7,453 crore": an amount
        return (t.text[:1].isupper() or t.lower_ in ("of", "for", "&") or t.is_bracket
                or (t.lower_ in _NAME_PARTICLES and t.i > 0 and doc[t.i - 1].text[:1].isupper()
                    and t.i + 1 < len(doc) and doc[t.i + 1].text[:1].isupper())
                or (t.lower_ == "on" and t.i > 0 and doc[t.i - 1].lower_ in TYPE_NOUNS
                    and doc[t.i - 1].text[:1].isupper())  # "Programme on Climate Change"
                or (t.text in ("-", "–") and t.i > 0 and not doc[t.i - 1].whitespace_)
                or _YEARISH.fullmatch(t.text) is not None
                or (t.lower_ == "and" and _and_inside_name(t)))

    start, end = span.start, span.end
    while start - 1 >= sent.start and named(doc[start - 1]) and doc[start - 1].pos_ != "DET" \
            and not doc[start - 1].is_sent_start and not (
                doc[start - 1].ent_type_ == "DATE" and span[0].ent_type_ != "DATE"):
        start -= 1  # (not "in December 2024" + " Foreign Secretary Vikram Misri", round 22)
    while end < sent.end and named(doc[end]):
        end += 1
    while end > start and doc[end - 1].lower_ in ("and", "of", "for", "on", "&", "-", "("):
        end -= 1
    if end + 2 < sent.end and doc[end].text == "," and doc[end + 1].text[:1].isupper() \
            and any(t.lower_ in ("ministry", "minister", "department", "treaty")
                    for t in doc[start:end]):
        # "Ministry of Environment" + ", Forest and Climate Change"
        run = end + 1
        while run < sent.end and (doc[run].text[:1].isupper() or doc[run].lower_ == "and"):
            run += 1
        if any(t.lower_ == "and" for t in doc[end + 1:run]) and doc[run - 1].text[:1].isupper():
            end = run
    while start < end and (doc[start].lower_ in ("and", "of", "for", "&", "-", ")")
                           or (doc[start].tag_ in ("WP$", "WDT")
                               and not doc[start].text.isupper())):
        start += 1
    return doc[start:end]


def _extend(span: Span, label: str) -> Span:
    """A name with what belongs to it: 'the Simla Agreement' + ' of 1972', '(NGT)', and
    the capitalised noun it is part of ('Indian Army' + ' Chief')."""
    if label in ("ORG", "PERSON", "EVENT", "FAC", "PRODUCT", "WORK_OF_ART"):
        span = _capital_run(span)
    doc, end = span.doc, span.end
    outside = [t for t in span if not span.start <= t.head.i < span.end and t.dep_ != "det"]
    root = outside[-1] if outside else span.root
    while root.dep_ == "compound" and root.head.i >= end and root.head.text[:1].isupper() \
            and all(doc[i].text[:1].isupper() or doc[i].is_punct
                    for i in range(end, root.head.i + 1)):
        end = root.head.i + 1
        root = root.head
    if end != span.end:
        span = doc[span.start:end]
    if label == "ORG" and end + 1 < len(doc) and doc[end].text == "," \
            and doc[end + 1].ent_type_ == "GPE" and doc[end + 1].ent_iob_ == "B" \
            and any(t.lower_ in _INSTITUTES for t in span):
        place = end + 1  # "the Indian Institute of Public Health" + ", Gandhinagar"
        while place < len(doc) and doc[place].ent_type_ == "GPE" and (
                place == end + 1 or doc[place].ent_iob_ == "I"):
            place += 1
        end = place
        span = doc[span.start:end]
    span = _to_abbreviation(span)
    end = span.end
    if label == "LAW" and end < len(doc) and doc[end].like_num:
        end += 1  # "Constitutional Order" + " 272"
        span = doc[span.start:end]
    elif end < len(doc) and _VERSION.fullmatch(doc[end].text) and span[-1].text[:1].isupper():
        end += 1  # "the PLI Scheme for IT Hardware" + " 2.0", "Chandrayaan" + " II"
        span = doc[span.start:end]
    if label == "PERSON":  # "Justice" + " Kaul", "Chinese President" + " Xi Jinping"
        start = span.start
        while start > span.sent.start and (doc[start - 1].lower_ in TITLES or (
                doc[start - 1].text[:1].isupper() and doc[start - 1].dep_ in (
                    "compound", "amod") and start <= doc[start - 1].head.i < end)):
            start -= 1
        span = doc[start:end]
    if end + 2 < len(doc) and doc[end].text == "(" and doc[end + 2].text == ")" and (
            doc[end + 1].text.isupper()):
        return doc[span.start:end + 3]
    if end + 1 < len(doc) and doc[end].lower_ == "of" and doc[end + 1].ent_type_ == "DATE" \
            and _YEARISH.fullmatch(doc[end + 1].text):
        return doc[span.start:end + 2]
    return span


_UNIT_ABBREVIATION = re.compile(r"MAF|TMC|TMCFT|BCM|MMT|MTPA|GW|MW|kW|KW|GWh|MWh|kWh|TWh|nm|"
                                r"mm|cm|km|sq\.?\s?km|ha|MT|LMT|bps|cusecs|cumecs")
_VERSION = re.compile(r"\d+\.\d+|II|III|IV")


def _to_abbreviation(span: Span) -> Span:
    """'the National Programme on Climate Change and Human Health (NPCCHH)' without the
    ' of the Ministry of ...' a model's span runs on with: a name ends at its own
    abbreviation."""
    doc = span.doc
    for i in range(span.start + 1, span.end - 2):
        if doc[i].text != "(" or doc[i + 2].text != ")" or not doc[i + 1].text.isupper():
            continue
        initials = "".join(t.text[0] for t in doc[span.start:i]
                           if t.text[:1].isupper() and t.lower_ not in ("the", "of", "and"))
        short = doc[i + 1].text.replace("-", "")
        if len(short) >= 3 and initials.endswith(short) and i + 3 < span.end:
            return doc[span.start:i + 3]
    return span


def _closed(span: Span) -> Span:
    """'Article 279A(5' + ')': a span the model ended inside its brackets, closed."""
    doc = span.doc
    if span.text.count("(") > span.text.count(")") and span.end < len(doc) \
            and doc[span.end].text == ")":
        return doc[span.start:span.end + 1]
    return span


def _from_entity(found: Span) -> Answer | None:
    label = found.label_
    if is_rank(found.text):
        label = "ORDINAL"  # "108th", "122nd": a rank, which the model may call a number
        # or a place (round 22: "122nd" as a country)
    found = _closed(found)
    if is_ratio(found.text):
        return Answer("ratio", found, "")  # "60:40 (Centre:State)": the model's TIME
    trimmed = _trim(found)
    if label in _SKIP_LABELS or trimmed is None or _quoted(trimmed):
        return None
    ent = trimmed
    if label in _PLACES and _NUMBERED_MEETING.fullmatch(ent.text):
        # "at COP27 in Sharm el-Sheikh": the model's place is a meeting, asked as a name
        # (round 21: "fill in the blank (a place)" -> "COP27", WEAK)
        return Answer("name", ent, "", "ORG")
    if label in _PLACES:
        place = _place(ent)
        if place is None and label == "FAC" and any(t.lower_ in _MEETINGS for t in ent):
            # "the 26th Conference of the Parties (COP26)": the model's building, a meeting
            return Answer("name", _extend(ent, "ORG"), _name_noun(ent), "ORG")
        return place
    if label == "DATE":
        doc = ent.doc
        if ent.start >= 2 and doc[ent.start - 1].text in ("-", "\u2013") \
                and doc[ent.start - 2].like_num and not doc[ent.start - 2].whitespace_:
            ent = doc[ent.start - 2:ent.end]  # "9-" + "10 September 2023": one range
        while len(ent) > 1 and ent[0].is_upper and ent[0].is_alpha and len(ent[0]) > 1 \
                and not MONTH.fullmatch(ent[0].text):
            ent = ent[1:]  # "ISFR 2021": the report's year is the date, not its name
            # (round 21: "fill in the blank (a date)" -> "ISFR 2021", WEAK)
        if _date_range_start(ent):
            return None  # "from 1987 to 1992": asked whole, at its end (below)
        ent = _date_range(ent)
        joined = next((t.i for t in ent if t.pos_ == "CCONJ"), None)
        if joined is not None and not any(t.like_num for t in doc[joined:ent.end]):
            ent = doc[ent.start:joined]  # "12.6 years and mean years (of schooling at
            # 6.57 years)": the model ran the figure into the next clause (round 22)
        kind = _date_kind(ent)
        if kind is None or _not_a_date(ent) or _some_day(ent):
            return None
        if kind == "duration" and not _DURATION.search(ent[-1].text) and any(
                t.text[:1].isupper() and not MONTH.fullmatch(t.text) for t in ent[1:]):
            return None  # "a 25-year Treaty of Friendship": a name's part, no length of
            # time ("signed a ____, Cooperation and Peace", round 22, BROKEN)
        rank = next((t for t in ent if is_rank(t.text)), None)
        if kind == "duration" and rank is not None:
            # "for the 14th consecutive year": a count of years, not a length of time
            # ("for how long ...?" -> "14th consecutive year", round 24, BROKEN x2)
            return Answer("ordinal", ent.doc[rank.i:rank.i + 1], "")
        return Answer(kind, ent, "")
    if label in ("MONEY", "PERCENT", "QUANTITY") and not any(c.isdigit() for c in ent.text):
        return None  # "less than", "a fraction": no figure
    if label in ("MONEY", "PERCENT", "QUANTITY"):
        ent = _ranged(ent)
    if label == "MONEY":
        return Answer("amount", _about(ent), "")
    if label == "PERCENT":
        return Answer("percent", _about(ent), "")
    if label == "QUANTITY":
        doc = ent.doc
        if ent.end + 1 < len(doc) and doc[ent.end].text == "/" \
                and not doc[ent.end - 1].whitespace_ and doc[ent.end + 1].is_alpha:
            ent = doc[ent.start:ent.end + 2]  # "320 km" + "/h"
        return Answer("quantity", _about(ent), "")
    if label == "CARDINAL" and ent.end < len(ent.doc) and ent[-1].like_num \
            and _UNIT_ABBREVIATION.fullmatch(ent.doc[ent.end].text):
        # "up to 3.6 MAF", "500 kW", "28 nm": a figure and its unit are one answer
        return Answer("quantity", _about(ent.doc[ent.start:ent.end + 1]), "")
    if label == "CARDINAL" and is_year(ent.text) \
            and ent.end < len(ent.doc) and ent.doc[ent.end].text in ("-", "\u2013", ":"):
        return Answer("date", ent, "")  # "2022 - 3,682": a year in a series, no count
        # (round 24's rebuild: "fill in the blank (a number)" -> "2022")
    if label == "CARDINAL":
        counted = _count(ent)
        before = ent.doc[ent.start - 1] if ent.start > 0 else None
        named = before is not None and before.text[:1].isupper()  # "Ujjwala 2.0"
        if counted is None and re.fullmatch(r"\d+\.\d+", ent.text) and not named:
            return Answer("number", ent, "")  # "at 3.0": a figure, asked as a blank
        if counted is None and re.fullmatch(r"\d[\d,]*", ent.text) and not named \
                and ent.root.dep_ == "pobj" and ent.root.head.lower_ in ("from", "to"):
            return Answer("number", ent, "")  # "improved from 919 to 929": a figure
        return counted
    if label == "ORDINAL":
        head = ent.root.head
        if any(c.lower_ == "such" for c in head.children):
            return None  # "the first such plan": which such plan was it? (no question)
        doc = ent.doc
        if ent.start > 0 and doc[ent.start - 1].text == "(" and ent.end < len(doc) \
                and doc[ent.end].text.isupper() and len(doc[ent.end]) >= 2:
            return None  # "the Second Administrative Reforms Commission (2nd ARC)": the
            # short name's own rank, said in words just before
        if ent.text[:1].isdigit() and ent.root.dep_ != "amod":
            return Answer("ordinal", ent, "")  # "India ranked 105th": a rank, as a blank
        if ent.root.dep_ != "amod" or not (head.lower_ in RANKED or any(
                c.dep_ == "poss" and c.pos_ == "PROPN" for c in head.children)
                or ent.text[:1].isdigit()):
            return None  # "the first jets": no rank to learn
        return Answer("ordinal", ent, head.lower_)
    if label == "LAW" and ent.start > 0 and ent.doc[ent.start - 1].lower_ in _PROVISIONS:
        ent = ent.doc[ent.start - 1:ent.end]  # "Section" + " 29A of the ... Act, 1951"
    if label == "LAW" and ent[0].lower_ in ("articles", "sections") and ent.end + 1 < len(
            ent.doc) and ent.doc[ent.end].lower_ in ("or", "and") and ent.doc[ent.end + 1].like_num:
        end = ent.end + 2  # "Articles 105" + " or 194": both, as the plural says
        while end < len(ent.doc) and ent.doc[end].text in ("(", ")") or (
                end < len(ent.doc) and ent.doc[end - 1].text == "(" and ent.doc[end].like_num):
            end += 1
        ent = ent.doc[ent.start:end]
    if label == "LAW":
        start = ent.start
        while start > ent.sent.start and ent.doc[start - 1].text[:1].isupper() \
                and ent.doc[start - 1].pos_ in ("PROPN", "ADJ", "NOUN") \
                and ent.doc[start - 1].lower_ not in _PROVISIONS:
            start -= 1  # "The New" + "Drugs and Clinical Trials Rules, 2019": one name
        ent = ent.doc[start:ent.end]
        first = ent[0].lower_
        kind = "provision" if first in ("article", "articles", "section", "sections", "part",
                                        "schedule", "clause", "art", "art.", "arts",
                                        "arts.") else "law"
        if kind == "law" and not is_name(ent):
            return None  # "the Constitution", "the whole Indian Constitution"
        noun = "Article" if first.startswith("art") else \
            ent[0].text.rstrip("s").capitalize() if kind == "provision" else \
            _name_noun(ent) or "law"
        if kind == "law" and (not any(t.lower_ in _LAW_NOUNS for t in ent)
                              or ent[-1].lower_ in _BODY_HEADS):
            kind = "name"  # "the Sherpa Track": the model's LAW, no law; nor "the
            # Antarctic Treaty Secretariat" ("which law ...?", round 28)
            noun = _name_noun(ent)
        if kind == "provision":
            ent = _provision_range(ent)
        return Answer(kind, _extend(ent, label), noun, label)
    if label == "PERSON":
        if any(t.lower_ in TYPE_NOUNS for t in ent):  # "Constitution Bench" is no person
            if not is_name(ent):
                return None
            return Answer("name", _extend(ent, "ORG"), _name_noun(ent), "ORG")
        span = _extend(ent, label)
        if not _person(span):  # "INS Kalvari", "Mazagon Dock": a name, not a person
            return Answer("name", span, _name_noun(span), "ORG") if is_name(span) else None
        return Answer("person", span, "", label)
    if label == "CASE":  # "Association for" + " Democratic Reforms v. Union of India"
        return Answer("case", ent.doc[min(_capital_run(ent).start, ent.start):ent.end], "case")
    if is_name(ent):  # ORG, FAC, EVENT, PRODUCT, ...
        last, doc = ent[-1], ent.doc
        if last.pos_ == "NOUN" and last.text.islower() and last.lower_ not in TYPE_NOUNS \
                and ent.end + 1 < len(doc) and ((doc[ent.end].lower_ in ("and", "or")
                                                 and doc[ent.end + 1].text.islower())
                                                or (doc[ent.end].pos_ == "NOUN"
                                                    and doc[ent.end].text.islower())):
            return None  # "for Kharif food and oilseed crops": a kind of crop, cut at its
            # "and" (round 24: "for ____ and oilseed crops" -> "Kharif food", WEAK); nor
            # "India's space" of "India's space programme" (round 25)
        whole = _extend(ent, label)  # (its type is the whole name's: "Centrally Sponsored
        # Scheme of" + "the Ministry of Education" is a scheme)
        start = whole.start
        while start > 0 and doc[start - 1].text in ("PM", "Pradhan", "Mantri"):
            start -= 1  # "PM" + "Garib Kalyan Anna Yojana": one name ("PM ____", r25)
        whole = doc[start:whole.end]
        return Answer("name", whole, _name_noun(whole), label)
    return None


_NUMBERED_MEETING = re.compile(r"(?:COP|CMP|CMA|MOP)[- ]?\d+")
_MEETINGS = frozenset("conference summit session assembly convention forum".split())
_PROVISIONS = frozenset("section sections article articles art rule rules clause schedule "
                        "part".split())
_LAW_NOUNS = frozenset("""law act bill code rules ordinance amendment regulation regulations
    order constitution treaty convention protocol agreement accord charter declaration
    sanhita adhiniyam""".split())
_NOT_PEOPLE = frozenset("""dock group ltd limited corporation industries bank company
    enterprises port airport mission lake park sanctuary river reserve wetland lagoon island
    dam bay gulf valley hills forest""".split())  # ("who were India's first Ramsar sites?"
# -> "Chilika Lake (Odisha) and Keoladeo National Park", round 24, WEAK)


def _person(span: Span) -> bool:
    """A person the model is sure of: a title before the name ('Justice Kaul'), or
    proper nouns none of which is an acronym or a company word."""
    words = list(span)
    if any(t.lower_ in TITLES for t in words[:3]):  # "French President Emmanuel Macron"
        return True
    names = [t for t in words if not t.is_punct]
    initial = [re.fullmatch(r"(?:[A-Z]\.)+", t.text) is not None for t in names]
    return (len(names) >= 3 or any(initial)) and all(  # "B.R. Gavai", "K. Sanjay Murthy"
        t.pos_ == "PROPN" and t.lower_ not in _NOT_PEOPLE
        and (dot or not (t.text.isupper() and len(t.text) > 1))
        for t, dot in zip(names, initial, strict=True))


def _place(ent: Span) -> Answer | None:
    """'launched at Ballia, Uttar Pradesh': a place is asked only as where something
    was done ("Where was the PMUY launched?")."""
    prep = ent.root.head
    if ent.root.dep_ != "pobj" or prep.lower_ not in ("at", "in") or prep.head.lemma_ not in \
            _PLACE_VERBS:
        return None
    doc = ent.doc
    end = ent.end
    state = next((e for e in ent.sent.ents if e.start == end + 1
                  and all(t.pos_ == "PROPN" for t in e)), None)
    if state is not None and doc[end].text == ",":  # "Ballia, Uttar Pradesh"
        end = state.end
    return Answer("place", doc[ent.start:end], "", ent.label_)


def is_name(span: Span) -> bool:
    """A name worth learning: an acronym, a coined word ('Chandrayaan-3'), or words with
    a proper noun that is not a generic one ('the Court', 'the State')."""
    words = [t for t in span if not t.is_punct and t.lower_ not in ("the", "a", "an")]
    if len(words) == 1:
        word = words[0].text
        return (word.isupper() and len(word) >= 2) or any(c.isdigit() or c == "-"
                                                          for c in word)
    return any(t.pos_ == "PROPN" and t.lower_ not in GENERIC and t.lower_ not in TYPE_NOUNS
               for t in words)


def _named_chunks(sent: Span, taken: set[int]) -> list[Answer]:
    """Noun phrases named like an initiative, with a proper noun in them, that the
    model did not mark: 'a Roadmap for Defense Industries Cooperation'."""
    out = []
    for chunk in sent.noun_chunks:
        root = chunk.root
        if root.lower_ not in TYPE_NOUNS or not any(t.pos_ == "PROPN" for t in chunk):
            continue
        end = chunk.end
        doc = sent.doc
        # "Roadmap for Defense Industries Cooperation": a capitalised "for/of/on" phrase
        while end + 1 < sent.end and doc[end].lower_ in ("for", "of", "on") \
                and doc[end + 1].text[:1].isupper():
            end += 1
            while end < sent.end and (doc[end].text[:1].isupper() or doc[end].lower_ == "and"
                                      and end + 1 < sent.end and doc[end + 1].text[:1].isupper()):
                end += 1
        span = _capital_run(doc[chunk.start:end])
        if span.end < sent.end and _VERSION.fullmatch(doc[span.end].text):
            span = doc[span.start:span.end + 1]  # "... Scheme for IT Hardware" + " 2.0"
        if taken & set(range(span.start, span.end)):
            continue
        if root.text.islower():  # "the Horizon 2047 roadmap": a name before its kind
            named = [t for t in chunk if t.i < root.i and (t.pos_ == "PROPN" or t.like_num)
                     and t.head.i == root.i and t.dep_ != "poss"]  # (whose, not which:
            # "India's space programme" -> "India's space", round 25)
            if named and any(t.pos_ == "PROPN" for t in named):  # ("Which roadmap" -> it)
                out.append(Answer("name", doc[named[0].i:root.i], root.lower_))
            continue
        if not is_name(span):
            continue  # "the special status", "the Court": not a name
        out.append(Answer("name", span, root.lower_))
    return out


_CALLED = frozenset(["called", "termed", "named"])


def _terms(sent: Span, taken: set[int]) -> list[Answer]:
    """'algae called zooxanthellae', 'a process known as bleaching': a term to learn."""
    doc = sent.doc
    out = []
    for token in sent:
        known = token.lower_ == "as" and token.i > sent.start \
            and doc[token.i - 1].lower_ == "known"
        if token.lower_ not in _CALLED and not known:
            continue
        end = token.i + 1
        while end < sent.end and (doc[end].pos_ in ("NOUN", "PROPN", "ADJ")
                                  or doc[end].text == "-"):
            end += 1
        if token.i + 1 < end <= token.i + 4 and not taken & set(range(token.i + 1, end)):
            out.append(Answer("term", doc[token.i + 1:end], ""))
    return out


def answers(sent: Span) -> list[Answer]:
    """Every fact of a sentence, in order, none overlapping another; a list of facts of
    one kind ("Justices A, B, C and D") is one answer."""
    found: list[Answer] = []
    for ent in sent.ents:
        answer = _from_entity(ent)
        if answer is not None and not re.fullmatch(r"\([^()]*\)", answer.text):
            found.append(answer)  # (not "(SUP)": an abbreviation, asked with its name)
    taken = {i for a in found for i in range(a.span.start, a.span.end)}
    found += _named_chunks(sent, taken)
    found += _terms(sent, {i for a in found for i in range(a.span.start, a.span.end)})
    found = [_hyphened(b) for b in (_cut_open(a) for a in found) if b is not None]
    kept: list[Answer] = []
    for answer in sorted(found, key=lambda a: (a.span.start, -len(a.span))):
        if all(answer.span.start >= k.span.end or answer.span.end <= k.span.start
               for k in kept):
            kept.append(answer)
    kept = _spelled_whole(kept)
    return _lists(kept) + _years_in_names(kept)


def _hyphened(answer: Answer) -> Answer:
    """'Quad-at-' + 'Sea Ship Observer Mission': a name's start is the start of the word
    its first token is hyphened to (round 26: "a first Quad-at-____", WEAK)."""
    span = answer.span
    doc = span.doc
    start = span.start
    while start > span.sent.start and not doc[start - 1].whitespace_ \
            and doc[start - 1].text not in ("(", "[", '"', "\u201c", "'") \
            and (doc[start - 1].text in ("-", "\u2013") or doc[start].text in ("-", "\u2013")):
        start -= 1
    if start == span.start or answer.kind not in ("name", "law", "term") \
            or not (doc[start].text[:1].isupper() or doc[start].text[:1].isdigit()):
        return answer  # (not "post-" of "the first post-WTO round": a prefix, no name)
    return Answer(answer.kind, doc[start:span.end], answer.noun, answer.label)


def _spelled_whole(found: list[Answer]) -> list[Answer]:
    """'Maritime Initiative for Training' + 'in the' + 'Indo-Pacific (MAITRI)': one name,
    the one its abbreviation spells (round 26: "the Maritime Initiative for Training in
    ____" -> "Indo-Pacific (MAITRI)", BROKEN)."""
    out: list[Answer] = []
    for answer in found:
        last = out[-1] if out else None
        doc = answer.span.doc
        gap = doc[last.span.end:answer.span.start] if last is not None else None
        if last is not None and gap is not None and last.kind == "name" \
                and answer.kind == "name" and 1 <= len(gap) <= 2 \
                and gap[0].lower_ in ("in", "of", "for", "on") \
                and all(t.lower_ in ("in", "of", "for", "on", "the") for t in gap) \
                and len(answer.span) >= 3 and answer.span[-1].text == ")" \
                and answer.span[-2].text.isupper():
            out[-1] = Answer("name", doc[last.span.start:answer.span.end], last.noun,
                             last.label)
        else:
            out.append(answer)
    return out


def _cut_open(answer: Answer) -> Answer | None:
    """'the Consolidated Fund of India (Art' -> 'the Consolidated Fund of India': a
    bracket the answer opens and does not close is cut off with what follows it."""
    span = answer.span
    depth, cut = 0, None
    for t in span:
        if t.text == "(":
            depth, cut = depth + 1, (t.i if depth == 0 else cut)
        elif t.text == ")":
            depth = max(0, depth - 1)
    if depth == 0 or cut is None:
        return answer
    end = cut
    while end > span.start and span.doc[end - 1].is_punct:
        end -= 1
    if end == span.start:
        return None
    return Answer(answer.kind, span.doc[span.start:end], answer.noun, answer.label)


def _years_in_names(found: list[Answer]) -> list[Answer]:
    """'the Simla Agreement of 1972' is asked whole, and its year on its own too."""
    out = []
    for answer in found:
        last = answer.span[-1]
        if answer.kind in ("name", "law") and len(answer.span) > 2 \
                and answer.span[-2].lower_ == "of" and _YEARISH.fullmatch(last.text):
            out.append(Answer("date", answer.span.doc[last.i:last.i + 1], ""))
    return out


def _lists(found: list[Answer]) -> list[Answer]:
    """Answers joined by 'and'/commas into one, when they are of one kind."""
    out: list[Answer] = []
    for answer in found:
        last = out[-1] if out else None
        people = {"person", "name"}
        same = last is not None and (last.kind == answer.kind or {last.kind, answer.kind}
                                     <= people)
        if last is not None and same and _joined(last, answer):
            doc = answer.span.doc
            kind = "person" if "person" in (last.kind, answer.kind) else last.kind
            out[-1] = Answer(kind, doc[last.span.start:answer.span.end], last.noun,
                             last.label)
        else:
            out.append(answer)
    return out


_FIGURES = frozenset({"quantity", "percent", "amount", "number"})
_SECTION_NUMBER = re.compile(r"\d+[A-Z]{0,2}(?:\(\w{1,4}\))*")


def _provision_range(ent: Span) -> Span:
    """'Sections 18 to 26', 'Articles 14-18': the range is one provision, not its first
    number."""
    doc, end = ent.doc, ent.end
    if ent[-1].text == ")" and end + 3 < len(doc) and doc[end].lower_ in ("and", "or") \
            and doc[end + 1].text == "(" and re.fullmatch(r"\w{1,4}", doc[end + 2].text) \
            and doc[end + 3].text == ")":
        return doc[ent.start:end + 4]  # "Article 39(b) and (c)": both clauses, one answer
        # (round 25: "in ____ and." -> "Article 39(b)", BROKEN)
    if ent[0].lower_ in ("sections", "articles", "clauses") and end + 1 < len(doc) \
            and doc[end].lower_ in ("to", "-", "\u2013", "and") \
            and _SECTION_NUMBER.fullmatch(doc[end + 1].text):
        return doc[ent.start:end + 2]
    return ent


def _joined(first: Answer, second: Answer) -> bool:
    """'A, B and C': the second is a conjunct of the first (or of its conjuncts), and only
    commas and 'and'/'or' stand between them; '4.5°C to 6.4°C': a range is one answer
    (not 'from 919 to 929', a change)."""
    doc = first.span.doc
    between = doc[first.span.end:second.span.start]
    if second.span.end < len(doc) and doc[second.span.end].lower_ == "for" \
            and second.kind in ("date", "period", *_FIGURES):
        return False  # "1 March 2027, and 1 October 2026 for the snow-bound areas": the
        # second holds for a case of its own
    if (first.kind in _FIGURES or first.kind == second.kind == "duration") \
            and [t.lower_ for t in between] in (["to"], ["-"], ["\u2013"]):
        # ("aged 6 months to 14 years": one range, round 25: two halves, WEAK)
        return first.span.start == 0 or doc[first.span.start - 1].lower_ != "from"
    if not all(t.text in (",", "and", "or") for t in between) or not len(between):
        return False
    if {first.kind, second.kind} <= {"person", "name"} and (
            "person" in (first.kind, second.kind) or [t.text for t in between] == ["and"]):
        # "Justices A, B, C and D", "Socio-Economic and Caste Census": the parser hangs
        # such lists anywhere (not "..., and SBM (Urban), under ...": another claim)
        return True
    if first.kind == second.kind and first.kind in (*_FIGURES, "period"):
        return True  # "a pension of Rs 1,000, Rs 2,000, Rs 3,000, Rs 4,000 or Rs 5,000";
        # "occurred in 1982-83, 1997-98 and 2015-16" (round 23, WRONG: "when did strong
        # El Niño events occur in 1982-83?" -> "1997-98 and 2015-16"):
        # one answer (one blank each was guessed from the series, round 21, WEAK x4)
    if first.kind == second.kind == "provision" and [t.lower_ for t in between] in (
            ["and"], ["or"]):
        return True  # "(Article 75(1A) and Article 164(1A))": the parser hung the second
        # on the verb; half the pair as the answer teaches that one Article does both
    node = second.root
    if first.kind == second.kind == "date" and node.dep_ == "appos" \
            and first.span.start <= node.head.i < second.span.start:
        return True  # "on 22 February, 7 June and 2 July 2024": one list of dates (its
        # first alone answered "when did ISRO make manoeuvres?", round 16, WRONG)
    return node.dep_ == "conj" and first.span.start <= node.head.i < second.span.start
