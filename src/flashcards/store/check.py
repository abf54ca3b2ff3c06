"""`flashcards check`: SQLite's own checks plus the invariants of our data, and repairs.

Works on the raw file with the standard sqlite3 module and never migrates, so it can
look at a store that would not open. Repairs run in one transaction; the caller takes a
backup first.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from urllib.parse import quote

from flashcards.domain.errors import StoreError
from flashcards.domain.limits import EARLIEST_DUE, MAX_INTERVAL, MIN_EASE
from flashcards.store import migrations

RECOVERED_DECK = "Recovered cards"
_STATE = ("reps", "ease", "interval", "due", "redrill", "lapses")
_ISO_DATE = "[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]"


@dataclass(frozen=True)
class Finding:
    code: str
    count: int
    message: str  # what is wrong, for people
    repair: str | None  # what --repair does about it; None: it cannot

    @property
    def repairable(self) -> bool:
        return self.repair is not None


@dataclass
class Report:
    path: Path
    corrupt: bool = False  # SQLite itself finds damage: restore a backup
    schema: int = 0
    findings: list[Finding] = field(default_factory=list)
    repaired: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.corrupt and not self.findings


def connect(path: Path, mode: str = "rw") -> sqlite3.Connection:
    if not path.is_file():
        raise StoreError(f"no store at {path}")
    conn = sqlite3.connect(f"file:{quote(str(path))}?mode={mode}", uri=True,
                           isolation_level=None)
    conn.execute("PRAGMA busy_timeout = 15000")
    return conn


def _not_damage(exc: sqlite3.Error) -> bool:
    """Failures that say nothing about the file's content: permissions, locks, I/O."""
    text = str(exc).lower()
    return isinstance(exc, sqlite3.OperationalError) and any(
        w in text for w in ("unable to open", "readonly", "locked", "disk i/o", "disk is full"))


# --- the checks ---------------------------------------------------------------


def _sqlite_checks(conn: sqlite3.Connection, full: bool) -> list[str]:
    pragma = "integrity_check" if full else "quick_check"
    rows = [str(r[0]) for r in conn.execute(f"PRAGMA {pragma}(100)")]
    return [] if rows == ["ok"] else rows


def _index_only(problems: list[str]) -> bool:
    """Damage REINDEX can mend: only index entries disagree with their tables."""
    return bool(problems) and all(
        "index" in p and ("missing from index" in p or "wrong # of entries" in p
                          or "row" in p and "missing" in p) for p in problems)


def _count(conn: sqlite3.Connection, sql: str, *args: object) -> int:
    return int(conn.execute(sql, args).fetchone()[0])


_LAST = ("SELECT r.* FROM review r JOIN (SELECT card_id, max(id) AS id FROM review "
         "GROUP BY card_id) m ON r.id = m.id")
_MISMATCH = f"""
SELECT c.id FROM card c JOIN ({_LAST}) r ON r.card_id = c.id
WHERE c.reps IS NOT r.reps_after OR abs(c.ease - r.ease_after) > 0.001
   OR c.interval IS NOT r.interval_after OR c.due IS NOT r.due_after
   OR c.redrill IS NOT r.redrill_after OR c.lapses IS NOT r.lapses_after
   OR c.last_review IS NOT r.study_day
"""


# The kind each answer must have, from the state before it (domain.cards.kind_of_answer).
_KIND_RULE = """CASE WHEN last_review_before IS NULL THEN 'learn'
    WHEN redrill_before THEN 'redrill'
    WHEN last_review_before = study_day THEN 'relearn' ELSE 'review' END"""


def _bad_dates(col: str) -> str:
    return f"({col} IS NOT NULL AND ({col} NOT GLOB '{_ISO_DATE}' OR date({col}) IS NOT {col}))"


_BAD_NUMBERS = ("reps < 0 OR lapses < 0 OR interval < 0 OR interval > 36500 "
                "OR redrill NOT IN (0, 1) OR typeof(reps) != 'integer' "
                "OR typeof(interval) != 'integer' OR typeof(lapses) != 'integer'")


