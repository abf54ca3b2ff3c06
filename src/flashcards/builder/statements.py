"""Whole-clause facts a teacher asks about: what a court or commission held or
recommended ("What did the Sarkaria Commission (1988) recommend?"), and lists after a
colon ("India has four major reef areas: A, B, C and D").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from flashcards.builder import language as lang

_SAYS = re.compile(
    r"^(?:(?P<lead>In\s+[^,]{3,90}),\s+)?"
    r"(?P<who>(?:[Tt]he\s+)?[A-Z][\w.'\u2019-]*(?:\s+(?:of\s+|for\s+|on\s+|and\s+)?"
    r"(?:[A-Z(][\w.'\u2019()-]*)){0,7})\s+"
    r"(?P<verb>held|ruled|observed|declared|recommended|suggested|directed|noted|stated|"
    r"opined|proposed|found|concluded)\s+that\s+(?P<what>.{10,})$")
_COLON_LIST = re.compile(
    r"^(?P<head>[^:]{8,120}):\s+(?P<list>(?:[^,;:]{2,60},\s+)+[^,;:]{2,60}?,?\s+(?:and|or)\s+"
    r"[^,;:]{2,60})$")
_COUNTED = re.compile(r"\b(?P<n>two|three|four|five|six|seven|eight|nine|ten|\d+)\s+"
                      r"(?P<noun>[a-z][\w\s-]{2,50})$")


@dataclass(frozen=True)
class Statement:
    question: str
    answer: str
    anchor: str


def statements(sentence: str, topic: str) -> list[Statement]:
    sentence = lang.squash(sentence).rstrip(" .")
    out: list[Statement] = []
    says = _SAYS.match(sentence)
    if says and lang.count_words(says["who"]) >= 2:
        who = lang.lower_article(says["who"])
        lead = f" {says['lead'][:1].lower()}{says['lead'][1:]}" if says["lead"] else ""
        verb = lang.base_form(says["verb"])
        out.append(Statement(f"What did {who} {verb}{lead}?",
                             lang.upper_first(says["what"]),
                             f"{says['verb']}-{lang.slug(says['who'], 3)}"))
    listed = _COLON_LIST.match(sentence)
    if listed:
        head = listed["head"].strip()
        parts = re.split(r",\s+", listed["list"])
        last = re.split(r"^(?:and|or)\s+|\s+(?:and|or)\s+", parts[-1], maxsplit=1)
        count = lang.number_word(len(parts) - 1 + len([p for p in last if p.strip()]))
        bare = re.sub(r"^the\s+", "", topic, flags=re.IGNORECASE)
        prefix = "" if lang.norm(bare) in lang.norm(head) else f"{lang.upper_first(topic)}: "
        if _COUNTED.search(head):  # "India has four major reef areas"
            question = f"{prefix}{head}. Name them."
        else:
            question = (f"{prefix}Fill in the blank ({count} things): "
                        f"\u201c{head}: ____.\u201d")
        out.append(Statement(question, listed["list"], f"list-{lang.slug(head, 3)}"))
    return out


_ASKS = re.compile(r"^(?:What\s+(?:is|are)\s+(?:an?\s+|the\s+)?(?P<q>.+?)\?|About\s+(?:the\s+)?"
                   r"(?P<a>.+?))\s*$", re.IGNORECASE)


def definition(sentence: str, heading: str) -> Statement | None:
    """Under 'What is Waqf?' (or 'About Waqf'): 'Waqf is a property dedicated ...' ->
    'What is Waqf?' -> 'A property dedicated ...'."""
    asks = _ASKS.match(heading)
    if asks is None:
        return None
    term = (asks["q"] or asks["a"]).strip()
    found = re.match(rf"^(?:the\s+)?{re.escape(term)}\s+(is|are|refers\s+to|means)\s+"
                     r"(?P<what>(?:a|an|the)\s.{10,})$", lang.squash(sentence).rstrip(" ."),
                     re.IGNORECASE)
    if found is None:
        return None
    be = "are" if found[1].lower() == "are" else "is"
    return Statement(f"What {be} {term}?", lang.upper_first(found["what"]),
                     f"define-{lang.slug(term, 3)}")
