"""Keeping the store safe: when to back it up, which backups to keep, check and repair.

The policy lives here; the SQLite work (snapshots, listing, checks) in store/. Times are
arguments: nothing here reads the clock.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

from flashcards.domain.errors import StoreError
from flashcards.store import backup as store_backup
from flashcards.store.backup import Backup, list_backups, make_backup
from flashcards.store.check import Report as CheckReport

# Reasons that always take a backup (when the store has data); the periodic one
# ("interval") only does when the interval has passed and the store changed.
FORCED = frozenset({"import", "migration", "restore", "prune", "repair", "manual"})


# --- thinning ----------------------------------------------------------------


@dataclass(frozen=True)
class Limits:
    recent: timedelta = timedelta(days=2)
    daily: int = 12
    weekly: int = 10
    monthly: int = 9


def thin(times: Iterable[datetime], now: datetime, limits: Limits = Limits()) -> set[datetime]:
    """The backup times to keep; pure.

    Newest first: every backup of the last 2 days (and any from the future) is kept; then
    the newest backup of each older day, for 12 days that have backups; then the newest of
    each older week (ISO weeks), for 10 weeks; then of each older month, for 9 months.
    Days, weeks and months are counted in the time zone of `now`. Counting days that have
    backups, rather than calendar days, means a long break never thins every backup away.
    """
    keep: set[datetime] = set()
    daily, weekly, monthly = limits.daily, limits.weekly, limits.monthly
    last: tuple[date, tuple[int, int], tuple[int, int]] | None = None
    for moment in sorted(set(times), reverse=True):
        local = moment.astimezone(now.tzinfo)
        day = local.date()
        week = day.isocalendar()[:2]
        month = (day.year, day.month)
        # the tiers follow each other: weekly ones only once the daily ones are used up
        if now - moment < limits.recent:
            pass
        elif daily:
            if last is not None and day >= last[0]:
                continue
            daily -= 1
        elif weekly:
            if last is not None and week >= last[1]:
                continue
            weekly -= 1
        elif monthly:
            if last is not None and month >= last[2]:
                continue
            monthly -= 1
        else:
            continue
        keep.add(moment)
        last = (day, (week[0], week[1]), month)
    return keep


def thin_backups(store_path: Path, now: datetime) -> list[Backup]:
    """Delete the backups `thin` does not keep; return the deleted ones."""
    backups = list_backups(store_path)
    kept = thin((b.moment for b in backups), now)
    removed = []
    for backup in backups:
        if backup.moment in kept:
            continue
        try:
            backup.path.unlink()
        except FileNotFoundError:
            pass
        except OSError as exc:
            raise StoreError(f"cannot remove old backup {backup.path}: {exc.strerror}") from None
        removed.append(backup)
    return removed


# --- automatic backups --------------------------------------------------------


def auto_backup(store_path: Path, reason: str, now: datetime,
                interval_minutes: int) -> Backup | None:
    """The automatic backup: always before an import, migration, restore, prune or repair
    (when the store has data); for `reason="interval"` (after a command that may have
    changed the store) only when `interval_minutes` (0: never) have passed since the
    newest backup and the store differs from it. Thins old backups, except on a restore."""
    store_path = Path(store_path)
    if not store_backup.has_data(store_path):
        return None
    if reason not in FORCED:
        minutes = interval_minutes
        if minutes <= 0:
            return None
        backups = list_backups(store_path)
        if backups:
            newest = backups[-1]
            if now - newest.taken_at < timedelta(minutes=minutes):
                return None
            if store_backup.fingerprint(store_path) == store_backup.fingerprint(newest.path):
                return None
    made = make_backup(store_path, now)
    if reason != "restore":
        thin_backups(store_path, now)
    return made


def newest_first(backups: Sequence[Backup]) -> list[Backup]:
    return sorted(backups, key=lambda b: b.taken_at, reverse=True)


# --- check and repair ------------------------------------------------------------


_MEMORY = "memory-mismatch"


def check_store(store_path: Path, today: date, *, full: bool = False) -> CheckReport:
    """The store's own checks, then FSRS's: every stored memory state is the one the
    card's review log gives (scheduler.fsrs)."""
    from flashcards.store import check

    report = check.check(Path(store_path), today, full=full)
    if report.corrupt or report.schema < 7 or any(f.code == "schema" for f in report.findings):
        return report
    from contextlib import closing

    from flashcards.service.scheduling import memory_mismatches

    with closing(check.connect(Path(store_path), "ro")) as conn:
        wrong = memory_mismatches(conn)
    if wrong:
        report.findings.append(check.Finding(
            _MEMORY, len(wrong), "cards whose FSRS memory state (stability, difficulty) is "
            "not the one their review log gives", "read it again from the log"))
    return report


def repair_store(store_path: Path, now: datetime, today: date, *,
                 full: bool = False) -> tuple[CheckReport, Backup]:
    """Back the store up, then repair it in one transaction (and the FSRS memory
    states in a second one, read from the repaired log)."""
    from flashcards.store import check

    saved = make_backup(Path(store_path), now)
    before = check_store(store_path, today, full=full)
    report = check.repair(Path(store_path), today, full=full)
    memory = [f for f in before.findings if f.code == _MEMORY]
    if memory and not report.corrupt:
        from flashcards.service.scheduling import repair_memory

        repair_memory(Path(store_path))
        report.repaired.append(f"{memory[0].message} ({memory[0].count}): {memory[0].repair}")
    after = check_store(store_path, today, full=full)
    after.repaired = report.repaired
    return after, saved
