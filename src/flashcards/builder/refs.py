"""References a question cannot carry: "It came into force ...", "The Court held ...",
"The agreement runs for 30 years". Each is replaced by what it refers to, found earlier
in the article (or in the item's title), so a card names its actors; what cannot be
resolved stays, and the gate drops the questions that would need it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from flashcards.builder import grammar as g
from flashcards.builder.answers import GENERIC, TITLES, TYPE_NOUNS, is_name
from flashcards.builder.gate import content_words, expansions_in
from flashcards.builder.language import MONTH, OFFICES, ORDINAL_WORDS, RULING, YEAR

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
         frozenset(["framework"]), frozenset(["dialogue"]), frozenset(["body"]),
         frozenset("group grouping forum alliance".split()), frozenset(["award"]),
         frozenset(["amendment"]), frozenset(["authority"]), frozenset(["fund"])]
# ("The fund will finance ..." after "a Fund for Innovation and Technology (FIAT)": round
# 24, WEAK, the fund unnamed)
REFERRING = frozenset().union(*_SAME)
# "the work", "the move": a deed of someone named before, never a name on its own
DEEDS = frozenset("work move step decision effort process proposal exercise".split())
PRONOUNS = frozenset("""it its they them their theirs he him his she her this these those
    we us our ours me my you your""".split())  # (an interview's "we" is its speaker's)


def _group(noun: str) -> frozenset[str]:
    return next((s for s in _SAME if noun in s), frozenset([noun]))


@dataclass
class Mentions:
    """Named things met so far, newest last: (head noun, name as written)."""

    named: list[tuple[str, str, int]] = field(default_factory=list)  # + sentence number
    # nouns met with the words that name them ("36 Rafale fighter jets" -> jet: "Rafale
    # fighter"), with the number of the sentence they were met in
    kinds: dict[str, tuple[str, int, bool]] = field(default_factory=dict)
    sentences: int = 0
    start: int = 0  # the sentence count when the paragraph or item being read began
    label: str = ""  # the deck's label: what "the Court" means when several were named
    thing: str | None = None  # the named thing this paragraph acts on ("was introduced")
    done_to: str | None = None  # what a person did something to in the sentence before
    created: str | None = None  # the body the sentence before set up ("set up a ... Group")
    plain: set[str] = field(default_factory=set)  # kinds also said of an unnamed thing
    # common nouns of this paragraph or item named there as something of their own ("its
    # maritime vision of SAGAR", "the Kaladan project"): "this vision" may be that one
    nouns: set[str] = field(default_factory=set)

    def add(self, sent: Span, subs: dict[int, tuple[int, str]]) -> None:
        self.sentences += 1
        for token in sent:
            of_name = _of_name(token)
            if of_name is not None:  # "its maritime vision of SAGAR": "this vision" later
                self.named.append((token.lemma_.lower(), f"{{noun}} of {of_name}",
                                   self.sentences))
            if _named_kind(token):
                self.nouns.add(token.lemma_.lower())
            compounds = [t for c in token.children if c.dep_ in ("compound", "amod")
                         and c.i < token.i for t in c.subtree]
            if token.pos_ == "NOUN" and not compounds and token.dep_ in ("attr", "appos"):
                # "Kursk Oblast is a region of western Russia bordering Ukraine's Sumy
                # region": the paragraph's "the region" may be either; none is guessed
                self.plain.add(token.lemma_.lower())
            if token.pos_ == "NOUN" and compounds:
                naming = token.doc[min(t.i for t in compounds):token.i]
                if any(t.tag_ == "POS" for t in naming) or naming.text.endswith(("’s", "'s")):
                    continue  # "Chandrayaan-2’s lander" names whose lander, not which kind
                # "36 Rafale fighter jets" names a kind for "the jets"; "8.7 lakh waqf
                # properties" only for "these properties", which must mean some
                capital = any(c.text[:1].isupper() for c in compounds)
                self.kinds[token.lemma_.lower()] = (naming.text, self.sentences, capital)
        for full in expansions_in([sent.text]).values():
            full = re.sub(r"^(?:The|the|An?)\s+", "", full)
            ends = {w.lower() for w in (full.split()[0], full.split()[-1])} & TYPE_NOUNS
            if len(full.split()) >= 3 and ends:  # "a Fund for Innovation and Technology
                # (FIAT)", which the parser reads as "a Fund": what "the fund" means later
                self.named += [(end, full, self.sentences) for end in sorted(ends)]
        for ent in sent.ents:
            if ent.label_ == "CASE":  # "the verdict" of an article on a judgment
                self.named.append(("judgment", f"{{noun}} in {ent.text}", self.sentences))
        for span in [*sent.ents, *sent.noun_chunks]:
            span = _after_label(span)
            if not len(span):
                continue
            head = span.root.lower_
            if span.label_ == "LAW":  # "Constitution (... Amendment) Bill, 2024": a Bill,
                # whatever the parser made its root
                head = next((t.lower_ for t in reversed(span) if t.is_alpha), head)
            named = is_name(span) or sum(1 for t in span if t.text[:1].isupper()) >= 2
            proper = [t for t in span if t.pos_ == "PROPN" and t.head.i == span.root.i
                      and t.i < span.root.i and t.dep_ != "poss"]  # not "X’s lander"
            if head in TYPE_NOUNS and span.root.text.islower() and proper:
                # "the proposed Jaitapur project": what "the project" means later (all of
                # "the Mumbai-Ahmedabad High Speed Rail (MAHSR) corridor", not "Rail ...")
                first = max(proper[0].left_edge.i, span.start)
                while first < proper[0].i and span.doc[first].pos_ == "DET":
                    first += 1
                self.named.append((head, span.doc[first:span.root.i + 1].text,
                                   self.sentences))
                continue
            lead = next((t for t in span if t.pos_ != "DET"), None)
            if lead is not None and lead.lower_ in TYPE_NOUNS and lead.text[:1].isupper() \
                    and lead.i < span.root.i and named and lead.dep_ == "compound":
                # "Mission LiFE", "Project Tiger": what "the Mission" means later
                self.named.append((lead.lower_, span.doc[lead.i:span.end].text,
                                   self.sentences))
            if head in TYPE_NOUNS and (span.root.text[:1].isupper() or span.label_ == "LAW") \
                    and named:
                kept = [t for t in span if t.lower_ not in ("the", "a", "an")
                        and t.dep_ != "poss" and t.tag_ != "POS"]
                if kept and not (len(kept) == 1 and kept[0].lower_ in TYPE_NOUNS):
                    text = span.doc[kept[0].i:kept[-1].i + 1].text  # (not "the Court")
                    self.named.append((head, text, self.sentences))
                    self.named.append((span.root.lemma_.lower(), text, self.sentences))

    def kind_of(self, noun: Token, demonstrative: bool = False) -> str | None:
        """The naming words of a noun met in the last two sentences, if any (capitalised
        ones, unless the noun has 'these' or 'this')."""
        found = self.kinds.get(noun.lemma_.lower())
        if found is None or self.sentences - found[1] > 1 or not (found[2] or demonstrative) \
                or (noun.lemma_.lower() in self.plain and not demonstrative):
            return None
        return found[0]

    def find(self, noun: str) -> str | None:
        """What 'the <noun>' names: the thing of its kind named in this sentence or the
        one before (in the same paragraph or item); else the only one of its kind named
        so far; else the one the label names. With several named and none near or
        named by the label, 'the partnership' or 'the verdict' is not guessed."""
        same = _group(noun)
        # "the Commission" is the Permanent Indus Commission named before, not a
        # committee named since (a noun of its group only when its own was never named)
        exact = [(text, n) for head, text, n in self.named if head == noun]
        met = exact or [(text, n) for head, text, n in self.named if head in same]
        near = [text for text, n in met if n >= self.sentences - 1 and n > self.start]
        if near:
            return near[-1]
        if noun in _LOCAL:
            return None  # "The report was submitted ...": the report of the committee just
            # named, not the Law Commission's report named a section before
        kinds = list(dict.fromkeys(text for text, _ in met))
        alike = next((s for s in _SYNONYMS if noun in s), frozenset([noun]))
        grouped = list(dict.fromkeys(text for head, text, _ in self.named if head in alike))
        if exact and len(grouped) > len(kinds):
            # "the scheme" after "the Pradhan Mantri Fasal Bima Yojana (PMFBY) and the
            # Restructured Weather Based Crop Insurance Scheme": a yojana is a scheme too,
            # so which is meant is for the label to say, not the word "Scheme" (round 24,
            # WRONG x3: PMFBY's figures given to RWBCIS)
            kinds = grouped
        entry = re.sub(r"\s*\([^()]*\)$", "", self.label)  # (without its "(NMEO)")
        entry = re.sub(r"^(?:the|The)\s+", "", entry)  # ("the the Global gender gap index")
        if not kinds and entry and entry.split()[-1].lower() in same | {noun}:
            # "the Mission" under an entry labelled "National Mission on Edible Oils": the
            # entry's own, named by its heading
            return entry
        words = {k: set(content_words(k.replace("{noun} in ", ""))) for k in kinds}
        # "Data Protection Board" is the "Data Protection Board of India" named before
        kinds = [k for k in kinds if not any(o != k and words[k] < words[o] for o in kinds)]
        if len(kinds) == 1 and not _VERSIONED.search(kinds[0]) and not (
                noun in _COURTS and "supreme" not in kinds[0].lower()):
            return kinds[0]
        # ("the Court" far from the High Court it last named is, in a summary of an
        # appeal, the Supreme Court that heard it: not guessed)
        # ("the framework" two bullets after "the revised Economic Capital Framework" may be
        # the framework before its revision: a Committee of 2018-19 reviewed that one)
        # "the Court" of an article labelled "Supreme Court on ...": the one it names
        label = set(content_words(self.label))
        whole = [k for k in kinds if label and label <= words[k]]
        if whole:  # the label's own Act, written in full ("..., 2023") or not
            return whole[0]
        named = [k for k in kinds if words[k] <= label]
        return named[0] if len(named) == 1 else None


# one kind under two names ("the scheme" may be a yojana): not "the Commission", which
# a committee named since is not
_SYNONYMS = [frozenset("scheme yojana abhiyan".split())]
_COURTS = frozenset(["court", "bench"])
_VERSIONED = re.compile(r"\b(?:revised|new|amended|updated|draft|earlier|old|previous|"
                        r"interim|final)\b", re.IGNORECASE)

# what a body just named produces: "the report" means one named near it, or none
_LOCAL = frozenset("report study survey paper draft recommendations notification order "
                   "statement findings".split())


def description(token: Token) -> Token | None:
    """The determiner of 'the Court', 'The agreement', 'this scheme' (a referring noun
    with 'the' or 'this' and nothing else that names it), else None."""
    if (token.lower_ not in REFERRING and token.lower_ not in TYPE_NOUNS) or token.pos_ not in (
            "NOUN", "PROPN"):
        return None
    dets = [c for c in token.children if c.dep_ == "det"
            and c.lower_ in ("the", "this", "that", "these")]
    named = any(c.dep_ in ("compound", "amod", "nmod", "poss", "prep", "nummod", "appos")
                for c in token.children)
    if len(dets) != 1 or named or dets[0].i != token.i - 1:
        return None
    return dets[0]


_TAKEN_UP = frozenset("adopt accept implement add introduce reject approve enact apply "
                     "drop scrap shelve incorporate".split())
# what is done to a motion or a bill, never to an office-holder
_MOVED = frozenset("move table introduce pass adopt carry admit".split())
_ADVISERS = frozenset("committee commission panel board council group body "
                      "arc".split())


def resolve(sent: Span, mentions: Mentions, antecedent: str | None,
            previous_subject: str | None, owner: str | None = None,
            previous_core: str | None = None) -> dict[int, tuple[int, str]]:
    """Replacements (start -> (end, text)) for the references of one sentence.

    `antecedent` is what "It"/"They" at the start means when the sentence explains an
    item (its title); else the previous sentence's subject is taken, if it agrees.
    `owner` is what a sentence-initial "Its" means anywhere in an item titled with a
    name ("- Chandrayaan-2: Launched ... Its Vikram lander ..."). `previous_core` is the
    last subject's noun without its phrases ('Anaemia' of 'Anaemia among children ...'),
    what a subject "it" after a fronted phrase means ("Among men it rose ...")."""
    subs: dict[int, tuple[int, str]] = {}
    for token in sent:
        det = description(token)
        found = None
        if det is not None:  # named before it: earlier, or earlier in this sentence
            earlier = Mentions(list(mentions.named), sentences=mentions.sentences,
                               start=mentions.start, label=mentions.label)
            earlier.add(sent.doc[sent.start:det.i], {})
            found = earlier.find(token.lower_)
        if det is not None and det.lower_ == "this" and owner and _is_name(owner) \
                and not _said_before(token, sent, det, mentions):
            found = owner  # "- Chandrayaan-4: ... approved this mission ..." (but in
            # "4. Neighbourhood First - ... its maritime vision of SAGAR ... this vision was
            # expanded", the vision is SAGAR, not the item's policy)
        if det is not None and not found and owner and _is_name(owner) \
                and token.lower_ in owner.lower().replace(",", " ").split():
            found = owner  # "2. Indo-Sri Lanka Accord, 1987 - The Accord was signed ..."
        if det is not None and found:
            article = "The" if det.i == sent.start else "the"
            named = found.format(noun=token.text)
            # ("Mission LiFE", "Article 370" take no article; "the Convention on Wetlands
            # of International Importance" does: round 24, BROKEN x3)
            of_phrase = len(named.split()) > 1 and named.split()[1] in ("on", "of", "for")
            if named[:1].isupper() and not of_phrase and (
                    named.split()[0].lower() in TYPE_NOUNS
                    or _PROVISION_TITLE.match(f"{named} - x")):
                subs[det.i] = (token.i + 1, named)  # "the Mission" -> "Mission LiFE"
            else:
                subs[det.i] = (token.i + 1, f"{article} {named}")
        elif det is None and owner and _is_name(owner) and token.pos_ == "NOUN":
            this = next((c for c in token.children if c.dep_ == "det"
                         and c.lower_ == "this"), None)
            if this is not None and this.i not in subs:  # "this sample-return mission"
                article = "The" if this.i == sent.start else "the"
                provision = _PROVISION_TITLE.match(f"{owner} - x") is not None
                named = owner if provision else f"{article} {owner}"
                if token.lower_ in owner.lower().split():
                    subs[this.i] = (token.i + 1, named)  # "This canal" -> "The Panama
                    # Canal", not "The Panama Canal canal"
                else:
                    subs[this.i] = (this.i + 1, named)
    _bridges(sent, mentions, subs)
    first = sent[0]
    if first.lower_ == "its" and first.dep_ == "poss" and owner and _is_name(owner):
        subs[first.i] = (first.i + 1, f"{owner}’s")
    fronted = first.lower_ in ("before", "after", "under", "since", "without", "unlike") \
        and len(sent) > 2 and sent[1].lower_ == "it" and sent[1].dep_ == "pobj" \
        and sent[2].text == ","
    if fronted and (antecedent or previous_subject):
        # "Before it, creditors relied on several separate laws": what the sentence
        # before was about (round 23: the paragraph got no card)
        target = antecedent or previous_subject
        if target and _agrees(sent[1], target):
            subs[sent[1].i] = (sent[1].i + 1, target)
    if first.lower_ in ("it", "they") and first.dep_ in g.SUBJECTS:
        target = antecedent or previous_subject
        if target and first.dep_ == "nsubjpass" and first.head.lemma_ in _TAKEN_UP \
                and target.split()[-1].lower() in _ADVISERS:
            target = None  # "The Kothari Committee recommended a three-stage exam. It was
            # adopted from 1979": the exam was adopted, not the committee (round 23, BROKEN)
        if target and first.lower_ == "it" and first.dep_ == "nsubjpass" \
                and first.head.lemma_ in _MOVED \
                and target.split()[-1].lower().split("-")[-1] in OFFICES:
            target = None  # "The Vice-President can be removed by a resolution ... It can
            # be moved only in the Rajya Sabha": the resolution is moved, not the office
            # ("The Vice-President can be moved only in ____", round 28, BROKEN)
        if target and not _agrees(first, target) and mentions.done_to \
                and _agrees(first, mentions.done_to) and sent.root.lemma_ != "be":
            target = mentions.done_to  # "Patel announced the results of the 16th lion
            # estimation. It put the population at 891": not the person, what he announced
            # (round 25: the figures got no card)
        if mentions.created and first.lower_ == "it" and sent.root.lemma_ in _REPORTS:
            target = mentions.created  # "The MoEF set up a ... Working Group (HLWG) ...
            # It submitted its report on 15 April 2013": the group reported, not the
            # ministry (round 27, WRONG: "when did the MoEF submit its report?")
        if target and _agrees(first, target):
            subs[first.i] = (first.i + 1, target[:1].upper() + target[1:])
    subject = next((c for c in sent.root.children if c.dep_ in g.SUBJECTS), None)
    if subject is not None and subject.lower_ in ("it", "they") and subject.i != sent.start \
            and subject.i not in subs and previous_core and _agrees(subject, previous_core) \
            and all(t.dep_ == "prep" or t.is_punct for t in sent.root.children
                    if t.i < subject.i) and not _classed(sent.root):
        subs[subject.i] = (subject.i + 1, previous_core)  # "Among pregnant women it rose"
    thing = next((t for t in sent if t.lower_ == "it" and t.dep_ in ("dobj", "pobj")
                  and t.i not in subs), None)
    own = _own_subject_for(sent, thing, subs) if thing is not None else None
    if own is not None and thing is not None:
        # "E20 petrol was rolled out ... when the Prime Minister launched it": in a clause
        # of its own, "it" is the sentence's subject, not the paragraph's last thing
        subs[thing.i] = (thing.i + 1, own)
    elif thing is not None and mentions.thing:
        # "The ... Bill, 2023 was introduced on 19 September. The Lok Sabha passed it
        # on 20 September": "it" is the named thing the paragraph is doing things to
        subs[thing.i] = (thing.i + 1, mentions.thing)
    elif thing is not None and previous_subject and _the_topic(previous_subject,
                                                               mentions.label):
        # "PMAY-G came into effect on 1 April 2016. The Prime Minister formally launched
        # it at Agra on 20 November 2016": the article's own subject, just named
        # (round 23: the launch date was asked by no card)
        subs[thing.i] = (thing.i + 1, previous_subject)
    _same_sentence(sent, subs)
    _relatives(sent, subs)
    return subs


def _of_name(token: Token) -> str | None:
    """The name of 'the vision of SAGAR', 'the Treaty of Versailles'-like phrases whose
    head is a kind of thing (a common noun) and whose 'of' names one."""
    if token.pos_ != "NOUN" or token.lemma_.lower() not in TYPE_NOUNS:
        return None
    of = next((c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    name = next((c for c in of.children if c.dep_ == "pobj"), None) if of else None
    if name is None or name.pos_ != "PROPN" or any(c.dep_ == "det" for c in name.children):
        return None
    first = min([c.i for c in name.children if c.dep_ == "compound" and c.i < name.i]
                + [name.i])
    return token.doc[first:name.i + 1].text


def _said_before(noun: Token, sent: Span, det: Token, mentions: Mentions) -> bool:
    """Whether 'this <noun>' may point to a <noun> named earlier in its paragraph or item
    as a thing of its own (not "The mission will ..." of the item's own mission)."""
    lemma = noun.lemma_.lower()
    return lemma in mentions.nouns or any(
        t.lemma_.lower() == lemma and _named_kind(t) for t in sent.doc[sent.start:det.i])


def _named_kind(token: Token) -> bool:
    """A common noun named as a thing of its own: 'the vision of SAGAR', 'the Kaladan
    project'."""
    return token.pos_ == "NOUN" and (_of_name(token) is not None or any(
        c.dep_ == "compound" and c.pos_ == "PROPN" for c in token.children))


def _relatives(sent: Span, subs: dict[int, tuple[int, str]]) -> None:
    """'The ISA, which ...', 'the CBAM, whose transitional phase began ...': in a
    relative clause's own question the relative word stands for what it describes."""
    for token in sent:
        if token.tag_ not in ("WDT", "WP", "WP$") or token.i in subs:
            continue
        verb = next((a for a in token.ancestors if a.dep_ == "relcl"), None)
        if verb is None or token.dep_ not in (*g.SUBJECTS, "dobj", "poss"):
            continue
        noun = verb.head
        while noun.dep_ == "appos" and noun.head.i != noun.i:
            noun = noun.head  # "the FSI, Dehradun, which has ...": the FSI, not Dehradun
        one_of = noun.head.lower_ == "of" and noun.head.head.lower_ in ("one", "two", "three")
        # ("one of the three schemes that the Prime Minister launched": the schemes)
        if noun.dep_ == "pobj" and (any(t.text == "," for t in sent.doc[noun.i:token.i])
                                    or (token.lower_ == "that" and not one_of)):
            continue  # "the extinction of tigers in Sariska, Rajasthan, which came to
            # light", "parties registered under Section 29A of the Act that had secured
            # 1%": the extinction or Sariska, the parties or the Act? (the parser guesses)
        words = [t for t in g.subtree(noun, frozenset({"relcl", "appos", "acl"}))
                 if not t.is_punct or t.is_bracket]
        if not words or len(words) > 10 or noun.pos_ not in ("NOUN", "PROPN"):
            continue
        if (noun.lower_ in DEEDS or noun.lower_ in REFERRING) and len(words) <= 2:
            continue  # "the work that led to ...": "the work" says nothing alone
        text = g.lower_start(g.render(words, subs), words[0], subs)
        subs[token.i] = (token.i + 1, f"{text}\u2019s" if token.tag_ == "WP$" else text)


def _bridges(sent: Span, mentions: Mentions, subs: dict[int, tuple[int, str]]) -> None:
    """'36 Rafale fighter jets ...; the first jets joined ...': a noun taken up again
    with 'the' gets back the words that named it ('the first Rafale fighter jets')."""
    for token in sent:
        dets = [c for c in token.children if c.dep_ == "det"
                and c.lower_ in ("the", "these", "this")]
        if token.pos_ != "NOUN" or not dets or token.lower_ in REFERRING or any(
                c.dep_ in ("compound", "poss") for c in token.children):
            continue
        naming = mentions.kind_of(token, demonstrative=dets[0].lower_ != "the")
        if naming is None or dets[0].i in subs:
            continue
        between = token.doc[dets[0].i + 1:token.i].text
        the = "The" if dets[0].is_sent_start else "the"
        text = " ".join(w for w in (the, between, naming, token.text) if w)
        subs[dets[0].i] = (token.i + 1, text)


def _same_sentence(sent: Span, subs: dict[int, tuple[int, str]]) -> None:
    """'The Governor must act within one month if he withholds assent': a pronoun after
    the sentence's subject, in a clause of its own, stands for that subject."""
    words, own = g.subject_of(sent.root)
    if not own or not words or words[0].lower_ in PRONOUNS or words[-1].pos_ == "ADP":
        return  # ("The SBI's plea for time until": the parser lost a part of it)
    head = next((t for t in words if t.dep_ in g.SUBJECTS), words[-1])
    text = g.lower_start(g.render(words, subs), words[0], subs)
    person = head.lower_ in OFFICES or head.ent_type_ == "PERSON"
    plural = head.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in head.children)
    for token in sent:
        if token.i <= words[-1].i or token.dep_ not in g.SUBJECTS or token.i in subs:
            continue
        word = token.lower_
        if word == "it" and _thing_between(sent, words[-1].i, token.i):
            continue  # "Parliament passed the Act ..., and it received assent": the Act
        if (word in ("he", "she") and person) or (word == "it" and not person and not plural) \
                or (word == "they" and plural):
            subs[token.i] = (token.i + 1, text)


