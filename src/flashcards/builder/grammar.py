"""Clauses of a parsed sentence, and statements turned into questions.

A clause is a verb with its subject (inherited from the verb it is joined to by "and"),
its auxiliaries, and its own dependents: never the clauses joined to it, so a question
carries one claim. Questions are made as Heilman and Smith's "Good Question!" makes them:
the answer phrase is taken out, a wh-phrase put in front, and the subject and the first
auxiliary swap places (with "do" when there is none: "India endorsed" -> "did India
endorse").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass", "expl"})
AUXILIARIES = frozenset({"aux", "auxpass", "neg"})
CLAUSE_HEADS = frozenset({"ROOT", "conj", "ccomp", "advcl", "relcl", "parataxis"})
# dependents that are clauses of their own: left out of a clause's question
OTHER_CLAUSES = frozenset({"advcl", "parataxis", "relcl"})
SPEECH = frozenset("""hold rule say state observe declare recommend suggest direct note find
    conclude argue claim opine propose clarify add emphasise emphasize stress underline
    maintain assert""".split())
_PAIRS = {"(": ")", "[": "]", "“": "”", "‘": "’", '"': '"'}
_SPACE_BEFORE = re.compile(r"\s+([,.;:?!%)\]’”])")
_SPACE_AFTER = re.compile(r"([(\[‘“])\s+")


@dataclass
class Clause:
    verb: Token
    subject: list[Token]  # may be inherited from the verb this one is joined to (without
    # its relative clauses and appositions: "The Sarkaria Commission (1988)" -> the name)
    aux: list[Token]  # auxiliaries and "not", in order
    pre: list[Token]  # adverbs between the subject and the verb ("unanimously")
    front: list[list[Token]]  # dependents before the subject ("On 11 December 2023")
    rest: list[list[Token]]  # dependents after the verb, each a whole subtree, in order
    own_subject: bool = True
    full_subject: list[Token] = field(default_factory=list)  # with them
    commas: list[Token] = field(default_factory=list)  # the verb's own commas
    # a phrase set off by commas before the verb ("Tranche II, with an outlay of ...,
    # was approved"), in `rest` too: a question says it last
    moved: set[int] = field(default_factory=set)

    def said_after(self, tokens: Sequence[Token], subs: Mapping[int, tuple[int, str]] | None
                   = None) -> str:
        """The tokens after the verb as text, a moved phrase at the end."""
        return join(render([t for t in tokens if t.i not in self.moved], subs),
                    render([t for t in tokens if t.i in self.moved], subs))

    def tokens(self) -> list[Token]:
        """The clause as a statement (the verb's commas between its parts kept)."""
        words = [*_flat(self.front), *(self.full_subject or self.subject), *self.aux,
                 *self.pre, self.verb, *_flat(self.rest)]
        first, last = min(t.i for t in words), max(t.i for t in words)
        words += [t for t in self.commas if first < t.i < last]
        return with_brackets(words)


def without_asides(tokens: list[Token], keep: set[int]) -> list[Token]:
    """The tokens without what stands between paired dashes or brackets (a side remark:
    "– Jammu and Kashmir, with a legislature, and Ladakh, without one –"), unless it
    holds a token of `keep`."""
    if not tokens:
        return tokens
    doc = tokens[0].doc
    sent = tokens[0].sent
    drop: set[int] = set()
    dashes = [t.i for t in sent if t.text in ("–", "—") and t.whitespace_ and
              t.i > sent.start and doc[t.i - 1].whitespace_]
    pairs = list(zip(dashes[0::2], dashes[1::2], strict=False))
    pairs += [(t.i, close) for t in sent if t.text == "(" for close in
              [next((u.i for u in sent if u.i > t.i and u.text == ")"), -1)] if close > 0
              and not _inside_name(doc, close) and not _names_part(doc, t.i, close)
              and not _numbers_part(doc, t.i, close)]
    for start, end in pairs:
        inside = set(range(start, end + 1))
        if not inside & keep:
            drop |= inside
    return [t for t in tokens if t.i not in drop]


def _names_part(doc: Doc, open_: int, close: int) -> bool:
    """'SBM (Gramin)', 'the Waqf (Amendment) Bill': one title-case word in brackets after
    a name is part of it (an acronym, '(CAG)', is a side remark)."""
    inside = doc[open_ + 1:close]
    return (len(inside) == 1 and inside[0].text.istitle() and open_ > 0
            and doc[open_ - 1].text[:1].isupper())


_NUMBERED = frozenset("""clause clauses section sections article articles para paragraph
    paragraphs rule rules sub-section sub-sections subsection part item schedule""".split())


def _numbers_part(doc: Doc, open_: int, close: int) -> bool:
    """'clauses (4) and (5) of Article 368': a provision's number in brackets is its
    name, no side remark (round 25: 'struck down clauses and of ____', BROKEN)."""
    inside = doc[open_ + 1:close]
    if len(inside) != 1 or not re.fullmatch(r"\d{1,3}[A-Za-z]?|[a-z]{1,4}", inside[0].text) \
            or not doc[open_ - 1].whitespace_:
        return False  # (not "Article 280(1)", glued to its number, as it always was)
    i = open_ - 1
    while i > 0 and (doc[i].text in ("(", ")", ",", "and", "or") or doc[i].like_num
                     or (re.fullmatch(r"[a-z]{1,4}", doc[i].text) is not None
                         and doc[i - 1].text == "(")):
        i -= 1
    return i >= 0 and doc[i].lower_ in _NUMBERED


def _inside_name(doc: Doc, close: int) -> bool:
    """'the Wildlife (Protection) Act': brackets that a name goes on after."""
    after = doc[close + 1] if close + 1 < len(doc) else None
    return after is not None and after.text[:1].isupper() and after.pos_ == "PROPN" \
        and not after.is_sent_start


def _partner(doc: Doc, at: int, partner: str, step: int) -> int | None:
    """Where the bracket at `at` is matched by `partner`, looking one way (`step` 1 or
    -1) and skipping nested pairs of the same kind."""
    depth = 0
    i = at + step
    while 0 <= i < len(doc):
        if doc[i].text == doc[at].text:
            depth += 1
        elif doc[i].text == partner:
            if depth == 0:
                return i
            depth -= 1
        i += step
    return None


def with_brackets(tokens: list[Token]) -> list[Token]:
    """The tokens with the partner of every bracket or quote among them, so that what is
    shown never opens a bracket it does not close (or the reverse); sorted."""
    if not tokens:
        return []
    doc = tokens[0].doc
    have = {t.i for t in tokens}
    for token in list(tokens):
        closer = _PAIRS.get(token.text)
        found = None
        if closer is not None and closer != token.text:
            found = _partner(doc, token.i, closer, 1)
        opener = next((o for o, c in _PAIRS.items() if c == token.text and o != c), None)
        if opener is not None:
            found = _partner(doc, token.i, opener, -1)
        if found is not None:
            have.add(found)
    return [doc[i] for i in sorted(have)]


def _flat(groups: Iterable[list[Token]]) -> list[Token]:
    return [t for group in groups for t in group]


def subtree(token: Token, skip: frozenset[str] | Callable[[Token], bool] = frozenset()
            ) -> list[Token]:
    """A token's subtree, without the dependents (and their subtrees) that `skip` names
    (by label, or by a test)."""
    out = [token]
    for child in token.children:
        left_out = skip(child) if callable(skip) else child.dep_ in skip
        if not left_out:
            out.extend(subtree(child, skip))
    return sorted(out, key=lambda t: t.i)


def aside(child: Token) -> bool:
    """A side remark: an apposition, a clause of its own, or a relative clause or
    participle set off by a comma ('The Bench, headed by ...'); not a restrictive one
    ('children aged 12–23 months', 'talks that resumed')."""
    if child.dep_ == "parataxis":
        return True
    if child.dep_ == "appos":  # not "Order 272", nor "India" in "Bhutan-India-Nepal"
        before = child.doc[child.left_edge.i - 1] if child.left_edge.i > 0 else None
        glued = before is not None and not before.whitespace_ and before.text not in "([{“‘\"'"
        bare_number = child.like_num and before is not None and before.text not in ",(:;–—"
        # "Indonesia, Malaysia, the Philippines ... and Thailand", "MRV capacity, enough
        # verifiers and a registry": the second of a list, which the parser may take for
        # an apposition (dropped, it left ASEAN four founders: round 17, WRONG)
        listed = any(c.dep_ == "conj" for c in child.children) or any(
            c.dep_ == "conj" and c.i > child.i for c in child.head.children)
        # "the Enemy Property (Amendment and Validation) Ordinance": the name goes on
        # after its bracket, which the parser took for an apposition of "Laws"
        named_on = before is not None and before.text == ")" and child.pos_ == "PROPN" \
            and child.left_edge.i == child.i
        # "clauses (4) and (5)": a provision's number in brackets is its name, no remark
        numbered = before is not None and before.text == "(" and re.fullmatch(
            r"\d{1,3}[A-Za-z]?|[a-z]{1,4}", child.text) is not None \
            and child.head.lemma_.lower() in _NUMBERED
        return not (glued or bare_number or listed or named_on or numbered)
    if child.dep_ in ("relcl", "acl", "advcl", "npadvmod", "dep", "prep", "dobj"):
        start = child.left_edge.i  # ", a reminder that ...", ", by Justice X,": set off
        if child.dep_ == "prep" and child.lower_ == "with":
            return False  # ", with IN-SPACe as the authorising body": part of the claim
        if child.dep_ == "dobj" and child.head.i > start:
            return False
        return start > 0 and child.doc[start - 1].text in (",", "(", "–", "—")
    return False


def is_verb(token: Token) -> bool:
    return token.pos_ in ("VERB", "AUX")


def clause_of(token: Token) -> Token | None:
    """The verb of the clause that governs a token: the nearest clause head above it."""
    node: Token | None = token
    linked = False  # the way up passed a clause's link word ("six months after ...")
    while node is not None:
        if is_verb(node) and node.dep_ in CLAUSE_HEADS and _finite(node) and not linked:
            return node
        linked = node.dep_ == "mark"
        if node.head.i == node.i:
            return None
        node = node.head
    return None


def _finite(verb: Token) -> bool:
    doc = verb.doc
    if verb.tag_ == "VB" and verb.dep_ == "ROOT" and verb.i == verb.sent.start:
        return True  # "Expand the Nagar Van Yojana ...": an imperative
    if verb.tag_ == "VBD" and verb.i > 1 and doc[verb.i - 1].text == "," and any(
            c.dep_ in SUBJECTS and c.i == verb.i - 2 for c in verb.children):
        return False  # "trade talks, relaunched in June 2022, were ...": a participle
    if verb.tag_ == "VBD" and _bracketed_from(verb):
        return False  # "the PLI Scheme (Rs 17,000 crore, approved May 2023)": a participle
    if verb.tag_ in ("VBD", "VBZ", "VBP", "MD"):
        return True
    return any(c.dep_ in ("aux", "auxpass") and c.tag_ in ("VBD", "VBZ", "VBP", "MD")
               for c in verb.children) or (verb.dep_ == "conj" and _finite(verb.head))


def _bracketed_from(verb: Token) -> bool:
    """The verb is inside brackets that its subject stands before."""
    opened = None
    for token in verb.doc[verb.sent.start:verb.i]:
        if token.text == "(":
            opened = token.i
        elif token.text == ")":
            opened = None
    return opened is not None and any(c.dep_ in SUBJECTS and c.i < opened
                                      for c in verb.children)


def has_finite_verb(sent: Span) -> bool:
    """A verb of the line's own, not one in its brackets ("Equal to a Supreme Court judge
    (Cabinet Secretary parity ... was dropped)" has none)."""
    depth, own = 0, []
    for t in sent:
        depth += (t.text == "(") - (t.text == ")")
        if depth == 0:
            own.append(t)
    return any(t.tag_ in ("VBD", "VBZ", "VBP", "MD") or (
        t.dep_ == "ROOT" and t.tag_ == "VBN" and any(c.dep_ in SUBJECTS for c in t.children))
        for t in own)


def subject_of(verb: Token, full: bool = False) -> tuple[list[Token], bool]:
    """The verb's subject (its own, or that of the verb it is joined to), and whether it
    is its own. Without `full`, relative clauses, appositions and participle phrases
    ("The Bench, headed by ...") are left out."""
    subjects = [c for c in verb.children if c.dep_ in SUBJECTS]
    if len(subjects) > 1:
        subjects = _outside_asides(subjects, verb) or subjects
    if len(subjects) > 1 and (all(not t.whitespace_ for t in verb.doc[
            subjects[0].i:subjects[-1].i]) or subjects[-1].i - subjects[0].i == len(
            subjects) - 1):
        # "PM-JAY provides ...": a hyphened name the parser read as two subjects; "The
        # companion Bill amends ...": two words side by side, one subject
        first, last = subjects[0].left_edge.i, subjects[-1].i
        return list(verb.doc[first:last + 1]), True
    if len(subjects) == 2 and subjects[0].left_edge.i > 0 \
            and verb.doc[subjects[0].left_edge.i - 1].text == "," \
            and "," in (verb.doc[subjects[0].right_edge.i].text,
                        verb.doc[min(subjects[0].right_edge.i + 1, len(verb.doc) - 1)].text) \
            and subjects[0].right_edge.i < subjects[1].left_edge.i:
        # "On 4 June 2025, the eve of World Environment Day, the addition of Khichan and
        # Menar was announced": the first is the date's apposition, set off by commas
        # (round 24: "On ____, the eve of World Environment Day was announced", BROKEN)
        subjects = subjects[1:]
    for child in subjects:
        if child.dep_ in SUBJECTS:
            words = subtree(child) if full else subtree(child, aside)
            while words and words[-1].is_punct and not words[-1].is_bracket \
                    and not words[-1].is_quote:
                words.pop()
            return with_brackets(words), True
    if verb.dep_ == "conj" and is_verb(verb.head) and not _subject_between(verb):
        inherited, _ = subject_of(verb.head, full)
        return inherited, False
    return [], False


def _outside_asides(subjects: list[Token], verb: Token) -> list[Token]:
    """'Regular meetings: the Punchhi Commission (..., report submitted in 2010)
    recommended ...': of the subjects the parser hung on one verb, those neither inside
    a bracket nor before a colon that another subject follows (round 26: "Regular
    meetings on a fixed calendar recommended that ...", BROKEN)."""
    doc = verb.doc
    start = verb.sent.start
    colons = [t.i for t in doc[start:verb.i] if t.text == ":"]
    kept = []
    for child in subjects:
        before = doc[start:child.i]
        inside = sum(t.text == "(" for t in before) > sum(t.text == ")" for t in before)
        if inside or any(child.i < c and any(o.i > c for o in subjects) for c in colons):
            continue
        kept.append(child)
    return kept


def misread_absolute(verb: Token) -> bool:
    """'A complete ban on mining ..., with existing mines phased out within five years':
    the parser made the participle of a "with" phrase the sentence's verb, and the ban
    its subject ("what phased out ...?", round 27, BROKEN)."""
    if verb.tag_ not in ("VBD", "VBN") or any(c.dep_ in AUXILIARIES for c in verb.children):
        return False
    return any(p.lower_ == "with" and any(o.dep_ == "pobj" and o.i == verb.i - 1
                                          for o in p.children)
               for s in verb.children if s.dep_ in SUBJECTS for p in s.subtree)


def _subject_between(verb: Token) -> bool:
    """'X proposed A, and the National Commission to Review the Working of the
    Constitution (NCRWC, 2002) recommended B': a subject stands between the "and" and
    the second verb (the parser hung it on a verb of the name), so the first verb's
    subject is not the second's (round 24, WRONG: the Law Commission "recommended" B)."""
    head = verb.head
    cc = next((c for c in head.children if c.dep_ == "cc" and head.i < c.i < verb.i), None)
    if cc is None:
        return False
    return any(t.dep_ in SUBJECTS for t in verb.doc[cc.i + 1:verb.i])


def _purpose(child: Token) -> bool:
    """'(upheld the decision) to end ...', '(must act) if he withholds assent': an
    infinitive that completes the verb, or a condition the claim depends on."""
    return child.dep_ == "advcl" and any(
        (c.dep_ == "aux" and c.tag_ == "TO") or (c.dep_ in ("mark", "advmod") and c.lower_ in (
            "if", "unless", "when", "once", "until")) for c in child.children)


def clause(verb: Token, lean: bool = False, keep: set[int] | None = None) -> Clause:
    """The clause of a verb: its subject, auxiliaries and own dependents; a `lean` one
    also leaves out the side remarks inside them (relative clauses, appositions). A
    dependent clause holding a token of `keep` stays in, whatever its kind."""
    keep = keep or set()
    skip: frozenset[str] | Callable[[Token], bool] = aside if lean else frozenset()
    subject, own = subject_of(verb)
    full_subject, _ = subject_of(verb, full=True)
    first_subject = subject[0].i if own and subject else verb.i
    aux: list[Token] = []
    pre: list[Token] = []
    front: list[list[Token]] = []
    rest: list[list[Token]] = []
    commas: list[Token] = []
    moved: list[list[Token]] = []
    if (not any(c.dep_ in AUXILIARIES for c in verb.children) and verb.dep_ == "conj"
            and is_verb(verb.head)):
        # "may give assent, withhold assent or return the Bill": the joined verbs share
        # the first one's modal (not its "was": "was approved and landed"), however
        # long the list ("should design ..., set up ..., make ... and use ...")
        first = verb.head
        while first.dep_ == "conj" and is_verb(first.head):
            first = first.head
        aux = [c for c in first.children if c.dep_ == "aux" and c.tag_ == "MD"
               and c.i < first.i]
    for child in verb.children:
        dep = child.dep_
        if dep == "punct" and child.text in (",", ";", "–", "—"):
            commas.append(child)
        holds = bool(keep) and any(t.i in keep for t in child.subtree)
        if dep in SUBJECTS or dep == "punct" or (
                dep in OTHER_CLAUSES and not _purpose(child) and not holds):
            continue
        if dep == "advmod" and child.tag_ == "WRB" and child.i < verb.i:
            continue  # "when the Assembly was dissolved": the clause without "when"
        if dep == "conj" or (dep == "cc" and any(c.dep_ == "conj" for c in verb.children)):
            continue  # the clause joined by "and" is another claim
        if dep == "mark" and verb.dep_ != "ROOT":
            continue  # "after", "that": the link to another clause, with its modifiers
        if dep in AUXILIARIES and child.i < verb.i:
            aux.append(child)
            continue
        elif lean and aside(child) and not (keep and any(t.i in keep for t in child.subtree)):
            continue  # ", the birth anniversary of Mahatma Gandhi": a remark on the verb's
        elif child.i < first_subject:
            front.append(subtree(child, skip))
        elif child.i < verb.i and not (dep == "prep" and child.i > 0
                                       and verb.doc[child.i - 1].text == ","):
            pre.extend(subtree(child, skip))
        elif child.i < verb.i:  # "Tranche II, with an outlay of Rs 19,500 crore, was
            # approved ...": a phrase set off by commas goes after the verb and what it
            # governs ("what was with an outlay of ... approved?", round 26, BROKEN)
            moved.append(subtree(child, skip))
        else:
            rest.append(subtree(child, skip))
    rest += moved
    front, rest = [_filled(g) for g in front], [_filled(g) for g in rest]
    return Clause(verb, subject, aux, pre, front, rest, own, full_subject, commas,
                  {t.i for group in moved for t in group})


def _filled(group: list[Token]) -> list[Token]:
    """A phrase with the punctuation inside it that the parser hung elsewhere (the dash
    of "from 2023–24 to 2025–26", the comma of "Ballia, Uttar Pradesh")."""
    if len(group) < 2:
        return group
    doc = group[0].doc
    have = {t.i for t in group}
    inside = [doc[i] for i in range(group[0].i, group[-1].i + 1)
              if i not in have and doc[i].is_punct and not doc[i].is_bracket]
    return sorted([*group, *inside], key=lambda t: t.i) if inside else group


# --- rendering ---------------------------------------------------------------


def render(tokens: Sequence[Token], subs: Mapping[int, tuple[int, str]] | None = None) -> str:
    """Tokens as text with their own spacing; `subs` replaces a token range (start ->
    (end, text)) where the whole range is there: a resolved reference."""
    subs = subs or {}
    present = {t.i for t in tokens}
    out: list[str] = []
    skip_to = last = -1
    for token in sorted(tokens, key=lambda t: t.i):
        if token.i < skip_to:
            continue
        if last >= 0 and token.i == last + 2 and token.doc[last + 1].text in ("-", "\u2013") \
                and not token.doc[last].whitespace_ and not token.doc[last + 1].whitespace_:
            out.append(token.doc[last + 1].text)  # the hyphen of "2018-19", "sub-classify"
            # (the parse hangs it elsewhere, so a clause's words may leave it out)
        elif last >= 0 and token.i != last + 1 and not token.doc[last].whitespace_:
            out.append(" ")  # words between were left out: "2023, a" -> "2023 a"
        sub = subs.get(token.i)
        if sub is not None and all(i in present for i in range(token.i, sub[0])):
            end, text = sub
            out.append(text + token.doc[end - 1].whitespace_)
            skip_to, last = end, end - 1
            continue
        out.append(token.text_with_ws)
        last = token.i
    return tidy("".join(out))


def tidy(text: str) -> str:
    """Spacing and punctuation left behind by removed words."""
    text = " ".join(text.split())
    text = _SPACE_BEFORE.sub(r"\1", text)
    text = _SPACE_AFTER.sub(r"\1", text)
    text = re.sub(r"\s*\([^()\w]*\)|\s*\[[^\[\]\w]*\]", "", text)  # ("(, \" \")": a title's
    # quotes and comma, its words gone)
    text = re.sub(r"([,;:])(?:\s*[,;:])+", r"\1", text)
    text = re.sub(r"^[\s,;:–—-]+|[\s,;:–—-]+$", "", text)
    text = re.sub(r"[\s,;:]+([?.!])", r"\1", text)
    text = re.sub(r"[\s,;:]+([)\]])", r"\1", text)  # ("under Justice M.M. Punchhi,)": the
    # bracket's last words gone, round 26)
    return " ".join(text.split())


# --- questions ---------------------------------------------------------------

_DO = {"VBD": "did", "VBZ": "does", "VBP": "do"}


def lower_start(text: str, first: Token | None,
                subs: Mapping[int, tuple[int, str]] | None = None) -> str:
    """A sentence's first word inside a question: 'The Court' -> 'the Court', names kept
    (a replaced reference keeps the case of what replaced it: 'It' -> 'Article 370')."""
    if first is None or not text:
        return text
    if subs and first.i in subs:
        return "the" + text[3:] if text.startswith("The ") else text
    if (first.pos_ == "DET" or first.lower_ in ("a", "an", "the")) and first.text[:1].isupper() \
            and first.text[1:] == first.text[1:].lower():
        return text[:1].lower() + text[1:]
    if first.pos_ == "PROPN" or first.text.isupper() or first.ent_type_ in (
            "PERSON", "ORG", "GPE", "LAW", "NORP", "FAC", "LOC", "EVENT", "PRODUCT", "CASE"):
        return text
    word = first.text
    after = first.doc[first.i + 1] if first.i + 1 < len(first.doc) else None
    if after is not None and after.pos_ in ("PROPN", "NOUN") and after.text[:1].isupper() \
            and first.like_num:
        return text  # "One Nation One Ration Card": a name's first word (round 25, WEAK)
    # words the article writes in lower case somewhere (nlp.parse puts them on each doc)
    common = first.pos_ in ("DET", "PRON", "ADP", "CCONJ", "SCONJ", "ADV") or word.lower() in \
        first.doc._.lowercase or (first.pos_ in ("NOUN", "ADJ", "VERB") and not first.ent_type_)
    if word[:1].isupper() and word[1:].islower() and common:
        return text[:1].lower() + text[1:]
    return text


# words that tie a sentence to the one before: a question stands alone
CONNECTIVES = frozenset("then also thus therefore however meanwhile moreover further "
                        "instead".split())


# verbs that take no object, and so no passive
_NO_PASSIVE = frozenset("lapse expire end fail die collapse happen occur emerge rise fall "
                        "remain arrive exist".split())


def verb_group(c: Clause, invert: bool, bare_wh: bool = False) -> tuple[str, str]:
    """(what goes before the subject, what goes after it) for a question. Without
    inversion the subject keeps its place: ('', 'has been launched'). A bare 'What' or
    'Who' (`bare_wh`) takes the verb in the singular ('What divides ...?', 'Who does
    ...?'), whatever number the answer has."""
    verb = c.verb
    auxes = list(c.aux)
    if not auxes and verb.dep_ == "conj" and (verb.tag_ == "VBN" or (
            verb.tag_ == "VBD" and verb.lower_.endswith("ed"))) and not any(
            t.dep_ in (*SUBJECTS, "dobj") for t in verb.children) \
            and verb.lemma_ not in _NO_PASSIVE and not any(
                t.dep_ == "cc" and t.lower_ in ("but", "yet") for t in verb.head.children):
        # (not "was passed by the Lok Sabha in 2012 but lapsed in 2014": "when was the
        # Bill lapsed?")
        # "was first announced in 2019 and declared operational in November 2024": the
        # second verb shares the first's passive ("when was ... declared?", not "when did
        # ... declare?", round 23); not "came into force", "received assent": active
        auxes = [t for t in verb.head.children if t.dep_ == "auxpass"][:1]
    aux = [t.text for t in auxes]
    kept = [t for t in c.pre if t.lower_ not in CONNECTIVES]  # ("the pandemic then ...")
    pre = [t.text for t in kept]
    if not invert:
        words = [*auxes, *kept, verb]
        first = next((t for t in words if t.tag_ == "VBP"), None) if bare_wh else None
        return "", " ".join(singular(t) if t is first else t.text for t in words)
    if aux:
        return aux[0], " ".join([*aux[1:], *pre, verb.text])
    if verb.lemma_ == "be" or (verb.pos_ == "AUX" and verb.dep_ == "ROOT"):
        return verb.text, " ".join(pre)
    do = _DO.get(verb.tag_)
    if do is None:
        return "", ""
    return do, " ".join([*pre, base(verb)])


_SINGULAR = {"are": "is", "were": "was", "have": "has", "do": "does"}


def singular(verb: Token) -> str:
    """A present-tense verb in the third person singular: 'divide' -> 'divides'."""
    text = verb.text
    if text.lower() in _SINGULAR:
        return _SINGULAR[text.lower()]
    if text.endswith(("s", "sh", "ch", "x", "z", "o")):
        return text + "es"
    if text.endswith("y") and len(text) > 2 and text[-2] not in "aeiou":
        return text[:-1] + "ies"
    return text + "s"


def base(verb: Token) -> str:
    """A verb's base form for "did ... <verb>": the model's lemma where it fits the past
    form ('endorsed' -> 'endorse'), else the spelling rules ('relaunched' -> 'relaunch',
    where the lemmatiser says 'relaunche')."""
    from flashcards.builder.language import base_form

    text, lemma = verb.text.lower(), verb.lemma_.lower()
    if verb.tag_ != "VBD" or not text.endswith("ed") or text in (lemma + "d", lemma + "ed"):
        return lemma
    if len(text) > 4 and text[-3] == text[-4] and text[:-3] == lemma:
        return lemma  # "stopped" -> "stop"
    return base_form(text)


def join(*parts: str) -> str:
    return tidy(" ".join(p for p in parts if p))


def object_phrase(verb: Token) -> str | None:
    """What a step acts on, as a whole noun phrase: 'the number of sitting days' (its own
    'of' kept: "what should be done about the number?" names nothing, round 19), 'GIS
    and planning capacity', 'people-to-people ties'; not the other things it lists or
    the phrases that say how or where, which the answer tells. None when the parse's
    object is no noun ('Provide secure, tiered access ...': "about secure?") or does not
    follow the verb ('Integrate vending zones': "about zones?")."""
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    if not objects or objects[0].pos_ not in ("NOUN", "PROPN"):
        return None
    head = objects[0]

    def skip(child: Token) -> bool:
        if child.dep_ == "prep":  # (not the "to" inside "people-to-people")
            glued = child.i > 0 and not child.doc[child.i - 1].whitespace_
            return not glued and not (child.head == head and child.lower_ == "of")
        return child.dep_ in ("relcl", "acl") or (
            child.dep_ in ("conj", "cc") and child.head == head)

    words = subtree(head, skip)
    between = verb.doc[verb.i + 1:words[0].i]
    if any(t.dep_ != "prt" and not any(a.dep_ == "dative" for a in [t, *t.ancestors])
           for t in between):
        return None
    return render(words)
