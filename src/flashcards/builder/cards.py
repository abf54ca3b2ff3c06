"""Structure and parse -> cards: items both ways, one "name them all" per list, a
question for every fact, recommendations; each candidate judged by the gate.

Keys come from the section's kind and the item's title (facts: the words around the
answer), never from explanations or answers, so rewording an article keeps the keys.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from flashcards.builder import gate
from flashcards.builder import grammar as g
from flashcards.builder import language as lang
from flashcards.builder.answers import Answer, answers
from flashcards.builder.nlp import CURRENCIES
from flashcards.builder.questions import Draft, ask
from flashcards.builder.refs import (
    DEEDS,
    PRONOUNS,
    REFERRING,
    Mentions,
    acted_on,
    resolve,
    subject_core,
    subject_text,
)
from flashcards.builder.structure import Article, Item, Section
from flashcards.domain import CardDraft, SourceRef

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

_PLURAL_SLUG = {"challenge": "challenges", "opportunity": "opportunities",
                "measure": "measures", "significance": "significance"}
_PRACTICE = re.compile(r"\b(?:practice|previous\s+years?'?|model|mains|prelims)\s+"
                       r"(?:practice\s+)?questions?\b|\bPYQs?\b", re.IGNORECASE)
_NEEDED = frozenset("crucial essential vital key necessary needed important imperative "
                    "required critical".split())
_MEASURE_WORDS = frozenset("measure measures step steps recommendation recommendations reform "
                           "reforms solution solutions suggestion suggestions".split())
LIST_MAX = 10
# who a "should" can be said of: those who act
_AGENTS = frozenset("""government centre center state states ministry department authority
    authorities country countries city cities municipality municipalities bank banks
    company companies firm firms industry farmer farmers citizen citizens school schools
    panchayat panchayats police court courts parliament legislature body bodies
    institution institutions regulator regulators india agency agencies side sides
    partner partners nation nations council commission committee board union""".split())
# sections whose item titles are names a student recalls from their description
_NAMED_ITEMS = frozenset({"challenge", "opportunity", "significance", "measure", "way-forward"})
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
    mentions: Mentions = field(default_factory=Mentions)
    common: frozenset[str] = frozenset()  # abbreviations the article uses all through

    def add(self, key: str, kind: str, question: str, answer: str, section: Section,
            lines: tuple[int, int], reasons: list[str] | None = None) -> None:
        reasons = list(reasons or [])
        if not reasons:
            twin = _near_duplicate(self.cards, question, answer)
            if twin:
                reasons.append(f"a near-duplicate of card {twin}")
        if not reasons and kind == "fact":
            reasons += _trivial(answer, section, self)
        if reasons:
            self.dropped.append(Dropped(key, question, answer, tuple(reasons), lines))
            return
        question, answer = self.redash(question), self.redash(answer)
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


def _trivial(answer: str, section: Section, ctx: Context) -> list[str]:
    """A blank no student could miss or that teaches nothing new: 'India' in notes on
    India, an abbreviation the article uses all through ('LPG' in notes on LPG), a
    year the section has already asked twice."""
    said = answer.strip()
    if said.lower() in ("india", "indian"):
        return ["the answer is India, which the notes are about"]
    if said == "COVID-19":
        return ["the pandemic needs no recalling"]
    if said in ctx.common:
        return [f"{said} is used all through the article: no fact to recall"]
    if re.fullmatch(r"(?:19|20)\d\d", said) and sum(
            1 for c in ctx.cards if c.answer == said and c.source.section == section.heading
    ) >= 2:
        return [f"{said} is asked twice already in this section"]
    return []


def _near_duplicate(cards: list[CardDraft], question: str, answer: str) -> str | None:
    from rapidfuzz import fuzz

    asked = lang.norm(question)
    said = lang.norm(answer)
    for card in cards:
        if lang.norm(card.answer) == said and fuzz.token_sort_ratio(
                lang.norm(card.question), asked) >= 88:
            return card.key
    return None


# --- the whole article -------------------------------------------------------


@dataclass
class _Unit:
    """A text the model parses: a paragraph, an item's explanation or sub-point."""

    section: Section
    slug: str
    text: str
    lines: Lines
    item: Item | None = None
    sub: bool = False


