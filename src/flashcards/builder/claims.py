"""Cards for what a sentence claims beyond its facts: what someone aims to do, what a
court or commission held, examples and colon lists, definitions under a question
heading, and advice ('X should ...', 'Y is crucial for Z', 'Measures needed include').
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from flashcards.builder import gate
from flashcards.builder import grammar as g
from flashcards.builder import language as lang
from flashcards.builder.context import Context, Unit, labelled, unresolved
from flashcards.builder.refs import PRONOUNS
from flashcards.builder.structure import Section

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

_NEEDED = frozenset("crucial essential vital key necessary needed important imperative "
                    "required critical".split())

_MEASURE_WORDS = frozenset("measure measures step steps recommendation recommendations reform "
                           "reforms solution solutions suggestion suggestions".split())

# who a "should" can be said of: those who act
_AGENTS = frozenset("""government centre center state states ministry department authority
    authorities country countries city cities municipality municipalities bank banks
    company companies firm firms industry farmer farmers citizen citizens school schools
    panchayat panchayats police court courts parliament legislature body bodies
    institution institutions regulator regulators india agency agencies side sides
    partner partners nation nations council commission committee board union""".split())

Made = tuple[str, str, str, str] | None  # (key tag, kind, question, answer)
_AIMS = frozenset("aim seek intend plan".split())


def aim(sent: Span, subs: dict[int, tuple[int, str]], ctx: Context) -> Made:
    """'The Korea Plus initiative aims to increase Korean investments in India.' ->
    'What does the Korea Plus initiative aim to do?' -> 'To increase ...'."""
    root = sent.root
    goal = next((c for c in root.children if c.dep_ == "xcomp"), None)
    subject, own = g.subject_of(root)
    if root.lemma_ not in _AIMS or goal is None or not own or not subject \
            or subject[0].lower_ in PRONOUNS or root.tag_ not in ("VBZ", "VBP", "VBD"):
        return None
    do = {"VBZ": "does", "VBP": "do", "VBD": "did"}[root.tag_]
    who = g.lower_start(g.render(subject, subs), subject[0], subs)
    answer = lang.upper_first(g.render(g.subtree(goal, g.aside), subs))
    question = labelled(f"What {do} {who} {root.lemma_} to do?", ctx)
    return f"aim-{lang.slug(g.render(subject), 3)}", "fact", question, answer


def held(sent: Span, subs: dict[int, tuple[int, str]], ctx: Context,
         case: str | None = None) -> Made:
    """'The Sarkaria Commission (1988) recommended that the Governor should be ...' ->
    'What did the Sarkaria Commission (1988) recommend?' -> the clause it holds."""
    root = sent.root
    said = next((c for c in root.children if c.dep_ == "ccomp"
                 and any(m.lower_ == "that" for m in c.children)), None)
    subject, own = g.subject_of(root)
    if root.lemma_ not in g.SPEECH or said is None or not own or not subject \
            or subject[0].lower_ in PRONOUNS or root.tag_ != "VBD":
        return None
    if subject[0].tag_ == "VBG":
        return None  # "Briefing the media, the Minister said ...": the parser's subject is
        # the participle ("what did briefing the media say?", round 24, BROKEN)
    words = [t for t in g.subtree(said) if t.lower_ != "that" or t.head.i != said.i]
    answer = lang.upper_first(g.render(words, subs))
    front = [t for c in root.children if c.dep_ == "prep" and c.i < subject[0].i
             for t in g.subtree(c)]
    lead = g.render(front, subs)
    who = g.lower_start(g.render(subject, subs), subject[0], subs)
    if case and not lead:
        # "L. Chandra Kumar v. Union of India (1997): A seven-judge Constitution Bench
        # held that ...": which bench is said by its case ("what did a seven-judge
        # Constitution Bench hold?" named none, round 19 and 21)
        lead = f"In {case}"
        who = re.sub(r"^an? ", "the ", who)
    question = f"{lead}, what did {who} {root.lemma_}?" if lead else \
        f"What did {who} {root.lemma_}?"
    return f"{root.lemma_}-{lang.slug(g.render(subject), 3)}", "fact", \
        labelled(question, ctx), answer


_EXAMPLES = frozenset("such including namely like".split())


def examples(sent: Span, subs: dict[int, tuple[int, str]], ctx: Context) -> Made:
    """'... 18 traditional trades, such as carpenters, blacksmiths, goldsmiths and
    potters': the list is one card, a blank in its sentence."""
    for token in sent:
        if token.lower_ not in _EXAMPLES or token.i + 1 >= sent.end:
            continue
        start = token.i + (2 if token.lower_ == "such" else 1)
        if token.lower_ == "such" and sent.doc[token.i + 1].lower_ != "as":
            continue
        if sent.doc[start].pos_ == "ADP":
            continue  # "including for the Friendship Bridge": no list of things
        end = start
        governing = {a.i for a in sent.doc[start].ancestors}
        while end < sent.end and not (sent.doc[end].text in (";", ".", ")") or (
                sent.doc[end].text == "," and end + 1 < sent.end
                and sent.doc[end + 1].pos_ in ("VERB", "AUX", "SCONJ", "ADV", "ADP")) or (
                sent.doc[end].lower_ in ("and", "or") and end + 1 < sent.end
                and sent.doc[end + 1].pos_ in ("VERB", "AUX")) or end in governing):
            end += 1  # (up to ", and has an FTA with China": another claim; up to ", in
            # India", a phrase of the sentence's; up to the verb the list is the subject of:
            # "Side effects such as CRS and neurotoxicity need ...")
        blank = "____"
        while end > start and sent.doc[end - 1].text == ",":
            end -= 1  # "namely Mumbai, Delhi, Bengaluru and Chennai, feature in ...": the
            # comma closes the apposition, no part of the list (round 24, WEAK)
            blank = "____,"
        listed = sent.doc[start:end]
        if listed.text.count(",") < 1 or " and " not in f" {listed.text} " \
                or len(listed) > 20 or len(sent) > 45:
            continue
        before = g.render([t for t in sent if t.i < start], subs)
        after = g.render([t for t in sent if t.i >= end and not (t.is_punct
                                                                  and t.i == sent.end - 1)], subs)
        count = lang.number_word(len(lang.LIST_PARTS.split(listed.text)))
        question = (f"{lang.upper_first(ctx.label)}: fill in the blank ({count} things): "
                    f"\u201c{g.join(before, blank, after)}.\u201d")
        return f"examples-{lang.slug(before, 3)}", "fact", question, listed.text
    return None


