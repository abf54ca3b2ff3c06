"""What building one deck keeps as it goes: the cards made and dropped, what the
article has named so far, and the checks every candidate passes (references that
resolve, answers that are not the deck's own subject, blanks that teach something)."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from flashcards.builder import gate
from flashcards.builder import grammar as g
from flashcards.builder import language as lang
from flashcards.builder.refs import DEEDS, PRONOUNS, REFERRING, Mentions
from flashcards.builder.structure import Item, Section
from flashcards.domain import CardDraft, SourceRef

if TYPE_CHECKING:
    from spacy.tokens import Token

Lines = Callable[[int, int], tuple[int, int]]


@dataclass(frozen=True)
class Dropped:
    """A candidate the gate turned away, for `build --explain`."""

    key: str
    question: str
    answer: str
    reasons: tuple[str, ...]
    lines: tuple[int, int]


@dataclass
class Context:
    source: str
    label: str
    tags: tuple[str, ...]
    expansions: dict[str, str] = field(default_factory=dict)
    dashed: dict[str, str] = field(default_factory=dict)  # "India-France" -> "India–France"
    cards: list[CardDraft] = field(default_factory=list)
    dropped: list[Dropped] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    keys: set[str] = field(default_factory=set)
    expanded: set[str] = field(default_factory=set)  # abbreviations whose full form is asked
    mentions: Mentions = field(default_factory=Mentions)
    common: frozenset[str] = frozenset()  # abbreviations the article uses all through
    text: str = ""  # the article's units, for how often a name comes up

    def add(self, key: str, kind: str, question: str, answer: str, section: Section,
            lines: tuple[int, int], reasons: list[str] | None = None) -> None:
        reasons = list(reasons or [])
        if not reasons:
            twin = _near_duplicate(self.cards, question, answer)
            if twin:
                reasons.append(f"a near-duplicate of card {twin}")
        if not reasons and kind == "fact":
            reasons += _trivial(answer, section, self, key.rsplit("/", 1)[-1], question)
            if "since ____" in question and any(c.answer == answer for c in self.cards):
                reasons.append(f"the year it is compared with ({answer}) is asked already")
        if reasons:
            self.dropped.append(Dropped(key, question, answer, tuple(reasons), lines))
            return
        question, answer = self.redash(question), self.redash(answer)
        if kind == "fact" and len(answer.split()) <= 4:  # "Article 31C.": the sentence's
            # full stop, which the tokenizer kept with the name; "Only 384": the article's
            # stress, no part of the figure (round 25)
            answer = re.sub(r"(?<=\d[A-Za-z])\.$|(?<=\d)\.$", "", answer)
            answer = re.sub(r"^[Oo]nly (?=[\d₹$€£])", "", answer)
        base, n = key, 2
        while key in self.keys:
            key, n = f"{base}-{n}", n + 1
        self.keys.add(key)
        self.cards.append(CardDraft(key=key, question=question, answer=answer, kind=kind,
                                    tags=self.tags,
                                    source=SourceRef(self.source, section.heading, *lines)))


    def redash(self, text: str) -> str:
        """The article's own en dashes back where the parse needed hyphens."""
        for hyphened, dashed in self.dashed.items():
            text = text.replace(hyphened, dashed)
        return text


OFTEN = 5  # a name the article says this often is one of its actors


# abbreviations of everyday economic and policy words: a blank on one asks nothing the
# student learns from the article
_PLAIN_TERMS = frozenset("""FDI GDP GVA VC R&D S&T IT AI ICT MSME MSMEs NPA NPAs CPI WPI
    UTs PPP SMEs NGO NGOs SC ST SCs STs OBC OBCs""".split())  # ("84 ____ and 47 ST seats"
# -> "SC", round 27, WEAK)


