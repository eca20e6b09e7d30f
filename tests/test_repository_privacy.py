"""A public repository shows every file Git tracks: `roledex publish-check --repository` names
each private one, in-process against real temporary repositories."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from conftest import invoke, make_site

PRIVATE = {
    "contacts/jo-quietly.md": "---\nname: Jo Quietly\ncompany: etsy\n---\n\nMet at a meetup.\n",
    "stories/warehouse.md": "---\ntitle: Cutting warehouse cost\n---\n\n## Situation\n\nCosts were high.\n",
    "prep/notes.txt": "Things to ask.\n",
    "companies/hush.md": "---\nname: Hush\nprivate: true\n---\n\nQuiet.\n",
    "postings/hush-lead.md": "---\ncompany: hush\ntitle: Lead\n---\n\nWords.\n",
    "notes.md": "---\nprivate: true\n---\n\nMy diary.\n",
}
EXPECTED = [
    "docs/applications/etsy-engineering-manager-ml-for-growth.md",
    "docs/companies/hush.md",
    "docs/contacts/jo-quietly.md",
    "docs/notes.md",
    "docs/postings/hush-lead.md",
    "docs/prep/etsy-engineering-manager-ml-for-growth.md",
    "docs/prep/notes.txt",
    "docs/stories/warehouse.md",
    "interviews.ics",
]


def _git(root: Path, *args: str) -> None:
    subprocess.run(["git", "-C", str(root), *args], check=True, capture_output=True)


def _repository(root: Path, files: dict[str, str], settings: str = "") -> Path:
    make_site(root, files)
    (root / "interviews.ics").write_text("BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n", encoding="utf-8")
    (root / "docs" / "contacts" / "untracked.md").write_text("---\nname: Untracked\n---\n", encoding="utf-8")
    if settings:
        config = root / "mkdocs.yml"
        config.write_text(config.read_text(encoding="utf-8").replace("  roledex:\n", f"  roledex:\n{settings}", 1))
    _git(root, "init", "-q")
    _git(root, "add", "-A")
    _git(root, "rm", "-q", "--cached", "docs/contacts/untracked.md")
    return root


def test_a_public_repository_tracking_private_files_is_refused_with_each_path(tmp_path: Path) -> None:
    root = _repository(tmp_path, PRIVATE)
    result = invoke("publish-check", "--repository", str(root), "--public", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stdout.splitlines() == EXPECTED
    assert result.stderr.startswith(f"roledex publish-check: the repository is public and Git tracks {len(EXPECTED)}")
    assert "keep the knowledge base in a private repository" in result.stderr


def test_a_private_repository_may_track_them(tmp_path: Path) -> None:
    root = _repository(tmp_path, PRIVATE)
    result = invoke("publish-check", "--repository", str(root), "--private", cwd=tmp_path)
    assert result.returncode == 0 and result.stdout.splitlines() == EXPECTED


@pytest.mark.parametrize(("visibility", "status"), [("private", 0), ("public", 1), (None, 1)])
def test_the_settings_say_what_the_repository_is_when_the_command_does_not(
    tmp_path: Path, visibility: str | None, status: int
) -> None:
    settings = f"    visibility: {visibility}\n" if visibility else ""
    root = _repository(tmp_path, PRIVATE, settings)
    result = invoke("publish-check", "--repository", str(root), cwd=tmp_path)
    assert result.returncode == status, result.stderr


def test_a_repository_of_research_only_passes(tmp_path: Path) -> None:
    make_site(tmp_path)
    for folder in ("applications", "prep"):
        for path in (tmp_path / "docs" / folder).glob("*"):
            path.unlink()
    _git(tmp_path, "init", "-q")
    _git(tmp_path, "add", "-A")
    result = invoke("publish-check", "--repository", str(tmp_path), "--public", cwd=tmp_path)
    assert (result.returncode, result.stdout) == (0, "")


def test_a_knowledge_base_in_a_subfolder_is_judged_by_its_own_paths(tmp_path: Path) -> None:
    project = tmp_path / "search"
    make_site(project, {"contacts/jo.md": "---\nname: Jo\n---\n\nx\n"})
    _git(tmp_path, "init", "-q")
    _git(tmp_path, "add", "-A")
    result = invoke("publish-check", "--repository", str(project), "--public", cwd=tmp_path)
    assert result.returncode == 1
    assert "search/docs/contacts/jo.md" in result.stdout.splitlines()


def test_a_folder_outside_git_is_a_usage_error(tmp_path: Path) -> None:
    result = invoke("publish-check", "--repository", str(tmp_path), "--public", cwd=tmp_path)
    assert result.returncode == 2 and "not a Git repository" in result.stderr


def test_a_bad_visibility_setting_is_a_problem_at_its_line(tmp_path: Path) -> None:
    make_site(tmp_path)
    config = tmp_path / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace("  roledex:\n", "  roledex:\n    visibility: secret\n")
    )
    result = invoke("check", cwd=tmp_path)
    assert result.returncode == 1
    assert "extra.roledex.visibility: expected public or private, got 'secret'" in result.stdout + result.stderr


def test_a_site_holding_a_symbolic_link_is_refused_with_its_path(tmp_path: Path) -> None:
    site = tmp_path / "site"
    (site / "assets").mkdir(parents=True)
    (site / "index.html").write_text("<p>home</p>", encoding="utf-8")
    secret = tmp_path / "secret.txt"
    secret.write_text("the user's notes", encoding="utf-8")
    (site / "assets" / "notes.txt").symlink_to(secret)
    (site / "more").symlink_to(tmp_path)
    make_site(tmp_path)
    result = invoke("publish-check", "site", cwd=tmp_path)
    assert result.returncode == 1
    assert f"SYMLINK site/assets/notes.txt -> {secret}" in result.stdout.splitlines()
    assert f"SYMLINK site/more -> {tmp_path}" in result.stdout.splitlines()
    assert "2 symbolic link(s) in the site; do not publish" in result.stderr


def test_check_warns_of_each_tracked_private_file_when_the_settings_say_public(tmp_path: Path) -> None:
    root = _repository(tmp_path, PRIVATE, "    visibility: public\n")
    result = invoke("check", cwd=root)
    warned = [line for line in result.stdout.splitlines() if ": private: warning: Git tracks this private file" in line]
    assert [line.split(":")[0] for line in warned] == EXPECTED


def test_check_says_nothing_of_git_when_the_repository_is_private(tmp_path: Path) -> None:
    root = _repository(tmp_path, PRIVATE, "    visibility: private\n")
    result = invoke("check", cwd=root)
    assert "Git tracks" not in result.stdout


def _pre_commit(project: Path, cache: Path) -> subprocess.CompletedProcess[str]:
    import os
    import sys

    import yaml
    from conftest import REPO

    declared = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    hook = {**next(h for h in declared if h["id"] == "roledex-private-files"), "language": "unsupported"}
    (project / ".pre-commit-config.yaml").write_text(yaml.safe_dump({"repos": [{"repo": "local", "hooks": [hook]}]}))
    env = {
        **os.environ,
        "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}",
        "PRE_COMMIT_HOME": str(cache),
    }
    command = [sys.executable, "-m", "pre_commit", "run", "roledex-private-files", "--all-files"]
    return subprocess.run(command, cwd=project, capture_output=True, text=True, env=env, timeout=120)


@pytest.mark.parametrize(("visibility", "refused"), [("public", True), ("private", False)])
def test_the_pre_commit_hook_refuses_a_private_file_in_a_public_repository(
    tmp_path: Path, visibility: str, refused: bool
) -> None:
    project = tmp_path / "search"
    root = _repository(project, {"contacts/jo.md": "---\nname: Jo\n---\n\nx\n"}, f"    visibility: {visibility}\n")
    _git(root, "add", "-A")
    result = _pre_commit(root, tmp_path / "cache")
    assert (result.returncode == 1) is refused, result.stdout + result.stderr
    assert ("docs/contacts/jo.md" in result.stdout) is refused  # pre-commit shows a hook's words when it fails


KINDS_OF_NOTES = [
    ("company", "Acme Robotics"),
    ("posting", "acme-robotics", "Staff Engineer"),
    ("prep", "acme-robotics-staff-engineer"),
    ("application", "acme-robotics-staff-engineer"),
    ("contact", "Jo Quietly", "--company", "acme-robotics"),
    ("story", "Cut warehouse cost"),
    ("question", "Why this company?"),
    ("offer", "acme-robotics-staff-engineer"),
]


def test_a_knowledge_base_started_in_an_empty_folder_is_safe_in_a_public_repository(tmp_path: Path) -> None:
    _git(tmp_path, "init", "-q")
    first = invoke("new", *KINDS_OF_NOTES[0], cwd=tmp_path)
    assert first.returncode == 0 and first.stdout.splitlines()[0].startswith(
        "roledex new: a new knowledge base in docs, laid out for a public repository: .gitignore keeps "
        "applications/, contacts/, offers/, prep/, questions/, stories/ and calendar files out of Git"
    )
    for args in KINDS_OF_NOTES[1:]:
        later = invoke("new", *args, cwd=tmp_path)
        assert later.returncode == 0 and later.stdout.startswith("wrote "), later.stderr
    (tmp_path / "docs" / "interviews.ics").write_text("BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n", encoding="utf-8")
    _git(tmp_path, "add", "-A")
    result = invoke("publish-check", "--repository", str(tmp_path), "--public", cwd=tmp_path)
    assert (result.returncode, result.stdout) == (0, "")
    tracked = subprocess.run(["git", "-C", str(tmp_path), "ls-files"], capture_output=True, text=True).stdout
    assert tracked.split() == [
        ".gitignore",
        "docs/companies/acme-robotics.md",
        "docs/postings/acme-robotics-staff-engineer.md",
    ]


def test_a_gitignore_already_there_is_added_to_not_replaced(tmp_path: Path) -> None:
    (tmp_path / ".gitignore").write_text("node_modules/\n/docs/stories/", encoding="utf-8")
    assert invoke("new", "story", "Cut cost", cwd=tmp_path).returncode == 0
    lines = (tmp_path / ".gitignore").read_text(encoding="utf-8").splitlines()
    assert lines[:2] == ["node_modules/", "/docs/stories/"] and lines.count("/docs/stories/") == 1
    assert "/docs/contacts/" in lines and "*.ics" in lines


def test_settings_for_a_private_repository_start_it_without_ignoring_the_private_folders(tmp_path: Path) -> None:
    (tmp_path / "mkdocs.yml").write_text("site_name: Mine\nextra:\n  roledex:\n    visibility: private\n", "utf-8")
    result = invoke("new", "story", "Cut cost", cwd=tmp_path)
    assert result.returncode == 0 and not (tmp_path / ".gitignore").exists()
    assert result.stdout.startswith("roledex new: a new knowledge base in docs, for a private repository (mkdocs.yml")


def test_only_a_new_knowledge_base_is_laid_out(tmp_path: Path) -> None:
    make_site(tmp_path)
    result = invoke("new", "story", "Cut cost", cwd=tmp_path)
    assert result.stdout == "wrote docs/stories/cut-cost.md\n" and not (tmp_path / ".gitignore").exists()