_ASKS = re.compile(r"^(?:What\s+(?:is|are)\s+(?:an?\s+|the\s+)?(.+?)\?|About\s+(?:the\s+)?(.+))$",
                   re.IGNORECASE)


def definition(sent: Span, section: Section, ctx: Context) -> Made:
    """Under 'What is Waqf?': 'Waqf is a property dedicated ...' -> 'What is Waqf?'."""
    asks = _ASKS.match(section.heading.strip())
    root = sent.root
    if asks is None or root.lemma_ != "be":
        return None
    term = (asks[1] or asks[2]).strip()
    subject, own = g.subject_of(root)
    if not own or lang.norm(g.render(subject)).removeprefix("the ") != lang.norm(term):
        return None
    rest = [t for t in sent if t.i > root.i and not (t.is_punct and t.i == sent.end - 1)]
    question = f"{lang.upper_first(ctx.label)}: what {root.text.lower()} {term}?"
    return f"define-{lang.slug(term, 3)}", "fact", question, lang.upper_first(g.render(rest))


def colon_list(sent: Span, subs: dict[int, tuple[int, str]], unit: Unit,
               lines: tuple[int, int], ctx: Context) -> None:
    """'India has four major reef areas: A, B, C and D.' -> name them (a list, one card)."""
    text = sent.text.strip().rstrip(".")
    head, colon, listed = text.partition(": ")
    parts = re.split(r",\s+(?:and\s+)?", listed)
    parts = [*parts[:-1], *re.split(r"\s+and\s+", parts[-1], maxsplit=1)]
    count = re.search(r"\b(two|three|four|five|six|seven|eight|nine|ten|\d+)\s+\w+(?:\s+\w+)?$",
                      head)
    if not colon or len(parts) < 3 or any(len(p.split()) > 8 for p in parts) or count is None \
            or lang.number_word(len(parts)) != count[1] and str(len(parts)) != count[1]:
        return  # "India has four major reef areas: A, B, C and D" (four parts, four named)
    # "It has three phases" says whose with the reference resolved (round 23, WEAK)
    # (an "It" left unresolved is the label's subject, as the article's own sentence is)
    said = [t for t in sent if t.idx - sent.start_char < len(head)]
    shown = lang.upper_first(g.render(said, subs)) if said else head
    question = f"{lang.upper_first(ctx.label)}: {shown}. Name them."
    ctx.add(f"{unit.slug}/list-{lang.slug(head, 3)}", "list", question, listed,
            unit.section, lines, gate.judge(question, listed, finite_verb=True,
                                            unresolved=(), expansions=ctx.expansions))


