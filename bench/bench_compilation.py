"""Building a monthly compilation: `flashcards build` of a generated 150-page PDF (dozens
of articles, each with its boxed practice questions, behind a cover and a contents
page), whole processes, medians, beside two baselines in the same run: pdfminer.six's
own `extract_text` of the same PDF (the floor for reading it), and `flashcards build` of
the same articles as plain-text files (the builder's share).

    uv run python bench/bench_compilation.py [--runs 3] [--pages 150]

The articles are the test articles (tests/articles/), repeated with numbered titles
until the PDF has the pages asked for (tests/source_util.py lays them out with fpdf2).
Each line gives the median wall and CPU time and the peak RSS.

Target (issue 13): a 150-page compilation builds in at most 30 s on the shared 2-core
machine. Measured 7 December 2026, 3 runs, 157 pages, 60 articles: pdfminer
extract_text 4.3 s (87 MB), the 60 plain articles 17.5 s (165 MB), the PDF 24.2 s
(173 MB): reading and splitting the PDF costs about 7 s over the builder's own work.
"""

from __future__ import annotations

import argparse
import io
import re
import sys
import tempfile
from pathlib import Path

from common import FLASHCARDS, PYTHON, interleaved_runs, report_runs

TESTS = Path(__file__).resolve().parent.parent / "tests"
sys.path.insert(0, str(TESTS))

from source_util import ARTICLES, blocks, compilation_pdf  # noqa: E402


def _articles(pages: int) -> list[str]:
    """Test articles with numbered titles, enough to fill `pages` pages."""
    from pdfminer.pdfpage import PDFPage

    plain = [p.read_text(encoding="utf-8") for p in sorted(ARTICLES.iterdir())
             if p.suffix in (".txt", ".md") and p.stat().st_size > 1000]
    plain = [t for t in plain if not re.search("[\u0900-\u097f]", t)]  # no Devanagari font
    texts: list[str] = []
    while True:
        for text in plain:
            title = next(b.text for b in blocks(text) if b.role == "title")
            texts.append(text.replace(title, f"{title} ({len(texts) + 1})", 1))
        data = compilation_pdf(texts)
        if sum(1 for _ in PDFPage.get_pages(io.BytesIO(data))) >= pages:
            return texts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3, help="timed runs of each command")
    parser.add_argument("--pages", type=int, default=150, help="pages in the compilation")
    args = parser.parse_args()
    texts = _articles(args.pages)
    with tempfile.TemporaryDirectory(prefix="bench-compilation-") as tmp:
        work = Path(tmp)
        pdf = work / "monthly.pdf"
        pdf.write_bytes(compilation_pdf(texts))
        plain = []
        for number, text in enumerate(texts, 1):
            path = work / f"article-{number:03d}.md"
            path.write_text(text, encoding="utf-8")
            plain.append(str(path))
        from pdfminer.pdfpage import PDFPage

        with pdf.open("rb") as stream:
            pages = sum(1 for _ in PDFPage.get_pages(stream))
        commands = {
            "pdfminer extract_text": [PYTHON, "-c", "import sys; from pdfminer.high_level "
                                      "import extract_text; extract_text(sys.argv[1])",
                                      str(pdf)],
            f"build {len(texts)} plain articles": [FLASHCARDS, "build", *plain, "-o",
                                                   str(work / "plain")],
            f"build the {pages}-page PDF": [FLASHCARDS, "build", str(pdf), "-o",
                                            str(work / "pdf")],
        }
        print(f"{args.runs} runs each, in turn; {pdf.name}: {pages} pages, {len(texts)} "
              f"articles, {pdf.stat().st_size:,} bytes")
        results = interleaved_runs(commands, args.runs)
        report_runs([(name, results[name], "") for name in commands])
        built = sorted((work / "pdf").glob("*.toml"))
        print(f"decks from the PDF: {len(built)} (articles: {len(texts)})")


if __name__ == "__main__":
    main()