def _trivial(answer: str, section: Section, ctx: Context, anchor: str, question: str = ""
             ) -> list[str]:
    """A blank no student could miss or that teaches nothing new: 'India' in notes on
    India, an abbreviation the article uses all through ('LPG' in notes on LPG), a
    year the section has already asked twice, a name two cards already answer."""
    said = answer.strip()
    if said.lower() in ("india", "indian"):
        return ["the answer is India, which the notes are about"]
    if said.startswith("Prime Minister") and re.search(r"\bCabinet\b.*\bchaired by ____",
                                                        question):
        return ["the Prime Minister chairs the Cabinet: nothing to recall"]  # (round 24,
        # WEAK: "The Union Cabinet, chaired by ____, ...")
    if said == "COVID-19":
        return ["the pandemic needs no recalling"]
    if said in _PLAIN_TERMS:
        return [f"{said} is a plain term, no fact of the article"]  # ("the top ten
        # sources of ____ in India" -> "FDI", "____ funding" -> "VC": round 24, WEAK)
    if said in ctx.common:
        return [f"{said} is used all through the article: no fact to recall"]
    if not any(c.isdigit() for c in said) and all(w[:1].isupper() for w in said.split()) \
            and len(re.findall(rf"\b{re.escape(said)}\b", ctx.text)) >= OFTEN:
        # "Tamil Nadu" in notes on the Cauvery dispute: an actor of the whole article,
        # not a fact of this sentence
        return [f"{said} comes up all through the article: no fact to recall"]
    thing = re.search(r"\bthe ____ ([a-z]+)", question)
    if lang.is_year(said) and thing and any(
            re.fullmatch(rf"(?:\d{{1,2}} )?{lang.MONTH_NAME} {said}", c.answer)
            and gate.stem(thing[1]) in {gate.stem(w) for w in gate.content_words(c.question)}
            for c in ctx.cards):
        # "Since the ____ revamp" -> "2020", after "A major revamp was approved in ____"
        # -> "February 2020": the date cut to its year, asked again (round 24, WEAK)
        return [f"the {said} of a thing whose full date a card asks already"]
    if lang.is_year(said) and sum(
            1 for c in ctx.cards if c.answer == said and c.source.section == section.heading
    ) >= 2:
        return [f"{said} is asked twice already in this section"]
    if anchor.startswith("ordinal-") and said.lower() in ("first", "1st") and re.search(
            rf"\b{lang.YEAR}\b", question) and not re.search(r"['\u2019]s ____", question):
        # (not "France became India's ____ strategic partner in January 1998": first of
        # India's partners, a fact)
        # "The ____ Quad foreign ministers' meeting was held in New York in September
        # 2019": a dated event's "first" is a guess, its date the fact (round 26, WEAK)
        return ["the first of a dated event: guessable, its date is the fact"]
    # "13th Amendment" asked a third time (what the Accord led to; what is not
    # implemented; what to implement): the same fact again, from another sentence
    if anchor.startswith(("provision-", "law-", "percent-", "amount-", "count-",
                          "quantity-", "number-", "ordinal-", "duration-")):
        return []  # (a judgment's Article 370(3): what it says, what was done under it;
        # 4% the repo rate and 4% the inflation target: one figure, two facts)
    norm = lang.norm(said)
    asked = sum(1 for c in ctx.cards if c.kind == "fact" and lang.norm(c.answer) == norm)
    if asked >= (ASKED_YEAR if lang.is_year(said) else ASKED):
        return [f"{said} is the answer of {asked} cards already"]
    return []


ASKED = 2  # cards a deck may have with one answer (a year: more events fall in one)
ASKED_YEAR = 3


def _near_duplicate(cards: list[CardDraft], question: str, answer: str) -> str | None:
    from rapidfuzz import fuzz

    asked = lang.norm(question)
    said = lang.norm(answer)
    body = _body(question)
    exact = " ".join(answer.casefold().split())
    same = _modal(question)
    for card in cards:
        if _modal(card.question) == same:
            return card.key  # (with another answer: "what should India do?" twice, two
            # steps of the way forward, and a right answer marked wrong)
        if lang.norm(card.answer) == said and fuzz.token_sort_ratio(
                lang.norm(card.question), asked) >= 88 and not _other_title(card.question,
                                                                          question):
            return card.key
        # the same answer to a question on the same words, asked again in another
        # section ("Target of ____ ±2% retained for 1 April 2021 to 31 March 2026")
        if " ".join(card.answer.casefold().split()) == exact and fuzz.token_set_ratio(
                _body(card.question), body) >= 70 and not _other_title(card.question,
                                                                       question):
            return card.key
    return None


def _other_title(one: str, other: str) -> bool:
    """Two questions on two titles ("... about “Uttarakhand”?", "... about “Kerala”?"):
    two things that share an answer (joint first, both 79), no card asked twice."""
    first = re.findall(r"\u201c([^\u201d]{1,60})\u201d", one)
    second = re.findall(r"\u201c([^\u201d]{1,60})\u201d", other)
    return bool(first and second) and first[-1] != second[-1] and all(
        len(t.split()) <= 6 for t in (first[-1], second[-1]))


