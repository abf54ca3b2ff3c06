"""The quality gate: what a strict teacher would not let through.

A candidate card is dropped (never merely warned about) when its question has no finite
verb or leaves a clause dangling, has a space before punctuation, gives its answer away
(the answer itself, its abbreviation or expansion, or most of its content words), when
the answer runs over 35 words, or when the question leans on a pronoun or a "the
agreement" that nothing in the card resolves. `flashcards build --explain` lists what was
dropped and why.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence

from flashcards.builder.language import LIST_PARTS, MONTH, NUMBER_WORDS, ORDINAL_WORDS, norm

MAX_ANSWER_WORDS = 35
MAX_PARTS_WORDS = 32  # an answer of two or more sentences or bullets, in all
MAX_QUESTION_WORDS = 48
STOP = frozenset("""a an the of in on at to for by with from and or as is are was were be
    been has have had its their this that these those it they which who whom whose what when
    where how than then into over under between after before per s""".split())
_SPACE_BEFORE = re.compile(r"\s[,.;:?!)]")
_DANGLING_END = re.compile(r"\b(?:of|in|on|at|to|for|by|with|from|and|or|but|as|than|"
                           r"the|a|an|that|which|who|whose)\s*[?.]?[”\"]?$", re.IGNORECASE)
# a quoted sentence that stops at "held that:" or "as follows:", before the points it
# introduces (round 20)
_DANGLING_QUOTE = re.compile(r"\b(?:that|as\s+follows|the\s+following)\s*[:.]?\s*[\u201d\"]$",
                             re.IGNORECASE)
_PRONOUN_WORDS = re.compile(r"\b(?:it|they|them|he|she|him|her|his|its|their)\b",
                            re.IGNORECASE)


def content_words(text: str) -> list[str]:
    """The words that carry meaning; a number with its brackets is one word: 'Article
    370(3)' -> ['article', '370(3)'] (not the '370' of 'Article 370')."""
    words = re.findall(r"\d+(?:\(\w{1,4}\))+|[^\W_]+", text.casefold())
    return [norm(w) if "(" not in w else w for w in words
            if norm(w) not in STOP and len(w) > 1]


def figures(text: str) -> list[str]:
    """The numbers in a text, whole: '7,204', '35.5', '2019' (and '21' of '2019–21')."""
    return re.findall(r"\d+(?:[.,]\d+)*", text)


def stem(word: str) -> str:
    """'reefs' and 'reef' as one word (a rough plural, enough for give-aways)."""
    return word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss") \
        else word


def _words(text: str) -> set[str]:
    return set(re.findall(r"\d+(?:\(\w{1,4}\))+|[^\W_]+", text.casefold()))


def acronym(text: str) -> str:
    """'Election Commission of India' -> 'ECI'; '' when there are fewer than two words."""
    letters = [w[0] for w in re.findall(r"[A-Za-z][\w'-]*", text)
               if w[0].isupper() and w.lower() not in STOP]
    return "".join(letters) if len(letters) >= 2 else ""


def _joined(text: str) -> str:
    return re.sub(r"(?<=\d)[.,](?=\d)", "d", text)


