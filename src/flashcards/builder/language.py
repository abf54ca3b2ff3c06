"""Small English helpers for the builder: slugs, normalised comparison, verb forms.

Word lists and rules, deterministic: used where a question needs a word's form and
for item titles, which are too short for the parser to read reliably.
"""

from __future__ import annotations

import re
import unicodedata

# a note of short entries named for what they are: "Places in News", "Species in the news"
# what parts a list: "A, B and C", "A, B, and C"
LIST_PARTS = re.compile(r",\s+(?:and\s+)?|\s+and\s+")
# what a court gives: "Supreme Court order", "the Court's judgment"
RULING = r"(?:order|orders|judgment|judgement|verdict|ruling|directions?)"
IN_NEWS = (r"(?:places|species|persons?|personalit(?:y|ies)|schemes?|terms?|reports?)\s+in\s+"
           r"(?:the\s+)?news")
# a month written in full, for the patterns of dates ("4 May", "March 2021")
# a year the notes speak of ("1882", "2024"), as a pattern to build others from
YEAR = r"(?:1[89]|20)\d\d"


def is_year(text: str) -> bool:
    """'2024', '1882': the whole text is a year."""
    return re.fullmatch(YEAR, text) is not None


MONTH_NAME = (r"(?:January|February|March|April|May|June|July|August|September|October|"
              r"November|December)")
# a month's name or its short form ("decade", "market" and "mayor" are none)
MONTH = re.compile(r"\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|"
                   r"aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
                   r"\b", re.I)

_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201b": "'", "\u2032": "'",
                         "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u00ab": '"',
                         "\u00bb": '"', "\u2013": "-", "\u2014": "-", "\u2212": "-",
                         "\u2010": "-", "\u2011": "-"})

# verbs whose past tense is their base form ("put", "cut"): the tagger may read them as
# base forms, and "Repo rate cut to 4%" is a headline's participle
SAME_PAST = frozenset("put set cut hit let cost shut spread cast quit split bid hurt upset "
                      "broadcast forecast".split())

ORDINAL_WORDS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth",
                 "ninth", "tenth", "eleventh", "twelfth")
NUMBER_WORDS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight",
                "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen",
                "sixteen", "seventeen", "eighteen", "nineteen", "twenty")


def ascii_punct(text: str) -> str:
    """Curly quotes and dashes as their ASCII forms (for matching, never for display)."""
    return text.translate(_QUOTES)


def norm(text: str) -> str:
    """A comparison form: case-folded, ASCII punctuation, words only, single spaces."""
    text = ascii_punct(unicodedata.normalize("NFKC", text)).casefold().replace("'", "")
    return " ".join("".join(c if _wordish(c) else " " for c in text).split())


def _wordish(char: str) -> bool:
    return unicodedata.category(char)[0] in "LNM"


def slug(text: str, max_words: int = 8) -> str:
    """A key part: lower-case words of any script joined by '-', apostrophes dropped."""
    words = norm(text).split()[:max_words]
    return "-".join(words) or "x"


_CASE_NAME = re.compile(r"\S\s+(?:v|vs)\.?\s+\S")


def is_case(title: str) -> bool:
    """A case's name: 'S.P. Sampath Kumar v. Union of India (1987)', 'A vs B'."""
    return _CASE_NAME.search(title) is not None


def count_words(text: str) -> int:
    return len(text.split())


_RANK = re.compile(r"\d+(?:st|nd|rd|th)")


# offices a person holds ("the Governor", "the Chief Justice")
OFFICES = frozenset("""governor president minister chief justice judge court bench speaker
    chairman chairperson secretary officer commissioner""".split())

_RATIO = re.compile(r"\d{1,3}:\d{1,3}(?::\d{1,3})?")


def is_ratio(text: str) -> bool:
    """'60:40', '90:10': shares of a whole (the model may call one a time)."""
    return _RATIO.fullmatch(text) is not None


def is_rank(text: str) -> bool:
    """'108th', '122nd': a rank written in figures."""
    return _RANK.fullmatch(text) is not None


def number_word(n: int) -> str:
    return NUMBER_WORDS[n] if 0 <= n < len(NUMBER_WORDS) else str(n)


def title_case(text: str) -> bool:
    """Every word of four letters or more capitalised ('Olive Ridley Turtle: Mass Nesting
    in Odisha', 'Integrated Watershed Management Programme (2009-10)'), as headings and
    names are and sentences are not."""
    long_words = [w for w in re.findall(r"[A-Za-z][\w'\u2019-]*", text) if len(w) >= 4]
    return bool(long_words) and all(w[:1].isupper() for w in long_words)


def squash(text: str) -> str:
    """Collapse runs of whitespace (wrapped lines) to single spaces."""
    return " ".join(text.split())