def _modal(question: str) -> str:
    """A question as compared for sameness: "what must India do?" is "what should India
    do?" (round 15: two cards, two answers)."""
    return re.sub(r"\bmust\b", "should", " ".join(question.casefold().split()))


def _body(question: str) -> str:
    """A question without its label and its 'fill in the blank (a date):'."""
    rest = question.split(": ", 1)[-1]
    return lang.norm(re.sub(r"^fill in the blank \([^)]*\): ", "", rest))


@dataclass
class Unit:
    """A text the model parses: a paragraph, an item's explanation or sub-point."""

    section: Section
    slug: str
    text: str
    lines: Lines
    item: Item | None = None
    sub: bool = False


def labelled(question: str, ctx: Context) -> str:
    if not ctx.label:
        return question
    return f"{lang.upper_first(ctx.label)}: {question[:1].lower()}{question[1:]}"


def is_the_topic(answer: str, ctx: Context) -> bool:
    """'SBM' in a deck on the Swachh Bharat Mission: the label already says it."""
    label = [gate.stem(w) for w in gate.content_words(ctx.label)]
    # "Corals" of "Coral reefs"; "Monetary Policy Committee (MPC)" of "RBI's Monetary
    # Policy Committee" (its abbreviation adds nothing to recall)
    # ... and "The Asiatic lion (Panthera leo persica)" of "Asiatic Lion": a bracket only
    # adds to the name
    words = [gate.stem(w) for w in gate.content_words(re.sub(r"\s*\([^()]*\)", "",
                                                              answer))]
    numbers = gate.figures(answer)
    if numbers:  # "21.0%" is not the "21" of "NFHS-5 (2019–21)"
        return set(numbers) <= set(gate.figures(ctx.label)) and all(
            w in label for w in words if not w.isdigit())
    if words and all(w in label for w in words):
        return True
    long = ctx.expansions.get(answer.strip())
    return long is not None and all(w in label for w in gate.content_words(long))


# what a figure is of, said in a sentence before ("The earlier range was 6.5% to 5.5%")
_AMOUNTS = frozenset("range amount figure total share".split())
# words that point back rather than name ("the earlier range", "the same body")
_AGAIN = frozenset("earlier previous same latter former other new old".split())


def _fronted_for(token: Token, ids: set[int]) -> bool:
    """'In its judgment of 21 March 2024, the Supreme Court modified ...': a possessive in
    a phrase put before its clause's subject means that subject, named after it."""
    verb = next((a for a in token.ancestors if a.pos_ in ("VERB", "AUX")), None)
    if verb is None:
        return False
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return subject is not None and subject.i > token.i and subject.i in ids \
        and subject.pos_ in ("PROPN", "NOUN") and token.lower_ in ("its", "their") \
        and token.i < subject.left_edge.i and any(
            a.dep_ == "prep" and a.head == verb for a in token.ancestors)  # (not "its
    # Constituent Assembly was dissolved": the subject's own "its" means someone before)


