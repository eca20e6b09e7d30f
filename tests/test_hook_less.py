"""A private company or posting must be held back in mkdocs.yml, or an engine that runs no
hook (Zensical) would publish it: the rule, and `roledex check` saying so."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import hold_back, invoke, make_site
from roledex.check.hook_less import unguarded_private
from roledex.check.run import checked_knowledge_base
from test_engines import FILES


@pytest.mark.parametrize(
    ("held_back", "expected"),
    [
        ((), {("docs/companies/hushhush.md", 3, "private"), ("docs/postings/hushhush-lead.md", 2, "company")}),
        (("/companies/hushhush.md",), {("docs/postings/hushhush-lead.md", 2, "company")}),
        (("/companies/hushhush.md", "/postings/hushhush-*.md"), set()),
        (("companies/", "postings/"), set()),
    ],
)
def test_a_private_record_outside_the_private_folders_must_be_held_back(
    tmp_path: Path, held_back: tuple[str, ...], expected: set[tuple[str, int, str]]
) -> None:
    make_site(tmp_path, FILES)
    kb = checked_knowledge_base(tmp_path / "docs").kb
    problems = unguarded_private(kb, held_back)
    found = {(str(Path(p.path).relative_to(tmp_path)), p.line, p.key) for p in problems}
    assert found == expected
    assert all("add the line `/" in p.message and "under draft_docs" in p.message for p in problems)


def test_roledex_check_asks_for_the_line_and_passes_once_it_is_there(tmp_path: Path) -> None:
    make_site(tmp_path, FILES)
    before = invoke("check", cwd=tmp_path)
    assert before.returncode == 1 and "hint: add the line `/companies/hushhush.md` under draft_docs" in before.stdout
    hold_back(tmp_path, "/companies/hushhush.md", "/postings/hushhush-*.md")
    assert invoke("check", cwd=tmp_path).returncode == 0


def test_a_held_back_page_does_not_hide_the_next_one(tmp_path: Path) -> None:
    second = "---\ncompany: hushhush\ntitle: Another quiet role\n---\n\nWords.\n"
    make_site(tmp_path, {**FILES, "postings/hushhush-aaa.md": second})
    kb = checked_knowledge_base(tmp_path / "docs").kb
    problems = unguarded_private(kb, ("/companies/hushhush.md", "/postings/hushhush-aaa.md"))
    assert [(Path(p.path).name, p.key) for p in problems] == [("hushhush-lead.md", "company")]


@pytest.mark.parametrize(
    ("uri", "message"),
    [
        ("companies/hushhush.md", "is private, but mkdocs.yml does not hold it back"),
        ("postings/hushhush-lead.md", "is private with its company, but mkdocs.yml does not hold it back"),
    ],
)
def test_the_message_says_why_and_gives_the_line_to_add(tmp_path: Path, uri: str, message: str) -> None:
    make_site(tmp_path, FILES)
    problems = unguarded_private(checked_knowledge_base(tmp_path / "docs").kb, ())
    found = next(p for p in problems if p.path.endswith(uri))
    assert found.message == (
        f"{message} from engines that run no hook (zensical build would publish it); "
        f"hint: add the line `/{uri}` under draft_docs"
    )
