"""`flashcards edit NAME`: fix a card in $VISUAL / $EDITOR, keeping its progress."""

from __future__ import annotations

import os
import shlex
import subprocess
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from flashcards.cli import common
from flashcards.cli.completion import card_names
from flashcards.domain.errors import FlashcardsError

if TYPE_CHECKING:
    from flashcards.service.editing import EditTarget


def _editor_command(path: Path, line: int) -> list[str]:
    """The editor, opened at `line`: `+LINE FILE`, as vi, vim, nano, emacs and micro take
    it; `--goto FILE:LINE` for VS Code; `FILE:LINE` for Sublime Text."""
    editor = os.environ.get("VISUAL") or os.environ.get("EDITOR") or "vi"
    argv = shlex.split(editor)
    name = Path(argv[0]).name if argv else ""
    if name in ("code", "codium", "code-insiders"):
        return [*argv, "--goto", f"{path}:{line}"]
    if name in ("subl", "sublime_text"):
        return [*argv, f"{path}:{line}"]
    return [*argv, f"+{line}", str(path)]


def _run_editor(path: Path, line: int) -> None:
    command = _editor_command(path, line)
    try:
        code = subprocess.call(command)
    except OSError as exc:
        raise FlashcardsError(f"cannot start the editor {command[0]!r}: "
                              f"{exc.strerror or exc} (set VISUAL or EDITOR)") from None
    if code != 0:
        raise FlashcardsError(f"the editor exited with code {code}: nothing was changed")


def edit_cmd(
    name: Annotated[str, typer.Argument(help="The card, named DECK/KEY as `flashcards "
                                        "cards` lists it.", show_default=False,
                                        metavar="NAME", autocompletion=card_names)],
) -> None:
    """Edit a card in your editor ($VISUAL, $EDITOR), then re-import it; progress kept.

    A card from a deck file opens there, at its line, and the file is imported again;
    a card with no deck file (from an Anki package) is edited as a small TOML document."""
    from flashcards.service import editing

    store = common.open_store()
    try:
        found = editing.target(store, name)
    finally:
        store.close()
    if found.deck_file is None:
        _edit_fields(found)
        return
    _run_editor(found.deck_file, editing.line_of(found.deck_file, found))
    from flashcards.cli.importing import import_cmd

    import_cmd([found.deck_file])


def _edit_fields(found: EditTarget) -> None:
    import tempfile

    from flashcards.service import editing

    with tempfile.TemporaryDirectory(prefix="flashcards-edit-") as tmp:
        path = Path(tmp) / "card.toml"
        document = editing.fields_document(found)
        path.write_text(document, encoding="utf-8")
        question = next(n for n, line in enumerate(document.splitlines(), 1)
                        if line.startswith("question"))
        _run_editor(path, question)
        document = path.read_text(encoding="utf-8")
    store = common.open_store()
    try:
        changed = editing.save_fields(store, found, document, found.name, common.now())
    finally:
        store.close()
    common.console().print(f"{found.name}: " + ("saved; progress kept" if changed
                                                 else "unchanged"), markup=False)
