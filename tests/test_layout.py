"""The package's layers: which part of ``generator`` may import which.

The tree reads like the pipeline (fetch -> ingest -> clean -> group -> extract -> story ->
site), and imports may only run down it: a stage imports the model, the settings, the shared
language primitives (``text``, ``timex``) and the stages before it, never one after it, and never
the orchestration (``pipeline``, ``cli``, ``cache`` ...). ARCHITECTURE.md ("Modules") has the table.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import generator

PACKAGE = Path(generator.__file__).parent

BASE = frozenset({"model", "errors", "config", "progress"})
PRIMITIVES = frozenset({"text", "timex"})
STAGES = ("fetch", "ingest", "clean", "group", "extract", "story", "site")
INFRASTRUCTURE = frozenset({"cache", "parallel", "distributed", "report"})
ORCHESTRATION = frozenset({"__main__", "cli", "pipeline", "publish", "dates", "quotes"})


def allowed(unit: str) -> frozenset[str] | None:
    """The units ``unit`` may import (besides itself); None: anything."""
    if unit in ORCHESTRATION or unit == "__init__":
        return None
    if unit in ("model", "errors", "progress"):
        return frozenset()
    if unit == "config":
        return frozenset({"errors"})
    if unit in INFRASTRUCTURE:
        return BASE
    if unit in PRIMITIVES:
        return frozenset({"model"})
    if unit in STAGES:
        return BASE - {"progress"} | PRIMITIVES | set(STAGES[:STAGES.index(unit)])
    raise AssertionError(f"generator/{unit} is in no layer: add it to tests/test_layout.py")


def unit_of(path: Path) -> str:
    """``group`` for generator/group/cluster.py, ``cli`` for generator/cli.py."""
    parts = path.relative_to(PACKAGE).parts
    return parts[0] if len(parts) > 1 else path.stem


def imported_units(path: Path) -> set[tuple[int, str]]:
    """(line, unit) for every import of a part of ``generator`` in the file, nested ones too."""
    found: set[tuple[int, str]] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.level:
            raise AssertionError(f"{path}:{node.lineno}: relative import; write generator.<...>")
        if isinstance(node, ast.ImportFrom) and node.module:
            names = node.module.split(".")
            if names[0] == "generator":
                units = [names[1]] if len(names) > 1 else [a.name for a in node.names]
                found.update((node.lineno, u) for u in units)
        elif isinstance(node, ast.Import):
            for alias in node.names:
                names = alias.name.split(".")
                if names[0] == "generator" and len(names) > 1:
                    found.add((node.lineno, names[1]))
    return found


MODULES = sorted(PACKAGE.rglob("*.py"))


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_imports_run_down_the_pipeline(path: Path) -> None:
    unit = unit_of(path)
    permitted = allowed(unit)
    if permitted is None:
        return
    wrong = sorted(f"line {line}: {other}" for line, other in imported_units(path)
                   if other != unit and other not in permitted and other != "__version__")
    assert not wrong, f"generator/{path.relative_to(PACKAGE)} may not import {wrong}"


def test_the_rule_catches_an_upward_import(tmp_path: Path) -> None:
    upward = PACKAGE / "group" / "cluster.py"
    assert "site" not in allowed(unit_of(upward))  # type: ignore[operator]
    probe = tmp_path / "probe.py"
    probe.write_text("from generator.site import pages\nimport generator.pipeline\n")
    assert {u for _, u in imported_units(probe)} == {"site", "pipeline"}


@pytest.mark.parametrize("package", sorted(p.parent for p in PACKAGE.glob("*/__init__.py")),
                         ids=lambda p: p.name)
def test_every_subpackage_states_its_contract(package: Path) -> None:
    doc = ast.get_docstring(ast.parse((package / "__init__.py").read_text(encoding="utf-8")))
    assert doc and "Takes" in doc and "import" in doc.lower(), f"{package.name}/__init__.py"


def test_the_top_level_stays_small() -> None:
    top = {p.stem for p in PACKAGE.glob("*.py")} - {"__init__", "__main__"}
    packages = {p.parent.name for p in PACKAGE.glob("*/__init__.py")}
    # The orchestration may be a package of its own (``pipeline``: one module per seam).
    assert top | (packages - set(STAGES) - PRIMITIVES) == (
        BASE | INFRASTRUCTURE | ORCHESTRATION - {"__main__"})


def test_public_entry_points_keep_working() -> None:
    from generator import dates, quotes
    from generator.extract.quotes import find_quotes
    from generator.timex import find_dates

    assert dates.find_dates is find_dates and quotes.find_quotes is find_quotes
    found = dates.find_dates("The talks ended on Nov. 3, 2025.", None)
    assert [str(m.date) for m in found] == ["2025-11-03"]
    assert [q.speaker for q in quotes.find_quotes('"We will go," said Jane Doe.')] == ["Jane Doe"]