def section_slugs(sections: list[Section]) -> list[str]:
    slugs: list[str] = []
    for section in sections:
        slug = _PLURAL_SLUG.get(section.kind, section.kind)
        if section.kind == "point" or slug in slugs:
            slug = lang.slug(section.heading, 5)
        while slug in slugs:
            slug += "-2"
        slugs.append(slug)
    return slugs


def _units(article: Article) -> list[_Unit]:
    units: list[_Unit] = []
    for section, slug in zip(article.sections, section_slugs(article.sections), strict=True):
        if _PRACTICE.search(section.heading):
            continue  # "Mains Practice Question": the student's task, not study matter
        for para in section.paras:
            units.append(_Unit(section, slug, para.text.replace("\n", " "),
                               _para_lines(para)))
        for item in section.items:
            lines = _item_lines(item)
            if item.body:
                units.append(_Unit(section, slug, item.body, lines, item))
            units += [_Unit(section, slug, _completed(sub.strip(), item.body), lines, item,
                            True) for sub in item.subs if sub.strip()]
    return units


def _item_lines(item: Item) -> Lines:
    """Every sentence of an item points at the whole item."""
    def lines(start: int, end: int) -> tuple[int, int]:
        return item.line_start, item.line_end
    return lines


_PREPOSITIONS = frozenset("within by in on for from until after before under at".split())


def _completed(sub: str, body: str) -> str:
    """A sub-point that only finishes its item's sentence ('- Within three months if
    ...' under 'The Governor must act within one month if ...') as a whole sentence:
    'The Governor must act within three months if ...'."""
    first = sub.split(" ", 1)[0].lower()
    if first not in _PREPOSITIONS or not body:
        return sub
    sentence = re.split(r"(?<=[.!?])\s", body, maxsplit=1)[0]
    found = re.search(rf"\s{first}\s", sentence, re.IGNORECASE)
    if found is None:
        return sub
    return f"{sentence[:found.start()]} {sub[:1].lower()}{sub[1:]}"


def _para_lines(para: object) -> Lines:
    def lines(start: int, end: int) -> tuple[int, int]:
        return para.line_of(start), para.line_of(max(start, end - 1))  # type: ignore[attr-defined]
    return lines


def build_cards(article: Article, ctx: Context, parse: Callable[[list[str]], list[Doc]]
                ) -> None:
    units = _units(article)
    ctx.mentions.label = ctx.label
    counts = Counter(w for u in units for w in re.findall(r"\b[A-Z]{2,5}\b", u.text))
    ctx.common = frozenset(w for w, n in counts.items() if n >= 4)
    docs = parse([u.text for u in units])
    ctx.expansions.update(gate.expansions_in(u.text for u in units))
    by_unit = dict(zip((id(u) for u in units), docs, strict=True))
    done: set[int] = set()
    for section, slug in zip(article.sections, section_slugs(article.sections), strict=True):
        if _PRACTICE.search(section.heading):
            continue
        mine = [u for u in units if u.section is section]
        for unit in mine:
            if unit.item is not None and not unit.sub and id(unit.item) not in done:
                done.add(id(unit.item))
                _item_cards(unit.item, by_unit[id(unit)], section, slug, ctx)
            elif unit.item is not None and not unit.item.body and id(unit.item) not in done:
                done.add(id(unit.item))
                _item_cards(unit.item, None, section, slug, ctx)
            _sentences(unit, by_unit[id(unit)], ctx)
        for item in section.items:
            if id(item) not in done:  # a title with nothing under it
                _item_cards(item, None, section, slug, ctx)
        if len(_names(section)) >= 2 and (section.kind in _NAMED_ITEMS
                                          or section.singular != "point"):
            _name_all(section, slug, ctx)  # ("Background" points are no list to recall)
        if not section.items and not section.paras:
            ctx.warnings.append(f"section \u201c{section.heading}\u201d (line {section.line}) "
                                "is empty: no cards from it")


# --- facts -------------------------------------------------------------------


