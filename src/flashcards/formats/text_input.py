"""Bytes a user gave us -> text, or one clear error naming the file.

Shared by every reader of text files (articles, TOML decks, CSV/TSV).
"""

from __future__ import annotations

import codecs

from flashcards.domain.errors import InputError

NEWLINE = b"\n"
_UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF32_LE,
               codecs.BOM_UTF32_BE)


def _line_of(data: bytes, offset: int) -> str:
    return f"line {data.count(NEWLINE, 0, offset) + 1}"


def decode_text(data: bytes, path: str) -> str:
    """Decode UTF-8 (a BOM is dropped); refuse binary files and other encodings.

    The error names the file and the line of the first bad byte.
    """
    if data.startswith(_UTF16_BOMS):
        raise InputError(path, None, "is UTF-16 or UTF-32 text; save it as UTF-8")
    nul = data.find(b"\0")
    if nul >= 0:
        raise InputError(path, _line_of(data, nul),
                         "contains NUL bytes: a binary file, not UTF-8 text")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(path, _line_of(data, exc.start),
                         f"not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset "
                         f"{exc.start}); save the file as UTF-8") from None
    return text.removeprefix("\ufeff")
