"""Sources as students have them (issue 13): a saved blog page, a PDF of one article and
a monthly compilation PDF build the same cards as the article's plain text, with none
of the clutter around it; `flashcards add` builds and imports in one step."""

from __future__ import annotations

import io
import re
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from flashcards.builder import build_deck
from flashcards.formats.sources import read_source

from source_util import (
    ARTICLES,
    CLUTTER,
    PDF_CLUTTER,
    article_pdf,
    blog_page,
    compilation_pdf,
    two_column_pdf,
)

SINGLE = "bilateral-france.txt"  # three A5 pages in article_pdf
COMPILED = ["coral-reefs-bleaching.txt", "pm-kusum.txt", "india-japan-relations.txt"]


def _plain(name: str) -> str:
    return (ARTICLES / name).read_text(encoding="utf-8")


def _cards(text: str, name: str = "x.md") -> set[tuple[str, ...]]:
    """Each card's key, question, answer, kind, tags and section: what a student sees."""
    return {(c.key, c.question, c.answer, c.kind, *c.tags, c.source.section or "")
            for c in build_deck(text, name).deck.cards}


@pytest.fixture(scope="module")
def pdf_bytes() -> bytes:
    return article_pdf(_plain(SINGLE))


@pytest.fixture(scope="module")
def compilation_bytes() -> bytes:
    return compilation_pdf([_plain(n) for n in COMPILED])


def _raw_pdf_text(data: bytes) -> str:
    from pdfminer.high_level import extract_text

    return extract_text(io.BytesIO(data))


def test_a_saved_blog_page_builds_the_plain_texts_cards_without_its_clutter():
    page = blog_page(_plain(SINGLE)).encode()
    assert all(word in page.decode() for word in CLUTTER)  # the page has all of it
    [article] = read_source(page, "post.html", "post")
    assert article.extracted and article.name == "post"
    assert not [w for w in CLUTTER if w in article.text]
    assert _cards(article.text) == _cards(_plain(SINGLE))


def test_a_three_page_pdf_builds_the_plain_texts_cards(pdf_bytes):
    raw = _raw_pdf_text(pdf_bytes)
    assert raw.count("Current Affairs Notes") == 3 and "Page 3" in raw  # running lines
    assert re.search(r"[a-z]-\n[a-z]", raw)  # words hyphenated at a line end
    [article] = read_source(pdf_bytes, "note.pdf", "note")
    assert not [w for w in PDF_CLUTTER if w in article.text]
    assert not re.search(r"[a-z]-[a-z]+ion\b", article.text)  # 'stra-tegic' is whole again
    assert _cards(article.text) == _cards(_plain(SINGLE))


def test_a_pdf_in_two_columns_is_read_column_by_column():
    data = two_column_pdf(_plain(SINGLE))
    raw = _raw_pdf_text(data)
    assert "Page 2" in raw  # it runs over pages, column to column
    [article] = read_source(data, "cols.pdf", "cols")
    assert not [w for w in PDF_CLUTTER if w in article.text]
    assert _cards(article.text) == _cards(_plain(SINGLE))


def test_a_compilation_is_one_deck_per_article_without_cover_contents_or_mcqs(
        compilation_bytes):
    raw = _raw_pdf_text(compilation_bytes)
    assert "Contents" in raw and "Practice Questions" in raw and "Monthly Current" in raw
    articles = read_source(compilation_bytes, "nov.pdf", "nov")
    assert [a.name for a in articles] == [
        "nov-coral-reefs-fourth-global-bleaching-event",
        "nov-pm-kusum-solarising-indian-agriculture",
        "nov-india-japan-relations-areas-of-cooperation"]
    for article, name in zip(articles, COMPILED, strict=True):
        assert not [w for w in PDF_CLUTTER if w in article.text], name
        assert _cards(article.text) == _cards(_plain(name)), name


