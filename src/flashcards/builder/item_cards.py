"""Cards for a section's items: what each one means (its explanation, or its first
claim 'in one line'), which one a description names, and one card asking for the whole
list."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from flashcards.builder import gate
from flashcards.builder import grammar as g
from flashcards.builder import language as lang
from flashcards.builder.context import Context, is_the_topic, labelled, unresolved
from flashcards.builder.nlp import CURRENCIES
from flashcards.builder.refs import PRONOUNS
from flashcards.builder.structure import Item, Section

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from flashcards.domain import CardDraft

LIST_MAX = 10

# sections whose item titles are names a student recalls from their description
NAMED_ITEMS = frozenset({"challenge", "opportunity", "significance", "measure", "way-forward"})

def capital_runs(text: str) -> list[str]:
    """Runs of two or more capitalised words: 'United Nations Peacekeeping' -> the run
    and its leading parts ('United Nations'), whose initials may stand for them."""
    runs = re.findall(r"(?:[A-Z][\w'’-]*\s+){1,}[A-Z][\w'’-]*", text)
    out = []
    for run in runs:
        words = run.split()
        out += [" ".join(words[:n]) for n in range(2, len(words) + 1)]
    return out

def _first_claim(doc: Doc | None, item: Item) -> str:
    """An item's explanation as one claim: its first sentence, cut to its main clause
    when it runs over the answer limit; sub-points when there is no explanation."""
    if doc is None:
        subs = [s.strip() for s in item.subs if s.strip()]
        # (one sub-point is the explanation itself, not a list of one)
        joined = subs[0] if len(subs) == 1 else "\n".join(f"- {s}" for s in subs)
        # too long to recall whole: each sub-point's facts are asked on their own
        return joined if len(joined.split()) <= gate.MAX_PARTS_WORDS else ""
    whole = doc.text.strip()
    subs = [f"{' ' * (len(s) - len(s.lstrip()))}- {s.strip()}" for s in item.subs if s.strip()]
    if subs and len(" ".join([whole, *subs]).split()) <= gate.MAX_PARTS_WORDS:
        return "\n".join([whole, *subs])
    heads = [_sub_head(s) for s in item.subs if s.strip()]
    if whole.endswith(":") and heads and all(heads) and len(
            " ".join([whole, *heads]).split()) <= gate.MAX_PARTS_WORDS:
        # "The Mission follows a sequenced strategy:" + "Phase I: Change in Demand – ...":
        # the lead-in and the sub-points' own titles
        return "\n".join([whole, *(f"- {h}" for h in heads)])
    if whole.endswith(":") and subs:
        return ""  # a lead-in alone says nothing: the sub-points are asked one by one
    several = len(list(doc.sents)) > 1
    if len(whole.split()) <= (gate.MAX_PARTS_WORDS if several else gate.MAX_ANSWER_WORDS):
        return whole
    sent = next(iter(doc.sents))
    text = as_sentence(sent.text)
    if len(text.split()) <= gate.MAX_ANSWER_WORDS:
        return text
    cut = _cut_at_comma(sent) or _main_clause(sent)
    kept = set(re.findall(r"[\w'-]+", cut))
    if any(t.dep_ in ("conj", "appos") and t.head.pos_ in ("NOUN", "PROPN")
           and t.head.text in kept and t.text not in kept for t in sent):
        return ""  # the cut would drop part of a list ("a Selection Committee of the Prime
        # Minister, the Leader of Opposition ... and a Minister"): half a list is wrong
    return cut


def _sub_head(sub: str) -> str:
    """'Phase I: Change in Demand – nudging individuals to ...' -> 'Phase I: Change in
    Demand'; '' when the sub-point has no short title before a dash."""
    for dash in (" \u2013 ", " \u2014 ", " - "):
        head, found, _ = sub.strip().partition(dash)
        if found and 0 < len(head.split()) <= 8:
            return head
    return ""


def as_sentence(text: str) -> str:
    """A first sentence cut at its ';' or ':' ends with a full stop."""
    text = text.strip()
    return text[:-1].rstrip() + "." if text.endswith((";", ":", ",")) else text


def _cut(claim: str, doc: Doc | None, item: Item) -> bool:
    """Whether the explain card's answer is less than the whole explanation."""
    whole = [doc.text] if doc is not None else []
    whole += [_sub_head(s) or s for s in item.subs if s.strip()]  # (a sub-point's title
    said = lang.norm(claim)  # stands for it)
    return any(lang.norm(part) not in said for part in whole)


def _several(doc: Doc | None, item: Item) -> bool:
    """An explanation of more than one sentence or with sub-points."""
    return bool([s for s in item.subs if s.strip()]) or (
        doc is not None and len(list(doc.sents)) > 1)


def _in_one_line(question: str) -> str:
    """'Label: what is meant by X?' -> 'Label: what is meant by X, in one line?'."""
    return question[:-1] + ", in one line?" if question.endswith("?") else question


def _cut_at_comma(sent: Span) -> str | None:
    """A long sentence cut at its last comma within the answer limit, when what comes
    before it is the whole main clause ('... leave out many migrant households,
    especially in cities where ...' -> up to 'households')."""
    root = sent.root
    needed = [root, *(c for c in root.children if c.dep_ in ("dobj", "attr", "acomp", "xcomp",
                                                              "ccomp", "prep", "agent"))]
    best = None
    for token in sent:
        if token.text != "," or token.i <= max(t.i for t in needed):
            continue
        text = sent.doc[sent.start:token.i].text
        # not inside a list ("a Selection Committee of the Prime Minister (Chairperson), the
        # Leader of Opposition ... and a Union Cabinet Minister"): half of it is wrong
        listed = any(t.dep_ == "conj" and t.head.i < token.i < t.i for t in sent)
        if len(text.split()) <= gate.MAX_ANSWER_WORDS and not listed:
            best = text
    return f"{best}." if best else None


_SIDE = frozenset({"advcl", "relcl", "acl", "appos", "parataxis"})


def _main_clause(sent: Span) -> str:
    """A sentence cut to its main clause (no clauses of reason or time, no relative
    clauses or side remarks) and, if still too long, its last phrases dropped one by
    one."""
    c = g.clause(sent.root, lean=True)
    groups = [g.subtree(group_head, _SIDE) for group_head in
              (min(grp, key=lambda t: t.i if t.head.i == c.verb.i else len(t.doc))
               for grp in c.rest) if group_head.dep_ not in _SIDE]
    head = [*[t for grp in c.front for t in grp], *c.subject, *c.aux, *c.pre, c.verb]
    while True:
        words = head + [t for grp in groups for t in grp]
        text = g.render(g.with_brackets(g.without_asides(words, set()))).rstrip(" ,;:")
        if len(text.split()) <= gate.MAX_ANSWER_WORDS or len(groups) <= 1:
            return text + "."
        groups.pop()