def _own_subject_for(sent: Span, it: Token, subs: dict[int, tuple[int, str]]) -> str | None:
    """The sentence's own subject, when an object "it" sits in a clause under the main one
    and the subject is a singular thing named before it."""
    words, own = g.subject_of(sent.root)
    if not own or not words or words[0].lower_ in PRONOUNS or it.head == sent.root \
            or it.i <= words[-1].i or words[-1].pos_ == "ADP":
        return None
    head = next((t for t in words if t.dep_ in g.SUBJECTS), words[-1])
    if head.tag_ not in ("NN", "NNP") or head.lower_ in OFFICES or head.ent_type_ == "PERSON" \
            or any(c.dep_ == "conj" for c in head.children) \
            or _thing_between(sent, words[-1].i, it.i):
        return None
    return g.lower_start(g.render(words, subs), words[0], subs)


def _thing_between(sent: Span, start: int, end: int) -> bool:
    """A singular thing named as an object between the subject and an "it": what "it"
    means is then a guess."""
    return any(t.dep_ in ("dobj", "nsubjpass") and t.pos_ in ("NOUN", "PROPN")
               and t.tag_ in ("NN", "NNP") for t in sent.doc[start + 1:end])


_PROVISION_TITLE = re.compile(r"((?:Sections?|Articles?|Rules?|Clauses?|Regulations?|Parts?|"
                              r"Chapters?|Schedules?)\s+\S+(?:\s+(?:to|and)\s+\S+)?)"
                              r"\s+[\u2013\u2014-]\s+\S.*")


