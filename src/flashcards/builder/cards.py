"""Structure and parse -> cards: the article read unit by unit (a paragraph, an item,
a sub-point), a question for every fact of every sentence, and the cards of items
(item_cards.py) and claims (claims.py); each candidate judged by the gate.

Keys come from the section's kind and the item's title (facts: the words around the
answer), never from explanations or answers, so rewording an article keeps the keys.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from typing import TYPE_CHECKING

from flashcards.builder import gate
from flashcards.builder import grammar as g
from flashcards.builder import language as lang
from flashcards.builder.answers import GENERIC, TYPE_NOUNS, Answer, answers
from flashcards.builder.claims import advice, aim, colon_list, definition, examples, held
from flashcards.builder.context import (
    Context,
    Dropped,
    Lines,
    Unit,
    is_the_topic,
    labelled,
    unresolved,
)
from flashcards.builder.item_cards import (
    NAMED_ITEMS,
    capital_runs,
    item_cards,
    item_names,
    name_all,
    statement_card,
)
from flashcards.builder.questions import Draft, ask
from flashcards.builder.refs import (
    PRONOUNS,
    acted_on,
    asked_about,
    counted_before,
    created_by,
    done_by_person,
    referent,
    resolve,
    says_of,
    subject_core,
    subject_text,
    takes_up_subject,
)
from flashcards.builder.structure import Article, Item, Section

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

__all__ = ["Context", "Dropped", "build_cards", "section_slugs"]

_PLURAL_SLUG = {"challenge": "challenges", "opportunity": "opportunities",
                "measure": "measures", "significance": "significance"}

_PRACTICE = re.compile(r"\W*\b(?:practice|previous\s+years?'?|model|mains|prelims)\s+"
                       r"(?:practice\s+)?questions?\b|\bPYQs?\b", re.IGNORECASE)

# --- the whole article -------------------------------------------------------

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


def _units(article: Article) -> list[Unit]:
    units: list[Unit] = []
    for section, slug in zip(article.sections, section_slugs(article.sections), strict=True):
        if _PRACTICE.search(section.heading):
            continue  # "Mains Practice Question": the student's task, not study matter
        # ... and so is such a line under the Conclusion ("Mains Practice Question: ...")
        section.items[:] = [i for i in section.items
                            if not (i.title and _PRACTICE.match(i.title))]
        for para in section.paras:
            if _PRACTICE.match(para.text) and ":" in para.text[:40]:
                continue
            text, lines = _undated(para.text.replace("\n", " "), _para_lines(para))
            units.append(Unit(section, slug, text, lines))
        for item in section.items:
            lines = _item_lines(item)
            if item.body and not (item.asked and len(item.body.split()) <= gate.MAX_ANSWER_WORDS):
                # (the article's own short answer to its own question is asked whole)
                units.append(Unit(section, slug, item.body, lines, item))
            units += [Unit(section, slug, _completed(sub.strip(), item.body), lines, item,
                            True) for sub in item.subs if sub.strip()]
    return units


# "New Delhi, 1 January 2025: The Union Cabinet ... today approved ...": a press
# release's dateline
_DATELINE = re.compile(rf"(?:[A-Z][A-Za-z.]+ ?){{1,3}}, (?P<date>\d{{1,2}} {lang.MONTH_NAME},? "
                       r"\d{4})\s*[:\u2013\u2014-]\s+")


def _undated(text: str, lines: Lines) -> tuple[str, Lines]:
    """A paragraph without its dateline, its "today" the dateline's date (round 24: "New
    Delhi, ____ approved the continuation ..." had lost the Cabinet that approved it)."""
    found = _DATELINE.match(text)
    if found is None:
        return text, lines
    rest, cut = text[found.end():], found.end()
    today = re.search(r"\btoday\b", rest)
    if today is None:
        return rest, lambda start, end: lines(start + cut, end + cut)
    said = f"on {found['date']}"
    rest = rest[:today.start()] + said + rest[today.end():]
    shift = len(said) - len("today")

    def shifted(start: int, end: int) -> tuple[int, int]:
        def back(i: int) -> int:
            return i + cut - (shift if i > today.start() else 0)
        return lines(back(start), back(end))
    return rest, shifted


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
    ctx.text = "\n".join(u.text for u in units)
    docs = parse([u.text for u in units])
    ctx.expansions.update(gate.expansions_in(u.text for u in units))
    by_unit = dict(zip((id(u) for u in units), docs, strict=True))
    done: set[int] = set()
    entries = _entries(article) or _news_items(article, parse, ctx.text)
    label = ctx.label
    owned: tuple[int, str] | None = None  # the level and label of an owned heading
    for section, slug in zip(article.sections, section_slugs(article.sections), strict=True):
        if _PRACTICE.search(section.heading):
            continue
        now = entries.get(id(section), label)
        owner = _OWNED.match(section.heading)
        if owned is not None and (section.level == 0 or section.level > owned[0]):
            now = owned[1]  # "Pillar performance:" under "## India's performance": still
            # India's ranks (round 24: "Institutions: Rank improved from ____ to 54th",
            # whose? WEAK x12)
        elif owner and owner[1].lower() not in now.lower() \
                and owner[1].lower() not in GENERIC and _RANKING.search(now):
            # "India's performance" under a report's label: whose life expectancy rose
            # (round 22: "what rose from 67.2 years to 67.7 years?", WEAK x7)
            now = f"{now} ({section.heading.rstrip(':')})"
            owned = (section.level, now) if section.level else None
        else:
            owned = None
        _relabel(ctx, now)
        mine = [u for u in units if u.section is section]
        by_item = _items_in_news(article, section)
        for unit in mine:
            if by_item and unit.item is not None and unit.item.title:
                _relabel(ctx, unit.item.title)  # "Kursk: ...", "Panama Canal: ...": each
                # place of a "Places in news" note is its own subject
            before = len(ctx.cards)
            _sentences(unit, by_unit[id(unit)], ctx)
            after = len(ctx.cards)
            if unit.item is not None and not unit.sub and id(unit.item) not in done:
                done.add(id(unit.item))
                item_cards(unit.item, by_unit[id(unit)], section, slug, ctx,
                           fresh=ctx.cards[before:after])
            elif unit.item is not None and not unit.item.body and id(unit.item) not in done:
                done.add(id(unit.item))
                item_cards(unit.item, None, section, slug, ctx)
            # the item's own cards first, then its facts (made first: an item whose
            # facts are asked needs no first-line summary)
            ctx.cards[before:] = [*ctx.cards[after:], *ctx.cards[before:after]]
        if by_item:  # (the section's own cards carry the note's label again)
            _relabel(ctx, now)
        for item in section.items:
            if id(item) not in done:  # a title with nothing under it
                item_cards(item, None, section, slug, ctx)
        if len(item_names(section)) >= 2 and (section.kind in NAMED_ITEMS
                                          or section.singular != "point"):
            name_all(section, slug, ctx)  # ("Background" points are no list to recall)
        after = article.sections.index(section) + 1
        parent = after < len(article.sections) and (
            (section.level and article.sections[after].level > section.level)
            or (section.kind == "point" and article.sections[after].line <= section.line + 2
                and article.sections[after].level in (0, *range(section.level + 1, 7))))
        # "## Background" over "### Origins"; "Body:" right over "Significance:" (a
        # heading that names no kind of its own; "## Challenges" over "## Way Forward" is
        # empty)
        if not section.items and not section.paras and not parent:
            ctx.warnings.append(f"section \u201c{section.heading}\u201d (line {section.line}) "
                                "is empty: no cards from it")
    _relabel(ctx, label)


