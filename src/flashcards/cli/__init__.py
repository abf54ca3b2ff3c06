"""The command line. Thin commands: parse, open the store, call the service, render.

The Typer application lives in `cli.commands`; `main` starts it, after `cli.fast` has had the
chance to answer `flashcards due` without it (a shell prompt runs that on every line, and
Typer alone takes longer to import than the whole answer).
"""

from __future__ import annotations

from typing import Any


def main() -> None:
    import sys

    from flashcards.cli.fast import run_fast

    if run_fast(sys.argv[1:]):
        return
    from flashcards.cli.commands import app

    app(prog_name="flashcards")


def __getattr__(name: str) -> Any:  # `from flashcards.cli import app`, loaded when asked
    if name == "app":
        from flashcards.cli.commands import app

        return app
    raise AttributeError(name)
