"""Shared helpers for the benchmark scripts: time whole processes, report medians."""

from __future__ import annotations

import argparse
import atexit
import contextlib
import os
import resource
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import NamedTuple

BIN = Path(sys.executable).parent
# Bytecode caching on, in a private folder, for every process we time (baselines too):
# some environments set PYTHONDONTWRITEBYTECODE, which makes each run recompile every
# module it imports and measures the compiler instead of the program.
_PYCACHE = tempfile.mkdtemp(prefix="bench-pycache-")
atexit.register(shutil.rmtree, _PYCACHE, ignore_errors=True)


def bench_env(env: dict[str, str] | None = None) -> dict[str, str]:
    full = {**os.environ, **(env or {}), "PYTHONPYCACHEPREFIX": _PYCACHE}
    full.pop("PYTHONDONTWRITEBYTECODE", None)
    return full
FLASHCARDS = str(BIN / "flashcards")
PYTHON = sys.executable
OURS = [PYTHON, "-c", "from flashcards.cli import main; main()"]  # the entry point's work


class Child(NamedTuple):
    wall: float  # seconds
    cpu: float  # seconds, user + system
    peak_mb: float  # peak RSS
    stdout: str


def run_child(argv: Sequence[str], env: dict[str, str]) -> Child:
    """Run a command to completion and measure that child alone (wait4); exit with its
    stderr if it fails."""
    with tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(argv, env=env, stdout=subprocess.PIPE, stderr=err)
        assert proc.stdout is not None
        out = proc.stdout.read()
        _, status, usage = os.wait4(proc.pid, 0)
        elapsed = time.perf_counter() - start
        if os.waitstatus_to_exitcode(status):
            err.seek(0)
            sys.exit(f"failed: {' '.join(argv)}\n{err.read().decode(errors='replace')}")
    return Child(elapsed, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024,
                 out.decode())


def run_timed(argv: Sequence[str], env: dict[str, str] | None = None,
              stdin: str | None = None) -> tuple[float, int]:
    """Run a command to completion: (wall seconds, peak RSS in MB of that child)."""
    full_env = bench_env(env)
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    start = time.perf_counter()
    subprocess.run(argv, env=full_env, input=stdin, text=True, check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    elapsed = time.perf_counter() - start
    # ru_maxrss of children is the max over all children so far: only meaningful when it grows
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return elapsed, max(peak, before) // 1024


def peak_rss_mb(argv: Sequence[str], env: dict[str, str] | None = None) -> float:
    """Peak RSS of one run, measured by GNU time in its own process tree."""
    full_env = bench_env(env)
    proc = subprocess.run(["/usr/bin/time", "-f", "%M", *argv], env=full_env, text=True,
                          capture_output=True, check=True)
    return int(proc.stderr.strip().splitlines()[-1]) / 1024


def tree_peak_mb(argv: Sequence[str], env: dict[str, str], every: float = 0.005) -> float:
    """Peak memory of a command with every process it starts (our import parses in a
    child while it writes; ru_maxrss would give the larger of the two, not their sum):
    the summed proportional set size (PSS: a page two processes share counts half in
    each) of the process tree, read from /proc every `every` seconds. Linux only; a run
    of its own, since the sampling costs some CPU."""
    proc = subprocess.Popen(argv, env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    peak = 0
    while proc.poll() is None:
        peak = max(peak, sum(_pss_kb(pid) for pid in _tree(proc.pid)))
        time.sleep(every)
    if proc.returncode:
        sys.exit(f"failed: {' '.join(argv)}")
    return peak / 1024


def _tree(pid: int) -> list[int]:
    pids, todo = [], [pid]
    while todo:
        pid = todo.pop()
        pids.append(pid)
        with contextlib.suppress(OSError):
            todo += map(int, Path(f"/proc/{pid}/task/{pid}/children").read_text().split())
    return pids


def _pss_kb(pid: int) -> int:
    with contextlib.suppress(OSError):
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1])
    return 0


def median_time(argv: Sequence[str], runs: int = 7, env: dict[str, str] | None = None,
                stdin: str | None = None, setup: object = None) -> float:
    """Median wall time of `runs` whole-process runs (one warm-up run first)."""
    times = []
    for i in range(runs + 1):
        if callable(setup):
            setup()
        elapsed, _ = run_timed(argv, env, stdin)
        if i:
            times.append(elapsed)
    return statistics.median(times)


def interleaved_runs(commands: dict[str, Sequence[str]], runs: int = 7,
                     env: dict[str, str] | None = None) -> dict[str, list[Child]]:
    """Each command run `runs` times as a whole process (wall, CPU, peak RSS of that
    child), taken in turn (round robin: A B C A B C ...) so that load from other
    processes on a shared machine falls on all of them alike. One first round warms
    caches and is not counted."""
    full_env = bench_env(env)
    results: dict[str, list[Child]] = {name: [] for name in commands}
    for i in range(runs + 1):
        for name, argv in commands.items():
            child = run_child(argv, full_env)
            if i:
                results[name].append(child)
    return results


