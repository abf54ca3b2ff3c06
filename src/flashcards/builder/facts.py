"""Sentences -> fact questions with short, exact answers taken from the sentence.

A fact is a year, an ordinal, a number, a percentage, an amount, or a named initiative,
agreement, office or programme. Where the sentence's shape is simple (subject, verb,
object) the question is a wh-question ("In which year did X endorse Y?"); otherwise it is
a fill-in-the-blank of the clause. The answer never appears in its question.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from flashcards.builder import language as lang
from flashcards.builder import spans as sp

_ITEM = r"[\w\u2019'-]+(?:\s[\w\u2019'-]+){0,3}"
_ENUM = re.compile(r"\b(based on|such as|including|through|like|namely|involving)\s+"
                   r"((?:[^,.;]{2,60},\s+){2,}(?:and|or)\s+[^,.;]{2,60}?"
                   rf"|(?:{_ITEM},\s+)+{_ITEM}\s+(?:and|or)\s+{_ITEM}?)(?=\s+(?:is|are|"
                   r"was|were|will|can|could|should|must|has|have)\b|[,.;]|$)")
_AIM = re.compile(r"\b(aims|aimed|seeks|sought|intends|intended|aiming|seeking)\s+"
                  r"(to\s+[^,.;]+)")
_BOUNDARY = re.compile(r",|;|\s(?:and|in|on|at|by|with|since|during|from|to|while|as)\s")
HINTS = {"year": "a year", "ordinal": "an ordinal", "number": "a number",
         "percentage": "a percentage", "amount": "an amount", "name": "a name",
         "list": "a list", "period": "a period", "provision": "a provision",
         "term": "a term"}


@dataclass(frozen=True)
class Fact:
    kind: str  # year, ordinal, number, percentage, amount, name, aim, list
    question: str
    answer: str
    anchor: str  # words around the answer (never the answer): the card key's stem
    start: int  # the answer's offset in the sentence
    wh: bool  # a wh-question (else a fill-in-the-blank)


@dataclass(frozen=True)
class _Clause:
    subject: str
    verb: str
    rest: str  # words after the verb in this verb phrase
    offset: int  # where `rest` starts in the analysed sentence


_LEAD = re.compile(r"^(?:In|On|By|During|Since|Until|As of|Over)\s+[^,]{1,40},\s+")


def _clauses(sentence: str) -> list[_Clause]:
    """Subject and verb phrases of a simple sentence ('S v1 X and v2 Y'), else []."""
    lead = _LEAD.match(sentence)
    skip = lead.end() if lead else 0
    words = [w for w in re.finditer(r"[^\s,;]+", sentence) if w.start() >= skip]
    verbs = [i for i, w in enumerate(words) if i > 0 and lang.is_verb(w[0])
             and words[i - 1][0].lower() not in ("the", "a", "an", "its", "their", "of")]
    if not verbs:
        return []
    first = verbs[0]
    subject_end = first
    while subject_end > 0 and words[subject_end - 1][0].lower() in lang.ADVERBS:
        subject_end -= 1
    subject = sentence[skip:words[subject_end - 1].end()] if subject_end else ""
    if (not subject or "," in sentence[skip:words[first].start()] or lang.count_words(subject) > 10
            or subject.split()[0].lower() in lang.PRONOUN_STARTS):
        return []
    heads = [first] + [i for i in verbs[1:] if words[i - 1][0].lower() == "and"]
    out = []
    for n, i in enumerate(heads):
        stop = words[heads[n + 1] - 1].start() if n + 1 < len(heads) else len(sentence)
        rest = sentence[words[i].end():stop].strip(" ,")
        out.append(_Clause(subject, words[i][0], rest, words[i].end() + 1))
    return out


def _ask(clause: _Clause, rest: str) -> str:
    """'did India endorse X' / 'was the pact signed X': the inverted part of a question."""
    subject = lang.lower_subject(clause.subject)
    verb = clause.verb.lower()
    rest = " ".join(w for w in rest.split() if w.lower() not in lang.ADVERBS)
    words = rest.split()
    possession = verb in ("has", "have", "had") and not (
        words and (words[0].lower() == "been" or lang.is_past(words[0])))
    if verb in lang.AUXILIARIES and not possession:
        return f"{verb} {subject} {rest}".strip()
    if lang.is_past(verb):
        do = "did"
    else:
        do = "do" if lang.is_plural_subject(clause.subject) else "does"
    base = "have" if possession else lang.base_form(verb)
    return re.sub(r"\s+,", ",", f"{do} {subject} {base} {rest}").strip()


_STOP = frozenset("a an the of in on to and or by for with its their from at as".split())


def _anchor(sentence: str, start: int, end: int) -> str:
    """Up to three words after the answer (else before it): never the answer itself."""
    def words(text: str) -> list[str]:
        return [w for w in re.findall(r"[^\W\d_][\w'\u2019-]*", text)
                if w.lower() not in _STOP]

    after, before = words(sentence[end:])[:3], words(sentence[:start])[-3:]
    return lang.slug(" ".join(after if len(after) >= 2 else before or after), 3)


def _context(sentence: str, start: int, end: int) -> str:
    """The sentence with the answer blanked, shortened to the clauses around it."""
    blanked = sentence[:start] + "____" + sentence[end:]
    if lang.count_words(blanked) <= 25:
        return blanked
    parts = re.split(r"(?<=,)\s+", blanked)
    at = next(i for i, p in enumerate(parts) if "____" in p)
    if at == 0:
        text = parts[0]
        if len(parts) > 1 and (lang.count_words(text) < 10 or re.match(  # a lead alone
                r"(?:In|On|By|During|Since|Until|After|Before|As of|Over)\s", text)):
            text += " " + parts[1]
    else:
        text = parts[0] + (" " if at == 1 else " \u2026 ") + parts[at]
    return text.rstrip(",")


def _cloze(kind: str, sentence: str, start: int, end: int, topic: str) -> Fact:
    context = _context(sentence, start, end).rstrip(".;:,")
    question = (f"{lang.upper_first(topic)}: fill in the blank ({HINTS[kind]}): "
                f"\u201c{context}.\u201d")
    return Fact(kind, question, sentence[start:end], _anchor(sentence, start, end), start,
                False)


def _which_noun(rest: str, end: int) -> tuple[str, str] | None:
    """The noun phrase after an ordinal or number ('anniversary of their ties', shown as
    'anniversary of ties') and what follows it."""
    tail = rest[end:]
    stop = _BOUNDARY.search(tail)
    noun, after = (tail[:stop.start()], tail[stop.start():]) if stop else (tail, "")
    noun = re.sub(r"\bof (?:their|its|his|her|our)\b", "of", noun.strip())
    return (noun, after) if 0 < lang.count_words(noun) <= 6 else None


def _named_answer(sentence: str, start: int, end: int) -> tuple[int, str]:
    """Drop a lower-case article; keep 'The' where the sentence capitalises it."""
    text = sentence[start:end]
    if text.startswith("The ") and start > 0:
        return start + 4, text[4:]
    return start, text


def _wh(kind: str, sentence: str, start: int, end: int, clauses: list[_Clause],
        year_prep: str | None) -> str | None:
    """A wh-question for one span, or None when the sentence is not simple enough."""
    answer = sentence[start:end]
    if not clauses:
        return None
    first = clauses[0]
    lead = _LEAD.match(sentence)
    if lead and end <= lead.end() and kind == "year" and year_prep:
        return f"{year_prep.capitalize()} which year {_ask(first, first.rest)}?"
    if kind == "name" and start == 0 and sentence[:end].strip() == first.subject:
        rest = " ".join(w for w in (first.verb + " " + first.rest).split()
                        if w.lower() not in lang.ADVERBS)
        return f"Which {sp.keyword(answer)} {_tail(rest)}?"
    for clause in clauses:
        offset = clause.offset
        rest = clause.rest
        if not offset <= start < offset + len(rest) + 1:
            continue
        lo, hi = start - offset, end - offset
        participle = _PARTICIPLE.search(rest[:lo])
        if kind == "year" and year_prep and participle and participle[2] == year_prep:
            thing = re.sub(r"^(?:a|an)\s+", "the ", rest[:participle.start()].strip())
            be = "were" if lang.is_plural_subject(thing) else "was"
            return f"{year_prep.capitalize()} which year {be} {thing} {participle[1]}?"
        if kind == "year" and year_prep:
            cut = _YEAR_LEAD.sub("", rest[:lo]).rstrip()
            remaining = f"{cut} {rest[hi:]}".strip(" ,")
            return f"{year_prep.capitalize()} which year {_ask(clause, remaining)}?"
        if kind in ("ordinal", "number"):
            before = re.sub(r"\b(?:the|a|an|their|its|his|her|our)\s*$", "",
                            rest[:lo].rstrip(), flags=re.I)
            found = _which_noun(rest, hi)
            if found is None or before.strip():
                return None
            noun, after = found
            if re.match(r"\s*(?:and|or)\s", after):
                return None
            wh_word = "Which" if kind == "ordinal" else "How many"
            return f"{wh_word} {noun} {_ask(clause, _tail(after))}?"
        if kind == "provision" and (prep := _PROVISION_PREP.search(rest[:lo])):
            law = _OF_LAW.match(rest[hi:])
            after = rest[hi + law.end():] if law else rest[hi:]
            remaining = f"{rest[:prep.start()].rstrip()} {_tail(after)}".strip(" ,")
            word = answer.split()[0].rstrip("s") + (law[0].rstrip(",") if law else "")
            return f"{prep[1].capitalize()} which {word} {_ask(clause, remaining)}?"
        indefinite = re.search(r"\b(?:a|an)\s*$", rest[:lo].rstrip() + " ", flags=re.I)
        if (kind == "name" and indefinite and not rest[:indefinite.start()].strip()
                and clause.verb.lower() in ("is", "are", "was", "were")):
            return f"What type of {sp.keyword(answer)} {_ask(clause, '')}?"
        if kind == "name" and not re.sub(r"\b(?:the|a|an)\s*$", "", rest[:lo].rstrip(),
                                         flags=re.I).strip():
            return f"Which {sp.keyword(answer)} {_ask(clause, _tail(rest[hi:]))}?"
    return None


_MONTHS = ("January February March April May June July August September October November "
           "December").split()
_YEAR_LEAD = re.compile(rf"(?:\b({'|'.join(sp.YEAR_PREPS)}|on)\s+)?(?:\d{{1,2}}(?:st|nd|rd|th)?"
                        rf"\s+)?(?:\b({'|'.join(_MONTHS)})\s+)?$", re.IGNORECASE)
_PARTICIPLE = re.compile(r",\s+([a-z]+ed)\s+(in|since|by|from|until|till|during)\s*$")
_PROVISION_PREP = re.compile(r"\b(under|in|of|by)\s*$", re.IGNORECASE)
_OF_LAW = re.compile(r"\s+of\s+(?:the\s+)?(?:[A-Z][^,;]*?\s)?(?:Act|Constitution|Code|Rules)"
                     r"(?:,\s+\d{4})?")
_TAIL = re.compile(r",?\s+(?:such as|including|like|namely)\s.*$")


def _bare(text: str) -> str:
    return lang.norm(re.sub(r"^the\s+", "", text, flags=re.IGNORECASE))


def _tail(text: str) -> str:
    """What follows the answer in a question, without a trailing list of examples."""
    return _TAIL.sub("", text).strip(" ,")


def facts(sentence: str, topic: str) -> list[Fact]:
    """Every fact in one sentence, each as a question with a short exact answer."""
    sentence = lang.squash(sentence).rstrip(" .")
    analysed = lang.DISCOURSE.sub("", sentence)
    shift = len(sentence) - len(analysed)
    clauses = _clauses(analysed)
    out: list[Fact] = []
    for kind, start, end in sp.spans(sentence):
        if kind == "name":
            start, _ = _named_answer(sentence, start, end)
        answer = sentence[start:end]
        if kind == "name" and _bare(answer) == _bare(topic):
            continue  # "Which scheme ...?" in a deck on that scheme: no question at all
        prep = None
        if kind == "year":
            lead = _YEAR_LEAD.search(sentence[max(0, start - 40):start])
            prep = (lead[1] or "in").lower() if lead and (lead[2] or lead[1]) else None
            prep = "in" if prep == "on" else prep
        question = _wh(kind, analysed, start - shift, end - shift, clauses, prep) \
            if start >= shift else None
        if question and lang.norm(answer) not in lang.norm(question):
            if not any(w[:1].isupper() or w[:1].isdigit() for w in question.split()[1:]):
                question = f"{lang.upper_first(topic)}: {question[:1].lower()}{question[1:]}"
            anchor = _anchor(sentence, start, end)
            if kind == "name":
                anchor = f"{sp.keyword(answer)}-{anchor}"
            out.append(Fact(kind, question, answer, anchor, start, True))
        elif lang.norm(answer) not in lang.norm(topic):  # the topic would give it away
            out.append(_cloze(kind, sentence, start, end, topic))
    out += _aims(analysed, shift, clauses)
    return out


def _aims(sentence: str, shift: int, clauses: list[_Clause]) -> list[Fact]:
    """'X aims to do Y' -> 'What does X aim to do?' -> 'To do Y'."""
    if not clauses:
        return []
    match = _AIM.search(sentence)
    if not match:
        return []
    first = clauses[0]
    verb = match[1].lower()
    answer = lang.upper_first(match[2].strip())
    if verb in ("aiming", "seeking"):
        main = re.sub(r"^(?:(?:have|has|had)\s+been|are|is|were|was)\s+", "",
                      f"{first.verb} {first.rest}").split(",")[0].strip()
        if not main.split()[0].endswith("ing"):
            return []
        do = "do" if lang.is_plural_subject(first.subject) else "does"
        question = (f"What {do} {lang.lower_article(first.subject)} aim to achieve by "
                    f"{main}?")
    elif first.verb.lower() != match[1]:
        return []
    else:
        question = f"What {_ask(first, '')} to do?"
    if lang.norm(answer) in lang.norm(question):
        return []
    return [Fact("aim", question, answer, lang.slug(first.subject, 3),
                 match.start(2) + shift, True)]


def enumerations(sentence: str, topic: str, label: str) -> list[Fact]:
    """'... based on A, B, and C ...' -> fill in the blank with the list."""
    sentence = lang.squash(sentence).rstrip(" .")
    out = []
    for match in _ENUM.finditer(sentence):
        start, end = match.start(2), match.end(2)
        items = re.split(r",\s+(?:and\s+|or\s+)?|\s+(?:and|or)\s+", match[2])
        count = lang.number_word(len([i for i in items if i.strip()]))
        context = (sentence[:start] + "____" + sentence[end:]).rstrip(".")
        question = (f"{lang.upper_first(topic)}, {label}: fill in the blank ({count} "
                    f"things): \u201c{context}.\u201d")
        out.append(Fact("list", question, match[2], lang.slug(match[1], 3), start, False))
    return out
