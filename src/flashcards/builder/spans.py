"""Where the facts are in a sentence: years, periods, amounts, percentages, ordinals,
numbers, provisions (Article 142), terms ("algae called zooxanthellae") and names.

Each span is (kind, start, end); the most specific kinds are found first and a later span
overlapping an earlier one is dropped.
"""

from __future__ import annotations

import re

_Y = r"(?:1[89]|20)\d\d(?:[-\u2013]\d\d(?!\d))?"
YEAR_PREPS = ("in", "since", "by", "from", "until", "till", "during")
_YEAR = re.compile(rf"(?<![\d\u2013-])\b(?:(in|since|by|from|until|till|during)\s+)?({_Y})\b"
                   r"(?![\d%])", re.IGNORECASE)
_PERIOD = re.compile(rf"\b(?:from|between)\s+(({_Y})\s+(?:to|and|till|until)\s+({_Y}))\b",
                     re.IGNORECASE)
_PERCENT = re.compile(r"(?<![\w.])\d+(?:\.\d+)?\s?(?:%|per\s?cent\b|percent\b)")
_AMOUNT = re.compile(
    r"(?:\u20b9|Rs\.?\s?|INR\s?|US\$\s?|\$|USD\s?|\u20ac|\u00a3|\u00a5)\s?\d[\d,]*(?:\.\d+)?"
    r"(?:\s?(?:lakh\s+crore|crore|lakh|billion|million|trillion|bn|mn|cr)\b)?"
    r"|\b\d[\d,]*(?:\.\d+)?\s?(?:lakh\s+crore|crore|lakh|billion|million|trillion)"
    r"(?:\s+(?:rupees|dollars|euros))?\b")
_ORDINAL = re.compile(r"(?<![\u2013-])\b\d+(?:st|nd|rd|th)\b")
_ORDINAL_WORDS = ("first second third fourth fifth sixth seventh eighth ninth tenth eleventh "
                  "twelfth thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth "
                  "nineteenth twentieth").split()
_ORDINAL_WORD = re.compile(rf"\b(?:the|its|their|his|her)\s+((?:{'|'.join(_ORDINAL_WORDS)})"
                           r")\s+(?!largest|biggest|highest|lowest|time\b)(?=[A-Za-z])",
                           re.IGNORECASE)
_NUMBER = re.compile(r"(?<![\w.,\u20b9$\u2013/+-])\d[\d,]*(?:\.\d+)?(?=\s+[a-z])")
_PROVISION = re.compile(r"\b(?:Articles?|Sections?|Schedule|Part|Entry|Rule)\s+"
                        r"(?:\d+[A-Z]?(?:\(\d+\))?|[IVX]+\b(?!-))")
_TERM = re.compile(r"\b(?:called|known\s+as|termed|named)\s+"
                   r"(?!(?:the|a|an|it|them|him|her|for|on|upon|by)\b)([\w\u2019'-]+(?:\s+[\w\u2019'-]+){0,3}?)(?=[,.;)]|\s+(?:and|in|which|"
                   r"that|is|are|was|were|to|for)\b|$)")
NAMED_WORDS = ("initiative agreement agreements programme program scheme mission policy "
               "treaty pact accord roadmap partnership dialogue framework strategy "
               "corridor exercise summit forum act convention declaration fund alliance "
               "council organisation organization ministry office chief minister president "
               "secretary ambassador commission committee project plan vision doctrine "
               "grouping bank authority agency administration network survey report index "
               "tribunal board institute bureau protocol").split()
_CAP = r"(?:[A-Z][\w'\u2019&-]*|\d{4}|\([A-Z][a-z]+\))"
# "Ministry of Micro, Small and Medium Enterprises": a comma joins capitalised words only
# where the run goes on to "and <Capital>".
_CONNECT = (r"(?:\s+(?:of|for|and|on|the|de)\s+|\s+|,\s+(?=[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*"
            r"\s+and\s+[A-Z]))")
_NAMED = re.compile(rf"\b{_CAP}(?:{_CONNECT}{_CAP})*(?:\s+(?:{'|'.join(NAMED_WORDS)})\b)?"
                    r"(?:(?<=Act|ode|les|ill),\s+\d{4}\b)?"
                    r"(?:\s+\([A-Z][A-Za-z&-]+\))?")
# "the 15th Annual Summit": capitalised, but no name to learn
_GENERIC = frozenset("Annual Joint Global National International Regional Bilateral "
                     "Multilateral Special General Ministerial High-Level Summit "
                     "Leaders".split())
_NAMED_RE = [re.compile(rf"\b{w}\b", re.IGNORECASE) for w in NAMED_WORDS]


def _names(sentence: str) -> list[tuple[str, int, int]]:
    found = []
    for match in _NAMED.finditer(sentence):
        text = match[0]
        proper = [w for w in text.split() if w[:1].isupper() and w != "The"
                  and w.lower() not in NAMED_WORDS]
        if (proper and not all(w in _GENERIC for w in proper)
                and any(pattern.search(text) for pattern in _NAMED_RE)):
            found.append(("name", match.start(), match.end()))
    return found


def spans(sentence: str) -> list[tuple[str, int, int]]:
    """Fact spans in the order of the sentence."""
    found: list[tuple[str, int, int]] = []
    found += [("period", m.start(1), m.end(1)) for m in _PERIOD.finditer(sentence)]
    found += [("provision", m.start(), m.end()) for m in _PROVISION.finditer(sentence)]
    found += _names(sentence)
    found += [("term", m.start(1), m.end(1)) for m in _TERM.finditer(sentence)
              if not m[1][:1].isdigit()]
    for kind, pattern in (("amount", _AMOUNT), ("percentage", _PERCENT)):
        found += [(kind, m.start(), m.end()) for m in pattern.finditer(sentence)]
    found += [("year", m.start(2), m.end(2)) for m in _YEAR.finditer(sentence)]
    found += [("ordinal", m.start(), m.end()) for m in _ORDINAL.finditer(sentence)]
    found += [("ordinal", m.start(1), m.end(1)) for m in _ORDINAL_WORD.finditer(sentence)]
    found += [("number", m.start(), m.end()) for m in _NUMBER.finditer(sentence)]
    kept: list[tuple[str, int, int]] = []
    for span in found:
        if all(span[2] <= k[1] or span[1] >= k[2] for k in kept):
            kept.append(span)
    return sorted(kept, key=lambda s: s[1])


def keyword(name: str) -> str:
    """The noun that says what a name is: 'the Korea Plus initiative' -> 'initiative'."""
    words = [w for w in re.sub(r"\([^)]*\)", "", name).split() if w.lower() in NAMED_WORDS]
    return words[-1].lower() if words else "name"
