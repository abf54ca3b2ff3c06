"""Anki field text -> plain text: HTML, media references, cloze deletions, template fields.

Standard library only, no I/O. The HTML converter is a small regex tokenizer (faster than
html.parser on the plain fields most decks hold): tags are dropped, line breaks kept,
entities decoded, <script>/<style> contents dropped, media shown as [image: x] / [sound: x].
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

_TOKENS = re.compile(
    r"<!--.*?(?:-->|\Z)"  # a comment (an unclosed one runs to the end)
    r"|<(/?)([a-zA-Z][a-zA-Z0-9]*)((?:\"[^\"]*\"|'[^']*'|[^'\">])*)>"  # a tag
    r"|<![^>]*>|<\?[^>]*>",  # a doctype or processing instruction
    re.DOTALL,
)
_SOUND = re.compile(r"\[sound:([^\]]*)\]")
_SRC = re.compile(r"""\bsrc\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""", re.IGNORECASE)
_SPACE = re.compile(r"[ \t\n\r\f]+")
_BLOCK = frozenset(
    "address article aside blockquote dd div dl dt figcaption figure footer h1 h2 h3 h4 h5 "
    "h6 header hr li main nav ol p pre section table tbody td th thead tr ul".split()
)
_DROP = frozenset(("script", "style", "template", "head", "title"))
_KEEP = "\ue000"  # an entity-made space: survives whitespace collapsing, becomes " " at the end
_MARKUP_HINT = re.compile("[<&\\[\n\r\t\xa0]| {2}")


def html_to_text(field: str) -> str:
    """An Anki field (HTML) as plain text with its line breaks."""
    if not _MARKUP_HINT.search(field):
        return field.strip()
    field = field.replace(_KEEP, " ")
    out: list[str] = []
    pos, drop_until = 0, ""
    for m in _TOKENS.finditer(field):
        if drop_until:
            if m.group(1) and m.group(2).lower() == drop_until:
                drop_until, pos = "", m.end()
            continue
        _text(field[pos:m.start()], out)
        pos = m.end()
        if m.group(2) is None:
            continue  # comment, doctype
        closing, name = bool(m.group(1)), m.group(2).lower()
        if name in _DROP and not closing:
            if not m.group(3).rstrip().endswith("/"):
                drop_until = name
        elif name == "br":
            out.append("\n")
        elif name in _BLOCK:
            _soft_break(out)
            if name == "li" and not closing:
                out.append("- ")
        elif name == "img" and not closing:
            src = _SRC.search(m.group(3))
            if src:
                name = next(g for g in src.groups() if g is not None)
                out.append(f"[image: {html.unescape(name)}]")
    if not drop_until:
        _text(field[pos:], out)
    return _finish("".join(out))


def _text(segment: str, out: list[str]) -> None:
    if not segment:
        return
    segment = _SPACE.sub(" ", segment)
    if "&" in segment:
        segment = html.unescape(segment)
    segment = segment.replace("\xa0", _KEEP)
    out.append(_SOUND.sub(lambda m: f"[sound: {m.group(1).strip()}]", segment))


def _soft_break(out: list[str]) -> None:
    while out and not out[-1].strip(" "):
        out.pop()  # collapsible space before a block boundary
    if out and not out[-1].endswith("\n"):
        out.append("\n")


def _finish(text: str) -> str:
    lines = [re.sub(" {2,}", " ", line).strip(" ").replace(_KEEP, " ") for line in
             text.split("\n")]
    return "\n".join(lines).strip("\n").strip()


# --- cloze deletions (after Anki's rslib/src/cloze.rs) ------------------------

_CLOZE = re.compile(r"\{\{c([\d,]*\d[\d,]*)::|\}\}")
_MAX_NESTING = 10


@dataclass
class _Cloze:
    numbers: frozenset[int]
    parts: list[str | _Cloze]
    hint: str | None = None


def _parse_cloze(text: str) -> list[str | _Cloze]:
    root: list[str | _Cloze] = []
    stack: list[_Cloze] = []

    def add_text(chunk: str) -> None:
        if not chunk:
            return
        if stack:
            top = stack[-1]
            if "::" in chunk:  # Anki: the first "::" in a text run starts the hint
                chunk, top.hint = chunk.split("::", 1)
            top.parts.append(chunk)
        else:
            root.append(chunk)

    pos = 0
    for m in _CLOZE.finditer(text):
        add_text(text[pos:m.start()])
        pos = m.end()
        if m.group(1) is not None:
            numbers = frozenset(int(n) for n in m.group(1).split(",") if n)
            if len(stack) < _MAX_NESTING:
                stack.append(_Cloze(numbers, []))
        elif stack:
            done = stack.pop()
            (stack[-1].parts if stack else root).append(done)
        else:
            root.append("}}")
    add_text(text[pos:])
    return root  # an unclosed cloze is dropped, as Anki does


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
    found: set[int] = set()
    for m in _CLOZE.finditer(text):
        if m.group(1):
            found.update(int(n) for n in m.group(1).split(",") if n and int(n) > 0)
    return found


def cloze_card(text: str, number: int) -> tuple[str, list[str]] | None:
    """(question HTML, deleted texts as HTML) for cloze `number`; None if it is absent."""
    answers: list[str] = []
    question = _render(_parse_cloze(text), number, answers)
    return (question, answers) if answers else None


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
