"""Article text -> structure: syllabus, title, sections with paragraphs and items.

markdown-it-py finds the blocks (headings, paragraphs, nested lists) and their line
spans; plain-text conventions of study notes ("Challenges:" on its own line, "Relations
Overview: text", bold lines, "Title: explanation" items) are recognised on top of that.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from markdown_it.tree import SyntaxTreeNode

from flashcards.builder.items import MD, plain, split_item, split_label
from flashcards.builder.language import (
    IN_NEWS,
    YEAR,
    ascii_punct,
    count_words,
    squash,
    title_case,
    upper_first,
)
from flashcards.domain.text import clean


@dataclass
class Para:
    """Plain text of a paragraph; `lines[i]` is the source line of the i-th text line."""

    text: str
    lines: list[int]

    def line_of(self, offset: int) -> int:
        return self.lines[min(self.text.count("\n", 0, offset), len(self.lines) - 1)]


@dataclass
class Item:
    title: str | None
    body: str  # the explanation, whitespace squashed
    subs: list[str]
    line_start: int
    line_end: int
    asked: bool = False  # the title is the article's own question ("Q: ... A: ...")
    column: str | None = None  # a compared table's column ("Article 32"), the title's end
    side: str | None = None  # the side a comparison's line gives ("Gadgil Committee")


@dataclass
class Section:
    heading: str
    kind: str
    singular: str
    plural: str
    line: int
    explicit: bool = True  # False for the implicit intro before the first heading
    level: int = 0  # a Markdown heading's level ("###" is 3); 0 for a plain-text heading
    paras: list[Para] = field(default_factory=list)
    items: list[Item] = field(default_factory=list)


@dataclass
class Article:
    title: str | None = None
    title_line: int | None = None
    syllabus: str | None = None
    syllabus_line: int | None = None
    sections: list[Section] = field(default_factory=list)


# (pattern, kind, singular, plural); the first match wins.
_KINDS: list[tuple[str, str, str, str]] = [
    (r"way\s*forward|road\s+ahead|path\s+ahead", "way-forward", "step", "steps"),
    (r"conclusions?|summing\s+up", "conclusion", "point", "points"),
    (r"challenges?", "challenge", "challenge", "challenges"),
    # a judgment's "Issues before the Court" are the questions it answered, no problems
    (r"(?:issues?|questions?)\s+(?:before|framed|raised|involved|of\s+law|for\s+"
     r"(?:consideration|determination))", "overview", "issue", "issues"),
    (r"issues?", "challenge", "issue", "issues"),
    (r"concerns?", "challenge", "concern", "concerns"),
    (r"problems?|hurdles?|obstacles?|constraints?|limitations?|barriers?|bottlenecks?|"
     r"threats?|risks?|drawbacks?|criticisms?|roadblocks?|irritants?", "challenge",
     "challenge", "challenges"),
    # a Mains framework's "Arguments for (...)" and "Arguments against (...)": each
    # point keeps its stance (round 26: all filed under the heading before them)
    (r"arguments?\s+against|demerits", "challenge", "criticism",
     "arguments against"),
    (r"arguments?\s+(?:for|in\s+favou?r(?:\s+of)?)|merits", "significance", "argument in favour",
     "arguments for"),
    (r"opportunit(?:y|ies)", "opportunity", "opportunity", "opportunities"),
    (r"areas?\s+of\s+(?:cooperation|collaboration|convergence)", "opportunity",
     "area of cooperation", "areas of cooperation"),
    (r"prospects?|potential|scope\s+for", "opportunity", "opportunity", "opportunities"),
    (r"significance|importance", "significance", "point of significance",
     "points of significance"),
    (r"benefits?|advantages?", "significance", "benefit", "benefits"),
    (r"measures?|steps?|recommendations?|suggestions?|solutions?|reforms?\s+(?:needed|suggested|proposed|recommended)|"
     r"(?:suggested|proposed|recommended)\s+reforms?",
     "measure", "measure", "measures"),
    (r"background|overview|introduction|context|history|about|key\s+facts|"
     r"(?:(?:why\s+)?in\s+(?:the\s+)?)?news", "overview",
     "point", "points"),
]
_KIND_RES = [(re.compile(rf"\b(?:{p})\b", re.IGNORECASE), k, s, pl) for p, k, s, pl in _KINDS]
_SYLLABUS = re.compile(r"^\W*(?:(?:gs\s+)?relevance\s*[:\u2013\u2014-]\s*)?(?:upsc\s+)?"
                       r"(?:syllabus|gs\s*-?\s*(?:paper)?\s*-?\s*(?:[1-4]|"
                       r"i{1,3}|iv)\b|general\s+studies)", re.IGNORECASE)
_SOURCE_LINE = re.compile(r"^\s*[*_]*\s*sources?\s*[*_]*\s*[:\-\u2013\u2014]", re.IGNORECASE)
# bullets typed as glyphs: • ● ▪ ◦ ‣ ⁃ ■ □ ➢ ➔, arrows (→ ➜ ➤ ► ▶), diamonds
# (◆ ❖) and ticks (✓ ✔)
_BULLETS = re.compile(r"^(\s*)[\u2022\u25cf\u25aa\u25e6\u2023\u2043\u25a0\u25a1\u27a2\u2794\u2192"
                      r"\u279c\u27a4\u25ba\u25b6\u25c6\u2756\u2713\u2714]\s+")
_MONTHS = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|"
           r"Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
# "1988: Operation Cactus ...", "March 2021 - ...", "15 August 2023: ...": a timeline's line
_DATED_LINE = re.compile(rf"^(\s*)(?=(?:(?:\d{{1,2}}\s+)?{_MONTHS}\s+)?{YEAR}"
                         r"(?:[\u2013-]\d{2,4})?\s*(?::|\s[\u2013\u2014-])\s+\S)")
_BULLET_LINE = re.compile(r"^\s*[-*+]\s+\S")
# a case named with its year before a colon or a dash: "Rameshwar Prasad v. Union of India
# (2006): ", "L. Chandra Kumar v Union of India (1997) - " (round 26: a dash, read as prose)
_CASE_LINE = re.compile(rf"^[A-Z][^:]{{2,80}}\sv(?:s)?\.?\s[^:]{{2,80}}\({YEAR}\)"
                        r"(?::|\s[\u2013\u2014-])\s+\S")
# "(i) Title: ...", "ii) ...", "(a) ...", "a) ...", "b. ...": list items as Markdown bullets
_LETTERED = re.compile(r"^(\s*)(?:\((?:[a-z]|[ivx]{1,4})\)|(?:[a-z]|[ivx]{1,4})[.)])\s+(?=\S)")
_BOLD_LINE = re.compile(r"^(\*\*|__)(.+?)\1\s*:?\s*$")
_HEADING_NUMBER = re.compile(r"^(?:\d+|[A-Z]|[IVX]+)[.)]\s+")


def classify(heading: str) -> tuple[str, str, str] | None:
    """(kind, singular noun, plural noun) for a section heading, or None if unknown."""
    for pattern, kind, singular, plural in _KIND_RES:
        found = pattern.search(heading)
        if found:
            word = found[0].lower()
            if singular == "challenge" and not word.startswith("challenge"):
                singular = word[:-1] if word.endswith("s") else word  # "Irritants"
                plural = singular + "s"
            return kind, singular, plural
    return None


_GENRE_HEAD = re.compile(IN_NEWS, re.IGNORECASE)


def is_title(text: str) -> bool:
    """A heading that names the article although it has a section word in it:
    'Green Hydrogen Mission: Significance and Concerns', 'India-Maldives Ties - Way Forward'.
    The part before the separator names the topic and is no section word itself."""
    for marker in (": ", " \u2014 ", " \u2013 ", " - "):
        head, found, rest = text.partition(marker)
        if found and count_words(head) >= 2 and classify(head) is None:
            return True
        if found and count_words(rest) >= 3 and classify(rest) is None \
                and _GENRE_HEAD.fullmatch(head.strip()):
            return True  # "PLACES IN NEWS: Map-Based Revision Notes (...)": a series name
    return False


def normalise(text: str) -> list[str]:
    """Source lines, cleaned: one line per source line, so line numbers survive."""
    text = clean(text.removeprefix("\ufeff"))
    text = re.sub("[\u00a0\u2007\u202f\u2009\u200a]", " ", text).replace("\u200b", "")
    lines: list[str] = []
    for line in text.split("\n"):
        line = line.rstrip()
        if _SOURCE_LINE.match(line):
            line = ""
        line = _LETTERED.sub(r"\1- ", _BULLETS.sub(r"\1- ", line))
        if lines and _BULLET_LINE.match(lines[-1]) and _CASE_LINE.match(line):
            line = f"- {line}"  # "Rameshwar Prasad v. Union of India (2006): ..." under a
            # list of points: an item of its own, not the last point's next line
        lines.append(line)
    return _timelines(lines)


def _timelines(lines: list[str]) -> list[str]:
    """Lines that each begin with a date ('1988: ...', '2004: ...'), two or more in a row,
    are a timeline: its entries become list items, not one paragraph."""
    out = list(lines)
    n = 0
    while n < len(lines):
        end = n
        while end < len(lines) and _DATED_LINE.match(lines[end]):
            end += 1
        if end - n >= 2:
            out[n:end] = [_DATED_LINE.sub(r"\1- ", line, count=1) for line in lines[n:end]]
        n = max(end, n + 1)
    return out


def _nouns(heading: str) -> tuple[str, str]:
    """'Key Features', 'Causes of Bleaching', 'What are the key provisions of the Bill?'
    -> ('feature', 'features'), ...: the first plural noun names the items. A heading
    that is a clause ('How the Case Reached Nine Judges') names none: ('point', 'points')."""
    words = re.findall(r"[A-Za-z]+", heading)
    if not words or words[0].lower() in ("how", "why", "when", "where", "who") or any(
            w.lower().endswith("ed") and i > 0 for i, w in enumerate(words)):
        return "point", "points"
    if "and" in (w.lower() for w in words):
        return "point", "points"  # "Rights and duties", "Scope and actors": two topics

    for word in words:
        lower = word.lower()
        if len(lower) >= 4 and lower.endswith("s") and not lower.endswith(("ss", "us", "is")):
            singular = lower[:-3] + "y" if lower.endswith("ies") else lower[:-1]
            return singular, lower
    return "point", "points"


def _heading_text(raw: str) -> str:
    text = squash(plain(raw)).strip().rstrip(":").strip()
    text = _HEADING_NUMBER.sub("", text).strip() or text
    if _ASIDE.search(text) and count_words(_ASIDE.sub("", text)) >= 2:
        text = _ASIDE.sub("", text)  # "Arguments against (why it has remained dormant)":
        # the heading without its gloss, which would fill every question's label
    return text


# a heading's gloss: a closing bracket of four words or more
_ASIDE = re.compile(r"\s+\((?:[^()\s]+\s+){3,}[^()]*\)$")


_QUESTION_HEADING = re.compile(r"^(?:What|Why|How|Which|Who|When|Where|Is|Are|Does|Do|Can|"
                               r"Should)\b[^.!:;]*\?$")


def _is_heading_line(raw: str) -> bool:
    """A line that is a heading by its form: bold alone, or short and ending in ':'."""
    text = squash(plain(raw))
    if not text or count_words(text) > 12:
        return False
    if _BOLD_LINE.match(raw.strip()):
        return True
    if re.search(r"[a-z]{3,}[.!?]\s+[A-Z][a-z]", text):
        return False  # "The Board will inquire into breaches. Penalties are listed:"
    if text.endswith(":") and re.search(r"\b(?:the\s+)?following\b|\b(?:are|is|were|was)\s+"
                                         r"(?:as\s+follows|listed|given|below)\b", text, re.I):
        return False  # "IMD uses the following criteria:", a lead-in to its list
    if text.endswith(":") and not text[:1].isdigit() and re.search(
            r"\b(?:have|has|had|are|is|were|was)\s+(?:\w+ly\s+)?\w+(?:ed|en|un|wn)\b", text):
        return False  # "Several points of friction have emerged in the run-up:", a sentence
    if text.endswith(":") or _QUESTION_HEADING.match(text):
        return True
    if classify(text) is not None and count_words(text) <= 5 and text[-1] not in ".!,;":
        return True
    # "The Way Forward — from buyer–seller to co-creators": a section word, then a dash
    head = re.split(r"\s[—–-]\s|:\s", text, maxsplit=1)[0]
    return head != text and classify(head) is not None and count_words(head) <= 5 \
        and text[-1] not in ".!,;"


def _standalone_heading(raw: str) -> bool:
    """A short line alone between blank lines, capitalised, with no closing punctuation
    ('Key Holdings'): a heading in plain-text notes."""
    text = _ASIDE.sub("", squash(plain(raw)))  # (a gloss is no part of its length)
    words = count_words(text)
    return (0 < words <= (10 if title_case(text) else 6) and text[:1].isupper()
            and text[-1] not in ".,;:!?\u201d\"'" and not text[:1].isdigit())


def _title_line_over_text(raw: str, following: str) -> bool:
    """'Passage of the Law' on the line above its paragraph (no blank line between): a
    short line in Title Case with no closing punctuation, over a line that starts a
    sentence."""
    text = squash(plain(raw))
    return (_standalone_heading(raw) and title_case(text)
            and squash(plain(following))[:1].isupper())


def _entry_name(caps: str, lines: list[str]) -> str:
    """'STRAIT OF HORMUZ' as the article writes it elsewhere ('Strait of Hormuz'), else
    in Title Case with its small words lower."""
    for line in lines:
        for found in re.finditer(re.escape(caps), line, re.IGNORECASE):
            if found[0] != caps:
                return found[0]
    def word(w: str, first: bool) -> str:
        if not first and w.lower() in ("of", "and", "the", "in", "on"):
            return w.lower()
        return "-".join(p.capitalize() if len(p) > 2 or n == 0 else p.lower()
                        for n, p in enumerate(w.split("-")))  # "Bab-el-Mandeb"
    return " ".join(word(w, i == 0) for i, w in enumerate(caps.split()))


def _uncapped(text: str, lines: list[str]) -> str:
    """'TIGER POPULATION TRENDS' -> 'Tiger population trends' (an abbreviation the article
    writes in capitals elsewhere stays: 'ROLE OF THE NTCA' -> 'Role of the NTCA')."""
    letters = [c for c in text if c.isalpha()]
    if len(letters) < 4 or not _in_capitals(text):
        return text
    # (other headings in capitals say nothing of how a word is written)
    body = "\n".join(line for line in lines if not _in_capitals(line.strip()))
    words = []
    split = text.split()
    if any(w in ("v.", "vs.", "vs") for w in split):
        # "STATE OF PUNJAB & ORS. v. DAVINDER SINGH & ORS.": a case's name is names,
        # capitalised word by word (round 25: the caps title had stayed in capitals)
        return " ".join(w if w in ("v.", "vs.", "vs", "&") or (w.isupper() and len(w) <= 4
                                                                and w.strip("().,:") in body)
                        else w.lower() if w.lower() in _SMALL else _capital(w) for w in split)
    # "PRADHAN MANTRI KISAN SAMMAN NIDHI (PM-KISAN)": the words an abbreviation in
    # brackets stands for are a name, and the abbreviation stays as written
    bracket = next((i for i, w in enumerate(split) if w.startswith("(")), len(split))
    named_run = bracket < len(split) and split[bracket].strip("()").replace("-", "").isalpha()
    for n, word in enumerate(split):
        core = word.strip(".,:;()\u2013\u2014-")
        if word.startswith("(") and word.endswith(")") and n == bracket:
            words.append(word)
            continue
        if named_run and n < bracket and core.lower() not in _SMALL:
            words.append(_capital(word))
            continue
        if named_run and n < bracket:
            words.append(word.lower())
            continue
        if len(core) >= 2 and re.search(rf"(?<![\w-]){re.escape(core)}(?![\w-])", body):
            words.append(word)  # "NTCA": an abbreviation, as the article writes it
            continue
        stem = re.sub(r"['\u2019]S$", "", core)
        # "INDIA'S" -> "India's": a name the article writes capitalised mid-sentence
        named = (stem and re.search(rf"\b{re.escape(stem.capitalize())}\b", body) and not
                 re.search(rf"\b{re.escape(stem.lower())}\b", body)) \
            or stem.lower() in ("india", "indian")  # ("DELIMITATION IN INDIA" in notes
        # that never say India again, round 27)
        if n and not named and words[-1][:1].isupper():  # "PROJECT TIGER": "Project Tiger"
            pair = f"{words[-1].strip('.,:;()')} {_capital(stem)}"
            named = bool(re.search(rf"\b{re.escape(pair)}\b", body))
        words.append(_capital(word) if n == 0 or named else word.lower())
    return " ".join(words)


_SMALL = frozenset("of and for on the in to".split())  # a name's words in lower case


def _in_capitals(text: str) -> bool:
    """'KESAVANANDA BHARATI v. STATE OF KERALA': in capitals but a case's 'v.'."""
    return re.sub(r"(?<=\s)vs?\.(?=\s)", "", text).isupper()


