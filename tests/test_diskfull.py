"""A full disk, a read-only store, a busy store: one clear message, nothing committed lost.

Three real failures, no mocks of our own code: SQLite's max_page_count (SQLite itself
reports "database or disk is full"), a file-size limit on a child process (its writes
fail in the kernel, as on a full disk), and a read-only file and folder (for root, the
child drops the capabilities that let root ignore permissions).
"""

from __future__ import annotations

import ctypes
import os
import resource
import signal
import sqlite3
import stat
import subprocess
import sys
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest

from flashcards import service
from flashcards.domain.errors import StoreError
from flashcards.store import db as store_db
from flashcards.store import open_store
from safety import DAY0, T0, assert_sound, seed_store, snapshot

RUN_CLI = "import sys; from flashcards.cli import main; sys.argv[0] = 'flashcards'; main()"


def big_csv(path: Path, rows: int = 4000) -> Path:
    path.write_text("question,answer\n" + "".join(
        f"Question number {i} about the Indian constitution?,{'answer text ' * 20}{i}\n"
        for i in range(rows)))
    return path


def assert_one_clear_line(stderr: str, *words: str) -> None:
    lines = stderr.strip().splitlines()
    assert len(lines) == 1, stderr
    assert lines[0].startswith("flashcards: error: "), stderr
    assert "Traceback" not in stderr
    for word in words:
        assert word in lines[0], stderr


# --- SQLite's own "database or disk is full" ----------------------------------------


def fill_disk(monkeypatch: pytest.MonkeyPatch) -> None:
    """From now on, every new connection may grow the file by two pages at most."""
    original = store_db._connect

    def limited(path: Path) -> sqlite3.Connection:
        conn = original(path)
        pages = conn.execute("PRAGMA page_count").fetchone()[0]
        conn.execute(f"PRAGMA max_page_count = {pages + 2}")
        return conn

    monkeypatch.setattr(store_db, "_connect", limited)


def test_full_disk_during_import_is_one_message_and_changes_nothing(
        db_path: Path, cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    seed_store(db_path)
    fill_disk(monkeypatch)
    before = snapshot(db_path)
    result = cli("import", str(big_csv(tmp_path / "big.csv")))
    assert result.exit_code == 1
    assert_one_clear_line(result.stderr, "disk is full", "nothing of this change was saved")
    assert snapshot(db_path) == before
    assert_sound(db_path)


def test_full_disk_in_the_service_layer_raises_store_error(db_path: Path, monkeypatch):
    from conftest import make_deck

    seed_store(db_path)
    fill_disk(monkeypatch)
    before = snapshot(db_path)
    store = open_store(db_path)
    try:
        with pytest.raises(StoreError, match="the disk is full"):
            service.import_decks(store, [(make_deck("Huge", 3000), None)], T0)
        # the store is still usable for what fits
        service.answer(store, 1, 4, T0 + timedelta(hours=1), DAY0)
    finally:
        store.close()
    assert snapshot(db_path)["card"] != [] and len(snapshot(db_path)["review"]) == len(
        before["review"]) + 1


# --- a busy store --------------------------------------------------------------------------


def test_a_store_kept_busy_gives_a_clear_error(db_path: Path, monkeypatch):
    seed_store(db_path)
    monkeypatch.setattr(store_db, "BUSY_TIMEOUT_MS", 100)
    holder = sqlite3.connect(db_path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    store = open_store(db_path)
    try:
        with pytest.raises(StoreError, match="kept the store busy"):
            service.answer(store, 1, 5, T0, DAY0)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
        store.close()


# --- a real write failure: a file-size limit on the process ------------------------------


def _limit_file_size(limit: int) -> None:
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # fail the write instead of killing us
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))


def test_write_failure_in_the_kernel_is_one_message_and_loses_nothing(
        db_path: Path, tmp_path: Path):
    seed_store(db_path)
    before = snapshot(db_path)
    limit = db_path.stat().st_size + 48 * 1024  # room for the backup, not for the import
    env = {**os.environ, "FLASHCARDS_DB": str(db_path)}
    proc = subprocess.run([sys.executable, "-c", RUN_CLI, "import",
                           str(big_csv(tmp_path / "big.csv"))],
                          capture_output=True, text=True, env=env,
                          preexec_fn=lambda: _limit_file_size(limit))
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert_one_clear_line(proc.stderr, "nothing of this change was saved")
    assert snapshot(db_path) == before
    assert_sound(db_path)


# --- a read-only store -------------------------------------------------------------------------


def _as_ordinary_user() -> None:
    """For root: drop the capabilities that bypass file permissions, for this child."""
    if os.geteuid() == 0:
        libc = ctypes.CDLL(None, use_errno=True)
        for cap in (1, 2):  # CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH
            if libc.prctl(24, cap, 0, 0, 0) != 0:  # PR_CAPBSET_DROP
                raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP)")


@pytest.fixture
def read_only(db_path: Path) -> Iterator[Path]:
    seed_store(db_path)
    folder = db_path.parent
    modes = {p: p.stat().st_mode for p in (db_path, folder)}
    db_path.chmod(0o444)
    folder.chmod(0o555)
    try:
        yield db_path
    finally:
        for path, mode in modes.items():
            path.chmod(stat.S_IMODE(mode))


def run_limited(db_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "FLASHCARDS_DB": str(db_path)}
    return subprocess.run([sys.executable, "-c", RUN_CLI, *args], capture_output=True,
                          text=True, env=env, preexec_fn=_as_ordinary_user)


def test_read_only_store_is_one_message_and_unchanged(read_only: Path, tmp_path: Path):
    before_bytes = read_only.read_bytes()
    probe = subprocess.run([sys.executable, "-c", "import sys; open(sys.argv[1], 'w')",
                            str(read_only.parent / "probe")], capture_output=True,
                           preexec_fn=_as_ordinary_user)
    assert probe.returncode != 0, "the child can still write: the folder is not read-only"
    deck = big_csv(tmp_path.parent / f"{tmp_path.name}-deck.csv", rows=5)
    try:
        result = run_limited(read_only, "import", str(deck))
    finally:
        deck.unlink()
    assert result.returncode == 1, result.stdout + result.stderr
    assert_one_clear_line(result.stderr)
    for args in (("decks",), ("check",), ("backup",)):
        other = run_limited(read_only, *args)
        assert other.returncode in (0, 1), other.stderr
        if other.returncode:
            assert_one_clear_line(other.stderr)
    assert read_only.read_bytes() == before_bytes
    assert not (read_only.parent / "backups").exists()
