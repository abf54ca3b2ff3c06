"""Shared helpers for the benchmark scripts: time whole processes, report medians."""

from __future__ import annotations

import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

BIN = Path(sys.executable).parent
# Bytecode caching on, in a private folder, for every process we time (baselines too):
# some environments set PYTHONDONTWRITEBYTECODE, which makes each run recompile every
# module it imports and measures the compiler instead of the program.
_PYCACHE = tempfile.mkdtemp(prefix="bench-pycache-")


def bench_env(env: dict[str, str] | None = None) -> dict[str, str]:
    full = {**os.environ, **(env or {}), "PYTHONPYCACHEPREFIX": _PYCACHE}
    full.pop("PYTHONDONTWRITEBYTECODE", None)
    return full
FLASHCARDS = str(BIN / "flashcards")
PYTHON = sys.executable


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


def interleaved(commands: dict[str, Sequence[str]], runs: int = 7,
                env: dict[str, str] | None = None) -> dict[str, float]:
    """Median wall time of each command, runs taken in turn (round robin) so that load
    from other processes on a shared machine falls on all of them alike."""
    times: dict[str, list[float]] = {name: [] for name in commands}
    for i in range(runs + 1):
        for name, argv in commands.items():
            elapsed, _ = run_timed(argv, env)
            if i:  # the first round warms caches
                times[name].append(elapsed)
    return {name: statistics.median(values) for name, values in times.items()}


def report(rows: list[tuple[str, float, str]]) -> None:
    width = max(len(name) for name, _, _ in rows)
    for name, seconds, note in rows:
        print(f"  {name:<{width}}  {seconds * 1000:8.1f} ms  {note}")
