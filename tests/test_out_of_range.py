"""Values out of range: dates beyond any job search, NaN and infinity from settings, files and
imported data all give one line and a non-zero exit, never a traceback or a wrong page."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import invoke, make_site
from roledex.importer.money import parse_number
from roledex.importer.structured import positive_number
from roledex.kb.key_checks import check_value
from roledex.kb.schema import LARGEST_NUMBER, Field
from roledex.kb.settings import SettingsError, located_settings

APPLICATION = "applications/etsy-engineering-manager-ml-for-growth.md"
RANGE = "expected a date between 1900-01-01 and 2200-12-31, got "


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (dt.date(1899, 12, 31), RANGE + "1899-12-31; check for a typo"),
        (dt.date(1900, 1, 1), None),
        (dt.date(2200, 12, 31), None),
        (dt.date(2201, 1, 1), RANGE + "2201-01-01; check for a typo"),
        (dt.date(9999, 12, 31), RANGE + "9999-12-31; check for a typo"),
        (dt.date(1, 1, 1), RANGE + "0001-01-01; check for a typo"),
        ("9999-12-30", RANGE + "9999-12-30; check for a typo"),
        (dt.datetime(9999, 12, 31, 23, 59), RANGE + "9999-12-31; check for a typo"),
    ],
)
def test_a_date_must_fall_between_1900_and_2200(value: Any, message: str | None) -> None:
    found = [text for _, text, _ in check_value("applied", value, Field("applied", "date", ""))]
    assert found == ([message] if message else [])


@pytest.mark.parametrize(
    ("value", "usable"),
    [
        (1, True),
        (LARGEST_NUMBER, True),
        (LARGEST_NUMBER + 1, False),
        (float("inf"), False),
        (float("-inf"), False),
        (float("nan"), False),
        ("1e999", False),
        ("120,000", True),
        (0, False),
        (-5, False),
    ],
)
def test_a_figure_from_structured_data_is_finite_and_believable(value: Any, usable: bool) -> None:
    assert (positive_number(value) is not None) is usable


def test_a_number_too_long_to_be_finite_is_no_figure() -> None:
    assert parse_number("1" * 400) is None
    assert parse_number("120,000") == 120_000 and parse_number("0") == 0


@pytest.mark.parametrize(
    ("rates", "shown"),
    [("{EUR: .nan}", ".nan"), ("{EUR: .inf}", ".inf"), ("{EUR: -.inf}", "-inf"), ("{EUR: 0}", "0")],
)
def test_a_rate_that_is_not_a_positive_finite_number_is_a_problem_at_its_line(
    tmp_path: Path, rates: str, shown: str
) -> None:
    text = f"extra:\n  roledex:\n    base_currency: USD\n    rates: {rates}\n"
    (tmp_path / "mkdocs.yml").write_text(text, encoding="utf-8")
    with pytest.raises(SettingsError) as raised:
        located_settings(yaml.safe_load(text)["extra"]["roledex"], str(tmp_path / "mkdocs.yml"))
    assert [p.format() for p in raised.value.problems] == [
        f"{tmp_path / 'mkdocs.yml'}:4: extra.roledex.rates.EUR: expected a positive number, got {shown}"
    ]


def _set_applied(docs: Path, value: str) -> None:
    path = docs / APPLICATION
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("status: preparing\n", f"status: applied\napplied: {value}\n", 1), "utf-8")


@pytest.mark.parametrize("command", [["check"], ["calendar"], ["export", "--history"], ["export"]])
def test_a_date_at_the_calendars_end_is_one_line_from_every_command(tmp_path: Path, command: list[str]) -> None:
    docs = make_site(tmp_path)
    _set_applied(docs, "9999-12-31")
    result = invoke(*command, cwd=tmp_path)
    assert result.returncode == 1 and "Traceback" not in result.stderr + result.stdout
    said = result.stdout + result.stderr
    assert "check for a typo" in said or "run `roledex check docs` and fix them first" in said


def test_nan_in_the_settings_stops_export_with_its_line(tmp_path: Path) -> None:
    make_site(tmp_path)
    settings = tmp_path / "mkdocs.yml"
    settings.write_text(settings.read_text(encoding="utf-8").replace("EUR: 1.08", "EUR: .nan"), encoding="utf-8")
    for command in (["check"], ["export"]):
        result = invoke(*command, cwd=tmp_path)
        assert result.returncode != 0, command
        assert "extra.roledex.rates.EUR: expected a positive number, got .nan" in result.stdout + result.stderr


def test_infinity_in_json_ld_is_no_salary_and_the_json_stays_json(tmp_path: Path) -> None:
    make_site(tmp_path)
    posting = {
        "@context": "https://schema.org",
        "@type": "JobPosting",
        "title": "Data Engineer",
        "description": "<p>Build data systems for the marketplace team.</p>",
        "hiringOrganization": {"@type": "Organization", "name": "Etsy"},
        "baseSalary": {
            "@type": "MonetaryAmount",
            "currency": "USD",
            "value": {"@type": "QuantitativeValue", "minValue": 100000, "maxValue": "Infinity", "unitText": "YEAR"},
        },
    }
    page = tmp_path / "page.html"
    text = json.dumps(posting).replace('"Infinity"', "Infinity")
    page.write_text(f'<script type="application/ld+json">{text}</script>', encoding="utf-8")
    result = invoke("import", str(page), "--dry-run", "--json", cwd=tmp_path)
    found = json.loads(result.stdout)  # strict JSON: no Infinity or NaN
    salary = found["salary"]
    assert salary is None or (salary["max"] is None and salary["min"] == 100000)
