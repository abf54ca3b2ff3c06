"""The docs are tested: the test commands the README gives (the Quick start's, the slow
tests' in Development) are the ones CI runs, every command is documented in the README and
has a one-line help that fits."""

from __future__ import annotations

import re
import subprocess

from conftest import ROOT

README = (ROOT / "README.md").read_text()


def _commands(cli) -> list[str]:
    out = cli("--help").stdout
    section = out.split("Commands:", 1)[1]
    return [line.split()[0] for line in section.splitlines() if line.startswith("  ")
            and line.strip()]


def _readme_test_command(*which: str) -> str:
    return subprocess.run([str(ROOT / ".ci" / "readme-test-command"), *which],
                          capture_output=True, text=True, check=True).stdout


def _section(title: str) -> str:
    return README.split(f"\n## {title}\n", 1)[1].split("\n## ", 1)[0]


def test_ci_runs_the_readme_test_command_verbatim():
    """CI reads the test command from the README's Quick start and runs that."""
    command = "pip install uv && uv run pytest"
    assert f"```sh\n{command}\n```" in README
    assert _readme_test_command() == f"{command}\n"
    ci = (ROOT / ".ci" / "run").read_text()
    assert "$(.ci/readme-test-command)" in ci and 'eval "$test_command"' in ci
    assert "uv run pytest" not in ci  # no copy of the command to drift from the README


def test_ci_runs_the_slow_tests_the_development_section_names():
    """The Development section says how to run the slow tests; CI reads that line and
    runs it after the default run."""
    assert _readme_test_command("slow") == "uv run pytest -m slow\n"
    development = _section("Development")
    assert "\nuv run pytest -m slow " in development
    ci = (ROOT / ".ci" / "run").read_text()
    assert "$(.ci/readme-test-command slow)" in ci and 'eval "$slow_command"' in ci
    assert ci.index('eval "$test_command"') < ci.index('eval "$slow_command"')
    assert ".ci/run" in development  # the README says what CI runs


def test_quick_start_runs_the_review_on_the_bundled_deck():
    assert "```sh\npip install uv && uv run flashcards review\n```" in README
    assert list((ROOT / "decks").glob("*.toml")), "the bundled deck is missing"


def test_every_command_is_in_the_readme(cli):
    commands = _commands(cli)
    assert "decks" in commands
    for name in commands:
        assert re.search(rf"`flashcards {name}\b", README), f"{name} is not documented"


def test_every_command_has_a_short_help_that_fits(cli):
    out = cli("--help").stdout
    section = out.split("Commands:", 1)[1]
    for line in section.splitlines():
        if line.strip():
            assert len(line.split(None, 1)) == 2, f"no help: {line!r}"
            assert not line.rstrip().endswith("..."), f"help cut short: {line!r}"


def test_the_readme_names_backups_as_they_are_made(tmp_path):
    from flashcards.store import backup
    from safety import T0, seed_store

    store = tmp_path / "flashcards.db"
    seed_store(store)
    made = backup.make_backup(store, T0)
    assert f"`backups/{made.name}`" in README
