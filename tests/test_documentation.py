"""The README and docs stay true: every setting and command is documented, CI runs the
README's test command."""

from __future__ import annotations

import re

import pytest
import typer.main

from app.cli import cli
from app.config import Settings
from tests.conftest import PROJECT_ROOT

README = (PROJECT_ROOT / "README.md").read_text(encoding="utf-8")


def _readme_commands() -> list[str]:
    return re.findall(r"```sh\n(.+?)\n```", README)


def _cli_commands() -> list[str]:
    group = typer.main.get_command(cli)
    names: list[str] = []
    for name, command in group.commands.items():  # type: ignore[attr-defined]
        subcommands = getattr(command, "commands", None)
        names.extend(f"{name} {sub}" for sub in subcommands) if subcommands else names.append(name)
    return names


def test_readme_opens_with_serve_and_test_commands() -> None:
    serve, tests = _readme_commands()[:2]
    assert "chancery serve --seed" in serve
    assert "pytest" in tests


def test_ci_runs_the_readme_test_command() -> None:
    ci_script = (PROJECT_ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert _readme_commands()[1] in ci_script.splitlines()


@pytest.mark.parametrize("field", sorted(Settings.model_fields))
def test_every_setting_is_documented(field: str) -> None:
    assert f"`CHANCERY_{field.upper()}`" in README


@pytest.mark.parametrize("command", _cli_commands())
def test_every_command_is_documented(command: str) -> None:
    assert f"`chancery {command}" in README


def _named_paths(document: str) -> list[str]:
    """Files and folders of the repository a document names in backticks."""
    named = re.findall(r"`((?:app|tests|migrations|seeds|bench)/[^`\s<>*]*)`", document)
    return sorted({name.split("::")[0] for name in named})


def test_architecture_names_only_paths_that_exist() -> None:
    document = (PROJECT_ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    paths = _named_paths(document)
    assert len(paths) > 20
    assert [p for p in paths if not (PROJECT_ROOT / p).exists()] == []
