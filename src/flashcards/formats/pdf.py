"""PDF bytes -> the article's blocks (title, headings, paragraphs, list items), with
pdfminer.six's layout analysis.

What a reader of the printed page ignores is dropped: running headers and footers (a
line in the page margins that repeats on other pages, digits aside) and page numbers;
text inside a drawn box (compilations box their practice questions). Headings come from
font size and weight, paragraphs and list items are rejoined across lines and pages, and
a word hyphenated at a line end is joined again.
"""

from __future__ import annotations

import io
import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import NamedTuple

from flashcards.domain.errors import InputError
from flashcards.formats.blocks import Block

_MARKER = re.compile(r"^(\d{1,2}[.)]|[a-z][.)]|\(?[ivx]{1,4}\)|[\u2022\u25cf\u25aa\u25e6\u2023"
                     r"\u2013\u2014*\-\u27a2\u2713])\s+")
_PAGE_NUMBER = re.compile(r"^(page\s*)?[\divxlc]{1,4}(\s*(of|/)\s*\d{1,4})?$|^[-\u2013]\s*\d{1,4}"
                          r"\s*[-\u2013]$", re.IGNORECASE)
_UNFINISHED = re.compile(r"([\u2013\u2014,:-]|\b(and|of|to|the|for|in|on|with|a|an))\s*$",
                         re.IGNORECASE)
_ENDS_SENTENCE = re.compile(r"[.!?:;\"\u201d)\]]$")
_MARGIN = 0.1  # running headers and footers live in the top and bottom tenth of a page


@dataclass
class Row:
    """One printed line: the text pieces on one baseline of a page, left to right."""

    page: int
    x0: float
    x1: float
    top: float
    size: float
    letters: int
    bold: int  # how many of its letters are set in a bold face
    text: str  # with **bold** runs marked
    boxed: bool = False
    column: int = 0  # 1: the right column of a page set in two


@dataclass
class _Page:
    rows: list[Row] = field(default_factory=list)
    height: float = 0.0


def _is_bold(fontname: str) -> bool:
    name = fontname.split("+")[-1].lower()
    return any(w in name for w in ("bold", "black", "heavy", "semibold", "demi"))


def _pieces(line: object) -> tuple[str, int, int, float]:
    """A pdfminer text line -> (text with **bold** runs, letters, bold letters, size)."""
    from pdfminer.layout import LTChar

    out: list[str] = []
    bold_now = False
    letters = bold_letters = 0
    sizes: Counter[float] = Counter()
    for item in line:  # type: ignore[attr-defined]
        text = item.get_text()
        if isinstance(item, LTChar) and text.strip():
            bold = _is_bold(item.fontname)
            letters += 1
            bold_letters += bold
            sizes[round(item.size, 1)] += 1
            if bold != bold_now:
                out.append("**")
                bold_now = bold
        out.append(text)
    if bold_now:
        out.append("**")
    text = re.sub(r"\s+", " ", "".join(out)).strip()
    text = re.sub(r"\*\*(\s*)\*\*", r"\1", text)  # a bold run broken by nothing
    text = re.sub(r"(\s+)\*\*(?=\S)", r"**\1", text) if text.startswith("**") else text
    size = sizes.most_common(1)[0][0] if sizes else 0.0
    return text, letters, bold_letters, size


class _Line(NamedTuple):
    top: float
    x0: float
    x1: float
    text: str
    letters: int
    bold: int
    size: float
    boxed: bool
    column: int = 0