def _dated(doc: Doc) -> bool:
    """'ECTA signed: 2 April 2022', 'First 2+2 dialogue: September 2021, New Delhi': an
    explanation that is a date (and perhaps a place), no definition."""
    sent = next(iter(doc.sents))
    words = [t for t in sent if not t.is_punct]
    dated = [t for t in words if t.ent_type_ == "DATE"]
    when = re.search(rf"\b{lang.YEAR}\b", sent.text) or lang.MONTH.search(sent.text)
    return bool(words) and words[0].ent_type_ == "DATE" and len(dated) * 2 >= len(words) \
        and when is not None  # ("4 per year" is a rate, not a date)


_EXAMPLES = re.compile(r"(?:[A-Z][\w'’-]*\s+){1,3}such\s+as\b")


def _instances(doc: Doc) -> bool:
    """'Re-promulgation: Laws such as the Enemy Property ... Ordinance were promulgated
    five times in 2016-17, ...': examples of what happened, in the past tense, which do
    not say what the title means (round 19, WRONG): its card asks for the examples."""
    return bool(_EXAMPLES.match(doc.text.strip())) and any(
        t.tag_ == "VBD" or (t.tag_ == "VBN" and any(
            a.dep_ in ("aux", "auxpass") and a.tag_ == "VBD" for a in t.children))
        for t in doc if t.dep_ == "ROOT" or (t.dep_ == "conj" and t.head.dep_ == "ROOT"))


def _a_name(doc: Doc) -> bool:
    """'Naval exercise: AUSINDEX': an explanation that is only a name."""
    words = [t for t in doc if not t.is_punct]
    return 0 < len(words) <= 4 and all(t.pos_ == "PROPN" or t.text.isupper() for t in words)


# headings under which a noun phrase after a title is what the title means
_TERMS = re.compile(r"\b(?:terms?|concepts?|definitions?|glossary|basics?|meaning|"
                    r"what is|what are|keywords?|key words)\b", re.IGNORECASE)


def _defines(doc: Doc) -> bool:
    """'Data Principal: The individual to whom the personal data relates.': the
    explanation is a noun phrase (no verb of its own), a definition."""
    root = next(iter(doc.sents)).root
    return root.pos_ in ("NOUN", "PROPN") and not _figures(doc)


def _generic(title: str) -> bool:
    """'Trend', 'Leading states', 'Legal protection': a label that names no thing (no
    name, figure or Section after its first word), which says nothing alone."""
    words = title.split()
    return len(words) <= 3 and not any(ch.isdigit() for ch in title) \
        and not any(w[:1].isupper() for w in words[1:]) and words[0].upper() != words[0]


def _each_sentence_asked(doc: Doc | None, fresh: Sequence[CardDraft]) -> bool:
    """Every sentence of the item has a fact card of its own."""
    if doc is None:
        return False
    texts = [c.question for c in fresh if c.kind == "fact"]
    return bool(texts) and all(
        any(_shares_words(sent.text, q) for q in texts) for sent in doc.sents)


def _shares_words(sentence: str, question: str) -> bool:
    """The question is built on the sentence: most of its long words are in it."""
    words = {w.lower() for w in re.findall(r"[A-Za-z]{4,}", sentence)}
    found = {w.lower() for w in re.findall(r"[A-Za-z]{4,}", question)}
    return bool(words) and len(words & found) * 2 >= len(words)


def _all_asked(claim: str, fresh: Sequence[CardDraft], title: str) -> bool:
    """The explanation is figures its fact cards ask and little else: no more than three
    words (of four letters or more) outside them and the title."""
    answers = [c.answer for c in fresh if c.kind == "fact"]
    if len(answers) < 2 or not all(any(ch.isdigit() for ch in a) for a in answers):
        return False
    left = claim
    for answer in sorted(answers, key=len, reverse=True):
        if answer not in left:
            return False
        left = left.replace(answer, " ")
    titled = {w.lower() for w in re.findall(r"\w+", title)}
    rest = [w for w in re.findall(r"[A-Za-z]{4,}", left) if w.lower() not in titled]
    return len(rest) <= 3


def _figures(doc: Doc) -> bool:
    """'Mangroves – 4,992 sq km, an increase of 17 sq km', 'Failure to ... – up to ₹250
    crore': a phrase with no verb that is figures (it starts with one, or a dash leads
    to one), which is no definition ('Installation of 20 lakh solar pumps' is one)."""
    sent = next(iter(doc.sents))
    if sent.root.pos_ not in ("NOUN", "PROPN", "NUM"):
        return False
    first = next((t for t in sent if not t.is_punct), None)
    return first is not None and (first.like_num or first.text in CURRENCIES) or bool(
        re.search(r"\s[–—-]\s+(?:up\s+to\s+|about\s+|over\s+)?(?:[₹$€£]|Rs\b|\d)",
                  sent.text))


def _masked(text: str, title: str, label: str) -> str:
    """The explanation with the title's words blanked (and their initials: 'UN' for
    'United Nations'), so it does not give them away; not the words the label shows
    anyway ('India' of the 'Law Commission of India' under 'Election Commission of
    India': "the Chief Justice of ____")."""
    shown = {w.lower() for w in re.findall(r"[\w’'-]+", label)}
    words = [w for w in re.findall(r"[\w’'-]+(?:&[\w’'-]+)*", title)
             if w.lower() not in gate.STOP and w.lower() not in shown]  # ("R&D" is one
    # word: "Gross Expenditure on ____&____" was WEAK, round 24)
    words += [a for a in (gate.acronym(run) for run in capital_runs(title)) if a]
    out = text
    for word in sorted(words, key=len, reverse=True):
        stem = re.escape(word[:-1] if len(word) > 4 and word[-1] in "sy" else word)
        rest = r"\w*" if len(word) > 1 else r"\b"  # (the "C" of "D.C. Wadhwa" is no stem
        # of "Court" and "Constitution": round 19)
        out = re.sub(rf"\b{stem}{rest}", "____", out, flags=re.IGNORECASE)
    out = re.sub(r"____(?:[\s-]+____)+", "____", out)
    return out


def item_cards(item: Item, doc: Doc | None, section: Section, slug: str,
               ctx: Context, fresh: Sequence[CardDraft] = ()) -> None:
    """The cards of one item; `fresh` are the fact cards its own sentences just made."""
    _item_cards(item, doc, section, slug, ctx, fresh)
    if item.title and not item.asked and lang.is_case(item.title):
        _case_cards(item.title, section, f"{slug}/{lang.slug(item.title, 6)}",
                    (item.line_start, item.line_end), ctx)