def _relabel(ctx: Context, label: str) -> None:
    """Questions from here on carry `label`. Another label is another story: what its
    text names ("the Mission") is not a thing named under the one before."""
    if label != ctx.label:
        ctx.mentions.named.clear()
        ctx.mentions.thing = None
    ctx.label = ctx.mentions.label = label


_ENTRY = re.compile(r"([A-Z][\w'\u2019-]*(?:\s+[A-Z][\w'\u2019-]*){0,4})\s*(?::\s+\S.*)?")


_DIGEST = re.compile(r"\b(?:daily\s+current\s+affairs|current\s+affairs|news\s+in\s+brief|"
                     r"news\s+analysis|in\s+the\s+news|daily\s+news|news\s+digest|"
                     r"year[\s-]+end\s+review|year\s+in\s+review)\b", re.IGNORECASE)
_PAPER_NOTE = re.compile(r"\s*[(\[](?:GS|General\s+Studies)[^)\]]*[)\]]\s*$", re.IGNORECASE)


def _news_items(article: Article, parse: Callable[[list[str]], list[Doc]], body: str
                ) -> dict[int, str]:
    """A page of unrelated news items ('Daily Current Affairs ...', each item a '##'
    heading over its 'Context:', 'Key Highlights:' ...): each item's questions carry a
    label of its own, from its heading; the page's title names none of them."""
    from flashcards.builder.topic import headline_label

    if not article.title or not _DIGEST.search(article.title):
        return {}
    levels = [s.level for s in article.sections if s.level]
    top = min(levels) if levels else 0  # (plain text: every heading is an item's; a
    # ministry's "Year End Review" is one scheme a heading)
    heads = [s for s in article.sections if s.level == top and s.explicit]
    if len(heads) < 2:
        return {}
    texts = [_PAPER_NOTE.sub("", s.heading) for s in heads]
    labels = [headline_label(doc, text, body)
              for doc, text in zip(parse(texts), texts, strict=True)]
    found: dict[int, str] = {}
    current: str | None = None
    for section in article.sections:
        if any(section is h for h in heads):
            current = labels[next(i for i, h in enumerate(heads) if h is section)]
        if current:
            found[id(section)] = current
    return found


