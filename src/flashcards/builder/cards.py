"""Structure -> cards: items both ways, one "name them all" per list, facts, way forward.

Keys come from the section's kind and the item's title (facts: the words around the
answer), never from explanations or answers, so rewording an article keeps the keys.
"""

from __future__ import annotations

import re
import warnings
from dataclasses import dataclass, field

from flashcards.builder import facts as fx
from flashcards.builder import language as lang
from flashcards.builder import statements as st
from flashcards.builder.structure import Article, Item, Para, Section
from flashcards.domain import CardDraft, SourceRef

with warnings.catch_warnings():  # pysbd 0.3.4 has invalid escapes in its regex strings
    warnings.simplefilter("ignore", (DeprecationWarning, SyntaxWarning))
    import pysbd

_SEGMENTER = pysbd.Segmenter(language="en", clean=False, char_span=True)
_FACT_KINDS = ("intro", "overview", "way-forward", "point")
_PLURAL_SLUG = {"challenge": "challenges", "opportunity": "opportunities",
                "measure": "measures", "significance": "significance"}
_RECOMMEND = re.compile(r"^(?P<what>.+?)\s+(?:is|are)\s+(?P<adj>crucial|essential|vital|key|"
                        r"necessary|needed|important|imperative|required|critical|the key)\s+"
                        r"(?P<prep>for|to)\s+(?P<goal>.+)$", re.IGNORECASE)
_ABBREVIATION = re.compile(r"(?:\b(?:v|vs|Dr|Mr|Mrs|Ms|Jr|St|No|Art|Govt)|(?<![\w.])[A-Z])\.$")
_SHOULD = re.compile(r"^(?P<who>[^,;]+?)\s+(?:should|must|needs?\s+to|ought\s+to)\s+"
                     r"(?:also\s+)?(?P<do>[a-z].+)$")
_EXACT_KINDS = ("year", "period", "amount", "percentage", "ordinal", "number", "provision")
_PRACTICE = re.compile(r"\b(?:practice|previous\s+years?'?|model|mains|prelims)\s+"
                       r"(?:practice\s+)?questions?\b|\bPYQs?\b", re.IGNORECASE)
CLAUSE_WORDS = 28


@dataclass
class Context:
    source: str
    topic: str
    tags: tuple[str, ...]
    cards: list[CardDraft] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    keys: set[str] = field(default_factory=set)

    def add(self, key: str, kind: str, question: str, answer: str, section: Section,
            lines: tuple[int, int]) -> None:
        base, n = key, 2
        while key in self.keys:
            key, n = f"{base}-{n}", n + 1
        self.keys.add(key)
        self.cards.append(CardDraft(key=key, question=question, answer=answer, kind=kind,
                                    tags=self.tags,
                                    source=SourceRef(self.source, section.heading, *lines)))


def sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans (start, end) of a paragraph; newlines count as spaces."""
    flat = text.replace("\n", " ")
    spans: list[tuple[int, int]] = []
    for span in _SEGMENTER.segment(flat):
        start = span.start + (len(span.sent) - len(span.sent.lstrip()))
        end = span.start + len(span.sent.rstrip())
        if end <= start:
            continue
        if spans and _ABBREVIATION.search(flat[spans[-1][0]:spans[-1][1]]):
            spans[-1] = (spans[-1][0], end)  # "v. Governor", "J.B. Pardiwala"
        else:
            spans.append((start, end))
    return spans


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


def build_cards(article: Article, ctx: Context) -> None:
    kinds = [s.kind for s in article.sections]
    for section, slug in zip(article.sections, section_slugs(article.sections), strict=True):
        if _PRACTICE.search(section.heading):
            continue  # "Mains Practice Question": the student's task, not study matter
        repeated = kinds.count(section.kind) > 1
        if section.items:
            _list_cards(section, slug, ctx, repeated)
        for para in section.paras:
            if section.kind == "way-forward":
                _way_forward(para, section, slug, ctx)
            _fact_cards(para, section, slug, ctx)
        if not section.items and not section.paras:
            ctx.warnings.append(f"section \u201c{section.heading}\u201d (line {section.line}) "
                                "is empty: no cards from it")


def _key_clause(item: Item) -> str:
    """The explanation's first sentence, cut at a comma if it is long."""
    text = item.body or "; ".join(s.strip() for s in item.subs)
    spans = sentences(text)
    first = text[spans[0][0]:spans[0][1]] if spans else text
    first = first.rstrip(" .;:")
    words = first.split()
    if len(words) > CLAUSE_WORDS:
        cut = first[:len(" ".join(words[:CLAUSE_WORDS]))]
        comma = cut.rfind(",")
        first = cut[:comma] if comma > 40 else cut + " \u2026"
    return first


