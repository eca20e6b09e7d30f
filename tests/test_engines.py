"""Publishing with any engine: MkDocs and ProperDocs run the hook, Zensical builds the pages
roledex writes, and a build that runs no hook at all still leaves the private folders out."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from conftest import REPO, hold_back, invoke, make_site, output_texts, run_roledex, without_roledex
from pathspec import GitIgnoreSpec
from roledex.facts.privacy import PRIVATE_FOLDERS
from roledex.kb.settings import Settings
from roledex.web.markdown_tree import write_tree

PRIVATE_WORDS = ("Hushhush Robotics", "strike price per share", "Jo Quietly", "cut warehouse cost by 35")
FILES = {
    "companies/hushhush.md": "---\nname: Hushhush Robotics\nprivate: true\n---\n\n## Overview\n\nThey build robots.\n",
    "postings/hushhush-lead.md": "---\ncompany: hushhush\ntitle: Lead at the quiet place\n---\n\nWords.\n",
    "prep/etsy-engineering-manager-ads-ml.md": (
        "---\nposting: etsy-engineering-manager-ads-ml\n---\n\n## Talking points\n\n"
        "- At my current job I cut warehouse cost by 35 percent.\n\n## Questions to ask\n\n"
        "1. What is the strike price per share?\n"
    ),
    "contacts/jo-quietly.md": "---\nname: Jo Quietly\ncompany: etsy\n---\n\nMet at a meetup.\n",
}


def _project(root: Path, hook: bool = True) -> Path:
    """The project as a user keeps it: the shipped knowledge base, private files beside it, the
    private company held back in mkdocs.yml as `roledex check` asks."""
    if not (root / "docs").exists():
        make_site(root, FILES)
    hold_back(root, "/companies/hushhush.md", "/postings/hushhush-*.md")
    if not hook:
        config = root / "mkdocs.yml"
        config.write_text(without_roledex(config.read_text(encoding="utf-8")), "utf-8")
    return root


def _leaks(site: Path) -> list[tuple[str, str]]:
    return [(path, word) for path, text in output_texts(site).items() for word in PRIVATE_WORDS if word in text]


def _pages(site: Path) -> list[str]:
    return sorted(p.parent.relative_to(site).as_posix() for p in site.rglob("index.html"))


@pytest.mark.parametrize("folder", sorted(PRIVATE_FOLDERS))
def test_mkdocs_yml_holds_every_private_folder_back_from_hook_less_builds(folder: str) -> None:
    settings = yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))
    spec = GitIgnoreSpec.from_lines(settings["draft_docs"].splitlines())
    assert spec.match_file(f"{folder}/someone.md") and spec.match_file(f"{folder}/notes.txt")
    assert not spec.match_file(f"{folder}.md") and not spec.match_file("postings/x.md")


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """One project built by each engine through `roledex build`, which publish-checks it."""
    root = _project(tmp_path_factory.mktemp("engines"))
    sites = {}
    for engine in ("mkdocs", "properdocs", "zensical"):
        result = run_roledex("build", "--engine", engine, "--site-dir", f"site-{engine}", cwd=root)
        assert result.returncode == 0, result.stdout + result.stderr
        assert "no private text found in any file" in result.stdout
        sites[engine] = root / f"site-{engine}"
    return sites


@pytest.mark.parametrize("engine", ["mkdocs", "properdocs", "zensical"])
def test_every_engine_publishes_the_same_pages_and_nothing_private(built: dict[str, Path], engine: str) -> None:
    assert _leaks(built[engine]) == []
    assert _pages(built[engine]) == _pages(built["mkdocs"])
    pages = _pages(built[engine])
    assert "prep/etsy-engineering-manager-ads-ml" in pages and "prep/etsy-engineering-manager-ml-for-growth" in pages
    assert not any(page.startswith(("applications", "contacts", "companies/hushhush")) for page in pages)


def test_zensical_shows_the_generated_pages_with_their_facts(built: dict[str, Path]) -> None:
    salaries = (built["zensical"] / "salaries" / "index.html").read_text(encoding="utf-8")
    assert "Engineering Manager, Machine Learning for Growth" in salaries and "rdx-chart" in salaries
    assert "hide:" not in salaries  # a generated page's own front matter is read, not shown
    growth = (built["zensical"] / "prep" / "etsy-engineering-manager-ml-for-growth" / "index.html").read_text("utf-8")
    assert "Company brief: Etsy" in growth


@pytest.mark.parametrize("engine", ["zensical", "mkdocs"])
def test_a_build_that_runs_no_hook_publishes_no_private_page(tmp_path: Path, engine: str) -> None:
    """`zensical build`, or MkDocs with the hook taken out of mkdocs.yml, run on the project."""
    root = _project(tmp_path, hook=(engine == "zensical"))
    command = [sys.executable, "-m", engine, "build"] + (["-q"] if engine == "mkdocs" else [])
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run(command, cwd=root, capture_output=True, text=True, env=env, timeout=300)
    assert result.returncode == 0, result.stderr
    site = root / "site"
    assert _leaks(site) == []
    assert not any(page.startswith(("applications", "contacts", "prep", "companies/hushhush")) for page in _pages(site))
    assert "postings/etsy-engineering-manager-ads-ml" in _pages(site)


@pytest.mark.parametrize(
    ("title", "shown"),
    [("<script>alert(1)</script> Lead", "&lt;script&gt;alert(1)&lt;/script&gt; Lead"), ("R&D Lead", "R&amp;D Lead")],
)
def test_the_written_pages_carry_the_escaped_title_and_no_link_to_a_private_page(
    tmp_path: Path, title: str, shown: str
) -> None:
    link = "See [my notes](../contacts/jo-quietly.md).\n"
    posting = f"---\ncompany: etsy\ntitle: {json.dumps(title)}\n---\n\n{link}"
    make_site(tmp_path, {**FILES, "postings/etsy-new.md": posting})
    tree = write_tree(tmp_path / "docs", tmp_path / "out", Settings(held_back=None))
    assert not [p for p in tree.problems if p.severity == "error"]
    written = (tmp_path / "out" / "postings" / "etsy-new.md").read_text(encoding="utf-8")
    meta = yaml.safe_load(written.split("---\n")[1])
    assert meta["title"] == shown
    assert "See my notes." in written and "jo-quietly" not in written
    assert "contacts/jo-quietly.md" in tree.left_out and not (tmp_path / "out" / "contacts").exists()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--config", "missing.yml"], "missing.yml: no such file; run it where mkdocs.yml is, or give --config"),
        (["--site-dir", "docs"], "docs: the site folder would hold your sources; give another --site-dir"),
        (["--site-dir", "."], ".: the site folder would hold your sources; give another --site-dir"),
    ],
)
def test_build_refuses_what_would_harm_the_sources_with_one_line(tmp_path: Path, args: list[str], message: str) -> None:
    make_site(tmp_path)
    before = sorted(p.relative_to(tmp_path) for p in (tmp_path / "docs").rglob("*"))
    result = invoke("build", *args, cwd=tmp_path)
    assert result.returncode == 2 and result.stderr.strip() == f"roledex build: {message}"
    assert sorted(p.relative_to(tmp_path) for p in (tmp_path / "docs").rglob("*")) == before


def test_build_names_a_missing_engine_and_how_to_install_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from roledex.cli import build

    make_site(tmp_path)
    monkeypatch.setattr(build.importlib.util, "find_spec", lambda name: None)
    result = invoke("build", "--engine", "zensical", cwd=tmp_path)
    assert result.returncode == 2
    assert "zensical is not installed; hint: pip install zensical" in result.stderr


def test_zensical_is_given_plain_settings_and_told_when_they_are_not(tmp_path: Path) -> None:
    from roledex.cli.build import zensical_config

    config = tmp_path / "mkdocs.yml"
    config.write_text("site_name: x\nhooks:\n  - h.py\ndraft_docs: a/\nextra:\n  when: 2026-11-01\n", "utf-8")
    assert zensical_config(config, "site") == {
        "site_name": "x",
        "extra": {"when": "2026-11-01"},
        "docs_dir": "docs",
        "site_dir": "site",
    }
    config.write_text("site_name: x\nmarkdown_extensions:\n  - x: !!python/name:y.z\n", "utf-8")
    assert zensical_config(config, "site") is None
