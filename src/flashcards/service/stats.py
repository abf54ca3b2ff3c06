"""Progress figures as plain data, computed from the review log and the cards.

`collect` runs a handful of GROUP BY queries (store/stats_queries.py) in one read
snapshot and folds their small results here; the folding functions are pure. No
formatting: the dashboard (ui/dashboard.py) and `stats --json` (`as_json`) render it.

Definitions (also in the README):
- a study day's "reviewed" counts every answer; "new learned" counts first answers ever;
- retention is true retention, as Anki counts it: over `review` answers (the first of a
  study day to a learned card), the share graded 3 or more; young/mature by the interval
  before the answer (< 21 days / 21 or more);
- card states: new (never answered), learning (n < 2 or in a same-day redrill), young
  (interval < 21 days), mature (21 days or more), suspended, retired;
- the current streak counts study days with answers up to today, or up to yesterday
  while today has none yet; the longest streak is the longest such run ever.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from flashcards.domain.stats import (
    Bucket,
    Calendar,
    DaySummary,
    DeckStats,
    HardCard,
    PartStats,
    Rate,
    RetentionRow,
    Stats,
)

if TYPE_CHECKING:
    from flashcards.store import RawConnection as Connection

RETENTION_WINDOWS = (7, 30, 365)
DECK_WINDOW = 30  # days of retention in the per-deck and per-section figures
FORECAST_DAYS = 30
DEFAULT_DAYS = 26 * 7
HARDEST = 10
STATES = ("new", "learning", "young", "mature", "buried", "leech", "suspended", "retired")
LEARNED_STATES = ("learning", "young", "mature")  # answered at least once, in the schedule
# Interval buckets in days (low, high inclusive; None: no upper bound).
INTERVAL_BUCKETS = ((0, 0), (1, 1), (2, 3), (4, 7), (8, 14), (15, 30), (31, 90), (91, 180),
                    (181, 365), (366, None))
# EF buckets in hundredths (low, high inclusive).
EASE_BUCKETS = ((130, 149), (150, 169), (170, 189), (190, 209), (210, 229), (230, 249),
                (250, 269), (270, 289), (290, None))


# --- pure folding ------------------------------------------------------------


def streaks(days: Iterable[date], today: date) -> tuple[int, int]:
    """(current, longest) runs of consecutive study days; `days` in ascending order."""
    longest = run = 0
    previous: date | None = None
    for day in days:
        run = run + 1 if previous is not None and day - previous == timedelta(1) else 1
        longest = max(longest, run)
        previous = day
    if previous is None or previous < today - timedelta(1) or previous > today:
        return 0, longest
    return run, longest


def fill_days(counts: Iterable[tuple[date, int]], first: date,
              last: date) -> list[tuple[date, int]]:
    """Every day from first to last with its count (0 where none)."""
    by_day = dict(counts)
    span = (last - first).days + 1
    return [(d, by_day.get(d, 0)) for d in (first + timedelta(i) for i in range(span))]


def buckets(counts: Iterable[tuple[int, int]], edges: Sequence[tuple[int, int | None]],
            scale: int = 1) -> list[Bucket]:
    """Histogram of (value, count) pairs over inclusive edges; values below the first edge
    go to the first bucket. `scale` turns edges back into values (100 for EF)."""
    totals = [0] * len(edges)
    for value, n in counts:
        index = 0
        for i, (low, _high) in enumerate(edges):
            if value >= low:
                index = i
        totals[index] += n
    out = []
    for (low, high), n in zip(edges, totals, strict=True):
        out.append(Bucket(_label(low, high, scale), low / scale,
                          None if high is None else high / scale, n))
    return out


def _label(low: int, high: int | None, scale: int) -> str:
    def fmt(v: int) -> str:
        return str(v) if scale == 1 else f"{v / scale:.2f}"
    if high is None:
        return f"{fmt(low)}+"
    return fmt(low) if high == low else f"{fmt(low)}-{fmt(high)}"


def _window_start(today: date, days: int) -> date:
    return today - timedelta(days=days - 1)


def fold_parts(card_rows: Sequence[tuple[Any, ...]],
               retention_rows: Sequence[tuple[int, str, int, int]]) -> list[DeckStats]:
    """Per deck and per section, from cards_by_part and retention_by_part rows."""
    rates: dict[tuple[int, str], Rate] = {}
    for deck_id, part, tested, passed in retention_rows:
        rates[(deck_id, part)] = Rate(tested, passed)
    decks: dict[int, tuple[str, list[PartStats], bool]] = {}
    for deck_id, name, part, has_section, cards, due, new, learned, ease_sum, lapses in card_rows:
        name_, parts, article = decks.get(deck_id, (str(name), [], False))
        if cards:
            parts.append(PartStats(str(part), int(cards), int(due), int(new), int(learned),
                                   float(ease_sum), int(lapses),
                                   rates.get((deck_id, str(part)), Rate())))
        decks[deck_id] = (name_, parts, article or bool(has_section))
    out = []
    for deck_id, (name, parts, article) in decks.items():
        retention = sum((r for (d, _), r in rates.items() if d == deck_id), Rate())
        total = PartStats(
            name, sum(p.cards for p in parts), sum(p.due for p in parts),
            sum(p.new for p in parts), sum(p.learned for p in parts),
            sum(p.ease_sum for p in parts), sum(p.lapses for p in parts), retention)
        out.append(DeckStats(total, parts if article and len(parts) > 1 else []))
    return out


def fold_retention(day_rows: Iterable[tuple[str, int, int, int]], today: date,
                   windows: Sequence[int]) -> list[RetentionRow]:
    """Retention over the last N days for each N in `windows`, from retention_by_day."""
    starts = [_window_start(today, w).isoformat() for w in windows]
    young = [Rate() for _ in windows]
    mature = [Rate() for _ in windows]
    for day, is_mature, passed, n in day_rows:
        add = Rate(n, n if passed else 0)
        for i, start in enumerate(starts):
            if day >= start:
                if is_mature:
                    mature[i] += add
                else:
                    young[i] += add
    return [RetentionRow(w, y, m) for w, y, m in zip(windows, young, mature, strict=True)]


# --- collecting --------------------------------------------------------------


def collect(conn: Connection, ids: Sequence[int] | None, names: list[str] | None, today: date,
            days: int = DEFAULT_DAYS, hardest_limit: int = HARDEST) -> Stats:
    """Every figure of the dashboard, from one read snapshot."""
    from flashcards.store import stats_queries as sq

    reviewed, new_learned, tested, passed, ms = sq.day_summary(conn, ids, today)
    due_rows = sq.due_by_day(conn, ids, today, today + timedelta(FORECAST_DAYS - 1))
    forecast = fill_days(((date.fromisoformat(d), n) for d, n in due_rows), today,
                         today + timedelta(FORECAST_DAYS - 1))
    summary = DaySummary(today, int(reviewed), int(new_learned), Rate(int(tested), int(passed)),
                         int(ms), forecast[0][1])
    mix = sq.card_mix(conn, ids, today)
    states = dict.fromkeys(STATES, 0)
    for state, _, _, n in mix:
        states[state] += n
    learned = [row for row in mix if row[0] in LEARNED_STATES]
    current, longest = streaks((date.fromisoformat(d) for d in sq.study_days(conn, ids)), today)
    first = _window_start(today, days)
    window = ((date.fromisoformat(d), n) for d, n in sq.reviews_by_day(conn, ids, first))
    calendar = Calendar(first, today, fill_days(window, first, today), current, longest)
    day_rows = sq.retention_by_day(conn, ids, _window_start(today, max(RETENTION_WINDOWS)))
    part_rows = sq.retention_by_part(conn, ids, _window_start(today, DECK_WINDOW))
    hard = [_hard_card(r) for r in sq.hardest(conn, ids, hardest_limit)]
    leeches = [_hard_card(r) for r in sq.leeches(conn, ids, hardest_limit)]
    intervals = buckets(((interval, n) for _, interval, _, n in learned), INTERVAL_BUCKETS)
    eases = buckets(((round(ease * 100), n) for _, _, ease, n in learned), EASE_BUCKETS,
                    scale=100)
    return Stats(summary, days, names, states, calendar, forecast,
                 fold_retention(day_rows, today, RETENTION_WINDOWS),
                 fold_parts(sq.cards_by_part(conn, ids, today), part_rows),
                 hard, intervals, eases, leeches)


def _hard_card(r: Sequence[Any]) -> HardCard:
    return HardCard(str(r[0]), str(r[1]), str(r[2]), float(r[3]), int(r[4]), int(r[5]),
                    int(r[6]), None if r[7] is None else str(r[7]))


# --- JSON ---------------------------------------------------------------------

JSON_VERSION = 1


def _rate(rate: Rate) -> dict[str, Any]:
    value = None if rate.rate is None else round(rate.rate, 4)
    return {"reviews": rate.tested, "passed": rate.passed, "rate": value}


def _part(part: PartStats) -> dict[str, Any]:
    return {"name": part.name, "cards": part.cards, "due": part.due, "new": part.new,
            "average_ease": part.average_ease, "lapses": part.lapses,
            "retention": _rate(part.retention)}


def _card(h: HardCard) -> dict[str, Any]:
    return {"deck": h.deck, "key": h.key, "question": h.question, "ease": h.ease,
            "lapses": h.lapses, "interval": h.interval, "reps": h.reps, "due": h.due}


def _bucket(b: Bucket) -> dict[str, Any]:
    return {"label": b.label, "min": b.low, "max": b.high, "cards": b.cards}


def as_json(stats: Stats) -> dict[str, Any]:
    """The `stats --json` document. Field names are stable and documented in the README."""
    t = stats.today
    cal = stats.calendar
    return {
        "version": JSON_VERSION,
        "today": t.day.isoformat(),
        "decks_filter": stats.decks_filter,
        "period_days": stats.period_days,
        "today_summary": {"reviewed": t.reviewed, "new_learned": t.new_learned,
                          "retention": _rate(t.retention), "time_ms": t.time_ms,
                          "still_due": t.still_due},
        "cards": {**stats.states, "total": sum(stats.states.values())},
        "calendar": {"first": cal.first.isoformat(), "last": cal.last.isoformat(),
                     "reviews": cal.reviews, "study_days": cal.study_days,
                     "current_streak": cal.current_streak, "longest_streak": cal.longest_streak,
                     "days": [{"day": d.isoformat(), "reviews": n} for d, n in cal.days]},
        "forecast": [{"day": d.isoformat(), "due": n} for d, n in stats.forecast],
        "retention": [{"days": r.days, "young": _rate(r.young), "mature": _rate(r.mature),
                       "all": _rate(r.all)} for r in stats.retention],
        "decks": [{**_part(d.deck), "sections": [_part(p) for p in d.sections]}
                  for d in stats.decks],
        "hardest": [_card(h) for h in stats.hardest],
        "leeches": [_card(h) for h in stats.leeches],
        "histograms": {"interval_days": [_bucket(b) for b in stats.intervals],
                       "ease": [_bucket(b) for b in stats.eases]},
    }
