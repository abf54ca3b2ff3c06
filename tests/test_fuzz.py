"""Fuzzing (hypothesis): the importers (CSV/TSV, deck TOML, Anki packages) and the article
builder get random and mutated inputs. Only our clear errors (FlashcardsError) may escape,
and through the command line a failed import writes nothing."""

from __future__ import annotations

import io
import sqlite3
import tempfile
import zipfile
from datetime import datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from flashcards.builder import build_deck
from flashcards.domain import CardDraft, DeckDraft
from flashcards.domain.errors import FlashcardsError
from flashcards.formats import deckfile
from flashcards.formats.detect import read_files
from flashcards.store.check import check
from safety import T0, seed_store, snapshot

ROOT = Path(__file__).resolve().parent.parent
ARTICLE = (ROOT / "seeds" / "india-south-korea-defence.txt").read_bytes()
DECK_TOML = (ROOT / "decks" / "india-south-korea-defence.toml").read_bytes()[:20_000]
CSV = ("question,answer,tags,key\n" + "".join(
    f'"Q{i}, ""quoted""?","A{i}\nline",t{i % 3},k{i}\n' for i in range(30))).encode()
TSV = b"#separator:tab\n#html:true\n#tags column:3\n" + b"".join(
    f"Front {i}\t<b>Back</b> {i}&nbsp;x\ttag{i}\n".encode() for i in range(30))


def _apkg() -> bytes:
    from flashcards.formats.apkg import write_apkg

    cards = tuple(CardDraft(key=f"k{i}", question=f"Q {i}?", answer=f"A <b>{i}</b>",
                            tags=("t",)) for i in range(20))
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "x.apkg"
        write_apkg([DeckDraft("Fuzz", cards)], path, now=datetime.fromisoformat(
            "2026-03-02T09:00:00+00:00"))
        return path.read_bytes()


APKG = _apkg()
SEEDS = {"csv": CSV, "tsv": TSV, "toml": DECK_TOML, "apkg": APKG, "txt": ARTICLE[:6000]}


@st.composite
def mutated(draw: st.DrawFn, seed: bytes) -> bytes:
    """The seed with a few random edits: flips, deletions, insertions, truncation."""
    data = bytearray(seed)
    for _ in range(draw(st.integers(1, 6))):
        if not data:
            break
        at = draw(st.integers(0, len(data) - 1))
        edit = draw(st.sampled_from(["flip", "delete", "insert", "truncate", "repeat"]))
        if edit == "flip":
            data[at] = draw(st.integers(0, 255))
        elif edit == "delete":
            del data[at:at + draw(st.integers(1, 64))]
        elif edit == "insert":
            data[at:at] = draw(st.binary(min_size=1, max_size=16) | st.sampled_from(
                [b'"', b"\n", b"\r", b"\t", b",", b"[", b"]]", b"=", b"\x00", b"\xff\xfe",
                 b"{{c1::", b"}}", b"<br>", b"\\u0000", b"'''", b'"""']))
        elif edit == "truncate":
            del data[at:]
        else:
            data[at:at] = data[at:at + draw(st.integers(1, 200))] * draw(st.integers(2, 50))
    return bytes(data)