def _invariants(conn: sqlite3.Connection, today: date) -> list[Finding]:
    latest = (today + timedelta(days=MAX_INTERVAL)).isoformat()
    found: list[Finding] = []

    def add(code: str, count: int, message: str, repair: str | None) -> None:
        if count:
            found.append(Finding(code, count, message, repair))

    fk = [tuple(r) for r in conn.execute("PRAGMA foreign_key_check")]
    add("orphan-card", sum(1 for r in fk if r[0] == "card"),
        "cards belong to no deck", f"move them to a deck named {RECOVERED_DECK!r}")
    add("orphan-review", sum(1 for r in fk if r[0] == "review"),
        "reviews belong to no card", "delete those reviews (their card is gone)")
    add("foreign-key", sum(1 for r in fk if r[0] not in ("card", "review")),
        "rows point at rows that do not exist", None)
    add("ease-low", _count(conn, "SELECT count(*) FROM card WHERE ease < ? OR ease IS NULL "
                                 "OR typeof(ease) NOT IN ('real', 'integer')", MIN_EASE),
        "cards have an ease below 1.3", "set their ease to 1.3")
    add("bad-state", _count(conn, f"SELECT count(*) FROM card WHERE {_BAD_NUMBERS}"),
        "cards have impossible repetitions, interval, lapses or redrill values",
        "bring the values into range")
    add("bad-date", _count(conn, "SELECT count(*) FROM card WHERE "
                                 f"{_bad_dates('due')} OR {_bad_dates('last_review')} "
                                 "OR (last_review IS NOT NULL AND due IS NULL)"),
        "cards have a due or last-review value that is not a date",
        "make them due today")
    add("due-range", _count(conn, f"SELECT count(*) FROM card WHERE due GLOB '{_ISO_DATE}' "
                                  "AND (due < ? OR due > ?)", EARLIEST_DUE.isoformat(), latest),
        f"cards are due before {EARLIEST_DUE} or more than {MAX_INTERVAL} days ahead",
        "make them due today")
    add("state-mismatch", _count(conn, f"SELECT count(*) FROM ({_MISMATCH})"),
        "cards' state differs from their last review's result",
        "set the card's state from its last review (the review log is the record)")
    add("kind-mismatch", _count(conn, f"SELECT count(*) FROM review WHERE kind IS NOT "
                                      f"({_KIND_RULE})"),
        "reviews have a kind (learn, review, relearn, redrill) that their state before "
        "does not give", "set each such review's kind from its state before")
    add("bad-review", _count(conn, "SELECT count(*) FROM review WHERE "
                                   "grade NOT BETWEEN 0 AND 5 "
                                   f"OR {_bad_dates('study_day')} OR study_day IS NULL "
                                   "OR ease_after < ? OR ease_before < ?", MIN_EASE, MIN_EASE),
        "reviews have impossible values (grade, study day or ease)", None)
    return found


def check(path: Path, today: date, *, full: bool = False) -> Report:
    """Check the store at `path`: SQLite's checks, then (if sound) our invariants."""
    report = Report(Path(path))
    try:
        conn = connect(report.path, "ro")
        try:
            _check_into(conn, report, today, full)
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        if _not_damage(exc):
            from flashcards.store.db import store_error

            raise store_error(exc, report.path) from None
        report.corrupt = True
        report.findings.append(Finding("corrupt", 1, str(exc), None))
    return report


def _check_into(conn: sqlite3.Connection, report: Report, today: date, full: bool) -> None:
    problems = _sqlite_checks(conn, full)
    if problems:
        mendable = _index_only(problems)
        report.corrupt = not mendable
        report.findings.append(Finding(
            "integrity", len(problems), "SQLite finds damage: " + "; ".join(problems[:3]),
            "rebuild the indexes (REINDEX)" if mendable else None))
        if not mendable:
            return
    report.schema = int(conn.execute("PRAGMA user_version").fetchone()[0])
    if report.schema > migrations.LATEST:
        report.findings.append(Finding(
            "schema", 1, f"made by a newer flashcards (schema {report.schema})", None))
        return
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    if report.schema == 0 and not tables:
        return  # an empty file: a store not used yet
    if not {"deck", "card", "review"} <= tables:
        report.findings.append(Finding("schema", 1, "not a flashcards store", None))
        return
    missing = _missing_columns(conn) if report.schema == migrations.LATEST else []
    if missing:
        report.findings.append(Finding(
            "schema", len(missing), "the store lacks columns its schema declares: "
            + ", ".join(missing[:5]), None))
        return
    report.findings.extend(_invariants(conn, today))


def _missing_columns(conn: sqlite3.Connection) -> list[str]:
    """The columns the SQLModel tables (models.py, the schema as declared) have and the
    store's tables lack: a store altered by hand or by another program."""
    from flashcards.store.models import Card, Deck, Meta, Review

    missing = []
    for model in (Deck, Card, Review, Meta):
        table = model.__table__  # type: ignore[union-attr]
        have = {row[1] for row in conn.execute(f"PRAGMA table_info({table.name})")}
        missing += [f"{table.name}.{c.name}" for c in table.columns if c.name not in have]
    return missing


# --- repairs -----------------------------------------------------------------------

Fix = Callable[[sqlite3.Connection, date], None]


def _fix_integrity(conn: sqlite3.Connection, today: date) -> None:
    conn.execute("REINDEX")


