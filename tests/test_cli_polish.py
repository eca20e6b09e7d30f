"""What makes the command line pleasant: colour on a terminal only, NO_COLOR, --version."""

from __future__ import annotations

import os
import pty
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
import roledex
from conftest import REPO, make_site, run_roledex
from roledex.cli import colour
from roledex.kb.problems import Problem

BROKEN = {"postings/bad.md": "---\ncompany: etsy\ntitle: X\nwork_mod: remote\n---\n"}
ESCAPE = "\033["


class _Stream:
    def __init__(self, tty: bool) -> None:
        self.tty = tty

    def isatty(self) -> bool:
        return self.tty


@pytest.mark.parametrize(
    ("environ", "tty", "wanted"),
    [
        ({}, True, True),
        ({}, False, False),
        ({"NO_COLOR": "1"}, True, False),
        ({"NO_COLOR": "1", "FORCE_COLOR": "1"}, True, False),
        ({"NO_COLOR": ""}, True, True),  # set but empty: no-color.org says colour stays
        ({"FORCE_COLOR": "1"}, False, True),
        ({"TERM": "dumb"}, True, False),
    ],
)
def test_colour_only_where_it_helps(
    monkeypatch: pytest.MonkeyPatch, environ: dict[str, str], tty: bool, wanted: bool
) -> None:
    for name in ("NO_COLOR", "FORCE_COLOR", "TERM"):
        monkeypatch.delenv(name, raising=False)
    for name, value in environ.items():
        monkeypatch.setenv(name, value)
    assert colour.wanted(_Stream(tty)) is wanted  # type: ignore[arg-type]


@pytest.mark.parametrize("severity", ["error", "warning"])
def test_a_coloured_line_is_the_plain_line_with_codes(severity: str) -> None:
    problem = Problem("docs/x.md", 3, "work_mod", "unknown key", severity)
    coloured = colour.problem_line(problem, True)
    plain = coloured
    for code in (colour.BOLD, colour.RED, colour.YELLOW, colour.RESET):
        plain = plain.replace(code, "")
    assert plain == problem.format() and coloured != plain
    assert (colour.RED in coloured) is (severity == "error")
    assert (colour.YELLOW in coloured) is (severity == "warning")
    assert colour.problem_line(problem, False) == problem.format()


def _on_a_terminal(cwd: Path, env: dict[str, str]) -> str:
    """Run `roledex check` with its output on a pseudo-terminal, as a person sees it."""
    executable = shutil.which("roledex", path=str(Path(sys.executable).parent)) or "roledex"
    main, child = pty.openpty()
    environment = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR")}
    process = subprocess.run(
        [executable, "check"], cwd=cwd, stdout=child, stderr=child, env={**environment, "TERM": "xterm", **env}
    )
    os.close(child)
    chunks = []
    while True:
        try:
            chunk = os.read(main, 65536)
        except OSError:
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(main)
    assert process.returncode == 1
    return b"".join(chunks).decode("utf-8", errors="replace")


def test_check_is_coloured_on_a_terminal_and_plain_with_no_color_or_a_pipe(tmp_path: Path) -> None:
    make_site(tmp_path, BROKEN)
    assert ESCAPE in _on_a_terminal(tmp_path, {})
    plain = _on_a_terminal(tmp_path, {"NO_COLOR": "1"})
    assert ESCAPE not in plain and "postings/bad.md:4: work_mod: unknown key" in plain
    piped = run_roledex("check", cwd=tmp_path, env={"TERM": "xterm"})
    assert ESCAPE not in piped.stdout + piped.stderr


def test_version_is_the_projects_and_written_once() -> None:
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    assert "version" in project["project"]["dynamic"]
    assert project["tool"]["setuptools"]["dynamic"]["version"] == {"attr": "roledex.__version__"}
    result = run_roledex("--version")
    assert result.returncode == 0 and result.stdout.strip() == f"roledex {roledex.__version__}"