def _capital(word: str) -> str:
    """'(GIR' -> '(Gir': the first letter up, however the word opens."""
    return re.sub(r"[^\W\d_]", lambda m: m.group().upper(), word.lower(), count=1)


_EMPTY_CELL = re.compile(r"[\u2014\u2013-]+|n/?a|nil|none|not applicable|not separately "
                         r"specified|not specified", re.IGNORECASE)
_NAMED_KINDS = frozenset({"challenge", "opportunity", "significance", "measure",
                          "way-forward"})
# a sub-heading that is a section's heading and nothing else ("Way ahead", "Challenges",
# "Conclusion"; not "Opportunity cost", a challenge's title)
_OWN_HEADING = re.compile(rf"(?:the\s+)?(?:{'|'.join(p for p, *_ in _KINDS)}|way\s+ahead)"
                          r"\W*", re.IGNORECASE)


def _nest(article: Article) -> None:
    """Sub-headings under '## Challenges' are challenges: a '### Land acquisition' with a
    paragraph under it is an item of its parent, titled by its heading; one with a list
    of its own ('### For India') keeps it, as points of its parent's kind."""
    parents: list[Section] = []
    kept: list[Section] = []
    for section in article.sections:
        while parents and section.level and parents[-1].level >= section.level:
            parents.pop()
        parent = parents[-1] if parents and section.level else None
        if parent is not None and _OWN_HEADING.fullmatch(section.heading.strip()):
            parent = None  # '### Way ahead' under '## Conservation measures': a section
            # of its own, not a measure titled "Way ahead" (round 20, WRONG)
        if parent is not None and parent.kind in _NAMED_KINDS and section.paras \
                and not section.items:
            lines = [n for p in section.paras for n in p.lines]
            body = squash(" ".join(p.text for p in section.paras))
            parent.items.append(Item(section.heading, upper_first(body), [], min(lines),
                                     max(lines)))
            continue
        if parent is not None and parent.kind in _NAMED_KINDS:
            section.kind, section.singular, section.plural = \
                parent.kind, parent.singular, parent.plural
        if section.level:
            parents.append(section)
        kept.append(section)
    article.sections[:] = kept