def test_the_format_comes_from_the_content_not_the_extension(pdf_bytes):
    page = blog_page(_plain(SINGLE)).encode()
    [from_page] = read_source(page, "post.txt", "post")
    [from_pdf] = read_source(pdf_bytes, "note.md", "note")
    assert "<" not in from_page.text and "%PDF" not in from_pdf.text
    assert from_page.text.startswith("UPSC Syllabus Topic") and "# India" in from_pdf.text


# --- the commands ----------------------------------------------------------


def _cards_in_store(db_path: Path) -> int:
    with closing(sqlite3.connect(db_path)) as conn:
        return conn.execute("SELECT count(*) FROM card").fetchone()[0]


def test_build_writes_the_article_text_beside_each_deck(cli, tmp_path, compilation_bytes):
    source = tmp_path / "nov.pdf"
    source.write_bytes(compilation_bytes)
    out = tmp_path / "decks"
    result = cli("build", str(source), "-o", str(out))
    assert result.exit_code == 0, result.stderr
    assert sorted(p.name for p in out.iterdir()) == sorted(
        f"nov-{s}{ext}" for s in ("coral-reefs-fourth-global-bleaching-event",
                                  "pm-kusum-solarising-indian-agriculture",
                                  "india-japan-relations-areas-of-cooperation")
        for ext in (".toml", ".source.md"))
    deck = (out / "nov-pm-kusum-solarising-indian-agriculture.toml").read_text()
    assert 'source = "nov-pm-kusum-solarising-indian-agriculture.source.md"' in deck


def test_add_then_review_then_add_again_then_the_passage_without_the_pdf(
        cli, tmp_path, db_path, pdf_bytes, monkeypatch):
    source = tmp_path / "today" / "france.pdf"
    source.parent.mkdir()
    source.write_bytes(pdf_bytes)
    first = cli("add", str(source))
    assert first.exit_code == 0, first.stderr
    n = len(_cards(_plain(SINGLE)))  # the PDF builds the plain text's cards (tested above)
    assert re.search(rf"added +{n}\n", first.stdout), first.stdout
    assert f"Imported 1 deck: {n} added." in first.stdout
    decks = tmp_path / "data" / "decks"
    assert (decks / "france.toml").is_file() and (decks / "france.source.md").is_file()
    assert _cards_in_store(db_path) == n
    again = cli("add", str(source))
    assert again.exit_code == 0 and "no changes" in again.stdout
    source.unlink()  # the passage is read from france.source.md beside the deck
    monkeypatch.chdir(tmp_path / "data")  # paths are shown relative to here
    review = cli("review", "--lines", input="\ns\n\n5\nq\n")
    assert review.exit_code == 0, review.stderr
    flat = re.sub(r"[\s\u2502]+", " ", review.stdout)  # the panel's wrapped lines, joined
    assert re.search(r"decks/france\.source\.md, line 5 Introduction French President "
                     r"Emmanuel Macron was the chief guest", flat), flat
    with closing(sqlite3.connect(db_path)) as conn:
        assert conn.execute("SELECT count(*) FROM review").fetchone()[0] == 1


def test_add_keeps_progress_when_the_source_is_updated(cli, tmp_path, db_path):
    text = _plain("pm-kusum.txt")
    source = tmp_path / "kusum.html"
    source.write_text(blog_page(text))
    assert cli("add", str(source)).exit_code == 0
    assert cli("review", "--lines", input="\n5\nq\n").exit_code == 0
    edited = text.replace("30.8 GW", "34.8 GW")
    source.write_text(blog_page(edited))
    result = cli("add", str(source))
    assert result.exit_code == 0, result.stderr
    assert re.search(r"updated +[1-9]", result.stdout) and "added           0" in result.stdout
    with closing(sqlite3.connect(db_path)) as conn:
        assert conn.execute("SELECT count(*) FROM review").fetchone()[0] == 1
        assert conn.execute("SELECT count(*) FROM card").fetchone()[0] == len(
            _cards(edited))


