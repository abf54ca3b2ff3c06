"""Small English helpers for the builder: slugs, normalised comparison, verb forms.

No language model and no network: word lists and rules, deterministic.
"""

from __future__ import annotations

import re
import unicodedata

_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201b": "'", "\u2032": "'",
                         "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u00ab": '"',
                         "\u00bb": '"', "\u2013": "-", "\u2014": "-", "\u2212": "-",
                         "\u2010": "-", "\u2011": "-"})

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


def count_words(text: str) -> int:
    return len(text.split())


def number_word(n: int) -> str:
    return NUMBER_WORDS[n] if 0 <= n < len(NUMBER_WORDS) else str(n)


def squash(text: str) -> str:
    """Collapse runs of whitespace (wrapped lines) to single spaces."""
    return " ".join(text.split())


def upper_first(text: str) -> str:
    return text[:1].upper() + text[1:]


def lower_article(text: str) -> str:
    """'The Korea Plus initiative' -> 'the Korea Plus initiative' (inside a question)."""
    first, _, rest = text.partition(" ")
    if first in ("The", "A", "An", "This", "These", "Its", "Their") and rest:
        return f"{first.lower()} {rest}"
    return text


_QUANTIFIERS = frozenset("Only Many Most Some All Several Over About Around Nearly Almost Few "
                        "Each Every Both More Less".split())
_COMMON_SUFFIXES = ("al", "ic", "ive", "ous", "ed", "ing", "ary", "ent", "ant", "ion", "ity",
                    "ment", "ness", "ure", "ism")


def lower_subject(subject: str) -> str:
    """A sentence's subject inside a question: 'Bilateral trade' -> 'bilateral trade'."""
    subject = lower_article(subject)
    first, _, rest = subject.partition(" ")
    if first in _QUANTIFIERS and rest:
        return f"{first.lower()} {rest}"
    if (rest and first[:1].isupper() and first[1:].islower() and first.isalpha()
            and rest.split()[0].islower() and first.lower().endswith(_COMMON_SUFFIXES)):
        return f"{first.lower()} {rest}"
    return subject


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


def is_plural_subject(subject: str) -> bool:
    words = subject.split()
    if not words:
        return False
    if " and " in f" {subject} ":
        return True
    last = words[-1].lower()
    return last.endswith("s") and not last.endswith(("ss", "us", "is")) \
        and not words[-1][:1].isupper()


ADVERBS = frozenset("further also recently now additionally currently jointly formally "
                    "officially finally already successfully".split())
PRONOUN_STARTS = frozenset("it its they them their this these those he she his her we "
                           "our such which who".split())
DISCOURSE = re.compile(r"^(?:however|moreover|further|furthermore|additionally|also|"
                       r"meanwhile|notably|importantly|thus|hence|therefore|in addition),\s+",
                       re.IGNORECASE)


_PRONOUN = re.compile(r"^(It|This|They|These)\s+(?=[a-z])")
_SUBJECT = re.compile(r"^((?:The\s+)?[A-Z][\w\u2019'\-]*(?:\s+[A-Za-z][\w\u2019'\-]*){0,7}?)\s+"
                      r"(?:is|was|are|were|has|have|had|will|would|can|aims?|seeks?|"
                      r"plans?|targets?|covers?|provides?)\b")


def resolve_pronoun(sentence: str, previous: str | None) -> str:
    """'It aims to produce ...' after 'The National Green Hydrogen Mission was approved ...'
    -> 'The National Green Hydrogen Mission aims to produce ...', so a card made from the
    sentence stands on its own. Unchanged when the subject is not plain to see."""
    pronoun = _PRONOUN.match(sentence)
    if pronoun is None or not previous:
        return sentence
    subject = _SUBJECT.match(previous.strip())
    if subject is None or count_words(subject[1]) < 2:
        return sentence
    plural = pronoun[1] in ("They", "These")
    if plural != is_plural_subject(subject[1]):
        return sentence
    return subject[1] + " " + sentence[pronoun.end():]


_PAIR = re.compile(r"^(?:the\s+two|both(?:\s+the)?)\s+(?:countries|nations|sides|neighbours|"
                   r"neighbors|partners)\b", re.IGNORECASE)
_PAIR_TOPIC = re.compile(r"\b([A-Z]\w*(?:\s[A-Z]\w*)?)[-\u2013]([A-Z]\w*(?:\s(?!(?:Relations|"
                         r"Relationship|Ties|Defen[cs]e|Trade|Partnership|Cooperation|Strategic|"
                         r"Economic|Summit)\b)[A-Z]\w*)?)\b")
_WITH_THE = frozenset("Maldives Philippines Netherlands Bahamas UAE US UK USA EU".split())
_GENERIC = re.compile(r"^the\s+([a-z]+)\b")


def resolve_reference(sentence: str, topic: str) -> str:
    """'The two countries held ...' in a note on India-Japan relations -> 'India and Japan
    held ...'; 'The scheme covers ...' in a note on the PM Vishwakarma Scheme -> 'The PM
    Vishwakarma Scheme covers ...'. Unchanged when the topic does not say who is meant."""
    pair = _PAIR.match(sentence)
    if pair:
        names = _PAIR_TOPIC.search(topic)
        if names is None:
            return sentence
        first, second = (f"the {n}" if n in _WITH_THE else n for n in (names[1], names[2]))
        return f"{upper_first(first)} and {second}{sentence[pair.end():]}"
    it = re.match(r"It\s+(?=[a-z])", sentence)
    if it and topic.startswith("the ") and count_words(topic) >= 3:
        return f"The {topic[4:]} {sentence[it.end():]}"  # a bullet on the topic itself
    generic = _GENERIC.match(sentence.lower())
    words = topic.split()
    if generic and len(words) >= 2 and words[-1].lower() == generic[1]:
        return f"The {topic.removeprefix('the ')}{sentence[generic.end():]}"
    return sentence
