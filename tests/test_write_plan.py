"""What importing a posting will write, read in process: the company it goes to (an existing one
by slug or name, a new one with a warning when it is probably a misspelling), the company stub,
and the posting's front matter line by line."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import make_site, plain_id
from roledex.importer.extract import Extraction
from roledex.importer.money import FoundSalary
from roledex.importer.write import company_slug_for, front_matter, near_company, plan
from roledex.kb.load import read_knowledge_base
from roledex.kb.model import KnowledgeBase

COMPANIES = {
    "companies/stripe.md": "---\nname: Stripe\n---\n",
    "companies/acme-corp.md": "---\nname: ACME Inc.\n---\n",
}


@pytest.fixture
def kb(tmp_path: Path) -> KnowledgeBase:
    return read_knowledge_base(make_site(tmp_path, COMPANIES, shipped=False)).kb


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("stripe", ("stripe", True)),  # its slug
        ("Stripe", ("stripe", True)),  # its name
        ("Stripe, Inc.", ("stripe", True)),  # its name, the legal form aside
        ("Acme", ("acme-corp", True)),  # a name whose own legal form is set aside too
        ("Monzo Bank Ltd", ("monzo-bank", False)),  # a new company: its name less the legal form
        ("Ltd", ("ltd", False)),  # nothing left but the legal form: the name itself
    ],
    ids=plain_id,
)
def test_the_company_a_posting_goes_to(kb: KnowledgeBase, name: str, expected: tuple[str, bool]) -> None:
    assert company_slug_for(name, kb) == expected


@pytest.mark.parametrize(
    ("slug", "near"),
    [("stripee", "stripe"), ("strpe", "stripe"), ("acme-crop", "acme-corp"), ("monzo", None), ("stripe-bank", None)],
    ids=plain_id,
)
def test_a_new_company_near_an_existing_one(kb: KnowledgeBase, slug: str, near: str | None) -> None:
    assert near_company(slug, kb) == near


def _found(**facts: object) -> Extraction:
    return Extraction(body="The posting's own words.\n", **facts)  # type: ignore[arg-type]


def test_a_new_company_gets_a_stub_with_its_website_and_a_warning_when_it_is_near_another(
    kb: KnowledgeBase, tmp_path: Path
) -> None:
    found = _found(company="Stripee Inc.", title="Engineer", company_website="https://stripee.example")
    made = plan(found, tmp_path / "docs", kb, "stripee-paste")
    assert made.company_slug == "stripee" and made.company_path == tmp_path / "docs" / "companies" / "stripee.md"
    assert made.company_text is not None and 'name: "Stripee"\n' in made.company_text
    assert 'website: "https://stripee.example"\n' in made.company_text
    assert made.warnings == ["'stripee' is a new company; did you mean 'stripe'? pass --company stripe"]
    assert made.posting_path == tmp_path / "docs" / "postings" / "stripee-engineer.md"


def test_an_existing_company_gets_no_stub_and_no_warning(kb: KnowledgeBase, tmp_path: Path) -> None:
    made = plan(_found(company="Stripe", title="Engineer"), tmp_path / "docs", kb, "paste")
    assert (made.company_slug, made.company_path, made.company_text, made.warnings) == ("stripe", None, None, [])
    far = plan(_found(company="Monzo", title="Engineer"), tmp_path / "docs", kb, "paste")
    assert far.company_path is not None and far.warnings == []


def test_a_title_not_found_is_the_file_name_with_a_comment_saying_so(kb: KnowledgeBase, tmp_path: Path) -> None:
    made = plan(_found(company="Stripe"), tmp_path / "docs", kb, "saved page")
    assert made.posting_path.name == "stripe-saved-page.md"
    assert 'title: "saved page"  # not found in the text: the file name stands in, replace it\n' in made.posting_text


def test_an_inferred_title_says_why(kb: KnowledgeBase, tmp_path: Path) -> None:
    found = _found(company="Stripe", title="Engineer", inferred={"title": "the page's heading"})
    assert 'title: "Engineer"  # the page\'s heading\n' in plan(found, tmp_path / "docs", kb, "paste").posting_text


def _lines(found: Extraction) -> list[str]:
    return front_matter(found, "stripe", "Engineer", None).splitlines()


def test_each_fact_found_is_a_line_and_each_inferred_one_says_why() -> None:
    found = _found(
        locations=["Berlin, Germany", "Remote"],
        work_mode="hybrid",
        team="Payments",
        inferred={"work_mode": "three days in the office", "team": "the page's heading"},
        salary=FoundSalary(60000.0, 80000.5, None, None, "60k-80.5k"),
    )
    lines = _lines(found)
    assert 'locations: ["Berlin, Germany", "Remote"]' in lines
    assert "work_mode: hybrid  # three days in the office" in lines
    assert 'team: "Payments"  # the page\'s heading' in lines
    assert "  min: 60000" in lines and "  max: 80000.5" in lines
    assert "  currency: " in lines and "  period: " in lines  # figures without either: left to fill


@pytest.mark.parametrize(
    ("value", "written"), [(60000.0, "60000"), (60000, "60000"), (12.5, "12.5"), (0.25, "0.25")], ids=plain_id
)
def test_a_figure_is_written_as_a_reader_writes_it(value: float, written: str) -> None:
    lines = _lines(_found(salary=FoundSalary(value, None, "EUR", "year", "as stated")))
    assert f"  min: {written}" in lines and "  currency: EUR" in lines and "  period: year" in lines