def _sentences(unit: _Unit, doc: Doc, ctx: Context) -> None:
    before = len(ctx.cards)
    _read(unit, doc, ctx)
    advice = [c for c in ctx.cards[before:] if c.kind in ("way-forward", "measure")]
    if unit.section.kind == "way-forward" and unit.item is None and not advice:
        _recommend(unit, doc, ctx)
    elif unit.section.kind == "conclusion" and unit.item is None and len(ctx.cards) == before:
        _recommend(unit, doc, ctx, "What does the article conclude about {label}?")


def _recommend(unit: _Unit, doc: Doc, ctx: Context,
               form: str = "What does the way forward recommend for {label}?") -> None:
    """A way forward (or conclusion) in prose with no card of its own: what it says."""
    text = doc.text.strip()
    if len(text.split()) > gate.MAX_ANSWER_WORDS:
        text = _as_sentence(next(iter(doc.sents)).text)
    question = form.format(label=ctx.label)
    kind = "way-forward" if unit.section.kind == "way-forward" else "fact"
    ctx.add(f"{unit.slug}/recommend", kind, question, text, unit.section,
            unit.lines(0, len(doc.text)),
            gate.judge(question, text, finite_verb=True, unresolved=(),
                       expansions=ctx.expansions))


def _read(unit: _Unit, doc: Doc, ctx: Context) -> None:
    previous: str | None = None
    core: str | None = None
    ctx.mentions.kinds.clear()  # "the lander" takes up a lander of this paragraph only
    ctx.mentions.start = ctx.mentions.sentences
    ctx.mentions.thing = None
    antecedent = unit.item.title if unit.item is not None else None
    for n, sent in enumerate(doc.sents):
        subs = resolve(sent, ctx.mentions, antecedent if n == 0 else None, previous,
                       antecedent, core)
        lines = unit.lines(sent.start_char, sent.end_char)
        for answer in answers(sent):
            title = unit.item.title if unit.item is not None else None
            draft = ask(answer, sent, subs, ctx.label, title)
            if draft is None:
                continue
            key = f"{unit.slug}/{answer.kind}-{_anchor(sent, answer)}"
            reasons = _judge(draft, subs, ctx)
            if _is_the_topic(draft.answer, ctx):
                reasons.append("the answer is the article's own subject (its label)")
            if unit.item is not None and unit.item.title and _names_title(
                    draft.answer, unit.item.title, ctx):
                reasons.append("the answer is the item's own title (asked by its cards)")
            ctx.add(key, "fact", draft.question, draft.answer, unit.section, lines, reasons)
        _advice(sent, subs, unit, lines, ctx)
        _colon_list(sent, unit, lines, ctx)
        for made in (_aim(sent, subs, ctx), _held(sent, subs, ctx), _examples(sent, subs, ctx),
                     _definition(sent, unit.section, ctx)):
            if made is not None:
                tag, kind, asked, said = made
                ctx.add(f"{unit.slug}/{tag}", kind, asked, said, unit.section, lines,
                        gate.judge(asked, said, finite_verb=True, unresolved=(),
                                   expansions=ctx.expansions))
        ctx.mentions.add(sent, subs)
        previous = subject_text(sent, subs) or previous
        core = subject_core(sent, subs) or core
        ctx.mentions.thing = acted_on(sent, subs) or ctx.mentions.thing


def _is_the_topic(answer: str, ctx: Context) -> bool:
    """'SBM' in a deck on the Swachh Bharat Mission: the label already says it."""
    label = [gate.stem(w) for w in gate.content_words(ctx.label)]
    words = [gate.stem(w) for w in gate.content_words(answer)]  # "Corals" of "Coral reefs"
    numbers = gate.figures(answer)
    if numbers:  # "21.0%" is not the "21" of "NFHS-5 (2019–21)"
        return set(numbers) <= set(gate.figures(ctx.label)) and all(
            w in label for w in words if not w.isdigit())
    if words and all(w in label for w in words):
        return True
    long = ctx.expansions.get(answer.strip())
    return long is not None and all(w in label for w in gate.content_words(long))


