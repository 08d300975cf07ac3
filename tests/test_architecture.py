"""Imports follow the direction data flows (docs/architecture.md): a module imports from
its left, never from its right, and the API reaches ingest only through its service."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

APP = Path(__file__).resolve().parent.parent / "app"
# What each part of `app` may import from the rest of `app` (beyond itself).
FOUNDATION = {"app.vocabulary", "app.errors", "app.config", "app.interpreter"}
ALLOWED: dict[str, set[str]] = {
    "app.vocabulary": set(),
    "app.errors": set(),
    "app.config": set(),
    "app.interpreter": set(),
    "app.logs": set(),
    "app.metrics": set(),
    "app.admission": {"app.config", "app.metrics"},
    # app.db registers SQLite functions from the shared vocabulary (`starts_words`) and
    # admits a request's work (`in_session`) as `app.admission` says.
    "app.db": {"app.config", "app.errors", "app.vocabulary", "app.admission"},
    "app.migrate": {"app.db", "app.config"},
    "app.storage": {"app.vocabulary"},
    "app.parsing": {"app.vocabulary", "app.errors"},
    "app.ingest": FOUNDATION
    | {"app.db", "app.migrate", "app.parsing", "app.storage", "app.metrics", "app.logs"},
    "app.dashboard": set(),
    "app.api": FOUNDATION
    | {
        "app.__version__",
        "app.db",
        "app.migrate",
        "app.storage",
        "app.dashboard",
        "app.ingest.service",
        "app.logs",
        "app.metrics",
    },
    "app.cli": FOUNDATION
    | {"app.__version__", "app.db", "app.migrate", "app.parsing", "app.ingest", "app.logs"}
    # `chancery export` runs the API's export (the same queries and bytes), not the routes.
    | {"app.metrics", "app.api.export"},
}


# Inside `app.parsing`, each stage (a sub-package, or a top-level module) may import only
# from the stages listed before it and from itself: the folders read in the order the
# parser runs (docs/parsing.md, "Modules").
PARSING_STAGES = [
    "app.parsing.models",
    "app.parsing.lexicon",
    "app.parsing.document",
    "app.parsing.names",
    "app.parsing.extraction",
    "app.parsing.brief",
    "app.parsing",
]


def _part(module: str) -> str:
    """The part of `app` a module belongs to: `app.api.routes.claims` -> `app.api`."""
    return ".".join(module.split(".")[:2])


def _module_of(path: Path) -> str:
    parts = path.relative_to(APP.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path) -> Iterator[str]:
    """Every `app` module a file imports, named as fully as the import statement says."""
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            yield from (a.name for a in node.names if a.name.split(".")[0] == "app")
        elif isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] == "app":
            # `from app.ingest import service` imports the module `app.ingest.service`.
            yield from (f"{node.module}.{a.name}" for a in node.names)


def _allowed(part: str, imported: str) -> bool:
    if _part(imported) == part:
        return True
    return any(imported == a or imported.startswith(a + ".") for a in ALLOWED[part])


MODULES = sorted(APP.rglob("*.py"))


def test_every_part_of_app_has_a_rule() -> None:
    assert {_part(_module_of(path)) for path in MODULES} - {"app.__init__", "app"} == set(ALLOWED)


@pytest.mark.parametrize("path", MODULES, ids=lambda p: _module_of(p))
def test_imports_follow_the_data_flow(path: Path) -> None:
    part = _part(_module_of(path))
    if part == "app":  # app/__init__.py: the version only
        return
    wrong = [name for name in _imports(path) if not _allowed(part, name)]
    assert wrong == [], f"{_module_of(path)} imports against the direction: {wrong}"


@pytest.mark.parametrize(
    ("part", "imported", "allowed"),
    [
        ("app.api", "app.ingest.job", False),
        ("app.api", "app.ingest.service", True),
        ("app.api", "app.parsing.models", False),
        ("app.parsing", "app.storage.tables", False),
        ("app.storage", "app.parsing.models", False),
        ("app.ingest", "app.api.schemas", False),
        ("app.api", "app.__version__", True),
    ],
)
def test_the_rule_refuses_imports_against_the_direction(
    part: str, imported: str, allowed: bool
) -> None:
    assert _allowed(part, imported) is allowed


def test_imports_are_absolute() -> None:
    """A relative import would slip past the rule above."""
    relative = [
        _module_of(path)
        for path in MODULES
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.ImportFrom) and node.level > 0
    ]
    assert relative == []


def _stage(module: str) -> int:
    """Position of a parsing module's stage: `app.parsing.names.runs` -> that of `names`."""
    named = ".".join(module.split(".")[:3])
    return PARSING_STAGES.index(named if named in PARSING_STAGES else "app.parsing")


PARSING_MODULES = [path for path in MODULES if _part(_module_of(path)) == "app.parsing"]


@pytest.mark.parametrize("path", PARSING_MODULES, ids=lambda p: _module_of(p))
def test_parsing_stages_import_only_earlier_stages(path: Path) -> None:
    stage = _stage(_module_of(path))
    imported = [name for name in _imports(path) if _part(name) == "app.parsing"]
    later = [name for name in imported if _stage(name) > stage]
    assert later == [], f"{_module_of(path)} imports a later stage of the parser: {later}"


def test_every_parsing_package_is_a_stage() -> None:
    packages = {_module_of(p.parent / "__init__.py") for p in PARSING_MODULES}
    assert packages <= set(PARSING_STAGES)