_IN_NEWS = re.compile(rf"\b{lang.IN_NEWS}\b", re.IGNORECASE)


def _items_in_news(article: Article, section: Section) -> bool:
    """A 'Places in news' note: every item of the section names a place (or a species,
    a person ...) that its own sentences are about."""
    titled = [i.title for i in section.items if i.title]
    if article.title and re.match(r"\W*personalit(?:y|ies)\s+in\b", article.title, re.I):
        return False  # "Personality in news: Birsa Munda": one person, whose profile's
        # fields ("Born:", "Died:") are no subjects of their own (round 27)
    return bool(article.title and _IN_NEWS.search(article.title)) and len(titled) >= 3 \
        and len(titled) == len(section.items) and all(len(t.split()) <= 5 for t in titled) \
        and 3 * sum(lang.title_case(t) for t in titled) >= 2 * len(titled)
    # (not "Common name:", "Habitat:", "Threats:", a profile's fields under no heading:
    # each became its cards' label, round 25)


def _entries(article: Article) -> dict[int, str]:
    """A digest of short entries ('Prelims pointers', 'Species in news'): three sections
    or more under headings that each name their subject ('Great Indian Bustard: Supreme
    Court and Climate Rights'). Each entry's questions carry its own subject as their
    label; the article's title names none of them."""
    named = [s for s in article.sections if s.explicit and (s.items or s.paras)]
    if len(named) < 3 or any(s.kind != "point" for s in named):
        return {}
    found = {id(s): m[1] for s in named if (m := _ENTRY.fullmatch(s.heading))}
    return found if len(found) == len(named) else {}

# --- facts -------------------------------------------------------------------

def _sentences(unit: Unit, doc: Doc, ctx: Context) -> None:
    before = len(ctx.cards)
    _read(unit, doc, ctx)
    advice = [c for c in ctx.cards[before:] if c.kind in ("way-forward", "measure")
              and not c.key.endswith("/what")]
    if unit.section.kind == "way-forward" and unit.item is None and not advice:
        _recommend(unit, doc, ctx)
    # (a conclusion's summing-up is no card: "What does the article conclude?" asks
    # about a text the student does not have, and its answer is a whole sentence)


def _recommend(unit: Unit, doc: Doc, ctx: Context,
               form: str = "What does the way forward recommend for {label}?") -> None:
    """A way forward in prose with no card of its own: what it says."""
    text = doc.text.strip()
    if len(text.split()) > gate.MAX_ANSWER_WORDS:
        return  # (its first sentence would answer "what does it recommend?" in part:
        # rounds 7 and 9 judged that WRONG; its sentences' own cards ask it)
    question = form.format(label=ctx.label)
    kind = "way-forward" if unit.section.kind == "way-forward" else "fact"
    ctx.add(f"{unit.slug}/recommend", kind, question, text, unit.section,
            unit.lines(0, len(doc.text)),
            gate.judge(question, text, finite_verb=True, unresolved=(),
                       expansions=ctx.expansions))