def _names_title(answer: str, title: str, ctx: Context) -> bool:
    """An answer that is (part of) the item's title, or its abbreviation."""
    words = gate.content_words(answer)
    titled = set(gate.content_words(title))
    if words and all(w in titled for w in words):
        return True
    return any(answer.strip() == gate.acronym(part) for part in _capital_runs(title))


def _capital_runs(text: str) -> list[str]:
    """Runs of two or more capitalised words: 'United Nations Peacekeeping' -> the run
    and its leading parts ('United Nations'), whose initials may stand for them."""
    runs = re.findall(r"(?:[A-Z][\w'’-]*\s+){1,}[A-Z][\w'’-]*", text)
    out = []
    for run in runs:
        words = run.split()
        out += [" ".join(words[:n]) for n in range(2, len(words) + 1)]
    return out


def _anchor(sent: Span, answer: Answer) -> str:
    """Up to three words after the answer (else before it): never the answer itself."""
    def words(tokens: list[Token]) -> list[str]:
        return [t.lower_ for t in tokens if t.is_alpha and t.lower_ not in gate.STOP]

    after = words([t for t in sent if t.i >= answer.span.end])[:3]
    before = words([t for t in sent if t.i < answer.span.start])[-3:]
    return lang.slug(" ".join(after if len(after) >= 2 else before or after), 3)


def _judge(draft: Draft, subs: dict[int, tuple[int, str]], ctx: Context) -> list[str]:
    # a label that names two actors ("India-Japan Relations: ...") is what "their" and
    # "the partnership" stand for
    actors = draft.question.startswith(lang.upper_first(ctx.label)) and bool(
        re.search(r"[A-Z][\w.]*\s*[-–]\s*[A-Z]|[A-Z]\w* and [A-Z]", ctx.label))
    # in a blank, "Scale up ____ and its strategy": "its" is the blank's
    blank = [draft.answer_span.root] if draft.form == "cloze" else []
    return gate.judge(draft.question, draft.answer, finite_verb=True,
                      unresolved=_unresolved(draft.used, subs, actors, blank),
                      expansions=ctx.expansions)