# 'Supreme Court, April 2021': "the Court" of its text is the Supreme Court, not "the
# Supreme Court, April 2021" (round 20)
_DATED_TITLE = re.compile(rf"(.+?),\s+(?:(?:\d{{1,2}}\s+)?(?:{MONTH.pattern})\s+)?{YEAR}",
                          re.IGNORECASE)


def referent(title: str | None) -> str | None:
    """What a pronoun opening an item's text means: its title, or of a title such as
    'Section 44(3) - Amendment to RTI Act', the provision ("This amends ..." is Section
    44(3), not the whole label)."""
    if title is None or re.fullmatch(r"(?:1[5-9]|20)\d\d(?:[\u2013-]\d{2,4})?", title.strip()):
        return None  # a timeline's year names no thing ("2004: ... said that this line
        # was a typographical error": not "the 2004 line", round 22, WRONG)
    found = _PROVISION_TITLE.fullmatch(title) or _DATED_TITLE.fullmatch(title)
    title = found[1] if found else title
    # "Supreme Court order": the Court that gave it ("the Court ordered ..." is not "the
    # Supreme Court order ordered ...", round 25, BROKEN)
    return re.sub(rf"(\b(?:Court|Tribunal|Bench))['\u2019]?s?\s+{RULING}$", r"\1", title)


