"""The knowledge base found from any folder inside the project, as git finds its root."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest
from conftest import invoke, make_site
from roledex.cli.project import fill_locations, find_root


@pytest.mark.parametrize("inside", [".", "docs", "docs/postings", "docs/assets"])
def test_new_writes_into_the_projects_docs_from_any_folder_inside(tmp_path: Path, inside: str) -> None:
    make_site(tmp_path)
    result = invoke("new", "company", "Helio Energy", cwd=tmp_path / inside)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "docs" / "companies" / "helio-energy.md").is_file()
    assert not list(tmp_path.rglob("docs/docs"))


@pytest.mark.parametrize("inside", ["docs", "docs/postings"])
def test_check_from_inside_docs_reads_the_whole_knowledge_base(tmp_path: Path, inside: str) -> None:
    make_site(tmp_path, {"postings/bad.md": "---\ncompany: etsy\ntitle: X\nwork_mod: remote\n---\n"})
    result = invoke("check", cwd=tmp_path / inside)
    assert result.returncode == 1
    shown = "../postings/bad.md" if inside == "docs/postings" else "./postings/bad.md"
    assert f"\n{shown}:4: work_mod: unknown key" in "\n" + result.stdout


def test_the_docs_folder_mkdocs_yml_names_is_used(tmp_path: Path) -> None:
    (tmp_path / "mkdocs.yml").write_text("site_name: x\ndocs_dir: notes\n", encoding="utf-8")
    (tmp_path / "notes" / "deep").mkdir(parents=True)
    args = argparse.Namespace(docs=None, config=None)
    fill_locations(args, cwd=tmp_path / "notes" / "deep")
    assert Path(args.docs).resolve() == (tmp_path / "notes").resolve()
    assert Path(args.config).resolve() == (tmp_path / "mkdocs.yml").resolve()


def test_a_path_given_is_taken_as_given_and_no_project_keeps_the_old_defaults(tmp_path: Path) -> None:
    args = argparse.Namespace(docs="elsewhere", config=None, site=None)
    fill_locations(args, cwd=tmp_path)
    assert find_root(tmp_path) is None
    assert (args.docs, args.config, args.site) == ("elsewhere", "mkdocs.yml", "site")


def test_outside_any_project_the_error_says_where_to_run_it(tmp_path: Path) -> None:
    result = invoke("check", cwd=tmp_path)
    assert result.returncode == 2
    assert "run roledex inside a knowledge base (where mkdocs.yml is, or any folder below it)" in result.stderr
