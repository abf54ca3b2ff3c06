"""Study articles -> decks: every challenge, opportunity and fact becomes cards.

Deterministic and offline: markdown-it-py for the structure, pysbd for sentences, rules
for the questions. Never opens files, prints or touches the store.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import PurePath

from flashcards.builder import quality
from flashcards.builder.cards import Context, build_cards
from flashcards.builder.language import count_words, slug
from flashcards.builder.structure import Article, parse
from flashcards.domain import DeckDraft
from flashcards.domain.errors import InputError

BUILDER_VERSION = "2"

_PAPER = re.compile(r"\bGS\s*-?\s*(?:paper)?\s*-?\s*([1-4]|IV|I{1,3})\b", re.IGNORECASE)
_ROMAN = {"i": "1", "ii": "2", "iii": "3", "iv": "4"}
_SUBJECT_TAGS = {"international-relation": "international-relations",
                 "science-and-tech": "science-and-technology", "s-t": "science-and-technology"}


_SINGLE_THINGS = frozenset("scheme mission policy programme program yojana act bill initiative "
                           "campaign project report index convention treaty agreement "
                           "framework judgment judgement verdict".split())


_COURT_ON = re.compile(r"^(?:The\s+)?((?:Supreme|High)\s+Court|SC|HC)(?:'s)?\s+(?:(?:verdict|"
                       r"ruling|judgment|judgement|order)\s+)?on\s+(.+)$", re.IGNORECASE)


@dataclass
class BuildResult:
    deck: DeckDraft
    warnings: list[str] = field(default_factory=list)


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


def topic_of(article: Article, deck_name: str) -> str:
    """What every question is about: 'Reigniting the flame of India-X ties' -> 'India-X ties'."""
    title = (article.title or "").strip().rstrip(".:")
    if not title:
        return deck_name.replace("-", " ").replace("_", " ")
    for marker in (": ", " \u2014 ", " \u2013 ", " - "):
        head, found, _ = title.partition(marker)
        acronym = sum(c.isupper() for c in head) >= 2 and count_words(head) == 1
        if found and (count_words(head) >= 2 or acronym):
            title = head
            break
    _, found, tail = title.partition(" of ")
    if found and tail[:1].isupper() and count_words(tail) >= 2:
        title = tail
    court = _COURT_ON.match(title)
    if court:  # "Supreme Court on Governor's Assent" -> "the Supreme Court ruling on ..."
        return f"the {court[1]} ruling on {court[2]}"
    words = title.replace(",", "").split()
    if len(words) >= 3 and re.fullmatch(r"(?:19|20)\d\d", words[-1]):
        words = words[:-1]  # "Global Hunger Index 2024"
    if (len(words) >= 2 and words[-1].lower() in _SINGLE_THINGS and words[0] != "The"
            and not re.search(r"['\u2019]s$", words[0])):
        return f"the {title}"  # "In the PM Vishwakarma Scheme, ..."
    return title


def _check_structure(article: Article, source_name: str) -> None:
    has_structure = any(s.explicit or s.items for s in article.sections)
    if not has_structure:
        raise InputError(source_name, None, "no recognisable structure: no section "
                         "headings (such as \u201cChallenges:\u201d) or lists to make cards "
                         "from")


def build_deck(text: str, source_name: str, *, source: str | None = None) -> BuildResult:
    """Build the deck of one article. `source_name` names the article in errors and gives
    the deck its name; `source` (default: its file name) is recorded in the deck."""
    if not text.strip():
        raise InputError(source_name, None, "the article is empty")
    article = parse(text)
    _check_structure(article, source_name)
    name = PurePath(source_name).stem
    recorded = source if source is not None else PurePath(source_name).name
    ctx = Context(recorded, topic_of(article, name), syllabus_tags(article.syllabus))
    build_cards(article, ctx)
    if not ctx.cards:
        raise InputError(source_name, None, "no cards could be made: found no titled "
                         "items, lists or facts")
    meta = {"builder_version": BUILDER_VERSION, "topic": ctx.topic}
    if article.title:
        meta["title"] = article.title
    if article.syllabus:
        meta["syllabus"] = article.syllabus
    deck = DeckDraft(name=name, cards=tuple(ctx.cards), source=recorded, meta=meta)
    return BuildResult(deck, ctx.warnings + quality.check(deck.cards))