def _after_label(span: Span) -> Span:
    """'Sections 18 to 26 - Data Protection Board': a label before a spaced dash is not
    part of the name ("the Board" is the Data Protection Board, not "26 - Data ...")."""
    dashes = [t.i for t in span if t.text in ("-", "\u2013", "\u2014") and t.i > span.start
              and t.doc[t.i - 1].whitespace_ and t.whitespace_]
    return span.doc[dashes[-1] + 1:span.end] if dashes else span


def _is_name(text: str) -> bool:
    """An item title that names a thing ('Chandrayaan-4', 'LUPEX'), not a topic ('Low
    cost'): a capital past its first letter, or a figure."""
    return any(c.isupper() or c.isdigit() for c in text[1:])


def _agrees(pronoun: Token, target: str) -> bool:
    plural = pronoun.lower_ == "they"
    if not plural and any(w.lower() in TITLES for w in target.split()[:3]):
        return False  # "It" is never a person named with a title ("Prime Minister Narendra
        # Modi made a State Visit ... It was his first visit ...": the visit)
    # ("the Insolvency and Bankruptcy Code" is one name, its "and" inside it)
    words = [w for w in re.sub(r"\([^)]*\)", " ", target).split() if w.lower() != "the"]
    one_name = bool(words) and all(w[:1].isupper() or w in ("and", "of", "for", "on", "in")
                                   for w in words) and words[-1].lower() in TYPE_NOUNS
    # (not "India and Korea", two things)
    looks_plural = (" and " in target and not one_name) or target.endswith("s") \
        and not target.endswith("ss")
    return plural == looks_plural or not plural and target[-1:].isdigit()