def _page_rows(page: object, number: int) -> _Page:
    from pdfminer.layout import LTCurve, LTTextContainer, LTTextLine

    boxes: list[tuple[float, float, float, float]] = []
    found: list[tuple[float, float, float, str, int, int, float]] = []

    def walk(items: Iterable[object]) -> None:
        for item in items:
            if isinstance(item, LTTextLine):
                text, letters, bold, size = _pieces(item)
                if letters:
                    found.append((item.y1, item.x0, item.x1, text, letters, bold, size))
            elif isinstance(item, LTTextContainer):
                walk(item)
            elif isinstance(item, LTCurve) and item.width > 50 and item.height > 20:
                boxes.append(item.bbox)

    walk(page)  # type: ignore[arg-type]
    lines = [_Line(*line, boxed=any(bx0 - 2 <= line[1] and line[2] <= bx1 + 2
                                    and by0 <= line[0] <= by1 + 2
                                    for bx0, by0, bx1, by1 in boxes)) for line in found]
    result = _Page(height=page.height)  # type: ignore[attr-defined]
    for line in _reading_order(lines, page.width):  # type: ignore[attr-defined]
        last = result.rows[-1] if result.rows else None
        if last is not None and last.column == line.column \
                and abs(last.top - line.top) < max(line.size, last.size) * 0.4:
            joined = f"{last.text} {line.text}" if line.x0 >= last.x1 - 1 else \
                f"{line.text} {last.text}"
            last.text = joined  # the pieces of one baseline are one row
            last.letters += line.letters
            last.bold += line.bold
            last.x0, last.x1 = min(last.x0, line.x0), max(last.x1, line.x1)
            last.size = max(last.size, line.size)
            last.boxed = last.boxed and line.boxed
            continue
        result.rows.append(Row(number, line.x0, line.x1, line.top, line.size, line.letters,
                               line.bold, line.text, line.boxed, line.column))
    return result


def _reading_order(lines: list[_Line], width: float) -> list[_Line]:
    """Top to bottom; on a page set in two columns, the left column before the right
    one between lines that span both (a title, a box), and the right column's lines
    moved onto the left one's edge, so indents read the same in both."""
    lines = sorted(lines, key=lambda ln: (-round(ln.top), ln.x0))
    mid = width / 2
    left = [ln for ln in lines if ln.x1 <= mid + 2]
    right = [ln for ln in lines if ln.x0 >= mid - 2]
    if len(left) < 5 or len(right) < 5:
        return lines
    shift = min(ln.x0 for ln in right) - min(ln.x0 for ln in left)
    highest = max(ln.top for ln in right) + max(ln.size for ln in right)
    ordered: list[_Line] = []
    band: tuple[list[_Line], list[_Line]] = ([], [])
    for line in lines:
        if line.x1 <= mid + 2 and line.top <= highest:  # above the columns: full width
            band[0].append(line)
        elif line.x0 >= mid - 2:
            band[1].append(line._replace(x0=line.x0 - shift, x1=line.x1 - shift, column=1))
        else:  # across both columns: the band above it is read first
            ordered += band[0] + band[1] + [line]
            band = ([], [])
    return ordered + band[0] + band[1]


def read_pages(data: bytes, path: str,
               progress: Callable[[int, int], None] | None = None) -> list[_Page]:
    """Every page's rows; an encrypted, broken or text-less PDF is one clear error."""
    from pdfminer.converter import PDFPageAggregator
    from pdfminer.layout import LAParams
    from pdfminer.pdfdocument import PDFDocument, PDFEncryptionError, PDFPasswordIncorrect
    from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
    from pdfminer.pdfpage import PDFPage
    from pdfminer.pdfparser import PDFParser

    try:
        document = PDFDocument(PDFParser(io.BytesIO(data)))
        total = _page_count(document)
        manager = PDFResourceManager(caching=True)
        device = PDFPageAggregator(manager, laparams=LAParams())
        interpreter = PDFPageInterpreter(manager, device)
        pages: list[_Page] = []
        for number, page in enumerate(PDFPage.create_pages(document), 1):
            interpreter.process_page(page)
            pages.append(_page_rows(device.get_result(), number))
            if progress is not None:
                progress(number, total)
    except (PDFPasswordIncorrect, PDFEncryptionError):
        raise InputError(path, None, "is an encrypted PDF; save an unlocked copy (print it "
                         "to PDF) and build that") from None
    except Exception as exc:  # broken bytes make pdfminer raise errors of many kinds
        detail = " ".join(str(exc).split())[:80]
        raise InputError(path, None, f"is a PDF that cannot be read ({type(exc).__name__}"
                         f"{': ' + detail if detail else ''}); is it complete?") from None
    if not pages:
        raise InputError(path, None, "is a PDF with no pages")
    if not any(page.rows for page in pages):
        raise InputError(path, None, "has no text: it is scanned images; run OCR first "
                         "(for example ocrmypdf) and build the result")
    return pages


def _page_count(document: object) -> int:
    from pdfminer.pdftypes import resolve1

    try:
        pages = resolve1(document.catalog["Pages"])  # type: ignore[attr-defined]
        return int(resolve1(pages["Count"]))
    except Exception:  # only for the progress bar
        return 0