def _heading_items(article: Article) -> None:
    """'- **Way ahead:** Stricter enforcement ...' under '## Conservation measures': an item
    titled as a section is that section, not a measure titled "Way ahead" (round 21, as
    the sub-heading of round 20)."""
    sections: list[Section] = []
    for section in article.sections:
        sections.append(section)
        if section.kind not in _NAMED_KINDS:
            continue  # ("The issue: ..." under "Why in News" is a point of the news)
        for item in [i for i in section.items if _titled_as_section(i, section.kind)]:
            section.items.remove(item)
            title = item.title or ""
            kind, singular, plural = classify(title) or ("point", *_nouns(title))
            own = Section(title, kind, singular, plural, item.line_start, level=section.level)
            own.paras.append(Para(item.body, [item.line_start] * (item.body.count("\n") + 1)))
            sections.append(own)
    article.sections[:] = sections


def _titled_as_section(item: Item, kind: str) -> bool:
    """An item titled with a section's heading of another kind ("Way ahead" among the
    measures), not "Challenges" among the challenges."""
    if item.title is None or not _OWN_HEADING.fullmatch(item.title.strip()):
        return False
    found = classify(item.title)
    return found is None or found[0] != kind


def _introduced_points(article: Article) -> None:
    """'S.R. Bommai v. Union of India (1994): ... held that:' over lines of '- ' points:
    the points are what the item says (its sub-points), not items without a title of
    their own (round 20: the quote stopped at "held that:" and the holdings went
    unasked)."""
    for section in article.sections:
        kept: list[Item] = []
        for item in section.items:
            head = kept[-1] if kept else None
            if (head is not None and item.title is None and not item.subs
                    and head.title is not None and head.body.endswith(":")
                    and item.line_start == head.line_end + 1):
                head.subs.append(item.body)
                head.line_end = item.line_end
                continue
            kept.append(item)
        section.items[:] = kept