def test_add_dry_run_writes_nothing(cli, tmp_path, db_path, pdf_bytes):
    source = tmp_path / "france.pdf"
    source.write_bytes(pdf_bytes)
    result = cli("add", str(source), "--dry-run")
    assert result.exit_code == 0, result.stderr
    assert re.search(rf"added +{len(_cards(_plain(SINGLE)))}\n", result.stdout), result.stdout
    assert not (tmp_path / "data" / "decks").exists()
    assert not db_path.exists() or _cards_in_store(db_path) == 0


def test_an_article_on_standard_input_needs_a_name(cli, tmp_path, db_path):
    text = _plain("pm-kusum.txt")
    missing = cli("add", "-", input=text)
    assert missing.exit_code == 1 and "--name" in missing.stderr
    result = cli("add", "-", "--name", "kusum", input=text)
    assert result.exit_code == 0, result.stderr
    decks = tmp_path / "data" / "decks"
    assert (decks / "kusum.source.md").read_text() == text  # stdin is gone: keep it
    assert _cards_in_store(db_path) == len(_cards(text))


# --- bad input: one line, nothing written ---------------------------------


def _encrypted_pdf() -> bytes:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_encryption(owner_password="owner", user_password="secret")
    pdf.add_page()
    pdf.set_font("helvetica", size=12)
    pdf.cell(0, 10, "Challenges: a locked article.")
    return bytes(pdf.output())


def _scanned_pdf(tmp_path: Path) -> bytes:
    from fpdf import FPDF
    from PIL import Image

    picture = tmp_path / "scan.png"
    Image.new("L", (200, 280), 235).save(picture)
    pdf = FPDF()
    pdf.add_page()
    pdf.image(str(picture), x=10, y=10, w=180)
    return bytes(pdf.output())


NO_BODY = (b"<!DOCTYPE html><html><head><title>Forum</title></head><body><nav><a href='/'>"
           b"Home</a> <a href='/x'>Prelims</a></nav><footer>All rights reserved</footer>"
           b"</body></html>")


@pytest.mark.parametrize("case", ["encrypted", "scanned", "no body", "empty", "binary",
                                  "broken pdf", "too big"])
def test_bad_sources_fail_in_one_line_and_write_nothing(cli, tmp_path, db_path, case):
    good = tmp_path / "good.txt"
    good.write_text(_plain("pm-kusum.txt"))
    bad = tmp_path / {"no body": "page.html", "empty": "empty.md", "binary": "x.txt",
                      "too big": "huge.pdf"}.get(case, "bad.pdf")
    expected = {"encrypted": "is an encrypted PDF", "scanned": "has no text: it is scanned "
                "images; run OCR first", "no body": "is a web page with no article body",
                "empty": "the article is empty", "binary": "a binary file",
                "broken pdf": "is a PDF that cannot be read", "too big": "over 100 MB"}[case]
    if case == "encrypted":
        bad.write_bytes(_encrypted_pdf())
    elif case == "scanned":
        bad.write_bytes(_scanned_pdf(tmp_path))
    elif case == "no body":
        bad.write_bytes(NO_BODY)
    elif case == "empty":
        bad.write_bytes(b"")
    elif case == "binary":
        bad.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    elif case == "broken pdf":
        bad.write_bytes(article_pdf(_plain("pm-kusum.txt"))[:1500])
    else:
        with bad.open("wb") as sparse:
            sparse.truncate(101 * 1024 * 1024)
    for command in (["build", "-o", str(tmp_path / "out")], ["add"]):
        result = cli(*command, str(good), str(bad))
        assert result.exit_code == 1, (case, result.stdout)
        assert result.stderr.count("\n") == 1, result.stderr
        assert result.stderr.startswith(f"flashcards: error: {bad}: ")
        assert expected in result.stderr, result.stderr
        assert not (tmp_path / "out").exists() and not (tmp_path / "data" / "decks").exists()
        assert not db_path.exists() or _cards_in_store(db_path) == 0


