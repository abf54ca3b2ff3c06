"""Properties (hypothesis): any sequence of answers, undos and imports keeps every
invariant `flashcards check` verifies; exporting a store and importing the export into
a fresh store gives the same cards, for every export format (deck TOML, cards CSV, apkg).
"""

from __future__ import annotations

import tempfile
from datetime import timedelta
from pathlib import Path

from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from flashcards import service
from flashcards.domain import CardDraft, DeckDraft, SourceRef
from flashcards.store import open_store
from flashcards.store.check import check
from safety import DAY0, T0, query

# --- any sequence of operations keeps the invariants ------------------------------------

answer_op = st.tuples(st.just("answer"), st.integers(0, 30), st.integers(0, 5),
                      st.integers(0, 3))  # card index, grade, days later
undo_op = st.tuples(st.just("undo"))
import_op = st.tuples(st.just("import"), st.sampled_from(["A", "B"]), st.integers(0, 12),
                      st.integers(0, 3), st.booleans())  # deck, size, text version, prune


def deck(name: str, size: int, version: int) -> DeckDraft:
    cards = tuple(CardDraft(key=f"{name}{i}", question=f"{name} question {i}?",
                            answer=f"answer {i} v{version if i % 2 else 0}", tags=("t",))
                  for i in range(size))
    return DeckDraft(name=name, cards=cards)


def apply(store: object, ops: list[tuple[object, ...]]) -> dict[str, int]:
    """Run the operations; return counts the store must agree with."""
    today, moment = DAY0, T0
    counts = {"answers": 0, "undone": 0, "pruned": 0}
    for op in ops:
        moment += timedelta(minutes=7)
        if op[0] == "answer":
            _, index, grade, later = op
            today += timedelta(days=int(later))  # type: ignore[arg-type]
            moment = max(moment, T0 + (today - DAY0))
            with store.raw_read() as conn:  # type: ignore[attr-defined]
                ids = [r[0] for r in conn.execute("SELECT id FROM card ORDER BY id")]
            if ids:
                service.answer(store, ids[int(index) % len(ids)], int(grade), moment, today)
                counts["answers"] += 1
        elif op[0] == "undo":
            counts["undone"] += service.undo_last(store) is not None
        else:
            _, name, size, version, prune = op
            plans = service.import_decks(store, [(deck(str(name), int(size), int(version)),
                                                  None)], moment, prune=bool(prune))
            counts["pruned"] += sum(len(p.pruned) for p in plans)
    counts["today"] = (today - DAY0).days
    return counts


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(answer_op, answer_op, undo_op, import_op), max_size=35))
def test_any_sequence_keeps_the_invariants(ops):
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "store.db"
        store = open_store(path)
        try:
            service.import_decks(store, [(deck("A", 6, 0), None)], T0)
            counts = apply(store, ops)
        finally:
            store.close()
        report = check(path, DAY0 + timedelta(days=counts["today"]), full=True)
        assert report.ok, [f.message for f in report.findings]
        [(reviews,)] = query(path, "SELECT count(*) FROM review")
        if not counts["pruned"]:  # pruning deletes a card's history with it
            assert reviews == counts["answers"] - counts["undone"]


# --- export -> import round trips ------------------------------------------------------------

plain = st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc", "Cf", "Zl", "Zp"),
                              include_characters="\n,;\"'<>&#\\[]{}="),
                min_size=1, max_size=30).map(str.strip).filter(bool)
# Often a start a spreadsheet would run as a formula, or one that looks like the CSV
# export's guard of one (`'=`, `''-`): those texts must come back exactly too.
FORMULA_LIKE = ("=", "+", "-", "@", "'", "'=", "'+", "'-", "'@", "''=", "''-", "'''@")
text = st.one_of(plain, st.builds(str.__add__, st.sampled_from(FORMULA_LIKE), plain))
tag = st.from_regex(r"[A-Za-z0-9_-]{1,8}", fullmatch=True)
card = st.tuples(text, text, st.lists(tag, max_size=3, unique=True))
deck_name = st.from_regex(r"[A-Za-z][A-Za-z0-9 ]{0,11}[A-Za-z0-9]", fullmatch=True)
decks = st.dictionaries(deck_name, st.lists(card, min_size=1, max_size=8,
                                            unique_by=lambda c: c[0]),
                        min_size=1, max_size=2)


def fill(path: Path, content: dict[str, list[tuple[str, str, list[str]]]]) -> None:
    drafts = [(DeckDraft(name=name, cards=tuple(
        CardDraft(key=f"k{i}", question=q, answer=a, tags=tuple(tags),
                  source=SourceRef("article.txt", "S", i + 1, i + 1))
        for i, (q, a, tags) in enumerate(cards))), None) for name, cards in content.items()]
    store = open_store(path)
    try:
        service.import_decks(store, drafts, T0)
    finally:
        store.close()


def cards_of(path: Path, with_keys: bool) -> list[tuple[object, ...]]:
    key = "c.key," if with_keys else ""
    return sorted(query(path, f"SELECT d.name, {key} c.question, c.answer, c.tags "
                              "FROM card c JOIN deck d ON d.id = c.deck_id"))


ROUND_TRIPS = {
    # format: (export arguments, file to import, keys survive)
    "toml": (["export", "decks", "-o", "{dir}/decks/"], "{dir}/decks", True),
    # the CSV importer reads the export's `card_key` column as the key
    "csv": (["export", "cards", "-f", "csv", "-o", "{dir}/cards.csv"], "{dir}/cards.csv", True),
    "apkg": (["export", "apkg", "-o", "{dir}/decks.apkg"], "{dir}/decks.apkg", False),
}


def round_trip(cli, fmt: str, content: dict[str, list[tuple[str, str, list[str]]]]) -> None:
    export_args, target, with_keys = ROUND_TRIPS[fmt]
    with tempfile.TemporaryDirectory() as tmp:
        first, second = Path(tmp) / "first.db", Path(tmp) / "second.db"
        fill(first, content)
        result = cli("--db", str(first), *[a.format(dir=tmp) for a in export_args])
        assert result.exit_code == 0, result.stderr
        files = Path(target.format(dir=tmp))
        paths = sorted(map(str, files.iterdir())) if files.is_dir() else [str(files)]
        result = cli("--db", str(second), "import", *paths)
        assert result.exit_code == 0, result.stderr
        assert cards_of(second, with_keys) == cards_of(first, with_keys)
        again = cli("--db", str(second), "import", *paths)  # a second import changes nothing
        assert again.exit_code == 0, again.stderr
        assert cards_of(second, with_keys) == cards_of(first, with_keys)
        assert check(second, DAY0).ok


# No shrinking: each example runs the CLI three times, and shrinking a failure would
# take minutes; the failing example is printed as found.
_RT = settings(max_examples=12, deadline=None,
               phases=[Phase.explicit, Phase.reuse, Phase.generate],
               suppress_health_check=[HealthCheck.too_slow,
                                      HealthCheck.function_scoped_fixture])


@_RT
@given(content=decks)
def test_round_trip_deck_toml(cli, content):
    round_trip(cli, "toml", content)


@_RT
@given(content=decks)
def test_round_trip_cards_csv(cli, content):
    round_trip(cli, "csv", content)


@_RT
@given(content=decks)
def test_round_trip_apkg(cli, content):
    round_trip(cli, "apkg", content)
