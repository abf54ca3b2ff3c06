"""Building decks: `flashcards build` of one article and of ten in one command, whole
processes (model load included), medians, beside `python -c "import spacy"` and a load
of the English model in the same run.

    uv run python bench/bench_build.py [--runs 5]

The articles are the test articles (tests/articles/), written to a temp folder as the
ten inputs. Runs are taken in turn (import spacy, load the model, one article, ten
articles, ...); each line gives the median wall and CPU time (CPU time is the steadier
figure on a busy machine) and the peak RSS.

Targets (issue 12): one article at most 3 s, ten articles at most 6 s, on the shared
2-core machine.
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
from pathlib import Path

from common import FLASHCARDS, PYTHON, interleaved_runs, report_runs

ARTICLES = Path(__file__).resolve().parent.parent / "tests" / "articles"
LOAD = ("from flashcards.builder import nlp; nlp.pipeline()")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5, help="timed runs of each command")
    args = parser.parse_args()
    articles = sorted(p for p in ARTICLES.iterdir() if p.suffix in (".txt", ".md"))
    articles = [a for a in articles if a.stat().st_size > 1000][:10]
    with tempfile.TemporaryDirectory(prefix="bench-build-") as tmp:
        work = Path(tmp)
        for article in articles:
            shutil.copy(article, work / article.name)
        one = str(work / articles[0].name)
        ten = [str(work / a.name) for a in articles]
        commands = {
            "import spacy": [PYTHON, "-c", "import spacy"],
            "load the model": [PYTHON, "-c", LOAD],
            "build 1 article": [FLASHCARDS, "build", one, "-o", str(work / "out1")],
            f"build {len(ten)} articles": [FLASHCARDS, "build", *ten, "-o",
                                           str(work / "out10")],
        }
        print(f"{args.runs} runs each, in turn; article: {articles[0].name} "
              f"({articles[0].stat().st_size:,} bytes)")
        results = interleaved_runs(commands, args.runs)
        report_runs([(name, results[name], "") for name in commands])


if __name__ == "__main__":
    main()