# --- rows -> blocks ----------------------------------------------------------


def _shape(text: str) -> str:
    return re.sub(r"\d+", "#", text.replace("**", "")).strip().lower()


def _drop_running(pages: list[_Page]) -> None:
    """Drop running headers, footers and page numbers from the pages' margins."""
    seen: Counter[str] = Counter()
    for page in pages:
        seen.update({_shape(r.text) for r in page.rows if _in_margin(r, page)})
    repeat = 2 if len(pages) > 1 else 10**9
    for page in pages:
        page.rows = [r for r in page.rows if not (
            _in_margin(r, page) and (seen[_shape(r.text)] >= repeat
                                     or _PAGE_NUMBER.match(r.text.replace("**", ""))))]


def _in_margin(row: Row, page: _Page) -> bool:
    return row.top > page.height * (1 - _MARGIN) or row.top < page.height * _MARGIN + 12


def _body_size(rows: list[Row]) -> float:
    sizes: Counter[float] = Counter()
    for row in rows:
        sizes[row.size] += len(row.text)
    return sizes.most_common(1)[0][0] if sizes else 10.0


def _level(row: Row, body: float) -> int:
    """1 for a title, 2 for a heading, 0 for body text."""
    plain = row.text.replace("**", "")
    if row.size >= body * 1.35:
        return 1
    if (row.size >= body * 1.1 or row.bold > 0.9 * row.letters) and len(plain.split()) <= 14 \
            and not _MARKER.match(plain):
        return 2
    return 0


def _join(left: str, right: str, words: set[str]) -> str:
    """Two printed lines of one paragraph. A word hyphenated at the line end is joined
    again: 'stra-' + 'tegic' is 'strategic'. The hyphen stays in a compound the article
    writes hyphenated elsewhere ('co-' + 'development'), in one of two words it uses on
    their own and never joined ('treaty-' + 'based'), and before a capital or a digit
    ('India-' + 'South Korea', 'COVID-' + '19'). `words`: the document's words, and its
    hyphenated compounds."""
    hyphen = re.search(r"([A-Za-z]+)-(\*\*)?$", left)
    if hyphen is None:
        return f"{left} {right}"
    start = re.match(r"(\*\*)?([a-z]+)", right)
    keep = start is None or _compound(hyphen[1].lower(), start[2], words)
    if keep and not re.match(r"(\*\*)?[A-Za-z0-9]", right):
        return f"{left} {right}"  # a dash standing for a pause: 'reforms -' + '(a) ...'
    return left[:hyphen.start()] + hyphen[1] + ("-" if keep else "") + (hyphen[2] or "") + right


def _words(rows: list[Row]) -> set[str]:
    """The document's words and hyphenated compounds, leaving out the two halves of each
    word broken at a line end."""
    found: set[str] = set()
    broken = False
    for row in rows:
        tokens = re.findall(r"[A-Za-z]+(?:-[a-z]+)?-?", row.text.replace("**", ""))
        if broken and tokens:
            tokens = tokens[1:]
        broken = bool(tokens) and tokens[-1].endswith("-")
        found.update(t.lower() for t in tokens if not t.endswith("-"))
    return found


# Second words of compounds news writing hyphenates ('treaty-based', 'state-run'), and
# first parts that keep their hyphen ('self-reliance', 'non-alignment'): a line that ends
# at such a hyphen ends at a real one.
_TAILS = frozenset("""based led run owned backed funded sponsored driven oriented bound
    related level scale wide term making friendly free intensive specific dependent centric
    sector building sharing linked resistant efficient ridden affected prone hit born made
    sized style""".split())
_HEADS = frozenset({"self", "non"})  # not 'pre', 'inter', 'pro': 'pro-gramme' is a break


def _compound(head: str, tail: str, words: set[str]) -> bool:
    if f"{head}-{tail}" in words or tail in _TAILS or head in _HEADS:
        return f"{head}{tail}" not in words
    return f"{head}{tail}" not in words and head in words and tail in words


