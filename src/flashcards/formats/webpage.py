"""A saved web page -> the article's blocks, with trafilatura's main-content extraction
(as Markdown, so headings, lists and bold titles survive). Navigation, cookie banners,
advertisements, share buttons, related posts, comments, footers, scripts and styles are
left behind.
"""

from __future__ import annotations

import re

from flashcards.domain.errors import InputError
from flashcards.formats.blocks import Block, from_markdown, words

MIN_WORDS = 30


def read_page(data: bytes, path: str) -> list[Block]:
    """The article of a saved page; one clear error when the page has none."""
    import logging

    import trafilatura
    from trafilatura.utils import decode_file

    logging.getLogger("trafilatura").setLevel(logging.CRITICAL)  # its own chatter
    html = decode_file(data)
    markdown = trafilatura.extract(
        html, output_format="markdown", include_formatting=True, include_comments=False,
        include_links=False, include_images=False, include_tables=True, deduplicate=False,
        with_metadata=False)
    blocks = from_markdown(_tidy(markdown or ""))
    if words(blocks) < MIN_WORDS:
        raise InputError(path, None, "is a web page with no article body (nothing but menus, "
                         "links or scripts); save the article's own page")
    if not any(b.role == "title" for b in blocks):
        title = trafilatura.extract_metadata(html)
        if title is not None and title.title:
            blocks.insert(_title_place(blocks), Block("title", title.title, level=1))
    return blocks


def _tidy(markdown: str) -> str:
    """trafilatura's Markdown: bold runs padded inside their stars are closed up ("** Term
    **" -> "**Term**"), within a line, from an opening pair only: the closing pair of "-
    **Title:** text" and the opening one of the next item are no bold run (taking them for
    one ran a list's items together, "...1986. -**Sarla Mudgal ...")."""
    return re.sub(r"(?<![^\s(])\*\*[ \t]+([^*\n]+?)[ \t]*\*\*", r"**\1**", markdown)


def _title_place(blocks: list[Block]) -> int:
    """Before the first block, or after a leading syllabus line."""
    first = blocks[0].text if blocks else ""
    return 1 if re.search(r"\bGS\b|syllabus", first, re.IGNORECASE) else 0
