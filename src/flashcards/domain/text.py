"""Untrusted text: strip what must never reach a terminal. Standard library only."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from itertools import islice

# Escape sequences first (so their parameters do not survive as visible junk), then any
# C0 control but tab and newline, DEL, C1 controls, and bidi embeddings/overrides/isolates.
_ESCAPES = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]"  # CSI ... final byte
    r"|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?"  # OSC ... BEL or ST
    r"|\x1b[PX^_][^\x1b]*(?:\x1b\\)?"  # DCS, SOS, PM, APC strings
    r"|\x1b[@-Z\\-_]"  # two-byte escapes
    r"|\x9b[0-?]*[ -/]*[@-~]"  # 8-bit CSI
)
_PRINTABLE_ASCII = bytes(range(0x20, 0x7F)) + b"\t\n"  # what clean keeps of ASCII
_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def clean(text: str) -> str:
    """Normalise line ends and remove terminal escapes and control characters."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if text.isprintable() or not _CONTROLS.search(text):  # every escape starts with one
        return text
    return _CONTROLS.sub("", _ESCAPES.sub("", text))


def plain_ascii(text: str) -> bool:
    """Whether the text is ASCII with no control character but tab, newline and CR: then a
    part of it is printable exactly when it holds none of those three, which `in` finds
    far faster than str.isprintable, a call per character (a 100,000-row import)."""
    return text.isascii() and not text.encode("ascii").translate(None, _PRINTABLE_ASCII + b"\r")


def needs_cleaning(texts: Iterable[str]) -> bool:
    """Whether `clean` would change any of these texts: a few thousand at a time, much
    faster than a call per text for the many short texts of a deck."""
    left = iter(texts)
    while batch := list(islice(left, 4096)):
        chunk = "\n".join(batch)
        if chunk.isascii():  # most decks: drop the printable bytes, see if any are left
            if chunk.encode("ascii").translate(None, _PRINTABLE_ASCII):
                return True
        elif "\r" in chunk or _CONTROLS.search(chunk) is not None:
            return True
    return False



# --- search ------------------------------------------------------------------

_ACCENTED = re.compile("[\u00c0-\u024f\u1e00-\u1eff]")  # Latin letters that may carry marks
_MARKS = re.compile("[\u0300-\u036f]+")


def fold(text: str) -> str:
    """Lower case, accents removed ('El Niño' -> 'el nino'): how search compares text."""
    if text.isascii() or not _ACCENTED.search(text):
        return text.lower()
    return _MARKS.sub("", unicodedata.normalize("NFKD", text)).lower()


def search_text(question: str, answer: str, tags: str) -> str | None:
    """What card search reads beside the card's own columns: its text folded, for a card
    with accented letters; None for the rest, which SQLite's LIKE (case-insensitive for
    ASCII) matches in the columns themselves."""
    if question.isascii() and answer.isascii() and tags.isascii():
        return None  # (a flag of each string: no need to join them first)
    text = f"{question}\n{answer}\n{tags}"
    if not _ACCENTED.search(text):
        return None
    return fold(text)