def unresolved(used: list[Token], subs: dict[int, tuple[int, str]],
                actors: bool = False, named: Sequence[Token] = ()) -> list[str]:
    """Pronouns and 'the agreement's in the question that nothing in it resolves (a
    possessive may lean on the `actors` its label names)."""
    covered = {i for start, (end, _) in subs.items() for i in range(start, end)}
    ids = {t.i for t in used}
    # what a possessive can lean on: a name, or the subject of its own clause ("17
    # states have more than 33% of their area")
    named_before: list[int] = [t.i for t in [*used, *named] if t.pos_ == "PROPN"
                               or t.i in covered or (t.dep_ in g.SUBJECTS
                                                     and t.pos_ == "NOUN")]
    out = []
    for token in sorted(used, key=lambda t: t.i):
        if token.i in covered:
            continue
        word = token.lower_
        relcl = next((a for a in token.ancestors if a.dep_ == "relcl"), None)
        if token.tag_ in ("WDT", "WP", "WP$") and token.i not in covered \
                and relcl is not None and relcl.head.i not in ids:
            out.append(token.text)  # "which" with nothing before it that it describes
        elif token.tag_ in ("WDT", "WP", "WP$"):
            continue
        elif word == "both" and token.pos_ == "PRON" and token.dep_ in g.SUBJECTS:
            if not actors:
                out.append(token.text)  # "Both signed ...": both of whom?
        elif word in ("they", "them") and _inside_relative_of_plural(token, ids):
            continue  # "Women with a bank account that they themselves use"
        elif word in ("it", "them") and _object_of_earlier_noun(token, used):
            continue  # "took 17 years to give its award, and six more to notify it"
        elif word in PRONOUNS and token.pos_ == "PRON":
            possessive = token.dep_ == "poss" or token.tag_ == "PRP$"
            # "their" may lean on the actors a label names ("India-Japan Relations");
            # "its" never on the label: "Chandrayaan-3: its lander" would mean the
            # wrong mission's
            if not (possessive and ((actors and word == "their")
                                    or any(i < token.i for i in named_before)
                                    or _fronted_for(token, ids))):
                out.append(token.text)
        elif word in ("this", "these") and token.dep_ == "det" and token.head.i in ids \
                and token.head.pos_ == "NOUN" and token.i not in covered:
            out.append(f"{token.text} {token.head.text}")  # "this sample-return mission"
        elif token.dep_ in g.SUBJECTS and token.pos_ in ("ADJ", "NUM") and word in (
                "first", "second", "third", "latter", "former", "last", "former"):
            out.append(f"the {token.text}")  # "the first (was commissioned)": of what?
        elif (word in REFERRING or word in DEEDS or word in _AMOUNTS) and any(
                c.lower_ in ("the", "this", "these", "that")
                for c in token.children if c.dep_ == "det") \
                and not any(c.pos_ == "PROPN" or (c.dep_ in ("compound", "amod", "prep",
                                                             "nummod", "appos")
                                                  and c.lower_ not in _AGAIN)
                            or (c.dep_ in ("relcl", "acl") and c.i in ids)
                            for c in token.children) and token.i in ids \
                and not (word in _BETWEEN and actors):
            out.append(f"the {token.text}")  # ("the partnership" of "India-Japan ...";
            # "The earlier range was ____": the range of what?)
    return out


def _object_of_earlier_noun(pronoun: Token, used: list[Token]) -> bool:
    """An object 'it'/'them' with a noun of its number before it in the card,
    in another phrase than its own verb's subject: what it takes up is in the card."""
    if pronoun.dep_ not in ("dobj", "pobj"):
        return False
    plural = pronoun.lower_ == "them"
    verb = pronoun.head if pronoun.dep_ == "dobj" else pronoun.head.head
    for t in used:
        if t.i >= pronoun.i or t.pos_ not in ("NOUN", "PROPN") or t.dep_ == "compound" \
                or _inside_a_name(t) or (  # ("the Ministry of ... Development described
                # it": a word inside a name is no thing of its own, round 22)
                t.dep_ in g.SUBJECTS and t.head == verb) or t.ent_type_ in (
                "DATE", "TIME", "CARDINAL", "ORDINAL", "PERCENT", "MONEY", "QUANTITY"):
            continue  # (not the "April" of "On 4 April 2024, ... dedicated it")
        if (t.tag_ in ("NNS", "NNPS")) == plural:
            return True
    return False


def _inside_a_name(token: Token) -> bool:
    """A word of a name that is not its head: 'Development' of 'the Ministry of Women and
    Child Development' (not 'Bill' of 'the Constitution (108th Amendment) Bill, 2008')."""
    if token.ent_iob_ != "I":
        return False
    name = next((e for e in token.doc.ents if e.start <= token.i < e.end), None)
    return name is not None and name.root.i != token.i


def _inside_relative_of_plural(pronoun: Token, ids: set[int]) -> bool:
    """A 'they' in a relative clause of a phrase whose head is a plural noun the
    question shows ('Women with a bank account that they use')."""
    relcl = next((a for a in pronoun.ancestors if a.dep_ == "relcl"), None)
    if relcl is None:
        return False
    noun = relcl.head
    while noun.dep_ == "pobj" and noun.head.dep_ == "prep":
        noun = noun.head.head  # "account" of "Women with a bank account"
    return noun.i in ids and noun.tag_ in ("NNS", "NNPS")


_BETWEEN = frozenset({"partnership", "relationship", "dialogue"})
