"""The GitHub Pages workflow deploys the very folder it checked, with the least it may do."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import REPO

WORKFLOWS = sorted((REPO / ".github" / "workflows").glob("*.yml"))
PUBLISH = REPO / ".github" / "workflows" / "publish.yml"
CURRENT = {
    "actions/checkout": 6,
    "actions/setup-python": 6,
    "actions/upload-pages-artifact": 5,
    "actions/deploy-pages": 5,
}
"""The oldest major version of each action that runs on the runners' Node.js 24."""


def _workflow() -> dict[Any, Any]:
    loaded = yaml.safe_load(PUBLISH.read_text(encoding="utf-8"))
    assert isinstance(loaded, dict)
    return loaded


def _steps(job: str) -> list[dict[str, Any]]:
    return list(_workflow()["jobs"][job]["steps"])


@pytest.mark.parametrize("workflow", WORKFLOWS, ids=lambda path: path.name)
def test_each_workflow_validates_against_the_github_workflow_schema(workflow: Path) -> None:
    command = [sys.executable, "-m", "check_jsonschema", "--builtin-schema", "vendor.github-workflows", str(workflow)]
    result = subprocess.run(command, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("workflow", WORKFLOWS, ids=lambda path: path.name)
def test_every_action_is_a_current_major_version(workflow: Path) -> None:
    for name, version in re.findall(r"uses:\s*([\w.-]+/[\w.-]+)@v(\d+)", workflow.read_text(encoding="utf-8")):
        assert int(version) >= CURRENT.get(name, 0), (name, version)


def test_the_build_job_checks_builds_once_and_uploads_what_it_checked() -> None:
    steps = _steps("build")
    commands = [step.get("run", "") for step in steps]
    assert any("pip install -c constraints.txt" in c for c in commands)
    assert any(c.strip() == "roledex check" for c in commands)
    builds = [c for c in commands if re.search(r"\b(mkdocs|zensical|properdocs) (build|gh-deploy)|roledex build", c)]
    assert builds == ["roledex build --engine mkdocs --site-dir site"]  # builds once, and publish-checks that
    upload = next(s for s in steps if str(s.get("uses", "")).startswith("actions/upload-pages-artifact@"))
    assert upload["with"]["path"] == "site"
    assert steps.index(upload) > commands.index(builds[0])
    setup = next(s for s in steps if str(s.get("uses", "")).startswith("actions/setup-python@"))
    assert setup["with"]["cache"] == "pip"


def test_the_deploy_job_builds_nothing_and_alone_may_write_to_pages() -> None:
    workflow = _workflow()
    assert workflow["permissions"] == {"contents": "read"}
    assert workflow["jobs"]["build"]["permissions"] == {"contents": "read"}
    deploy = workflow["jobs"]["deploy"]
    assert deploy["needs"] == "build"
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert [s.get("uses", "").split("@")[0] for s in deploy["steps"]] == ["actions/deploy-pages"]
    assert not any("run" in s for s in deploy["steps"])


def test_a_public_repository_tracking_private_files_stops_before_the_build() -> None:
    steps = _steps("build")
    commands = [step.get("run", "") for step in steps]
    guard = next(c for c in commands if "publish-check --repository ." in c)
    assert "github.event.repository.private && 'private' || 'public'" in guard  # public unless GitHub says not
    build = next(c for c in commands if c.startswith("roledex build"))
    assert commands.index(guard) < commands.index(build)


def test_a_private_source_pushes_the_checked_site_to_a_public_repository_instead() -> None:
    steps = _steps("build")
    push = next(s for s in steps if "roledex deploy site" in s.get("run", ""))
    assert push["if"] == "vars.ROLEDEX_PAGES_REPOSITORY != ''"
    assert "${{ secrets.ROLEDEX_DEPLOY_KEY }}" in push["env"].values()
    upload = next(s for s in steps if str(s.get("uses", "")).startswith("actions/upload-pages-artifact@"))
    assert upload["if"] == "vars.ROLEDEX_PAGES_REPOSITORY == ''"
    commands = [step.get("run", "") for step in steps]
    build = next(c for c in commands if c.startswith("roledex build"))
    assert steps.index(push) > commands.index(build)  # the pushed folder is the one publish-check passed