# An editorial has no headings: its paragraphs say what they are in their first words
# ("The first worry, however, is ...", "What the government must do first is ...")
_ORDINAL = r"(?:first|second|third|fourth|next|other|main|chief|bigger|larger|real|final|last)"
_ARGUED = [
    ("challenge", "concern", "concerns", re.compile(
        rf"^(?:(?:but|yet|however|equally),?\s+)?(?:the|a|one|another)\s+(?:{_ORDINAL}\s+)?"
        r"(?:worry|worries|concerns?|problems?|challenges?|risks?|dangers?|difficult(?:y|ies)|"
        r"flaws?|weakness(?:es)?|criticisms?|drawbacks?)\b", re.IGNORECASE)),
    ("opportunity", "opportunity", "opportunities", re.compile(
        r"^(?:(?:but|yet|however),?\s+)?(?:there\s+is\s+(?:also\s+)?an?\s+"
        r"(?:opportunity|promise)|the\s+case\s+for\b|the\s+(?:opportunity|promise|"
        r"benefits?|gains?)\s+(?:is|are|lies?)\b)", re.IGNORECASE)),
    ("way-forward", "step", "steps", re.compile(
        rf"^(?:(?:finally|first|second|third|next|lastly),?\s+)?(?:what\s+[\w\s]{{1,40}}?\s+"
        r"(?:must|should|needs?\s+to)\s+do\b|the\s+(?:way\s+forward|road\s+ahead)\b|"
        rf"the\s+{_ORDINAL}\s+(?:task|step|priority|fix)\b|the\s+next\s+step\s+should\b)",
        re.IGNORECASE)),
]


def _argued(article: Article) -> None:
    """An article in paragraphs alone (an editorial: no heading, no list) in sections by
    what each paragraph opens with: its concerns, opportunities and steps are asked as a
    "Concerns:" section's would be; a paragraph that opens with nothing of the kind
    stays where it is."""
    if len(article.sections) != 1 or article.sections[0].explicit or \
            article.sections[0].items or len(article.sections[0].paras) < 3:
        _closing_concerns(article)
        return
    intro = article.sections[0]
    sections: list[Section] = []
    for para in intro.paras:
        kind, singular, plural = next(((k, s, pl) for k, s, pl, pattern in _ARGUED
                                       if pattern.match(para.text)), ("intro", "point", "points"))
        if not sections or sections[-1].kind != kind:
            heading = {"intro": intro.heading, "way-forward": "Way forward"}.get(
                kind, plural.capitalize())
            sections.append(Section(heading, kind, singular, plural, para.lines[0],
                                    explicit=False))
        sections[-1].paras.append(para)
    article.sections[:] = sections


_CLOSING_CONCERNS = re.compile(
    r"^(?:however|but|yet),?\s+(?:several|many|some|a\s+few|a\s+number\s+of|serious|"
    r"major|key)\s+(?:\w+\s+)?(?:problems|challenges|concerns|hurdles|issues|obstacles|"
    r"barriers|limitations)\b", re.IGNORECASE)


def _closing_concerns(article: Article) -> None:
    """'However, several problems limit how widely the therapy can be used. ...': a
    paragraph of concerns under a heading that is not about them (an explainer's last
    words) is a section of concerns of its own."""
    for n, section in reversed(list(enumerate(article.sections))):
        if section.kind in _NAMED_KINDS or section.kind == "conclusion":
            continue
        moved = [p for p in section.paras if _CLOSING_CONCERNS.match(p.text)]
        if not moved:
            continue
        section.paras[:] = [p for p in section.paras if p not in moved]
        concerns = Section("Concerns", "challenge", "concern", "concerns", moved[0].lines[0],
                           explicit=False, level=section.level)
        concerns.paras += moved
        article.sections.insert(n + 1, concerns)


# "Here are the key facts: ...", "The main points are: ...": words that only announce
# what follows the colon (no heading, no title)
_LEAD_IN = re.compile(r"(?:here (?:are|is)|(?:these|they) (?:are|include)|(?:the )?(?:key|main|"
                      r"important|salient) (?:facts|points|features|highlights) (?:are|include)"
                      r"|(?:the )?facts are|in brief|in short|briefly)\b[^:]*$", re.IGNORECASE)
# "Q: Who brokered the treaty?" / "A: The World Bank." ("Q.", "Ques.", "Question 1:",
# "Ans.", "Answer:"), or both on one line
_FAQ_Q = re.compile(r"^(?:Q|Ques|Question)\s*\d*\s*[.:)\u2013\u2014-]\s*(\S.*)$")
_MAINS_QUESTION = re.compile(
    r"^(?:Q|Ques|Question)\s*\d*\s*[.:)]\s*((?:Discuss|Examine|Analy[sz]e|Critically|Evaluate|"
    r"Explain|Comment|Elucidate|Describe|Highlight|Assess|Bring\s+out|Throw\s+light|To\s+what"
    r"|In\s+what|How\s+far|Do\s+you)\b.*?)\s*(?:\(\s*\d+\s*words?\s*\)|\[\s*\d+\s*words?\s*\])?"
    r"\s*(?:\d+\s*marks?)?\s*$", re.IGNORECASE)
_FAQ_A = re.compile(r"^(?:A|Ans|Answer)\s*[.:)\u2013\u2014-]\s*(\S.*)$")
_FAQ_INLINE = re.compile(r"^(.+?\?)\s+(?:A|Ans|Answer)\s*[.:)]\s*(\S.*)$")
# a line that says what kind of text this is, not what it is about
_GENRE = re.compile(r"\W*(?:(?:press\s+(?:release|note)|pib|editorial|explainer|op-?ed|"
                    r"(?:daily\s+)?(?:current\s+affairs|news\s+analysis)|study\s+notes?|"
                    r"notes|article|summary|analysis|backgrounder|fact\s*sheet)\W*"
                    r"(?:\((?:[\w\s-]+)\))?\W*)+", re.IGNORECASE)
