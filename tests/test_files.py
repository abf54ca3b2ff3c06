"""domain.files.atomic_write: the one way a file is written. The old file or the new one,
never half of one; no temp file left; devices and pipes written in place."""

from __future__ import annotations

import os
import stat
import threading
from pathlib import Path

import pytest

from flashcards.domain import files
from flashcards.domain.files import atomic_path, atomic_write
from flashcards.store.backup import list_backups
from safety import seed_store


@pytest.fixture
def where(tmp_path: Path) -> Path:
    """An empty folder of this test's own (tmp_path also holds the hermetic home)."""
    folder = tmp_path / "files"
    folder.mkdir()
    return folder


def test_writes_bytes_and_text_and_leaves_no_temp_file(where: Path):
    with atomic_write(where / "a.bin") as out:
        out.write(b"\x00\x01")
    with atomic_write(where / "b.txt", "w", encoding="utf-8", newline="") as text:
        text.write("कार्ड\r\n")
    assert (where / "a.bin").read_bytes() == b"\x00\x01"
    assert (where / "b.txt").read_bytes() == "कार्ड\r\n".encode()
    assert sorted(p.name for p in where.iterdir()) == ["a.bin", "b.txt"]


@pytest.mark.parametrize("error", [RuntimeError, OSError, KeyboardInterrupt])
def test_a_failed_write_leaves_the_old_file_and_no_temp(where: Path, error: type):
    target = where / "deck.toml"
    target.write_bytes(b"old")
    with pytest.raises(error), atomic_write(target) as out:
        out.write(b"half of the new")
        raise error()
    assert target.read_bytes() == b"old"
    assert list(where.iterdir()) == [target]


def test_a_failed_write_of_a_new_file_leaves_nothing(where: Path):
    with pytest.raises(KeyboardInterrupt), atomic_write(where / "new.csv") as out:
        out.write(b"x")
        raise KeyboardInterrupt
    assert list(where.iterdir()) == []


def test_temp_file_is_unpredictable_beside_the_target_synced_then_renamed(
        where: Path, monkeypatch: pytest.MonkeyPatch):
    events: list[str] = []
    real_fsync, real_replace = os.fsync, os.replace

    def fsync(fd: int) -> None:
        events.append("fsync folder" if stat.S_ISDIR(os.fstat(fd).st_mode) else "fsync file")
        real_fsync(fd)

    def replace(src: str, dst: str) -> None:
        events.append(f"replace {Path(src).parent == where} {Path(src).name} {dst}")
        real_replace(src, dst)

    monkeypatch.setattr(os, "fsync", fsync)
    monkeypatch.setattr(os, "replace", replace)
    target = where / "out.csv"
    with atomic_write(target) as out:
        out.write(b"x")
    assert events[0] == "fsync file" and events[2] == "fsync folder" and len(events) == 3
    _, same_folder, name, dst = events[1].split(" ")
    assert same_folder == "True" and dst == str(target)
    assert name.startswith(".out.csv.") and name.endswith(".tmp")
    assert name != f".out.csv.{os.getpid()}.tmp" and len(name) > len(".out.csv..tmp") + 4


def test_permissions_are_kept_or_default_not_private(where: Path):
    old = os.umask(0o022)
    try:
        with atomic_write(where / "new") as out:
            out.write(b"x")
        assert stat.S_IMODE((where / "new").stat().st_mode) == 0o644
        (where / "secret").write_bytes(b"old")
        (where / "secret").chmod(0o600)
        with atomic_write(where / "secret") as out:
            out.write(b"new")
        assert stat.S_IMODE((where / "secret").stat().st_mode) == 0o600
    finally:
        os.umask(old)


def test_a_symlink_at_the_target_is_followed_and_kept(where: Path):
    real = where / "dotfiles" / "config.toml"
    real.parent.mkdir()
    real.write_bytes(b"old")
    link = where / "config.toml"
    link.symlink_to(real)
    with atomic_write(link) as out:
        out.write(b"new")
    assert link.is_symlink() and real.read_bytes() == b"new"
    assert sorted(p.name for p in real.parent.iterdir()) == ["config.toml"]


def test_a_fifo_is_written_in_place(where: Path):
    fifo = where / "pipe"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader.start()
    with atomic_write(fifo) as out:
        out.write(b"a,b\n")
    reader.join(timeout=10)
    assert received == [b"a,b\n"]
    assert stat.S_ISFIFO(fifo.stat().st_mode)
    assert list(where.iterdir()) == [fifo]


def test_dev_null_stays_a_device():
    with atomic_write(os.devnull, "w", encoding="utf-8") as out:
        out.write("x" * 1000)
    assert stat.S_ISCHR(os.stat(os.devnull).st_mode)