# --- recommendations -----------------------------------------------------------


def advice(sent: Span, subs: dict[int, tuple[int, str]], unit: Unit,
            lines: tuple[int, int], ctx: Context) -> None:
    """'X should/must/needs to do Y' -> 'What should X do?'; 'X is crucial for Y' ->
    'What is crucial for Y?'; 'Measures needed include A, B and C' -> a list."""
    root = sent.root
    kind = "way-forward" if unit.section.kind == "way-forward" else "measure"
    advising = unit.section.kind in ("way-forward", "measure")
    made = (_should(root, subs, ctx, advising,
                    advising or unit.section.kind == "conclusion")
            or _crucial(root, subs, ctx) or _needed(root, subs, ctx))
    if made is None:
        return
    tag, question, answer, used = made
    reasons = gate.judge(question, answer, finite_verb=True,
                         unresolved=unresolved(used, subs), expansions=ctx.expansions)
    ctx.add(f"{unit.slug}/{tag}", kind, question, answer, unit.section, lines, reasons)

_ADVISES = re.compile(r"\b(?:should|must|needs? to)\b", re.IGNORECASE)


def _should(root: Token, subs: dict[int, tuple[int, str]], ctx: Context, advising: bool,
            recommends: bool) -> tuple[str, str, str, list[Token]] | None:
    """'X should (or needs to) do Y' anywhere, 'X must do Y' under measures and the way
    forward (elsewhere "must" states a rule, which the fact cards ask)."""
    verb = root
    modals = ("should", "must") if advising else ("should",)
    modal = next((c for c in verb.children if c.dep_ == "aux" and c.lower_ in modals), None)
    if modal is None and verb.lemma_ == "need":
        xcomp = next((c for c in verb.children if c.dep_ == "xcomp"), None)
        if xcomp is None:
            return None
        modal, verb = verb, xcomp
    if modal is None:
        return None
    if any(c.dep_ == "neg" for c in (*verb.children, *root.children)):
        return None  # "a Speaker facing a notice for removal should not decide ...": the
        # answer would drop the "not" (round 15, WRONG: the ruling reversed)
    subject, _ = g.subject_of(root)
    if not subject or subject[0].dep_ == "expl":
        return None
    if subject[0].lower_ in PRONOUNS:
        meant = subs.get(subject[0].i)  # "The government must act on four fronts. It
        # should pass a space activities law ...": the government (round 25: the
        # editorial's four steps had no card)
        if meant is None or meant[1].split()[-1].lower() not in _AGENTS:
            return None
    head = next((t for t in subject if t.dep_ in g.SUBJECTS), subject[-1])
    proper = head.pos_ == "PROPN" and (bool(head.ent_type_) or not head.is_sent_start)
    if not (proper or head.ent_type_ in ("ORG", "GPE", "NORP")
            or head.lemma_.lower() in _AGENTS or head.i in subs):
        return None  # "Awareness campaigns should reach every block": no one to advise
    c = g.clause(verb)
    conditions = [g.subtree(ch) for ch in verb.children if ch.dep_ == "advcl"
                  and any(m.lower_ in ("if", "unless", "when") for m in ch.children)]
    held = {t.i for group in conditions for t in group}
    # "... and build consensus on delimitation": the joined steps are the answer too;
    # "to make sharing transparent", "so that the quota is not delayed": what the step is
    # for says which step is asked, in the question
    joined = [ch for ch in verb.children if ch.dep_ == "conj" and ch.tag_ == "VB"]
    purposes = [g.subtree(ch) for v in (verb, *joined) for ch in v.children
                if ch.dep_ == "advcl" and _for_a_purpose(ch)]
    held |= {t.i for group in purposes for t in group}
    rest = [t for group in c.rest for t in group if t.i not in held]
    rest += [t for v in joined for t in (*[ch for ch in verb.children if ch.dep_ == "cc"
                                            and ch.i < v.i], *g.subtree(v))
             if t.i not in held]
    own = {k: v for k, v in subs.items() if verb.doc[k].tag_ not in ("WDT", "WP")}
    # (the answer is the step as written: its "that" is no question's, "a law a law gives")
    answer = g.render(sorted({t.i: t for t in (verb, *rest)}.values(), key=lambda t: t.i),
                      own).rstrip(" ,;")
    if verb.tag_ != "VB" or not rest:
        return None
    who = g.lower_start(g.render(subject, subs), subject[0], subs)
    word = "should" if modal.lower_ in ("should", "need", "needs") else "must"
    condition = g.render([t for group in conditions for t in group], subs)
    purpose = g.render([t for group in purposes for t in group], subs)
    thing = g.object_phrase(verb) if verb.lemma_ not in ("do", "take", "make") else None
    if not condition and not purpose and thing and word == "should" and head.i in subs:
        # one of several steps for one actor: what it should do about the thing it names
        # ("What should the government do about a space activities law?")
        question = labelled(f"What should {who} do about {thing}?", ctx)
        return (f"should-{lang.slug(who, 3)}-{lang.slug(thing, 3)}", question,
                lang.upper_first(answer), [*subject, verb])
    if not condition and not purpose and (not recommends or any(
            _ADVISES.search(other.text) and re.search(rf"\b{re.escape(head.text)}\b",
                                                      other.text)
            for other in root.doc.sents if other.start != root.sent.start)):
        # (nor where its paragraph advises the same actor again: in a prose way forward
        # of several steps for India every one answers "What should India do?", rounds
        # 14 and 17: two cards, two answers)
        return None  # "Keisham (2020): Speakers should decide ... within three months":
        # outside the way forward a "should" is a ruling or a view, and "what should
        # Speakers do?" asks it of no one (round 15, BROKEN)
    question = labelled(g.join(f"What {word} {who} do", purpose, condition) + "?", ctx)
    return (f"should-{lang.slug(who, 3)}", question, lang.upper_first(answer),
            [*subject, verb])


