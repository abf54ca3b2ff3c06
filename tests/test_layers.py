"""The layers of ../shared/DESIGN.md hold: the folder listing is the architecture, and
each package imports only the layers below it."""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import pytest

from conftest import ROOT

PACKAGE = ROOT / "src" / "flashcards"

# package -> the flashcards packages it may import (besides itself). An arrow in
# ../shared/DESIGN.md's picture is an entry here; nothing points back up.
MAY_IMPORT = {
    "domain": set(),
    "scheduler": {"domain"},
    "builder": {"domain"},
    "formats": {"domain"},
    "store": {"domain"},
    "service": {"domain", "scheduler", "builder", "formats", "store"},
    "ui": {"domain"},
    "cli": {"domain", "service", "ui", "store", "formats", "builder", "scheduler"},
}
# third-party packages that only some layers may import (the heavy and the dangerous)
ONLY_IN = {
    "sqlite3": {"store", "formats"},  # formats: the Anki package readers (checked below)
    "sqlalchemy": {"store"},
    "sqlmodel": {"store"},
    "rich": {"ui", "cli"},
    "typer": {"cli"},
    "click": {"cli"},
    "spacy": {"builder"},
    "trafilatura": {"formats"},
    "pdfminer": {"formats"},
    "fsrs_rs_python": {"scheduler"},
}


def _imports(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def test_the_package_is_only_layer_packages():
    loose = sorted(p.name for p in PACKAGE.glob("*.py") if p.name != "__init__.py")
    assert loose == [], f"modules outside the layer packages: {loose}"
    packages = sorted(p.name for p in PACKAGE.iterdir()
                      if p.is_dir() and (p / "__init__.py").is_file())
    assert packages == sorted(MAY_IMPORT)


@pytest.mark.parametrize("layer", sorted(MAY_IMPORT))
def test_layer_imports_only_the_layers_below(layer):
    allowed = MAY_IMPORT[layer] | {layer}
    for path in sorted((PACKAGE / layer).rglob("*.py")):
        for name in _imports(path):
            parts = name.split(".")
            if parts[0] == "flashcards" and len(parts) > 1:
                assert parts[1] in allowed, f"{path.relative_to(ROOT)} imports {name}"
            if parts[0] in ONLY_IN:
                assert layer in ONLY_IN[parts[0]], f"{path.relative_to(ROOT)} imports {name}"


def test_sqlite_in_formats_is_only_the_anki_readers():
    for path in sorted((PACKAGE / "formats").rglob("*.py")):
        if "sqlite3" in _imports(path):
            assert path.name.startswith(("anki_", "apkg")), path.name


def test_domain_is_standard_library_only():
    for path in sorted((PACKAGE / "domain").rglob("*.py")):
        for name in _imports(path):
            top = name.split(".")[0]
            assert top in ("__future__", "flashcards") or top in sys.stdlib_module_names, (
                f"{path.name} imports {name}")


def test_only_the_cli_reads_the_environment_or_the_clock():
    readers = ("os.environ", "os.getenv", "datetime.now", "date.today", "time.time()")
    for path in sorted(PACKAGE.rglob("*.py")):
        if path.is_relative_to(PACKAGE / "cli"):
            continue
        text = path.read_text()
        found = [r for r in readers if r in text]
        assert not found, f"{path.relative_to(ROOT)} reads {found}"


def test_no_assert_guards_user_data():
    """`python -O` removes asserts: a check that protects data must be a real one."""
    for path in sorted(PACKAGE.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text())):
            assert not isinstance(node, ast.Assert), (
                f"{path.relative_to(ROOT)}:{node.lineno}: assert")
