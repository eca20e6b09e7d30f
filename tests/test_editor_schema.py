"""Front matter checked in an editor: the README's remark set-up, run with the schemas
`roledex schema --output` writes, accepts the shipped files and flags a broken one."""

from __future__ import annotations

import shutil
import subprocess
import textwrap
from pathlib import Path

import pytest
from conftest import REPO, SHIPPED_DOCS, invoke

EDITOR = REPO / "tests" / "editor"
REMARK = EDITOR / "node_modules" / ".bin" / "remark"
BROKEN = "---\ncompany: etsy\ntitle: Lead\nwork_mod: remote\nsalary:\n  min: 5\n---\n\nWords.\n"

pytestmark = pytest.mark.skipif(
    shutil.which("node") is None or not REMARK.exists(),
    reason="needs Node.js and `npm ci --prefix tests/editor` (.ci/run does both where npm is)",
)


def _remarkrc() -> str:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    return textwrap.dedent(readme.split("In `.remarkrc.yaml`:", 1)[1].split("```yaml\n", 1)[1].split("```", 1)[0])


def _remark(project: Path) -> subprocess.CompletedProcess[str]:
    (project / "node_modules").symlink_to(EDITOR / "node_modules")
    command = [str(REMARK), "docs", "--frail", "--no-color", "--quiet"]
    return subprocess.run(command, cwd=project, capture_output=True, text=True, timeout=300)


def _project(tmp_path: Path, extra: dict[str, str]) -> Path:
    shutil.copytree(SHIPPED_DOCS, tmp_path / "docs")
    for name, text in extra.items():
        (tmp_path / "docs" / name).write_text(text, encoding="utf-8")
    assert invoke("schema", "--output", f"{tmp_path / '.schemas'}/").returncode == 0
    (tmp_path / ".remarkrc.yaml").write_text(_remarkrc(), encoding="utf-8")
    return tmp_path


def test_the_readme_set_up_accepts_every_shipped_file(tmp_path: Path) -> None:
    result = _remark(_project(tmp_path, {}))
    assert result.returncode == 0, result.stderr
    assert "warning" not in result.stderr


def test_the_readme_set_up_flags_a_typo_and_a_figure_without_its_currency(tmp_path: Path) -> None:
    result = _remark(_project(tmp_path, {"postings/broken.md": BROKEN}))
    assert result.returncode == 1
    assert "docs/postings/broken.md" in result.stderr
    assert "#/additionalProperties" in result.stderr and "#/properties/salary/dependencies" in result.stderr
    assert "docs/postings/etsy-" not in result.stderr