def gives_away(question: str, answer: str, expansions: Mapping[str, str],
               explains: bool = False) -> str | None:
    """Why the question gives its answer away, or None. An explanation (`explains`) may
    repeat its title's words: only the whole answer in the question gives it away."""
    # (a figure's point and commas hold it together: "5%" is not in "1.5%", round 24)
    q_norm, a_norm = f" {norm(_joined(question))} ", norm(_joined(answer))
    if a_norm and f" {a_norm} " in q_norm:
        return "the answer is in the question"
    q_norm, a_norm = f" {norm(question)} ", norm(answer)
    if _inflected(answer, question):
        return "the answer is in the question, in another form"
    short = acronym(answer)
    if short and re.search(rf"\b{re.escape(short)}\b", question):
        return f"the answer's abbreviation {short} is in the question"
    for inner in re.findall(r"\(([A-Z][A-Z0-9&-]*[A-Z0-9])\)", answer):  # "(PM-KUSUM)"
        if re.search(rf"(?<![\w-]){re.escape(inner)}(?![\w-])", question):
            return f"the answer's abbreviation {inner} is in the question"
    long = expansions.get(answer.strip())
    if long and f" {norm(long)} " in q_norm:
        return "the answer's expansion is in the question"
    if not explains and len(answer.split()) <= 4 and not re.match(r"(?:about |around )?[\d₹$€£]",
                                                                  answer.strip()):
        # "DPDP Act" under the label "Digital Personal Data Protection Act": a short answer
        # that is mostly an abbreviation (not a figure, whose unit spelled out elsewhere
        # gives no figure away: "406.19 BCM" beside "446.90 billion cubic metres")
        for abbr in re.findall(r"(?<![\w-])[A-Z]{2,}(?![\w-])", answer):
            if _spelled_out(abbr, question) or _worded(abbr, question):
                return f"the answer's abbreviation {abbr} is spelled out in the question"
    for full, abbr in ((f, a) for a, f in expansions.items()):
        if norm(full) == a_norm and re.search(rf"\b{re.escape(abbr)}\b", question):
            return f"the answer's abbreviation {abbr} is in the question"
    from flashcards.builder.answers import TYPE_NOUNS

    # the kind a "Which initiative ...?" asks for is no give-away of "Korea Plus initiative"
    words = [w for w in content_words(answer) if w not in TYPE_NOUNS]
    after = re.search(r"____(?:-\w+)?((?:\s+(?:in|of|for|on)\s+[A-Z][\w-]*){0,2})\s*"
                      r"\(([A-Za-z0-9-]{2,12})\)", question)
    if after:  # "initiative on ____ (iCET)", "the ____ session of the Committee (INC-5)",
        # "____ in India (SPAI)" (Snow Leopard Population Assessment in India), "____
        # (MoEFCC)" (its "o" of "of"), "____-informatics (BISAG-N)" (a name it spells out)
        initials = acronym(f"{answer} {after[1]}").upper()
        short = after[2].upper().replace("-", "")
        spelled = norm(expansions.get(after[2], ""))
        if (initials and (short in initials or acronym(answer).upper() in short or (
                len(short) >= 3 and short[0] == initials[0]
                and (_subsequence(short, initials) or _subsequence(initials, short))))) \
                or _number_of(answer) in re.findall(r"\d+", after[2]) \
                or (a_norm and f" {spelled} ".startswith(f" {a_norm} ")):
            return f"the answer's abbreviation {after[2]} follows the blank"
    if re.match(r"(?:about |around |over |nearly )?[₹$€£]?\s?\d", answer.strip()) and (
            re.search(_FIGURE_AFTER, question) or re.search(_FIGURE_BEFORE, question)):
        # "₹1,41,600 crore (about ₹1.42 lakh crore)": the same figure, in other units
        return "the same figure stands beside the blank"
    if re.search(r"\b(?:known|referred\s+to|described|dubbed|called)\s+as\s+____|"
                 r"\b(?:dubbed|called|named|nicknamed)\s+____", question) and words and all(
            re.search(rf"\b{re.escape(w)}", question, re.IGNORECASE) for w in words):
        # "..., known as ____" -> "Chabahar Agreement" under the label "Chabahar port",
        # after "the Trilateral Agreement ...": the alias's words are all there (round 27)
        return "the alias's words are all in the question"
    number = _number_of(answer)
    named = re.search(r"____[^\u201c\u201d]*?\bnamely\s+([^.;:\u201d]+)", question)
    word = answer.strip().lower()
    count = str(NUMBER_WORDS.index(word)) if word in NUMBER_WORDS else \
        word if word.isdigit() else ""
    members = []
    for part in LIST_PARTS.split(named[1]) if named else []:
        if not part[:1].isupper():
            break  # (", feature in the world's top 100": the list has ended)
        members.append(part)
    if count and str(len(members)) == count:
        # "____ Indian S&T clusters, namely Mumbai, Delhi, Bengaluru and Chennai" -> "Four":
        # the list counts itself (round 24, WEAK)
        return "the question lists them all: their number is counted off it"
    if number and re.search(rf"\b[A-Z][\w.]*-{number}\b", question):
        return f"the question numbers it: ...-{number}"  # "fifth" beside "(INC-5)"
    numbers = figures(answer)
    if figures(_in_digits(answer)) and not explains and len(answer.split()) <= 3 \
            and _summed(answer, question):
        return "the answer is the sum or difference of figures in the question"
    if numbers and not explains and len(answer.split()) <= 8 and not MONTH.search(answer):
        # "7,204 million tonnes" is not given away by "79.4 million tonnes" beside it: a
        # figure's unit is shared by its neighbours, its number is the answer
        if set(numbers) <= set(figures(question)):
            return "the answer's figures are in the question"
        return None
    if len(words) >= 2 and not explains:
        asked = {stem(w) for w in _words(question)}
        shared = sum(1 for w in words if stem(w) in asked)
        if shared * 3 >= len(words) * 2:
            return "most of the answer's words are in the question"
    return None


