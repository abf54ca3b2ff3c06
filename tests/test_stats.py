"""`flashcards stats`: every figure checked against an independent count of a known history.

The history (tests/history.py) is 70 simulated days of study of the bundled deck and a
deck of hostile text, answered through service.answer with explicit times. Expected
figures are recomputed here from the raw rows with plain Python.
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from collections import Counter, defaultdict
from datetime import date, timedelta
from pathlib import Path

import pytest

from flashcards.service import stats

import history as h


@pytest.fixture
def db(history_db: Path) -> Path:
    return history_db


@pytest.fixture
def doc(cli, db) -> dict:
    result = cli("stats", "--json")
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)  # nothing but the JSON document on stdout


def test_history_is_varied(db):
    states = Counter(h.state_of(c) for c in h.cards(db))
    assert all(states[s] for s in ("new", "learning", "young", "mature", "suspended", "retired"))


def test_json_top_level_fields(doc):
    assert list(doc) == ["version", "today", "decks_filter", "period_days", "today_summary",
                         "cards", "calendar", "forecast", "retention", "decks", "hardest",
                         "leeches", "histograms"]
    assert doc["version"] == 1
    assert doc["today"] == "2026-03-02"
    assert doc["decks_filter"] is None
    assert doc["period_days"] == 182


def test_today_summary(doc, db):
    today = [r for r in h.reviews(db) if r["study_day"] == h.TODAY.isoformat()]
    assert today, "the history studies today"
    first_ever = [r for r in today if r["last_review_before"] is None]
    learned = h.active_learned(h.cards(db))
    still_due = sum(1 for c in learned if c["due"] <= h.TODAY.isoformat())
    assert doc["today_summary"] == {
        "reviewed": len(today),
        "new_learned": len(first_ever),
        "retention": h.rate(today),
        "time_ms": sum(r["answer_ms"] for r in today),
        "still_due": still_due,
    }
    assert still_due >= 1  # the card lapsed today


def test_cards_by_state(doc, db):
    states = Counter(h.state_of(c) for c in h.cards(db))
    expected = {s: states[s] for s in ("new", "learning", "young", "mature", "buried",
                                       "leech", "suspended", "retired")}
    assert doc["cards"] == {**expected, "total": len(h.cards(db))}


def test_calendar_and_streaks(doc, db):
    per_day = Counter(r["study_day"] for r in h.reviews(db))
    first = h.TODAY - timedelta(days=181)
    cal = doc["calendar"]
    assert cal["first"] == first.isoformat() and cal["last"] == "2026-03-02"
    assert cal["days"] == [{"day": (first + timedelta(i)).isoformat(),
                            "reviews": per_day.get((first + timedelta(i)).isoformat(), 0)}
                           for i in range(182)]
    assert cal["reviews"] == sum(per_day.values())
    assert cal["study_days"] == len(per_day)
    current, longest = h.streaks({date.fromisoformat(d) for d in per_day})
    assert (cal["current_streak"], cal["longest_streak"]) == (current, longest)
    # by hand: no study 4 days ago, answers on each day since
    assert current == 4 and longest >= 4


def test_forecast(doc, db):
    expected = h.forecast(h.cards(db))
    assert [f["due"] for f in doc["forecast"]] == expected
    assert [f["day"] for f in doc["forecast"]] == [
        (h.TODAY + timedelta(i)).isoformat() for i in range(30)]
    assert expected[0] >= 1 and sum(expected) > expected[0]


def test_retention_young_mature(doc, db):
    rs = h.reviews(db)
    expected = []
    for days in (7, 30, 365):
        window = h.since(rs, days)
        tested = h.tests_of(window)
        young = [r for r in tested if r["interval_before"] < 21]
        mature = [r for r in tested if r["interval_before"] >= 21]
        expected.append({"days": days, "young": h.rate_of_tests(young),
                         "mature": h.rate_of_tests(mature), "all": h.rate(window)})
    assert doc["retention"] == expected
    assert expected[2]["mature"]["reviews"] > 0 and expected[2]["young"]["reviews"] > 0


def _part(name, cards, reviews_):
    learned = [c for c in cards if c["last_review"] is not None]
    return {"name": name, "cards": len(cards),
            "due": sum(1 for c in learned if c["due"] <= h.TODAY.isoformat()),
            "new": sum(1 for c in cards if c["last_review"] is None),
            "average_ease": round(sum(c["ease"] for c in learned) / len(learned), 2)
            if learned else None,
            "lapses": sum(c["lapses"] for c in cards),
            "retention": h.rate(h.since(reviews_, 30))}


def test_per_deck_and_per_section(doc, db):
    cards = h.cards(db)
    rs = h.reviews(db)
    active = [c for c in cards if not c["retired"] and not c["suspended"]]
    expected = []
    for deck in sorted({c["deck"] for c in cards}):
        deck_cards = [c for c in active if c["deck"] == deck]
        entry = _part(deck, deck_cards, [r for r in rs if r["deck"] == deck])
        parts = defaultdict(list)
        for c in deck_cards:  # in card order: sections in article order
            parts[c["section"] or c["kind"]].append(c)
        has_sections = any(c["section"] for c in deck_cards) and len(parts) > 1
        entry["sections"] = [
            _part(name, pcs, [r for r in rs if r["deck"] == deck
                              and (r["section"] or r["card_kind"]) == name])
            for name, pcs in parts.items()] if has_sections else []
        expected.append(entry)
    assert doc["decks"] == expected
    article = next(d for d in doc["decks"] if d["name"] == "india-south-korea-defence")
    # (the history retired the deck's first card, the Introduction's only one)
    assert [s["name"] for s in article["sections"]] == [
        "Relations Overview", "Challenges in Defense Relations",
        "Opportunities in Defense Relations", "The Way Forward"]


def test_hardest_cards(doc, db):
    learned = [c for c in h.active_learned(h.cards(db)) if c["ease"] < 2.5 or c["lapses"]]
    learned.sort(key=lambda c: (c["ease"], -c["lapses"], c["id"]))
    assert doc["hardest"] == [
        {"deck": c["deck"], "key": c["key"], "question": c["question"], "ease": c["ease"],
         "lapses": c["lapses"], "interval": c["interval"], "reps": c["reps"], "due": c["due"]}
        for c in learned[:10]]
    assert doc["hardest"][0]["question"].startswith(("=HYPERLINK", "@SUM"))


def test_histograms(doc, db):
    learned = h.active_learned(h.cards(db))
    edges = [(0, 0), (1, 1), (2, 3), (4, 7), (8, 14), (15, 30), (31, 90), (91, 180),
             (181, 365), (366, 10**9)]
    counts = [sum(1 for c in learned if lo <= c["interval"] <= hi) for lo, hi in edges]
    got = doc["histograms"]["interval_days"]
    assert [b["cards"] for b in got] == counts
    assert [b["label"] for b in got] == ["0", "1", "2-3", "4-7", "8-14", "15-30", "31-90",
                                         "91-180", "181-365", "366+"]
    assert got[-1] == {"label": "366+", "min": 366, "max": None, "cards": counts[-1]}
    ease_edges = [(1.30 + 0.2 * i, 1.49 + 0.2 * i) for i in range(8)] + [(2.90, 99)]
    ease_counts = [sum(1 for c in learned if lo - 1e-9 <= c["ease"] <= hi + 1e-9)
                   for lo, hi in ease_edges]
    got = doc["histograms"]["ease"]
    assert [b["cards"] for b in got] == ease_counts
    assert got[0] == {"label": "1.30-1.49", "min": 1.3, "max": 1.49, "cards": ease_counts[0]}
    assert sum(ease_counts) == sum(counts) == len(learned)


def test_deck_filter_narrows_every_figure(cli, db):
    result = cli("stats", "--json", "india-south-korea-defence")
    assert result.exit_code == 0, result.stderr
    doc = json.loads(result.stdout)
    assert doc["decks_filter"] == ["india-south-korea-defence"]
    assert [d["name"] for d in doc["decks"]] == ["india-south-korea-defence"]
    cards = [c for c in h.cards(db) if c["deck"] == "india-south-korea-defence"]
    rs = [r for r in h.reviews(db) if r["deck"] == "india-south-korea-defence"]
    assert doc["cards"]["total"] == len(cards)
    assert doc["calendar"]["reviews"] == len(rs)
    assert doc["retention"][2]["all"] == h.rate(h.since(rs, 365))
    assert doc["today_summary"]["reviewed"] == sum(
        1 for r in rs if r["study_day"] == h.TODAY.isoformat())


def test_unknown_deck_is_one_line_error(cli, db):
    result = cli("stats", "No such deck")
    assert result.exit_code == 1
    assert result.stderr.startswith("flashcards: error: no deck named 'No such deck'")
    assert result.stderr.count("\n") == 1


def test_days_option_sets_the_calendar(cli, db):
    doc = json.loads(cli("stats", "--json", "--days", "14").stdout)
    assert doc["period_days"] == 14
    assert len(doc["calendar"]["days"]) == 14
    assert doc["calendar"]["first"] == "2026-02-17"


@pytest.mark.parametrize("columns", ["80", "100"])
def test_dashboard_shows_every_panel(cli, db, doc, monkeypatch, columns):
    monkeypatch.setenv("COLUMNS", columns)
    result = cli("stats")
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    assert max(len(line) for line in out.splitlines()) <= int(columns)
    t = doc["today_summary"]
    today_line = next(line for line in out.splitlines() if "Reviewed" in line)
    figures = out.splitlines()[out.splitlines().index(today_line) - 1].split("│")[1].split()
    assert figures[:3] == [f"{t['reviewed']:,}", f"{t['new_learned']:,}",
                           f"{100 * t['retention']['rate']:.1f}%"]
    assert figures[-1] == f"{t['still_due']:,}"
    cal = doc["calendar"]
    assert f"streak {cal['current_streak']} · longest {cal['longest_streak']}" in out
    assert f"{cal['reviews']:,} reviews on {cal['study_days']} days" in out
    for panel in ("Today", "Cards", "Reviews, last 26 weeks", "Due, next 30 days",
                  "Retention", "Decks", "Hardest cards", "Interval (days)", "Ease factor"):
        assert panel in out
    for row in doc["retention"]:
        r = row["all"]
        assert f"{100 * r['rate']:.1f}% of {r['reviews']}" in out
    assert f"mature {doc['cards']['mature']}" in out
    assert "Challenges in Defense Relations" in out
    assert "[bold]Tricky[/bold] :smile:" in out  # markup and emoji codes shown as typed
    assert '=HYPERLINK("http://x")' in out
    assert "\x1b" not in out


def test_svg_and_html_are_written(cli, db, tmp_path):
    svg, page = tmp_path / "stats.svg", tmp_path / "stats.html"
    result = cli("stats", "--svg", str(svg), "--html", str(page))
    assert result.exit_code == 0, result.stderr
    root = ET.parse(svg).getroot()
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    text = svg.read_text(encoding="utf-8")
    assert "Hardest" in text and "Tricky" in text
    assert page.read_text(encoding="utf-8").lstrip().lower().startswith("<!doctype html")
    assert not list(tmp_path.glob(".*.tmp"))


def test_svg_into_missing_folder_is_one_line_error(cli, db, tmp_path):
    result = cli("stats", "--json", "--svg", str(tmp_path / "nope" / "x.svg"))
    assert result.exit_code == 1
    assert result.stderr.startswith("flashcards: error: ")
    assert result.stderr.count("\n") == 1


def test_empty_store(cli):
    result = cli("stats", "--json")
    assert result.exit_code == 0, result.stderr
    doc = json.loads(result.stdout)
    assert doc["cards"]["total"] == 0 and doc["decks"] == [] and doc["hardest"] == []
    assert doc["retention"][0]["all"] == {"reviews": 0, "passed": 0, "rate": None}
    assert cli("stats").exit_code == 0


# --- the pure parts -------------------------------------------------------------------


def test_streaks_by_hand():
    d = date(2026, 3, 2)
    days = [d - timedelta(n) for n in (10, 9, 8, 7, 5, 1)]
    assert stats.streaks(days, d) == (1, 4)  # yesterday counts while today is open
    assert stats.streaks([*days, d], d) == (2, 4)
    assert stats.streaks(days[:-1], d) == (0, 4)
    assert stats.streaks([], d) == (0, 0)


def test_buckets_edges():
    got = stats.buckets([(0, 2), (1, 1), (3, 4), (400, 1)], stats.INTERVAL_BUCKETS)
    assert [b.cards for b in got] == [2, 1, 4, 0, 0, 0, 0, 0, 0, 1]
    eases = stats.buckets([(130, 1), (149, 1), (150, 1), (250, 3), (320, 1)],
                          stats.EASE_BUCKETS, scale=100)
    assert [b.cards for b in eases] == [2, 1, 0, 0, 0, 0, 3, 0, 1]
    assert eases[-1].label == "2.90+" and eases[-1].high is None


def test_heat_levels():
    from flashcards.ui.charts import heat_level

    assert [heat_level(n, 8) for n in (0, 1, 2, 3, 4, 5, 8)] == [0, 1, 1, 2, 2, 3, 4]
    assert heat_level(3, 0) == 0


def test_heatmap_cells_by_weekday():
    from flashcards.ui.charts import heatmap

    monday = date(2026, 2, 23)
    days = [(monday + timedelta(i), n) for i, n in enumerate([0, 1, 2, 4, 8, 0, 0, 8])]
    lines = heatmap(days, 80).plain.splitlines()
    assert lines[0].strip() == "Feb"  # months over their first week
    rows = [line[4:] for line in lines[1:8]]  # Mon..Sun, two columns per week
    assert [row[0] for row in rows] == ["·", "░", "░", "▒", "█", "·", "·"]
    assert rows[0][2] == "█" and rows[1][2:].strip() == ""  # next Monday, then nothing
    assert lines[8].split() == ["less", "·", "░", "▒", "▓", "█", "more"]


def test_vertical_bars_scale_and_labels():
    from flashcards.ui.charts import vertical_bars

    lines = vertical_bars([4, 0, 2, 1], ["today", "", "", ""], height=2).plain.splitlines()
    # peak 4 over two rows of eight eighths: 4 -> 16/16, 2 -> 8/16, 1 -> 4/16
    assert lines[0].rstrip() == "4 ┤█"
    assert lines[1].rstrip() == "  │█   █ ▄"
    assert lines[2] == "  └────────"
    assert lines[3].strip() == "today"