def _fix_orphan_cards(conn: sqlite3.Connection, today: date) -> None:
    ids = [r[1] for r in conn.execute("PRAGMA foreign_key_check(card)")]
    conn.execute("INSERT OR IGNORE INTO deck (name, created_at) VALUES (?, ?)",
                 (RECOVERED_DECK, f"{today.isoformat()}T00:00:00.000Z"))
    deck = conn.execute("SELECT id FROM deck WHERE name = ?", (RECOVERED_DECK,)).fetchone()[0]
    for card_id in ids:
        # a key may already exist in the recovered deck: suffix it with the card id
        conn.execute("UPDATE card SET deck_id = ?, key = key || '#' || id WHERE id = ?",
                     (deck, card_id))


def _fix_orphan_reviews(conn: sqlite3.Connection, today: date) -> None:
    conn.execute("DELETE FROM review WHERE card_id NOT IN (SELECT id FROM card)")


def _fix_ease(conn: sqlite3.Connection, today: date) -> None:
    conn.execute("UPDATE card SET ease = ? WHERE ease < ? OR ease IS NULL "
                 "OR typeof(ease) NOT IN ('real', 'integer')", (MIN_EASE, MIN_EASE))


def _fix_state(conn: sqlite3.Connection, today: date) -> None:
    conn.execute(f"""UPDATE card SET
        reps = max(0, CAST(coalesce(reps, 0) AS INTEGER)),
        lapses = max(0, CAST(coalesce(lapses, 0) AS INTEGER)),
        interval = min({MAX_INTERVAL}, max(0, CAST(coalesce(interval, 0) AS INTEGER))),
        redrill = (coalesce(redrill, 0) != 0)
        WHERE {_BAD_NUMBERS}""")


def _fix_dates(conn: sqlite3.Connection, today: date) -> None:
    conn.execute(f"UPDATE card SET last_review = NULL WHERE {_bad_dates('last_review')}")
    conn.execute(f"UPDATE card SET due = ? WHERE {_bad_dates('due')} "
                 "OR (last_review IS NOT NULL AND due IS NULL)", (today.isoformat(),))


def _fix_due_range(conn: sqlite3.Connection, today: date) -> None:
    latest = (today + timedelta(days=MAX_INTERVAL)).isoformat()
    args = (today.isoformat(), EARLIEST_DUE.isoformat(), latest)
    conn.execute("UPDATE card SET due = ? WHERE due < ? OR due > ?", args)
    conn.execute("UPDATE review SET due_after = ?1 WHERE (due_after < ?2 OR due_after > ?3) "
                 "AND id IN (SELECT max(id) FROM review GROUP BY card_id)", args)


def _fix_mismatch(conn: sqlite3.Connection, today: date) -> None:
    sets = ", ".join(f"{c} = r.{c}_after" for c in _STATE)
    conn.execute(f"UPDATE card SET {sets}, last_review = r.study_day FROM ({_LAST}) r "
                 f"WHERE r.card_id = card.id AND card.id IN ({_MISMATCH})")


def _fix_kinds(conn: sqlite3.Connection, today: date) -> None:
    conn.execute(f"UPDATE review SET kind = ({_KIND_RULE}) WHERE kind IS NOT ({_KIND_RULE})")


# The order matters: structure first, then values, then agreement with the review log.
_FIXES: dict[str, Fix] = {
    "integrity": _fix_integrity,
    "orphan-card": _fix_orphan_cards,
    "orphan-review": _fix_orphan_reviews,
    "ease-low": _fix_ease,
    "bad-state": _fix_state,
    "bad-date": _fix_dates,
    "state-mismatch": _fix_mismatch,
    "due-range": _fix_due_range,
    "kind-mismatch": _fix_kinds,
}


def repair(path: Path, today: date, *, full: bool = False) -> Report:
    """Fix what can be fixed, in one transaction; return the report after the repair
    (its `repaired` lists what was done). Refuses a damaged file: restore a backup."""
    before = check(path, today, full=full)
    if before.corrupt or not any(f.repairable for f in before.findings):
        return before
    try:
        conn = connect(Path(path))
    except sqlite3.Error as exc:
        from flashcards.store.db import store_error

        raise store_error(exc, Path(path)) from None
    done: list[str] = []
    try:
        conn.execute("BEGIN IMMEDIATE")
        try:
            todo = {f.code: f for f in before.findings if f.repairable}
            for code, fix in _FIXES.items():
                if code in todo:
                    fix(conn, today)
                    finding = todo[code]
                    done.append(f"{finding.message} ({finding.count}): {finding.repair}")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")
    except sqlite3.OperationalError as exc:
        from flashcards.store.db import store_error

        raise store_error(exc, Path(path)) from None
    finally:
        conn.close()
    after = check(path, today, full=full)
    after.repaired = done
    return after