_DATELINE = re.compile(r"^[A-Z][A-Z .'-]{2,30},\s+(\d{1,2}\s+[A-Z][a-z]+\s+\d{4}|[A-Z][a-z]+\s+"
                       r"\d{1,2},\s+\d{4})\s*(?:[\u2013\u2014:]|--?)\s*")
_PAIRED = (("before", "after"), ("old", "new"), ("earlier", "now"), ("pros", "cons"),
           ("advantages", "disadvantages"), ("for", "against"), ("then", "now"))


# a judgment summary's own headings, alone on a line over their text ("Facts of the case")
_JUDGMENT_HEADING = re.compile(r"(?:facts(?:\s+of\s+the\s+case)?|held|holdings?|judgment|verdict|"
                               r"ratio(?:\s+decidendi)?|observations|issues?\s+before\s+the\s+"
                               r"court|background|significance|criticism|analysis)\s*:?",
                               re.IGNORECASE)
_CAPS_ENTRY = re.compile(r"^([A-Z][A-Z0-9 .,'\u2019()&-]{2,50}?)\s+[\u2013\u2014:-]\s+"
                         r"([A-Z\"\u201c].*)$")
_BOLD_LABEL = re.compile(r"^\s*(\*\*|__)[^*_]{1,60}?:?\1\s*:?\s*\S")
_NUMBERED_STEP = re.compile(r"(?:step|phase|stage)\s*\d+$", re.IGNORECASE)


def _labelled_lines(rows: list[tuple[int, str]], least: int = 3) -> bool:
    """Two lines or more, each 'Title: text' or 'Title — text' with a short title: the
    steps of a process or the terms of a glossary, typed without bullets."""
    if len(rows) < 2:
        return False
    for _, raw in rows:
        title, rest = split_item(raw)
        if title is None or (count_words(title) > 6 and not _CASE_LINE.match(raw)) \
                or count_words(rest) < least:
            return False  # (a case's name is a title however long: round 21)
    return True


def _bold_facts(rows: list[tuple[int, str]]) -> bool:
    """'**Founded:** 1 January 1995' over '**Decision-making:** by consensus': a block of
    facts, each a bold label and a value, however short."""
    return all(_BOLD_LABEL.match(raw) for _, raw in rows) and _labelled_lines(rows, least=1)


def _profile(rows: list[tuple[int, str]]) -> bool:
    """'Scientific name: Panthera leo persica' over 'CITES: Appendix I' over 'Population
    2025: 891': a profile of four lines or more, each a short label and its value, however
    short (round 25: read as one paragraph, its quotes ran the fields together)."""
    if len(rows) < 4:
        return False
    for _, raw in rows:
        title, rest = split_label(raw)
        if title is None or count_words(title) > 6 or not rest \
                or (raw.rstrip().endswith(".") and count_words(raw) >= 12):
            return False
    return True


def _sentence_lines(rows: list[tuple[int, str]]) -> bool:
    """Three lines or more, each a whole sentence: a list typed without bullets (prose
    wrapped at a width seldom ends every line with a full stop)."""
    return len(rows) >= 3 and all(
        raw[:1].isupper() and raw.rstrip().endswith((".", "!", "?")) and count_words(raw) >= 4
        for _, raw in rows)


def _compares(header: list[str]) -> bool:
    """'Eastern rivers | Western rivers', 'Before | After': a table whose columns are
    things compared, not a label column and its values."""
    words = [h.lower().split() for h in header]
    if len(header) < 2 or not all(words):
        return False
    if len({w[-1] for w in words}) == 1 and len({" ".join(w) for w in words}) == len(words):
        return True  # the same kind, told apart by the words before it
    if len({w[0] for w in words}) == 1 and all(len(w) > 1 for w in words) \
            and len({" ".join(w) for w in words}) == len(words):
        return True  # "Article 32 | Article 226": the same kind, told apart after it
    return len(words) == 2 and (words[0][0], words[1][0]) in _PAIRED


# "... Prime Minister. Members: Chief Ministers ...": a field's name after a full stop
_NEXT_FIELD = re.compile(r"(?<=[a-z)]\.)\s+([A-Z][a-z]+(?:\s+[a-z]+)?):\s+(?=\S)")


def _fields(item: Item) -> list[Item]:
    """'- Chairman: the Prime Minister. Members: Chief Ministers of all States, ...': one
    bullet of short fields is a field each (round 26: "Chairman: Members: ____", the
    Chairman lost)."""
    if not item.title or count_words(item.title) > 2 or item.subs or item.column:
        return [item]
    parts = _NEXT_FIELD.split(item.body)
    if len(parts) < 3 or count_words(parts[0]) > 8:
        return [item]
    found = [Item(item.title, upper_first(parts[0].strip()), [], item.line_start,
                  item.line_end)]
    for title, body in zip(parts[1::2], parts[2::2], strict=True):
        found.append(Item(title, upper_first(body.strip()), [], item.line_start,
                          item.line_end))
    return found


# a table's first column that names what each row compares ("Feature", "Basis")
_LABEL_COLUMN = re.compile(r"(?:features?|basis|parameters?|aspects?|criteri(?:a|on)|points?|"
                           r"particulars|attributes?|dimensions?|categor(?:y|ies))",
                           re.IGNORECASE)
_RANK_COLUMN = re.compile(r"(?:position|rank(?:ing)?|s\.?\s*no\.?|sl\.?\s*no\.?|sr\.?\s*no\.?|"
                          r"no\.|#)", re.IGNORECASE)


_BULLET_MARK = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+")


def _pipe_rows(rows: list[tuple[int, str]]) -> bool:
    """Two lines or more, each with the same number of " | " (one at least)."""
    counts = {raw.strip().strip("|").count("|") for _, raw in rows}
    return len(rows) >= 2 and len(counts) == 1 and min(counts) >= 1 and all(
        " | " in raw for _, raw in rows)


_DASHED_LABEL = re.compile(r"(.+?)\s+[\u2013\u2014-]\s+(.+)", re.DOTALL)