def done_by_person(sent: Span, subs: dict[int, tuple[int, str]]) -> str | None:
    """What a person did something to ('Gujarat Chief Minister Bhupendra Patel announced
    the results of the 16th Asiatic lion population estimation'): the object, if short."""
    subject = next((c for c in sent.root.children if c.dep_ == "nsubj"), None)
    thing = next((c for c in sent.root.children if c.dep_ == "dobj"), None)
    if subject is None or thing is None or not (
            subject.ent_type_ == "PERSON" or any(t.lower_ in TITLES for t in subject.subtree)):
        return None
    words = list(sent.doc[thing.left_edge.i:thing.right_edge.i + 1])
    if len(words) > 12 or any(t.lower_ in PRONOUNS for t in words):
        return None
    return g.render(words, subs)


_REPORTS = frozenset("submit recommend suggest propose report find examine identify "
                     "estimate".split())
_CREATING = frozenset("set constitute appoint form establish create".split())


def created_by(sent: Span, subs: dict[int, tuple[int, str]]) -> str | None:
    """The advisory body a sentence says was set up ('the MoEF set up a 10-member High
    Level Working Group (HLWG) under K. Kasturirangan'): the group, named."""
    root = sent.root
    if root.lemma_ not in _CREATING:
        return None
    thing = next((c for c in root.children if c.dep_ in ("dobj", "nsubjpass")), None)
    if thing is None or (thing.lower_ not in _ADVISERS | {"groups", "committees"} and not (
            thing.text.isupper() or any(t.lower_ in _ADVISERS for t in thing.subtree
                                        if t.i <= thing.i))):
        return None
    words = [t for t in sent.doc[thing.left_edge.i:thing.i + 1] if t.pos_ != "DET"]
    while words and not words[0].text[:1].isupper():
        words = words[1:]  # "10-member High Level Working Group": the group's name
    if not words or not any(t.text[:1].isupper() for t in words):
        return None
    after = thing.i + 1
    if after + 2 < len(sent.doc) and sent.doc[after].text == "(" \
            and sent.doc[after + 2].text == ")" and sent.doc[after + 1].text.isupper():
        return "the " + g.render([*words, *sent.doc[after:after + 3]], subs)  # (HLWG)
    return "the " + g.render(words, subs)


