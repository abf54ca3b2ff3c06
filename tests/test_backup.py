"""Backups: consistent snapshots, thinning, automatic backups, restore."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from flashcards import service
from flashcards.domain.errors import FlashcardsError, NotFoundError, StoreError
from flashcards.service import maintenance
from flashcards.store import backup, open_store, restore
from safety import T0, assert_sound, query, seed_store, snapshot


def utc(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=UTC)


# --- thinning (pure) -----------------------------------------------------------

NOW = utc("2026-03-02T09:00:00")

# One backup every 6 hours (03, 09, 15, 21 UTC) from 2025-01-01 to NOW, worked by hand.
EXPECTED_KEPT = [
    # every backup of the last 48 hours
    "2026-03-02T09", "2026-03-02T03", "2026-03-01T21", "2026-03-01T15", "2026-03-01T09",
    "2026-03-01T03", "2026-02-28T21", "2026-02-28T15",
    # then the newest of each of the 12 older days
    "2026-02-27T21", "2026-02-26T21", "2026-02-25T21", "2026-02-24T21", "2026-02-23T21",
    "2026-02-22T21", "2026-02-21T21", "2026-02-20T21", "2026-02-19T21", "2026-02-18T21",
    "2026-02-17T21", "2026-02-16T21",
    # then the newest of each of the 10 older ISO weeks (weeks end on Sunday)
    "2026-02-15T21", "2026-02-08T21", "2026-02-01T21", "2026-01-25T21", "2026-01-18T21",
    "2026-01-11T21", "2026-01-04T21", "2025-12-28T21", "2025-12-21T21", "2025-12-14T21",
    # then the newest of each of the 9 older months
    "2025-11-30T21", "2025-10-31T21", "2025-09-30T21", "2025-08-31T21", "2025-07-31T21",
    "2025-06-30T21", "2025-05-31T21", "2025-04-30T21", "2025-03-31T21",
]


def every_six_hours() -> list[datetime]:
    times, moment = [], utc("2025-01-01T03:00:00")
    while moment <= NOW:
        times.append(moment)
        moment += timedelta(hours=6)
    return times


def test_thinning_keeps_exactly_the_documented_set():
    kept = maintenance.thin(every_six_hours(), NOW)
    assert sorted(kept, reverse=True) == [utc(t + ":00:00") for t in EXPECTED_KEPT]


def test_thinning_after_a_long_break_keeps_the_newest_backups():
    # one backup a month for 40 months, the last one 6 months ago: nothing is recent
    times = [utc("2022-09-15T12:00:00") + timedelta(days=30 * i) for i in range(40)]
    now = times[-1] + timedelta(days=180)
    kept = maintenance.thin(times, now)
    assert kept == set(sorted(times)[-(12 + 10 + 9):])  # 12 "daily", 10 weekly, 9 monthly


def test_thinning_keeps_future_and_recent_backups_and_is_idempotent():
    times = every_six_hours()[-50:] + [NOW + timedelta(hours=1)]
    kept = maintenance.thin(times, NOW)
    assert NOW + timedelta(hours=1) in kept
    assert maintenance.thin(kept, NOW) == kept


# --- making and listing backups ---------------------------------------------------


def test_backup_is_a_complete_standalone_copy(db_path: Path):
    seed_store(db_path)
    made = backup.make_backup(db_path, T0)
    assert made.path == db_path.parent / "backups" / "store-2026-03-02T090000Z.db.zst"
    assert snapshot(made.path) == snapshot(db_path)
    assert query(made.path, "PRAGMA journal_mode")[0][0] == "delete"
    assert_sound(made.path)
    assert not list(made.path.parent.glob(".*.tmp"))


def test_backups_in_one_second_get_distinct_names_and_sort_in_order(db_path: Path):
    seed_store(db_path)
    names = [backup.make_backup(db_path, T0).name for _ in range(3)]
    assert names == ["store-2026-03-02T090000Z.db.zst", "store-2026-03-02T090000Z-1.db.zst",
                     "store-2026-03-02T090000Z-2.db.zst"]
    assert [b.name for b in backup.list_backups(db_path)] == names
    maintenance.thin_backups(db_path, T0)  # all recent: none removed
    assert len(backup.list_backups(db_path)) == 3


def test_listing_ignores_other_stores_and_other_files(db_path: Path):
    seed_store(db_path)
    backup.make_backup(db_path, T0)
    folder = db_path.parent / "backups"
    (folder / "other-2026-03-02T090000Z.db").write_bytes(b"")
    (folder / "notes.txt").write_text("x")
    (folder / "store-2026-13-02T090000Z.db").write_bytes(b"")  # month 13
    assert [b.name for b in backup.list_backups(db_path)] == [
        "store-2026-03-02T090000Z.db.zst"]


def test_listing_ignores_temp_files_a_killed_backup_left(db_path: Path):
    seed_store(db_path)
    made = backup.make_backup(db_path, T0)
    for left in (".store-2026-03-01T000000Z.db.k2j4h1x9.tmp", ".store-2026-03-01T000000Z.db.tmp",
                 ".store-2026-03-01T000000Z.db.zst.a8f3kq0z.tmp"):
        (made.path.parent / left).write_bytes(b"half a backup")
    assert [b.name for b in backup.list_backups(db_path)] == [made.name]


def test_temp_files_of_a_backup_killed_long_ago_are_removed(db_path: Path):
    seed_store(db_path)
    folder = db_path.parent / "backups"
    folder.mkdir()
    old, journal, recent, other = (folder / ".store-2026-03-01T000000Z.db.k2j4h1x9.tmp",
                                   folder / ".store-2026-03-01T000000Z.db.k2j4h1x9.tmp-journal",
                                   folder / ".store-2026-03-02T085959Z.db.p0q9r8s7.tmp",
                                   folder / ".other-2026-03-01T000000Z.db.k2j4h1x9.tmp")
    hours_ago = os.stat(folder).st_mtime - 2 * 3600
    for path in (old, journal, recent, other):
        path.write_bytes(b"half a backup")
        if path != recent:
            os.utime(path, (hours_ago, hours_ago))
    made = backup.make_backup(db_path, T0)
    assert sorted(p.name for p in folder.iterdir()) == sorted([made.name, recent.name,
                                                               other.name])


def test_backup_taken_while_another_process_writes_is_consistent(db_path: Path):
    seed_store(db_path, answers=0)
    code = (
        "import sys\n"
        "from datetime import datetime, date, timedelta\n"
        "from flashcards import service\n"
        "from flashcards.store import open_store\n"
        "store = open_store(sys.argv[1])\n"
        "t = datetime.fromisoformat('2026-03-02T09:00:00+00:00')\n"
        "with store.raw_read() as c:\n"
        "    ids = [r[0] for r in c.execute('SELECT id FROM card')]\n"
        "print('ready', flush=True)\n"
        "for n in range(600):\n"
        "    service.answer(store, ids[n % len(ids)], 3 + n % 3, t + timedelta(seconds=n),\n"
        "                   date(2026, 3, 2) + timedelta(days=n // 40))\n"
        "print('done', flush=True)\n"
    )
    with subprocess.Popen([sys.executable, "-c", code, str(db_path)],
                          stdout=subprocess.PIPE, text=True) as writer:
        assert writer.stdout is not None
        assert writer.stdout.readline().strip() == "ready"
        counts = []
        for n in range(12):
            made = backup.make_backup(db_path, T0 + timedelta(seconds=n))
            assert_sound(made.path, today=T0.date() + timedelta(days=20))
            counts.append(query(made.path, "SELECT count(*) FROM review")[0][0])
        assert writer.stdout.read().strip() == "done"
    assert writer.returncode == 0
    assert counts == sorted(counts)
    assert query(db_path, "SELECT count(*) FROM review")[0][0] == 600


# --- automatic backups ----------------------------------------------------------------


def test_auto_backup_skips_an_empty_or_missing_store(db_path: Path):
    assert maintenance.auto_backup(db_path, "import", T0, 30) is None
    open_store(db_path).close()  # migrated, no decks
    assert maintenance.auto_backup(db_path, "import", T0, 30) is None
    assert backup.list_backups(db_path) == []


@pytest.mark.parametrize("reason", ["import", "migration", "restore", "prune", "repair"])
def test_forced_reasons_always_back_up(db_path: Path, reason: str):
    seed_store(db_path)
    assert maintenance.auto_backup(db_path, reason, T0, 30) is not None
    assert maintenance.auto_backup(db_path, reason, T0, 30) is not None
    assert len(backup.list_backups(db_path)) == 2


def test_interval_backup_needs_time_and_a_change(db_path: Path):
    seed_store(db_path)
    settings = 30  # backup_interval_minutes
    first = maintenance.auto_backup(db_path, "interval", T0, settings)
    assert first is not None  # no backup yet: take one
    later = T0 + timedelta(minutes=45)
    assert maintenance.auto_backup(db_path, "interval", later, settings) is None  # unchanged
    store = open_store(db_path)
    try:
        service.answer(store, 1, 5, later, later.date())
        assert maintenance.auto_backup(db_path, "interval", T0 + timedelta(minutes=10),
                                  settings) is None  # changed, but too soon
        assert maintenance.auto_backup(db_path, "interval", later, settings) is not None
        # an undo followed by the same answer count is still a change
        service.undo_last(store)
        service.answer(store, 2, 5, later, later.date())
    finally:
        store.close()
    assert maintenance.auto_backup(db_path, "interval", later + timedelta(hours=1),
                              settings) is not None
    assert maintenance.auto_backup(db_path, "interval", later + timedelta(days=1),
                              0) is None


def test_auto_backup_thins_but_a_restore_never_does(db_path: Path):
    seed_store(db_path)
    old = [T0 - timedelta(days=40, hours=h) for h in (3, 2, 1, 0)]  # one day: thinned to one
    for moment in old:
        backup.make_backup(db_path, moment)
    maintenance.auto_backup(db_path, "restore", T0, 30)
    assert len(backup.list_backups(db_path)) == 5
    maintenance.auto_backup(db_path, "import", T0, 30)
    assert [b.taken_at for b in backup.list_backups(db_path)] == [old[-1], T0, T0]


# --- restore ----------------------------------------------------------------------------


def test_restore_brings_back_the_backup_and_saves_the_current_store(db_path: Path):
    seed_store(db_path, answers=10)
    before = snapshot(db_path)
    made = backup.make_backup(db_path, T0)
    store = open_store(db_path)
    try:
        service.answer(store, 3, 1, T0 + timedelta(hours=1), T0.date())
        changed = snapshot(db_path)
        # restore while this process still has the store open
        done = restore.restore(db_path, made.path, T0 + timedelta(hours=2))
        with store.raw_read() as conn:
            count = conn.execute("SELECT count(*) FROM review").fetchone()[0]
        assert count == len(before["review"])
    finally:
        store.close()
    assert snapshot(db_path) == before
    assert_sound(db_path)
    assert done.saved_current is not None
    assert snapshot(done.saved_current.path) == changed
    assert query(db_path, "PRAGMA journal_mode")[0][0] == "wal"


def test_restore_refuses_a_damaged_or_foreign_file(db_path: Path, tmp_path: Path):
    seed_store(db_path)
    before = snapshot(db_path)
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"not a database at all" * 100)
    other = tmp_path / "other.db"
    sqlite3.connect(other).execute("CREATE TABLE t (x)").connection.close()
    for bad in (junk, other):
        with pytest.raises(StoreError):
            restore.restore(db_path, bad, T0)
    assert snapshot(db_path) == before
    assert backup.list_backups(db_path) == []


def test_find_backup_by_name_latest_and_path(db_path: Path):
    seed_store(db_path)
    first = backup.make_backup(db_path, T0)
    second = backup.make_backup(db_path, T0 + timedelta(hours=1))
    assert restore.find_backup(db_path, first.name) == first.path
    assert restore.find_backup(db_path, "latest") == second.path
    assert restore.find_backup(db_path, str(first.path)) == first.path
    with pytest.raises(NotFoundError, match="no backup named"):
        restore.find_backup(db_path, "nope.db")


# --- the commands --------------------------------------------------------------------------


def test_backup_command_makes_one_and_lists(cli, db_path: Path):
    assert "nothing to back up" in cli("backup").stdout
    seed_store(db_path)
    result = cli("backup")
    assert result.exit_code == 0, result.stderr
    assert "Backed up to" in result.stdout
    assert "store-2026-03-02T090000Z.db.zst" in result.stdout
    assert len(backup.list_backups(db_path)) == 1


def test_restore_command_lists_asks_and_restores(cli, db_path: Path):
    seed_store(db_path, answers=5)
    before = snapshot(db_path)
    name = backup.make_backup(db_path, T0 - timedelta(hours=1)).name
    store = open_store(db_path)
    service.answer(store, 1, 0, T0, T0.date())
    store.close()
    changed = snapshot(db_path)
    listing = cli("restore")
    assert listing.exit_code == 0 and name in listing.stdout
    refused = cli("restore", name, input="n\n")
    assert refused.exit_code == 1 and "Nothing restored" in refused.stdout
    assert snapshot(db_path) == changed
    done = cli("restore", name, input="y\n")
    assert done.exit_code == 0, done.stderr
    assert snapshot(db_path) == before
    saved = backup.list_backups(db_path)[-1]
    assert saved.name in done.stdout and snapshot(saved.path) == changed
    assert cli("check").exit_code == 0


def test_restore_command_unknown_name_is_one_clear_line(cli, db_path: Path):
    seed_store(db_path)
    result = cli("restore", "nope.db", "--yes")
    assert result.exit_code == 1
    assert result.stderr.startswith("flashcards: error: no backup named 'nope.db'")
    assert len(result.stderr.splitlines()) == 1


def test_migration_is_preceded_by_a_backup(cli, db_path: Path, monkeypatch):
    from flashcards.store import migrations

    seed_store(db_path)
    before = snapshot(db_path)

    def next_one(conn: sqlite3.Connection) -> None:
        conn.execute("ALTER TABLE deck ADD COLUMN colour TEXT")

    old = migrations.LATEST
    monkeypatch.setattr(migrations, "MIGRATIONS", [*migrations.MIGRATIONS, next_one])
    monkeypatch.setattr(migrations, "LATEST", old + 1)
    assert cli("decks").exit_code == 0
    assert query(db_path, "PRAGMA user_version")[0][0] == old + 1
    [made] = backup.list_backups(db_path)
    assert query(made.path, "PRAGMA user_version")[0][0] == old
    assert snapshot(made.path) == before
    assert cli("decks").exit_code == 0  # no migration pending: no new backup
    assert len(backup.list_backups(db_path)) == 1


def test_failed_forced_backup_stops_the_command(db_path: Path, monkeypatch, capsys):
    from flashcards.cli import common

    monkeypatch.setattr(common.STATE, "db", db_path)
    seed_store(db_path)
    (db_path.parent / "backups").write_text("a file where the folder should be")
    with pytest.raises(FlashcardsError, match="nothing was changed"):
        common.auto_backup("import")
    common.auto_backup("interval")  # after the fact: only a warning
    assert "warning: automatic backup failed" in capsys.readouterr().err
    assert os.path.isfile(db_path.parent / "backups")


def test_import_command_backs_up_before_changing_the_store(cli, db_path: Path, tmp_path: Path):
    deck = tmp_path / "extra.csv"
    deck.write_text("question,answer\nQ1,A1\nQ2,A2\n")
    assert cli("import", str(deck)).exit_code == 0  # an empty store: nothing to back up
    assert backup.list_backups(db_path) == []
    before = snapshot(db_path)
    deck.write_text("question,answer\nQ1,A1 changed\nQ3,A3\n")
    assert cli("import", "--dry-run", str(deck)).exit_code == 0
    assert backup.list_backups(db_path) == []
    result = cli("import", str(deck))
    assert result.exit_code == 0, result.stderr
    [made] = backup.list_backups(db_path)
    assert snapshot(made.path) == before != snapshot(db_path)
    assert cli("import", "--prune", str(deck)).exit_code == 0
    assert len(backup.list_backups(db_path)) == 2


def test_restore_over_a_store_that_is_not_a_database_any_more(cli, db_path: Path):
    seed_store(db_path)
    good = snapshot(db_path)
    backup.make_backup(db_path, T0 - timedelta(hours=1))
    with db_path.open("r+b") as fh:  # the header is gone: SQLite cannot read a page
        fh.write(b"garbage garbage garbage!")
    damaged_bytes = db_path.read_bytes()
    assert cli("check").exit_code == 1
    result = cli("restore", "latest", "--yes")
    assert result.exit_code == 0, result.stderr
    assert "damaged store is kept" in result.stdout
    assert snapshot(db_path) == good
    assert cli("check").exit_code == 0
    [kept] = (db_path.parent / "backups").glob("*.damaged.db")
    assert kept.read_bytes() == damaged_bytes
    assert len(backup.list_backups(db_path)) == 1  # the damaged copy is not offered


# --- compressed backups ---------------------------------------------------------------------


def test_backup_is_compressed_verified_and_under_a_third_of_the_store(history_db: Path):
    made = backup.make_backup(history_db, T0)
    assert made.name == "store-2026-03-02T090000Z.db.zst"
    assert made.size == made.path.stat().st_size <= 0.35 * history_db.stat().st_size
    assert made.path.read_bytes()[:4] == bytes.fromhex("502a4d18")  # zstd skippable frame
    assert snapshot(made.path) == snapshot(history_db)
    assert sorted(p.name for p in made.path.parent.iterdir()) == [made.name]


@pytest.mark.skipif(not shutil.which("zstd"), reason="no zstd tool")
def test_the_zstd_tool_gives_the_sqlite_file_back(db_path: Path, tmp_path: Path):
    seed_store(db_path)
    made = backup.make_backup(db_path, T0)
    out = tmp_path / "plain.db"
    subprocess.run(["zstd", "-q", "-d", str(made.path), "-o", str(out)], check=True)
    assert snapshot(out) == snapshot(db_path)
    assert_sound(out)


def _pad(db_path: Path, megabytes: int) -> None:
    """Make the store big (incompressible blobs), to see what is held in memory."""
    conn = sqlite3.connect(db_path)
    conn.execute("CREATE TABLE pad (x BLOB)")
    conn.executemany("INSERT INTO pad VALUES (randomblob(1048576))", [()] * megabytes)
    conn.commit()
    conn.close()


def test_backup_and_restore_stream_never_the_whole_store_in_memory(db_path: Path):
    import tracemalloc

    seed_store(db_path)
    _pad(db_path, 12)
    tracemalloc.start()
    try:
        made = backup.make_backup(db_path, T0)
        restore.restore(db_path, made.path, T0 + timedelta(hours=1))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 5 * 2**20, f"peak {peak / 2**20:.1f} MB for a 12 MB store"
    assert query(db_path, "SELECT count(*) FROM pad") == [(12,)]


def _damage_snapshot(monkeypatch: pytest.MonkeyPatch) -> None:
    real = backup._copy

    def copy_then_damage(source: Path, target: Path) -> None:
        real(source, target)
        with target.open("r+b") as fh:
            fh.seek(4096)
            fh.write(b"\xde\xad\xbe\xef" * 4096)

    monkeypatch.setattr(backup, "_copy", copy_then_damage)


def _truncate_backup(monkeypatch: pytest.MonkeyPatch) -> None:
    from flashcards.store import compress

    real = compress.compress

    def compress_then_truncate(source: Path, target: Path, note: str) -> None:
        real(source, target, note)
        os.truncate(target, target.stat().st_size - 40)

    monkeypatch.setattr(compress, "compress", compress_then_truncate)


@pytest.mark.parametrize("fault", [_damage_snapshot, _truncate_backup])
def test_a_backup_that_fails_verification_is_deleted(db_path: Path, monkeypatch, fault, cli):
    seed_store(db_path, cards=200)
    before = snapshot(db_path)
    fault(monkeypatch)
    with pytest.raises(StoreError, match="the backup failed verification and was deleted"):
        backup.make_backup(db_path, T0)
    assert list((db_path.parent / "backups").iterdir()) == []  # no backup, no temp file
    result = cli("backup")
    assert result.exit_code == 1 and len(result.stderr.splitlines()) == 1
    assert "failed verification" in result.stderr and "Traceback" not in result.stderr
    assert snapshot(db_path) == before


def _old_style_backup(db_path: Path, moment: datetime) -> Path:
    """A backup as versions before compression made them: a plain SQLite copy, `.db`."""
    folder = db_path.parent / "backups"
    folder.mkdir(exist_ok=True)
    path = folder / f"store-{moment.strftime('%Y-%m-%dT%H%M%S')}Z.db"
    backup._copy(db_path, path)
    return path


def test_old_uncompressed_backups_are_listed_thinned_restored_and_checked(db_path: Path, cli):
    seed_store(db_path, answers=5)
    old_content = snapshot(db_path)
    days = [T0 - timedelta(days=40, hours=h) for h in (3, 2, 1, 0)]  # one day: thinned to one
    old = [_old_style_backup(db_path, days[0]), _old_style_backup(db_path, days[2])]
    new = [backup.make_backup(db_path, days[1]).path, backup.make_backup(db_path, days[3]).path]
    assert [b.path for b in backup.list_backups(db_path)] == [old[0], new[0], old[1], new[1]]
    assert backup.fingerprint(old[1]) == backup.fingerprint(new[1]) == backup.fingerprint(
        db_path) is not None
    maintenance.thin_backups(db_path, T0)
    assert [b.path for b in backup.list_backups(db_path)] == [new[1]]
    kept = _old_style_backup(db_path, T0 - timedelta(hours=2))
    store = open_store(db_path)
    service.answer(store, 1, 0, T0, T0.date())
    store.close()
    listing = cli("restore")
    assert kept.name in listing.stdout and new[1].name in listing.stdout
    result = cli("restore", kept.name, "--yes")
    assert result.exit_code == 0, result.stderr
    assert snapshot(db_path) == old_content
    check = cli("check", "--repair")
    assert check.exit_code == 0, check.stdout


def test_the_change_test_reads_a_compressed_backup_without_decompressing(db_path: Path,
                                                                         monkeypatch):
    from flashcards.store import compress

    seed_store(db_path)
    made = backup.make_backup(db_path, T0)

    def no_decompression(*args: object) -> None:
        raise AssertionError("decompressed the backup to compare fingerprints")

    monkeypatch.setattr(compress, "decompress", no_decompression)
    assert backup.fingerprint(made.path) == backup.fingerprint(db_path) is not None
    assert maintenance.auto_backup(db_path, "interval", T0 + timedelta(hours=1), 30) is None
    made.path.write_bytes(made.path.read_bytes()[8:])  # no note: assume it changed
    assert backup.fingerprint(made.path) is None


def test_restore_decompresses_beside_the_store_and_leaves_no_temp_file(db_path: Path,
                                                                       monkeypatch):
    from flashcards.store import compress

    seed_store(db_path, answers=10)
    before = snapshot(db_path)
    made = backup.make_backup(db_path, T0)
    store = open_store(db_path)
    service.answer(store, 3, 1, T0 + timedelta(hours=1), T0.date())
    store.close()
    folders = []
    real = compress.decompress

    def spy(source: Path, target: Path) -> None:
        folders.append(target.parent)
        real(source, target)

    monkeypatch.setattr(compress, "decompress", spy)
    done = restore.restore(db_path, made.path, T0 + timedelta(hours=2))
    assert snapshot(db_path) == before
    assert folders[0] == db_path.parent  # the backup, decompressed beside the store
    assert done.saved_current is not None and done.saved_current.name.endswith(".db.zst")
    assert not [p for p in db_path.parent.rglob(".*") if ".tmp" in p.name]


@pytest.mark.parametrize("damage", ["garbage", "truncated", "not zstd"])
def test_restore_refuses_a_damaged_compressed_backup_in_one_line(cli, db_path: Path,
                                                                tmp_path: Path, damage: str):
    seed_store(db_path)
    good = backup.make_backup(db_path, T0).path.read_bytes()
    bad = tmp_path / "bad.db.zst"
    bad.write_bytes({"garbage": good[:200] + b"\x00" * 64 + good[264:],
                     "truncated": good[: len(good) // 2],
                     "not zstd": b"SQLite format 3\x00" * 64}[damage])
    before = snapshot(db_path)
    result = cli("restore", str(bad), "--yes")
    assert result.exit_code == 1
    assert result.stderr.startswith(f"flashcards: error: {bad}: ")
    assert len(result.stderr.splitlines()) == 1 and "Traceback" not in result.stderr
    assert snapshot(db_path) == before
    assert len(backup.list_backups(db_path)) == 1  # nothing was taken for a refused restore
    assert not [p for p in db_path.parent.rglob(".*") if ".tmp" in p.name]


def test_restore_command_decompresses_the_backup_once(cli, db_path: Path, monkeypatch):
    from flashcards.store import compress

    seed_store(db_path)
    made = backup.make_backup(db_path, T0 - timedelta(hours=1))
    sources: list[Path] = []
    real = compress.decompress

    def spy(source: Path, target: Path) -> None:
        sources.append(source)
        real(source, target)

    monkeypatch.setattr(compress, "decompress", spy)
    result = cli("restore", made.name, input="y\n")
    assert result.exit_code == 0, result.stderr
    saved = backup.list_backups(db_path)[-1]
    assert sources == [made.path, saved.path]  # checked before asking; the new one verified