def _item_cards(item: Item, doc: Doc | None, section: Section, slug: str,
                ctx: Context, fresh: Sequence[CardDraft] = ()) -> None:
    span = (item.line_start, item.line_end)
    key = f"{slug}/{lang.slug(item.title or item.body, 6)}"
    if item.asked and item.title:  # "Q: Who brokered the treaty? A: The World Bank ..."
        question = labelled(item.title, ctx)
        ctx.add(f"{key}/asked", "fact", question, item.body, section, span,
                gate.judge(question, item.body, finite_verb=True, unresolved=(),
                           expansions=ctx.expansions, explains=True))
        return
    if not item.title:
        blanks = [c.answer for c in fresh if c.kind == "fact"] \
            if section.kind not in NAMED_ITEMS else []  # (a concern or a step is asked
        # whole, as the item it is)
        if not _holding_card(item, doc, section, key, ctx):
            _statement_card(item, doc, section, key, ctx, blanks)
        return
    if doc is not None and _PROVISION.fullmatch(item.title) and _provision_cards(
            item, doc, section, key, ctx):
        return
    claim = _first_claim(doc, item)
    if not claim and item.subs:
        return  # sub-points too long to recall as one answer: asked one by one
    if not claim and not any(i.body or i.subs for i in section.items):
        return  # a list of names ("- **Quantum Computing**"): its list card asks them
    if not claim and item.body:
        return  # too long to recall whole, and no shorter part of it is the whole of a
        # claim (half a list of members is wrong): its facts are asked one by one
    if not claim:
        ctx.warnings.append(f"{section.heading}, line {item.line_start}: item "
                            f"\u201c{item.title}\u201d has no explanation")
        return
    if _recommender(section, item):  # "- Law Commission, 170th Report (1999): ..."
        question = labelled(f"What did {_the(item.title)} recommend?", ctx)
    elif item.side:  # "Gadgil: ..." under "Institutions:", as again under "Approach:" (no
        # "what is said about “Gadgil”?" nor "what is given for “Gadgil”?", round 27)
        question = labelled(f"What is {item.side}\u2019s position on "
                            f"\u201c{section.heading}\u201d?", ctx)
    elif item.column and item.column == item.title:  # a ranking table's row: "what is
        # given for “Kerala”?" (not "what is said about “1 (joint)”?", round 27)
        question = labelled(f"Under \u201c{section.heading}\u201d, what is given for "
                            f"\u201c{item.title}\u201d?", ctx)
    elif item.column:  # "Court | Supreme Court | High Courts" under "Basis | Article 32 |
        # Article 226" (not "what is the name of the “Court, Article 32”?", round 26)
        row = item.title.removesuffix(f", {item.column}")
        question = labelled(f"Under \u201c{section.heading}\u201d, what is given for "
                            f"{item.column} under \u201c{row}\u201d?", ctx)  # (not "what is
        # the “Against whom” for Article 32?": a row's name is no noun, round 26's review)
    elif section.kind in NAMED_ITEMS and doc is not None and _instances(doc):
        question = labelled(f"Under \u201c{section.heading}\u201d, what examples are given "
                            f"of \u201c{item.title}\u201d?", ctx)
    elif section.kind in NAMED_ITEMS:
        noun = section.singular
        if noun.lower() in item.title.lower():  # "the right “Rights”"
            noun = {"challenge": "challenge", "opportunity": "opportunity"}.get(section.kind,
                                                                              "point")
        question = labelled(f"What is meant by the {noun} \u201c{item.title}\u201d?", ctx)
    elif _YEAR_TITLE.fullmatch(item.title):  # "2006: 1,411 tigers." under a timeline
        question = labelled(f"Under \u201c{section.heading}\u201d, what is listed for "
                            f"{item.title}?", ctx)
    elif not section.explicit:  # "Scientific name: ...", "Decided: 24 April 1973" over
        # "Bench: 13 judges": a profile's fields, under no heading (not "under
        # “Introduction”, what is said about “Common name”?", nor "what is the name of the
        # “CITES”?" -> "Appendix I", round 25)
        question = labelled(f"What is listed as \u201c{item.title}\u201d?", ctx)
    elif lang.is_case(item.title):
        question = labelled(f"What was decided in {item.title}?", ctx)  # (not "what is
        # said about 'S.P. Sampath Kumar v. Union of India (1987)'?", nor "what is the
        # name of the 'K.S. Puttaswamy v Union of India (2017)'?" -> "Overruled ADM
        # Jabalpur", round 26)
    elif doc is not None and _dated(doc):
        question = labelled(f"What is the date of \u201c{item.title}\u201d?", ctx)
    elif doc is not None and _a_name(doc):
        question = labelled(f"What is the name of the \u201c{item.title}\u201d?", ctx)
    elif doc is not None and _defines(doc) and _TERMS.search(section.heading):
        question = labelled(f"What is meant by \u201c{item.title}\u201d?", ctx)
    elif doc is not None and _figures(doc) and any(c.kind == "fact" for c in fresh) \
            and section.kind not in NAMED_ITEMS:
        return  # "Quorum: 4 members": its blank asks it ("what are the figures for
        # 'Quorum'?" would ask it again, and vaguely)
    elif doc is not None and _figures(doc) and section.heading.endswith("?") \
            and len(section.heading.split()) >= 4:
        # under "How did the Fifteenth Finance Commission share taxes?" the heading says
        # whose figure it is, which the article's label would not
        many = len(re.findall(r"\d+(?:[.,]\d+)*", claim)) > 1
        question = f"{section.heading} What {'are the figures' if many else 'is the figure'} " \
            f"for \u201c{item.title}\u201d?"
    elif doc is not None and _figures(doc) and _COUNTED.search(claim):  # (not "First
        # national cooperative university, ...": an ordinal is no figure, round 28, WRONG)
        question = labelled(f"What are the figures for \u201c{item.title}\u201d?", ctx)
    elif doc is not None and any(c.source.line_start == item.line_start
                                 for c in ctx.cards if c.kind == "fact"
                                 and all(c is not f for f in fresh)):
        return  # a background point: its facts are asked, its heading is no question
    elif section.kind == "overview" and _generic(item.title) \
            and _each_sentence_asked(doc, fresh):
        return  # "- **Trend:** ISFR 2021 recorded an increase of 17 sq km ...": its blanks
        # ask its facts, and "under 'Key facts', what is said about 'Trend'?" (trend of
        # what?) asks nothing a student could answer whole (round 21: all WEAK)
    else:  # the section's heading says what the title is about ("By area" of what?)
        question = labelled(f"Under \u201c{section.heading}\u201d, what is said about "
                             f"\u201c{item.title}\u201d?", ctx)
    asked = any(c.kind == "fact" for c in fresh)
    if _all_asked(claim, fresh, item.title):
        pass  # "Rs 4,594 crore (combined). Status: Approved August 2025.": its blanks ask
        # every figure and name in it, and an explain card would ask them all again
    elif not _cut(claim, doc, item):
        ctx.add(f"{key}/explain", section.kind, question, claim, section, span,
                gate.judge(question, claim, finite_verb=True, unresolved=(),
                           expansions=ctx.expansions, explains=True))
    elif not (asked or (section.kind in NAMED_ITEMS and len(item.title.split()) >= 2)) \
            or not _several(doc, item):
        # only the first claim of a longer explanation, and no other card asks the item
        # (else its facts and the card that names it from its description ask it, and
        # "in one line" would leave the student guessing which line), or one long
        # sentence cut to its main clause
        question = _in_one_line(question)
        if re.search(r"\((?:i|a|1)\)", claim) and re.search(r"\((?:ii|b|2)\)", item.body) \
                and not re.search(r"\((?:ii|b|2)\)", claim):
            return  # "Article 263 lists three duties: (i) ...; (ii) ...; (iii) ...": the
            # first of a list is not what the item says "in one line" (round 26, WRONG)
        ctx.add(f"{key}/explain", section.kind, question, claim, section, span,
                gate.judge(question, claim, finite_verb=True, unresolved=(),
                           expansions=ctx.expansions, explains=True))
    if doc is not None and (_DATED_TITLE.fullmatch(item.title)
                            or _YEAR_TITLE.fullmatch(item.title)):
        _when_card(item, doc, section, key, ctx)
    case = " v. " in item.title or " vs " in item.title
    if (section.kind not in NAMED_ITEMS and not case) or len(item.title.split()) < 2 \
            or _RULED.search(item.title):
        return  # a background point's title is a heading; "Defence" is a category; a
        # "Supreme Court order" is what its text says the Court ordered, and blanking the
        # title's words blanks "Court ordered" ("the ____ some lions", round 25, BROKEN)
    masked = _masked(claim.rstrip("."), item.title, ctx.label)
    hidden = masked.count("____")
    reasons = []
    if len(masked.replace("____", "").split()) < 3:
        reasons.append("too little is left once the title's words are blanked")
    noun = "case" if case else section.singular
    question = labelled(f"Which {noun} is described here: \u201c{masked}\u201d?", ctx)
    if _recommender(section, item):
        question = labelled(f"Who recommended this: \u201c{masked}\u201d?", ctx)
    if hidden * 2 > len(masked.split()):
        reasons.append("the description is mostly the title")
    if hidden >= 3:  # "____ assistance has been portrayed in Maldivian ____ as ... ____"
        reasons.append("three blanks or more: the description is left in pieces")
    ctx.add(f"{key}/identify", section.kind, question, item.title, section, span,
            reasons + gate.judge(question, item.title, finite_verb=True, unresolved=(),
                                 expansions=ctx.expansions))


