"""Anki field text -> plain text: HTML, media references, cloze deletions, template fields.

Standard library only, no I/O. The HTML converter is a small regex tokenizer (faster than
html.parser on the plain fields most decks hold): tags are dropped, line breaks kept,
entities decoded, <script>/<style> contents dropped, media shown as [image: x] / [sound: x].
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

# Private characters the converter uses (removed from the input first). Fields are
# converted in bulk, joined by _SEP, so no pattern may match across it.
_SOFT = "\x01"  # a block boundary: a line break unless already at the start of a line
_DROP = "\x02"  # a script/style/... tag, until _DROPPED removes the element
_SEP = "\x03"  # between fields converted together
_NBSP = "\x04"  # a literal no-break space of the field: kept as one
_KEEP = "\x05"  # a space made by an entity (&nbsp;): survives collapsing, becomes " "
_PRIVATE_CHARS = "\x01\x02\x03\x04\x05"  # control characters: never card text anyway
_PRIVATE = re.compile(f"[{_PRIVATE_CHARS}]")

_ATTRS = r"""(?:"[^"\x03]*"|'[^'\x03]*'|[^'">\x03])*"""
_COMMENT = re.compile(r"<!--[^\x03]*?(?:-->|(?=\x03)|\Z)|<![^>\x03]*>|<\?[^>\x03]*>")
_DROPPED = re.compile(r"<(script|style|template|head|title)\b[^>\x03]*>[^\x03]*?"
                      r"(?:</\1\s*>|(?=\x03)|\Z)", re.IGNORECASE)  # and their contents
_DROP_HINT = re.compile(r"<(?:script|style|template|head|title)", re.IGNORECASE)
_DROPPED_NAMES = frozenset(("script", "style", "template", "head", "title"))
_TAG_SPLIT = re.compile(rf"(</?[a-zA-Z][a-zA-Z0-9]*{_ATTRS}>)")
_TAG = re.compile(rf"<(/?)([a-zA-Z][a-zA-Z0-9]*)({_ATTRS})>")
_SRC = re.compile(r"""\bsrc\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""", re.IGNORECASE)
_SOUND = re.compile(r"\[sound:([^\]\x03]*)\]")
_WHITESPACE = str.maketrans("\t\n\r\f", "    ")  # HTML whitespace (then runs collapse)
_BLOCK = frozenset(
    "address article aside blockquote dd div dl dt figcaption figure footer h1 h2 h3 h4 h5 "
    "h6 header hr li main nav ol p pre section table tbody td th thead tr ul".split())
_MARKUP_HINT = re.compile("[<&\\[\n\r\t\x01-\x05]| {2}")


def html_to_text(field: str) -> str:
    """An Anki field (HTML) as plain text with its line breaks: tags dropped (and the
    contents of script/style), entities decoded, media as [image: x] / [sound: x]."""
    if not _MARKUP_HINT.search(field):
        return field.strip()
    return _convert(_PRIVATE.sub(" ", field)).strip()


def html_to_texts(fields: list[str]) -> list[str]:
    """`html_to_text` of many fields at once: a few passes over them all, which is much
    faster than one call per field for the short fields decks are made of."""
    if not fields:
        return []
    joined = "".join(fields)
    if any(c in joined for c in _PRIVATE_CHARS):
        fields = [_PRIVATE.sub(" ", f) for f in fields]
    return [piece.strip() for piece in _convert(_SEP.join(fields)).split(_SEP)]


def _collapse(text: str, pair: str, one: str) -> str:
    while pair in text:
        text = text.replace(pair, one)
    return text


def _convert(text: str) -> str:
    """Mostly str methods (C speed); regexes only where the text needs them. (Searching
    for one character is much faster than for several: checks start with one.)"""
    if any(c in text for c in "\t\n\r\f"):
        text = text.translate(_WHITESPACE)
    text = _collapse(text, "  ", " ")
    if "<" in text:
        converted = _tags(text)
        # Every "<" began a tag, none of them script/style/...: nothing else to remove.
        # Otherwise comments and such elements go first, and the tags are done again.
        if "<" in converted or _DROP in converted:
            if "<!" in text or "<?" in text:
                text = _COMMENT.sub("", text)
            if _DROP_HINT.search(text):
                text = _DROPPED.sub("", text)
            converted = _tags(text).replace(_DROP, "")
        text = converted
    if "[" in text and "[sound:" in text:  # before entities: "&#91;sound:" stays text
        text = _SOUND.sub(lambda m: f"[sound: {m.group(1).strip()}]", text)
    if "\xa0" in text:
        text = text.replace("\xa0", _NBSP)
    if "&" in text:
        text = html.unescape(text)
        if "\xa0" in text:
            text = text.replace("\xa0", _KEEP)
    if _SOFT in text:
        # one break per run of boundaries, none at the start of a line (the start of
        # each field is stripped afterwards)
        text = _collapse(text.replace(" " + _SOFT, _SOFT).replace(_SOFT + " ", _SOFT),
                         _SOFT + _SOFT, _SOFT)
        text = text.replace("\n" + _SOFT, "\n").replace(_SOFT, "\n")
    text = _collapse(text, "  ", " ").replace(" \n", "\n").replace("\n ", "\n")
    if _KEEP in text:
        text = text.replace(_KEEP, " ")
    return text.replace(_NBSP, "\xa0") if _NBSP in text else text


def _tags(text: str) -> str:
    """The text with each tag replaced by what it becomes (see _tag)."""
    pieces = _TAG_SPLIT.split(text)
    cache = _TAG_CACHE
    pieces[1::2] = [cache[tag] if tag in cache else _tag(tag) for tag in pieces[1::2]]
    return "".join(pieces)


_TAG_CACHE: dict[str, str] = {}


def _tag(tag: str) -> str:
    """What one tag becomes: a line break, a block boundary, an image reference, or ''.
    An image's src is left escaped: the entities of the whole text are decoded later."""
    m = _TAG.fullmatch(tag)
    out = ""
    if m is not None:
        name = m.group(2).lower()
        if name == "br":
            out = "\n"
        elif name == "li" and not m.group(1):
            out = _SOFT + "- "
        elif name in _BLOCK:
            out = _SOFT
        elif name in _DROPPED_NAMES:
            out = _DROP  # the element and its contents go (by _DROPPED, in _convert)
        elif name == "img" and not m.group(1):
            src = _SRC.search(m.group(3))
            if src:
                out = f"[image: {next(g for g in src.groups() if g is not None)}]"
    if len(_TAG_CACHE) < 10_000:
        _TAG_CACHE[tag] = out
    return out