class _Parser:
    def __init__(self, lines: list[str]) -> None:
        self.lines = lines
        self.article = Article()
        self.current: Section | None = None

    def run(self) -> Article:
        tree = SyntaxTreeNode(MD.parse("\n".join(self.lines)))
        nodes = tree.children
        for n, node in enumerate(nodes):
            if node.type == "ordered_list" and n + 1 < len(nodes) \
                    and _numbered_heading(node, nodes[n + 1]):
                item = node.children[0]  # "2. Evolution of Tiger Conservation" over its
                # "(a) ..." points
                self.heading(_inline(item.children[0]), (item.map or (0, 0))[0] + 1)
                continue
            self.block(node)
        _nest(self.article)
        _heading_items(self.article)
        _introduced_points(self.article)
        _argued(self.article)
        _sides(self.article)
        return self.article

    def block(self, node: SyntaxTreeNode) -> None:
        start, end = node.map or (0, 0)
        if node.type == "heading":
            self.heading(_heading_text(_inline(node)), start + 1, int(node.tag[1:]))
        elif node.type in ("paragraph", "code_block"):
            self.paragraph(start, end)
        elif node.type == "ordered_list" and _caps_headings(node):
            for item in node.children:  # "1. WHAT IS THE SCHEME" over its bullets
                self.heading(_inline(item.children[0]), (item.map or (0, 0))[0] + 1)
        elif node.type in ("bullet_list", "ordered_list"):
            self.items(node)
        elif node.type == "table":
            self.table(node)
        elif node.type == "blockquote":
            for child in node.children:
                self.block(child)

    def heading(self, text: str, line: int, level: int = 0) -> None:
        text = _uncapped(text, self.lines)
        found = classify(text)
        if (self.article.title is None and not self.article.sections
                and (found is None or is_title(text))):
            self.article.title, self.article.title_line = text, line
            return
        kind, singular, plural = found or ("point", *_nouns(text))
        self.current = Section(text, kind, singular, plural, line, level=level)
        self.article.sections.append(self.current)

    def section(self, line: int) -> Section:
        if self.current is None:
            self.current = Section("Introduction", "intro", "point", "points", line,
                                   explicit=False)
            self.article.sections.append(self.current)
        return self.current

    def paragraph(self, start: int, end: int) -> None:
        rows = [(n + 1, self.lines[n].strip()) for n in range(start, end)
                if self.lines[n].strip()]
        if rows and (dateline := _DATELINE.match(rows[0][1])):
            # "NEW DELHI, 29 February 2024 — The Cabinet today approved ...": the place and
            # date head the release; "today" is that date
            text = rows[0][1][dateline.end():]
            text = re.sub(r"\btoday\b", f"on {dateline[1]}", text, count=1)
            rows = [(rows[0][0], text), *rows[1:]]
        mains = _MAINS_QUESTION.match(rows[0][1]) if rows else None
        if mains and self.article.title is None and not self.article.sections:
            # "Q. Discuss the significance of ... (250 words)": a model answer's question
            # is what it is about, its title
            self.article.title, self.article.title_line = mains[1].strip(), rows[0][0]
            rows = rows[1:]
        while rows and _FAQ_Q.match(rows[0][1]):
            left = self.questions(rows)
            if left is rows:
                break
            rows = left
        entry = _CAPS_ENTRY.match(rows[0][1]) if rows else None
        if entry and count_words(entry[2]) >= 8 and count_words(entry[1]) <= 6 \
                and not re.search(r"\d", entry[1]):  # (not "GS PAPER 2 - ...")
            # "STRAIT OF HORMUZ – This narrow strait lies between ...": a places-in-news
            # entry, an item titled by its place (which "This strait" and "it" then mean)
            title = _entry_name(entry[1].strip(), self.lines)
            body = squash(plain(" ".join([entry[2], *(raw for _, raw in rows[1:])])))
            section = self.section(rows[0][0])
            section.items.append(Item(title, upper_first(body), [], rows[0][0], rows[-1][0]))
            return
        if _bold_facts(rows) or (_profile(rows) and not any(
                (classify(split_label(raw)[0] or "") or ("overview",))[0] != "overview"
                for _, raw in rows)):  # ("Why in news: ..." a field among them, round 27)
            self.body(rows)  # "**Founded:** 1 January 1995" over "**Members:** 166": a
            return  # block of facts, each line an item, none a heading (nor "Case: ..."
            # over "Decided: 24 April 1973" in plain text, round 25)
        while rows and not _pipe_rows(rows):
            number, raw = rows[0]
            if self.special_line(raw, number):
                rows = rows[1:]
                continue
            if _is_heading_line(raw) or (len(rows) == 1 and _standalone_heading(raw)) or (
                    len(rows) > 1 and _title_line_over_text(raw, rows[1][1])) or (
                    len(rows) > 2 and _standalone_heading(raw) and _labelled_lines(rows[1:])) \
                    or (len(rows) > 1 and _JUDGMENT_HEADING.fullmatch(raw.strip())):
                # ("Key terms" over "T cell — A white blood cell ..." lines)
                self.heading(_heading_text(raw), number)
                rows = rows[1:]
                continue
            label, rest = split_label(raw)
            dashed = _DASHED_LABEL.match(raw)
            if label is None and dashed:  # "Way Forward — The two governments should ..."
                head = squash(plain(dashed[1])).strip("*_ ")
                if count_words(head) <= 4 and classify(head) is not None:
                    label, rest = head, dashed[2]
            if label is not None and _LEAD_IN.match(label):
                rows = [(number, rest), *rows[1:]]  # "Here are the key facts: ..."
            elif label is not None and classify(label) is not None \
                    and not _NUMBERED_STEP.match(label):  # ("Step 1: Blood is drawn ...")
                self.heading(label, number)
                rows = [(number, rest), *rows[1:]]
            break
        if _pipe_rows(rows):
            # "Basis | Article 32 | Article 226" over "Court | Supreme Court | High Courts":
            # a table typed without Markdown's rule line, read as a table (round 26: as
            # prose, its "|" inside quotes)
            self.rows(self.section(rows[0][0]), [
                (number, [squash(plain(c)) for c in raw.strip().strip("|").split("|")])
                for number, raw in rows])
            return
        if rows:
            self.body(rows)

    def special_line(self, raw: str, number: int) -> bool:
        """The syllabus line, or the title (the first short line before any section)."""
        text = squash(plain(raw))
        if self.article.syllabus is None and _SYLLABUS.match(ascii_punct(text)):
            label, rest = text.split(":", 1) if ":" in text[:40] else ("", text)
            self.article.syllabus = (rest if "syllabus" in label.lower() or "relevance" in
                                     label.lower() else text).strip()
            self.article.syllabus_line = number
            return True
        if self.article.title is None and not self.article.sections and _GENRE.fullmatch(text):
            return True  # "PRESS RELEASE (STUDY FORMAT)" over the real title
        if (self.article.title is None and not self.article.sections and text
                and count_words(text) <= 20 and text[-1] not in ".:;,"
                and (classify(text) is None or is_title(text))):
            self.article.title = _uncapped(text.strip("*_ "), self.lines)
            self.article.title_line = number
            return True
        return False

    def body(self, rows: list[tuple[int, str]]) -> None:
        section = self.section(rows[0][0])
        text = plain("\n".join(raw for _, raw in rows)).strip()
        if not text:
            return
        if len(rows) >= 3 and split_item(rows[0][1])[0] is None and _labelled_lines(rows[1:]) \
                and not section.items:
            # "The original Constitution did not ... Part XIV-A ... was inserted ..." over
            # "Article 323A: Empowers Parliament ..." lines: a lead, then the list (round
            # 21: read as one paragraph, so no card asked Article 323A or 323B)
            section.paras.append(Para(plain(rows[0][1]).strip(), [rows[0][0]]))
            rows = rows[1:]
        profile = _profile(rows) and not _bold_facts(rows)
        if _labelled_lines(rows) or _bold_facts(rows) or profile:
            # "Step 1: Blood is drawn ...", "CD19 — A protein marker ...": a line each,
            # each titled, is a list typed without bullets
            for number, raw in rows:
                title, rest = split_label(raw) if profile else split_item(raw)
                section.items.append(Item(title, upper_first(squash(rest)), [], number,
                                          number))
            return
        if section.kind in _NAMED_KINDS and _sentence_lines(rows):
            # "Demand could be built through ...\nA domestic carbon market can ...": under
            # a way forward (or concerns, ...), one sentence a line is one point a line
            for number, raw in rows:
                title, rest = split_item(raw)
                section.items.append(Item(title, upper_first(squash(rest)), [], number,
                                          number))
            return
        label, rest = split_label(text)
        if (section.kind not in ("intro", "overview", "way-forward") and label is not None
                and "\n" not in label):
            end = rows[-1][0]
            section.items.append(Item(label, upper_first(squash(rest)), [], rows[0][0], end))
            return
        section.paras.append(Para(text, [n for n, _ in rows]))

    def items(self, node: SyntaxTreeNode) -> None:
        start = (node.map or (0, 0))[0] + 1
        section = self.section(start)
        for child in node.children:
            if child.type != "list_item":
                continue
            cut = self.run_on(child)
            if cut is None:
                section.items.extend(_fields(self.item(child)))
                continue
            # "- 87th Amendment, 2003: made the 2001 census the basis ..." over "The Lok
            # Sabha's 543 elected seats are therefore ...": a paragraph typed right under
            # the last bullet, which Markdown joins to it (round 27: the bullet's title
            # headed every blank of the paragraph, "87th Amendment, 2003: Census 2027 ...")
            start = (child.map or (0, 0))[0]
            title, body = split_item(_BULLET_MARK.sub("", self.lines[start], count=1) + "\n"
                                     + "\n".join(self.lines[start + 1:cut]))
            section.items.append(Item(title, upper_first(squash(body)), [], start + 1, cut))
            rows = [(n + 1, self.lines[n].strip()) for n in range(cut, (child.map or (0, 0))[1])
                    if self.lines[n].strip()]
            if rows:
                section.paras.append(Para(plain("\n".join(r for _, r in rows)).strip(),
                                          [n for n, _ in rows]))

    def run_on(self, node: SyntaxTreeNode) -> int | None:
        """The line where a paragraph typed under a bullet starts: unindented, a sentence
        of its own after one that ended (None when the item is all its own)."""
        start, end = node.map or (0, 0)
        if any(c.type != "paragraph" for c in node.children) or len(node.children) != 1:
            return None
        for n in range(start + 1, end):
            line, before = self.lines[n], self.lines[n - 1].rstrip()
            if line[:1].isupper() and before.endswith((".", "!", "?")) \
                    and count_words(line) >= 6 and count_words(before) >= 3:
                return n
        return None

    def table(self, node: SyntaxTreeNode) -> None:
        """A Markdown table's rows, as cells with their line numbers."""
        rows = [((r.map or (0, 0))[0] + 1, [squash(plain(_inline(c))) for c in r.children])
                for part in node.children for r in part.children if r.type == "tr"]
        if rows:
            self.rows(self.section((node.map or (0, 0))[0] + 1), rows)

    def rows(self, section: Section, rows: list[tuple[int, list[str]]]) -> None:
        """'| MPC strength | 6 members |': a row is an item titled by its first cell; with
        more columns, each cell says which column it is ('Value: 4%; Band: ±2%')."""
        header = rows[0][1]
        if _compares(header):
            self.comparison(section, header, rows[1:])
            return
        if len(header) >= 3 and _RANK_COLUMN.fullmatch(header[0].strip()):
            # "| Position | State | Score | Band |": a row is its State, its position one
            # of its fields (round 27: "what is said about “1 (joint)”?", and the second
            # "1 (joint)" row, Kerala, lost as its twin)
            for line, cells in rows[1:]:
                if len(cells) < 3 or not cells[1]:
                    continue
                said = [f"{h}: {c.rstrip('.')}" for h, c in zip(
                    [header[0], *header[2:]], [cells[0], *cells[2:]], strict=False)
                    if c and not _EMPTY_CELL.fullmatch(c)]
                if said:
                    section.items.append(Item(cells[1], ". ".join(said) + ".", [], line,
                                              line, column=cells[1]))
            return
        for line, cells in rows[1:]:
            if len(cells) < 2 or not cells[0] or not any(cells[1:]):
                continue
            kept = [(h, c) for h, c in zip(header[1:], cells[1:], strict=False)
                    if c and not _EMPTY_CELL.fullmatch(c)]
            if not kept:
                continue
            longest = max(kept, key=lambda hc: count_words(hc[1]))
            labelled = _LABEL_COLUMN.fullmatch(header[0].strip()) is not None
            if len(header) >= 3 and (_compares(header[1:]) or labelled):
                # "| Selection | On the Union's advice | By a Selection Committee |" under
                # "| Feature | Before (1991 Act) | After (2023 Act) |": each side named, or
                # the old law would be taught as the law (and "| Feature | CBDC-W | CBDC-R
                # |": its first column had gone unnamed, round 28, BROKEN)
                for h, c in kept:  # ("Selection, after (2023 Act)": one side an item)
                    named = re.match(r"[A-Z]\S*\s+\d", h) is not None or (  # ("Article 32")
                        labelled and h[:1].isupper()
                        and h.split()[0].lower() not in {w for p in _PAIRED for w in p})
                    side = h if named else f"{h[:1].lower()}{h[1:]}"
                    title = f"{cells[0]}, {side}" if h else cells[0]
                    section.items.append(Item(title, upper_first(c), [], line, line,
                                              column=h if named else None))
                continue
            if len(kept) > 1 and count_words(kept[0][1]) <= 5 and count_words(longest[1]) >= 8:
                # "CETA | Trade in goods and services | Zero-duty access for ...": a short
                # category column, then what the row says (asked on its own: a heading
                # pasted into the answer, "Defence. Significance: ...", helps no one)
                kept = [longest]
            # "Consent | Processing needs free, specific consent | Up to Rs 50 crore": the
            # second column is what the row says; the others add to it, named
            body = upper_first(kept[0][1].rstrip("."))
            if len(kept) > 1:
                body = ". ".join([body, *(f"{h}: {c.rstrip('.')}" if h else c.rstrip(".")
                                          for h, c in kept[1:])]) + "."
            section.items.append(Item(cells[0], upper_first(body), [], line, line))

    def comparison(self, section: Section, header: list[str],
                   rows: list[tuple[int, list[str]]]) -> None:
        """'| Eastern rivers | Western rivers |': no column labels the rows; each row is a
        line of text that names each cell's column ('Eastern rivers: Ravi, Beas and
        Sutlej. Western rivers: Indus, Jhelum and Chenab.')."""
        for line, cells in rows:
            said = [f"{h}: {c.rstrip('.')}." for h, c in zip(header, cells, strict=False)
                    if c and not _EMPTY_CELL.fullmatch(c)]
            if said:
                section.paras.append(Para(" ".join(said), [line]))

    def questions(self, rows: list[tuple[int, str]]) -> list[tuple[int, str]]:
        """'Q: Who brokered the treaty?' over 'A: The World Bank.': the article's own
        question and answer, an item asked as written. The rows left over."""
        first = _FAQ_Q.match(rows[0][1])
        if first is None:
            return rows
        question, answer, end = [first[1]], [], rows[0][0]
        inline = _FAQ_INLINE.match(first[1])
        if inline:
            question, answer = [inline[1]], [inline[2]]
        for number, raw in rows[1:]:
            said = _FAQ_A.match(raw)
            if said and not answer:
                answer.append(said[1])
            elif _FAQ_Q.match(raw):
                break
            else:
                (answer if answer else question).append(raw)
            end = number
        asked = squash(plain(" ".join(question)))
        said_text = upper_first(squash(plain(" ".join(answer))))
        if not answer or not asked.endswith("?") or not said_text:
            return rows
        section = self.section(rows[0][0])
        section.items.append(Item(asked, said_text, [], rows[0][0], end, asked=True))
        return [r for r in rows if r[0] > end]

    def item(self, node: SyntaxTreeNode) -> Item:
        start, end = node.map or (0, 0)
        while end > start + 1 and not self.lines[end - 1].strip():
            end -= 1
        paras = [c for c in node.children if c.type == "paragraph"]
        subs = [s for c in node.children if c.type in ("bullet_list", "ordered_list")
                for s in _flatten(c)]
        head = _inline(paras[0]) if paras else ""
        title, body = split_item(head)
        more = " ".join(squash(plain(_inline(p))) for p in paras[1:])
        body = upper_first(squash(f"{body} {more}"))
        return Item(title, body, subs, start + 1, end)