# "First Judges case, S.P. Gupta v. Union of India (decided 30 December 1981)"
_CASE_TITLE = re.compile(r"(?:(?P<alias>[A-Z][\w\s-]{2,40}?\b[Cc]ase),\s+)?(?P<case>.+?)"
                         r"(?:\s*\((?:decided\s+(?:on\s+)?)?(?P<date>(?:\d{1,2}\s+)?"
                         rf"(?:[A-Z][a-z]+\s+)?{lang.YEAR})\))?")


def _case_cards(title: str, section: Section, key: str, span: tuple[int, int],
                ctx: Context) -> None:
    """A case's other name and its date, which its title gives and no sentence repeats
    (round 24: "the First Judges case", "30 December 1981" were only in questions)."""
    found = _CASE_TITLE.fullmatch(title.strip())
    if found is None or not lang.is_case(found["case"]):
        return
    case = found["case"].strip()
    if found["alias"]:
        alias = found["alias"].strip()
        question = labelled(f"Which case is known as the {alias}?", ctx)
        ctx.add(f"{key}/known-as", "fact", question, case, section, span,
                gate.judge(question, case, finite_verb=True, unresolved=(),
                           expansions=ctx.expansions))
    if found["date"]:
        # (by its other name where it has one: the Second and the Fourth Judges cases are
        # both "Supreme Court Advocates-on-Record Association v. Union of India")
        named = f"the {found['alias'].strip()}" if found["alias"] else case
        question = labelled(f"When was {named} decided?", ctx)
        ctx.add(f"{key}/decided", "fact", question, found["date"], section, span,
                gate.judge(question, found["date"], finite_verb=True, unresolved=(),
                           expansions=ctx.expansions))


_DATED_TITLE = re.compile(rf"(?:\d{{1,2}}\s+)?{lang.MONTH_NAME},?\s+{lang.YEAR}")


def _when_card(item: Item, doc: Doc, section: Section, key: str, ctx: Context) -> None:
    """'June 2017 – The RBI tells banks to start insolvency cases ...': the event, asked
    for its date (round 23: the timeline's dates were only cues, "what is said about
    'June 2017'?", and 16 of its 72 facts went unasked)."""
    sent = next(iter(doc.sents), None)
    date = item.title
    if sent is None or date is None:
        return
    text = sent.text.strip().rstrip(".;:")
    words = text.split()
    if not 4 <= len(words) <= 40 or not any(t.tag_ in ("VBD", "VBZ", "VBP") for t in sent):
        return  # ("2006: 1,411 tigers.": a figure of the year, not an event)
    if any(t.ent_type_ == "DATE" for t in sent):
        return  # "ArcelorMittal completes the takeover in December 2019": half the date
    if re.search(r"\b(?:this|these|those|such)\s+\w+", text, re.IGNORECASE):
        return  # "... said that this line was a typographical error": which line?
    dangling = (sent[0].lower_,) if sent[0].lower_ in PRONOUNS else ()
    question = labelled(f"When did this happen: \u201c{text}\u201d?", ctx)
    ctx.add(f"{key}/when", "fact", question, date, section,
            (item.line_start, item.line_end),
            gate.judge(question, date, finite_verb=True, unresolved=dangling,
                       expansions=ctx.expansions))


_PROVIDES = frozenset("""empowers provides allows permits enables prohibits bars forbids
    guarantees grants gives confers vests lays deals specifies defines requires mandates
    directs protects abolishes authorises authorizes establishes""".split())
_PROVISION = re.compile(r"(?:Article|Section|Schedule|Rule|Clause)\s+\w+(?:\(\w+\))*")