def _read(unit: Unit, doc: Doc, ctx: Context) -> None:
    previous: str | None = None
    core: str | None = None
    ctx.mentions.kinds.clear()  # "the lander" takes up a lander of this paragraph only
    ctx.mentions.plain.clear()
    ctx.mentions.nouns.clear()
    ctx.mentions.start = ctx.mentions.sentences
    ctx.mentions.thing = ctx.mentions.done_to = ctx.mentions.created = None
    antecedent = referent(unit.item.title) if unit.item is not None and not unit.item.asked \
        else asked_about(unit.item.title) if unit.item is not None else None
    _name_the_item(antecedent, ctx)
    last: Span | None = None
    for n, sent in enumerate(doc.sents):
        if _EXAM_META.search(sent.text) or sent.text.rstrip().endswith("?"):
            continue  # "For UPSC, the summit matters for GS Paper II ...": about the exam;
            # "(iv) Does the power of the House ... exclude ...?": a question, no claim
        subs = resolve(sent, ctx.mentions, antecedent if n == 0 else None, previous,
                       antecedent, core)
        counted_before(sent, last, subs)
        last = sent
        lines = unit.lines(sent.start_char, sent.end_char)
        for answer in answers(sent):
            # (the interviewer's question is no title to quote: "How big is the problem,
            # in numbers?: A follow-up analysis ...")
            title = unit.item.title if unit.item is not None and not unit.item.asked else None
            draft = ask(answer, sent, subs, ctx.label, title)
            if draft is None:
                continue
            if title and (not g.has_finite_verb(sent) or (
                    draft.form == "cloze" and _subjectless(sent))):
                if draft.form == "cloze" and title not in draft.question:
                    draft.question = _titled(draft.question, title, short_only=False)
                draft.question = _under_heading(draft.question, title, unit.section.heading)
            elif title and draft.form == "wh" and lang.is_case(title) \
                    and title not in draft.question:
                draft.question = _in_case(draft.question, title, ctx.label)
            elif title and draft.form == "cloze" and title not in draft.question:
                # "Institutions: Rank improved from 56th to 54th ...": a bare "Rank" is
                # the title's, however long the quote (round 24, WEAK)
                first = sent[0]
                shared = set(re.findall(r"\d+", title)) & set(re.findall(r"\d+", draft.answer))
                bare = first.text[:1].isupper() and not shared and (
                    (first.pos_ == "ADJ" and not first.ent_type_)
                    or (first.pos_ in ("NOUN", "PROPN") and first.lower_ in sent.doc._.lowercase
                        and first.i + 1 < len(sent.doc)
                        and sent.doc[first.i + 1].pos_ in ("VERB", "AUX")))
                draft.question = _titled(draft.question, title, short_only=not bare)
            elif not title and unit.item is not None and draft.form == "cloze" \
                    and _BODY_HEADING.search(unit.section.heading) \
                    and unit.section.heading.split()[0] not in draft.question:
                # "Declare the entire Western Ghats ... its ____ taluks" under "Gadgil
                # Committee (2011)": whose recommendation, the heading says (round 27)
                draft.question = _titled(draft.question, unit.section.heading,
                                         short_only=False).replace(
                    f"{unit.section.heading}: ", f"{unit.section.heading} \u2013 ", 1)
            if title and _YEAR.fullmatch(title) and _MONTH.fullmatch(draft.answer) \
                    and f"{title}:" not in draft.question:
                # "2018: Yameen declared a state of emergency in February": when? in
                # February 2018, which a question without the timeline's year must say
                draft.answer = f"{draft.answer.rstrip('.')} {title}"
            key = f"{unit.slug}/{answer.kind}-{_anchor(sent, answer)}"
            reasons = _judge(draft, subs, ctx)
            if is_the_topic(draft.answer, ctx):
                reasons.append("the answer is the article's own subject (its label)")
            if unit.item is not None and unit.item.title and _names_title(
                    draft.answer, unit.item.title, ctx):
                reasons.append("the answer is the item's own title (asked by its cards)")
            if unit.item is not None and (unit.item.column or unit.item.side):
                reasons.append("a compared table's cell is asked whole by its own card")
                # (no sentence to blank: "Place in Constitution, Article 226: ____ (The
                # States).", round 26's review)
            ctx.add(key, "fact", draft.question, draft.answer, unit.section, lines, reasons)
        if n == 0 and unit.item is None and not unit.section.explicit \
                and unit.section.kind in NAMED_ITEMS:
            _lead(sent, subs, unit, lines, ctx)
        count = len(ctx.cards)
        advice(sent, subs, unit, lines, ctx)
        if unit.item is None and unit.section.kind in NAMED_ITEMS and len(ctx.cards) == count:
            # a concern or a step in prose ("Delayed claim settlements discourage hospital
            # participation."): asked as an untitled item is
            statement_card(sent, unit.section,
                           f"{unit.slug}/{lang.slug(sent.text, 6)}", lines, ctx, prose=True)
        _expansion(sent, unit, lines, ctx)
        colon_list(sent, subs, unit, lines, ctx)
        case = unit.item.title if unit.item is not None and unit.item.title and lang.is_case(
            unit.item.title) else None
        for made in (aim(sent, subs, ctx), held(sent, subs, ctx, case),
                     examples(sent, subs, ctx),
                     definition(sent, unit.section, ctx)):
            if made is not None:
                tag, kind, asked, said = made
                reasons = gate.judge(asked, said, finite_verb=True, unresolved=(),
                                     expansions=ctx.expansions)
                if said.split(" ", 1)[0].lower() in PRONOUNS:
                    reasons.append("the answer opens with a pronoun the card does not "
                                   "resolve ('It had wide ramifications ...')")
                ctx.add(f"{unit.slug}/{tag}", kind, asked, said, unit.section, lines, reasons)
        ctx.mentions.add(sent, subs)
        # a sentence about something else ("A new draft followed ...") ends the chain:
        # an "It" after it does not reach back past it (round 7: "The Personal Data
        # Protection Bill removes Section 43A", which the Act did)
        previous = None if says_of(sent) else subject_text(sent, subs) or (
            previous if takes_up_subject(sent) else None)
        core = subject_core(sent, subs) or core
        ctx.mentions.thing = acted_on(sent) or ctx.mentions.thing
        ctx.mentions.done_to = done_by_person(sent, subs)
        ctx.mentions.created = created_by(sent, subs)

