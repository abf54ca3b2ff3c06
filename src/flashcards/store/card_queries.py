"""Cards one by one: find them (filters, search, sort), name them (`DECK/KEY`), suspend,
bury and mark leeches; count what is due. Raw SQL on the sqlite3 connection: `cards`,
`due` and completion never import SQLAlchemy or SQLModel."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from sqlite3 import Connection
from typing import Any

from flashcards.domain.text import fold
from flashcards.store.rows import like_escaped
from flashcards.store.stats_queries import deck_filter, status_sql

STATES = ("new", "learning", "young", "mature", "suspended", "buried", "retired", "leech")
SORTS = {"due": "c.due IS NULL, c.due, c.id", "ease": "c.ease, c.id",
         "lapses": "c.lapses DESC, c.id", "added": "c.id"}
COLUMNS = ("deck", "key", "question", "answer", "tags", "state", "due", "ease", "interval",
           "reps", "lapses", "section", "source", "leech", "id")


@dataclass(frozen=True)
class Filters:
    ids: Sequence[int] | None = None  # decks; None: all
    search: str | None = None
    tag: str | None = None
    state: str | None = None
    due: bool = False  # due today or earlier (learned cards)
    sort: str = "due"
    limit: int | None = None


def _like(text: str) -> str:
    return f"%{like_escaped(text)}%"


def _where(f: Filters, today: date) -> tuple[str, list[Any]]:
    where, params = deck_filter(f.ids)
    status = status_sql(today)
    if f.search:
        needle = _like(fold(f.search))
        where += (" AND (c.question LIKE ? ESCAPE '\\' OR c.answer LIKE ? ESCAPE '\\'"
                  " OR c.tags LIKE ? ESCAPE '\\' OR c.search LIKE ? ESCAPE '\\')")
        params += [needle] * 4
    if f.tag:
        if f.tag.lower() == "leech":
            where += " AND c.leech"
        else:
            where += " AND (' ' || c.tags || ' ') LIKE ? ESCAPE '\\'"
            params.append(_like(f" {f.tag} "))
    if f.state == "leech":
        where += " AND c.leech"
    elif f.state == "suspended":
        where += " AND c.suspended AND NOT c.retired"
    elif f.state is not None:
        where += f" AND ({status}) = ?"
        params.append(f.state)
    if f.state != "retired":
        where += " AND NOT c.retired"
    if f.due:
        where += (" AND c.due <= ? AND c.last_review IS NOT NULL AND NOT c.suspended"
                  " AND (c.buried_until IS NULL OR c.buried_until <= ?)")
        params += [today.isoformat()] * 2
    return where, params


def find(conn: Connection, f: Filters, today: date) -> list[tuple[Any, ...]]:
    """The cards that pass the filters, as COLUMNS tuples, sorted."""
    where, params = _where(f, today)
    sql = f"""SELECT d.name, c.key, c.question, c.answer, c.tags, {status_sql(today)},
        c.due, c.ease, c.interval, c.reps, c.lapses, c.section, c.source_file, c.leech, c.id
        FROM card c JOIN deck d ON d.id = c.deck_id
        WHERE 1{where} ORDER BY {SORTS[f.sort]}"""
    if f.limit is not None:
        sql += " LIMIT ?"
        params.append(f.limit)
    return conn.execute(sql, params).fetchall()


def ids_of(conn: Connection, f: Filters, today: date) -> list[int]:
    where, params = _where(f, today)
    sql = f"SELECT c.id FROM card c WHERE 1{where} ORDER BY c.id"
    return [i for (i,) in conn.execute(sql, params)]


def by_name(conn: Connection, name: str) -> int | None:
    """The card named `DECK/KEY`. Keys hold slashes too: each split is tried, the
    longest deck name first."""
    cuts = [i for i, ch in enumerate(name) if ch == "/"]
    for cut in reversed(cuts):
        row = conn.execute("SELECT c.id FROM card c JOIN deck d ON d.id = c.deck_id "
                           "WHERE d.name = ? AND c.key = ?", (name[:cut], name[cut + 1:])
                           ).fetchone()
        if row is not None:
            return int(row[0])
    return None


def set_suspended(conn: Connection, ids: Sequence[int], suspended: bool,
                  now_iso: str) -> int:
    """Suspend or unsuspend cards; unsuspending a leech clears the mark (its lapses
    stay). Returns how many changed."""
    changed = 0
    for start in range(0, len(ids), 500):
        chunk = list(ids[start:start + 500])
        marks = ", ".join("?" * len(chunk))
        extra = "" if suspended else ", leech = 0"
        cur = conn.execute(f"UPDATE card SET suspended = ?, updated_at = ?{extra} "
                           f"WHERE id IN ({marks}) AND suspended != ?",
                           [suspended, now_iso, *chunk, suspended])
        changed += cur.rowcount
    return changed


def set_buried(conn: Connection, card_id: int, until: date | None) -> None:
    conn.execute("UPDATE card SET buried_until = ? WHERE id = ?",
                 (until.isoformat() if until else None, card_id))


def mark_leech(conn: Connection, card_id: int, suspend: bool) -> None:
    conn.execute("UPDATE card SET leech = 1, suspended = suspended OR ? WHERE id = ?",
                 (suspend, card_id))


def due_counts(conn: Connection, ids: Sequence[int] | None, today: date,
               new_limit: int) -> tuple[int, int, int]:
    """(learned cards due, cards to relearn today, new cards up to `new_limit`) among
    active, unburied cards: what today's session holds. Two indexed reads: due cards
    through ix_card_due, new ones through ix_card_new, stopping at the limit."""
    where, params = deck_filter(ids)
    day = today.isoformat()
    active = "NOT c.retired AND NOT c.suspended AND (c.buried_until IS NULL OR " \
             "c.buried_until <= ?)"
    reviews, relearn = conn.execute(
        f"""SELECT COALESCE(SUM(c.last_review < ?), 0), COALESCE(SUM(c.last_review = ?), 0)
        FROM card c WHERE c.due <= ? AND {active}{where}""",
        [day, day, day, day, *params]).fetchone()
    new = conn.execute(
        f"""SELECT COUNT(*) FROM (SELECT 1 FROM card c WHERE c.last_review IS NULL
        AND {active}{where} LIMIT ?)""", [day, *params, new_limit]).fetchone()[0]
    return int(reviews), int(relearn), int(new)


def new_introduced(conn: Connection, ids: Sequence[int] | None, today: date) -> int:
    where, params = deck_filter(ids)
    sql = f"""SELECT COUNT(*) FROM review r JOIN card c ON c.id = r.card_id
        WHERE r.kind = 'learn' AND r.study_day = ?{where}"""
    return int(conn.execute(sql, [today.isoformat(), *params]).fetchone()[0])


def deck_names(conn: Connection) -> list[str]:
    return [str(n) for (n,) in conn.execute("SELECT name FROM deck ORDER BY name")]


def active_states(conn: Connection, ids: Sequence[int] | None) -> list[tuple[Any, ...]]:
    """(id, reps, ease, interval, due, redrill, lapses, last_review, stability,
    difficulty) of every active card, for the plan's and the simulator's runs."""
    where, params = deck_filter(ids)
    sql = f"""SELECT c.id, c.reps, c.ease, c.interval, c.due, c.redrill, c.lapses,
        c.last_review, c.stability, c.difficulty FROM card c
        WHERE NOT c.retired AND NOT c.suspended{where} ORDER BY c.id"""
    return conn.execute(sql, params).fetchall()


def median_answer_ms(conn: Connection, last: int = 1000) -> int | None:
    """The median time of the last `last` timed answers."""
    times = sorted(int(ms) for (ms,) in conn.execute(
        "SELECT answer_ms FROM review WHERE answer_ms > 0 ORDER BY id DESC LIMIT ?", (last,)))
    return times[len(times) // 2] if times else None