def blocks_of(pages: list[_Page]) -> list[Block]:
    """The article's blocks in reading order, without the margins and boxed text."""
    _drop_running(pages)
    rows = [r for page in pages for r in page.rows if not r.boxed]
    body = _body_size(rows)
    spacing = _line_spacing(rows, body)
    right = _right_edge(rows, body)
    words = _words(rows)
    blocks: list[Block] = []
    margins: list[float] = []  # the left edge of each open list level
    previous: Row | None = None
    for row in rows:
        level = _level(row, body)
        plain = row.text.replace("**", "")
        marker = _MARKER.match(plain)
        current = blocks[-1] if blocks else None
        if current is not None and previous is not None and _continues(
                previous, row, current, level, bool(marker), body, spacing, right):
            if current.level:
                current.text = f"{current.text} {plain}"
            elif _broken(previous, row, right):  # the next word would have fitted
                current.text = f"{current.text}\n{row.text}"
            else:
                current.text = _join(current.text, row.text, words)
            previous = row
            continue
        if marker:
            while margins and row.x0 < margins[-1] - 2:
                margins.pop()
            if not margins or row.x0 > margins[-1] + 2:
                margins.append(row.x0)
            kind = marker[1]
            text = row.text[row.text.index(kind) + len(kind):].strip()
            numbered = kind[0].isdigit()
            blocks.append(Block("item", text, depth=len(margins) - 1,
                                marker=kind if numbered else "-", page=row.page, x0=row.x0))
        else:
            if level or row.x0 < (margins[0] - 2 if margins else 0) or not _hangs(row, margins):
                margins = []
            role = {1: "title", 2: "heading"}.get(level, "paragraph")
            blocks.append(Block(role, plain if level else row.text, level=level,
                                size=row.size, page=row.page, x0=row.x0))
        previous = row
    for block in blocks:
        text = re.sub(r"\*\*\s*\*\*", " ", block.text)
        block.text = "\n".join(re.sub(r"\s+", " ", line).strip() for line in text.split("\n"))
    return blocks


def _right_edge(rows: list[Row], body: float) -> float:
    """Where full lines of body text end: most lines of a paragraph reach it."""
    ends = sorted(r.x1 for r in rows if r.size == body)
    return ends[len(ends) * 9 // 10] if ends else 0.0


def _broken(previous: Row, row: Row, right: float) -> bool:
    """Whether the line before `row` ends early, where its first word would have fitted:
    the article broke the line there (a line of its own inside an item)."""
    plain = previous.text.replace("**", "")
    width = (previous.x1 - previous.x0) / max(len(plain), 1)  # of one character
    first = row.text.replace("**", "").split()[0]
    return previous.page == row.page and previous.column == row.column \
        and previous.x1 + width * (len(first) + 2) < right


def _hangs(row: Row, margins: list[float]) -> bool:
    return bool(margins) and row.x0 > margins[0] + 2


def _line_spacing(rows: list[Row], body: float) -> float:
    gaps: Counter[float] = Counter()
    for a, b in zip(rows, rows[1:], strict=False):
        if a.page == b.page and a.size == b.size == body and 0 < a.top - b.top < body * 3:
            gaps[round(a.top - b.top, 1)] += 1
    return gaps.most_common(1)[0][0] if gaps else body * 1.2


def _continues(previous: Row, row: Row, block: Block, level: int, marker: bool,
               body: float, spacing: float, right: float) -> bool:
    """Whether `row` goes on the paragraph, item or heading that `previous` printed."""
    if marker or level != block.level or block.role not in ("paragraph", "item", "title",
                                                            "heading"):
        return False
    if level:  # a heading printed on two lines: same size, close together
        if abs(previous.size - row.size) >= 0.2:
            return False
        if previous.page != row.page or previous.column != row.column:  # and one that
            return bool(_UNFINISHED.search(previous.text.replace("**", "")))  # runs on
        return 0 < previous.top - row.top < row.size * 2
    if row.page != previous.page or row.column != previous.column:
        # on at the top of the next page or column, at the same indent
        full = previous.x1 >= right - body * 2
        hangs = row.x0 > block.x0 + 2
        same = abs(row.x0 - previous.x0) < 2
        numbered = re.search(r"\s\d{1,4}$", previous.text)  # a contents line's page number
        indent = (hangs or (same and not numbered) if block.role == "item" else same)
        return indent and (full or not _ENDS_SENTENCE.search(previous.text.replace("**", "")))
    gap = previous.top - row.top
    if gap > spacing * 1.25 or gap <= 0:
        return False
    if block.role == "item":
        return row.x0 > previous.x0 - 2 or abs(row.x0 - previous.x0) < 2
    return True
