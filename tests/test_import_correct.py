"""A posting imported under the wrong words is corrected by importing it again with `--title` or
`--company`: the keys are set on the record it made, and the file the importer named after the
wrong words is renamed after the right ones, with every reference to it."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from conftest import invoke, make_site
from roledex.importer.snapshots import snapshot_folder
from roledex.kb.load import read_knowledge_base

PASTE = """Monzo

Monzo is hiring in London. We build a bank that works for everyone.

About the role
You will build backend services in Go.

Salary: £90,000 - £110,000 per year
Location: London, UK (hybrid)
"""
WRONG = "monzo-monzo"
RIGHT = "monzo-senior-backend-engineer"


@pytest.fixture
def site(tmp_path: Path) -> Path:
    make_site(tmp_path)
    (tmp_path / "monzo.txt").write_text(PASTE, encoding="utf-8")
    first = invoke("import", "monzo.txt", cwd=tmp_path)
    assert first.returncode == 0, first.stderr
    assert (tmp_path / "docs" / "postings" / f"{WRONG}.md").is_file()  # read the company as the title
    return tmp_path


def _tree(root: Path) -> dict[str, str]:
    docs = root / "docs"
    return {
        str(p.relative_to(docs)): hashlib.sha256(p.read_bytes()).hexdigest() for p in docs.rglob("*") if p.is_file()
    }


def test_a_corrected_title_renames_the_posting_and_what_names_it(site: Path) -> None:
    assert invoke("status", WRONG, "applied", "--date", "2026-12-01", cwd=site).returncode == 0
    result = invoke("import", "monzo.txt", "--title", "Senior Backend Engineer", cwd=site)
    assert result.returncode == 0, result.stderr
    assert f"renamed posting {WRONG} to {RIGHT}" in result.stdout
    kb = read_knowledge_base(site / "docs").kb
    assert set(kb.postings) >= {RIGHT} and WRONG not in kb.postings
    assert kb.postings[RIGHT].title == "Senior Backend Engineer"
    assert kb.applications[RIGHT].posting == RIGHT
    assert not any(WRONG in p.name for p in (site / "docs").rglob("*"))
    assert invoke("check", cwd=site).returncode == 0
    again = invoke("import", "monzo.txt", cwd=site)  # the same text is still known, under its new name
    assert again.returncode == 1 and f"already imported as docs/postings/{RIGHT}.md" in again.stderr


def test_a_corrected_company_is_set_and_made_when_new(site: Path) -> None:
    result = invoke("import", "monzo.txt", "--company", "monzo-bank", "--title", "Backend Engineer", cwd=site)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert "  wrote docs/companies/monzo-bank.md (new company)" in lines
    assert f"  corrected docs/postings/{WRONG}.md: title 'Backend Engineer', company 'monzo-bank'" in lines
    assert lines[-1] == f"  renamed posting {WRONG} to monzo-bank-backend-engineer"
    kb = read_knowledge_base(site / "docs").kb
    posting = kb.postings["monzo-bank-backend-engineer"]
    assert posting.company == "monzo-bank" and kb.companies["monzo-bank"].name == "monzo-bank"
    assert invoke("check", cwd=site).returncode == 0


def test_a_corrected_company_alone_keeps_the_title(site: Path) -> None:
    result = invoke("import", "monzo.txt", "--company", "monzo-bank", cwd=site)
    assert result.returncode == 0, result.stderr
    assert f"  corrected docs/postings/{WRONG}.md: company 'monzo-bank'" in result.stdout.splitlines()
    kb = read_knowledge_base(site / "docs").kb
    assert kb.postings["monzo-bank-monzo"].title == "Monzo"


def test_a_renamed_posting_takes_its_snapshots_along(site: Path) -> None:
    old = snapshot_folder(site / "docs", WRONG)
    old.mkdir(parents=True)
    (old / "2026-11-25.md").write_text("---\ntitle: Monzo\n---\nthe posting as read\n", encoding="utf-8")
    result = invoke("import", "monzo.txt", "--title", "Senior Backend Engineer", cwd=site)
    assert result.returncode == 0, result.stderr
    new = snapshot_folder(site / "docs", RIGHT)
    assert not old.exists() and (new / "2026-11-25.md").read_text(encoding="utf-8").endswith("the posting as read\n")


def test_a_name_the_user_chose_is_kept(site: Path) -> None:
    assert invoke("mv", WRONG, "my-monzo-role", cwd=site).returncode == 0
    result = invoke("import", "monzo.txt", "--title", "Senior Backend Engineer", cwd=site)
    assert result.returncode == 0
    assert "keeps its name, which you chose; `roledex mv my-monzo-role monzo-senior-backend-engineer`" in result.stdout
    assert read_knowledge_base(site / "docs").kb.postings["my-monzo-role"].title == "Senior Backend Engineer"


def test_a_name_taken_is_never_overwritten(site: Path) -> None:
    taken = site / "docs" / "postings" / f"{RIGHT}.md"
    assert invoke("new", "posting", "monzo", "Senior Backend Engineer", cwd=site).returncode == 0
    before = taken.read_bytes()
    result = invoke("import", "monzo.txt", "--title", "Senior Backend Engineer", cwd=site)
    assert result.returncode == 0
    assert (
        result.stdout.splitlines()[-1]
        == f"  docs/postings/{WRONG}.md keeps its name: docs/postings/{RIGHT}.md is taken"
    )
    assert taken.read_bytes() == before
    assert read_knowledge_base(site / "docs").kb.postings[WRONG].title == "Senior Backend Engineer"


def test_a_dry_run_corrects_nothing(site: Path) -> None:
    before = _tree(site)
    result = invoke("import", "monzo.txt", "--title", "Senior Backend Engineer", "--dry-run", cwd=site)
    assert result.returncode == 0
    assert _tree(site) == before
