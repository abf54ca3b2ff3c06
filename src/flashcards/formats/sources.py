"""A source a student has (plain text, Markdown, a saved web page, a PDF, a monthly
compilation) -> the articles in it, each as the text the builder reads.

The format comes from the content (magic bytes, markup), not from the extension. A web
page or PDF is turned into Markdown, which is kept beside the deck file (NAME.source.md)
so a card's line span still shows its passage after the original is gone.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from flashcards.domain.errors import InputError
from flashcards.formats.blocks import markdown
from flashcards.formats.text_input import decode_text

MAX_BYTES = 100 * 1024 * 1024
_HTML = re.compile(rb"^\s*(<\?xml[^>]*>\s*)?(<!--.*?-->\s*)*(<!doctype\s+html|<html|<head|<body)",
                   re.IGNORECASE | re.DOTALL)
_NOT_TEXT = {b"\x89PNG": "a PNG image", b"\xff\xd8\xff": "a JPEG image", b"GIF8": "a GIF image",
             b"PK\x03\x04": "a zip archive (a Word or Anki file?)", b"\x1f\x8b": "a gzip archive",
             b"SQLite format 3\x00": "an SQLite database", b"\x7fELF": "a program",
             b"\xd0\xcf\x11\xe0": "an old Office document"}


@dataclass(frozen=True)
class SourceArticle:
    name: str  # the deck's name (and its file's stem)
    text: str  # what the builder reads
    extracted: bool  # True: the text is not the file itself; keep it beside the deck


def kind_of(data: bytes) -> str:
    """'pdf', 'html' or 'text', from the content."""
    if data[:1024].lstrip().startswith(b"%PDF-") or b"%PDF-" in data[:1024]:
        return "pdf"
    if _HTML.match(data[:4096].removeprefix(b"\xef\xbb\xbf")):
        return "html"
    return "text"


def check_size(size: int, path: str) -> None:
    if size > MAX_BYTES:
        raise InputError(path, None, f"is {size / 1024 / 1024:.0f} MB; sources over "
                         f"{MAX_BYTES // 1024 // 1024} MB are refused (split the file)")


def read_source(data: bytes, path: str, stem: str, *, stdin: bool = False,
                progress: Callable[[int, int], None] | None = None) -> list[SourceArticle]:
    """The articles of one source. `stem` names its deck (or, for a compilation, begins
    each deck's name); `progress(page, pages)` follows a long PDF."""
    check_size(len(data), path)
    if not data.strip():
        raise InputError(path, None, "the article is empty")
    for magic, what in _NOT_TEXT.items():
        if data.startswith(magic):
            raise InputError(path, None, f"is {what} (a binary file), not an article: "
                             "give text, Markdown, a saved web page or a PDF")
    kind = kind_of(data)
    if kind == "text":
        return [SourceArticle(stem, decode_text(data, path), extracted=stdin)]
    from flashcards.formats.compilation import split

    if kind == "pdf":
        from flashcards.formats.pdf import blocks_of, read_pages

        blocks = blocks_of(read_pages(data, path, progress))
    else:
        from flashcards.formats.webpage import read_page

        blocks = read_page(data, path)
    parts = split(blocks)
    if not parts:
        raise InputError(path, None, "has no article text")
    if len(parts) == 1:
        return [SourceArticle(stem, markdown(parts[0].blocks), extracted=True)]
    return _named([(part.title, markdown(part.blocks)) for part in parts], stem)


def _named(parts: list[tuple[str, str]], stem: str) -> list[SourceArticle]:
    """A compilation's articles, each named after the compilation and its title."""
    seen: dict[str, int] = {}
    articles = []
    for title, text in parts:
        words = re.findall(r"[^\W_]+", title.lower().replace("\u2019", "").replace("'", ""))
        name = f"{stem}-{'-'.join(words[:6]) or 'article'}"
        seen[name] = seen.get(name, 0) + 1
        if seen[name] > 1:
            name = f"{name}-{seen[name]}"
        articles.append(SourceArticle(name, text, extracted=True))
    return articles
