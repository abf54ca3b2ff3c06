"""Inline Markdown as plain text, and a list item's title and explanation.

'**Title:** explanation', 'Title - explanation', 'Title: explanation' or a title on its
own line; a label that is a clause ('It ranks countries on four indicators:') is no title.
"""

from __future__ import annotations

import re

from markdown_it import MarkdownIt

from flashcards.builder.language import (
    PRONOUN_STARTS,
    count_words,
    is_case,
    is_verb,
    is_year,
    squash,
    title_case,
)

MD = MarkdownIt("commonmark").enable("table")  # (GFM tables: "| Indicator | Value |")
_LEAD_BOLD = re.compile(r"^(\*\*|__)(.+?)\1(.*)$", re.DOTALL)
_SEPARATORS = (":", "\u2013", "\u2014", " -", "-", ".")


def plain(markdown: str) -> str:
    """Inline Markdown as plain text: emphasis, code marks and links dropped."""
    tokens = MD.parseInline(markdown)
    out: list[str] = []
    for token in tokens[0].children or [] if tokens else []:
        if token.type in ("text", "code_inline"):
            out.append(token.content)
        elif token.type in ("softbreak", "hardbreak"):
            out.append("\n")
        elif token.type == "html_inline":
            out.append(token.content if not token.content.startswith("<") else "")
    return "".join(out)


def split_label(text: str) -> tuple[str | None, str]:
    """'Relations Overview: text' -> ('Relations Overview', 'text'); short labels only."""
    first = text.split("\n", 1)[0]
    head, colon, rest = first.partition(":")
    head = squash(plain(head)).strip("*_ ")
    year = is_year(head) and rest[:1] == " "
    case = is_case(head)  # "Association for Democratic Reforms v Election
    # Commission of India (2024)": a case's name, however long
    if not colon or not head or count_words(head) > (16 if case else 8) \
            or (head.isdigit() and not year) \
            or rest[:2].strip()[:1].isdigit() and re.search(r"(?<![\w-])\d{1,2}$", head) \
            and not year:  # (not "Population 2010: 411", a label with its year)
        return None, text  # "10:30", a time; "Chandrayaan-4: The Cabinet ..." is a title,
        # and so is "2006: 1,411 tigers."
    return head, (rest + text[len(first):]).strip()




def _is_clause(label: str) -> bool:
    """'It ranks countries on four indicators' (before a colon) is a sentence, not a title."""
    words = label.split()
    if title_case(label):
        return False  # "Integrated Watershed Management Programme (2009-10)": a name in
        # title case, whatever its words end in ("Watershed" is no verb)
    return words[0].lower() in PRONOUN_STARTS or (
        len(words) >= 4 and any(is_verb(w) for w in words[1:-1])) or (
        len(words) >= 6 and words[0].lower() in ("the", "a", "an"))  # "The guidelines
    # divide plastic packaging into four categories: ..."


def split_item(raw: str) -> tuple[str | None, str]:
    """A list item's first paragraph -> (title or None, explanation), plain text."""
    bold = _LEAD_BOLD.match(raw)
    if bold:
        title, rest = bold[2].strip(), bold[3]
        stripped = rest.lstrip(" \t")
        if title.endswith((":", "\u2013", "\u2014", "-", ".")):
            return squash(plain(title.rstrip(":\u2013\u2014-. "))), squash(plain(rest))
        if stripped.startswith(_SEPARATORS):
            return squash(plain(title)), squash(plain(stripped[1:].lstrip("-")))
        if not stripped or stripped.startswith("\n") or stripped[:1].isupper():
            return squash(plain(title)), squash(plain(rest))
    text = plain(raw).strip()
    first, _, more = text.partition("\n")
    label, rest = split_label(text)
    if label is not None and (count_words(label) <= 10 or is_case(label)) \
            and (not _is_clause(label) or is_case(label)):
        return label, squash(rest)
    for dash in (" \u2013 ", " \u2014 ", " - "):
        head, found, tail = first.partition(dash)
        if found and count_words(head) <= 8:
            return squash(head), squash(tail + " " + more)
    if more and count_words(first) <= 10 and first.rstrip()[-1:] not in ".!?,;":
        return squash(first), squash(more)
    return None, squash(text)