def _mask(text: str, title: str) -> str:
    """Blank the title where the clause repeats it, so the question does not leak it."""
    pattern = re.compile(r"\b" + r"\W+".join(map(re.escape, title.split())) + r"\b",
                         re.IGNORECASE)
    return pattern.sub("____", text)


def _answer(item: Item) -> str:
    lines = [item.body] if item.body else []
    lines += [f"{' ' * (len(s) - len(s.lstrip()))}- {s.strip()}" for s in item.subs]
    return "\n".join(lines)


def _list_cards(section: Section, slug: str, ctx: Context, repeated: bool) -> None:
    names = []
    item_keys: set[str] = set()
    for item in section.items:
        span = (item.line_start, item.line_end)
        name = item.title or _short_name(item.body)
        names.append(name)
        key = f"{slug}/{lang.slug(item.title or item.body, 6)}"
        while key in item_keys:
            key += "-2"
        item_keys.add(key)
        body = _answer(item)
        if item.title and body:
            question = (f"In {ctx.topic}, what is meant by the {section.singular} "
                        f"\u201c{item.title}\u201d?")
            ctx.add(f"{key}/explain", section.kind, question, body, section, span)
            clause = _mask(_key_clause(item), item.title)
            question = (f"In {ctx.topic}, which {section.singular} is described here: "
                        f"\u201c{clause}\u201d?")
            ctx.add(f"{key}/identify", section.kind, question, item.title, section, span)
        found = _item_facts(item, section, slug, ctx)
        if not item.title and lang.count_words(item.body) >= 12 and not found:
            words = item.body.split()
            half = max(6, len(words) // 2)
            question = (f"In {ctx.topic}, complete this {section.singular}: "
                        f"\u201c{' '.join(words[:half])} \u2026\u201d")
            ctx.add(f"{key}/complete", section.kind, question,
                    "\u2026 " + " ".join(words[half:]), section, span)
        elif item.title and not body:
            ctx.warnings.append(f"{section.heading}, line {item.line_start}: item "
                                f"\u201c{item.title}\u201d has no explanation")
    sentences_only = all(_is_statement(i) for i in section.items)
    if len(names) >= 2 and not sentences_only:  # whole sentences are no names to recall
        _name_all(section, slug, names, ctx, repeated)


def _is_statement(item: Item) -> bool:
    """An untitled item that is a whole sentence, not a name to recall."""
    words = lang.count_words(item.body)
    return not item.title and (words >= 12 or (words >= 6 and item.body.endswith(".")))


def _item_facts(item: Item, section: Section, slug: str, ctx: Context) -> int:
    """Facts in an item: all of them in an untitled item (a plain statement); only the
    exact ones (years, amounts, numbers ...) in a titled item's explanation."""
    topic = f"{ctx.topic} ({item.title})" if item.title else ctx.topic
    count = 0
    for text in [item.body, *(s.strip() for s in item.subs)]:
        previous: str | None = None
        for start, end in sentences(text):
            sentence = lang.resolve_pronoun(text[start:end], previous)
            sentence = lang.resolve_reference(sentence, ctx.topic)
            previous = text[start:end]
            for fact in fx.facts(sentence, topic):
                if item.title and (fact.kind not in _EXACT_KINDS or fact.answer.isalpha()):
                    continue  # names, and "the first tranche", belong to the explanation
                ctx.add(f"{slug}/{fact.kind}-{fact.anchor}", "fact", fact.question,
                        fact.answer, section, (item.line_start, item.line_end))
                count += 1
            for said in [] if item.title else st.statements(sentence, ctx.topic):
                ctx.add(f"{slug}/{said.anchor}", "fact", said.question, said.answer,
                        section, (item.line_start, item.line_end))
                count += 1
    return count


def _short_name(text: str) -> str:
    first = re.split(r"[,.;:]\s", text, maxsplit=1)[0]
    words = first.split()
    return " ".join(words[:12]) + (" \u2026" if len(words) > 12 else "")


def _name_all(section: Section, slug: str, names: list[str], ctx: Context,
              repeated: bool) -> None:
    count = lang.number_word(len(names))
    where = f" listed under \u201c{section.heading}\u201d" if repeated else ""
    if section.kind == "way-forward":
        question = f"Name the {count} steps of the way forward for {ctx.topic}{where}."
    elif section.kind in ("measure",):
        done = "taken" if re.search(r"\b(?:taken|launched|initiatives?)\b", section.heading,
                                    re.IGNORECASE) else "needed"
        question = f"Name the {count} {section.plural} {done} in {ctx.topic}{where}."
    elif section.kind in ("intro", "overview", "point") and (
            asked := re.match(r"^What\s+are\s+(?:the\s+)?(.+?)\s*\?$", section.heading)):
        question = f"In {ctx.topic}, what are the {asked[1]}? Name all {count}."
    elif section.kind in ("intro", "overview", "point"):
        question = f"In {ctx.topic}, name the {count} {section.plural} listed under " \
                   f"\u201c{section.heading}\u201d."
    else:
        question = f"Name the {count} {section.plural} in {ctx.topic}{where}."
    answer = "\n".join(f"{n}. {name}" for n, name in enumerate(names, start=1))
    lines = (section.items[0].line_start, section.items[-1].line_end)
    ctx.add(f"{slug}/all", "list", question, answer, section, lines)


def _span(para: Para, start: int, end: int) -> tuple[int, int]:
    return para.line_of(start), para.line_of(max(start, end - 1))


def _way_forward(para: Para, section: Section, slug: str, ctx: Context) -> None:
    spans = sentences(para.text)
    text = lang.squash(para.text)
    first = lang.squash(para.text[spans[0][0]:spans[0][1]]).rstrip(".") if spans else text
    found = _RECOMMEND.match(first)
    if found:
        question = (f"According to the way forward for {ctx.topic}, what is "
                    f"{found['adj'].lower()} {found['prep'].lower()} {found['goal']}?")
        answer = lang.upper_first(found["what"])
    else:
        question = f"What does the way forward recommend for {ctx.topic}?"
        answer = text
    ctx.add(f"{slug}/recommend", "way-forward", question, answer, section,
            (para.lines[0], para.lines[-1]))
    for n, (start, end) in enumerate(spans):
        sentence = lang.squash(para.text[start:end]).rstrip(".")
        lines = _span(para, start, end)
        found = _RECOMMEND.match(sentence)
        if found and n > 0:
            question = (f"According to the way forward for {ctx.topic}, what is "
                        f"{found['adj'].lower()} {found['prep'].lower()} {found['goal']}?")
            ctx.add(f"{slug}/recommend-{lang.slug(found['goal'], 3)}", "way-forward",
                    question, lang.upper_first(found["what"]), section, lines)
        should = _SHOULD.match(sentence)
        if should and lang.count_words(should["who"]) <= 8:
            who = lang.lower_subject(should["who"])
            question = f"According to the way forward for {ctx.topic}, what should {who} do?"
            ctx.add(f"{slug}/should-{lang.slug(should['who'], 3)}", "way-forward", question,
                    lang.upper_first(should["do"]), section, lines)


def _fact_cards(para: Para, section: Section, slug: str, ctx: Context) -> None:
    label = "way forward" if section.kind == "way-forward" else section.heading.lower()
    previous: str | None = None
    for start, end in sentences(para.text):
        sentence = lang.resolve_pronoun(para.text[start:end], previous)
        sentence = lang.resolve_reference(sentence, ctx.topic)
        previous = para.text[start:end]
        found = fx.facts(sentence, ctx.topic)
        if section.kind in _FACT_KINDS:
            found += fx.enumerations(sentence, ctx.topic, label)
        for fact in found:
            ctx.add(f"{slug}/{fact.kind}-{fact.anchor}", "fact", fact.question, fact.answer,
                    section, _span(para, start, end))
        defined = st.definition(sentence, section.heading)
        for said in st.statements(sentence, ctx.topic) + ([defined] if defined else []):
            ctx.add(f"{slug}/{said.anchor}", "fact", said.question, said.answer, section,
                    _span(para, start, end))
