"""The label every question carries when it does not name its actors itself: a short
noun phrase from the title that names the article's actors and subject ("India–South
Korea defence cooperation", "the Article 370 verdict"), never a verb or a gerund."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from flashcards.builder import grammar as g
from flashcards.builder.language import IN_NEWS, YEAR

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

MAX_WORDS = 9
_SEPARATORS = re.compile(r"\s*(?::|\s[–—-]\s|\|)\s*")


def _score(chunk: Span) -> tuple[int, int, int]:
    named = sum(1 for t in chunk if t.pos_ == "PROPN" or t.ent_type_)
    return named, len(chunk), chunk.start


def _phrase(chunk: Span) -> str:
    """The chunk with the words that finish its name: 'India-South Korea defence
    cooperation', 'the Supreme Court on Governor's Assent'; 'Its Snow Leopards' of
    'India Counts Its Snow Leopards' is India's."""
    words = [t for t in chunk if not (t.i == chunk.start and t.lower_ in ("a", "an"))]
    if words and words[0].lower_ in ("its", "their"):
        subject = next((c for c in words[0].doc[chunk.start].head.head.children
                        if c.dep_ in g.SUBJECTS and c.pos_ == "PROPN"), None)
        if subject is None:
            words = words[1:]
        else:
            return f"{subject.text}\u2019s {g.render(words[1:])}"
    return g.render(words)


def _amount(root: Token) -> bool:
    """'a hundred per cent' of an editorial's title ('Twenty per cent ethanol, and a hundred
    per cent of the questions'): a figure names no subject."""
    return root.like_num or root.lower_ in ("cent", "percent") or root.ent_type_ in (
        "PERCENT", "CARDINAL", "QUANTITY", "MONEY", "ORDINAL")


def _noun_phrase_title(part: Span) -> bool:
    """A title part that is itself a label: no verb, no leading gerund, short."""
    first = part[0]
    return (sum(not t.is_punct for t in part) <= MAX_WORDS and first.tag_ != "VBG"
            and not any(t.pos_ == "VERB" and t.tag_ in ("VBD", "VBZ", "VBP") for t in part))


def _cased(text: str, body: str) -> str:
    """Title Case words the article itself writes in lower case ('Verdict' -> 'verdict'),
    and 'the' before a label that names one thing: 'the Article 370 verdict'."""
    words = text.split()
    if len(words) >= 2 and words[-1] in _NAME_ENDS and all(
            w[:1].isupper() or w in ("of", "and", "for", "the") for w in words):
        return text  # "Digital Personal Data Protection Act": a name, as written
    capitals = [w for w in words if w[:1].isupper()]
    if len(capitals) >= 2 and capitals == words[:len(capitals)] \
            and len(re.findall(rf"\b{re.escape(' '.join(capitals))}\b", body)) >= 2:
        return text  # "Human Development Report 2023-24": the article writes the name so,
        # beyond its title ("human development" elsewhere is no reason to lower it)
    lowered = [w.lower() if w[:1].isupper() and not w.isupper() and i > 0
               and re.search(rf"(?<![.!?]\s)\b{re.escape(w.lower())}\b", body)
               else w for i, w in enumerate(words)]
    kept = [w for i, (w, low) in enumerate(zip(words, lowered, strict=True))
            if i > 0 and w == low and w[:1].isupper() and not w.isupper()]
    if kept:  # "India's Semiconductor Mission": a name, whose words all stay as written
        lowered = words
    out = " ".join(lowered)
    if lowered and lowered[-1] in _ONE_THING and lowered[0].lower() not in ("the", "a", "an"):
        out = "the " + out
    return out


_GENRE = re.compile(r"(?:(?:[a-z]+\s+){0,2}(?:explainer|explained)|editorial|analysis|opinion|"
                    r"in focus|in news|"
                    r"(?:[a-z]+\s+){0,2}notes?|issue brief|"
                    r"backgrounder|fact ?sheet|"
                    r"news analysis|big picture|"
                    r"(?:mains|prelims)(?: pointers| facts| notes)?|pointers|"
                    r"upsc|gs\s*\w*|" + IN_NEWS + "|"
                    r"(?:topic|issue|news|editorial)\s+(?:in\s+brief|of\s+the\s+day|in\s+focus|"
                    r"analysis)|in\s+brief|in\s+depth|(?:mains\s+)?answer\s+framework|"
                    r"current affairs|daily current affairs)", re.IGNORECASE)