# "____ (about ₹1.42 lakh crore)", "₹1,41,600 crore (____)": a figure in brackets beside
# the blank (not a year: "NFHS-4 (____)", "in ____ (2015-16)")
_FIGURE_AFTER = re.compile(r"____\s*\((?:about |around |approx\S* )?[₹$€£]?\s?"
                           r"\d(?!\d{3}\b|\d{3}[\u2013-])")
_FIGURE_BEFORE = re.compile(r"(?<![\w-])[₹$€£]?\d[\d.,]*(?:\s\w+)?\s*\(____\)")
_ORDINALS = {word: str(n) for n, word in enumerate(ORDINAL_WORDS[:10], start=1)}


def _inflected(answer: str, question: str) -> bool:
    """A short answer the question has whole, a word of it plural or as an adjective:
    'PAC' in 'the State PACs', 'Sri Lankan' in 'India–Sri Lanka Relations'."""
    words = re.findall(r"[^\W_]+", re.sub(r"^(?:the|a|an)\s+", "", answer.strip(),
                                           flags=re.IGNORECASE))
    if not words or len(words) > 3 or any(c.isdigit() for c in answer) \
            or len("".join(words)) < 3:
        return False
    forms = [rf"{re.escape(w)}(?:s|es)?" if len(w) < 5 else
             rf"(?:{re.escape(w)}(?:s|es|n)?|{re.escape(w[:-1])})" for w in words]
    together = r"[\s-]+".join(forms)
    return re.search(rf"(?<![\w-]){together}(?![\w-])", question, re.IGNORECASE) is not None


def _spelled_out(abbr: str, text: str) -> bool:
    """Whether `text` has a run of capitalised words whose initials are `abbr` (small
    words between them skipped): 'DPDP' in 'the Digital Personal Data Protection Act'."""
    words = re.findall(r"[A-Za-z][\w'-]*", text)
    for start, first in enumerate(words):
        if not first[0].isupper():
            continue
        initials = ""
        for word in words[start:]:
            if word[0].isupper():
                initials += word[0]
            elif word.lower() not in STOP:
                break
            if initials == abbr:
                return True
            if not abbr.startswith(initials):
                break
    return False


def _worded(abbr: str, text: str) -> bool:
    """Whether `text` says what `abbr` stands for in words of its own, in any case and
    order: 'GST' in 'the power to tax goods and services' (small words skipped)."""
    if len(abbr) < 3:
        return False
    words = [w for w in re.findall(r"[A-Za-z][\w'-]*", text) if w.lower() not in STOP]
    letters = sorted(abbr.upper())
    return any(sorted(w[0].upper() for w in words[i:i + len(abbr)]) == letters
               and len({w.lower() for w in words[i:i + len(abbr)]}) == len(abbr)
               for i in range(len(words) - len(abbr) + 1))


def _subsequence(short: str, long: str) -> bool:
    letters = iter(long)
    return all(c in letters for c in short)


def _number_of(answer: str) -> str:
    """'fifth' -> '5', '5th' -> '5'; '' for no single number."""
    word = answer.strip().lower()
    if word in _ORDINALS:
        return _ORDINALS[word]
    found = re.fullmatch(r"(\d+)(?:st|nd|rd|th)?", word)
    return found[1] if found else ""


def _value(figure: str) -> float:
    return float(figure.replace(",", ""))


_NUMBER_WORDS = {w: str(n) for n, w in enumerate(NUMBER_WORDS) if n >= 2}  # ("one of the
# largest" is no count)


def _in_digits(text: str) -> str:
    # (not the day of "2 March 2020", not "a five-judge bench": no parts of a total)
    text = re.sub(rf"\b\d{{1,2}}\s+(?:{MONTH.pattern})", " ", text, flags=re.IGNORECASE)
    return re.sub(r"\b(" + "|".join(_NUMBER_WORDS) + r")\b(?!-)",
                  lambda m: _NUMBER_WORDS[m[1].lower()], text, flags=re.IGNORECASE)