# --- cloze deletions (after Anki's rslib/src/cloze.rs) ------------------------

_CLOZE = re.compile(r"\{\{c([\d,]*\d[\d,]*)::|\}\}")
_MAX_NESTING = 10


@dataclass
class _Cloze:
    numbers: frozenset[int]
    parts: list[str | _Cloze]
    hint: str | None = None


def _parse_cloze(text: str) -> tuple[list[str | _Cloze], set[int]]:
    """The field as text and (nested) deletions, and every cloze number it opens."""
    root: list[str | _Cloze] = []
    stack: list[_Cloze] = []
    numbers: set[int] = set()
    pos = 0
    for m in _CLOZE.finditer(text):
        chunk = text[pos:m.start()]
        pos = m.end()
        if chunk:
            if stack:
                top = stack[-1]
                if "::" in chunk:  # Anki: the first "::" in a text run starts the hint
                    chunk, top.hint = chunk.split("::", 1)
                top.parts.append(chunk)
            else:
                root.append(chunk)
        opened = m.group(1)
        if opened is not None:
            these = frozenset(map(int, filter(None, opened.split(","))))
            numbers |= these
            if len(stack) < _MAX_NESTING:
                stack.append(_Cloze(these, []))
        elif stack:
            done = stack.pop()
            (stack[-1].parts if stack else root).append(done)
        else:
            root.append("}}")
    rest = text[pos:]
    if rest:
        if stack:  # inside an unclosed cloze, which is dropped (as Anki does)
            if "::" in rest:
                rest, stack[-1].hint = rest.split("::", 1)
            stack[-1].parts.append(rest)
        else:
            root.append(rest)
    numbers.discard(0)  # c0 is not a card
    return root, numbers


def _render(parts: list[str | _Cloze], number: int, answers: list[str] | None) -> str:
    out = []
    for part in parts:
        if isinstance(part, str):
            out.append(part)
        elif number in part.numbers and answers is not None:
            answers.append(_render(part.parts, number, None))
            hint = (part.hint or "").strip()
            out.append(f"[{hint}]" if hint else "[...]")
        else:
            out.append(_render(part.parts, number, answers))
    return "".join(out)


def cloze_numbers(text: str) -> set[int]:
    """The cloze numbers used in a field (0 is not a card)."""
    return _parse_cloze(text)[1]


def cloze_card(text: str, number: int) -> tuple[str, list[str]] | None:
    """(question HTML, deleted texts as HTML) for cloze `number`; None if it is absent."""
    return cloze_cards(text).get(number)


def cloze_cards(text: str) -> dict[int, tuple[str, list[str]]]:
    """`cloze_card` for every cloze number of a field, parsing it once."""
    parts, numbers = _parse_cloze(text)
    cards = {}
    for number in sorted(numbers):
        answers: list[str] = []
        question = _render(parts, number, answers)
        if answers:
            cards[number] = (question, answers)
    return cards


# --- card templates --------------------------------------------------------

_TEMPLATE_REF = re.compile(r"\{\{([^{}]*)\}\}")
_SPECIAL = frozenset(("FrontSide", "Tags", "Type", "Deck", "Subdeck", "Card", "CardFlag",
                      "CardID"))


def template_fields(template: str, field_names: list[str]) -> list[str]:
    """Field names a card template shows, in order of first appearance (no FrontSide)."""
    known = set(field_names)
    found: list[str] = []
    for m in _TEMPLATE_REF.finditer(template):
        ref = m.group(1).strip()
        if not ref or ref[0] in "#^/!":
            continue
        name = ref.rsplit(":", 1)[-1].strip()
        if name in known and name not in _SPECIAL and name not in found:
            found.append(name)
    return found