def asked_about(question: str | None) -> str | None:
    """'What is the Indian Antarctic Act, 2022?' -> 'the Indian Antarctic Act, 2022': what
    an FAQ's answer means by "It" (round 28: the question itself had been put for it,
    "What is the Indian Antarctic Act, 2022? is India's ____ domestic law", BROKEN)."""
    found = re.match(r"(?:What|Who)\s+(?:is|are|was|were)\s+(.+?)\?$", question or "")
    return found[1] if found and referent(found[1]) else None


def counted_before(sent: Span, last: Span | None, subs: dict[int, tuple[int, str]]) -> None:
    """'... has issued six draft notifications on the ESA. The sixth, issued on 31 July
    2024, ...': the sixth of the things the sentence before counted ("The sixth draft
    notification"; round 27: "The sixth, issued on ____" said not the sixth what)."""
    if last is None or len(sent) < 3 or sent[0].lower_ != "the" \
            or sent[1].lower_ not in ORDINAL_WORDS or sent[2].text != ",":
        return
    for token in last:
        if token.like_num and token.head.tag_ == "NNS" and token.dep_ == "nummod":
            noun = token.head
            words = [c for c in noun.children if c.dep_ == "compound" and c.i < noun.i]
            subs[sent[1].i] = (sent[1].i + 1, " ".join([sent[1].text, *(w.text for w in words),
                                                       noun.lemma_]))
            return