def _expansion(sent: Span, unit: Unit, lines: tuple[int, int], ctx: Context) -> None:
    """'Pradhan Mantri Janjati Adivasi Nyaya Maha Abhiyan (PM-JANMAN)': what the
    abbreviation stands for, asked once, where the article first spells it out (a
    scheme's full name is a fact an exam asks)."""
    for abbr, full in gate.expansions_in([sent.text]).items():
        short = abbr.replace("-", "")
        initials = gate.acronym(full).upper()
        if len(short) < 3 or len(full.split()) < 3 \
                or not initials or initials[0] != short[0].upper() \
                or (len(set(short.upper()) - set(initials)) > 1
                    and not gate.spells(abbr, full)):  # ("YES-TECH (Yield Estimation ...")
            continue  # ("(Census 2011)", "(World Wildlife Day)": no abbreviation)
        if any(a.startswith(abbr) or abbr.startswith(a) for a in ctx.expanded):
            continue  # asked already; "CAR" after "CAR-T": the same name, asked once
        full = re.sub(r"^(?:The|the|An?)\s+", "", full)  # ("A Glacial Lake ... (GLOF)")
        label = {gate.stem(w) for w in gate.content_words(ctx.label)}
        if all(gate.stem(w) in label for w in gate.content_words(full)):
            continue  # "The Global Hunger Index: what is the full form of GHI?" (or of
            # GLOF, under "Glacial Lake Outburst Floods (GLOFs)")
        question = labelled(f"What is the full form of {abbr}?", ctx)
        # (the gate's give-away checks would find the abbreviation itself: it is asked)
        reasons = gate.form_problems(question)
        whole = f"{full} ({abbr})".lower()
        if any(whole in c.answer.lower() for c in ctx.cards):
            reasons.append(f"a card asks “{full} ({abbr})” already")  # (round 24: the
            # expansion cards of FDI, FTA, FIAT, CCEs, CJI, NJAC, SAC were duplicates)
        ctx.add(f"{unit.slug}/expansion-{lang.slug(abbr, 3)}", "fact", question, full,
                unit.section, lines, reasons)
        ctx.expanded.add(abbr)


