"""Questions about the facts of one sentence, each from the clause whose verb governs it.

For each answer phrase: where it sits in its clause decides the question. As the
subject, a wh-phrase takes its place ("Which commission recommended ...?"); as an
object or in a phrase of the verb ("in 2020", "under Article 142") it is taken out, a
wh-phrase goes in front and the subject and auxiliary swap ("When did India and South
Korea endorse ...?"). Anywhere else the question is the clause with the answer blanked
("fill in the blank"), still one clause only. The gate (gate.py) judges them all.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from flashcards.builder import grammar as g
from flashcards.builder.answers import RANKED, Answer
from flashcards.builder.gate import ABBREVIATION, spells
from flashcards.builder.language import MONTH_NAME, OFFICES, SAME_PAST, YEAR, is_rank, is_ratio

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

CROP_WORDS = 36  # a blanked sentence longer than this is cut to the part with its blank
SHORT = 32  # tokens: a sentence this short is blanked whole, not cut to its clause
OBJECTS = frozenset({"dobj", "attr", "oprd", "dative", "npadvmod", "acomp", "pobj"})
HINTS = {"term": "a term", "number": "a number", "place": "a place", "date": "a date",
         "period": "a period", "duration": "a length of time",
         "amount": "an amount", "percent": "a percentage", "quantity": "a quantity",
         "count": "a number", "ordinal": "an ordinal", "provision": "a provision",
         "law": "a law", "name": "a name", "person": "a name", "case": "a case",
         "ratio": "a ratio"}
_WHEN = {"in": "When", "on": "When", "at": "When", "during": "When", "of": "When",
         "by": "By when", "since": "Since when", "until": "Until when", "till": "Until when",
         "from": "From when"}


@dataclass
class Draft:
    """A candidate question, before the gate."""

    kind: str  # the answer's kind
    question: str
    answer: str
    form: str  # "wh" or "cloze"
    sentence: Span
    answer_span: Span
    used: list[Token] = field(default_factory=list)  # the sentence's words in the question
    reasons: list[str] = field(default_factory=list)  # why the gate dropped it


def _own_relatives(subs: Mapping[int, tuple[int, str]], verb: Token
                   ) -> Mapping[int, tuple[int, str]]:
    """The replacements for this clause: a relative word ('which', 'whose') is replaced
    only in the question of its own relative clause."""
    doc = verb.doc

    def own(start: int) -> bool:
        relcl = next((a for a in doc[start].ancestors if a.dep_ == "relcl"), None)
        return relcl is not None and relcl.i == verb.i

    return {start: sub for start, sub in subs.items()
            if doc[start].tag_ not in ("WDT", "WP", "WP$") or own(start)}


def _slot(c: g.Clause, root: Token) -> tuple[str, Token] | None:
    """Which part of the clause holds the answer: ('subject', head) or (dep, child)."""
    if any(t.i == root.i for t in c.subject):
        head = next(t for t in c.subject if t.head.i not in {s.i for s in c.subject}
                    or t.head == t)
        return "subject", head
    node = root
    while node.head.i != node.i and node.head.i != c.verb.i:
        node = node.head
    if node.head.i == c.verb.i and node.i != c.verb.i:
        return node.dep_, node
    return None


def _noun_phrase(head: Token, drop: set[int], subs: Mapping[int, tuple[int, str]]) -> str:
    """A noun's phrase without its determiner and the `drop`ped words, and without the
    list a colon leads to ("how many broad pillars: political, defence and security",
    a list the sentence's semicolon cut: round 19)."""
    owner = {t.i for c in head.children if c.dep_ == "poss" for t in c.subtree}
    words = [t for t in g.subtree(head, frozenset({"relcl", "appos", "acl"}))
             if t.i not in drop and t.i not in owner
             and not (t.dep_ in ("det", "predet") and t.head == head and t.i < head.i)
             and not (t.lower_ == "all" and t.i < head.i)]  # ("how many all states", r25)
    colon = next((t.i for t in words if t.text == ":" and t.i > head.i), None)
    return g.render([t for t in words if colon is None or t.i < colon], subs)


# verbs whose object is declared to be something ("declared 15 November as ...")
_DECLARING = frozenset("declare designate notify recognise recognize proclaim".split())
# verbs of a contest between people ("defeated Najma Heptulla")
_CONTESTS = frozenset("defeat beat succeed replace oust unseat".split())
# verbs that give their object a name ("called them dikus")
_NAMING = frozenset("call name term dub label brand style christen".split())
# verbs whose object is a bar passed or missed, no quantity of their own
_PASSED = frozenset("exceed surpass cross top overtake outstrip breach miss".split())


def _wh(a: Answer, role: str, child: Token, subs: Mapping[int, tuple[int, str]]
        ) -> str | None:
    """The wh-phrase for an answer in a role (subject, object, or a preposition)."""
    prep = child.lower_ if role == "prep" else "by" if role == "agent" else ""
    if prep in ("because", "due", "owing", "thanks"):
        return None  # "because of India's Act": no "because which law ...?"
    kind = a.kind
    if kind in ("date", "period"):
        if role == "prep":
            if kind == "period":
                return f"{prep.capitalize()} which period" if prep in (
                    "for", "during", "in", "over") else None
            return _WHEN.get(prep)
        return "When" if role == "object" and child.dep_ == "npadvmod" else None
    if kind == "ratio":
        return None  # "60:40": asked as a blank, which says whose shares they are
    if kind == "place":
        return "Where" if role == "prep" else None
    if kind == "duration":
        return {"for": "For how long", "within": "Within how long"}.get(prep)
    if kind in ("amount", "quantity", "percent"):
        if role == "object" and kind != "percent":
            # ("India's EEZ exceeds 2 million sq km": the figure is a bar passed, not how
            # much: "how much does India's EEZ exceed?", round 26, BROKEN)
            return None if child.head.lemma_ in _PASSED else "How much"
        return {"by": "By how much", "to": "To what level", "from": "From what level",
                "at": "At what level" if kind != "amount" else None}.get(prep)
    if kind == "count":
        head = a.root.head
        if any(c.dep_ == "conj" and any(t.like_num for t in c.subtree) for c in head.children):
            return None  # "111 Indian enclaves ... and 51 Bangladeshi enclaves": a total?
        noun = _noun_phrase(head, set(range(a.span.start, a.span.end)), subs)
        phrase = f"how many {noun}"
        if prep:
            return f"{prep.capitalize()} {phrase}"
        return phrase[:1].upper() + phrase[1:]
    if kind == "ordinal":
        if a.noun not in RANKED:
            return None  # "India's first strategic partner": asked as a blank
        head = a.root.head
        if any(c.dep_ == "poss" and c.pos_ != "PRON" for c in head.children):
            return None  # "The first Quad foreign ministers' meeting": "which meeting was
            # held in New York?" -> "first" drops whose meeting (round 26, WRONG)
        noun = _noun_phrase(head, set(range(a.span.start, a.span.end)), subs)
        phrase = f"which {noun}"
        return f"{prep.capitalize()} {phrase}" if role == "prep" else phrase.capitalize() \
            if noun.islower() else "Which " + noun
    if kind == "person":
        return {"subject": "Who", "object": "Who", "agent": "By whom"}.get(
            role if role != "prep" else ("agent" if prep == "by" else ""))
    described = [c for c in a.root.children if c.dep_ == "appos" and c.pos_ == "NOUN"
                 and not any(t.like_num for t in c.subtree)]
    if described and not prep:  # "Swachh Survekshan, the annual survey of cities, ..."
        return g.join("Which", _noun_phrase(described[0], set(), subs))
    verb = a.root.head
    if not a.noun and role in ("subject", "object") and verb.lemma_ in _CONTESTS and any(
            t.ent_type_ == "PERSON" for c in verb.children if c.dep_ in ("nsubj", "dobj")
            for t in c.subtree):
        return "Who"  # "Krishan Kant defeated Surjit Singh Barnala": a person either side
        # ("what defeated Surjit Singh Barnala?", round 28, WEAK x7)
    if not a.noun and role == "subject" and _took_office(a):
        return "Who"  # "Friedrich Merz became Chancellor": a person ("what became
        # Chancellor?", round 24, BROKEN)
    if not a.noun:  # a name of no known kind ("UPI", "Project-75"): "What", never a guess
        return None if prep else "What"
    noun = a.noun
    if a.text.split()[0].lower() == f"{noun.lower()}s":
        noun += "s"  # "Articles 20 and 21 are exempt": "which Articles are ...?" (round 26)
    phrase = f"which {noun}"
    of = _of_phrase(a, subs)  # "Schedule I" + " of the Wildlife (Protection) Act, 1972"
    if of is None:
        return None  # "which Section did the bench strike down?": of which law?
    if prep:
        return g.join(f"{prep.capitalize()} {phrase}", of)
    return g.join("Which " + noun, of)


# (a court or a bench is no one: "the Supreme Court is the highest court")
_OFFICES = (OFFICES - {"court", "bench"}) | frozenset(
    "chancellor chair ambassador king queen emperor mayor premier ceo director".split())


def _took_office(a: Answer) -> bool:
    """The answer became or was an office-holder: 'X became Chancellor'."""
    verb = a.root.head
    return verb.lemma_ in ("become", "be", "remain") and any(
        c.dep_ in ("attr", "acomp", "oprd") and c.lower_ in _OFFICES for c in verb.children)


def _of_phrase(a: Answer, subs: Mapping[int, tuple[int, str]]) -> str | None:
    """What a provision belongs to: the 'of the Act' after 'Schedule I'."""
    if a.kind != "provision" or a.span[0].lower_ in ("article", "articles", "art", "art."):
        return ""  # an Article is the Constitution's, unless it says otherwise
    after = [c for c in a.span.root.children if c.dep_ == "prep" and c.lower_ == "of"
             and c.i >= a.span.end]
    return g.render(g.subtree(after[0]), subs) if after else None


def _covers(a: Answer, head: Token) -> bool:
    """The answer is the phrase's head (or counts or ranks it: '10 Bills', '50th')."""
    if a.span.start <= head.i < a.span.end:
        return True
    return a.kind in ("count", "ordinal") and a.root.head == head


def _one_claim(sent: Span) -> bool:
    """A sentence of one clause (its main verb's): no second verb with a subject of its
    own joined to it ('..., and the alliance aims to ...')."""
    return not any(t.dep_ in ("conj", "parataxis") and g.is_verb(t)
                   and any(c.dep_ in g.SUBJECTS for c in t.children) for t in sent)


def _thin(question: str, least: int = 3) -> bool:
    """A question with fewer than `least` words of its own besides the wh-phrase."""
    from flashcards.builder.gate import content_words

    words = content_words(question)
    return len([w for w in words if w not in _WH_AND_AUX]) < least


_WH_AND_AUX = frozenset("""which what when who how many much where whom do does did will would
    shall should can could may might must not""".split())


def _named_in(label: str, question: str) -> bool:
    """The question already names what the label would: all its content words in it."""
    from flashcards.builder.gate import content_words

    words = content_words(label)
    asked = set(content_words(question))
    return bool(words) and all(w in asked for w in words)


def _linked(verb: Token, a: Answer) -> bool:
    """An answer in a clause that hangs on another by a link word ('after', 'when',
    'because'): on its own the clause would lose what the answer means to the other
    ("six months after ...")."""
    mark = next((c for c in verb.children if c.dep_ == "mark"
                 or (c.tag_ == "WRB" and c.i < verb.i)), None)  # "after", "when"
    if verb.dep_ != "advcl" or mark is None:
        return False
    return any(a.span.start <= t.i < a.span.end for t in mark.subtree) or mark.lower_ in (
        "after", "before", "since", "until", "till", "because", "as", "while", "when",
        "where")


def ask(a: Answer, sent: Span, subs: Mapping[int, tuple[int, str]], label: str,
        title: str | None = None) -> Draft | None:
    """The best question for one answer: a wh-question where its place allows, else the
    clause with the answer blanked. A line with no verb ("Forest cover: 7,13,789 sq km,
    or 21.71% of the area") is blanked whole, after the title of its item."""
    if _part_of_a_long_list(a):
        return None  # "The ten new entrants were A, B, C, ... and J": a blank for some
        # of them, or one, is a guess among the rest (round 27, WRONG and WEAK)
    verb = g.clause_of(a.root)
    if verb is None:
        return _cloze_sentence(a, sent, subs, label, title) if title else None
    if verb.dep_ == "relcl" and any(c.lower_ == "where" for c in verb.children):
        # "the spot where Chandrayaan-2’s lander crashed": the clause means nothing alone
        return _whole_sentence(a, sent, subs, label, title, SHORT)
    if verb.dep_ == "relcl" and verb.lemma_ in _NAMING and a.root.dep_ == "oprd":
        return None  # "jagirdars, thikadars and moneylenders, whom the Mundas called
        # dikus": the clause alone names one of them ("Moneylenders the Mundas called
        # ____"), round 27, WRONG as a question
    head = verb.head
    if verb.dep_ == "ccomp" and head.lemma_ == "hold" and head.tag_ != "VBN" and not any(
            m.dep_ == "mark" for m in verb.children) and not (
            head.i + 1 < len(sent.doc) and sent.doc[head.i + 1].lower_ == "that"):
        # "The armies hold Exercise Sampriti and the navies hold Exercise Bongosagar": two
        # clauses the parser read as one holding the other ("according to the armies,
        # which exercise do ...?", round 22, BROKEN)
        return _whole_sentence(a, sent, subs, label, title, SHORT)
    # "The ... Pipeline, inaugurated on 18 March 2023, carries diesel": a participle the
    # parser read as the verb ("when did the Pipeline inaugurate?", round 22): blanks only
    # ... nor "The updated NDC submitted in August 2022 commits India to ...", where no
    # "and" joins the two verbs ("when did the updated NDC submit?", round 26, BROKEN)
    participle = verb.tag_ == "VBD" and verb.i > sent.start and any(
        c.dep_ == "conj" and c.tag_ in ("VBZ", "VBP") and (
            sent.doc[verb.i - 1].text == "," or not any(
                t.dep_ == "cc" or t.text in (",", ";") for t in sent.doc[verb.i + 1:c.i]))
        for c in verb.children)
    if _misread(verb, sent):
        return _whole_sentence(a, sent, subs, label, title)  # (its clause is the parser's
        # mistake: only the whole sentence says the claim)
    if _restricts(verb):
        # "For eligible subscribers who joined before 31 December 2015, the Centre ...":
        # the clause says which subscribers, no claim ("Eligible subscribers joined
        # before ____." round 21, BROKEN)
        return _whole_sentence(a, sent, subs, label, title)
    if verb.lemma_ == "make" and verb.tag_ == "VBD" and not any(
            c.dep_ == "dobj" for c in verb.children) and any(
            c.dep_ in ("oprd", "acomp") for c in verb.children):
        # "NFSA grain made free for 81.35 crore people": a table's shorthand for "was
        # made free", no past tense to turn ("did NFSA grain make free?", round 25)
        return _whole_sentence(a, sent, subs, label, title)
    after = list(sent.doc[verb.i + 1:min(verb.i + 3, sent.end)])
    if verb.lemma_ in g.SPEECH and a.root.dep_ in g.SUBJECTS and after and (
            after[0].text in ('"', "\u201c") or (after[0].text in (",", ":") and len(after) > 1
                                                 and after[1].text in ('"', "\u201c"))):
        return None  # 'X said, "The Union Cabinet has approved ..."': "who said The Union
        # Cabinet has approved ...?", whose words a quote is, with its quotes lost, asks
        # for a speaker; its facts are asked by their own blanks (round 24, WEAK); not
        # 'suggested a "localised emergency"', a claim with a quoted term
    lean_subject = [t for t in g.clause(verb, lean=True).subject if t.dep_ != "punct"]
    if lean_subject and lean_subject[0].lower_ in ("a", "an") and not any(
            t.pos_ == "PROPN" for t in lean_subject):
        # "a five-judge bench struck down ____": which bench is only said by the rest
        return _whole_sentence(a, sent, subs, label, title)
    if sent[0].tag_ == "VB" and any(t.dep_ in g.SUBJECTS for t in sent[0].subtree):
        # "Strengthen POSHAN Abhiyaan, launched on 8 March 2018": a step the parser read
        # as a subject; only the whole step, as written, says it
        return _cloze_sentence(a, sent, subs, label, title)
    subs = _own_relatives(subs, verb)
    lean = g.clause(verb, lean=True)
    wh = None if _linked(verb, a) or participle else _wh_question(a, lean, subs, sent)
    if wh is not None and _thin(wh[0]):
        wh = None  # "Who dissented?": too little of the claim to know which one is meant
    if wh is not None and _thin(wh[0], 4) and any(
            c.dep_ == "appos" and not a.span.start <= c.i < a.span.end for c in a.root.children):
        wh = None  # "which agreement did India join?", its "a transit pact linking Central
        # Asia with the Persian Gulf" dropped: the blank keeps what tells it (round 27)
    if wh is not None:
        question, used = wh
        if label and not _named_in(label, question):
            question = f"{label[:1].upper()}{label[1:]}: {question[:1].lower()}{question[1:]}"
        return Draft(a.kind, question, a.text, "wh", sent, a.span, used)
    if (len(sent) <= SHORT and _one_claim(sent)) or _linked(verb, a):
        # a short sentence is its own best context; "six months after PM Modi was ...":
        # the answer only means something with all of it
        return _cloze_sentence(a, sent, subs, label)
    if verb.lemma_ in _DECLARING and any(t.lower_ == "as" for t in verb.subtree
                                         if t.i > verb.i) \
            and not any(t.lower_ == "as" for t in lean.tokens()):
        # "the Union Cabinet declared 15 November, his birth anniversary, as Janjatiya
        # Gaurav Divas, to be observed ...": declared it as what is the claim ("In ____
        # the Union Cabinet declared 15 November.", round 27, WEAK)
        return _cloze(a, g.clause(verb), subs, sent, label) \
            or _whole_sentence(a, sent, subs, label, title)
    return _cloze(a, lean, subs, sent, label) or _cloze(a, g.clause(verb), subs, sent, label) \
        or (_cloze_sentence(a, sent, subs, label, title) if (not lean.subject or _trailing(
            a, verb) or _after_colon(a, sent) or _bare_relative(lean.subject, subs))
            and len(sent) <= 2 * SHORT else None)


def _whole_sentence(a: Answer, sent: Span, subs: Mapping[int, tuple[int, str]], label: str,
                    title: str | None, limit: int = 2 * SHORT) -> Draft | None:
    """The whole sentence, the answer blanked, when it is short enough to recall."""
    return _cloze_sentence(a, sent, subs, label, title) if len(sent) <= limit else None


def _misread(verb: Token, sent: Span) -> bool:
    """A clause the parser got wrong, which no question may turn round:
    - a preposition left without its object, its phrase read as the subject ("during
      Prime Minister Narendra Modi's visit to Tehran, India, Iran and Afghanistan signed
      ...": "when did ... Modi's visit to ... sign ...?", round 27, BROKEN);
    - a verb joined past a participle ("the Vice-President can be removed by a
      resolution ... passed by a majority ... and agreed to by the Lok Sabha": "agreed"
      joined to "removed", not to "passed"; "The Vice-President can agreed to by ____",
      round 28, BROKEN);
    - a "with" phrase's participle read as the verb (grammar.misread_absolute)."""
    dangling = any(c.dep_ == "prep" and c.i < verb.i and not any(
        k.dep_ in ("pobj", "pcomp") for k in c.children) for c in verb.children)
    joined_past = verb.dep_ == "conj" and any(c.dep_ == "agent" for c in verb.children) \
        and any(t.dep_ == "acl" and t.tag_ == "VBN" for t in sent.doc[verb.head.i + 1:verb.i])
    return dangling or joined_past or g.misread_absolute(verb)


def _part_of_a_long_list(a: Answer) -> bool:
    """The answer is some of a list of five things or more (joined by commas and "and")."""
    top = a.root
    while top.dep_ == "conj" and top.head.i != top.i:
        top = top.head
    members = [top]
    n = 0
    while n < len(members):
        members += [c for c in members[n].children if c.dep_ == "conj" or (
            c.dep_ in ("npadvmod", "appos") and c.i > 0 and c.doc[c.i - 1].text == ","
            and c.pos_ == "PROPN")]  # (the parser breaks a long list of names)
        n += 1
    inside = [m for m in members if a.span.start <= m.i < a.span.end]
    return len(members) >= 5 and 0 < len(inside) < len(members)


def _after_colon(a: Answer, sent: Span) -> bool:
    """'... gender gaps in labour force participation: about 28.3% for women against
    76.1% for men': figures after the colon that says what they are (round 22: no card)."""
    return any(t.text == ":" for t in sent.doc[sent.start:a.span.start])


def _trailing(a: Answer, verb: Token) -> bool:
    """'West Bengal has the largest share (about 42 per cent), followed by Gujarat (about
    24 per cent) and ...': the answer sits in a participle's phrase that the clause drops
    as an aside, so only the whole sentence can ask it."""
    node = a.root
    while node.head.i != node.i and node.head.i != verb.i:
        node = node.head
    return node.head.i == verb.i and node.dep_ in ("advcl", "acl") \
        and node.tag_ in ("VBN", "VBG")


def _restricts(verb: Token) -> bool:
    """A relative clause that picks out some of a kind ('subscribers who joined before
    ...'): no comma before it, and a noun with no article, 'the', name or owner."""
    if verb.dep_ != "relcl":
        return False
    noun = verb.head
    first = min(t.i for t in verb.subtree)
    if first > 0 and verb.doc[first - 1].text == ",":
        return False
    return noun.pos_ == "NOUN" and noun.tag_ == "NNS" and not any(
        c.dep_ in ("det", "poss", "nummod") or c.pos_ == "PROPN" for c in noun.children)


def _bare_relative(used: list[Token], subs: Mapping[int, tuple[int, str]]) -> bool:
    """A relative word the question would keep as it is: '..., whose Motor Vehicles
    Agreement was signed in 2015' parsed as a clause of its own ('when was whose Motor
    Vehicles Agreement signed?', round 22, BROKEN)."""
    return any(t.tag_ in ("WP$", "WDT") and t.i not in subs and not t.text.isupper()
               and not any(a.dep_ in ("relcl", "acl") for a in t.ancestors) for t in used)


def _orphans_a_from(used: list[Token]) -> bool:
    """'..., a sharp improvement from 122nd out of 191 in the previous report': the
    question keeps 'in the previous report' and drops the 'from' phrase it may belong
    to ('on which index did India rank 108th ..., in the previous report?' round 22)."""
    ids = {t.i for t in used}
    for t in used:
        if t.dep_ != "prep" or t.lower_ not in ("in", "on", "during", "to", "till",
                                                "until") or t.i < 1:
            continue  # ("for how long did hearings run to 23 March 1973?": its "from 31
            # October 1972" dropped, round 25, BROKEN)
        k = t.i - 1
        while k >= t.sent.start and k not in ids:  # the words left out just before it
            if t.doc[k].lower_ == "from" and t.doc[k].dep_ == "prep" and k + 1 < len(t.doc) \
                    and _a_figure(t.doc[k + 1]):
                return True
            k -= 1
    return False


_TARGETS = frozenset("target targets goal goals aim deadline".split())


def _dates_a_target(a: Answer) -> bool:
    """'by 2030' on a verb whose object is a target or goal: the target's date."""
    doc = a.span.doc
    prep = a.span.start - 1
    if prep < 0 or doc[prep].lower_ not in ("by", "till", "until"):
        return False
    verb = doc[prep].head
    return any(t.lower_ in _TARGETS for t in verb.subtree if t.i < prep)


def _dates_a_from(a: Answer) -> bool:
    """The date follows a 'from X' phrase: it may date X rather than the verb."""
    doc = a.span.doc
    prep = a.span.start - 1
    if prep < 1 or doc[prep].lower_ not in ("in", "on", "during"):
        return False
    at = prep - 1
    if doc[at].text == ")":  # "up from 40th (score 38.1) in 2023" (round 24, WRONG)
        while at > 0 and doc[at].text != "(":
            at -= 1
        at -= 1
    if at < 0:
        return False
    before = doc[at]
    return _a_figure(before) and any(t.lower_ == "from" and t.dep_ == "prep"
                                     for t in (before, *before.ancestors))


def _a_figure(token: Token) -> bool:
    """A rank, count or measure ('135th', '0.490', '23.3%'): what a 'from' starts from
    when a date after it may be the figure's ('from 135th in 2021'), not a place ('from
    Britain on 26 July 1965')."""
    return token.like_num or token.ent_type_ in ("ORDINAL", "CARDINAL", "PERCENT", "MONEY",
                                                 "QUANTITY") or is_rank(token.text)


def _names_a_thing(a: Answer) -> bool:
    """'the Union Budget 2021–22', 'Census 2011': a date that is part of a name."""
    doc = a.span.doc
    before = doc[a.span.start - 1] if a.span.start > 0 else None
    return (a.kind in ("date", "period") and before is not None
            and before.text[:1].isupper() and before.pos_ in ("PROPN", "NOUN")
            and a.root.head.i == before.i)


def _wh_question(a: Answer, c: g.Clause, subs: Mapping[int, tuple[int, str]], sent: Span
                 ) -> tuple[str, list[Token]] | None:
    if _names_a_thing(a) or sum(1 for t in c.verb.children if t.dep_ == "dobj") > 1:
        return None  # (two objects: a list the parser read as one clause each)
    if any(ch.dep_ == "ccomp" and ch.i < c.verb.i and c.verb.lemma_ not in g.SPEECH
           and any(k.dep_ in g.SUBJECTS for k in ch.children) for ch in c.verb.children):
        return None  # "Coverage was fixed using Census 2011 figures, so the ceiling is
        # about 81.35 crore persons": a claim of its own before this one, which only the
        # whole sentence keeps ("how many persons is the ceiling Coverage was fixed
        # ...?", round 25, BROKEN)
    # (the colon itself may be no part of the clause: "La Niña is the reverse: the trade
    # winds strengthen ...", round 23, BROKEN: "what is the reverse the trade winds ...")
    colons = [t.i for t in sent if t.text == ":" and t.i > c.verb.i
              and t.i < max(x.i for x in c.tokens())]
    if colons and a.span.start > colons[0]:
        return None  # "SBM has two components: A, under X, and B, under Y": a list
    if colons:  # what follows the colon is another claim
        c = g.Clause(c.verb, c.subject, c.aux, c.pre, c.front,
                     [[t for t in grp if t.i < colons[0]] for grp in c.rest], c.own_subject,
                     c.full_subject, c.commas, c.moved)
        c.rest = [grp for grp in c.rest if grp]
    if a.kind in ("date", "period") and _dates_a_target(a):
        return None  # "set a target of USD 100 billion by 2030": 2030 is the target's, not
        # when it was set ("by when did the two sides set a target?", round 23, WRONG)
    if a.kind in ("date", "period") and _dates_a_from(a):
        return None  # "moved up one place from 135th in 2021": 2021 is when it was
        # 135th, not when it moved ("when did India move up?" -> 2021, round 22, WRONG)
    if a.kind in ("date", "period") and sum(1 for t in c.tokens() if t.ent_type_ == "DATE"
                                             and t.ent_iob_ == "B") > 1:
        return None  # "turned the failure of 2019 into the success of 2023": which is when?
    slot = _slot(c, a.root)
    if slot is None or (c.subject and c.subject[0].tag_ == "VB"):
        return None  # "Strengthen POSHAN Abhiyaan, launched ...": a step, not a subject
    if _compared(a, c) or _absolute(c) or _headline(c):
        return None
    start = c.subject[0].i if c.subject else c.verb.i
    if any(t.text in (":", ";") and t.i < start for t in sent):
        return None  # "Warmer oceans also cause coral bleaching: in April 2024 NOAA
        # confirmed ...": the claim before the colon is no part of the question ("what
        # confirmed the ... event Warmer oceans cause coral bleaching?", round 23, BROKEN)
    dep, child = slot
    answer_ids = set(range(a.span.start, a.span.end))
    if dep == "subject":
        if not _covers(a, child) or a.kind in ("date", "period", "duration"):
            return None
        core = [t for t in c.subject if not t.is_punct and t.dep_ != "det"]
        if core and (core[0].i < a.span.start or core[-1].i >= a.span.end) \
                and a.kind not in ("count", "ordinal"):
            return None  # "ISRO and France's CNES have built ...": the answer is all of it
        wh = _wh(a, "subject", child, subs)
        if wh is None:
            return None
        _, verb_words = g.verb_group(c, invert=False, bare_wh=wh in ("What", "Who"))
        rest = _plain(g.without_asides([t for group in c.rest for t in group], set()))
        front = _plain(g.without_asides([t for group in c.front for t in group], set()))
        used = [*rest, *front]
        if _splits_a_name(used, sent) or _bare_relative(used, subs) \
                or _drops_a_condition(c, used):
            return None
        text = g.join(wh, verb_words, c.said_after(rest, subs), _moved(front, subs),
                      _when(c))
        asked = _finish(text, c, subs)
        return (asked, used) if asked else None
    if dep in ("prep", "agent"):
        objects = [t for t in child.children if t.dep_ == "pobj"]
        if not objects or not _covers(a, objects[0]) or not _attached(a, child, c) or (
                a.kind not in ("provision",) and not _whole(a, objects[0])):
            return None
        wh = _wh(a, "agent" if dep == "agent" else "prep", child, subs)
    elif dep in OBJECTS:
        if not _covers(a, child) or not _whole(a, child):
            return None
        if child.dep_ == "oprd" and c.verb.lemma_ in _NAMING:
            return None  # "moneylenders, whom the Mundas called dikus": what they were
            # called is asked with who called whom, whole ("which outsiders did the
            # Mundas call moneylenders?", round 27, WRONG: the relation turned round)
        wh = _wh(a, "object", child, subs)
    else:
        return None
    if wh is None:
        return None
    before, after = g.verb_group(c, invert=True)
    if not before or not c.subject:
        return None
    slot_ids = {t.i for t in g.subtree(child)}
    doc = a.span.doc
    if a.kind == "provision" and a.span.end < len(doc) and doc[a.span.end].lower_ == "of" \
            and a.span.end not in slot_ids:
        # "... on 31 December 2023 under Article 280(1) of the Constitution", the "of"
        # hung on the verb: it goes with the Article ("Under which Article of the
        # Constitution was ...?"), not after the date
        of = g.subtree(doc[a.span.end])
        slot_ids |= {t.i for t in of}
        wh = g.join(wh, g.render(of, subs))
    doc_ = a.span.doc
    if a.span.end + 1 < len(doc_) and doc_[a.span.end].text == ",":
        # "carved out of Bihar on 15 November 2000, Birsa's birth anniversary": what the
        # date was goes with the date ("when was ... carved out of Bihar, Birsa's birth
        # anniversary?", round 27, BROKEN)
        slot_ids |= {t.i for group in c.rest if group and group[0].i in (a.span.end,
                                                                         a.span.end + 1)
                     and any(t.dep_ in ("npadvmod", "appos") and t.pos_ == "NOUN"
                             for t in group) for t in group}
    rest = _plain(g.without_asides([t for group in c.rest for t in group
                                    if t.i not in slot_ids], set()))
    front = _plain(g.without_asides([t for group in c.front for t in group
                                     if t.i not in slot_ids], set()))
    subject = g.lower_start(g.render(c.subject, subs), c.subject[0], subs)
    used = [*c.subject, *rest, *front]
    if answer_ids & {t.i for t in used} or _gapped(used) or _splits_a_name(used, sent) \
            or _drops_a_condition(c, used) or _orphans_a_from(used) \
            or _bare_relative([*used, *c.subject], subs):
        return None
    # "schemes that the Prime Minister launched in Kolkata": the relative word is the
    # object, which follows its verb ("launch the three schemes in ...?"), not the end
    objects = [t for t in front if t.dep_ == "dobj" and t.tag_ in ("WDT", "WP") and t.i in subs]
    front = [t for t in front if t not in objects]
    text = g.join(wh, before, subject, after, g.render([*objects, *rest], subs),
                  _moved(front, subs), _when(c))
    asked = _finish(text, c, subs)
    return (asked, used) if asked else None


def _when(c: g.Clause) -> str:
    """'(signed in 2006,) when King Abdullah was the Chief Guest': the time the clause's
    'when' stands for, which its question keeps ('... celebrations in 2006?'; round 21,
    BROKEN: every Republic Day has a Chief Guest)."""
    verb = c.verb
    if verb.dep_ != "relcl" or verb.head.ent_type_ != "DATE" or not any(
            t.tag_ == "WRB" and t.lower_ == "when" for t in verb.children):
        return ""
    date = next((e for e in verb.sent.ents if e.start <= verb.head.i < e.end), None)
    if date is None or date.end > verb.i:
        return ""
    return f"{'on' if _DAY.match(date.text) else 'in'} {date.text}"


_DAY = re.compile(r"\d{1,2}\s")  # "17 September 2022": on a day, in a month or year


def _plain(tokens: list[Token]) -> list[Token]:
    """Without the words that tie a sentence to the one before ('the pandemic then pushed
    the deficit above 9%'): a question stands alone."""
    linking = {i for t in tokens if t.dep_ == "prep"
               for i in _linking_phrase(t)}  # "In response, the Cabinet approved ..."
    return [t for t in tokens if not (t.dep_ == "advmod" and t.lower_ in (
        *g.CONNECTIVES, "so", "thus", "hence", "therefore") and not list(t.children))
        and t.i not in linking]  # ("how many persons is the ceiling so?", round 25)


_LINKING = frozenset({("in", "response"), ("in", "turn"), ("as", "result"), ("in", "addition"),
                      ("in", "contrast"), ("by", "contrast"), ("in", "return")})


def _linking_phrase(prep: Token) -> list[int]:
    """The token ids of 'in response', 'as a result', 'in turn' (nothing more to them)."""
    objects = [c for c in prep.children if c.dep_ == "pobj"]
    if len(objects) != 1 or len(list(prep.children)) != 1:
        return []
    noun = objects[0]
    if (prep.lower_, noun.lower_) not in _LINKING or any(c.dep_ != "det"
                                                        for c in noun.children):
        return []
    return [prep.i, *(t.i for t in noun.subtree)]


def _headline(c: g.Clause) -> bool:
    """'Repo rate cut to 4% on 22 May 2020': a note's headline, its verb a participle with
    the article and auxiliary left out (not 'did repo rate cut')."""
    head = next((t for t in c.subject if t.dep_ in g.SUBJECTS), None)
    return head is not None and head.tag_ == "NN" and not c.aux and not any(
        ch.dep_ in ("det", "poss") for ch in head.children) and c.verb.lower_ in SAME_PAST \
        and not any(ch.dep_ == "dobj" for ch in c.verb.children)


def _compared(a: Answer, c: g.Clause) -> bool:
    """'The language was softer than at Bali in 2022': a phrase after 'than' may belong
    to the comparison (Bali's year), not to the verb, whatever the parser hung it on."""
    doc = a.span.doc
    return any(t.lower_ == "than" for t in doc[c.verb.i + 1:a.span.start])


def _absolute(c: g.Clause) -> bool:
    """'19 countries and the EU, with the African Union added in 2023': a 'with' phrase
    the parser read as a clause has no finite verb to ask with."""
    doc = c.verb.doc
    subjects = [t for t in c.verb.children if t.dep_ in g.SUBJECTS]
    return len(subjects) > 1 or any(t.left_edge.i > 0 and doc[t.left_edge.i - 1].lower_
                                    == "with" for t in subjects)


def _drops_a_condition(c: g.Clause, used: list[Token]) -> bool:
    """'The Governor must act within one month when a Bill is re-passed': a rule (a
    modal verb) asked without the clause it holds under says something else."""
    ids = {t.i for t in used}
    if any(child.lower_ in ("except", "excepting", "barring", "save", "unless")
           and child.i not in ids for child in c.verb.children):
        return True  # "The 25th Amendment was upheld, except for the second part of
        # Article 31C": asked without its exception, a claim that is not so (round 25)
    return any(a.tag_ == "MD" for a in c.aux) and any(
        child.dep_ == "advcl" and child.i not in ids for child in c.verb.children)


def _moved(front: list[Token], subs: Mapping[int, tuple[int, str]]) -> str:
    """Words from before the subject, at the end of the question: 'on 11 December 2023'.
    A bare date gets the preposition its place at the front did not need ("2 October 1952
    - The ... Programme was launched": "launched on 2 October 1952?", round 18)."""
    if not front:
        return ""
    text = g.lower_start(g.render(front, subs), front[0], subs)
    if all(t.ent_type_ == "DATE" or t.is_punct for t in front) and _BARE_DATE.fullmatch(text):
        return f"{'in' if text[:1].isalpha() or len(text) == 4 else 'on'} {text}"
    return text


# a day, a month or a year alone ("2 October 1952", "December 1977", "1993")
_BARE_DATE = re.compile(rf"(?:\d{{1,2}} )?{MONTH_NAME} \d{{4}}|{YEAR}")


def _whole(a: Answer, head: Token) -> bool:
    """The answer is all of its phrase but the article ('the highest TFR' is no 'TFR')."""
    if a.kind in ("count", "ordinal"):
        return True
    rest = [t for t in g.subtree(head, g.aside) if not a.span.start <= t.i < a.span.end
            and not (t.dep_ in ("det", "punct") or t.is_bracket)]
    listed = [t for t in head.subtree if t.dep_ == "conj" and t.i >= a.span.end
              and t.head.i < a.span.end + 1 and a.span.start <= t.head.i]
    # ("the ten new entrants were A, B, C, ... and J": the model's span stopped at C;
    # "what were the ten new entrants?" -> "A, B, C" is WRONG, round 27)
    return not rest and not listed


def _splits_a_name(tokens: list[Token], sent: Span) -> bool:
    """The words kept cut through a name, date or figure of the sentence (keep half of
    '2021–22 to 2025–26' and the question says something else)."""
    kept = {t.i for t in tokens}
    for ent in sent.ents:
        inside = [t.i in kept for t in ent if not t.is_punct]
        if any(inside) and not all(inside):
            return True
    return False


def _cuts_a_name(a: Answer, sent: Span) -> bool:
    """The answer is part of a name the model found ('Nagar Haveli' of 'Dadra and Nagar
    Haveli'), not a year or a figure in it."""
    if a.kind not in ("name", "person", "law", "case", "place", "provision"):
        return False
    start, end = a.span.start, a.span.end
    for e in sent.ents:
        if e.label_ in ("DATE", "CARDINAL", "ORDINAL", "PERCENT", "MONEY", "QUANTITY"):
            continue
        first, last = e.start, e.end  # ("the Solicitor General's": its core)
        while first < last and (e.doc[first].pos_ == "DET" or e.doc[first].is_punct):
            first += 1
        while last > first and (e.doc[last - 1].tag_ == "POS" or e.doc[last - 1].is_punct):
            last -= 1
        if (first < start < last or first < end < last) and not (
                start <= first and last <= end):
            return True
    return False


def _named_with(a: Answer, sent: Span) -> bool:
    """A capitalised word just before the blank (or before its 'and') names the answer's
    own thing: 'The SECURE ____ project', 'the Tamil-majority Northern and ____' (->
    'Eastern Provinces'); not 'between India and ____' (-> 'Sri Lanka'), a thing of its
    own."""
    if a.kind not in ("name", "person", "place"):
        return False
    start = a.span.start
    before = [sent.doc[i] for i in (start - 1, start - 2) if i >= sent.start]
    if len(before) == 2 and before[0].lower_ not in ("and", "&"):
        before = before[:1]
    # (before an "and", only a modifier: "Parliament and ____" -> "State Legislatures"
    # is two bodies, however the parser hangs them)
    if any(t.text[:1].isupper() and not t.is_sent_start and start <= t.head.i < a.span.end
           and t.dep_ in (("compound", "amod") if n == 0 else ("amod",))
           for n, t in enumerate(before)):
        return True
    # "Dadra and ____ and Daman and Diu": one name of many 'and's, however it is parsed
    after = sent.doc[a.span.end:min(a.span.end + 2, sent.end)]
    return len(before) == 2 and before[1].text[:1].isupper() and len(after) == 2 \
        and after[0].lower_ == "and" and after[1].text[:1].isupper()


def _drops_figures(tokens: list[Token], sent: Span) -> bool:
    """A clause cut out of its sentence that leaves out a figure between words it keeps
    ('in a ____ ratio, [90:10] for the North-Eastern States': which ratio is then asked?)."""
    kept = {t.i for t in tokens}
    if not kept:
        return False
    depth = 0
    for t in sent.doc[min(kept):max(kept)]:
        depth += (t.text == "(") - (t.text == ")")
        if depth == 0 and t.i not in kept and any(c.isdigit() for c in t.text):
            return True  # (a year in brackets is a side remark, left out on purpose)
        if depth == 0 and t.i not in kept and t.pos_ == "VERB" and t.dep_ == "advcl" \
                and sent.doc[max(kept)].i > t.right_edge.i + 1:
            return True  # "..., as it allowed unlimited contributions, even by ...": a
            # clause cut from the middle leaves what follows it hanging
    return False


def _gapped(tokens: list[Token]) -> bool:
    """A list the parser read wrong ('joined the MTCR in 2016, the Wassenaar Arrangement
    in 2017 and ...' with a name joined to a year): taking one part out would garble it."""
    return any((t.dep_ == "conj" and (t.pos_ == "NUM") != (t.head.pos_ == "NUM")
                and t.head.pos_ in ("NUM", "PROPN", "NOUN"))
               or (t.dep_ == "conj" and t.pos_ == "ADP")
               # "it rose from X to Y, and among men from Z to W": a verb left out
               or (t.dep_ == "cc" and not any(c.dep_ == "conj" for c in t.head.children))
               for t in tokens)


def _attached(a: Answer, prep: Token, c: g.Clause) -> bool:
    """Whether a phrase the parser hung on the verb surely belongs to it. Right after a
    noun ("its powers under Article 142") it may belong to the noun: a wh-question would
    then ask the wrong thing, so only dates (which belong to events) are asked so; and
    "since" asks about a lasting state, which a simple past does not have."""
    if prep.lower_ == "since" and not any(t.lemma_ == "have" for t in c.aux):
        return False
    if a.kind in ("date", "period", "duration"):
        return True
    before = prep.doc[prep.i - 1] if prep.i > 0 else None
    return before is None or before.i == c.verb.i or before.pos_ not in ("NOUN", "PROPN")


def _finish(text: str, c: g.Clause, subs: Mapping[int, tuple[int, str]]) -> str | None:
    """Capitalised, with a question mark; a reported clause says whose view it is (None
    when that is a relative word, which the question cannot carry)."""
    text = text.rstrip(" .")
    if c.verb.dep_ == "ccomp" and c.verb.head.lemma_ in g.SPEECH:
        speaker, _ = g.subject_of(c.verb.head)
        if speaker and speaker[0].lower_ in ("which", "that", "who", "whose"):
            return None  # "Article 13(4) and 368(3), which say that ...": whose view is in
            # the sentence's first clause ("according to which, ...?", round 25, BROKEN)
        if speaker and speaker[0].lower_ not in ("it", "they", "he", "she", "this"):
            who = g.lower_start(g.render(speaker, subs), speaker[0], subs)
            text = f"According to {who}, {text[:1].lower()}{text[1:]}"
    return text[:1].upper() + text[1:] + "?"


def _closes(last: Token, sent: Span) -> bool:
    """A line's last mark closes what it opened ("... the Lee Commission (1924)"): it is
    kept, unlike a full stop or a bracket whose opener a semicolon cut off."""
    text = sent.text
    if last.text in (")", "]"):
        opener = "(" if last.text == ")" else "["
        return text.count(opener) >= text.count(last.text)
    if last.text in ('"', "\u201d"):
        return text.count('"') % 2 == 0 if last.text == '"' else "\u201c" in text
    return False


def _cloze_sentence(a: Answer, sent: Span, subs: Mapping[int, tuple[int, str]], label: str,
                    title: str | None = None) -> Draft | None:
    root = sent.root
    if title is None and root.tag_ in ("VBZ", "VBD", "VBP") and root.i > sent.start \
            and sent.doc[root.i - 1].text == "," and sent[0].dep_ == "prep" \
            and sent[0].head == root and not any(
                c.dep_ in g.SUBJECTS or c.dep_ == "ccomp" for c in root.children):
        return None  # "- Under the Companies Act, 2013, appoints the statutory auditors
        # ...": a list's subject left unsaid (the CAG), which the quote cannot show
    tokens = [t for t in sent if not (t.is_punct and t.i == sent.end - 1
                                      and not _closes(t, sent))]
    # the whole sentence keeps its own "which": "than India, which abstained", not
    # "than India, India abstained"
    subs = {start: sub for start, sub in subs.items()
            if sent.doc[start].tag_ not in ("WDT", "WP", "WP$")}
    return _blanked(a, tokens, subs, sent, label, title)


def _cloze(a: Answer, c: g.Clause, subs: Mapping[int, tuple[int, str]], sent: Span,
           label: str) -> Draft | None:
    if not c.subject and c.verb.tag_ != "VB":
        return None  # "Ended without agreement at ...": whose? (the parser lost it)
    answer_ids = set(range(a.span.start, a.span.end))
    tokens = g.with_brackets(g.without_asides(c.tokens(), answer_ids))
    if _bare_relative(tokens, subs):
        return None  # "Whose ____ was signed in 2015.": only the whole sentence says whose
    return _blanked(a, tokens, subs, sent, label)


def _cropped(tokens: list[Token], a: Answer, blanked: Mapping[int, tuple[int, str]]
             ) -> str | None:
    """A long list sentence cut to its opening and the part with the blank: 'The tribunal
    allocated 419 tmcft to Tamil Nadu, ____ tmcft to Karnataka, …'."""
    parts: list[list[Token]] = [[]]
    depth = 0
    # a list whose members are set apart by semicolons is cut at them ("the SICA, 1985;
    # the RDDBFI Act, 1993; and the SARFAESI Act, 2002": the commas are inside names)
    sep = ";" if any(t.text == ";" for t in tokens) else ","
    for t in tokens:
        depth += (t.text == "(") - (t.text == ")")
        if t.text == sep and depth == 0 and not a.span.start <= t.i < a.span.end \
                and t.ent_iob_ != "I":  # (not the comma of "the SARFAESI Act, 2002")
            parts.append([])
        else:
            parts[-1].append(t)
    parts = [p for p in parts if p]
    k = next((n for n, p in enumerate(parts) if any(t.i == a.span.start for t in p)), None)
    if k is None or len(parts) < 3:
        return None
    if a.root.dep_ == "conj" or any(c.dep_ == "conj" for c in a.root.children):
        return None  # "along with the ____, …" -> "UAE": the list's other members, cut
        # to "…", fit the blank as well (round 21, BROKEN x2)
    # "… the Sick Industrial Companies (Special Provisions) Act (SICA), ____;": a part
    # that is only its blank keeps the part it belongs to
    alone = not [t for t in parts[k] if not t.is_punct and not a.span.start <= t.i < a.span.end]
    first = k - 1 if alone and k > 1 else k
    # the part with the sentence's verb is kept too ("The Union Cabinet, …, with an
    # overall outlay of ____": no verb, round 24, WEAK)
    # (if that is too long, the fact is still asked, verbless)
    verb = next((n for n, p in enumerate(parts) if any(t.i == a.span.sent.root.i for t in p)), 0)
    for kept in (sorted({0, verb, *range(first, k + 1)}), sorted({0, *range(first, k + 1)})):
        pieces: list[str] = []
        for n, index in enumerate(kept):
            if n and index > kept[n - 1] + 1:
                pieces.append("\u2026")
            pieces.append(g.render(parts[index], blanked))
        if k < len(parts) - 1:
            pieces.append("\u2026")
        text = f"{sep} ".join(pieces).rstrip(" .;:,")
        if len(text.split()) <= CROP_WORDS:
            return text
    return None


_DANGLING_VERB = re.compile(r"\b(?:is|are|was|were|has|have|had|be|been|being|will|"
                            r"would|can|could|may|must|shall|should)\W*$", re.IGNORECASE)


def _starts_with_a_figure(sent: Span) -> bool:
    """A line that opens with a measure ('7,13,789 sq km, or 21.71% of the area'), a
    statistic; not an amount ('₹1 lakh in the first tranche'), which is a provision."""
    first = next((t for t in sent if not t.is_punct), None)
    return first is not None and first.like_num and first.ent_type_ in ("QUANTITY", "PERCENT")


_PLAIN_TITLE = re.compile(r"[A-Z][a-z]+(?:[ -][a-z]+){0,3}")


def _copula(title: str, sent: Span) -> str | None:
    """The verb a verbless line's title takes ("is", "are"), if the line is a value it
    can take ("Unit assistance: Rs 1.20 lakh in the plains"): not "Launched: Rs 5 crore",
    not a line with a verb of its own."""
    if not _PLAIN_TITLE.fullmatch(title) or title.split()[-1].endswith("ed") \
            or " and " in title:
        return None  # (nor "Outlay and duration", which is two things)
    words = [t for t in sent if not t.is_punct]
    if not words or g.has_finite_verb(sent):
        return None
    first = words[0]
    # a value (an amount, a ratio); not a noun phrase, whose title may be a field rather
    # than a property ("Quantum computing: Intermediate-scale quantum computers with
    # 50-1000 qubits" under "Targets" is no "Quantum computing is ..."), nor a participle,
    # which may say what the item is ("Magnetometer: Built by ...") or what its title
    # is of ("Launch: Launched by ..." is no "Launch is launched by ...")
    value = first.ent_type_ == "MONEY" or is_ratio(first.text)
    if not value or any(t.text == ":" for t in sent):
        return None
    last = title.split()[-1].lower()
    plural = last.endswith("s") and not last.endswith(("ss", "us", "is"))
    return "are" if plural else "is"


_LINKS = g.CONNECTIVES | frozenset("still yet besides furthermore additionally similarly "
                                   "likewise nevertheless nonetheless hence".split())


def _told(tokens: list[Token], sent: Span) -> tuple[int, str] | None:
    """A verbless line that names a thing and then says, after a comma, what was done
    with it ("The aircraft carrier INS Vikramaditya, commissioned in 2013"): the comma
    and the passive verb it stands for ("was", "were")."""
    if any(t.tag_ in ("VBD", "VBZ", "VBP", "MD") for t in sent):
        return None
    ids = {t.i for t in tokens}
    doc = sent.doc
    for t in sent:
        if t.dep_ == "acl" and t.tag_ == "VBN" and t.i - 1 in ids and t.i in ids \
                and t.head.pos_ != "NUM" \
                and doc[t.i - 1].text == "," and t.head.pos_ in ("NOUN", "PROPN") \
                and t.head.head.i == t.head.i and t.head.dep_ == "ROOT" \
                and not any(doc[i].text == "," for i in range(sent.start, t.i - 1)
                            if doc[i].i in ids and doc[i].head.i != t.head.i):
            return t.i - 1, "were" if t.head.tag_ in ("NNS", "NNPS") else "was"
        subject = next((c for c in t.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if t.dep_ == "ROOT" and t.tag_ == "VBN" and subject is not None \
                and subject.pos_ in ("NOUN", "PROPN") \
                and t.i - 1 in ids and doc[t.i - 1].text == "," \
                and not any(c.dep_ in ("aux", "auxpass") for c in t.children):
            # (the parser's reading of the same line: the participle as its verb)
            return t.i - 1, "were" if subject.tag_ in ("NNS", "NNPS") else "was"
    return None


def _spelled_after(a: Answer, sent: Span) -> set[int]:
    """The bracket right after an abbreviation that spells it out ('YES-TECH (Yield
    Estimation System based on Technology)'), as token indices; empty if none."""
    doc = sent.doc
    if a.span.end >= sent.end or doc[a.span.end].text != "(":
        return set()
    close = next((t.i for t in doc[a.span.end:sent.end] if t.text == ")"), None)
    if close is None or not re.fullmatch(ABBREVIATION, a.text):
        return set()
    inside = doc[a.span.end + 1:close].text
    return set(range(a.span.end, close + 1)) if spells(a.text, inside) else set()


def _blanked(a: Answer, tokens: list[Token], subs: Mapping[int, tuple[int, str]], sent: Span,
             label: str, title: str | None = None) -> Draft | None:
    ids = {t.i for t in tokens}
    if not set(range(a.span.start, a.span.end)) <= ids:
        return None
    if _cuts_a_name(a, sent) or _named_with(a, sent):
        return None  # "Dadra and ____" -> "Nagar Haveli", "The SECURE ____ project"
    opens_with_that = g.render(tokens, subs).lower().startswith("that ") \
        and not sent.text.lower().startswith("that ")
    if (_splits_a_name(tokens, sent) or _drops_figures(tokens, sent) or opens_with_that) \
            and len(tokens) < len(sent) - 1:
        # ("That PMUY beneficiaries ... consumed on average ____": a reported clause cut
        # from "The CAG audit found that ...", round 22, BROKEN)
        # (a long sentence is cut to the part with its blank)
        return _cloze_sentence(a, sent, subs, label, title)
    # "The Union Budget, presented by ... on 1 February 2025, set ...": a comma between
    # two words kept is kept (the clause's own comma closes what the subject's opened)
    doc = sent.doc
    # "...; and Telangana adopted a Cool Roof Policy in 2023": the "and" joined it to
    # the claim before the semicolon, which the quote does not show
    tokens = [t for t in tokens if not (t.i == sent.start and t.i > 0 and t.pos_ == "CCONJ"
                                        and doc[t.i - 1].text == ";")]
    # "However, SIPRI data show ...": the quote stands alone, and its link to the
    # sentence before (which it does not show) is left out
    if len(tokens) > 2 and tokens[0].i == sent.start and tokens[0].lower_ in _LINKS \
            and tokens[1].text == ",":
        tokens = tokens[2:]
    tokens = sorted([*tokens, *(doc[i] for i in range(sent.start + 1, sent.end - 1)
                                if doc[i].text in (",", ":", ";") and i not in ids
                                and i - 1 in ids and i + 1 in ids)], key=lambda t: t.i)
    spelled = _spelled_after(a, sent)
    if spelled:  # "supported by ____ (Yield Estimation System based on Technology)" ->
        # "YES-TECH": the bracket spells the answer out (round 24, BROKEN)
        tokens = [t for t in tokens if t.i not in spelled]
    blanked = {**subs, a.span.start: (a.span.end, "____")}
    told = _told(tokens, sent)
    if told is not None:  # "The S-400 air defence system, contracted in ____" -> "The
        # S-400 air defence system was contracted in ____." (round 23: the verbless stems
        # of a list of defence deals, all WEAK)
        comma, be = told
        blanked[comma] = (comma + 1, f" {be}")
    context = g.render(tokens, blanked).rstrip(" .;:,")
    if len(context.split()) > CROP_WORDS:
        context = _cropped(tokens, a, blanked) or context
    if title and not [t for t in tokens if not t.is_punct
                      and not a.span.start <= t.i < a.span.end]:
        return None  # "ECTA signed: ____": the item's own card asks it
    context = context[:1].upper() + context[1:]
    if title and _starts_with_a_figure(sent) and not any(g.is_verb(t) and t.dep_ == "ROOT"
                                                         for t in sent):
        # "Forest cover: 7,13,789 sq km, or 21.71% ...": a figure line, given a verb
        context = f"{title} stood at {context[:1].lower()}{context[1:]}" \
            if not context.startswith("____") else f"{title} stood at {context}"
    elif title and (copula := _copula(title, sent)):
        # "Unit assistance: ____ in the plains, and ...": a verbless stem, given the verb
        # its title stands for ("Unit assistance is ____ in the plains ..."; round 23 and
        # earlier judged the stem WEAK)
        first = next((t for t in sent if not t.is_punct), None)
        shown = context if context.startswith("____") else g.lower_start(context, first)
        context = f"{title} {copula} {shown}"
    elif title:
        context = f"{title}: {context}"
    if _thin(context, 2):
        return None  # "____ dissented.": too little of the claim to know which is meant
    if _DANGLING_VERB.search(context):
        return None  # "Cheating (____ IPC) is.": the clause lost what it says
    prefix = f"{label[:1].upper()}{label[1:]}: fill in the blank" if label else \
        "Fill in the blank"
    stop = "" if context.endswith(("\u2026", '."', ".\u201d", '?"', "?\u201d")) else "."
    question = f"{prefix} ({HINTS[a.kind]}): \u201c{context}{stop}\u201d"
    used = [t for t in tokens if not a.span.start <= t.i < a.span.end]
    return Draft(a.kind, question, a.text, "cloze", sent, a.span, used)