def _summed(answer: str, question: str) -> bool:
    """'2,261 sq km, made up of 1,540 sq km ... and ____ sq km': the blank is the
    difference of two figures the question shows (or their sum); 'eight cheetahs (____
    females and three males)' counts in words as well (round 22, WEAK x4)."""
    answer, question = _in_digits(answer), _in_digits(question)
    own = figures(answer)
    if not re.match(r"(?:about |over |nearly )?[₹$€£]?\s?\d", answer.strip()):
        return False  # "NFHS-4" is a name, not a figure
    said = re.sub(r"\d[\d.,]*\s*[\u2013-]\s*\d[\d.,]*", " ", question.split(":", 1)[-1])
    shown = [f for f in figures(said) if "," in f or "." in f
             or len(f) < 4]  # (not years, not ranges: "aged 20-24")
    if len(own) != 1 or len(shown) < 2:
        return False
    target = _value(own[0])
    values = [_value(f) for f in shown]
    return any(abs(a + b - target) < 1e-6 or abs(a - b - target) < 1e-6
               for i, a in enumerate(values) for b in values[i + 1:] + values[:i]
               if a and b and target)


_HALF_HYPHEN = re.compile(r"(?:^|[\s,(\u201c])-[A-Za-z]|-\s+-|,\s*-\s*,")
# "when were 23 more added?": more of what?
_COUNT_ALONE = re.compile(r"\b\d[\d,.]*\s+(?:more|others|fewer)\b(?=\s*\?|\s+(?:were|was|are|is|"
                          r"have|has|had|will|would|could|did|added|joined)\b)")


_BLANK_IN_WORD = re.compile(r"[^\W_]____|____[^\W_]")


def form_problems(question: str) -> list[str]:
    """What is wrong with the question's form, whatever its answer."""
    out = []
    if _SPACE_BEFORE.search(question.replace(" ____", "_____")):
        out.append("a space before punctuation")
    if question.count("(") != question.count(")") or question.count("\u201c") != \
            question.count("\u201d") or question.count('"') % 2:
        out.append("unbalanced brackets or quotes")
    if _BLANK_IN_WORD.search(question):
        out.append("the blank takes part of a word ('Under____ mortality' -> '-five')")
    if "fill in the blank" in question.lower() and "____" not in question:
        out.append("a fill-in-the-blank question with no blank (a reference rewrote it)")
    if _HALF_HYPHEN.search(question):
        out.append("a hyphenated word lost a half ('for 100% - -verification', "
                   "'high-yielding, -resilient')")
    if _COUNT_ALONE.search(question):
        out.append("a number stands for a noun the question does not say ('23 more')")
    ending = question.rstrip("?. ")
    if not ending.endswith(("\u201d", '"')) and _DANGLING_END.search(ending):
        out.append("the question ends mid-phrase")  # (a quoted title may end in "a")
    if _DANGLING_QUOTE.search(ending):  # "... of Bommai's Karnataka government, held that:"
        out.append("the quote ends where what it says begins (its list follows)")
    if len(question.split()) > MAX_QUESTION_WORDS:
        out.append(f"the question is over {MAX_QUESTION_WORDS} words")
    same = _SAME_TIME.search(question)
    if same and not _YEAR.search(question[:same.start()]):
        out.append("\u201cthe same year\u201d refers to nothing in the card")  # ("which
        # commission was set up the same year?", round 22, BROKEN)
    if _SAME_DEED.search(question) and "\u201c" not in question:
        out.append("\u201cthe same\u201d refers to nothing in the card")  # ("which
        # organization did the same in July 2023?", round 23, BROKEN; a quote shows it)
    then = re.search(r"\b(?:since|until|till|by|after|before|from)\s+then\b|\bat\s+that\s+"
                     r"time\b", question, re.IGNORECASE)
    if then and not _YEAR.search(question[:then.start()]):
        out.append("\u201cthen\u201d refers to nothing in the card")  # ("what has been set
        # up four times since then?", round 27, BROKEN)
    if _BARE_ORDINAL.search(question):
        out.append("the quote's \u201cThe sixth\u201d says not the sixth what")  # ("The
        # sixth, issued on ____, ... proposed 56,825.7 sq km as ESA", round 27, WEAK)
    if _SUBJECTLESS.search(question):
        out.append("the quote has lost its subject (\u201cWill be the first census ...\u201d)")
        # ("Census 2027, notified on ... will be the first census after 2026", cut to
        # its verb, round 27)
    if _ON_THE_PAGE.search(question):
        out.append("the question points at the page (“summarised below”)")
        # ("Key achievements of ____ are summarised below.", round 26, BROKEN)
    return out


_BARE_ORDINAL = re.compile(r"\u201c(?:[^\u201d]{0,60}: )?The (?:"
                           + "|".join(ORDINAL_WORDS[:10]) + r"|latest|last|former|latter),")
_SUBJECTLESS = re.compile(r"\u201c(?:Will|Would|Is|Are|Was|Were|Has|Have|Had|Can|Could|Should|"
                         r"Shall|May|Might|Must) (?:be|been|have|not|[a-z]+ed|[a-z]+en)\b")