def test_atomic_path_for_writers_that_need_a_name(where: Path):
    target = where / "store.db"
    target.write_bytes(b"old")
    with atomic_path(target) as temp:
        assert temp.parent == where and temp.name.startswith(".store.db.")
        assert temp.read_bytes() == b""
        temp.write_bytes(b"new")
    assert target.read_bytes() == b"new"
    with pytest.raises(KeyboardInterrupt), atomic_path(target) as temp:
        temp.write_bytes(b"half")
        raise KeyboardInterrupt
    assert target.read_bytes() == b"new" and list(where.iterdir()) == [target]


def test_scratch_file_is_removed_however_the_block_ends(where: Path):
    with files.scratch_file(where, "store.db") as scratch:
        assert scratch.parent == where and scratch.name.startswith(".store.db.")
        assert scratch.name.endswith(".tmp") and scratch.read_bytes() == b""
        scratch.write_bytes(b"work")
    assert list(where.iterdir()) == []
    with pytest.raises(KeyboardInterrupt), files.scratch_file(where, "x") as scratch:
        raise KeyboardInterrupt
    assert list(where.iterdir()) == []


def test_bad_mode_is_refused(where: Path):
    with pytest.raises(ValueError, match="mode"):
        files.atomic_write(where / "x", "a")  # type: ignore[call-overload]
    assert list(where.iterdir()) == []


# --- every writer: symlinks planted at the old predictable temp names ----------------------
# Before atomic_write, writers used `.<name>.tmp` or `.<name>.<pid>.tmp`: anyone who could
# guess the name could plant a symlink there, and the write went wherever it pointed.


Setup = tuple[list[str], list[str], Path]  # old temp names (in out/), the command, target


def _build(out: Path, monkeypatch: pytest.MonkeyPatch) -> Setup:
    article = out.parent / "a.txt"
    article.write_text("Challenges:\n\n1. **A:** One.\n2. **B:** Two.\n")
    return [".a.toml.tmp"], ["build", str(article), "-o", str(out)], out / "a.toml"


def _export_reviews(out: Path, monkeypatch: pytest.MonkeyPatch) -> Setup:
    seed_store(Path(os.environ["FLASHCARDS_DB"]))
    return ([f".reviews.csv.{os.getpid()}.tmp"],
            ["export", "reviews", "-o", str(out / "reviews.csv")], out / "reviews.csv")


def _export_decks(out: Path, monkeypatch: pytest.MonkeyPatch) -> Setup:
    seed_store(Path(os.environ["FLASHCARDS_DB"]))
    return ([f".deck-0.toml.{os.getpid()}.tmp", f".deck-1.toml.{os.getpid()}.tmp"],
            ["export", "decks", "-o", f"{out}/"], out / "deck-1.toml")


def _config(out: Path, monkeypatch: pytest.MonkeyPatch) -> Setup:
    monkeypatch.setenv("FLASHCARDS_CONFIG", str(out / "config.toml"))
    return ([f".config.toml.{os.getpid()}.tmp"], ["config", "new_per_day", "25"],
            out / "config.toml")


def _backup(out: Path, monkeypatch: pytest.MonkeyPatch) -> Setup:
    monkeypatch.setenv("FLASHCARDS_DB", str(out / "store.db"))
    seed_store(out / "store.db")
    (out / "backups").mkdir()
    return ([f"backups/.store-2026-03-02T090000Z.{os.getpid()}.tmp"], ["backup"],
            out / "backups")


@pytest.mark.parametrize("victim", ["existing", "dangling"])
@pytest.mark.parametrize("writer", [_build, _export_reviews, _export_decks, _config, _backup],
                         ids=lambda f: f.__name__.strip("_"))
def test_symlinks_at_the_old_temp_names_are_never_followed(
        cli, tmp_path: Path, writer, victim: str, monkeypatch: pytest.MonkeyPatch):
    out, outside = tmp_path / "out", tmp_path / "outside"
    out.mkdir()
    outside.mkdir()
    names, args, target = writer(out, monkeypatch)
    for n, name in enumerate(names):
        if victim == "existing":
            (outside / f"victim-{n}").write_bytes(b"precious")
        (out / name).symlink_to(outside / f"victim-{n}")
    result = cli(*args)
    assert result.exit_code == 0, result.stderr
    expected = {f"victim-{n}": b"precious" for n in range(len(names))} \
        if victim == "existing" else {}
    assert {p.name: p.read_bytes() for p in outside.iterdir()} == expected
    written = [b.path for b in list_backups(out / "store.db")] \
        if target.name == "backups" else [target]
    assert written and all(p.is_file() and not p.is_symlink() for p in written)
