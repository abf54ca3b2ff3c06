"""A document's blocks -> its articles. A monthly compilation holds dozens: it is split
at its title-sized headings (only those its table of contents lists, when it has one);
the cover, the contents pages and the practice questions (MCQs) are left out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from flashcards.formats.blocks import Block, words

_CONTENTS = re.compile(r"^(table of )?contents?$|^index$|^in this issue$", re.IGNORECASE)
_PRACTICE = re.compile(r"^(practice|prelims|mains|model|test)?\s*(questions?|mcqs?|quiz)\b|"
                       r"^mcqs?\b|^test yourself|^check your (progress|understanding)",
                       re.IGNORECASE)
_FURNITURE = re.compile(r"^(related|similar|recent|popular|more|latest|trending)\s+(articles|posts|"
                        r"stories|news|reads)|^you may also like|^(\d+\s+)?(comments?|thoughts? on"
                        r"|responses?)\b|^leave a (reply|comment)|^share this|^(categories|tags"
                        r"|subscribe|newsletter|follow us)\b", re.IGNORECASE)
_FOOTER = re.compile(r"^(copyright|\u00a9|all rights reserved|privacy policy|share this|"
                     r"terms (of use|and conditions))", re.IGNORECASE)
_SYLLABUS = re.compile(r"\bGS\b|syllabus|\bpaper\s*[1-4IV]", re.IGNORECASE)
_QUESTION = re.compile(r"^(Q\.?\s*\d+[.):]|\(?[a-d]\)\s|answers?\s*[:\-]\s*\(?[a-d]\)?)",
                       re.IGNORECASE)
_TOC_ENTRY = re.compile(r"[\s.\u2026_]\d{1,4}(\s|$)")
MIN_WORDS = 40  # fewer words after a title: a cover or a divider, not an article


@dataclass(frozen=True)
class Part:
    title: str
    blocks: list[Block]


def _strip_practice(blocks: list[Block]) -> list[Block]:
    """Drop practice questions and a printed web page's furniture: a 'Practice Questions'
    or 'Related articles' heading and what follows it up to the next heading of its rank
    or above, stray question and option lines, copyright and policy lines."""
    kept: list[Block] = []
    skipping: int | None = None
    for block in blocks:
        heading = block.role in ("title", "heading")
        dropped = heading and (_PRACTICE.match(block.text) or _FURNITURE.match(block.text))
        if skipping is not None:
            if heading and block.level <= skipping and not dropped:
                skipping = None
            else:
                continue
        if dropped:
            skipping = block.level
            continue
        plain = block.text.replace("**", "")
        if block.role != "title" and (_QUESTION.match(plain) or _FOOTER.match(plain)):
            continue
        kept.append(block)
    return kept


def _contents(blocks: list[Block]) -> list[str]:
    """The entries of a contents page: lines or items holding a page number (at the end,
    or after the first line of a title that wraps)."""
    return [block.text.replace("**", "") for block in blocks
            if block.role in ("item", "paragraph") and _TOC_ENTRY.search(block.text)]


def _words(text: str) -> str:
    """Lower-case words without numbers standing alone (page numbers, in a contents line)."""
    return " ".join(w for w in re.sub(r"\W+", " ", text).lower().split() if not w.isdigit())


def _same(title: str, entry: str) -> bool:
    from rapidfuzz import fuzz

    return fuzz.ratio(_words(title), _words(entry)) >= 90


def _segments(blocks: list[Block]) -> list[list[Block]]:
    """Split before each title; a syllabus line printed just above a title goes with it."""
    cuts = []
    for i, block in enumerate(blocks):
        if block.role == "title":
            above = i - 1
            syllabus = above >= 0 and blocks[above].role == "paragraph" \
                and _SYLLABUS.search(blocks[above].text) and len(blocks[above].text) < 300
            cuts.append(above if syllabus else i)
    bounds = [0, *cuts, len(blocks)]
    return [blocks[a:b] for a, b in zip(bounds, bounds[1:], strict=False) if b > a]


def _title_size(blocks: list[Block]) -> float | None:
    """The size of the headings that start articles: the largest title size with text
    under it. A size whose every heading is followed by fewer than MIN_WORDS words before
    the next title (a cover, a divider page) is passed over."""
    sizes = sorted({b.size for b in blocks if b.role == "title"}, reverse=True)
    for size in sizes:
        under = 0
        for block in blocks:
            if block.role == "title":
                if under >= MIN_WORDS:
                    return size
                under = 0 if block.size == size else -10**9
            elif under >= 0:
                under += len(block.text.split())
        if under >= MIN_WORDS:
            return size
    return sizes[-1] if sizes else None


def split(blocks: list[Block]) -> list[Part]:
    """The articles of a document: one for a single article, several for a compilation."""
    blocks = _strip_practice(blocks)
    size = _title_size(blocks)
    for block in blocks:  # smaller titles are headings inside an article
        if block.role == "title" and size is not None and block.size < size \
                and not _CONTENTS.match(block.text.strip(" :")):
            block.role, block.level = "heading", 2
    segments = _segments(blocks)
    listed: list[str] = []
    kept: list[list[Block]] = []
    for segment in segments:
        title = next((b for b in segment if b.role == "title"), None)
        if title is not None and _CONTENTS.match(title.text.strip(" :")):
            listed += _contents(segment)
            continue
        kept.append(segment)
    if listed:  # only the titles the contents list start articles; others are headings
        kept = _regroup(kept, listed)
    articles = [s for s in kept if words([b for b in s if b.role != "title"]) >= MIN_WORDS]
    if len(articles) <= 1:
        whole = [b for s in kept for b in s]
        if articles:  # a single article: of what comes before it, a syllabus line only
            first = kept.index(articles[0])
            whole = [b for s in kept[:first] for b in s if _SYLLABUS.search(b.text)
                     and b.role == "paragraph"] + [b for s in kept[first:] for b in s]
        return [Part(_title(whole), whole)] if whole else []
    return [Part(_title(s), s) for s in articles]


def _regroup(segments: list[list[Block]], listed: list[str]) -> list[list[Block]]:
    merged: list[list[Block]] = []
    for segment in segments:
        title = next((b for b in segment if b.role == "title"), None)
        starts = title is not None and any(_same(title.text, t) for t in listed)
        if merged and not starts:
            if title is not None:
                title.role, title.level = "heading", 2
            merged[-1].extend(segment)
        else:
            merged.append(segment)
    return merged


def _title(blocks: list[Block]) -> str:
    return next((b.text for b in blocks if b.role == "title"), "")