def _provision_cards(item: Item, doc: Doc, section: Section, key: str, ctx: Context) -> bool:
    """'Article 323A: Empowers Parliament alone to provide ... for administrative
    tribunals ...': what the provision does, and which provision does it (round 21: such
    lines under 'Constitutional provisions' gave no card, and 'what is said about
    Article 323B, in one line?' cut it to 'Empowers both Parliament and ...')."""
    sent = next(iter(doc.sents))
    title = item.title or ""
    if not title or sent[0].lower_ not in _PROVIDES or len(list(doc.sents)) > 1:
        return False  # ("Article 21: The right to life ...": no deed of the provision; the
        # model tags a sentence's opening "Empowers" as a name, so the word is looked up)
    body = sent.text.strip().rstrip(".")
    span = (item.line_start, item.line_end)
    kind = title.split()[0]
    question = labelled(f"What does {title} provide?", ctx)
    ctx.add(f"{key}/explain", section.kind, question, f"{body}.", section, span,
            gate.judge(question, body, finite_verb=True, unresolved=(),
                       expansions=ctx.expansions, explains=True))
    question = labelled(f"Which {kind} {body[:1].lower()}{body[1:]}?", ctx)
    ctx.add(f"{key}/identify", section.kind, question, title, section, span,
            gate.judge(question, title, finite_verb=True, unresolved=(),
                       expansions=ctx.expansions))
    return True


_HELD = re.compile(r"\b(?:held|holds?|holdings?|ruled|rulings?|verdict|decided|"
                   r"observations?)\b", re.IGNORECASE)
_OPENERS = re.compile(r"^(?:However|Finally|Also|Moreover|Further|Lastly|Second|Third|"
                      r"First),\s*")


def _holding_card(item: Item, doc: Doc | None, section: Section, key: str,
                  ctx: Context) -> bool:
    """An untitled point under 'What the Court held' ('However, the power to amend does
    not include the power to destroy or alter the "basic structure" ...'): what the Court
    held about its subject, the holding whole (round 25: the judgment's central holding
    had no card, only the names and numbers around it)."""
    if doc is None or not _HELD.search(section.heading):
        return False
    sent = next(iter(doc.sents))
    c = g.clause(sent.root)
    if not c.subject or c.subject[0].lower_ in PRONOUNS or not c.own_subject \
            or sent.text.rstrip().endswith("?"):
        return False
    subject = g.render(c.full_subject or c.subject)
    if len(subject.split()) > 8:
        return False
    first = (c.full_subject or c.subject)[0]
    after = first.doc[first.i + 1] if first.i + 1 < len(first.doc) else None
    common = first.lower_ in ("the", "a", "an") or (
        not first.ent_type_ and first.pos_ in ("NOUN", "VERB", "ADJ")
        and first.text[1:] == first.text[1:].lower()
        and not (after is not None and after.text == "(")) or (
        not first.ent_type_ and first.lower_ in first.doc._.lowercase)
    topic = subject[:1].lower() + subject[1:] if common else subject  # ("bribery", but a
    # case's name keeps its capital: "Golaknath (1967)")
    claim = lang.upper_first(_OPENERS.sub("", as_sentence(_first_clause(sent).strip())))
    court = re.search(r"\b(?:Court|Tribunal|Bench)\b", ctx.text)
    if court is None:
        return False  # ("What was decided" at a summit: no one holds anything)
    question = labelled(f"What did the {court[0]} hold about {topic}?", ctx)
    reasons = gate.judge(question, claim, finite_verb=True,
                         unresolved=unresolved(list(c.full_subject or c.subject), {}),
                         expansions=ctx.expansions, explains=True)
    ctx.add(f"{key}/held", "fact", question, claim, section,
            (item.line_start, item.line_end), reasons)
    return not reasons


def _statement_card(item: Item, doc: Doc | None, section: Section, key: str,
                    ctx: Context, blanks: Sequence[str] = ()) -> None:
    """An untitled item (a whole sentence): 'What reduces natural drainage?' -> its
    subject."""
    if doc is None:
        return
    sent = next(iter(doc.sents))
    c = g.clause(sent.root)
    causative = bool(c.subject) and sent[0].lemma_ in ("have", "let", "make", "get") \
        and any(a.i == sent[0].i for a in c.aux)  # "Have third parties evaluate ..."
    if ((not c.subject and sent.root.tag_ == "VB") or causative) \
            and section.kind in ("way-forward", "measure"):
        _step_card(sent, section, key, item, ctx)  # "Notify the Rules early and ..."
        return
    made = len(ctx.cards)
    statement_card(sent, section, key, (item.line_start, item.line_end), ctx, blanks=blanks)
    if section.kind == "challenge" and len(ctx.cards) == made:
        _concern_card(item, c, section, key, ctx)  # ("Growth is uneven. ...": no subject
        # to ask from the rest, and the concern would have no card)


def _concern_card(item: Item, c: g.Clause, section: Section, key: str, ctx: Context) -> None:
    """An untitled concern ('(c) Poaching for skins and bones remains a threat.', '(e)
    Growth is uneven. Some reserves ...'): 'What is the concern about poaching for skins
    and bones?' -> the item, when it is short enough to recall. False when its subject
    names nothing to ask about ('More animals', 'It', 'The scheme')."""
    shown = list(c.subject)
    head = next((t for t in shown if t.dep_ in g.SUBJECTS), None)
    if sum(not t.is_punct for t in shown) > 8 and head is not None:
        shown = [t for t in shown if t.i <= head.i]  # "Poaching for skins, ... trade"
    words = [t for t in shown if not t.is_punct]
    if not c.own_subject or not words or len(words) > 8 or words[0].lower_ in PRONOUNS \
            or words[0].lower_ in _QUANTIFIERS or any(t.pos_ == "PROPN" for t in words) \
            or (words[0].lower_ in ("the", "this", "these") and len(words) <= 2) \
            or words[0].lower_ == "there" or words[0].dep_ == "expl":
        return  # (nor "There is no separate target ...": "the concern about there?")
    if len(item.body.split()) > gate.MAX_ANSWER_WORDS:
        return
    subject = g.lower_start(g.render(shown), shown[0])
    question = labelled(f"What is the concern about {subject}?", ctx)
    ctx.add(f"{key}/what", section.kind, question, item.body, section,
            (item.line_start, item.line_end),
            gate.judge(question, item.body, finite_verb=True, unresolved=(),
                       expansions=ctx.expansions, explains=True))


_QUANTIFIERS = frozenset("more many most some few several all any each".split())


# who may be advised ("Governments could begin with ..."), as against a thing that
# "can give the partnership a strategic depth"
_ACTORS = frozenset("""government governments state states centre center india parliament
    ministry ministries court courts authorities regulators regulator banks companies firms
    industry countries nations sides""".split())


