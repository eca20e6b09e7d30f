"""`roledex check` as a pre-commit hook, installed the way pre-commit installs it."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import yaml
from conftest import REPO, SHIPPED_DOCS

BROKEN = "---\ncompany: etsy\ntitle: Staff Engineer\nwork_mod: remote\n---\n\nWords.\n"


def _git(*args: str, cwd: Path) -> None:
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True)


def test_the_hook_is_declared_for_pre_commit() -> None:
    hooks = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    hook = next(h for h in hooks if h["id"] == "roledex-check")
    assert hook["entry"] == "roledex check" and hook["language"] == "python" and hook["pass_filenames"] is False


def _local_config(project: Path) -> None:
    """The hook as this repository declares it, run by pre-commit with the `roledex` installed here.

    pre-commit's own installer would build a virtual environment from the package index, so
    the test's verdict would hang on the network and on whatever the index holds that day;
    the declaration, the files it matches and the command it runs are the same."""
    declared = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    hook = {**next(h for h in declared if h["id"] == "roledex-check"), "language": "unsupported"}
    config = {"repos": [{"repo": "local", "hooks": [hook]}]}
    (project / ".pre-commit-config.yaml").write_text(yaml.safe_dump(config), encoding="utf-8")


def test_pre_commit_runs_roledex_check_and_fails_on_a_broken_file(tmp_path: Path) -> None:
    project = tmp_path / "search"
    shutil.copytree(SHIPPED_DOCS, project / "docs")
    shutil.copyfile(REPO / "mkdocs.yml", project / "mkdocs.yml")
    (project / "docs" / "postings" / "etsy-staff.md").write_text(BROKEN, encoding="utf-8")
    _local_config(project)
    _git("init", "-q", cwd=project)
    _git("add", ".", cwd=project)
    env = {
        **os.environ,
        "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}",
        "PRE_COMMIT_HOME": str(tmp_path / "cache"),
    }
    command = [sys.executable, "-m", "pre_commit", "run", "roledex-check", "--all-files"]
    broken = subprocess.run(command, cwd=project, capture_output=True, text=True, env=env, timeout=120)
    assert broken.returncode == 1, broken.stdout + broken.stderr
    assert "docs/postings/etsy-staff.md:4: work_mod: unknown key; did you mean 'work_mode'?" in broken.stdout
    fixed = BROKEN.replace("work_mod:", "work_mode:")
    (project / "docs" / "postings" / "etsy-staff.md").write_text(fixed, encoding="utf-8")
    _git("add", ".", cwd=project)
    passing = subprocess.run(command, cwd=project, capture_output=True, text=True, env=env, timeout=120)
    assert passing.returncode == 0, passing.stdout + passing.stderr


def test_a_change_outside_the_knowledge_base_does_not_run_the_hook(tmp_path: Path) -> None:
    project = tmp_path / "search"
    shutil.copytree(SHIPPED_DOCS, project / "docs")
    (project / "docs" / "postings" / "etsy-staff.md").write_text(BROKEN, encoding="utf-8")
    (project / "notes.txt").write_text("a note\n", encoding="utf-8")
    _local_config(project)
    _git("init", "-q", cwd=project)
    _git("add", ".", cwd=project)
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "cache")}
    command = [sys.executable, "-m", "pre_commit", "run", "roledex-check", "--files", "notes.txt"]
    result = subprocess.run(command, cwd=project, capture_output=True, text=True, env=env, timeout=120)
    assert result.returncode == 0 and "work_mod" not in result.stdout, result.stdout + result.stderr