def acted_on(sent: Span) -> str | None:
    """The named thing a sentence says was done to ('The ... Bill, 2023 was introduced
    ...'): its passive subject, as a name."""
    subject = next((c for c in sent.root.children if c.dep_ == "nsubjpass"), None)
    if subject is None:
        return None
    ent = next((e for e in sent.ents if e.start <= subject.i < e.end
                and e.label_ in ("LAW", "ORG", "WORK_OF_ART", "EVENT")), None)
    if ent is None or not _is_name(ent.text):
        return None
    the = ent.start > 0 and sent.doc[ent.start - 1].lower_ == "the"
    return f"the {ent.text}" if the else ent.text


def _the_topic(name: str, label: str) -> bool:
    """'PMAY-G' (or 'the Pradhan Mantri Awaas Yojana') in a deck labelled 'Pradhan Mantri
    Awaas Yojana': the article's subject, by its initials or its words."""
    words = [w for w in re.findall(r"[A-Za-z]+", label) if w[:1].isupper()]
    if len(words) < 2:
        return False
    initials = "".join(w[0] for w in words)
    head = re.sub(r"^the\s+", "", name.strip(), flags=re.IGNORECASE)
    letters = re.sub(r"[^A-Z]", "", re.split(r"[-\s]", head)[0])
    if head.split("-")[0].isupper() and len(letters) >= 2 and initials.startswith(letters):
        return True
    return head.lower().startswith(" ".join(words).lower())