def statement_card(sent: Span, section: Section, key: str, lines: tuple[int, int],
                   ctx: Context, prose: bool = False, blanks: Sequence[str] = ()) -> None:
    """A challenge or step said in a sentence ('Delayed claim settlements discourage
    hospital participation', 'Claims must be settled within fixed timelines'): what it
    is about, asked from the rest ('What discourages hospital participation?'). `blanks`
    are the answers the sentence's own blanks ask."""
    if sent.text.rstrip().endswith("?"):
        return  # "Does the power of the House ... exclude ...?": a question, no claim
    if not g.is_verb(sent.root) or g.misread_absolute(sent.root):
        return  # "Ocean climate change advisory services": a name, whose "change" the
        # parser made its root ("what change advisory services?", round 26, BROKEN)
    if any(ch.dep_ == "aux" and ch.tag_ == "TO" for ch in sent.root.children):
        return  # "Article 226 empowers every High Court to ... to enforce ...": the parser
        # lost the verb ("empowers" a noun) and took the infinitive for it ("who to
        # within its territories enforce fundamental rights?", round 26, BROKEN)
    c = g.clause(sent.root)
    if not c.subject or c.subject[0].lower_ in PRONOUNS or not c.own_subject \
            or c.subject[0].dep_ == "expl" or c.subject[0].lower_ == "there":
        return  # ("There is no separate target for ...": "the concern about there?")
    head = next((t for t in c.subject if t.dep_ in g.SUBJECTS), c.subject[-1])
    if head.pos_ == "PROPN" and not (head.is_sent_start and not head.ent_type_):
        return  # a name: its fact cards ask it ("Pumps should ..." opens a sentence)
    if any(a.i < c.subject[0].i for a in c.aux):
        return  # "Have independent third parties evaluate learning outcomes": a step
        # whose "Have" the parser read as an auxiliary ("what has evaluate ...?")
    _, verb_words = g.verb_group(c, invert=False, bare_wh=True)
    rest = [t for group in c.rest if not _remark(group) for t in group]
    if not rest:
        return
    needs = c.verb.lemma_ == "need" and any(ch.dep_ == "xcomp" for ch in c.verb.children)
    if (c.verb.lemma_ in _LINKING and not needs) or c.verb.lemma_ in g.SPEECH or (
            prose and head.lower_ in _ABSTRACT):
        return  # "The next step is to ...", "Measures needed include ...", "Critics argue
        # that ...", "Petitioners included ...": no thing to ask
    subject = g.lower_start(g.render(c.full_subject or c.subject), c.subject[0])
    # (a step says what should or could be done; "An early conclusion of the FTA would
    # give German firms the confidence ...", "Co-development in defence can give the
    # partnership depth" say what a step would bring: "what is recommended for an early
    # conclusion of the FTA?" was WRONG, round 24)
    # ("Governments could begin with ...", "Demand could be built through ...": what an
    # actor could do, or what could be done; not "Convergence with livelihood schemes can
    # turn titles into higher incomes", what a thing would bring)
    passive = any(a.dep_ == "auxpass" for a in c.aux)
    actor = head.lower_ in _ACTORS or _people(head) or (
        head.pos_ == "PROPN" and not head.is_sent_start)
    modal = any(a.tag_ == "MD" and (a.lower_ in ("should", "must", "ought", "shall")
                                    or passive or (actor and a.lower_ != "would"))
                for a in c.aux) or needs
    referring = subject.split()[0] in ("the", "this", "these") and len(subject.split()) <= 2
    if prose and section.kind in ("challenge", "measure", "way-forward") and not _people(
            head) and (modal or section.kind == "challenge") and len(subject.split()) <= 8:
        if referring or "," in subject:
            return  # "What is the concern about the scheme?": which scheme, what part?
            # ("Where feasible, lake levels can be lowered": "recommended for feasible,
            # lake levels?")
        # the claim, asked from what it is about: "What is recommended for package
        # rates?" -> "Package rates should be revised periodically ..." (asking for the
        # subject from the claim would ask a throwaway word: "what should be revised
        # ...?" -> "Package rates")
        # (under concerns a "must" states the rule that is the concern, no advice)
        ask = "What is the concern about" if section.kind == "challenge" else \
            "What is recommended for"
        if head.pos_ == "PROPN" and head.is_sent_start and not head.ent_type_:
            subject = subject[:1].lower() + subject[1:]  # "Pumps should ...": no name
        question = labelled(f"{ask} {subject}?", ctx)
        claim = lang.upper_first(_OPENERS.sub("", as_sentence(_first_clause(sent).strip())))
        # (the claim is the answer: its own "they" means its own subject; only the
        # question's words must name what they refer to)
        reasons = gate.judge(question, claim, finite_verb=True,
                             unresolved=unresolved(list(c.full_subject or c.subject), {}),
                             expansions=ctx.expansions, explains=True)
        pointing = _points_back(list(sent))
        if pointing:  # "Guidelines cannot answer those questions ...": the concern's
            # answer leans on the sentence before (round 25, BROKEN)
            reasons.append(f"the answer's \u201c{pointing}\u201d refers to nothing in the card")
        ctx.add(f"{key}/what", section.kind, question, claim, section, lines, reasons)
        return
    wh = "Who" if _people(head) or head.lower_ in _ACTORS - {"india", "industry"} else "What"
    # ("Southeast Asian states worry about ASEAN centrality and being forced to take
    # sides": states are who, and the second half is theirs too, round 26: "what worries
    # about ASEAN centrality?", BROKEN)
    joined = [t for ch in c.verb.children if ch.dep_ == "conj" and g.is_verb(ch)
              and not any(k.dep_ in g.SUBJECTS for k in ch.children)
              for t in sent.doc[ch.left_edge.i:ch.right_edge.i + 1]]
    cc = [ch for ch in c.verb.children if ch.dep_ == "cc" and joined and ch.i < joined[0].i]
    also = ""
    if joined and not any(t.i in {j.i for j in joined} for t in rest):
        said = g.render([*cc[-1:], *joined])
        first = min((t for t in joined if g.is_verb(t)), key=lambda t: t.i)
        if first.tag_ == "VBP" or (first.tag_ == "VB" and c.verb.tag_ == "VBP" and not c.aux):
            # ("reduce the base flow ... and dry up wetlands": "dries", round 26's review)
            said = re.sub(rf"\b{re.escape(first.text)}\b", g.singular(first), said, count=1)
            # ("... and are not subject to a vote": "is", as the question's own verb)
        also = said
    asked = g.join(wh, verb_words, c.said_after(rest), also) + "?"
    question = labelled(asked, ctx)
    # (not what the parser hung on the subject from after the verb: "The present framework
    # (recommendations accepted in August 2019)")
    answer = lang.upper_first(g.render([t for t in (c.full_subject or c.subject)
                                        if t.i < c.verb.i]))
    reasons = gate.judge(question, answer, finite_verb=True,
                         unresolved=unresolved(rest, {}), expansions=ctx.expansions)
    meaning = [t for t in [*rest, *(joined if also else [])]
               if t.pos_ in ("NOUN", "PROPN", "VERB", "ADJ", "NUM")
               and t.lower_ not in ("more", "less", "much", "many")]
    if len(meaning) < 2:  # "What lost business?", "What often costs more?"
        reasons.append("too little of the claim is left to know what is asked")
    words = [t for t in c.subject if not t.is_punct]
    if words and words[0].lower_ == "the" and len(words) <= 2:
        reasons.append("the answer only refers to something ('The guidelines')")
    if len(words) == 1 and words[0].is_sent_start and words[0].tag_ in ("NN", "NNP", "VB") \
            and section.kind in ("way-forward", "measure") and c.verb.tag_ == "VBD" \
            and not c.aux:
        # "Use clearly explained methods for estimating losses": a step's verb, read as
        # the subject of a past tense ("what clearly explained methods ...?" -> "Use");
        # not "Demand could be built through ..."
        reasons.append("the answer is the step's own verb, read as a noun")
    if len(words) == 1 and words[0].pos_ == "NOUN" and not words[0].ent_type_ \
            and section.kind not in ("way-forward", "measure"):  # (a step's subject is
        # what the step is about: "Demand could be built through ...")
        reasons.append("the answer is one common word ('Money'), nothing to learn")
        # ("what is paid by Direct Benefit Transfer ...?" -> "Money", round 23, WEAK)
    if words and words[0].lower_ in _QUANTIFIERS and len(words) <= 3:
        reasons.append("the answer is a vague amount of something ('More animals')")
    if _BOTH_SIDES.fullmatch(" ".join(t.lower_ for t in words)):
        reasons.append("the answer is the article's actors ('Both leaders'), no fact")
    if is_the_topic(answer, ctx):
        reasons.append("the answer is the article's own subject (its label)")
    pointing = _points_back(rest)
    if pointing:  # "what wants to know who carries that risk, ...?": the risk of the
        # sentence before, which the question does not have (round 25, BROKEN)
        reasons.append(f"\u201c{pointing}\u201d refers to nothing in the card")
    if _asked_inside(answer, blanks):
        reasons.append("the answer is a figure or name a blank of the sentence asks, and a "
                       "word or two")  # ("what were designated between 1982 and 2013?"
        # -> "Only 26 sites", beside "____ sites were designated" -> "26": round 24, WEAK
        # in four decks)
    ctx.add(f"{key}/what", section.kind, question, answer, section, lines, reasons)


