"""Test sources made from our plain-text articles: a saved blog page with all its
clutter, a PDF of one article with running headers and footers, and a monthly
compilation PDF (cover, contents, articles, an MCQ box after each).

Deterministic: fpdf2 with the DejaVu subsets in tests/fonts (no creation date in the
PDF), so the same article always makes the same bytes.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

FONTS = Path(__file__).parent / "fonts"
ARTICLES = Path(__file__).parent / "articles"
_HEADING = re.compile(r"^(#+ )?[^.!?]{2,80}(:|\u2014.*)$|^#+ |^The Way Forward")
_ITEM = re.compile(r"^(\s*)(\d+\.|[-\u2022*])\s+(.*)")
_LONG_WORD = re.compile(r"\b([a-z]{4,})([a-z]{5,})\b")

CLUTTER = ["We use cookies", "Accept all cookies", "Prelims Test Series", "Mentorship Programme",
           "Subscribe now", "Share this", "WhatsApp", "Related articles", "Quad summit outcomes",
           "Great article", "mock interview", "Popular posts", "Top 10 schemes",
           "Download our app", "All rights reserved", "Privacy policy", "Posted on",
           "font-family", "dataLayer"]
PDF_CLUTTER = ["Current Affairs Notes", "Page ", "www.", "Practice Questions",
               "Consider the following", "Answer:", "Contents", "Monthly Compilation"]


@dataclass(frozen=True)
class Block:
    role: str  # syllabus, title, heading, item, paragraph
    text: str
    depth: int = 0
    marker: str = ""


def blocks(text: str) -> list[Block]:
    """The article's lines as blocks: the title is the first line after the syllabus."""
    found: list[Block] = []
    lines = [line.rstrip() for line in text.splitlines() if line.strip()]
    for number, line in enumerate(lines):
        item = _ITEM.match(line)
        if line.startswith(" ") and found and found[-1].role == "item" and not item:
            last = found.pop()  # a line of its own inside the item above
            found.append(Block("item", f"{last.text}\n{line.strip()}", last.depth, last.marker))
        elif number == 0 and ("GS" in line or "Syllabus" in line):
            found.append(Block("syllabus", line))
        elif not any(b.role == "title" for b in found) and not item:
            found.append(Block("title", line.strip("#* ")))
        elif item:
            found.append(Block("item", item[3], len(item[1]) // 2, item[2]))
        elif _HEADING.match(line):
            found.append(Block("heading", line.lstrip("# ")))
        else:
            found.append(Block("paragraph", line))
    return found


# --- a saved web page ------------------------------------------------------


def _inline(text: str) -> str:
    return re.sub(r"\*\*(.+?)\*\*", r"<strong>\1</strong>", html.escape(text, quote=False))


def _body_html(article: list[Block]) -> str:
    out: list[str] = []
    open_lists: list[str] = []
    for block in article:
        depth = block.depth + 1 if block.role == "item" else 0
        while len(open_lists) > depth:
            out.append(f"</{open_lists.pop()}>")
        if block.role == "item":
            if len(open_lists) < depth:
                tag = "ol" if block.marker[:1].isdigit() else "ul"
                out.append(f"<{tag}>")
                open_lists.append(tag)
            out.append(f"<li>{_inline(block.text)}</li>")
        elif block.role == "title":
            out.append(f"<h1 class=\"entry-title\">{_inline(block.text)}</h1>")
        elif block.role == "heading":
            out.append(f"<h2>{_inline(block.text)}</h2>")
        else:
            out.append(f"<p>{_inline(block.text)}</p>")
    out += [f"</{tag}>" for tag in reversed(open_lists)]
    return "\n".join(out)


def blog_page(text: str) -> str:
    """The article as a coaching institute's blog post saved from the browser."""
    title = next(b.text for b in blocks(text) if b.role == "title")
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{html.escape(title)} - Forum Blog</title>
<style>.ad {{ color: red }} body {{ font-family: sans-serif }}</style>
<script>window.dataLayer = []; var promo = "Subscribe now for 50% off";</script>
</head><body>
<div id="cookie-banner" class="cookie-notice">We use cookies to improve your experience.
<button>Accept all cookies</button></div>
<header><nav class="main-menu"><ul><li><a href="/">Home</a></li><li><a href="/mains">UPSC
Mains</a></li><li><a href="/prelims">Prelims Test Series</a></li><li><a href="/login">Login</a>
</li></ul></nav></header>
<div class="ad-banner ad"><a href="/offer">Join our Mentorship Programme 2027: admissions
open!</a></div>
<main><article class="post">
<div class="entry-meta">Posted on 12 November 2026 by Forum Editor</div>
<div class="entry-content">
{_body_html(blocks(text))}
<div class="share-buttons">Share this: <a href="#">Facebook</a> <a href="#">X</a>
<a href="#">WhatsApp</a></div>
</div></article>
<section class="related-posts"><h3>Related articles</h3><ul><li><a href="/a">India-Japan ties
reach new heights</a></li><li><a href="/b">Quad summit outcomes explained</a></li></ul></section>
<section id="comments" class="comments-area"><h3>2 thoughts on this post</h3>
<div class="comment"><p class="comment-author">Ravi Kumar</p><p>Great article, very helpful for
GS paper 2. Please post more on the Indo-Pacific.</p></div>
<div class="comment"><p class="comment-author">Anjali</p><p>Thanks, this point was asked in my
mock interview.</p></div></section></main>
<aside class="sidebar"><h3>Popular posts</h3><ul><li><a href="/c">Top 10 schemes for Prelims
2027</a></li><li><a href="/d">How to write a good answer in 150 words</a></li></ul>
<div class="ad">Download our app for daily quizzes</div></aside>
<footer class="site-footer"><p>Copyright 2026 Forum IAS. All rights reserved.</p>
<p><a href="/privacy">Privacy policy</a> | <a href="/terms">Terms</a></p></footer>
</body></html>
"""


# --- PDFs ------------------------------------------------------------------


def _soft_hyphens(text: str) -> str:
    """Long words may break at a line end with a hyphen, as typeset PDFs do."""
    return _LONG_WORD.sub(lambda m: f"{m[1]}\u00ad{m[2]}", text)


def _new_pdf(running_header: str, cover_pages: int = 0):
    from fpdf import FPDF

    class Doc(FPDF):
        def header(self):
            if self.page_no() <= cover_pages:
                return
            self.set_font("dejavu", "", 7)
            self.set_text_color(110)
            self.cell(0, 5, running_header, align="C")
            self.ln(9)
            self.set_text_color(0)

        def footer(self):
            if self.page_no() <= cover_pages:
                return
            self.set_y(-13)
            self.set_font("dejavu", "", 7)
            self.set_text_color(110)
            self.cell(0, 5, f"www.forum-notes.example      Page {self.page_no()}", align="C")
            self.set_text_color(0)

    doc = Doc(format=(148, 210))  # A5, in mm
    doc.set_creation_date(datetime(2026, 11, 30, tzinfo=UTC))
    doc.add_font("dejavu", "", str(FONTS / "DejaVuSans-subset.ttf"))
    doc.add_font("dejavu", "B", str(FONTS / "DejaVuSans-Bold-subset.ttf"))
    doc.set_margins(14, 12, 14)
    doc.set_auto_page_break(True, 18)
    return doc


def _write_article(pdf, text: str) -> None:
    for block in blocks(text):
        if block.role == "title":
            pdf.set_font("dejavu", "B", 16)
            pdf.multi_cell(0, 8, block.text, new_x="LMARGIN")
            pdf.ln(3)
        elif block.role == "heading":
            pdf.ln(2)
            pdf.set_font("dejavu", "B", 11.5)
            pdf.multi_cell(0, 6, block.text, new_x="LMARGIN")
            pdf.ln(1)
        elif block.role == "item":
            pdf.set_font("dejavu", "", 9.5)
            marker = block.marker if block.marker[:1].isdigit() else "\u2022"
            pdf.set_x(pdf.l_margin + 3 + 6 * block.depth)
            pdf.cell(6, 5, marker)
            pdf.multi_cell(0, 5, _soft_hyphens(block.text), markdown=True, new_x="LMARGIN")
            pdf.ln(1.5)
        else:
            pdf.set_font("dejavu", "", 9.5)
            pdf.multi_cell(0, 5, _soft_hyphens(block.text), markdown=True, new_x="LMARGIN")
            pdf.ln(3)


def article_pdf(text: str) -> bytes:
    """One article, with a running header and footer on every page."""
    pdf = _new_pdf("Forum Current Affairs Notes | November 2026")
    pdf.add_page()
    _write_article(pdf, text)
    return bytes(pdf.output())


def two_column_pdf(text: str) -> bytes:
    """One article set in two columns under a full-width title, as magazines and many
    compilations print them: paragraphs and items run on from column to column and from
    page to page (fpdf2's text columns, ragged right, no hanging indents)."""
    pdf = _new_pdf("Forum Current Affairs Notes | November 2026")
    pdf.add_page()
    article = blocks(text)
    for block in article:
        if block.role == "syllabus":
            pdf.set_font("dejavu", "", 9.5)
            pdf.multi_cell(0, 5, block.text, new_x="LMARGIN")
            pdf.ln(2)
    pdf.set_font("dejavu", "B", 16)
    pdf.multi_cell(0, 8, next(b.text for b in article if b.role == "title"), new_x="LMARGIN")
    pdf.ln(3)
    with pdf.text_columns(ncols=2, gutter=6, text_align="LEFT") as cols:
        for block in article:
            if block.role in ("title", "syllabus"):
                continue
            heading = block.role == "heading"
            spacing = {"heading": 1, "item": 1.5}.get(block.role, 3)
            with cols.paragraph(text_align="LEFT", top_margin=2 if heading else 0,
                                bottom_margin=spacing, line_height=1.49) as para:
                pdf.set_font("dejavu", "B" if heading else "", 11.5 if heading else 9.5)
                if block.role == "item":
                    marker = block.marker if block.marker[:1].isdigit() else "\u2022"
                    para.write(f"{marker} {_soft_hyphens(block.text)}")
                else:
                    para.write(block.text if heading else _soft_hyphens(block.text))
    return bytes(pdf.output())


MCQ = ["Practice Questions",
       "Q1. Consider the following statements about the topic above: 1. It was set up in "
       "1998. 2. It is a statutory body. Which of the statements given above is/are correct?",
       "(a) 1 only   (b) 2 only   (c) Both 1 and 2   (d) Neither 1 nor 2",
       "Answer: (a)"]


def _mcq_box(pdf) -> None:
    """A boxed practice question, as compilations put after each article."""
    pdf.ln(4)
    top = pdf.get_y()
    pdf.set_x(pdf.l_margin + 3)
    pdf.set_font("dejavu", "B", 10)
    pdf.multi_cell(pdf.epw - 6, 6, MCQ[0], new_x="LMARGIN")
    pdf.set_font("dejavu", "", 9)
    for line in MCQ[1:]:
        pdf.set_x(pdf.l_margin + 3)
        pdf.multi_cell(pdf.epw - 6, 5, line, new_x="LMARGIN")
    pdf.rect(pdf.l_margin, top - 2, pdf.epw, pdf.get_y() - top + 4)


def compilation_pdf(texts: list[str], month: str = "November 2026") -> bytes:
    """A monthly compilation: a cover, a contents page, then each article on new pages
    with a boxed MCQ after it."""
    pdf = _new_pdf(f"Forum Monthly Compilation | {month}", cover_pages=1)
    pdf.add_page()
    pdf.set_font("dejavu", "B", 24)
    pdf.ln(50)
    pdf.multi_cell(0, 12, f"Monthly Current Affairs\n{month}", align="C", new_x="LMARGIN")
    pdf.set_font("dejavu", "", 11)
    pdf.multi_cell(0, 8, "For UPSC Civil Services Preliminary and Main Examination",
                   align="C", new_x="LMARGIN")
    titles = [next(b.text for b in blocks(t) if b.role == "title") for t in texts]
    pdf.add_page()
    pdf.set_font("dejavu", "B", 16)
    pdf.multi_cell(0, 8, "Contents", new_x="LMARGIN")
    pdf.ln(3)
    pdf.set_font("dejavu", "", 9.5)
    for number, title in enumerate(titles, 1):
        top = pdf.get_y()
        pdf.multi_cell(pdf.epw - 12, 6, f"{number}. {title}", new_x="LMARGIN")
        below = pdf.get_y()
        pdf.set_xy(pdf.l_margin + pdf.epw - 10, top)  # the page number beside line one
        pdf.cell(10, 6, str(3 * number), align="R")
        pdf.set_xy(pdf.l_margin, below)
    for text in texts:
        pdf.add_page()
        _write_article(pdf, text)
        _mcq_box(pdf)
    return bytes(pdf.output())
