"""Every posting with its salary normalised to a year in the base currency, for spreadsheets."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections.abc import Callable
from typing import Any

from roledex.facts.offers import NoRate, offer_value
from roledex.facts.salary import annual_salary
from roledex.facts.timeline import Moment
from roledex.kb.model import Application, KnowledgeBase
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
APPLICATION_COLUMNS = ("status", "applied", "last_event", "last_event_date", "next_step", "next_date", "source")
"""Where the user stands with each posting: in the private view only."""
HISTORY_COLUMNS = (
    "posting",
    "company_name",
    "title",
    "date",
    "what",
    "status",
    "round",
    "time",
    "contacts",
    "outcome",
    "note",
    "due",
    "done",
    "recorded_in",
)
"""One row per event of every application (`roledex export --history`)."""


def _whole(value: float | None) -> int | None:
    """An annual amount in whole units: a year's pay has no cents worth a column."""
    return None if value is None else int(round(value))


def _as_posted(value: float | None) -> int | float | None:
    """A posted figure as written: 197000, not 197000.0; an hourly 62.5 keeps its cents."""
    if value is None:
        return None
    return int(value) if float(value).is_integer() else round(value, 2)


def _standing(application: Application | None, moments: list[Moment]) -> dict[str, Any]:
    done = [m for m in moments if m.date <= dt.date.today()]
    last = done[-1] if done else None
    return {
        "status": application.status if application else None,
        "applied": application.applied.isoformat() if application and application.applied else None,
        "last_event": last.describe() if last else None,
        "last_event_date": last.date.isoformat() if last else None,
        "next_step": application.next_step if application else None,
        "next_date": application.next_date.isoformat() if application and application.next_date else None,
        "source": application.source if application else None,
    }


def export_rows(
    kb: KnowledgeBase, settings: Settings, story: Callable[[Application], list[Moment]] | None = None
) -> list[dict[str, Any]]:
    """One row per posting, in slug order; a posting without figures has empty annual fields.
    With `story` (the private view), each row also says where the user stands."""
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
                "salary_min": _as_posted(salary.min) if salary else None,
                "salary_max": _as_posted(salary.max) if salary else None,
                "currency": salary.currency if salary else None,
                "period": salary.period if salary else None,
                "salary_text": salary.text if salary else None,
                "annual_min": _whole(annual.min) if annual else None,
                "annual_mid": _whole(annual.mid) if annual else None,
                "annual_max": _whole(annual.max) if annual else None,
                "annual_currency": annual.currency if annual else None,
                # true only when a rate turned the posted currency into another one
                "converted": (annual.converted and annual.currency != salary.currency) if annual and salary else None,
                "flag": flag,
                "url": posting.url,
                "posted": posting.posted.isoformat() if posting.posted else None,
                "closes": posting.closes.isoformat() if posting.closes else None,
            }
        )
        if story is not None:
            application = kb.applications.get(posting.slug)
            rows[-1].update(_standing(application, story(application) if application else []))
    return rows


def history_rows(kb: KnowledgeBase, story: Callable[[Application], list[Moment]]) -> list[dict[str, Any]]:
    """One row per moment of every application's story, by posting then date."""
    rows = []
    for application in sorted(kb.applications.values(), key=lambda a: a.posting):
        posting = kb.postings.get(application.posting)
        company = kb.companies.get(posting.company) if posting else None
        for moment in story(application):
            rows.append(
                {
                    "posting": application.posting,
                    "company_name": company.name if company else "",
                    "title": posting.title if posting else "",
                    "date": moment.date.isoformat(),
                    "what": moment.kind,
                    "status": moment.status,
                    "round": moment.round,
                    "time": moment.time,
                    "contacts": "; ".join(moment.contacts),
                    "outcome": moment.outcome,
                    "note": moment.note,
                    "due": moment.due.isoformat() if moment.due else None,
                    "done": moment.done.isoformat() if moment.done else None,
                    "recorded_in": moment.source,
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


BYTE_ORDER_MARK = "\ufeff"
"""Excel reads a CSV as UTF-8 (£, € and accents intact) only when it starts with this mark."""


def as_csv(rows: list[dict[str, Any]], columns: tuple[str, ...] | None = None) -> str:
    """RFC 4180 CSV for spreadsheets: a byte-order mark, and lines that end in CRLF, so a cell
    holding either line end is quoted (with the default "\n" ending, Python's writer leaves a
    lone "\r" bare and a spreadsheet splits the row)."""
    buffer = io.StringIO()
    buffer.write(BYTE_ORDER_MARK)
    fieldnames = columns or (COLUMNS + APPLICATION_COLUMNS if rows and "status" in rows[0] else COLUMNS)
    writer = csv.DictWriter(buffer, fieldnames=fieldnames, lineterminator="\r\n")
    writer.writeheader()
    writer.writerows({k: _cell(v) for k, v in row.items()} for row in rows)
    return buffer.getvalue()


def as_json(rows: list[dict[str, Any]], settings: Settings) -> str:
    meta = {
        "base_currency": settings.base_currency,
        "rates_date": settings.rates_date.isoformat() if settings.rates_date else None,
    }
    return json.dumps({**meta, "postings": rows}, indent=2, ensure_ascii=False, allow_nan=False)


OFFER_COLUMNS = (
    "posting",
    "company_name",
    "title",
    "status",
    "deadline",
    "year",
    "base",
    "bonus",
    "equity",
    "sign_on",
    "relocation",
    "guaranteed",
    "at_risk",
    "total",
    "equity_low_price",
    "equity_high_price",
    "currency",
)
"""One row per year of every offer, and one of its total (`roledex export --offers`)."""


def offer_rows(kb: KnowledgeBase, settings: Settings) -> list[dict[str, Any]]:
    """Each offer's years and total in the base currency; an offer that cannot be valued
    (no rate, problems in its figures) is left out."""
    rows = []
    for offer in sorted(kb.offers.values(), key=lambda o: o.slug):
        try:
            value = offer_value(offer, settings)
        except (NoRate, KeyError, TypeError, ValueError):
            continue
        posting = kb.postings.get(offer.posting)
        company = kb.companies.get(posting.company) if posting else None
        common = {
            "posting": offer.posting,
            "company_name": company.name if company else "",
            "title": posting.title if posting else "",
            "status": offer.status,
            "deadline": offer.deadline.isoformat() if offer.deadline else None,
            "currency": value.currency,
        }
        for year, low, high in zip(value.years, value.equity_low, value.equity_high, strict=True):
            rows.append(
                {
                    **common,
                    "year": year.number,
                    **{key: _whole(getattr(year, key)) for key in ("base", "bonus", "equity", "sign_on", "relocation")},
                    **{key: _whole(getattr(year, key)) for key in ("guaranteed", "at_risk", "total")},
                    "equity_low_price": _whole(low),
                    "equity_high_price": _whole(high),
                }
            )
        sums = {key: _whole(sum(getattr(y, key) for y in value.years)) for key in ("base", "bonus", "equity")}
        sums |= {key: _whole(sum(getattr(y, key) for y in value.years)) for key in ("sign_on", "relocation")}
        rows.append(
            {
                **common,
                "year": "total",
                **sums,
                "guaranteed": _whole(value.guaranteed),
                "at_risk": _whole(value.at_risk),
                "total": _whole(value.total),
                "equity_low_price": _whole(sum(value.equity_low)),
                "equity_high_price": _whole(sum(value.equity_high)),
            }
        )
    return rows