def _points_back(tokens: Sequence[Token]) -> str | None:
    """'that risk', 'those questions': a thing of the sentence before, by its pointing
    word (not 'so that', 'such that')."""
    found = next((t for t in tokens if t.lower_ in ("that", "those", "these") and t.dep_ == "det"
                  and t.head.pos_ == "NOUN" and t.i > 0
                  and t.doc[t.i - 1].lower_ not in ("so", "such")), None)
    return f"{found.text} {found.head.text}" if found is not None else None


def _asked_inside(answer: str, blanks: Sequence[str]) -> bool:
    """'Only 26 sites' of '26', 'Negotiations on the India–EU FTA' of 'India–EU FTA':
    an answer that is another's and at most two plain words more."""
    said = lang.norm(answer)
    for other in blanks:
        inner = lang.norm(other)
        if not inner or f" {inner} " not in f" {said} ":
            continue
        left = f" {said} ".replace(f" {inner} ", " ", 1)
        if len(gate.content_words(left)) <= 2 and not any(c.isdigit() for c in left):
            return True
    return False


def _first_clause(sent: Span) -> str:
    """The sentence, or its first clause when the whole is too long to recall and a second
    clause with a subject of its own is joined to it ('Talk of moving beyond E20 must
    wait for evidence ..., and any such move should be paired with ...')."""
    if len(sent.text.split()) <= gate.MAX_ANSWER_WORDS:
        return sent.text
    joined = [c for c in sent.root.children if c.dep_ == "conj" and g.is_verb(c)
              and any(k.dep_ in g.SUBJECTS for k in c.children)]
    cc = [k for c in joined[:1] for k in sent.root.children
          if k.dep_ == "cc" and k.i < c.i and k.i > sent.root.i]
    if not cc:
        return sent.text
    first = sent.doc[sent.start:cc[-1].i].text.rstrip(" ,;")
    return first if len(first.split()) >= 6 else sent.text


_BOTH_SIDES = re.compile(r"(?:both|the\s+two|the)\s+(?:leaders|sides|countries|nations|"
                         r"governments|prime\s+ministers|partners)")
_LINKING = frozenset("be include require remain mean involve need lie become".split())
_ABSTRACT = frozenset("""step steps measure measures need needs way test challenge challenges
    solution solutions priority priorities key focus aim goal answer task issue issues
    problem problems reason reasons lesson lessons worry worries concern concerns risk risks
    point points friction frictions
    danger dangers opportunity opportunities""".split())
_PEOPLE = frozenset("""people women men children girls boys farmers workers citizens voters
    members students youth staff officials judges doctors nurses patients households families
    artisans fishers fishermen migrants tribals communities""".split())


def _remark(group: list[Token]) -> bool:
    """', the second-largest gain' after a claim: a noun phrase set off by a comma that
    remarks on the claim (its comma lost, "what rose from 60 to 72 the second-largest
    gain?", round 27, BROKEN)."""
    first = group[0] if group[0].text != "," else (group[1] if len(group) > 1 else None)
    return first is not None and first.i > 0 and first.doc[first.i - 1].text == "," \
        and first.pos_ == "DET" and any(
        t.dep_ in ("npadvmod", "appos") and t.pos_ == "NOUN" and t.head.pos_ in ("VERB", "AUX")
        for t in group)


def _people(noun: Token) -> bool:
    """'Informal waste pickers', 'Small manufacturers', 'Producers, importers and brand
    owners': people, asked with 'Who'."""
    word = noun.lower_
    return word in _PEOPLE or (noun.tag_ == "NNS" and word.endswith(
        ("ers", "ors", "ists", "ians", "ants", "ents")) and word not in _NOT_PEOPLE)


