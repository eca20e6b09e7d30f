"""Boundaries of the value rules: numbers the pages can show, reserved slugs."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import make_site
from roledex.check.run import checked_knowledge_base
from roledex.kb.schema import LARGEST_NUMBER

POSTING = (
    "---\ncompany: etsy\ntitle: Data Engineer\nrole: {role}\n"
    "salary:\n  min: {low}\n  max: 200000\n  currency: USD\n  period: year\n---\n\nBody\n"
)


def _lines(tmp_path: Path, files: dict[str, str]) -> list[str]:
    docs = make_site(tmp_path, files)
    return [p.format().removeprefix(str(docs) + "/") for p in checked_knowledge_base(docs).problems]


@pytest.mark.parametrize(
    ("low", "message"),
    [
        (".nan", "salary.min: expected a number, got .nan (not a number)"),
        (".NaN", "salary.min: expected a number, got .nan (not a number)"),
        (".inf", "salary.min: expected a finite number, got inf"),
        ("-.inf", "salary.min: expected a finite number, got -inf"),
        ("-1", "salary.min: must not be negative, got -1"),
        (str(LARGEST_NUMBER + 1), "salary.min: is too large (a number of 13 digits)"),
        ("9" * 400, "salary.min: is too large (a number of 400 digits)"),
        ("1.0e+13", "salary.min: is too large (the number 1e+13)"),
    ],
)
def test_a_salary_the_pages_cannot_show_is_an_error_at_its_line(tmp_path: Path, low: str, message: str) -> None:
    lines = _lines(tmp_path, {"postings/x.md": POSTING.format(role="data-engineer", low=low)})
    assert any(line.startswith(f"postings/x.md:6: {message}") for line in lines), lines


@pytest.mark.parametrize("low", ["0", "150000", "150000.5", str(LARGEST_NUMBER)])
def test_a_figure_up_to_the_bound_passes(tmp_path: Path, low: str) -> None:
    text = POSTING.format(role="data-engineer", low=low).replace("max: 200000", f"max: {LARGEST_NUMBER}")
    lines = _lines(tmp_path, {"postings/x.md": text})
    assert not [line for line in lines if "salary.min" in line], lines


@pytest.mark.parametrize(
    ("employees", "error"),
    [("2000", False), (str(LARGEST_NUMBER), False), (str(LARGEST_NUMBER + 1), True), ("9" * 400, True)],
)
def test_employees_beyond_belief_is_an_error(tmp_path: Path, employees: str, error: bool) -> None:
    lines = _lines(tmp_path, {"companies/acme.md": f"---\nname: Acme\nemployees: {employees}\n---\n"})
    assert any(line.startswith("companies/acme.md:3: employees: is too large") for line in lines) is error


@pytest.mark.parametrize("team_size", [".nan", ".inf", "1.0e+20"])
def test_a_number_or_text_value_is_held_to_the_same_bounds(tmp_path: Path, team_size: str) -> None:
    text = POSTING.format(role="data-engineer", low=1).replace("---\n\nBody", f"team_size: {team_size}\n---\n\nBody")
    lines = _lines(tmp_path, {"postings/x.md": text})
    assert any(line.startswith("postings/x.md:10: team_size: ") for line in lines), lines


@pytest.mark.parametrize(("role", "error"), [("index", True), ("indexer", False), ("index-lead", False)])
def test_the_slug_of_a_generated_index_is_reserved(tmp_path: Path, role: str, error: bool) -> None:
    lines = _lines(tmp_path, {"postings/x.md": POSTING.format(role=role, low=1)})
    reserved = "postings/x.md:4: role: 'index' is reserved for the generated index page; choose another slug"
    assert (reserved in lines) is error, lines


def test_a_file_named_index_is_reserved(tmp_path: Path) -> None:
    lines = _lines(tmp_path, {"companies/index.md": "---\nname: Index\n---\n"})
    assert "companies/index.md:1: file: 'index.md' is reserved for the generated index; rename the file" in lines
