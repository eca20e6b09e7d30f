"""Shared helpers: run the command line as a user would, and find the project's folders."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "tests" / "data"
SHIPPED_DOCS = REPO / "docs"


def run_roledex(*args: str, cwd: Path = REPO, env: dict[str, str] | None = None,
                stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    """Run the installed `roledex` console script and capture what it prints."""
    executable = shutil.which("roledex")
    command = [executable] if executable else [sys.executable, "-m", "roledex.cli"]
    return subprocess.run(
        [*command, *args], cwd=cwd, capture_output=True, text=True, timeout=120,
        env={**os.environ, **(env or {})}, input=stdin,
    )


@pytest.fixture
def docs_copy(tmp_path: Path) -> Path:
    """A writable copy of the shipped docs folder."""
    target = tmp_path / "docs"
    shutil.copytree(SHIPPED_DOCS, target)
    return target