def heading_case(heading: str, body: str) -> str:
    """A Title Case heading in a sentence: its words in lower case but those the article
    itself writes capitalised mid-sentence more often than not ('Key Outcomes of the New
    Delhi Summit' -> 'key outcomes of the New Delhi summit')."""
    out = []
    for word in heading.split():
        if not word[:1].isupper() or (word.isupper() and len(word) > 1):
            out.append(word)
            continue
        pattern = re.escape(word)
        capital = len(re.findall(rf"(?<=[a-z,;] ){pattern}\b", body))
        lower = len(re.findall(rf"\b{re.escape(word.lower())}\b", body))
        out.append(word if capital > lower else word.lower())
    return " ".join(out)


def upper_first(text: str) -> str:
    return text[:1].upper() + text[1:]


# --- verbs -----------------------------------------------------------------

AUXILIARIES = frozenset("is are was were has have had will would can could shall should "
                        "may might must".split())
PRESENT = frozenset(
    "aims seeks plans intends includes involves provides allows enables focuses covers "
    "ensures promotes supports offers requires remains represents marks reflects shows "
    "makes helps creates builds connects links targets envisages envisions proposes "
    "mandates gives establishes strengthens enhances boosts facilitates permits "
    "contains comprises hosts accounts holds ranks stands lies serves".split())
IRREGULAR_PAST = {
    "held": "hold", "began": "begin", "became": "become", "saw": "see", "took": "take",
    "made": "make", "gave": "give", "won": "win", "met": "meet", "led": "lead",
    "built": "build", "sent": "send", "rose": "rise", "fell": "fall", "grew": "grow",
    "chose": "choose", "spent": "spend", "brought": "bring", "sought": "seek",
    "bought": "buy", "sold": "sell", "set": "set", "put": "put", "struck": "strike",
    "undertook": "undertake", "overtook": "overtake", "laid": "lay", "paid": "pay",
    "told": "tell", "left": "leave", "kept": "keep", "drew": "draw", "wrote": "write",
    "got": "get", "went": "go", "came": "come", "found": "find", "stood": "stand",
}
_ED_WITH_E = frozenset("create complete delete compete unite invite ignite recite excite "
                       "explore restore ignore score store deplore welcome become "
                       "overcome".split())
_ED_WITHOUT_E = frozenset("focus develop visit limit exit edit credit deposit audit "
                          "target budget market interpret open happen strengthen threaten "
                          "listen monitor sponsor anchor honor honour favor favour mentor "
                          "abandon question mention sanction envision partner enter offer "
                          "consider deliver order gather empower".split())
NOT_VERBS = frozenset("red bed need speed seed shed hundred united limited advanced "
                      "based related detailed skilled sophisticated dedicated "
                      "integrated".split())
_VOWELS = "aeiou"


def is_past(word: str) -> bool:
    lower = word.lower()
    if lower in IRREGULAR_PAST:
        return True
    return (lower.endswith("ed") and len(lower) > 4 and lower.isalpha()
            and lower not in NOT_VERBS)


def is_verb(word: str) -> bool:
    """A finite verb, as far as word lists and endings can tell."""
    lower = word.lower()
    return lower in AUXILIARIES or lower in PRESENT or is_past(word)


def base_form(word: str) -> str:
    """'endorsed' -> 'endorse', 'aims' -> 'aim', 'held' -> 'hold' (rules plus lists)."""
    lower = word.lower()
    if lower in IRREGULAR_PAST:
        return IRREGULAR_PAST[lower]
    if lower in PRESENT:
        for suffix in ("shes", "ches", "sses", "xes", "zes", "uses"):
            if lower.endswith(suffix):
                return lower[:-2]
        return lower[:-3] + "y" if lower.endswith("ies") else lower[:-1]
    return _base_of_past(lower)


def _base_of_past(word: str) -> str:
    if word.endswith("ied"):
        return word[:-3] + "y"
    if word.endswith("eed"):
        return word[:-1]
    stem = word[:-2]
    if stem in _ED_WITHOUT_E:
        return stem
    if stem + "e" in _ED_WITH_E:
        return stem + "e"
    if len(stem) > 2 and stem[-1] == stem[-2] and stem[-1] not in "lsfz" + _VOWELS:
        return stem[:-1]
    return stem + "e" if _needs_e(stem) else stem


def _needs_e(stem: str) -> bool:
    last, prev = stem[-1], stem[-2] if len(stem) > 1 else ""
    before = stem[-3] if len(stem) > 2 else ""
    if last in "cvzgu" or stem.endswith(("ur", "dg", "uir", "sir", "pir", "tir")):
        return True
    if stem.endswith(("eat", "oat", "air", "ear", "eal", "ail", "oil", "eil")):
        return False
    if last == "s":
        return prev not in "s"
    if last in "tdkbmr" and prev in "aiou" and before not in _VOWELS:
        return not (last == "t" and prev == "i")
    if last == "l" and prev not in _VOWELS + "lr":
        return True
    if last == "l" and prev in "iuo" and before not in _VOWELS:
        return True
    return last == "n" and prev == "i" and before not in _VOWELS


PRONOUN_STARTS = frozenset("it its they them their this these those he she his her we "
                           "our such which who".split())
