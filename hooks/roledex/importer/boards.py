"""Applicant-tracking systems that serve each posting from a public JSON API with no key.

From a posting's address, `board_for` names the system and the API address that holds the
posting; `read` turns the API's answer into the same `Structured` facts as a page's
schema.org data. Each reader follows the shape its system documents; a field the system
does not state stays empty, for the posting's own words to fill.
"""

from __future__ import annotations

import datetime as dt
import html
import re
import xml.etree.ElementTree as ElementTree
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qs, urlsplit

from roledex.importer.structured import EMPLOYMENT_TYPES, StatedSalary, Structured, country_name, positive_number

_PERIOD_WORDS = (("hour", "hour"), ("day", "day"), ("week", "week"), ("month", "month"), ("year", "year"))


@dataclass(frozen=True)
class BoardPosting:
    """A posting on a known system: which system, where its API answers, and how to read it."""

    system: str
    api_url: str
    job_id: str
    board: str
    read: Callable[[Any, BoardPosting], Structured]
    api_is_xml: bool = False


def _text(value: Any) -> str | None:
    if isinstance(value, str):
        text = re.sub(r"\s+", " ", value).strip()
        return text if text and text.lower() not in ("none", "null", "n/a") else None
    return None


def _period(text: Any) -> str | None:
    words = str(text or "").lower()
    return next((period for word, period in _PERIOD_WORDS if word in words), None)


def _day(value: Any) -> dt.date | None:
    """A date from an ISO text or from milliseconds since 1970 (Lever)."""
    if isinstance(value, (int, float)) and not isinstance(value, bool) and value > 0:
        try:
            return dt.datetime.fromtimestamp(value / 1000, tz=dt.UTC).date()
        except (OverflowError, OSError, ValueError):
            return None
    match = re.match(r"(\d{4}-\d{2}-\d{2})", str(value or ""))
    if not match:
        return None
    try:
        return dt.date.fromisoformat(match.group(1))
    except ValueError:
        return None


def _employment(value: Any) -> str | None:
    """An employment type from a system's code or label: 'FullTime', 'full_time', 'Full-time'."""
    words = re.sub(r"[^a-z]", "", str(value or "").lower())
    codes = {code.lower().replace("_", ""): name for code, name in EMPLOYMENT_TYPES.items()}
    codes |= {"fulltime": "full-time", "permanent": "full-time", "parttime": "part-time", "contract": "contract",
              "freelance": "contract", "intern": "internship", "internship": "internship", "temporary": "temporary",
              "full": "full-time", "part": "part-time"}  # fmt: skip
    return codes.get(words)


def _mode(value: Any) -> str | None:
    words = re.sub(r"[^a-z]", "", str(value or "").lower())
    return {"remote": "remote", "hybrid": "hybrid", "onsite": "onsite", "inoffice": "onsite"}.get(words)


def _salary(low: Any, high: Any, currency: Any, period: Any, divide: float = 1) -> StatedSalary | None:
    low_value, high_value = positive_number(low), positive_number(high)
    if low_value is None and high_value is None:
        return None
    code = currency.upper() if isinstance(currency, str) and re.fullmatch(r"[A-Za-z]{3}", currency) else None
    scaled = [v / divide if v is not None else None for v in (low_value, high_value)]
    return StatedSalary(scaled[0], scaled[1], code, _period(period))


