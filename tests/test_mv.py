"""`roledex mv` renames a company or a posting and every file and reference that names it, or
refuses with nothing changed: no broken reference, no file overwritten, no data lost."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from conftest import build_site, invoke, make_site
from roledex.kb.load import read_knowledge_base
from roledex.kb.rename import relink
from roledex.kb.status_edit import CannotEdit, rename_slug

P = "etsy-engineering-manager-ml-for-growth"
NEW = "etsy-em-ml-growth"
FILES = {
    "contacts/jo-park.md": (
        '---\nname: "Jo Park"\ncompany: etsy  # met at a meetup\n---\n\n'
        f"Referred me for [the ML role](../postings/{P}.md) ([prep](../prep/{P}/)); "
        "also knows [Etsy](../companies/etsy.md).\n"
    ),
    "stories/ranking.md": (
        f'---\ntitle: "Ranking"\nskills: [Python]\nused:\n  - {P}\n  - etsy-engineering-manager-ads-ml\n---\n\n'
        "## Situation\n\nA.\n\n## Action\n\nB.\n\n## Result\n\nC.\n"
    ),
    "questions/why-etsy.md": '---\nquestion: "Why Etsy?"\ntags: [etsy, behavioural]\n---\n\nBecause.\n',
}


@pytest.fixture
def site(tmp_path: Path) -> Path:
    docs = make_site(tmp_path, FILES)
    snapshots = tmp_path / "snapshots" / "postings" / P
    snapshots.mkdir(parents=True)
    (snapshots / "2026-12-01.md").write_text("---\ntitle: x\n---\n\ntext\n", encoding="utf-8")
    assert (docs / "prep" / f"{P}.md").is_file() and (docs / "applications" / f"{P}.md").is_file()
    return tmp_path


def _tree(root: Path) -> dict[str, str]:
    return {
        str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file() and "site" not in p.relative_to(root).parts[:1]
    }


def test_a_posting_renamed_takes_its_prep_application_story_links_and_snapshots(site: Path) -> None:
    docs = site / "docs"
    result = invoke("mv", "etsy manager growth", NEW, cwd=site)
    assert result.returncode == 0, result.stderr
    assert f"renamed posting {P} to {NEW}" in result.stdout
    for folder in ("postings", "prep", "applications"):
        assert not (docs / folder / f"{P}.md").exists() and (docs / folder / f"{NEW}.md").is_file()
    kb = read_knowledge_base(docs).kb
    assert kb.preps[NEW].posting == NEW and kb.applications[NEW].posting == NEW
    assert kb.stories["ranking"].used == [NEW, "etsy-engineering-manager-ads-ml"]
    contact = (docs / "contacts" / "jo-park.md").read_text(encoding="utf-8")
    assert f"../postings/{NEW}.md" in contact and f"../prep/{NEW}/" in contact and P not in contact
    assert (site / "snapshots" / "postings" / NEW / "2026-12-01.md").is_file()
    assert not (site / "snapshots" / "postings" / P).exists()
    assert invoke("check", cwd=site).returncode == 0
    assert build_site(site, private="include").returncode == 0  # strict: no link left broken


def test_a_company_renamed_takes_its_postings_people_and_questions(site: Path) -> None:
    docs = site / "docs"
    result = invoke("mv", "etsy", "etsy-inc", cwd=site)
    assert result.returncode == 0, result.stderr
    assert "its postings keep their slugs" in result.stdout
    kb = read_knowledge_base(docs).kb
    assert set(kb.companies) == {"etsy-inc"}
    assert {p.company for p in kb.postings.values()} == {"etsy-inc"}
    assert kb.contacts["jo-park"].company == "etsy-inc"
    assert kb.questions["why-etsy"].tags == ["etsy-inc", "behavioural"]
    contact = (docs / "contacts" / "jo-park.md").read_text(encoding="utf-8")
    assert "company: etsy-inc  # met at a meetup\n" in contact and "../companies/etsy-inc.md" in contact
    assert invoke("check", cwd=site).returncode == 0
    assert build_site(site, private="include").returncode == 0


def test_a_private_postings_held_back_line_moves_with_it(site: Path) -> None:
    posting = site / "docs" / "postings" / f"{P}.md"
    posting.write_text(posting.read_text(encoding="utf-8").replace("---\n", "---\nprivate: true\n", 1))
    config = site / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace("draft_docs: |\n", f"draft_docs: |\n  /postings/{P}.md\n")
    )
    assert invoke("check", cwd=site).returncode == 0
    assert invoke("mv", P, NEW, cwd=site).returncode == 0
    assert f"  /postings/{NEW}.md\n" in config.read_text(encoding="utf-8")
    checked = invoke("check", cwd=site)
    assert checked.returncode == 0 and "draft_docs" not in checked.stdout


@pytest.mark.parametrize(
    ("args", "says"),
    [
        ((P, "etsy-engineering-manager-ads-ml"), "there is already a posting 'etsy-engineering-manager-ads-ml'"),
        (("etsy", "etsy"), "already 'etsy'"),
        (("etsy manager", NEW), "fits"),  # several postings
        (("monzo", NEW), "no company or posting 'monzo'"),
        ((P, "!!!"), "makes no slug"),
    ],
    ids=["name taken", "same name", "several fit", "none fits", "no slug"],
)
def test_a_rename_that_cannot_be_made_changes_nothing(site: Path, args: tuple[str, str], says: str) -> None:
    before = _tree(site)
    result = invoke("mv", *args, cwd=site)
    assert says in result.stderr and "Traceback" not in result.stderr
    assert _tree(site) == before


def test_a_file_in_the_way_is_never_overwritten(site: Path) -> None:
    stray = site / "docs" / "prep" / f"{NEW}.md"
    stray.write_text("---\nposting: etsy-engineering-manager-ads-ml\n---\n\nNotes for Ads.\n", encoding="utf-8")
    before = _tree(site)
    result = invoke("mv", P, NEW, cwd=site)
    assert result.returncode == 1 and f"{stray.relative_to(site)} already exists" in result.stderr
    assert _tree(site) == before


def test_a_knowledge_base_with_errors_is_not_renamed(site: Path) -> None:
    (site / "docs" / "contacts" / "broken.md").write_text("---\nname: [unclosed\n---\n", encoding="utf-8")
    before = _tree(site)
    result = invoke("mv", P, NEW, cwd=site)
    assert result.returncode == 1 and "fix them first" in result.stderr
    assert _tree(site) == before


def test_dry_run_says_each_change_and_makes_none(site: Path) -> None:
    before = _tree(site)
    result = invoke("mv", P, NEW, "--dry-run", cwd=site)
    assert result.returncode == 0
    assert f"move docs/applications/{P}.md to docs/applications/{NEW}.md (posting)" in result.stdout
    assert "edit docs/stories/ranking.md (used)" in result.stdout
    assert "edit docs/contacts/jo-park.md (links)" in result.stdout
    assert _tree(site) == before


@pytest.mark.parametrize(
    ("line", "renamed"),
    [
        ("company: acme\n", "company: acme-inc\n"),
        ('company: "acme"  # note\n', 'company: "acme-inc"  # note\n'),
        ("tags: [acme, acme-labs, x]\n", "tags: [acme-inc, acme-labs, x]\n"),
        ("tags:\n  - acme-labs\n  - acme\n", "tags:\n  - acme-labs\n  - acme-inc\n"),
        ("tags: [acme-labs]\n", "tags: [acme-labs]\n"),
    ],
    ids=["plain", "quoted with a comment", "flow list", "block list", "a longer slug alone"],
)
def test_rename_slug_changes_the_slug_and_no_other_byte(line: str, renamed: str) -> None:
    key = line.split(":", 1)[0]
    text = f"---\nname: acme\n{line}# acme stays in a comment\n---\n\nacme in the body\n"
    expected = f"---\nname: acme\n{renamed}# acme stays in a comment\n---\n\nacme in the body\n"
    assert rename_slug(text, [key], "acme", "acme-inc") == expected


def test_rename_slug_refuses_what_it_cannot_prove() -> None:
    with pytest.raises(CannotEdit):
        rename_slug("---\ncompany: acme\n---\n", ["company"], "acme", "acme: x")


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("[a](../postings/old.md)", "[a](../postings/new.md)"),
        ("[a](postings/old/#pay)", "[a](postings/new/#pay)"),
        ("[a](../prep/old/)", "[a](../prep/new/)"),
        ("[a](../postings/old-two.md)", "[a](../postings/old-two.md)"),
        ("[a](../xpostings/old.md)", "[a](../xpostings/old.md)"),
        ("the old way", "the old way"),
    ],
)
def test_links_to_the_renamed_pages_follow_them(body: str, expected: str) -> None:
    head = "---\nposting: old\n---\n"
    assert relink(head + body, ("postings", "prep"), "old", "new") == head + expected