def _sides(article: Article) -> None:
    """'Institutions:' over 'Gadgil: ...' and 'Kasturirangan: ...', then 'Approach:' over
    the same two: sections that each give the same sides their say, each side named by a
    heading of its own ('### Gadgil Committee (2011)'). An item is a side's position
    ("what is the Gadgil Committee's position on “Institutions”?"), and the sides are no
    list of the section's things (round 27, WRONG: "name the two institutions" ->
    "Gadgil, Kasturirangan"). Not the same fields under several entries ("Habitat:",
    "Status:" under each species): a field has no heading of its own."""
    def titles(section: Section) -> tuple[str, ...]:
        return tuple(i.title or "" for i in section.items)
    shapes: dict[tuple[str, ...], list[Section]] = {}
    for section in article.sections:
        shape = titles(section)
        if len(shape) >= 2 and all(shape) and len(set(shape)) == len(shape) \
                and all(count_words(t) <= 4 for t in shape):
            shapes.setdefault(shape, []).append(section)
    for shape, sections in shapes.items():
        names = [_side_name(title, article) for title in shape]
        if len(sections) >= 2 and all(names):
            for section in sections:
                for item, name in zip(section.items, names, strict=True):
                    item.side = name


def _side_name(title: str, article: Article) -> str | None:
    """'Gadgil' -> 'the Gadgil Committee', as a heading of the article names it
    ('### Gadgil Committee (2011)'); None when no heading does."""
    for section in article.sections:
        heading = re.sub(r"\s*\([^()]*\)$", "", section.heading).strip()
        if heading.lower().startswith(f"{title.lower()} ") and count_words(heading) <= 5:
            return f"the {heading}"
    return None