def _classed(verb: Token) -> bool:
    """'By the end of 2023 it was a strong El Niño': "it" is what the sentence classes,
    the weather of the paragraph, not the body that last did something (round 23,
    BROKEN: "by when was the US National Oceanic a strong El Niño?")."""
    return verb.lemma_ == "be" and any(
        c.dep_ == "attr" and any(d.dep_ == "det" and d.lower_ in ("a", "an")
                                 for d in c.children) for c in verb.children)


def subject_core(sent: Span, subs: dict[int, tuple[int, str]]) -> str | None:
    """The main clause's subject noun with its own words, without its phrases:
    'Anaemia among children aged 6-59 months' -> 'anaemia'."""
    words, own = g.subject_of(sent.root)
    if not own or not words or words[0].lower_ in PRONOUNS or words[0].lower_ in GENERIC:
        return None
    head = next((t for t in words if t.dep_ in g.SUBJECTS), None)
    if head is None or head.pos_ not in ("NOUN", "PROPN"):
        return None
    # (a name is kept whole: "The US National Oceanic and Atmospheric Administration")
    joined = ("cc", "conj") if head.pos_ == "PROPN" else ()
    core = g.subtree(head, lambda c: c.dep_ not in ("compound", "amod", "det", "poss",
                                                     "nmod", "case", *joined))
    return g.lower_start(g.render(core, subs), core[0], subs)


def says_of(sent: Span) -> bool:
    """A sentence that says something of something ("The Court held that the amendment
    was arbitrary."): an "It" after it may be the speaker ("It built on ADR (2002)") or
    what was said of ("It had removed the cap"), so it is resolved to neither."""
    root = sent.root
    return root.lemma_ in g.SPEECH and any(c.dep_ == "ccomp" for c in root.children)


def takes_up_subject(sent: Span) -> bool:
    """The main clause's subject is a pronoun ("It was later widened ..."): the sentence
    goes on about the previous one's subject, which stays the antecedent of the next."""
    words, own = g.subject_of(sent.root)
    return bool(own and words and words[0].lower_ in PRONOUNS)


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
