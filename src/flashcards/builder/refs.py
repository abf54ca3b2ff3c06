"""References a question cannot carry: "It came into force ...", "The Court held ...",
"The agreement runs for 30 years". Each is replaced by what it refers to, found earlier
in the article (or in the item's title), so a card names its actors; what cannot be
resolved stays, and the gate drops the questions that would need it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from flashcards.builder import grammar as g
from flashcards.builder.answers import GENERIC, TYPE_NOUNS, is_name

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

# head nouns of definite descriptions that point back to a named thing
_SAME = [frozenset("agreement treaty pact accord deal".split()),
         frozenset("scheme programme program yojana mission initiative abhiyan".split()),
         frozenset("judgment judgement verdict ruling".split()),
         frozenset("act law".split()), frozenset(["court"]), frozenset(["bench"]),
         frozenset(["bill"]), frozenset("commission committee panel".split()),
         frozenset(["report"]), frozenset(["survey"]), frozenset(["index"]),
         frozenset(["policy"]), frozenset(["order"]), frozenset(["summit"]),
         frozenset(["corridor"]), frozenset(["mission"]), frozenset(["project"]),
         frozenset(["tribunal"]), frozenset(["partnership"]), frozenset(["exercise"]),
         frozenset(["framework"]), frozenset(["dialogue"]), frozenset(["body"])]
REFERRING = frozenset().union(*_SAME)
PRONOUNS = frozenset("it its they them their theirs he him his she her this these those".split())


def _group(noun: str) -> frozenset[str]:
    return next((s for s in _SAME if noun in s), frozenset([noun]))


@dataclass
class Mentions:
    """Named things met so far, newest last: (head noun, name as written)."""

    named: list[tuple[str, str]] = field(default_factory=list)

    def add(self, sent: Span, subs: dict[int, tuple[int, str]]) -> None:
        for span in [*sent.ents, *sent.noun_chunks]:
            head = span.root.lower_
            named = is_name(span) or sum(1 for t in span if t.text[:1].isupper()) >= 2
            if head in TYPE_NOUNS and span.root.text[:1].isupper() and named:
                words = [t for t in span if t.lower_ not in ("the", "a", "an")
                         and t.dep_ != "poss" and t.tag_ != "POS"]
                if words:
                    text = span.doc[words[0].i:words[-1].i + 1].text
                    self.named.append((head, text))
                    self.named.append((span.root.lemma_.lower(), text))

    def find(self, noun: str) -> str | None:
        same = _group(noun)
        for head, text in reversed(self.named):
            if head in same:
                return text
        return None


def _is_description(chunk: Span) -> bool:
    """'the Court', 'The agreement', 'this scheme': a determiner and a referring noun."""
    words = list(chunk)
    return (len(words) == 2 and words[0].lower_ in ("the", "this", "that", "these")
            and words[1].lower_ in REFERRING)


def resolve(sent: Span, mentions: Mentions, antecedent: str | None,
            previous_subject: str | None) -> dict[int, tuple[int, str]]:
    """Replacements (start -> (end, text)) for the references of one sentence.

    `antecedent` is what "It"/"They" at the start means when the sentence explains an
    item (its title); else the previous sentence's subject is taken, if it agrees."""
    subs: dict[int, tuple[int, str]] = {}
    for chunk in sent.noun_chunks:
        if _is_description(chunk):
            found = mentions.find(chunk.root.lower_)
            if found:
                det = "The" if chunk.start == sent.start else "the"
                subs[chunk.start] = (chunk.end, f"{det} {found}")
    first = sent[0]
    if first.lower_ in ("it", "they") and first.dep_ in g.SUBJECTS:
        target = antecedent or previous_subject
        if target and _agrees(first, target):
            subs[first.i] = (first.i + 1, target[:1].upper() + target[1:])
    return subs


def _agrees(pronoun: Token, target: str) -> bool:
    plural = pronoun.lower_ == "they"
    looks_plural = " and " in target or target.endswith("s") and not target.endswith("ss")
    return plural == looks_plural or not plural and target[-1:].isdigit()


def subject_text(sent: Span, subs: dict[int, tuple[int, str]]) -> str | None:
    """The main clause's subject as written (after its own replacements), if it names
    something: the antecedent of an "It" in the next sentence."""
    root = sent.root
    words, own = g.subject_of(root)
    if not own or not words or words[0].lower_ in PRONOUNS:
        return None
    if not any(t.pos_ in ("PROPN", "NOUN") for t in words) or len(words) > 12:
        return None
    if words[0].lower_ in GENERIC:
        return None
    return g.lower_start(g.render(words, subs), words[0], subs)