def test_the_progress_bar_shows_on_a_terminal_only(monkeypatch):
    from rich.console import Console

    from flashcards.ui.plan import steps_progress

    quiet = Console(file=io.StringIO(), force_terminal=False)
    with steps_progress(quiet) as step:
        assert step is None
    screen = io.StringIO()
    monkeypatch.setenv("TERM", "xterm-256color")  # rich draws no live bar on a dumb one
    loud = Console(file=screen, force_terminal=True, width=80)
    with steps_progress(loud) as step:
        assert step is not None
        step("Reading nov.pdf", 75, 150)
    assert "Reading nov.pdf" in screen.getvalue() and "75/150" in screen.getvalue()


@pytest.mark.parametrize(("left", "right", "joined"), [
    ("their stra-", "tegic partnership", "their strategic partnership"),
    ("seeks co-", "development", "seeks co-development"),  # written so elsewhere
    ("the India-", "South Korea ties", "the India-South Korea ties"),
    ("during COVID-", "19 and after", "during COVID-19 and after"),
    ("the first", "strategic partner", "the first strategic partner"),
    ("**Reassess-", "ment:** text", "**Reassessment:** text"),
])
def test_a_word_broken_at_a_line_end_is_joined_again(left, right, joined):
    from flashcards.formats.pdf import _join

    assert _join(left, right, {"co-development"}) == joined


def test_a_web_page_printed_to_pdf_by_a_browser_builds_the_plain_texts_cards():
    """A real browser's PDF: headings at 2x and 1.5x the body size (one article, not a
    compilation of its sections), the page's furniture in the text, a word broken at
    its own hyphen ('treaty-' + 'based')."""
    data = (Path(__file__).parent / "data" / "sources" /
            "blog-page-printed-by-chromium.pdf").read_bytes()
    raw = _raw_pdf_text(data)
    assert "We use cookies" in raw and "Popular posts" in raw and "treaty-\nbased" in raw
    [article] = read_source(data, "printed.pdf", "printed")
    assert not [w for w in CLUTTER if w in article.text], article.text
    assert "treaty-based" in article.text
    assert _cards(article.text) == _cards(_plain(SINGLE))


@pytest.mark.parametrize(("left", "right", "joined"), [
    ("a treaty-", "based body", "a treaty-based body"),  # a compound's usual second word
    ("the pro-", "gramme ran", "the programme ran"),  # a prefix-like break is a break
    ("India's self-", "reliance", "India's self-reliance"),
])
def test_a_line_that_ends_at_a_compounds_own_hyphen_keeps_it(left, right, joined):
    from flashcards.formats.pdf import _join

    assert _join(left, right, set()) == joined


def test_a_saved_pages_list_of_bold_titles_stays_one_item_a_line():
    """A `<ul>` of `<li><strong>Case (year):</strong> text</li>` (round 18's saved page):
    each item on its own line, a space after its title; closing up padded bold had run the
    items together ("... Act, 1986. -**Sarla Mudgal ... (1995):**held ...")."""
    items = [("Mohd. Ahmed Khan v. Shah Bano Begum (1985):", "upheld a divorced Muslim "
              "woman's right to maintenance under Section 125 of the CrPC."),
             ("Sarla Mudgal v. Union of India (1995):", "held that conversion to Islam "
              "solely to remarry does not avoid bigamy."),
             ("Shayara Bano v. Union of India (2017):", "set aside instant triple talaq.")]
    body = "".join(f"<li><strong>{t}</strong> {x}</li>" for t, x in items)
    page = ("<!doctype html><html><head><title>The Uniform Civil Code</title></head><body>"
            "<nav><a href='/'>Home</a> <a href='/news'>News</a></nav><article>"
            "<h1>The Uniform Civil Code</h1><p>Article 44 of the Constitution asks the State "
            "to endeavour to secure a uniform civil code for citizens throughout the territory "
            "of India, and the debate over it is as old as the Republic itself.</p>"
            f"<h2>The judicial push</h2><p>Key judgments on Article 44:</p><ul>{body}</ul>"
            "</article><footer>Cookies help us deliver our services.</footer></body></html>")
    [article] = read_source(page.encode(), "ucc.html", "ucc")
    lines = article.text.splitlines()
    for title, text in items:
        assert f"- **{title}** {text}" in lines, article.text
