"""Study days are local: every moment is converted to the local zone before the day-start
hour is taken off. The expected days are written out by hand, never computed with the
function under test."""

from __future__ import annotations

import time
from datetime import UTC, date, datetime

import pytest

from flashcards.domain.days import iso_utc, study_day
from flashcards.formats import anki_progress


@pytest.fixture
def zone(monkeypatch):
    def use(name: str) -> None:
        monkeypatch.setenv("TZ", name)
        time.tzset()

    yield use
    time.tzset()  # the hermetic fixture's zone again (monkeypatch restores TZ first)


def at(iso: str) -> datetime:
    return datetime.fromisoformat(iso)


KOLKATA = [  # UTC+05:30 all year
    ("2026-03-02T02:30:00+00:00", 4, date(2026, 3, 2)),  # 08:00 in Kolkata
    ("2026-03-01T22:29:00+00:00", 4, date(2026, 3, 1)),  # 03:59: still the day before
    ("2026-03-01T22:30:00+00:00", 4, date(2026, 3, 2)),  # 04:00: a new study day
    ("2026-03-02T09:00:00+05:30", 4, date(2026, 3, 2)),
    ("2026-03-01T20:00:00-08:00", 4, date(2026, 3, 2)),  # 09:30 on the 2nd in Kolkata
    ("2026-03-01T18:29:00+00:00", 0, date(2026, 3, 1)),  # 23:59, days starting at midnight
    ("2026-03-01T18:30:00+00:00", 0, date(2026, 3, 2)),  # 00:00
    ("2026-03-02T03:59:00", 4, date(2026, 3, 1)),  # a naive moment is local time
]
LOS_ANGELES = [  # UTC-08:00, UTC-07:00 from 2026-03-08 02:00 (daylight saving)
    ("2026-03-02T17:00:00+00:00", 4, date(2026, 3, 2)),  # 09:00 PST
    ("2026-03-02T11:59:00+00:00", 4, date(2026, 3, 1)),  # 03:59 PST
    ("2026-03-02T12:00:00+00:00", 4, date(2026, 3, 2)),  # 04:00 PST
    ("2026-03-02T09:00:00+05:30", 4, date(2026, 3, 1)),  # 19:30 PST on the 1st
    ("2026-03-08T10:59:00+00:00", 4, date(2026, 3, 7)),  # 03:59 PDT, the first DST day
    ("2026-03-08T11:00:00+00:00", 4, date(2026, 3, 8)),  # 04:00 PDT
    ("2026-11-01T10:59:00+00:00", 4, date(2026, 10, 31)),  # 03:59 PST, DST just ended
    ("2026-11-01T12:00:00+00:00", 4, date(2026, 11, 1)),  # 04:00 PST
]


@pytest.mark.parametrize(("moment", "hour", "expected"), KOLKATA)
def test_study_day_in_kolkata(zone, moment, hour, expected):
    zone("Asia/Kolkata")
    assert study_day(at(moment), hour) == expected


@pytest.mark.parametrize(("moment", "hour", "expected"), LOS_ANGELES)
def test_study_day_in_los_angeles(zone, moment, hour, expected):
    zone("America/Los_Angeles")
    assert study_day(at(moment), hour) == expected


def test_an_anki_review_at_eight_in_kolkata_is_that_mornings_study_day(zone):
    """Anki stamps answers in UTC milliseconds: 02:30 UTC is 08:00 in Kolkata."""
    zone("Asia/Kolkata")
    stamp = int(datetime(2026, 3, 2, 2, 30, tzinfo=UTC).timestamp() * 1000)
    [entry] = anki_progress.history([(stamp, 3, 1, 2500, 4000, 0)])
    assert entry.study_day == date(2026, 3, 2)


def test_stored_times_are_utc_whatever_the_zone(zone):
    zone("America/Los_Angeles")
    assert iso_utc(at("2026-03-02T09:00:00+05:30")) == "2026-03-02T03:30:00.000Z"
    with pytest.raises(ValueError):
        iso_utc(datetime(2026, 3, 2, 9))


def test_review_counts_answers_on_the_local_study_day(zone, cli, monkeypatch, tmp_path):
    """Through the command: in Los Angeles, an answer at 02:00 UTC (18:00 the day before,
    local) belongs to the day before, and the card is due the local day after."""
    import sqlite3

    zone("America/Los_Angeles")
    deck = tmp_path / "d.csv"
    deck.write_text("question,answer\nQ?,A\n", encoding="utf-8")
    monkeypatch.setenv("FLASHCARDS_NOW", "2026-03-03T02:00:00+00:00")
    assert cli("import", str(deck)).exit_code == 0
    result = cli("review", "--lines", input="\n4\nq\n")
    assert result.exit_code == 0, result.stderr
    conn = sqlite3.connect(tmp_path / "store.db")
    assert conn.execute("SELECT study_day, reviewed_at, due_after FROM review").fetchall() == [
        ("2026-03-02", "2026-03-03T02:00:00.000Z", "2026-03-03")]
    conn.close()