_RANKING = re.compile(r"\b(?:report|index|ranking|survey|outlook)\b", re.IGNORECASE)  # (a
# report on every country; notes on India's own GLOF work need no "(India's initiatives)")
_OWNED = re.compile(r"([A-Z][\w.-]*(?:\s[A-Z][\w.-]*)*)['\u2019]s\s+[a-z]\w+")
# (the exam, not the Commission: "the UPSC advertised 45 posts" is a claim about UPSC,
# asked in a note on UPSC; round 23 lost 31 of 54 facts to the bare word)
_EXAM_META = re.compile(r"\b(?:(?:for|in)\s+(?:the\s+)?UPSC\b|UPSC\s+(?:syllabus|prelims|mains|"
                        r"aspirants?|perspective|relevance)\b|GS\s+Paper\s+(?:[IV]+|\d)|"
                        r"(?:for|in)\s+(?:the\s+)?(?:prelims|mains)\b)", re.IGNORECASE)


_LEAD_NOUNS = frozenset("""worry concern problem challenge risk danger difficulty flaw weakness
    criticism drawback opportunity promise task step priority fix""".split())


def _lead(sent: Span, subs: dict[int, tuple[int, str]], unit: Unit, lines: tuple[int, int],
          ctx: Context) -> None:
    """An editorial paragraph's first sentence says its point: 'The first worry, however,
    is the pressure that ethanol places on food, feed and water' -> 'What is one concern
    about ...?'; 'What the government must do first is restore consumer trust' -> 'What
    must the government do first?'."""
    root = sent.root
    if root.lemma_ != "be":
        return
    said = next((c for c in root.children if c.dep_ in ("attr", "xcomp", "acomp", "ccomp")
                 and c.i > root.i), None)
    subject = next((c for c in root.children if c.dep_ in ("nsubj", "csubj")), None)
    if said is None or subject is None:
        return
    answer = lang.upper_first(g.render(g.subtree(said)).rstrip(" .,;"))
    if subject.dep_ == "csubj":  # "What the government must do first"
        words = list(g.subtree(subject))
        if words[0].lower_ != "what":
            return
        modal = next((t for t in words if t.tag_ == "MD" or t.lemma_ == "need"), None)
        if modal is None or modal.i <= words[0].i + 1:
            return
        who = g.render([t for t in words if words[0].i < t.i < modal.i], subs)
        rest = g.render([t for t in words if t.i > modal.i], subs)
        question = labelled(f"What {modal.text} {who} {rest}?", ctx)
    elif subject.lemma_.lower() in _LEAD_NOUNS:
        noun = {"challenge": "concern", "opportunity": "opportunity"}.get(
            unit.section.kind, "step")
        if not ctx.label:
            return
        label = ctx.label
        first = label.split()[0]
        if first[1:].islower() and re.search(rf"(?<![.!?]\s)\b{re.escape(first.lower())}\b",
                                             ctx.text):
            label = label[:1].lower() + label[1:]  # "twenty per cent ethanol"
        ordinal = next((c.lower_ for c in subject.children if c.dep_ == "amod" and c.lower_
                        in ("first", "second", "third", "fourth", "final", "last")), None)
        if ordinal:  # "the second task": the article's own word and its place say which
            question = f"What is the {ordinal} {subject.lower_} " \
                f"{'for' if noun == 'step' else 'about'} {label}?"
        else:
            question = f"What is one {noun} {'recommended on' if noun == 'step' else 'about'} " \
                f"{label}?"
    else:
        return
    ctx.add(f"{unit.slug}/lead-{lang.slug(sent.text, 4)}", unit.section.kind, question,
            answer, unit.section, lines,
            gate.judge(question, answer, finite_verb=True, unresolved=(),
                       expansions=ctx.expansions))


def _name_the_item(title: str | None, ctx: Context) -> None:
    """An item titled with a name ("Permanent Indus Commission") is what "the
    Commission" under it means."""
    if not title or len(title.split()) < 2 or not title[:1].isupper():
        return
    head = title.split()[-1].lower()
    if head in TYPE_NOUNS and all(w[:1].isupper() or w in ("of", "on", "for", "and")
                                  for w in title.split()):
        ctx.mentions.named.append((head, title, ctx.mentions.sentences + 1))


