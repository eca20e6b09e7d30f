"""`roledex new`: files that pass the check, and nothing overwritten."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import invoke, run_roledex
from roledex.kb.load import read_knowledge_base


def test_new_company_and_posting_pass_the_check(docs_copy: Path) -> None:
    root = docs_copy.parent
    company = run_roledex("new", "company", "Acme Robotics", cwd=root)
    assert company.returncode == 0 and (docs_copy / "companies" / "acme-robotics.md").is_file()
    posting = invoke("new", "posting", "acme-robotics", "Staff Engineer, Platform | Robots", cwd=root)
    assert posting.returncode == 0, posting.stderr
    path = docs_copy / "postings" / "acme-robotics-staff-engineer-platform-robots.md"
    assert 'title: "Staff Engineer, Platform | Robots"' in path.read_text()
    check = invoke("check", cwd=root)
    assert check.returncode == 0, check.stdout


def test_new_posting_for_an_unknown_company_adds_its_profile(docs_copy: Path) -> None:
    root = docs_copy.parent
    result = invoke("new", "posting", "Globex Corp", "Data Scientist", cwd=root)
    assert result.returncode == 0
    assert (docs_copy / "companies" / "globex-corp.md").is_file()
    assert (docs_copy / "postings" / "globex-corp-data-scientist.md").is_file()
    assert invoke("check", cwd=root).returncode == 0


@pytest.mark.parametrize(
    ("kind", "folder", "records"), [("prep", "prep", "preps"), ("application", "applications", "applications")]
)
def test_new_notes_about_the_user_are_private_and_say_so(docs_copy: Path, kind: str, folder: str, records: str) -> None:
    slug = "etsy-engineering-manager-ads-ml"
    assert invoke("new", kind, slug, cwd=docs_copy.parent).returncode == 0
    assert "(default: private)" in (docs_copy / folder / f"{slug}.md").read_text()
    assert getattr(read_knowledge_base(docs_copy).kb, records)[slug].private is True


def test_new_refuses_to_overwrite(docs_copy: Path) -> None:
    root = docs_copy.parent
    before = (docs_copy / "companies" / "etsy.md").read_bytes()
    result = invoke("new", "company", "Etsy", cwd=root)
    assert result.returncode == 1 and "already exists" in result.stderr
    assert (docs_copy / "companies" / "etsy.md").read_bytes() == before
    again = invoke("new", "prep", "etsy-engineering-manager-ml-for-growth", cwd=root)
    assert again.returncode == 1


def test_new_prep_and_application_pass_the_check(docs_copy: Path) -> None:
    root = docs_copy.parent
    for kind in ("prep", "application"):
        result = invoke("new", kind, "etsy-engineering-manager-ads-ml", cwd=root)
        assert result.returncode == 0, result.stderr
    assert "## Likely questions" in (docs_copy / "prep" / "etsy-engineering-manager-ads-ml.md").read_text()
    assert invoke("check", cwd=root).returncode == 0


def test_new_prep_for_a_missing_posting_fails_with_a_hint(docs_copy: Path) -> None:
    result = invoke("new", "prep", "etsy-engineering-manager-adz-ml", cwd=docs_copy.parent)
    assert result.returncode == 1
    assert "did you mean 'etsy-engineering-manager-ads-ml'?" in result.stderr


@pytest.mark.parametrize("given", ["../x", "../../etc/passwd", "/abs/x.md", "Zeta ML"])
def test_new_prep_names_what_is_wrong_with_a_path_for_a_slug(docs_copy: Path, given: str) -> None:
    for kind in ("prep", "application"):
        result = invoke("new", kind, given, cwd=docs_copy.parent)
        assert result.returncode == 1
        assert f"roledex new {kind}: {given!r} is not a posting's slug" in result.stderr
    assert not (docs_copy.parent / "x.md").exists()


@pytest.mark.parametrize(
    ("given", "suggested"), [("etsyy", "etsy"), ("Etsy Inc", "etsy"), ("ETSY", None), ("etsi", "etsy")]
)
def test_new_posting_suggests_the_company_it_was_probably_meant_for(
    docs_copy: Path, given: str, suggested: str | None
) -> None:
    before = sorted(p.name for p in (docs_copy / "companies").iterdir())
    result = invoke("new", "posting", given, "Staff Engineer", cwd=docs_copy.parent)
    if suggested is None:  # the same slug as an existing company: that company, no question
        assert result.returncode == 0, result.stderr
        return
    assert result.returncode == 1
    assert f"did you mean {suggested!r}? (--new-company adds a profile for {given!r})" in result.stderr
    assert sorted(p.name for p in (docs_copy / "companies").iterdir()) == before
    assert not list((docs_copy / "postings").glob("*staff-engineer*"))
    forced = invoke("new", "posting", given, "Staff Engineer", "--new-company", cwd=docs_copy.parent)
    assert forced.returncode == 0 and len(list((docs_copy / "companies").iterdir())) == len(before) + 1