def _mapping(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _title_of_slug(slug: str) -> str:
    return " ".join(part.capitalize() for part in re.split(r"[-_]+", slug) if part)


# Greenhouse: boards-api.greenhouse.io/v1/boards/{board}/jobs/{id}?pay_transparency=true


def _greenhouse(data: Any, posting: BoardPosting) -> Structured:
    ranges = [r for r in data.get("pay_input_ranges") or [] if isinstance(r, dict)]
    salary = None
    if ranges:
        currency = ranges[0].get("currency_type")
        same = [r for r in ranges if r.get("currency_type") == currency]
        lows = [v for v in (positive_number(r.get("min_cents")) for r in same) if v is not None]
        highs = [v for v in (positive_number(r.get("max_cents")) for r in same) if v is not None]
        words = " ".join(str(r.get("title") or "") + " " + str(r.get("blurb") or "") for r in same)
        salary = _salary(min(lows, default=None), max(highs, default=None), currency, words, divide=100)
    location = _text(_mapping(data.get("location")).get("name"))
    places = [p.strip() for p in re.split(r";|\s\|\s", location) if p.strip()] if location else []
    content = data.get("content") if isinstance(data.get("content"), str) else None
    return Structured(
        title=_text(data.get("title")),
        company=_text(data.get("company_name")) or _title_of_slug(posting.board),
        locations=places,
        salary=salary,
        posted=_day(data.get("first_published") or data.get("updated_at")),
        url=_text(data.get("absolute_url")),
        description=html.unescape(content) if content else None,
        source="Greenhouse",
    )


# Lever: api.lever.co/v0/postings/{site}/{id} (api.eu.lever.co for the EU)


def _lever(data: Any, posting: BoardPosting) -> Structured:
    categories = _mapping(data.get("categories"))
    everywhere = [p for p in map(_text, categories.get("allLocations") or []) if p]
    place = _text(categories.get("location"))
    pay = _mapping(data.get("salaryRange"))
    parts = [str(data.get("description") or "")]
    for section in data.get("lists") or []:
        if isinstance(section, dict):
            parts.append(
                f"<h3>{html.escape(str(section.get('text') or ''))}</h3><ul>{section.get('content') or ''}</ul>"
            )
    parts.append(str(data.get("additional") or ""))
    return Structured(
        title=_text(data.get("text")),
        company=_title_of_slug(posting.board),
        locations=everywhere or ([place] if place else []),
        work_mode=_mode(data.get("workplaceType")),
        employment=_employment(categories.get("commitment")),
        salary=_salary(pay.get("min"), pay.get("max"), pay.get("currency"), pay.get("interval")),
        posted=_day(data.get("createdAt")),
        url=_text(data.get("hostedUrl")),
        description="".join(parts) or None,
        source="Lever",
    )


# Ashby: api.ashbyhq.com/posting-api/job-board/{board}?includeCompensation=true (the whole board)


def _ashby(data: Any, posting: BoardPosting) -> Structured:
    jobs = [j for j in (_mapping(data).get("jobs") or []) if isinstance(j, dict)]
    job = next((j for j in jobs if str(j.get("id")) == posting.job_id), None)
    if job is None:
        raise LookupError("the posting is no longer on the company's board; it may have closed")
    places = [_text(job.get("location"))]
    places += [_text(s.get("location")) for s in job.get("secondaryLocations") or [] if isinstance(s, dict)]
    salary = None
    compensation = _mapping(job.get("compensation"))
    for part in compensation.get("summaryComponents") or []:
        if isinstance(part, dict) and str(part.get("compensationType", "")).lower() == "salary":
            salary = _salary(part.get("minValue"), part.get("maxValue"), part.get("currencyCode"), part.get("interval"))
            break
    mode = _mode(job.get("workplaceType")) or ("remote" if job.get("isRemote") is True else None)
    return Structured(
        title=_text(job.get("title")),
        company=_text(data.get("organizationName")) or _title_of_slug(posting.board),
        locations=list(dict.fromkeys(p for p in places if p)),
        work_mode=mode,
        employment=_employment(job.get("employmentType")),
        salary=salary,
        posted=_day(job.get("publishedAt")),
        url=_text(job.get("jobUrl")),
        description=job.get("descriptionHtml") if isinstance(job.get("descriptionHtml"), str) else None,
        source="Ashby",
    )


# SmartRecruiters: api.smartrecruiters.com/v1/companies/{company}/postings/{id}


def _smartrecruiters(data: Any, posting: BoardPosting) -> Structured:
    location = _mapping(data.get("location"))
    country = _text(location.get("country"))
    parts = [
        _text(location.get("city")),
        _text(location.get("region")),
        country_name(country.upper()) if country else None,
    ]
    place = ", ".join(dict.fromkeys(p for p in parts if p))
    mode = "remote" if location.get("remote") is True else ("hybrid" if location.get("hybrid") is True else None)
    sections = _mapping(_mapping(data.get("jobAd")).get("sections"))
    text = []
    for key in ("companyDescription", "jobDescription", "qualifications", "additionalInformation"):
        section = _mapping(sections.get(key))
        if section.get("text"):
            text.append(f"<h2>{html.escape(str(section.get('title') or ''))}</h2>{section['text']}")
    company = _mapping(data.get("company"))
    employment = _mapping(data.get("typeOfEmployment"))
    return Structured(
        title=_text(data.get("name")),
        company=_text(company.get("name")) or _title_of_slug(posting.board),
        locations=[place] if place else [],
        work_mode=mode,
        employment=_employment(employment.get("label") or employment.get("id")),
        posted=_day(data.get("releasedDate")),
        url=_text(data.get("postingUrl")),
        description="".join(text) or None,
        source="SmartRecruiters",
    )


# Recruitee: {company}.recruitee.com/api/offers/{slug}


def _recruitee(data: Any, posting: BoardPosting) -> Structured:
    offer = _mapping(data.get("offer")) or _mapping(data)
    pay = _mapping(offer.get("salary"))
    mode = next(
        (m for key, m in (("remote", "remote"), ("hybrid", "hybrid"), ("on_site", "onsite")) if offer.get(key)), None
    )
    place = _text(offer.get("location")) or ", ".join(
        p for p in (_text(offer.get("city")), _text(offer.get("country"))) if p
    )
    return Structured(
        title=_text(offer.get("title")),
        company=_text(offer.get("company_name")) or _title_of_slug(posting.board),
        locations=[place] if place else [],
        work_mode=mode,
        employment=_employment(offer.get("employment_type_code")),
        salary=_salary(pay.get("min"), pay.get("max"), pay.get("currency"), pay.get("period")),
        posted=_day(offer.get("published_at")),
        url=_text(offer.get("careers_url")),
        description=(str(offer.get("description") or "") + str(offer.get("requirements") or "")) or None,
        source="Recruitee",
    )


# Workable: apply.workable.com/api/v2/accounts/{account}/jobs/{shortcode}


def _workable(data: Any, posting: BoardPosting) -> Structured:
    location = _mapping(data.get("location"))
    parts = [_text(location.get("city")), _text(location.get("region")), _text(location.get("country"))]
    place = ", ".join(dict.fromkeys(p for p in parts if p))
    mode = _mode(data.get("workplace")) or ("remote" if data.get("remote") is True else None)
    text = "".join(str(data.get(key) or "") for key in ("description", "requirements", "benefits"))
    return Structured(
        title=_text(data.get("title")),
        company=_title_of_slug(posting.board),
        locations=[place] if place else [],
        work_mode=mode,
        employment=_employment(data.get("type")),
        posted=_day(data.get("published")),
        url=f"https://apply.workable.com/{posting.board}/j/{posting.job_id}/",
        description=text or None,
        source="Workable",
    )


# Personio: {company}.jobs.personio.de/xml (every open position of the company)


def _personio(data: Any, posting: BoardPosting) -> Structured:
    root = ElementTree.fromstring(data)
    position = next((p for p in root.iter("position") if (p.findtext("id") or "").strip() == posting.job_id), None)
    if position is None:
        raise LookupError("the posting is no longer in the company's feed; it may have closed")
    offices = [position.findtext("office")] + [o.text for o in position.iter("office")]
    text = []
    for part in position.iter("jobDescription"):
        text.append(f"<h2>{html.escape(part.findtext('name') or '')}</h2>{part.findtext('value') or ''}")
    schedule = position.findtext("schedule") or position.findtext("employmentType")
    return Structured(
        title=_text(position.findtext("name")),
        company=_text(position.findtext("subcompany")) or _title_of_slug(posting.board),
        locations=list(dict.fromkeys(o.strip() for o in offices if o and o.strip())),
        employment=_employment(schedule),
        posted=_day(position.findtext("createdAt")),
        url=f"https://{urlsplit(posting.api_url).hostname}/job/{posting.job_id}",
        description="".join(text) or None,
        source="Personio",
    )


def _segments(path: str) -> list[str]:
    return [part for part in path.split("/") if part]


def board_for(url: str) -> BoardPosting | None:
    """The system a posting's address belongs to, with its API address; None for other sites."""
    parts = urlsplit(url.strip())
    host, path = (parts.hostname or "").lower(), _segments(parts.path)
    query = parse_qs(parts.query)
    if host.endswith("greenhouse.io"):
        api = "boards-api.eu.greenhouse.io" if ".eu." in host else "boards-api.greenhouse.io"
        board, job = None, None
        if len(path) >= 3 and path[1] == "jobs" and path[2].isdigit():
            board, job = path[0], path[2]
        elif query.get("for") and (query.get("token") or query.get("gh_jid")):
            board, job = query["for"][0], (query.get("token") or query["gh_jid"])[0]
        if board and job and job.isdigit():
            return BoardPosting(
                "Greenhouse",
                f"https://{api}/v1/boards/{board}/jobs/{job}?pay_transparency=true",
                job,
                board,
                _greenhouse,
            )
    if host in ("jobs.lever.co", "jobs.eu.lever.co") and len(path) >= 2:
        api = "api.eu.lever.co" if ".eu." in host else "api.lever.co"
        return BoardPosting("Lever", f"https://{api}/v0/postings/{path[0]}/{path[1]}", path[1], path[0], _lever)
    if host == "jobs.ashbyhq.com" and len(path) >= 2:
        api = f"https://api.ashbyhq.com/posting-api/job-board/{path[0]}?includeCompensation=true"
        return BoardPosting("Ashby", api, path[1], path[0], _ashby)
    if host in ("jobs.smartrecruiters.com", "careers.smartrecruiters.com") and len(path) >= 2:
        number = re.match(r"\d+", path[1])
        if number:
            api = f"https://api.smartrecruiters.com/v1/companies/{path[0]}/postings/{number.group(0)}"
            return BoardPosting("SmartRecruiters", api, number.group(0), path[0], _smartrecruiters)
    if host.endswith(".recruitee.com") and len(path) >= 2 and path[0] == "o":
        company = host.split(".")[0]
        api = f"https://{host}/api/offers/{path[1]}"
        return BoardPosting("Recruitee", api, path[1], company, _recruitee)
    if host == "apply.workable.com" and len(path) >= 3 and path[1] == "j":
        api = f"https://apply.workable.com/api/v2/accounts/{path[0]}/jobs/{path[2]}"
        return BoardPosting("Workable", api, path[2], path[0], _workable)
    if re.fullmatch(r"[a-z0-9-]+\.jobs\.personio\.(?:de|com)", host) and len(path) >= 2 and path[0] == "job":
        company = host.split(".")[0]
        return BoardPosting("Personio", f"https://{host}/xml?language=en", path[1], company, _personio, api_is_xml=True)
    return None