_YEAR = re.compile(lang.YEAR)
_MONTH = re.compile(rf"(?:\d{{1,2}}\s+)?{lang.MONTH_NAME}\.?")  # ("4 May" under "2021:")


def _subjectless(sent: Span) -> bool:
    """'Renaming: Became the Federal Public Service Commission ...': the item's subject is
    unsaid, and so its quote keeps the title."""
    first = next((t for t in sent if not t.is_punct), None)
    return first is not None and first.tag_ in ("VBD", "VBZ", "VBN") \
        and first.pos_ == "VERB" and not any(c.dep_ in g.SUBJECTS for c in first.children)


_GENERAL = re.compile(r"^\W*(?:overview|background|introduction|intro|context|why in "
                      r"(?:the )?news|in news|about)\W*$", re.IGNORECASE)


_THIN = 8  # words: a quote this short says little of what it is about


# a heading that names who recommends: "Gadgil Committee (2011)", "Punchhi Commission"
_BODY_HEADING = re.compile(r"\b(?:Committee|Commission|Panel|Group|Task\s+Force|Council|"
                           r"Report)\b")


def _titled(question: str, title: str, short_only: bool = True) -> str:
    """'PPIRP for MSMEs: the minimum default is Rs 10 lakh ...' asked as 'The minimum
    default is ____.': a short quote keeps its item's title, which says whose default
    (round 23, WRONG: the Code's own minimum is Rs 1 crore); a quote that cannot say it
    itself keeps it however long (`short_only` False)."""
    quote = re.search(r"\u201c(.*)\u201d", question)
    long = short_only and quote is not None and len(quote[1].split()) > _THIN
    if quote is None or long or _YEAR.fullmatch(title) \
            or re.match(r"[A-Z][^:\u201c]{0,40}: ", quote[1]):
        return question  # (not "Adjudication: Penalty: ...": it has a label already)
    return f"{question[:quote.start(1)]}{title}: {quote[1]}{question[quote.end(1):]}"


def _in_case(question: str, case: str, label: str) -> str:
    """'Which act did the Supreme Court uphold?' under 'S.P. Sampath Kumar v. Union of
    India (1987)': the Court has upheld many, so the question names its case (round 21,
    WEAK)."""
    lead = f"{label[:1].upper()}{label[1:]}: " if label else ""
    rest = question[len(lead):] if lead and question.startswith(lead) else question
    head = f"{lead}in" if lead else "In"
    return f"{head} {case}, {rest[:1].lower()}{rest[1:]}"


def _under_heading(question: str, title: str, heading: str) -> str:
    """A verbless line's blank says its section: "Quantum computing: ... computers with
    ____ qubits" under "Targets" is quoted "Targets – Quantum computing: ..."."""
    if f"\u201c{title}: " not in question or _GENERAL.match(heading) or title in heading:
        return question
    # "The Way Forward — from buyer-seller to co-creators": its name, not its motto
    heading = re.split(r"\s[\u2013\u2014-]\s|:\s", heading, maxsplit=1)[0].strip() or heading
    return question.replace(f"\u201c{title}: ", f"\u201c{heading} \u2013 {title}: ", 1)


def _names_title(answer: str, title: str, ctx: Context) -> bool:
    """An answer that is (part of) the item's title, or its abbreviation."""
    words = gate.content_words(answer)
    titled = gate.content_words(title)
    # its words in a row ("East Corridor" is no part of "India-Middle East-Europe
    # Economic Corridor", though its words are)
    if words and any(titled[i:i + len(words)] == words for i in range(len(titled))):
        return True
    return any(answer.strip() == gate.acronym(part) for part in capital_runs(title))

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
    # "a sharp improvement ... in the previous report", under a label that names the
    # report ("Human Development Report 2023-24"): its previous edition (round 22: the
    # GII line's six cards were dropped for "the report")
    kinds = {w.lower() for w in re.findall(r"[A-Za-z]+", ctx.label)}
    left = [w for w in unresolved(draft.used, subs, actors, blank)
            if not (w.startswith("the ") and w[4:].lower() in kinds
                    and re.search(rf"\b(?:previous|last|earlier)\s+{re.escape(w[4:])}\b",
                                  draft.question, re.IGNORECASE))]
    return gate.judge(draft.question, draft.answer, finite_verb=True, unresolved=left,
                      expansions=ctx.expansions)