def _unresolved(used: list[Token], subs: dict[int, tuple[int, str]],
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
        elif word in PRONOUNS and token.pos_ == "PRON":
            possessive = token.dep_ == "poss" or token.tag_ == "PRP$"
            # "their" may lean on the actors a label names ("India-Japan Relations");
            # "its" never on the label: "Chandrayaan-3: its lander" would mean the
            # wrong mission's
            if not (possessive and ((actors and word == "their")
                                    or any(i < token.i for i in named_before))):
                out.append(token.text)
        elif word in ("this", "these") and token.dep_ == "det" and token.head.i in ids \
                and token.head.pos_ == "NOUN" and token.i not in covered:
            out.append(f"{token.text} {token.head.text}")  # "this sample-return mission"
        elif token.dep_ in g.SUBJECTS and token.pos_ in ("ADJ", "NUM") and word in (
                "first", "second", "third", "latter", "former", "last", "former"):
            out.append(f"the {token.text}")  # "the first (was commissioned)": of what?
        elif (word in REFERRING or word in DEEDS) and any(
                c.lower_ in ("the", "this", "these", "that")
                for c in token.children if c.dep_ == "det") \
                and not any(c.pos_ == "PROPN" or c.dep_ in ("compound", "amod", "prep",
                                                            "nummod")
                            or (c.dep_ in ("relcl", "acl") and c.i in ids)
                            for c in token.children) and token.i in ids \
                and not (word in _BETWEEN and actors):
            out.append(f"the {token.text}")  # ("the partnership" of "India-Japan ...")
    return out


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
Made = tuple[str, str, str, str] | None  # (key tag, kind, question, answer)
_AIMS = frozenset("aim seek intend plan".split())


def _aim(sent: Span, subs: dict[int, tuple[int, str]], ctx: Context) -> Made:
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
    question = _labelled(f"What {do} {who} {root.lemma_} to do?", ctx)
    return f"aim-{lang.slug(g.render(subject), 3)}", "fact", question, answer


def _held(sent: Span, subs: dict[int, tuple[int, str]], ctx: Context) -> Made:
    """'The Sarkaria Commission (1988) recommended that the Governor should be ...' ->
    'What did the Sarkaria Commission (1988) recommend?' -> the clause it holds."""
    root = sent.root
    said = next((c for c in root.children if c.dep_ == "ccomp"
                 and any(m.lower_ == "that" for m in c.children)), None)
    subject, own = g.subject_of(root)
    if root.lemma_ not in g.SPEECH or said is None or not own or not subject \
            or subject[0].lower_ in PRONOUNS or root.tag_ != "VBD":
        return None
    words = [t for t in g.subtree(said) if t.lower_ != "that" or t.head.i != said.i]
    answer = lang.upper_first(g.render(words, subs))
    front = [t for c in root.children if c.dep_ == "prep" and c.i < subject[0].i
             for t in g.subtree(c)]
    lead = g.render(front, subs)
    who = g.lower_start(g.render(subject, subs), subject[0], subs)
    question = f"{lead}, what did {who} {root.lemma_}?" if lead else \
        f"What did {who} {root.lemma_}?"
    return f"{root.lemma_}-{lang.slug(g.render(subject), 3)}", "fact", \
        _labelled(question, ctx), answer


_EXAMPLES = frozenset("such including namely like".split())


def _examples(sent: Span, subs: dict[int, tuple[int, str]], ctx: Context) -> Made:
    """'... 18 traditional trades, such as carpenters, blacksmiths, goldsmiths and
    potters': the list is one card, a blank in its sentence."""
    for token in sent:
        if token.lower_ not in _EXAMPLES or token.i + 1 >= sent.end:
            continue
        start = token.i + (2 if token.lower_ == "such" else 1)
        if token.lower_ == "such" and sent.doc[token.i + 1].lower_ != "as":
            continue
        end = start
        while end < sent.end and not (sent.doc[end].text in (";", ".", ")") or (
                sent.doc[end].text == "," and end + 1 < sent.end
                and sent.doc[end + 1].pos_ in ("VERB", "AUX", "SCONJ", "ADV"))):
            end += 1
        listed = sent.doc[start:end]
        if listed.text.count(",") < 1 or " and " not in f" {listed.text} " \
                or len(listed) > 20 or len(sent) > 45:
            continue
        before = g.render([t for t in sent if t.i < start], subs)
        after = g.render([t for t in sent if t.i >= end and not (t.is_punct
                                                                  and t.i == sent.end - 1)], subs)
        count = lang.number_word(len(re.split(r",\s+(?:and\s+)?|\s+and\s+", listed.text)))
        question = (f"{lang.upper_first(ctx.label)}: fill in the blank ({count} things): "
                    f"\u201c{g.join(before, '____', after)}.\u201d")
        return f"examples-{lang.slug(before, 3)}", "fact", question, listed.text
    return None


_ASKS = re.compile(r"^(?:What\s+(?:is|are)\s+(?:an?\s+|the\s+)?(.+?)\?|About\s+(?:the\s+)?(.+))$",
                   re.IGNORECASE)


def _definition(sent: Span, section: Section, ctx: Context) -> Made:
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


def _colon_list(sent: Span, unit: _Unit, lines: tuple[int, int], ctx: Context) -> None:
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
    question = f"{lang.upper_first(ctx.label)}: {head}. Name them."
    ctx.add(f"{unit.slug}/list-{lang.slug(head, 3)}", "list", question, listed,
            unit.section, lines, gate.judge(question, listed, finite_verb=True,
                                            unresolved=(), expansions=ctx.expansions))


# --- recommendations -----------------------------------------------------------


def _advice(sent: Span, subs: dict[int, tuple[int, str]], unit: _Unit,
            lines: tuple[int, int], ctx: Context) -> None:
    """'X should/must/needs to do Y' -> 'What should X do?'; 'X is crucial for Y' ->
    'What is crucial for Y?'; 'Measures needed include A, B and C' -> a list."""
    root = sent.root
    kind = "way-forward" if unit.section.kind == "way-forward" else "measure"
    advising = unit.section.kind in ("way-forward", "measure")
    made = (_should(root, subs, ctx, advising) or _crucial(root, subs, ctx)
            or _needed(root, subs, ctx))
    if made is None:
        return
    tag, question, answer, used = made
    reasons = gate.judge(question, answer, finite_verb=True,
                         unresolved=_unresolved(used, subs), expansions=ctx.expansions)
    ctx.add(f"{unit.slug}/{tag}", kind, question, answer, unit.section, lines, reasons)


def _labelled(question: str, ctx: Context) -> str:
    if not ctx.label:
        return question
    return f"{lang.upper_first(ctx.label)}: {question[:1].lower()}{question[1:]}"


def _should(root: Token, subs: dict[int, tuple[int, str]], ctx: Context, advising: bool
            ) -> tuple[str, str, str, list[Token]] | None:
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
    subject, _ = g.subject_of(root)
    if not subject or subject[0].lower_ in PRONOUNS or subject[0].dep_ == "expl":
        return None
    head = next((t for t in subject if t.dep_ in g.SUBJECTS), subject[-1])
    if not (head.pos_ == "PROPN" or head.ent_type_ in ("ORG", "GPE", "NORP")
            or head.lemma_.lower() in _AGENTS):
        return None  # "Awareness campaigns should reach every block": no one to advise
    c = g.clause(verb)
    conditions = [g.subtree(ch) for ch in verb.children if ch.dep_ == "advcl"
                  and any(m.lower_ in ("if", "unless", "when") for m in ch.children)]
    held = {t.i for group in conditions for t in group}
    rest = [t for group in c.rest for t in group if t.i not in held]
    answer = g.render([verb, *rest], subs)
    if verb.tag_ != "VB" or not rest:
        return None
    who = g.lower_start(g.render(subject, subs), subject[0], subs)
    word = "should" if modal.lower_ in ("should", "need", "needs") else "must"
    condition = g.render([t for group in conditions for t in group], subs)
    question = _labelled(g.join(f"What {word} {who} do", condition) + "?", ctx)
    return (f"should-{lang.slug(who, 3)}", question, lang.upper_first(answer),
            [*subject, verb])


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
    if not any(t.pos_ == "PROPN" for t in goal):
        question = _labelled(question, ctx)
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
    return f"list-{lang.slug(head, 3)}", _labelled(question, ctx), lang.upper_first(listed), \
        subject


# --- items -------------------------------------------------------------------


def _first_claim(doc: Doc | None, item: Item) -> str:
    """An item's explanation as one claim: its first sentence, cut to its main clause
    when it runs over the answer limit; sub-points when there is no explanation."""
    if doc is None:
        subs = [s.strip() for s in item.subs if s.strip()]
        joined = "\n".join(f"- {s}" for s in subs)
        # too long to recall whole: each sub-point's facts are asked on their own
        return joined if len(joined.split()) <= gate.MAX_PARTS_WORDS else ""
    whole = doc.text.strip()
    subs = [f"{' ' * (len(s) - len(s.lstrip()))}- {s.strip()}" for s in item.subs if s.strip()]
    if subs and len(" ".join([whole, *subs]).split()) <= gate.MAX_PARTS_WORDS:
        return "\n".join([whole, *subs])
    several = len(list(doc.sents)) > 1
    if len(whole.split()) <= (gate.MAX_PARTS_WORDS if several else gate.MAX_ANSWER_WORDS):
        return whole
    sent = next(iter(doc.sents))
    text = _as_sentence(sent.text)
    if len(text.split()) <= gate.MAX_ANSWER_WORDS:
        return text
    return _cut_at_comma(sent) or _main_clause(sent)


def _as_sentence(text: str) -> str:
    """A first sentence cut at its ';' or ':' ends with a full stop."""
    text = text.strip()
    return text[:-1].rstrip() + "." if text.endswith((";", ":", ",")) else text


def _cut(claim: str, doc: Doc | None, item: Item) -> bool:
    """Whether the explain card's answer is less than the whole explanation."""
    whole = [doc.text] if doc is not None else []
    whole += [s for s in item.subs if s.strip()]
    said = lang.norm(claim)
    return any(lang.norm(part) not in said for part in whole)


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
        if len(text.split()) <= gate.MAX_ANSWER_WORDS:
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
    return bool(words) and words[0].ent_type_ == "DATE" and len(dated) * 2 >= len(words)


def _a_name(doc: Doc) -> bool:
    """'Naval exercise: AUSINDEX': an explanation that is only a name."""
    words = [t for t in doc if not t.is_punct]
    return 0 < len(words) <= 4 and all(t.pos_ == "PROPN" or t.text.isupper() for t in words)


def _defines(doc: Doc) -> bool:
    """'Data Principal: The individual to whom the personal data relates.': the
    explanation is a noun phrase (no verb of its own), a definition."""
    root = next(iter(doc.sents)).root
    return root.pos_ in ("NOUN", "PROPN") and not _figures(doc)


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



def _masked(text: str, title: str) -> str:
    """The explanation with the title's words blanked (and their initials: 'UN' for
    'United Nations'), so it does not give them away."""
    words = [w for w in re.findall(r"[\w’'-]+", title) if w.lower() not in gate.STOP]
    words += [a for a in (gate.acronym(run) for run in _capital_runs(title)) if a]
    out = text
    for word in sorted(words, key=len, reverse=True):
        stem = re.escape(word[:-1] if len(word) > 4 and word[-1] in "sy" else word)
        out = re.sub(rf"\b{stem}\w*", "____", out, flags=re.IGNORECASE)
    out = re.sub(r"____(?:[\s-]+____)+", "____", out)
    return out


def _item_cards(item: Item, doc: Doc | None, section: Section, slug: str,
                ctx: Context) -> None:
    span = (item.line_start, item.line_end)
    key = f"{slug}/{lang.slug(item.title or item.body, 6)}"
    if not item.title:
        _statement_card(item, doc, section, key, ctx)
        return
    claim = _first_claim(doc, item)
    if not claim and item.subs:
        return  # sub-points too long to recall as one answer: asked one by one
    if not claim and not any(i.body or i.subs for i in section.items):
        return  # a list of names ("- **Quantum Computing**"): its list card asks them
    if not claim:
        ctx.warnings.append(f"{section.heading}, line {item.line_start}: item "
                            f"\u201c{item.title}\u201d has no explanation")
        return
    if section.kind in _NAMED_ITEMS:
        noun = section.singular
        if noun.lower() in item.title.lower():  # "the right “Rights”"
            noun = {"challenge": "challenge", "opportunity": "opportunity"}.get(section.kind,
                                                                              "point")
        question = _labelled(f"What is meant by the {noun} \u201c{item.title}\u201d?", ctx)
    elif doc is not None and _dated(doc):
        question = _labelled(f"What is the date of \u201c{item.title}\u201d?", ctx)
    elif doc is not None and _a_name(doc):
        question = _labelled(f"What is the name of the \u201c{item.title}\u201d?", ctx)
    elif doc is not None and _defines(doc):
        question = _labelled(f"What is meant by \u201c{item.title}\u201d?", ctx)
    elif doc is not None and _figures(doc):
        question = _labelled(f"What are the figures for \u201c{item.title}\u201d?", ctx)
    elif doc is not None and any(c.source.line_start == item.line_start
                                 for c in ctx.cards if c.kind == "fact"):
        return  # a background point: its facts are asked, its heading is no question
    else:  # the section's heading says what the title is about ("By area" of what?)
        question = _labelled(f"Under \u201c{section.heading}\u201d, what is said about "
                             f"\u201c{item.title}\u201d?", ctx)
    if _cut(claim, doc, item):  # only the first claim of a longer explanation
        question = _in_one_line(question)
    ctx.add(f"{key}/explain", section.kind, question, claim, section, span,
            gate.judge(question, claim, finite_verb=True, unresolved=(),
                       expansions=ctx.expansions, explains=True))
    case = " v. " in item.title or " vs " in item.title
    if (section.kind not in _NAMED_ITEMS and not case) or len(item.title.split()) < 2:
        return  # a background point's title is a heading; "Defence" is a category
    masked = _masked(claim.rstrip("."), item.title)
    hidden = masked.count("____")
    reasons = []
    if len(masked.replace("____", "").split()) < 3:
        reasons.append("too little is left once the title's words are blanked")
    noun = "case" if case else section.singular
    question = _labelled(f"Which {noun} is described here: \u201c{masked}\u201d?", ctx)
    if hidden * 2 > len(masked.split()):
        reasons.append("the description is mostly the title")
    ctx.add(f"{key}/identify", section.kind, question, item.title, section, span,
            reasons + gate.judge(question, item.title, finite_verb=True, unresolved=(),
                                 expansions=ctx.expansions))


def _statement_card(item: Item, doc: Doc | None, section: Section, key: str,
                    ctx: Context) -> None:
    """An untitled item (a whole sentence): 'What reduces natural drainage?' -> its
    subject."""
    if doc is None:
        return
    sent = next(iter(doc.sents))
    c = g.clause(sent.root)
    if not c.subject and sent.root.tag_ == "VB" and section.kind in ("way-forward", "measure"):
        _step_card(sent, section, key, item, ctx)  # "Notify the Rules early and ..."
        return
    if not c.subject or c.subject[0].lower_ in PRONOUNS or not c.own_subject:
        return
    if any(t.pos_ == "PROPN" for t in c.subject):
        return  # a name: its fact cards ask it
    _, verb_words = g.verb_group(c, invert=False, bare_wh=True)
    rest = [t for group in c.rest for t in group]
    if not rest:
        return
    question = _labelled(g.join("What", verb_words, g.render(rest)) + "?", ctx)
    answer = lang.upper_first(g.render(c.full_subject or c.subject))
    reasons = gate.judge(question, answer, finite_verb=True,
                         unresolved=_unresolved(rest, {}), expansions=ctx.expansions)
    if _is_the_topic(answer, ctx):
        reasons.append("the answer is the article's own subject (its label)")
    ctx.add(f"{key}/what", section.kind, question, answer, section,
            (item.line_start, item.line_end), reasons)


def _step_card(sent: Span, section: Section, key: str, item: Item, ctx: Context) -> None:
    """An untitled step in the imperative: what should be done about its object."""
    objects = [c for c in sent.root.children if c.dep_ == "dobj"]
    if not objects:
        return
    thing = g.render(g.subtree(objects[0], frozenset({"prep", "relcl", "acl", "conj", "cc"})))
    where = "the way forward" if section.kind == "way-forward" else "the measures"
    question = _labelled(f"According to {where}, what should be done about {thing}?", ctx)
    answer = sent.text.strip()
    ctx.add(f"{key}/step", section.kind, question, answer, section,
            (item.line_start, item.line_end),
            gate.judge(question, answer, finite_verb=True, unresolved=(),
                       expansions=ctx.expansions))


def _names(section: Section) -> list[str]:
    """What a section's items are called: their titles, or short untitled items whole
    ("Weak early-warning systems for cities")."""
    names = [i.title or i.body.rstrip(".") for i in section.items
             if i.title or 0 < len(i.body.split()) <= 8]
    return names if len(names) == len(section.items) else [
        i.title for i in section.items if i.title]


def _name_all(section: Section, slug: str, ctx: Context) -> None:
    names = _names(section)
    if len(names) > LIST_MAX:
        return
    count = lang.number_word(len(names))
    if section.kind == "way-forward":
        question = f"Name the {count} steps of the way forward for {ctx.label}."
    elif section.kind in ("intro", "overview", "point", "conclusion"):
        heading = re.sub(r"^(?:what\s+are\s+)?(?:the\s+)?(?:key\s+)?|\?$", "",
                         section.heading.strip(), flags=re.IGNORECASE)
        question = f"{lang.upper_first(ctx.label)}: name the {count} {heading.lower()}."
    else:
        question = f"{lang.upper_first(ctx.label)}: name the {count} {section.plural}."
    answer = "\n".join(f"{n}. {name}" for n, name in enumerate(names, start=1))
    lines = (section.items[0].line_start, section.items[-1].line_end)
    ctx.add(f"{slug}/all", "list", question, answer, section, lines)
