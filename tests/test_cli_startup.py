"""The command line starts as fast as Python: `--version` and `--help` read the table of
commands and import none of them, and a command imports what it uses, not what the others do.

What a run imports is read from a new interpreter's `sys.modules` (a user's process), never
timed: the benchmark (`scripts/bench_cli.py`) measures the seconds."""

from __future__ import annotations

import argparse
import json
import subprocess
import sys

import pytest
from conftest import REPO, plain_id, run_roledex
from roledex.cli.main import COMMANDS, build_parser

HEAVY = ("yaml", "mkdocs", "markdown", "icalendar", "jinja2", "httpx", "ftfy", "babel", "frontmatter")
"""Libraries whose import alone costs a command line tens of milliseconds."""


def _imported_by(*argv: str) -> list[str]:
    """The modules a new Python holds after `roledex ARGV` (its exit included)."""
    code = (
        "import json, sys\n"
        "from roledex.cli.main import main\n"
        "try:\n"
        f"    main({list(argv)!r})\n"
        "except SystemExit:\n"
        "    pass\n"
        "print(json.dumps(sorted(sys.modules)), file=sys.stderr)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, check=True)
    return json.loads(result.stderr.strip().splitlines()[-1])


def _commands_among(modules: list[str]) -> set[str]:
    return {command.module for command in COMMANDS if f"roledex.cli.{command.module}" in modules}


@pytest.mark.parametrize("argv", [["--version"], ["--help"], []], ids=plain_id)
def test_the_top_level_imports_no_command_and_no_library(argv: list[str]) -> None:
    modules = _imported_by(*argv)
    assert _commands_among(modules) == set()
    assert [name for name in HEAVY if name in modules] == []


@pytest.mark.parametrize(
    ("command", "not_imported"),
    [
        ("check", ("icalendar", "mkdocs", "httpx", "roledex.importer.extract", "roledex.web.pages")),
        ("schema", ("icalendar", "mkdocs", "httpx", "roledex.check.run", "roledex.importer.extract")),
        ("calendar", ("mkdocs", "httpx", "roledex.importer.extract", "roledex.web.pages")),
    ],
    ids=plain_id,
)
def test_a_command_imports_its_own_module_only(command: str, not_imported: tuple[str, ...]) -> None:
    modules = _imported_by(command, "--help")
    assert _commands_among(modules) == {next(c.module for c in COMMANDS if c.name == command)}
    assert [name for name in not_imported if name in modules] == []


@pytest.mark.parametrize("command", [command.name for command in COMMANDS])
def test_every_command_gives_its_arguments_and_help(command: str) -> None:
    result = run_roledex(command, "--help")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(f"usage: roledex {command}")
    listed = run_roledex("--help").stdout
    assert next(c.help for c in COMMANDS if c.name == command).split()[0] in listed


def test_completion_sees_every_commands_arguments() -> None:
    parser = build_parser(every_command=True)
    (commands,) = [action for action in parser._actions if isinstance(action, argparse._SubParsersAction)]
    for command in COMMANDS:
        assert callable(commands.choices[command.name].get_default("handler")), command.name
    check = parser.parse_args(["check", "--format", "json", "docs"])
    assert check.format == "json" and check.handler.__module__ == "roledex.cli.check"


def test_a_command_not_named_is_refused_by_name() -> None:
    result = run_roledex("chekc")
    assert result.returncode == 2
    assert "chekc" in result.stderr
