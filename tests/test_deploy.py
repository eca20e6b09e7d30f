"""The free way to a public site from a private source: `roledex deploy` pushes the checked
site, and only it, to a public repository's Pages branch. Tested against local bare
repositories, as GitHub would hold them."""

from __future__ import annotations

import subprocess
from pathlib import Path

from conftest import build_site, invoke, make_site, run_roledex

PRIVATE_WORDS = ("Jo Quietly", "cut warehouse cost by 35")
FILES = {
    "contacts/jo-quietly.md": "---\nname: Jo Quietly\ncompany: etsy\n---\n\nMet at a meetup.\n",
    "stories/warehouse.md": "---\ntitle: Warehouse\n---\n\n## Result\n\nI cut warehouse cost by 35 percent.\n",
}


def _git(root: Path, *args: str) -> str:
    done = subprocess.run(["git", "-C", str(root), *args], check=True, capture_output=True, text=True)
    return done.stdout


def _source(root: Path) -> Path:
    make_site(root, FILES)
    _git(root, "init", "-q", "-b", "main")
    _git(root, "add", "-A")
    _git(root, "-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-qm", "knowledge base")
    return root


def _files(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and ".git" not in p.relative_to(folder).parts
    }


def test_the_site_pushed_is_the_one_checked_and_no_commit_holds_a_private_file(tmp_path: Path) -> None:
    source = _source(tmp_path / "source")
    public = tmp_path / "public.git"
    subprocess.run(["git", "init", "-q", "--bare", str(public)], check=True)
    assert build_site(source).returncode == 0
    env = {
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@example.com",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@example.com",
    }
    for _ in range(2):  # a second deploy adds a commit on top
        result = run_roledex("deploy", "site", "--remote", str(public), "--branch", "main", cwd=source, env=env)
        assert result.returncode == 0, result.stdout + result.stderr
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", "-b", "main", str(public), str(clone)], check=True)
    pushed, checked = _files(clone), _files(source / "site")
    assert pushed.pop(".nojekyll") == b""  # Pages serves the files as they are, folders with _ included
    assert pushed == checked  # byte for byte the site publish-check passed
    every_path = _git(clone, "log", "--all", "--name-only", "--format=")
    assert "contacts/" not in every_path and "stories/" not in every_path and "docs/" not in every_path
    blobs = _git(clone, "rev-list", "--all", "--objects")
    for line in blobs.splitlines():
        content = subprocess.run(
            ["git", "-C", str(clone), "cat-file", "-p", line.split()[0]], capture_output=True, check=True
        ).stdout.decode("utf-8", "replace")
        for word in PRIVATE_WORDS:
            assert word not in content


def test_a_site_that_fails_publish_check_is_not_pushed(tmp_path: Path) -> None:
    source = _source(tmp_path / "source")
    public = tmp_path / "public.git"
    subprocess.run(["git", "init", "-q", "--bare", str(public)], check=True)
    assert build_site(source).returncode == 0
    (source / "site" / "leak.html").write_text("<p>Met at a meetup. Jo Quietly</p>", encoding="utf-8")
    (source / "site" / "link").symlink_to(source / "docs")
    result = invoke("deploy", "site", "--remote", str(public), "--branch", "main", cwd=source)
    assert result.returncode == 1
    assert "the site did not pass publish-check; nothing was pushed" in result.stderr
    assert _git(public, "for-each-ref") == ""


def test_a_push_that_fails_is_one_line(tmp_path: Path) -> None:
    source = _source(tmp_path / "source")
    assert build_site(source).returncode == 0
    result = invoke("deploy", "site", "--remote", str(tmp_path / "missing.git"), "--branch", "main", cwd=source)
    assert result.returncode == 1
    assert result.stderr.startswith(f"roledex deploy: could not push to {tmp_path / 'missing.git'} main: ")
    assert len(result.stderr.strip().splitlines()) == 1
