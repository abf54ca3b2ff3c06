"""Every command's --help reads cleanly: plain metavars, no Python types for options."""

from __future__ import annotations

import re

import pytest

COMMANDS = ["review", "decks", "build", "import", "stats", "undo", "backup", "restore",
            "check", "config", "export", "export reviews", "export cards", "export decks",
            "export apkg"]


@pytest.mark.parametrize("command", COMMANDS)
def test_help_usage_line_is_plain(cli, command):
    run = cli(*command.split(), "--help")
    assert run.exit_code == 0, run.stderr
    usage = run.stdout.splitlines()[0]
    assert usage.startswith(f"Usage: flashcards {command} ")
    assert "[[" not in usage and "...]..." not in usage and "...}" not in usage, usage


@pytest.mark.parametrize("command", ["", *COMMANDS])
def test_options_name_their_value_not_a_python_type(cli, command):
    run = cli(*command.split(), "--help")
    options = run.stdout.split("Options:")[1]
    # an option line starts with "  -x, --name" or "  --name"; what follows the names is
    # its value's metavar (N, FILE, NAME...), never <int range>, <str>, <path>
    for line in options.splitlines():
        if re.match(r"\s+-", line):
            assert not re.search(r"<(str|int|int range|path|float)>", line), line
