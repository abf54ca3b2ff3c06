"""The Typer application: every command, and the error handling they share.

Heavy modules (sqlmodel, most of rich) are imported inside the commands that use them,
so `flashcards --help` stays fast.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Annotated, Any

import typer
from typer.core import TyperGroup
from typer.exceptions import TyperException

from flashcards import __version__
from flashcards.cli.output import PartlyWritten
from flashcards.domain.errors import FlashcardsError


class _Group(TyperGroup):
    """Turns our errors into one line on stderr and exit code 1: never a traceback."""

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except FlashcardsError as exc:
            _fail(str(exc))
        except PartlyWritten as exc:  # several files: each one whole, or not there
            sys.stderr.write(f"flashcards: {exc}\n")
            raise typer.Exit(130) from None
        except KeyboardInterrupt:  # every change is one transaction: rolled back by now
            sys.stderr.write("flashcards: interrupted; the change in progress was not saved\n")
            raise typer.Exit(130) from None
        except TyperException as exc:  # click's usage errors: one line, exit code 2
            if getattr(exc, "exit_code", 1) != 2 or not hasattr(exc, "format_message"):
                raise
            command = getattr(getattr(exc, "ctx", None), "command_path", "flashcards")
            sys.stderr.write(f"flashcards: error: {' '.join(exc.format_message().split())} "
                             f"(see '{command} -h')\n")
            raise typer.Exit(2) from None
        except (typer.Exit, typer.Abort):
            raise
        except Exception as exc:  # a bug: still one line, unless debugging
            if os.environ.get("FLASHCARDS_DEBUG"):
                raise
            _fail(f"unexpected error: {type(exc).__name__}: {exc} "
                  "(set FLASHCARDS_DEBUG=1 for details)")


def _fail(message: str) -> None:
    first = " ".join(message.split("\n")).strip()
    sys.stderr.write(f"flashcards: error: {first}\n")
    raise typer.Exit(1)


def _new_app() -> typer.Typer:
    app = typer.Typer(
        cls=_Group,
        name="flashcards",
        help="Spaced-repetition flashcards for the terminal: articles become decks, "
        "SM-2 schedules the reviews.",
        no_args_is_help=True,
        add_completion=True,  # --install-completion, --show-completion (bash, zsh, fish)
        pretty_exceptions_enable=False,
        rich_markup_mode=None,  # plain help: typer's rich help formatter costs ~0.3 s
        context_settings={"help_option_names": ["-h", "--help"]},
    )
    app.callback()(_root)
    return app


def _version(value: bool) -> None:
    if value:
        typer.echo(f"flashcards {__version__}")
        raise typer.Exit()


def _root(
    db: Annotated[
        Path | None,
        typer.Option("--db", envvar="FLASHCARDS_DB", metavar="PATH",
                     help="The store (SQLite file) to use.",
                     show_default="flashcards.db in the user data dir"),
    ] = None,
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True,
                           help="Show the version and exit.")
    ] = False,
) -> None:
    from flashcards.cli.common import STATE

    STATE.db = db


# In the order a student meets them; short_help is the one line `flashcards --help` shows.
# Each command is named by its module and function: `app_for` imports only the modules of
# the commands it registers, so `flashcards cards` does not pay for `review` or `export`.
COMMANDS: dict[str, tuple[str, str, str]] = {
    "review": ("review", "review_cmd", "Review today's due cards, one key per grade."),
    "decks": ("decks", "decks_cmd", "List decks: new, due today, total."),
    "due": ("cards", "due_cmd", "Count today's due cards (for prompts and scripts)."),
    "cards": ("cards", "cards_cmd", "List and search cards."),
    "suspend": ("cards", "suspend_cmd", "Suspend cards (never shown; history kept)."),
    "unsuspend": ("cards", "unsuspend_cmd", "Unsuspend cards."),
    "edit": ("edit", "edit_cmd", "Fix a card in your editor; progress kept."),
    "add": ("add", "add_cmd", "Add articles, web pages, PDFs: build and import."),
    "build": ("build", "build_cmd", "Build deck files from study articles."),
    "import": ("importing", "import_cmd", "Import decks: TOML, CSV/TSV, Anki packages."),
    "stats": ("stats", "stats_cmd", "Show progress: today, retention, streaks, forecast."),
    "plan": ("plan", "plan_cmd", "Day by day to the exam date: load and time."),
    "simulate": ("scheduling", "simulate_cmd", "SM-2 and FSRS run forward on your cards."),
    "optimize": ("scheduling", "optimize_cmd", "Fit FSRS to your review log."),
    "undo": ("review", "undo_cmd", "Undo the last answer."),
    "backup": ("maintenance", "backup_cmd", "Back up the store now; list backups."),
    "restore": ("maintenance", "restore_cmd", "Restore the store from a backup."),
    "check": ("maintenance", "check_cmd", "Check the store for damage; --repair fixes."),
    "config": ("maintenance", "config_cmd", "Show or change settings."),
    "export": ("export", "app", "Export reviews, cards, decks (CSV/JSON/TOML/apkg)."),
}
_NEGATIVE_VALUES = {"ignore_unknown_options": True}  # `config new_per_day -3`: a value


def _register(app: typer.Typer, name: str) -> None:
    from importlib import import_module

    module, attr, short = COMMANDS[name]
    function = getattr(import_module(f"flashcards.cli.{module}"), attr)
    if isinstance(function, typer.Typer):
        app.add_typer(function, name=name, short_help=short)
    else:
        app.command(name, short_help=short, context_settings=_NEGATIVE_VALUES
                    if name == "config" else None)(function)


def _listed(app: typer.Typer, name: str) -> None:
    """A command as `flashcards --help` lists it: its name and line, nothing imported.
    Only a line that names no command gets these (help, the version, completing a
    command's name, an unknown command): it never runs one."""
    app.command(name, short_help=COMMANDS[name][2], add_help_option=False)(_listed_only)


def _listed_only() -> None:  # pragma: no cover - never reached: see _listed
    raise typer.Exit(2)


def app_for(argv: list[str]) -> typer.Typer:
    """The application with only the command `argv` names, when it names one plainly;
    otherwise (help, completion of command names, an unknown command) every command as
    the help lists it, without importing any of them."""
    app = _new_app()
    words = iter(argv)
    for word in words:
        if word in COMMANDS:
            _register(app, word)
            return app
        if word == "--db":
            next(words, None)
        elif not word.startswith("--db="):
            break
    for name in COMMANDS:
        _listed(app, name)
    return app


def full_app() -> typer.Typer:
    """Every command, registered whole (the tests' `app`)."""
    app = _new_app()
    for name in COMMANDS:
        _register(app, name)
    return app


def __getattr__(name: str) -> Any:  # `app`: every command, built when first asked for
    if name == "app":
        globals()["app"] = full = full_app()
        return full
    raise AttributeError(name)
