"""The layers of DESIGN.md hold: each module imports only what its layer may."""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import pytest

from conftest import ROOT

PACKAGE = ROOT / "src" / "flashcards"

# package (or module) -> flashcards modules it must never import
FORBIDDEN = {
    "domain": ("flashcards.",),  # stdlib only (checked below)
    "scheduler": ("flashcards.store", "flashcards.service", "flashcards.ui", "flashcards.cli",
                  "flashcards.clock"),
    "builder": ("flashcards.store", "flashcards.service", "flashcards.ui", "flashcards.cli"),
    "formats": ("flashcards.store", "flashcards.service", "flashcards.ui", "flashcards.cli"),
    "store": ("flashcards.service", "flashcards.ui", "flashcards.cli", "flashcards.scheduler"),
    "service": ("flashcards.ui", "flashcards.cli"),
    "stats": ("flashcards.ui", "flashcards.cli"),
    "ui": ("flashcards.store", "flashcards.service", "flashcards.cli"),
}
ALLOWED_EVERYWHERE = ("flashcards.errors", "flashcards.text", "flashcards.config",
                      "flashcards.domain")


def _imports(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def _modules(layer: str) -> list[Path]:
    folder = PACKAGE / layer
    return sorted(folder.rglob("*.py")) if folder.is_dir() else [PACKAGE / f"{layer}.py"]


@pytest.mark.parametrize("layer", sorted(FORBIDDEN))
def test_layer_imports_only_what_it_may(layer):
    for path in _modules(layer):
        for name in _imports(path):
            if name.startswith(ALLOWED_EVERYWHERE) and layer != "domain":
                continue
            bad = [f for f in FORBIDDEN[layer] if name.startswith(f)]
            assert not bad, f"{path.relative_to(ROOT)} imports {name}"


def test_domain_is_standard_library_only():
    for name in _imports(PACKAGE / "domain.py"):
        top = name.split(".")[0]
        assert top == "__future__" or top in sys.stdlib_module_names, name