def interleaved(commands: dict[str, Sequence[str]], runs: int = 7,
                env: dict[str, str] | None = None) -> dict[str, float]:
    """Median wall time of each command, runs taken in turn (see interleaved_runs)."""
    return {name: statistics.median(c.wall for c in children)
            for name, children in interleaved_runs(commands, runs, env).items()}


def paired_ratio(ours: Sequence[float], floor: Sequence[float]) -> float:
    """The median of the per-round ratios ours / floor: each round's two runs met the
    same machine, so a drift in its speed during the run cancels out."""
    return statistics.median(a / b for a, b in zip(ours, floor, strict=True))


def versus_floor(ours: Sequence[Child], floor: Sequence[Child]) -> str:
    """'1.21x wall, 1.30x CPU' (paired ratios) of a command against its floor."""
    wall = paired_ratio([c.wall for c in ours], [c.wall for c in floor])
    cpu = paired_ratio([c.cpu for c in ours], [c.cpu for c in floor])
    return f"{wall:.2f}x wall, {cpu:.2f}x CPU"


def report_runs(rows: list[tuple[str, Sequence[Child], str]]) -> None:
    """One line per command: median wall and CPU time, peak RSS (the largest), a note."""
    width = max(len(name) for name, _, _ in rows)
    for name, children, note in rows:
        wall = statistics.median(c.wall for c in children)
        cpu = statistics.median(c.cpu for c in children)
        peak = max(c.peak_mb for c in children)
        print(f"  {name:<{width}}  {wall * 1000:7.0f} ms wall  {cpu * 1000:7.0f} ms CPU"
              f"  {peak:4.0f} MB  {note}".rstrip())


# --- floors: the command reduced to its SQL (bench/floor.py) ---------------------------

FLOOR = str(Path(__file__).with_name("floor.py"))


class _RecordingCursor:
    def __init__(self, recorder: Recorder) -> None:
        self._recorder = recorder
        self._cursor = recorder.connection.cursor()

    def execute(self, sql: str, params: Sequence[object] = ()) -> _RecordingCursor:
        self._recorder.statements.append((sql, list(params)))
        self._cursor.execute(sql, params)
        return self

    def __getattr__(self, name: str) -> object:
        return getattr(self._cursor, name)


class Recorder:
    """Stands in for the store's sqlite3 connection in our query code: notes every
    statement (SQL and parameters) and passes it on. What it notes is what the command
    runs, so the floor (bench/floor.py) runs the same SQL and never drifts from it."""

    def __init__(self, connection: sqlite3.Connection) -> None:
        self.connection = connection
        self.statements: list[tuple[str, list[object]]] = []

    def execute(self, sql: str, params: Sequence[object] = ()) -> sqlite3.Cursor:
        self.statements.append((sql, list(params)))
        return self.connection.execute(sql, params)

    def cursor(self) -> _RecordingCursor:
        return _RecordingCursor(self)


def write_statements(path: Path, statements: list[tuple[str, list[object]]],
                     **extra: object) -> Path:
    import json

    path.write_text(json.dumps({"statements": statements, **extra}), encoding="utf-8")
    return path


def report(rows: list[tuple[str, float, str]]) -> None:
    width = max(len(name) for name, _, _ in rows)
    for name, seconds, note in rows:
        print(f"  {name:<{width}}  {seconds * 1000:8.1f} ms  {note}")


def work_env(work: Path, now: str) -> dict[str, str]:
    """The environment for timing flashcards in a temp folder: its own data dir and
    settings, a fixed clock, no colour, no inherited FLASHCARDS_DB, bytecode caching on."""
    env = bench_env({"FLASHCARDS_NOW": now, "FLASHCARDS_DATA_DIR": str(work / "data"),
                     "FLASHCARDS_CONFIG": str(work / "config.toml"), "NO_COLOR": "1"})
    env.pop("FLASHCARDS_DB", None)
    return env


def add_store_options(parser: argparse.ArgumentParser, runs: int = 5) -> None:
    parser.add_argument("--runs", type=int, default=runs)
    parser.add_argument("--cards", type=int, default=100_000)
    parser.add_argument("--reviews", type=int, default=1_000_000)


@contextlib.contextmanager
def big_store(cards: int, reviews: int) -> Iterator[tuple[Path, dict[str, str]]]:
    """A temp copy of the generated store (bench/generate.py), migrated once, and the
    environment that points flashcards at it with a fixed clock."""
    from generate import NOW_ENV, cached_store

    with tempfile.TemporaryDirectory() as tmp:
        db = cached_store(Path(tmp) / "bench.db", cards=cards, reviews=reviews)
        env = {"FLASHCARDS_DB": str(db), "FLASHCARDS_NOW": NOW_ENV, "NO_COLOR": "1",
               "FLASHCARDS_CONFIG": str(Path(tmp) / "none.toml")}
        subprocess.run([FLASHCARDS, "decks"], env=bench_env(env), check=True,
                       stdout=subprocess.DEVNULL)  # run the migrations before timing
        yield db, env


def count_cards(db: Path) -> int:
    with contextlib.closing(sqlite3.connect(db)) as conn:
        return int(conn.execute("SELECT count(*) FROM card").fetchone()[0])