_NAME_ENDS = frozenset("Act Bill Code Rules Mission Scheme Yojana Abhiyan Policy".split())
_ONE_THING = frozenset("""verdict judgment judgement ruling scheme mission report index act bill
    programme policy initiative agreement treaty summit survey yojana abhiyan""".split())


def _from_file(name: str) -> str:
    """A label from a file's name: 'r26-space-reforms' -> 'space reforms' (a leading
    number that orders the files names nothing)."""
    words = re.sub(r"^(?:[rR]?\d+[-_ ]+)+(?=[A-Za-z])", "", name)  # ("03-", "2024-12-05-",
    # the audits' "r26-"; not the "g20" of "g20-presidency")
    return words.replace("-", " ").replace("_", " ")


def label_of(title: Doc | None, fallback: str, body: str = "") -> str:
    """The label for an article's questions: from its title, else from `fallback` (the
    file name); `body` (the article's text) tells which title words are common nouns."""
    if title is None or not title.text.strip():
        return _from_file(fallback)
    parts = [p for p in _SEPARATORS.split(title.text) if p.strip()]
    if not parts:  # a title of separators alone ("|"): it names nothing
        return _from_file(fallback)
    if len(parts) > 1 and _GENRE.fullmatch(parts[0].strip()):
        parts = parts[1:]  # "EXPLAINER: India's Next Census ...": the genre names nothing
    head = parts[0]
    start = title.text.find(head)
    span = title.char_span(start, start + len(head), alignment_mode="expand")
    if span is not None and _noun_phrase_title(span):
        text = g.render(list(span))
    else:
        chunks = [c for c in title.noun_chunks if c.root.tag_ != "VBG" and not _amount(c.root)]
        root = next(iter(title.sents)).root
        if root.pos_ in ("NOUN", "PROPN") and all(c.root != root for c in chunks):
            start = root.left_edge.i  # "Twenty per cent ethanol, and ...": a title that is a
            # noun phrase with more after it; its figure is no part of the subject (and
            # would give away the "20 per cent" a card asks)
            while start < root.i and (title[start].like_num or title[start].ent_type_ in (
                    "PERCENT", "CARDINAL", "QUANTITY", "MONEY")):
                start += 1
            chunks.append(title[start:root.i + 1])
        # an editorial's title plays on words: a chunk the article goes on to use (the
        # title is in `body` too, so twice) names its subject
        used = [c for c in chunks if len(re.findall(
            rf"\b{re.escape(c.root.lower_)}\b", body.lower())) >= 2]
        chunks = sorted(used or chunks, key=_score, reverse=True)
        if not chunks:
            return _from_file(fallback)
        text = _phrase(chunks[0])
    text = re.sub(rf",?\s+{YEAR}$", "", text)  # "Global Hunger Index 2024"
    text = re.sub(r"\s*\((?=[^()]*\s)[^()]*\b(?!(?:of|for|and|the|on|in|to)\b)[a-z]{2,}\b"
                  r"[^()]*\)$", "", text)  # "Asiatic
    # Lion (Gir landscape, Gujarat)": where it lives is no part of its name (not
    # "(PM-KISAN)", nor another name, "(Har Ghar Jal)")
    if text.lower().startswith("the "):
        text = "the " + text[4:]
    return _cased(text, body)


def headline_label(title: Doc, fallback: str, body: str = "") -> str:
    """The label of a news item from its headline: 'Supreme Court Allows
    Sub-classification of Scheduled Castes' -> 'Supreme Court on sub-classification of
    Scheduled Castes' (who acted, on what: the actor alone would name every item of the
    court's); a headline without a subject and an object is read as a title."""
    sent = next(iter(title.sents), None)
    root = sent.root if sent is not None else None
    if root is not None and root.pos_ == "VERB":
        subject = next((c for c in root.children if c.dep_ == "nsubj"), None)
        thing = next((c for c in root.children if c.dep_ == "dobj"), None)
        if subject is not None and thing is not None:
            words = [t for t in thing.subtree if not (t.i == thing.left_edge.i
                                                       and t.lower_ in ("a", "an"))]
            label = f"{g.render(list(subject.subtree))} on {g.render(words)}"
            if len(label.split()) <= MAX_WORDS + 2:
                return _cased(label, body)
    return label_of(title, fallback, body)
