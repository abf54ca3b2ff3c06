"""`flashcards build`: one deck file per article, counts and warnings, one-line errors,
nothing half-written, and the committed deck reproduced byte for byte."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from flashcards.formats import deckfile

from conftest import ROOT

SEEDS = sorted((ROOT / "seeds").glob("*.txt"))


def test_building_seeds_reproduces_the_committed_decks(cli, tmp_path):
    (tmp_path / "seeds").mkdir()
    for seed in SEEDS:
        shutil.copy(seed, tmp_path / "seeds" / seed.name)
    out = tmp_path / "decks"
    result = cli("build", *[str(tmp_path / "seeds" / s.name) for s in SEEDS], "-o", str(out))
    assert result.exit_code == 0, result.stderr
    committed = sorted(p.name for p in (ROOT / "decks").glob("*.toml"))
    assert sorted(p.name for p in out.iterdir()) == committed == [
        f"{s.stem}.toml" for s in SEEDS]
    for name in committed:
        assert (out / name).read_bytes() == (ROOT / "decks" / name).read_bytes(), name


def test_build_writes_decks_and_reports_counts(cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    shutil.copy(SEEDS[0], tmp_path / "article.txt")
    result = cli("build", "article.txt")
    assert result.exit_code == 0, result.stderr
    deck_file = tmp_path / "decks" / "article.toml"
    text = deck_file.read_text(encoding="utf-8")
    deck = deckfile.loads(text, str(deck_file))
    assert result.stdout == f"decks/article.toml: {len(deck.cards)} cards\n"
    assert deck.name == "article" and deck.source == "../article.txt"
    assert text.startswith("# Built by `flashcards build` from ../article.txt")
    assert not list((tmp_path / "decks").glob(".*"))  # no temp files left


def test_warnings_are_printed_under_their_file(cli, tmp_path):
    from flashcards.builder import build_deck

    text = "Challenges:\n\n1. **Long:**\n2. **B:** Short.\n\nOpportunities:\n"
    article = tmp_path / "long.txt"
    article.write_text(text)
    expected = build_deck(text, str(article))
    assert len(expected.warnings) == 2  # an item with no explanation, an empty section
    result = cli("build", str(article), "-o", str(tmp_path / "out"))
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0].endswith(f"long.toml: {len(expected.deck.cards)} cards")
    assert lines[1:] == [f"  warning: {w}" for w in expected.warnings]
    assert "\u201cLong\u201d" in lines[1] and "line 3" in lines[1]
    assert "\u201cOpportunities\u201d" in lines[2] and "line 6" in lines[2]


def test_rebuild_replaces_the_file(cli, tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("Challenges:\n\n1. **A:** One.\n2. **B:** Two.\n")
    out = tmp_path / "out"
    assert cli("build", str(article), "-o", str(out)).exit_code == 0
    article.write_text("Challenges:\n\n1. **A:** One, reworded.\n2. **B:** Two.\n")
    assert cli("build", str(article), "-o", str(out)).exit_code == 0
    assert "One, reworded." in (out / "a.toml").read_text()


@pytest.mark.parametrize(("content", "words"), [
    (b"", "the article is empty"),
    (b"  \n\n\t\r\n", "the article is empty"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file"),
    ("Challenges:\n1. **Caf\u00e9:** x\n".encode("latin-1"), "not valid UTF-8"),
    ("Challenges:\n".encode("utf-16"), "UTF-16"),
    (b"Just a sentence.\n", "no recognisable structure"),
])
def test_bad_articles_fail_in_one_line_and_write_nothing(cli, tmp_path, content, words):
    good = tmp_path / "good.txt"
    good.write_text("Challenges:\n\n1. **A:** One.\n2. **B:** Two.\n")
    bad = tmp_path / "bad.txt"
    bad.write_bytes(content)
    out = tmp_path / "out"
    result = cli("build", str(good), str(bad), "-o", str(out))
    assert result.exit_code == 1
    assert result.stderr.startswith(f"flashcards: error: {bad}")
    assert words in result.stderr and result.stderr.count("\n") == 1
    assert "Traceback" not in result.stderr
    assert not out.exists()  # the good article's deck is not written either


def test_missing_article_and_clashing_names(cli, tmp_path):
    result = cli("build", str(tmp_path / "nope.txt"), "-o", str(tmp_path / "out"))
    assert result.exit_code == 1 and "cannot read" in result.stderr
    (tmp_path / "x").mkdir()
    for folder in (tmp_path, tmp_path / "x"):
        (folder / "same.txt").write_text("Challenges:\n\n1. **A:** One.\n2. **B:** Two.\n")
    result = cli("build", str(tmp_path / "same.txt"), str(tmp_path / "x" / "same.txt"),
                 "-o", str(tmp_path / "out"))
    assert result.exit_code == 1 and "same file name" in result.stderr


def test_output_dir_that_is_a_file(cli, tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("Challenges:\n\n1. **A:** One.\n2. **B:** Two.\n")
    blocker = tmp_path / "out"
    blocker.write_text("not a folder")
    result = cli("build", str(article), "-o", str(blocker))
    assert result.exit_code == 1 and result.stderr.startswith(f"flashcards: error: {blocker}")
    assert blocker.read_text() == "not a folder"


def test_built_deck_imports_and_text_stays_literal(cli, tmp_path, store):
    from flashcards import service

    from conftest import at

    article = tmp_path / "markup.txt"
    article.write_text("Challenges:\n\n1. **[bold red]x[/]:** Shown \x1b[31mliterally.\n"
                       "2. **B:** Two.\n")
    assert cli("build", str(article), "-o", str(tmp_path)).exit_code == 0
    deck_path: Path = tmp_path / "markup.toml"
    deck = deckfile.loads(deck_path.read_text(encoding="utf-8"), str(deck_path))
    cards = {c.key: c for c in deck.cards}
    assert sorted(cards) == ["challenges/all", "challenges/b/explain",
                             "challenges/bold-red-x/explain"]
    assert cards["challenges/all"].answer == "1. [bold red]x[/]\n2. B"
    assert "\u201c[bold red]x[/]\u201d" in cards["challenges/bold-red-x/explain"].question
    assert cards["challenges/bold-red-x/explain"].answer == "Shown literally."
    assert all("\x1b" not in c.answer + c.question for c in deck.cards)
    (plan,) = service.import_decks(store, [(deck, str(deck_path))], at("2026-03-02T09:00:00Z"))
    assert len(plan.added) == len(deck.cards) == 3


def test_ctrl_c_on_the_third_deck_says_what_was_written(cli, tmp_path, monkeypatch):
    from conftest import interrupt_on_write

    monkeypatch.chdir(tmp_path)
    for name in "abcd":
        (tmp_path / f"{name}.txt").write_text("Challenges:\n\n1. **A:** One.\n2. **B:** Two.\n")
    interrupt_on_write(monkeypatch, 3)
    result = cli("build", "a.txt", "b.txt", "c.txt", "d.txt")
    assert result.exit_code == 130
    assert result.stderr == ("flashcards: interrupted: wrote decks/a.toml, decks/b.toml; "
                             "not written: decks/c.toml, decks/d.toml\n")
    assert sorted(p.name for p in (tmp_path / "decks").iterdir()) == ["a.toml", "b.toml"]
    assert deckfile.loads((tmp_path / "decks" / "b.toml").read_text(), "b.toml").name == "b"


def test_explain_lists_what_the_gate_dropped_and_why(cli, tmp_path):
    article = tmp_path / "court.txt"
    article.write_text("A ruling\n\nBackground:\nThe Court heard the plea in March 2021. "
                       "Petitioners filed 40 pleas in 2020.\n", encoding="utf-8")
    plain = cli("build", str(article), "-o", str(tmp_path / "a"))
    explained = cli("build", str(article), "-o", str(tmp_path / "b"), "--explain")
    assert plain.exit_code == explained.exit_code == 0, explained.stderr
    assert "dropped" not in plain.stdout
    assert "  dropped: 1 candidate" in explained.stdout
    assert "\u201cthe Court\u201d refers to nothing in the card" in explained.stdout
    assert "      A: March 2021" in explained.stdout
    assert (tmp_path / "a" / "court.toml").read_bytes() == (
        tmp_path / "b" / "court.toml").read_bytes().replace(b"../b/", b"../a/")
