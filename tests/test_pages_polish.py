"""Pages people enjoy: role families by their names, no column repeating the page's subject,
hourly and contract pay marked."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import build_site, make_site, read_page
from roledex.facts.salary import annual_salary
from roledex.kb.model import Posting, Salary
from roledex.kb.settings import SettingsError, settings_from
from roledex.kb.source import Document
from roledex.web.common import pay_basis_mark

DOC = Document(path="docs/postings/p.md", folder="postings", slug="p", meta={}, body="", body_line=1)


@pytest.mark.parametrize(
    ("period", "employment", "marks"),
    [
        ("year", "full-time", []),
        ("month", None, []),
        ("hour", "full-time", ["hourly"]),
        ("day", None, ["daily"]),
        ("year", "contract", ["contract"]),
        ("hour", "contract", ["hourly", "contract"]),
        ("year", "internship", ["internship"]),
    ],
)
def test_pay_worked_out_from_a_rate_or_a_contract_is_marked(period: str, employment: str | None, marks: list) -> None:
    posting = Posting(slug="p", doc=DOC, company="a", title="T", employment=employment)
    posting.salary = Salary(100, 200, "USD", period)
    annual = annual_salary(posting, settings_from({}))
    assert annual is not None
    shown = pay_basis_mark(annual)
    assert [label for label in marks if f">{label}</span>" in shown] == marks
    assert shown.count("rdx-basis") == len(marks)


@pytest.mark.parametrize(
    ("names", "problem"),
    [
        ({"Engineering Manager": "x"}, "expected a role family's slug"),
        ({"engineering-manager-ml": ""}, "expected the name to show"),
        ({"engineering-manager-ml": 3}, "expected the name to show"),
        (["engineering-manager-ml"], "expected a mapping"),
    ],
)
def test_role_names_in_the_settings_are_checked(names: object, problem: str) -> None:
    with pytest.raises(SettingsError) as raised:
        settings_from({"role_names": names})
    assert problem in str(raised.value)


def test_a_role_family_shows_its_name_and_its_page_has_no_role_family_column(tmp_path: Path) -> None:
    make_site(tmp_path)
    assert build_site(tmp_path).returncode == 0
    page = read_page(tmp_path, "roles/engineering-manager-ml/")
    assert '>Engineering Manager, ML<a class="headerlink"' in page  # the page's title
    postings = page.split('id="postings"', 1)[1].split("<h2", 1)[0]
    assert "Role family" not in postings and "Engineering Manager, Ads ML" in postings
    index = read_page(tmp_path, "postings/")
    assert "Engineering Manager, ML</a>" in index  # the name from mkdocs.yml, wherever the family is named
