"""Data safety commands: backup, restore, check, config."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from flashcards.cli import common
from flashcards.domain.errors import FlashcardsError

if TYPE_CHECKING:
    from rich.console import Console

    from flashcards.store.backup import Backup


def _say(out: Console, text: str) -> None:
    """One line of output: untrusted parts as plain text, never wrapped (paths copy whole)."""
    from flashcards.ui.terminal import safe_text

    out.print(safe_text(text), soft_wrap=True)


def _size(n: int) -> str:
    for unit in ("B", "KB", "MB"):
        if n < 1024:
            return f"{n:.0f} {unit}" if unit == "B" else f"{n:.1f} {unit}"
        n /= 1024  # type: ignore[assignment]
    return f"{n:.1f} GB"


def _show_backups(backups: list[Backup], heading: str = "Backups, newest first:") -> None:
    out = common.console()
    if not backups:
        _say(out, "No backups yet. Make one: flashcards backup")
        return
    _say(out, heading)
    for b in reversed(backups):
        local = b.taken_at.astimezone(common.now().tzinfo).strftime("%Y-%m-%d %H:%M")
        _say(out, f"  {b.name}  {local}  {_size(b.size)}")
    _say(out, f"in {b.path.parent}")


def backup_cmd() -> None:
    """Back up the store now, and list its backups."""
    from flashcards.service import maintenance
    from flashcards.store import backup

    path = common.db_path()
    if not backup.has_data(path):
        _say(common.console(), "The store is empty: nothing to back up yet.")
        if not backup.list_backups(path):
            return  # not "No backups yet. Make one: flashcards backup"
    else:
        made = backup.make_backup(path, common.now())
        maintenance.thin_backups(path, common.now())
        _say(common.console(), f"Backed up to {made.path}")
    _show_backups(backup.list_backups(path))


def restore_cmd(
    name: Annotated[str | None, typer.Argument(
        metavar="BACKUP", help="A backup's name (from the list), 'latest', or a path. "
        "Without it, list the backups.", show_default=False)] = None,
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Do not ask before overwriting.")]
    = False,
) -> None:
    """Restore the store from a backup (the current store is backed up first)."""
    from flashcards.store import backup, restore

    path = common.db_path()
    if name is None:
        _show_backups(backup.list_backups(path))
        _say(common.console(), "Restore one with: flashcards restore NAME")
        return
    source = restore.find_backup(path, name)
    with restore.checked_backup(source, path) as checked:  # before asking
        if not yes and not _confirm(
                f"Replace the store {path} with {source.name}? (the store as it is now is "
                "backed up first)"):
            _say(common.console(), "Nothing restored.")
            raise typer.Exit(1)
        done = restore.restore(path, source, common.now(), checked=checked)
    out = common.console()
    _say(out, f"Restored {source.name} into {path}.")
    if done.saved_current:
        _say(out, f"The store as it was is saved as {done.saved_current.name}.")
    if done.damaged_copy:
        _say(out, f"The damaged store is kept, byte for byte, as {done.damaged_copy}.")


def _confirm(question: str) -> bool:
    """Ask on stderr; no answer at all (standard input closed) is one clear line."""
    try:
        return typer.confirm(question, default=False, err=True)
    except typer.Abort:
        typer.echo(err=True)  # end the question's line
        raise FlashcardsError("no answer (standard input is closed): nothing restored; "
                              "add --yes to restore without asking") from None


def check_cmd(
    full: Annotated[bool, typer.Option(
        "--full", help="Run SQLite's full integrity_check (slower) instead of quick_check.")]
    = False,
    repair: Annotated[bool, typer.Option(
        "--repair", help="Fix what can be fixed, in one transaction, after a backup.")] = False,
) -> None:
    """Check the store for damage and broken invariants; --repair fixes what it can."""
    from flashcards.service import maintenance
    from flashcards.store import backup

    path, out = common.db_path(), common.console()
    if not path.exists():
        _say(out, f"No store at {path} yet: nothing to check.")
        return
    report = maintenance.check_store(path, common.today(), full=full)
    if repair and not report.ok and not report.corrupt:
        report, saved = maintenance.repair_store(path, common.now(), common.today(),
                                            full=full)
        _say(out, f"Backed up to {saved.name} first. Repaired:")
        for line in report.repaired:
            _say(out, f"  - {line}")
    if report.ok:
        _say(out, f"{path}: OK (integrity, foreign keys, card states, review log, FSRS "
                  "memory states)")
        return
    found = len(report.findings)
    _say(out, f"{path}: {found} problem{'s' if found != 1 else ''}:")
    for f in report.findings:  # worded as the repair report: "what (how many)"
        fix = f" -> --repair will {f.repair}" if f.repair else " (cannot be repaired here)"
        _say(out, f"  - {f.message} ({f.count}){'' if repair else fix}")
    if report.corrupt:
        _say(out, "The file is damaged. Restore the latest backup: flashcards restore latest")
        _show_backups(backup.list_backups(path))
    elif not repair and any(f.repairable for f in report.findings):
        _say(out, "Run `flashcards check --repair` to fix (a backup is made first).")
    raise typer.Exit(1)


def config_cmd(
    key: Annotated[str | None, typer.Argument(metavar="KEY",
                                              help="A setting's name; without it, show all.",
                                              show_default=False)] = None,
    value: Annotated[str | None, typer.Argument(metavar="VALUE", help="A new value for KEY.",
                                                show_default=False)] = None,
) -> None:
    """Show or change settings (new_per_day, day_start_hour, backup_interval_minutes, ...)."""
    from dataclasses import asdict

    from flashcards.cli import config

    out = common.console()
    if key is not None and value is not None:
        settings = config.save(key, value)
    else:
        settings = config.load()
    values = asdict(settings)
    if key is None:
        _say(out, f"# {config.config_path()}")
        for k, v in values.items():
            _say(out, _setting(k, v))
        return
    if key not in values:
        config.coerce(key, "")  # raises the clear error naming the unknown key
    _say(out, _setting(key, values[key]))
    if key == "scheduler" and value == "fsrs" and common.db_path().exists():
        _read_memory_states(out)


def _read_memory_states(out: Console) -> None:
    """On switching to FSRS: every answered card's memory state, read from its log now
    (once; a store of a million answers takes some seconds) rather than at the next
    review."""
    from flashcards.service.scheduling import fill_memory, model

    store = common.open_store()
    try:
        with out.status("Reading each card's FSRS memory state from its review log..."):
            count = fill_memory(store, model(store))
    finally:
        store.close()
    if count:
        _say(out, f"Read the FSRS memory state of {count:,} card{'s' * (count != 1)} from "
                  "their review log.")


def _setting(key: str, value: object) -> str:
    """One setting as the listing shows it: text quoted, so an empty one is visible."""
    return f"{key} = {value!r}" if isinstance(value, str) else f"{key} = {value}"
