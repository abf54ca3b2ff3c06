"""The command line. Thin commands: parse, open the store, call the service, render.

The Typer application lives in `cli.commands`; `main` starts it, after `cli.fast` has had the
chance to answer `flashcards due` without it (a shell prompt runs that on every line, and
Typer alone takes longer to import than the whole answer). The application it starts
holds only the command the line names, so one command does not import the others.
"""

from __future__ import annotations

from typing import Any


def main() -> None:
    import sys

    from flashcards.cli.fast import run_fast

    if run_fast(sys.argv[1:]):
        return
    from flashcards.cli.commands import app_for

    app_for(_words_typed())(prog_name="flashcards")


def _words_typed() -> list[str]:
    """The command line's words; for a completion request, the words the shell has
    before the cursor (bash gives COMP_WORDS and COMP_CWORD, zsh and fish one string)."""
    import os
    import sys

    if "_FLASHCARDS_COMPLETE" not in os.environ:
        return sys.argv[1:]
    import shlex
    try:
        if "COMP_WORDS" in os.environ:
            return shlex.split(os.environ["COMP_WORDS"])[1:int(os.environ["COMP_CWORD"])]
        typed = os.environ.get("_TYPER_COMPLETE_ARGS", "")
        words = shlex.split(typed)[1:]
        return words if typed.endswith(" ") else words[:-1]
    except ValueError:  # an open quote, a bad number: every command, Typer sorts it out
        return []


def __getattr__(name: str) -> Any:  # `from flashcards.cli import app`, loaded when asked
    if name == "app":
        from flashcards.cli.commands import app

        return app
    raise AttributeError(name)