def _rezip(apkg: bytes, member: bytes) -> bytes:
    """The package with its collection replaced (a well-formed zip, a damaged database)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(apkg)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            dst.writestr(info.filename, member if info.filename.startswith("collection")
                         else src.read(info))
    return out.getvalue()


def _collection(apkg: bytes) -> bytes:
    with zipfile.ZipFile(io.BytesIO(apkg)) as src:
        return src.read(next(n for n in src.namelist() if n.startswith("collection")))


def _sql_mutated(apkg: bytes, statements: list[str]) -> bytes:
    """The package with its collection changed by SQL: valid SQLite, hostile content."""
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "c.db"
        db.write_bytes(_collection(apkg))
        conn = sqlite3.connect(db)
        for sql in statements:
            try:
                conn.execute(sql)
            except sqlite3.Error:
                pass
        conn.commit()
        conn.close()
        return _rezip(apkg, db.read_bytes())


HOSTILE_SQL = st.lists(st.sampled_from([
    "UPDATE notes SET flds = ''", "UPDATE notes SET flds = x'ff00fe'",
    "UPDATE notes SET flds = flds || char(31) || flds", "UPDATE notes SET mid = 12345",
    "UPDATE notes SET tags = '   '", "DELETE FROM col", "UPDATE col SET models = '{'",
    "UPDATE col SET models = '[]'", "UPDATE col SET decks = 'null'",
    "UPDATE cards SET nid = 999999", "UPDATE cards SET did = -1", "UPDATE cards SET ord = 99",
    "UPDATE cards SET ivl = -5, factor = 0, due = 99999999999",
    "UPDATE notes SET flds = replace(flds, 'Q', '{{c1::Q')", "DROP TABLE cards",
    "DROP TABLE notes", "UPDATE col SET ver = 99", "INSERT INTO revlog VALUES "
    "(1, 1, 1, 9, -3, 0, 0, 0, 7)", "UPDATE notes SET flds = printf('%.*c', 100000, 'x')",
]), min_size=1, max_size=4)

SUFFIX = {"csv": ".csv", "tsv": ".txt", "toml": ".toml", "apkg": ".apkg", "txt": ".txt"}


def parse(kind: str, data: bytes) -> None:
    """What `flashcards import` does before touching the store (or `build` for articles)."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"input{SUFFIX[kind]}"
        path.write_bytes(data)
        if kind == "txt":
            build_deck(data.decode("utf-8", "replace"), path.name)
        else:
            for deck, _ in read_files([path], with_progress=True).decks:
                assert deck.name and all(c.key for c in deck.cards)


def only_our_errors(kind: str, data: bytes) -> None:
    try:
        parse(kind, data)
    except FlashcardsError as exc:
        assert str(exc).strip(), "an error without a message"


FAST = settings(max_examples=60, deadline=None, phases=[Phase.explicit, Phase.reuse,
                                                         Phase.generate, Phase.shrink],
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


@pytest.mark.parametrize("kind", sorted(SEEDS))
def test_the_seeds_themselves_parse(kind: str):
    parse(kind, SEEDS[kind])


@pytest.mark.parametrize("kind", sorted(SEEDS))
@FAST
@given(data=st.data())
def test_mutated_inputs_raise_only_our_errors(kind: str, data: st.DataObject):
    only_our_errors(kind, data.draw(mutated(SEEDS[kind])))


@FAST
@given(raw=st.binary(max_size=400) | st.text(max_size=400).map(str.encode))
def test_random_bytes_raise_only_our_errors(raw: bytes):
    for kind in ("csv", "toml", "txt"):
        only_our_errors(kind, raw)


@FAST
@given(statements=HOSTILE_SQL)
def test_hostile_package_content_raises_only_our_errors(statements: list[str]):
    only_our_errors("apkg", _sql_mutated(APKG, statements))


@FAST
@given(data=st.data())
def test_well_zipped_damaged_collection_raises_only_our_errors(data: st.DataObject):
    only_our_errors("apkg", _rezip(APKG, data.draw(mutated(_collection(APKG)))))


@FAST
@given(text=st.text(st.characters(codec="utf-8"), max_size=2000))
def test_builder_on_random_text_raises_only_our_errors(text: str):
    lines = ["# Title", "## Section", "- **Item**: " + text[:200], text, "1. " + text[-100:]]
    for candidate in (text, "\n".join(lines)):
        try:
            result = build_deck(candidate, "article.txt")
        except FlashcardsError:
            continue
        assert all(card.key and card.question.strip() for card in result.deck.cards)
        deckfile.loads(deckfile.dumps(result.deck), "article.toml")  # its deck file reads


# --- through the command line: a failed import writes nothing --------------------------------


@settings(max_examples=25, deadline=None, phases=[Phase.explicit, Phase.reuse, Phase.generate],
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture,
                                 HealthCheck.data_too_large])
@given(kind=st.sampled_from(["csv", "tsv", "toml", "apkg"]), data=st.data())
def test_failed_import_writes_nothing(cli, kind: str, data: st.DataObject):
    raw = data.draw(mutated(SEEDS[kind]))
    with tempfile.TemporaryDirectory() as tmp:
        store, deck = Path(tmp) / "store.db", Path(tmp) / f"deck{SUFFIX[kind]}"
        seed_store(store, decks=1, cards=5, answers=5)
        before = snapshot(store)
        deck.write_bytes(raw)
        result = cli("--db", str(store), "import", str(deck))
        assert result.exit_code in (0, 1), result.stderr
        assert "unexpected error" not in result.stderr, result.stderr
        if result.exit_code == 1:
            assert result.stderr.startswith("flashcards: error: ")
            assert snapshot(store) == before
        assert check(store, T0.date()).ok