def _numbered_heading(node: SyntaxTreeNode, following: SyntaxTreeNode) -> bool:
    """'2. Evolution of Tiger Conservation' alone, over a list or a paragraph: a numbered
    heading in Title Case (a one-item numbered list that names what follows)."""
    if len(node.children) != 1 or following.type not in (
            "bullet_list", "ordered_list", "paragraph", "table"):
        return False
    item = node.children[0]
    if len(item.children) != 1 or item.children[0].type != "paragraph":
        return False
    text = squash(plain(_inline(item.children[0])))
    long_words = [w for w in re.findall(r"[A-Za-z][\w'’-]*", text) if len(w) >= 4]
    if following.type == "bullet_list" and long_words and "\n" not in text \
            and count_words(text) <= 10 and text[-1] not in ".,;:!?":
        return True  # "1. Hydropower – the anchor of the relationship" or "2. Trade and
        # economy" over bullets of their own: a numbered subheading, in any case
    return (title_case(text) and "\n" not in text and count_words(text) <= 8
            and text[-1] not in ".,;:!?")


def _caps_headings(node: SyntaxTreeNode) -> bool:
    """A numbered list whose every item is a short line in capitals and nothing else
    ("1. WHAT IS THE SCHEME", "2. FEATURES"): numbered headings, not items."""
    for item in node.children:
        if len(item.children) != 1 or item.children[0].type != "paragraph":
            return False
        text = squash(plain(_inline(item.children[0])))
        if (sum(c.isalpha() for c in text) < 4 or not text.isupper() or "\n" in text
                or count_words(text) > 8 or text[-1] in ".,;:!?"):
            return False
    return bool(node.children)


def _inline(node: SyntaxTreeNode) -> str:
    for child in node.children:
        if child.type == "inline":
            return child.content
    return ""


def _flatten(node: SyntaxTreeNode, depth: int = 0) -> list[str]:
    out: list[str] = []
    for item in node.children:
        text = " ".join(squash(plain(_inline(c))) for c in item.children
                        if c.type == "paragraph")
        out.append("  " * depth + text)
        for c in item.children:
            if c.type in ("bullet_list", "ordered_list"):
                out += _flatten(c, depth + 1)
    return out


def parse(text: str) -> Article:
    return _Parser(normalise(text)).run()
