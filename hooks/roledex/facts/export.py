"""Every posting with its salary normalised to a year in the base currency, for spreadsheets."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from roledex.facts.salary import annual_salary
from roledex.kb.model import KnowledgeBase
from roledex.kb.settings import Settings

COLUMNS = (
    "posting",
    "company",
    "company_name",
    "title",
    "role",
    "locations",
    "work_mode",
    "salary_min",
    "salary_max",
    "currency",
    "period",
    "salary_text",
    "annual_min",
    "annual_mid",
    "annual_max",
    "annual_currency",
    "converted",
    "flag",
    "url",
    "posted",
    "closes",
)


def _rounded(value: float | None) -> float | None:
    return None if value is None else round(value, 2)


def export_rows(kb: KnowledgeBase, settings: Settings) -> list[dict[str, Any]]:
    """One row per posting, in slug order; a posting without figures has empty annual fields."""
    rows = []
    for posting in kb.postings.values():
        salary = posting.salary
        annual = annual_salary(posting, settings)
        company = kb.companies.get(posting.company)
        flag = "headline is min + max" if salary and salary.headline_is_sum else ""
        if annual and not annual.converted:
            flag = "; ".join(filter(None, [flag, f"no rate for {annual.currency}"]))
        rows.append(
            {
                "posting": posting.slug,
                "company": posting.company,
                "company_name": company.name if company else "",
                "title": posting.title,
                "role": posting.role or "",
                "locations": "; ".join(posting.locations),
                "work_mode": posting.work_mode or "",
                "salary_min": salary.min if salary else None,
                "salary_max": salary.max if salary else None,
                "currency": salary.currency if salary else None,
                "period": salary.period if salary else None,
                "salary_text": salary.text if salary else None,
                "annual_min": _rounded(annual.min) if annual else None,
                "annual_mid": _rounded(annual.mid) if annual else None,
                "annual_max": _rounded(annual.max) if annual else None,
                "annual_currency": annual.currency if annual else None,
                "converted": annual.converted if annual else None,
                "flag": flag,
                "url": posting.url,
                "posted": posting.posted.isoformat() if posting.posted else None,
                "closes": posting.closes.isoformat() if posting.closes else None,
            }
        )
    return rows


FORMULA_STARTS = frozenset("=+-@\t\r\n\0\uff1d\uff0b\uff0d\uff20")
"""First characters that make a spreadsheet read a cell as a formula (OWASP's CSV-injection
list, with line feed, NUL and the full-width forms some spreadsheets also accept)."""


def _cell(value: Any) -> Any:
    """A CSV cell; text that starts like a formula gets a leading quote, whatever follows it
    ('-2+3+cmd|...' is a formula too). Numbers stay numbers."""
    if value is None:
        return ""
    if isinstance(value, str) and value[:1] in FORMULA_STARTS:
        return "'" + value
    return value


def as_csv(rows: list[dict[str, Any]]) -> str:
    """RFC 4180 CSV: lines end in CRLF, so a cell holding either line end is quoted (with the
    default "\n" ending, Python's writer leaves a lone "\r" bare and a spreadsheet splits the row)."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    writer.writerows({k: _cell(v) for k, v in row.items()} for row in rows)
    return buffer.getvalue()


def as_json(rows: list[dict[str, Any]], settings: Settings) -> str:
    meta = {
        "base_currency": settings.base_currency,
        "rates_date": settings.rates_date.isoformat() if settings.rates_date else None,
    }
    return json.dumps({**meta, "postings": rows}, indent=2, ensure_ascii=False, allow_nan=False)