def _for_a_purpose(clause: Token) -> bool:
    """'to make sharing transparent', 'so that the quota is not delayed'."""
    marks = [c.lower_ for c in clause.children if c.dep_ in ("aux", "mark")]
    return (clause.tag_ == "VB" and "to" in marks) or "so" in marks or (
        "that" in marks and clause.doc[clause.left_edge.i].lower_ == "so")


def _crucial(root: Token, subs: dict[int, tuple[int, str]], ctx: Context
             ) -> tuple[str, str, str, list[Token]] | None:
    if root.lemma_ != "be":
        return None
    adj = next((c for c in root.children if c.dep_ == "acomp" and c.lower_ in _NEEDED), None)
    if adj is None:
        return None
    subject, _ = g.subject_of(root)
    goal = [t for c in [*adj.children, *root.children] if c.dep_ in ("prep", "xcomp")
            and c.i > adj.i for t in g.subtree(c)]
    if not subject or not goal or subject[0].lower_ in PRONOUNS:
        return None
    question = f"What {root.text.lower()} {adj.text} {g.render(goal, subs)}?"
    whose = next((c for c in root.children if c.dep_ == "prep" and c.lower_ == "for"
                  and c.i < subject[0].i), None)
    if whose is not None:  # "For India, raising women's participation ... is key to ...":
        # whose HDI (round 22: "what is key to improving both the HDI and the GII?")
        question = f"{g.render(g.subtree(whose), subs)}, {question[:1].lower()}{question[1:]}"
    if whose is not None or not any(t.pos_ == "PROPN" for t in goal):
        question = labelled(question, ctx)
    answer = lang.upper_first(g.render(subject, subs))
    return f"recommend-{lang.slug(g.render(goal), 3)}", question, answer, goal


def _needed(root: Token, subs: dict[int, tuple[int, str]], ctx: Context
            ) -> tuple[str, str, str, list[Token]] | None:
    if root.lemma_ != "include":
        return None
    subject, _ = g.subject_of(root)
    if not subject or not any(t.lower_ in _MEASURE_WORDS for t in subject):
        return None
    objects = [c for c in root.children if c.dep_ == "dobj"]
    if not objects:
        return None
    head = g.render(subject, subs)
    # everything after "include", the whole list (the parser may hang its parts anywhere)
    listed = g.render([t for t in root.sent if t.i > root.i and not (
        t.is_punct and t.i == root.sent.end - 1)], subs)
    needed = re.match(r"^(\w+)\s+(needed|required)$", head.lower())
    question = f"What {needed[1]} are {needed[2]}?" if needed else \
        f"What do the {head.lower()} include?"
    return f"list-{lang.slug(head, 3)}", labelled(question, ctx), lang.upper_first(listed), \
        subject
