"""Data safety commands: backup, restore, check, config."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from flashcards.cli import common

if TYPE_CHECKING:
    from flashcards.backup import Backup


def _size(n: int) -> str:
    for unit in ("B", "KB", "MB"):
        if n < 1024:
            return f"{n:.0f} {unit}" if unit == "B" else f"{n:.1f} {unit}"
        n /= 1024  # type: ignore[assignment]
    return f"{n:.1f} GB"


def _show_backups(backups: list[Backup], heading: str = "Backups, newest first:") -> None:
    from flashcards.ui.terminal import safe_text

    out = common.console()
    if not backups:
        out.print("No backups yet. Make one: flashcards backup")
        return
    out.print(heading)
    for b in reversed(backups):
        local = b.taken_at.astimezone(common.now().tzinfo).strftime("%Y-%m-%d %H:%M")
        out.print(safe_text(f"  {b.name}  {local}  {_size(b.size)}"))
    out.print(safe_text(f"in {b.path.parent}"))


def backup_cmd() -> None:
    """Back up the store now, and list its backups."""
    from flashcards import backup

    path = common.db_path()
    if not backup.has_data(path):
        common.console().print("The store is empty: nothing to back up yet.")
    else:
        made = backup.make_backup(path, common.now())
        backup.thin_backups(path, common.now())
        common.console().print(f"Backed up to {made.path}")
    _show_backups(backup.list_backups(path))


def restore_cmd(
    name: Annotated[str | None, typer.Argument(
        metavar="[BACKUP]", help="A backup's name (from the list), 'latest', or a path. "
        "Without it, list the backups.", show_default=False)] = None,
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Do not ask before overwriting.")]
    = False,
) -> None:
    """Restore the store from a backup (the current store is backed up first)."""
    from flashcards import backup

    path = common.db_path()
    if name is None:
        _show_backups(backup.list_backups(path))
        common.console().print("Restore one with: flashcards restore NAME")
        return
    source = backup.find_backup(path, name)
    backup.validate_backup(source)
    if not yes and not typer.confirm(
            f"Replace the store {path} with {source.name}? (the store as it is now is "
            "backed up first)", default=False, err=True):
        common.console().print("Nothing restored.")
        raise typer.Exit(1)
    done = backup.restore(path, source, common.now())
    out = common.console()
    out.print(f"Restored {source.name} into {path}.")
    if done.saved_current:
        out.print(f"The store as it was is saved as {done.saved_current.name}.")


def check_cmd(
    full: Annotated[bool, typer.Option(
        "--full", help="Run SQLite's full integrity_check (slower) instead of quick_check.")]
    = False,
    repair: Annotated[bool, typer.Option(
        "--repair", help="Fix what can be fixed, in one transaction, after a backup.")] = False,
) -> None:
    """Check the store for damage and broken invariants; --repair fixes what it can."""
    from flashcards import backup
    from flashcards.ui.terminal import safe_text

    path, out = common.db_path(), common.console()
    if not path.exists():
        out.print(safe_text(f"No store at {path} yet: nothing to check."))
        return
    report = backup.check_store(path, common.today(), full=full)
    if repair and not report.ok and not report.corrupt:
        report, saved = backup.repair_store(path, common.now(), common.today(),
                                            full=full)
        out.print(safe_text(f"Backed up to {saved.name} first. Repaired:"))
        for line in report.repaired:
            out.print(safe_text(f"  - {line}"))
    if report.ok:
        out.print(safe_text(f"{path}: OK (integrity, foreign keys, card states, review log)"))
        return
    for f in report.findings:
        fix = f" -> --repair will {f.repair}" if f.repair else " (cannot be repaired here)"
        out.print(safe_text(f"  {f.count} {f.message}{'' if repair else fix}"))
    if report.corrupt:
        out.print("The file is damaged. Restore the latest backup: flashcards restore latest")
        _show_backups(backup.list_backups(path))
    elif not repair and any(f.repairable for f in report.findings):
        out.print("Run `flashcards check --repair` to fix (a backup is made first).")
    raise typer.Exit(1)


def config_cmd(
    key: Annotated[str | None, typer.Argument(help="A setting's name; without it, show all.",
                                              show_default=False)] = None,
    value: Annotated[str | None, typer.Argument(help="A new value for KEY.",
                                                show_default=False)] = None,
) -> None:
    """Show or change settings (new_per_day, day_start_hour, backup_interval_minutes, ...)."""
    from dataclasses import asdict

    from flashcards import config
    from flashcards.ui.terminal import safe_text

    out = common.console()
    if key is not None and value is not None:
        settings = config.save(key, value)
    else:
        settings = config.load()
    values = asdict(settings)
    if key is None:
        out.print(safe_text(f"# {config.config_path()}"))
        for k, v in values.items():
            out.print(safe_text(f"{k} = {v!r}" if isinstance(v, str) else f"{k} = {v}"))
        return
    if key not in values:
        config.coerce(key, "")  # raises the clear error naming the unknown key
    out.print(safe_text(f"{key} = {values[key]}"))