_NOT_PEOPLE = frozenset("""centers orders numbers letters waters borders matters papers
    meters chapters sectors factors monitors motors indicators reactors rivers layers
    parameters members-only transfers investments payments instruments documents
    components elements settlements agreements governments departments events
    electrolysers electrolyzers generators transformers computers containers boilers
    fertilisers fertilizers polymers conductors semiconductors inverters chargers scanners
    sensors processors accelerators compressors condensers filters converters meters
    headquarters quarters waivers powers towers""".split())


def _step_card(sent: Span, section: Section, key: str, item: Item, ctx: Context) -> None:
    """An untitled step in the imperative: what should be done about its object."""
    thing = g.object_phrase(sent.root)
    if thing is None:
        return
    where = "the way forward" if section.kind == "way-forward" else "the measures"
    question = labelled(f"According to {where}, what should be done about {thing}?", ctx)
    answer = sent.text.strip()
    ctx.add(f"{key}/step", section.kind, question, answer, section,
            (item.line_start, item.line_end),
            gate.judge(question, answer, finite_verb=True, unresolved=(),
                       expansions=ctx.expansions))


# a body, a court or a report that made a recommendation: a measures list "by whom"
# ("Fiscal Council: an independent body ...", "Implementation Group: ..." name the measure)
_RECOMMENDERS = re.compile(r"\b(?:Committee|Commission|Court|Report|Task Force|NITI Aayog)\b")


def _recommender(section: Section, item: Item) -> bool:
    """An item under measures titled with who proposed it ('Election Commission: ...',
    'Supreme Court (2020): ...'): its card asks what they recommended, not "what is
    meant by the measure 'Election Commission'" (round 15, BROKEN). Not a body that is
    itself the measure, proposed by another ('National Tribunals Commission: An
    independent body ..., as suggested by the Supreme Court': round 21, WRONG)."""
    return section.kind in ("measure", "way-forward") and item.title is not None \
        and bool(_RECOMMENDERS.search(item.title)) and not _PROPOSED_BY.search(item.body) \
        and not _RULED.search(item.title)  # ("Supreme Court order": what it ordered is the
    # measure; "what did the Supreme Court order recommend?", round 25, BROKEN)


_RULED = re.compile(rf"\b{lang.RULING}$", re.IGNORECASE)


_PROPOSED_BY = re.compile(r"\b(?:suggested|recommended|proposed|mooted|sought)\s+by\b",
                          re.IGNORECASE)


def _the(title: str) -> str:
    return title if title.lower().startswith("the ") else f"the {title}"


def _said_count(heading: str) -> int | None:
    """The number a heading gives its items: 'Payloads (Seven)', 'Three pillars', '5 key
    features'; None when it gives none."""
    for word in re.findall(r"\b(?:[A-Za-z]+|\d+)\b", heading):  # (not the 20 of "G20")
        if word.isdigit() and int(word) <= LIST_MAX:
            return int(word)
        if word.lower() in lang.NUMBER_WORDS[2:]:
            return lang.NUMBER_WORDS.index(word.lower())
    return None


def item_names(section: Section) -> list[str]:
    """What a section's items are called: their titles, or short untitled items whole
    ("Weak early-warning systems for cities")."""
    names = [i.title or i.body.rstrip(".") for i in section.items
             if i.title or 0 < len(i.body.split()) <= 8]
    return names if len(names) == len(section.items) else [
        i.title for i in section.items if i.title]


# a figure in digits or words ("One-half of the members", "One lakh students")
_COUNTED = re.compile(r"\d|\b(?:" + "|".join(lang.NUMBER_WORDS[1:]) + r"|hundred|thousand|lakh|"
                      r"crore|million|billion|half|quarter)\b", re.IGNORECASE)
_YEAR_TITLE = re.compile(rf"(?:(?:\d{{1,2}} )?{lang.MONTH_NAME},? )?{lang.YEAR}"
                         rf"(?:[\u2013-]\d{{2,4}})?")  # ("2006", "12 March 2021")
_GLOSSARY = re.compile(r"\b(?:terms|glossary|definitions|keywords|key words|"
                       r"abbreviations)\b", re.IGNORECASE)


def name_all(section: Section, slug: str, ctx: Context) -> None:
    names = item_names(section)
    if len(names) > LIST_MAX or len(names) != len(section.items):
        return  # (the titled items of a list with others untitled: "name the nine" of ten
        # is a wrong count, round 15)
    said = _said_count(section.heading)
    if said is not None and said != len(names):
        return  # "Payloads (Seven)" over seven and a summary line "Split: ...": "name the
        # eight payloads" lists a line that is none (round 16, WRONG)
    count = lang.number_word(len(names))
    if any(name[:1].isdigit() for name in names):
        return  # "2006", "2010", ...: a timeline, no list to name
    if all(item.side or (item.column is not None and item.column == item.title)
           for item in section.items):
        return  # "Gadgil: ...", "Kasturirangan: ...": the sides compared, no list
    if _GLOSSARY.search(section.heading):
        return  # "Key terms": a glossary box, no list a student is asked to name
    if any(re.match(r"others?\b", name, re.IGNORECASE) for name in names):
        return  # "... 4. Other tribunals": a list left open, whose count is no fact
    if section.kind == "way-forward":
        question = f"Name the {count} steps of the way forward for {ctx.label}."
    elif section.kind in ("intro", "overview", "point", "conclusion") and re.match(
            r"(?:what|why|how|who|which|when|where)\b(?!\s+(?:are|is)\s+the\b)",
            section.heading.strip(), re.IGNORECASE):
        return  # "What state surveys show": a clause, no name for a list ("name the five
        # what state surveys show")
    elif section.kind in ("intro", "overview", "point", "conclusion"):
        heading = re.sub(r"^(?:what\s+are\s+)?(?:the\s+)?(?:key\s+)?|\?$", "",
                         section.heading.strip(), flags=re.IGNORECASE)
        if heading.split()[0].lower() == count.lower() and len(heading.split()) > 1:
            heading = heading.split(None, 1)[1]  # "Six pillars of the mission": not "the
            # six six pillars" (round 26)
        owner = re.match(r"([A-Z][\w-]*(?:['’]s|s['’]))\s+(\w.*)", heading)
        if owner:  # "India's initiatives": "name India's six initiatives"
            question = (f"{lang.upper_first(ctx.label)}: name {owner[1]} {count} "
                        f"{lang.heading_case(owner[2], ctx.text)}.")
        else:
            question = (f"{lang.upper_first(ctx.label)}: name the {count} "
                        f"{lang.heading_case(heading, ctx.text)}.")
    else:
        question = f"{lang.upper_first(ctx.label)}: name the {count} {section.plural}."
    answer = "\n".join(f"{n}. {name}" for n, name in enumerate(names, start=1))
    lines = (section.items[0].line_start, section.items[-1].line_end)
    ctx.add(f"{slug}/all", "list", question, answer, section, lines)