# "are summarised below", "as given above", "listed in the table": the page, not a card
_ON_THE_PAGE = re.compile(r"\b(?:summari[sz]ed|listed|given|shown|described|discussed|"
                          r"outlined|detailed|set\s+out)\s+(?:below|above|in\s+the\s+"
                          r"(?:table|box|figure|chart)\s+below)\b", re.IGNORECASE)


_SAME_DEED = re.compile(r"\b(?:do|does|did|done|doing)\s+the\s+same\b",
                        re.IGNORECASE)


_SAME_TIME = re.compile(r"\b(?:the|that)\s+same\s+(?:year|day|month|date|week)\b",
                        re.IGNORECASE)
_YEAR = re.compile(r"\b(?:1[5-9]|20)\d\d\b")


_BARE_COMPARATIVES = frozenset("more less fewer over under about nearly around almost "
                               "some several many".split())


def judge(question: str, answer: str, *, finite_verb: bool, unresolved: Sequence[str],
          expansions: Mapping[str, str], explains: bool = False) -> list[str]:
    """Every reason to drop a card; empty when it passes."""
    reasons = form_problems(question)
    if not finite_verb:
        reasons.append("the question has no finite verb")
    given = gives_away(question, answer, expansions, explains)
    if given:
        reasons.append(given)
    parts = len([p for p in re.split(r"(?<=[.!?])\s+|\n", answer.strip()) if p.strip()])
    limit = MAX_PARTS_WORDS if parts > 1 else MAX_ANSWER_WORDS
    if len(answer.split()) > limit and not re.match(r"^1\. ", answer):
        reasons.append(f"the answer is over {limit} words")
    if answer.count("(") != answer.count(")") or answer.count("[") != answer.count("]"):
        reasons.append("the answer's brackets are unbalanced")  # "Article 279A(5"
    if not answer.strip(" .,;:-"):
        reasons.append("the answer is empty")
    elif answer.rstrip().endswith(":"):
        reasons.append("the answer stops at the colon that leads to its list")
    elif answer.strip().lower() in _BARE_COMPARATIVES:
        reasons.append("the answer is a comparative without its figure")  # ("____ lions
        # died" -> "more", of "more than 20 lions": round 25, BROKEN)
    reasons += [f"\u201c{word}\u201d refers to nothing in the card" for word in unresolved]
    return reasons


def expansions_in(texts: Iterable[str]) -> dict[str, str]:
    """Abbreviations the article defines: 'National Green Tribunal (NGT)' -> NGT."""
    found: dict[str, str] = {}
    pattern = re.compile(r"((?:[A-Z][\w'-]*\s+(?:(?:of|for|and|on|the)\s+)*){1,8})\(([A-Z]"
                         r"[A-Za-z&-]{1,9})\)")
    for text in texts:
        for match in pattern.finditer(text):
            words = match[1].split()
            abbr = match[2]
            # keep the last words whose initials spell the abbreviation, if they do
            for n in range(len(words), 0, -1):
                if acronym(" ".join(words[-n:])).upper() == abbr.upper().replace("-", ""):
                    kept = words[-n:]
                    while len(kept) > 1 and kept[0].lower() in STOP:
                        kept = kept[1:]  # "Under the Coastal Regulation Zone (CRZ)": the
                        # sentence's preposition is no part of the name (round 21, BROKEN)
                    found[abbr] = " ".join(kept)
                    break
            else:
                found.setdefault(abbr, " ".join(words))
        for match in _SPELLED_AFTER.finditer(text):
            if spells(match[1], match[2]):
                found.setdefault(match[1], match[2])
    return found


# "YES-TECH (Yield Estimation System based on Technology)": the abbreviation first, its
# full form in the bracket after it
ABBREVIATION = r"[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)*"  # "YES-TECH", "WINDS", "NCIP"
_SPELLED_AFTER = re.compile(rf"(?<![\w-])({ABBREVIATION})\s+\(([A-Z][\w'-]*"
                            r"(?:\s+[\w'-]+){2,9})\)")


def spells(abbr: str, full: str) -> bool:
    """Whether `full` is what `abbr` stands for: its capitalised words' initials are
    the abbreviation, or begin it in order ('YEST' of 'YES-TECH', 'WINDS')."""
    short = abbr.replace("-", "").upper()
    initials = acronym(full).upper()
    return len(short) >= 3 and len(initials) >= 3 and initials[0] == short[0] and (
        initials == short or (short.startswith(initials[:3]) and _subsequence(initials, short)))
