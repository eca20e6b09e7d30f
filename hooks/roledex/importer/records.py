"""A posting pasted or saved as a structured record (a job-search API's JSON result, an
applicant-tracking system's JSON, a YAML record) read by its keys, not as prose.

Keys are matched by their words whatever their case or separators (`salary_min`, `salaryMin`,
`min_salary`), in the shapes such records come in: the posting at the top, in a list, or in a
list under `results`, `jobs`, `data`, `items` or `hits`; a company or a place as text or as a
mapping with a name; pay as figures beside their currency and period, or as a mapping of them.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from typing import Any

import yaml

from roledex.importer.structured import (
    PERIODS,
    StatedSalary,
    Structured,
    from_job_posting,
    positive_number,
    read_date,
    read_employment,
)
from roledex.kb.text import is_url

LISTS = ("results", "jobs", "data", "items", "hits", "postings", "jobpostings", "records")
"""Keys an API puts its list of postings under."""
TITLE = ("title", "jobtitle", "positiontitle", "position", "role", "jobname", "text", "name")
COMPANY = ("companyname", "company", "employername", "employer", "organization", "organisation", "hiringorganization")
PLACE = (
    "location",
    "locations",
    "locationname",
    "joblocation",
    "candidaterequiredlocation",
    "offices",
    "office",
    "city",
    "workplace",
    "country",
)
DESCRIPTION = ("description", "descriptionhtml", "content", "jobdescription", "body", "descriptionplain", "details")
URL = ("url", "absoluteurl", "joburl", "hostedurl", "applyurl", "redirecturl", "link", "jobpostingurl")
POSTED = ("dateposted", "postedat", "publicationdate", "publishedat", "created", "createdat", "postingdate")
CLOSES = ("validthrough", "closingdate", "deadline", "expiresat", "applicationdeadline")
EMPLOYMENT = ("employmenttype", "commitment", "jobtype", "contracttime", "type")
MODE = ("workplacetype", "workmode", "remotetype", "locationtype", "remote", "isremote", "remoteallowed")
SALARY_PARTS = {
    "min": (
        "salarymin",
        "minsalary",
        "salaryfrom",
        "minimumsalary",
        "payminimum",
        "compensationmin",
        "min",
        "minvalue",
    ),
    "max": ("salarymax", "maxsalary", "salaryto", "maximumsalary", "paymaximum", "compensationmax", "max", "maxvalue"),
    "currency": ("salarycurrency", "currency", "currencycode", "paycurrency"),
    "period": ("salaryperiod", "salaryinterval", "payperiod", "interval", "unit", "unittext", "period"),
}
SALARY_HOLDERS = ("salary", "salaryrange", "compensation", "pay", "basesalary", "payrange")
PERIOD_WORDS = {
    "hour": "hour",
    "hourly": "hour",
    "day": "day",
    "daily": "day",
    "week": "week",
    "weekly": "week",
    "month": "month",
    "monthly": "month",
    "year": "year",
    "yearly": "year",
    "annual": "year",
    "annually": "year",
    "peryear": "year",
    "perannum": "year",
}
MODES = {"remote": "remote", "hybrid": "hybrid", "onsite": "onsite", "inoffice": "onsite", "office": "onsite"}
MIN_KEYS = 3
"""A mapping names a posting when at least this many of its keys are a posting's."""


def _key(name: object) -> str:
    return re.sub(r"[^a-z0-9]", "", str(name).lower())


def _keyed(record: dict[str, Any]) -> dict[str, Any]:
    return {_key(name): value for name, value in record.items()}


def _first(record: dict[str, Any], names: Iterable[str]) -> Any:
    return next((record[name] for name in names if record.get(name) not in (None, "", [], {})), None)


def _text(value: Any) -> str | None:
    """Text from a value, or from the name a mapping gives (`{display_name: ...}`, `{name: ...}`)."""
    if isinstance(value, str):
        return value.strip() or None
    if isinstance(value, dict):
        keyed = _keyed(value)
        return _text(_first(keyed, ("displayname", "name", "label", "title", "value", "text")))
    return None


def _places(value: Any) -> list[str]:
    items = value if isinstance(value, list) else [value]
    found = []
    for item in items:
        text = _text(item)
        if text is None and isinstance(item, dict):
            keyed = _keyed(item)
            parts = [_text(keyed.get(name)) for name in ("city", "region", "state", "country")]
            text = ", ".join(p for p in parts if p) or None
        if text:
            found.append(text)
    return list(dict.fromkeys(found))


def _period(value: Any) -> str | None:
    word = _key(value) if isinstance(value, str) else ""
    return PERIOD_WORDS.get(word) or PERIODS.get(str(value).upper()) if word else None


def _salary(record: dict[str, Any]) -> StatedSalary | None:
    holder = _first(record, SALARY_HOLDERS)
    parts = _keyed(holder) if isinstance(holder, dict) else record
    if isinstance(holder, dict) and isinstance(parts.get("value"), dict):  # schema.org MonetaryAmount
        parts = {**parts, **_keyed(parts["value"])}
    low = positive_number(_first(parts, SALARY_PARTS["min"]))
    high = positive_number(_first(parts, SALARY_PARTS["max"]))
    if low is None and high is None:
        exact = positive_number(holder) if not isinstance(holder, (dict, str)) else None
        low = high = exact
    if low is None and high is None:
        return None
    if low is not None and high is not None and low > high:
        low, high = high, low
    currency = _text(_first(parts, SALARY_PARTS["currency"]) or _first(record, SALARY_PARTS["currency"]))
    code = currency.upper() if currency and re.fullmatch(r"[A-Za-z]{3}", currency) else None
    period = _period(_first(parts, SALARY_PARTS["period"]) or _first(record, SALARY_PARTS["period"]))
    return StatedSalary(low, high, code, period)


def _work_mode(record: dict[str, Any]) -> str | None:
    for name in MODE:
        value = record.get(name)
        if isinstance(value, bool):
            return "remote" if value else None
        if isinstance(value, str) and _key(value) in MODES:
            return MODES[_key(value)]
    return None


def _url(record: dict[str, Any]) -> str | None:
    value = _text(_first(record, URL))
    return value if value and is_url(value) else None


def from_record(record: dict[str, Any], source: str) -> Structured:
    """The facts of one record, by its keys."""
    keyed = _keyed(record)
    categories = keyed.get("categories")  # Lever: location, commitment and team under one key
    if isinstance(categories, dict):
        keyed = {**_keyed(categories), **keyed}
    description = _first(keyed, DESCRIPTION)
    return Structured(
        title=_text(_first(keyed, TITLE)),
        company=_text(_first(keyed, COMPANY)),
        locations=_places(_first(keyed, PLACE)),
        work_mode=_work_mode(keyed),
        employment=read_employment(_first(keyed, EMPLOYMENT)),
        salary=_salary(keyed),
        posted=read_date(_first(keyed, POSTED)),
        closes=read_date(_first(keyed, CLOSES)),
        url=_url(keyed),
        description=description if isinstance(description, str) else None,
        source=source,
    )


def _postings(data: Any) -> Iterator[dict[str, Any]]:
    """The mappings that are postings: the value itself, the items of a list, or a list under
    one of the keys APIs use."""
    if isinstance(data, list):
        for item in data:
            yield from _postings(item)
        return
    if not isinstance(data, dict):
        return
    keyed = _keyed(data)
    known = {*TITLE, *COMPANY, *PLACE, *DESCRIPTION, *URL, *SALARY_HOLDERS, *SALARY_PARTS["min"]}
    if sum(1 for name in keyed if name in known) >= MIN_KEYS:
        yield data
        return
    for name in LISTS:
        if isinstance(keyed.get(name), list):
            yield from _postings(keyed[name])
            return


def _parsed(text: str) -> tuple[Any, str] | None:
    stripped = text.strip()
    if stripped[:1] in ("{", "["):
        try:
            return json.loads(stripped), "a pasted JSON record"
        except (ValueError, RecursionError):
            return None
    if not re.match(r"^[A-Za-z_][\w .-]*:(\s|$)", stripped):
        return None
    try:
        data = yaml.safe_load(stripped)
    except (yaml.YAMLError, RecursionError):  # nested past Python's own limit: no record either
        return None
    return (data, "a pasted YAML record") if isinstance(data, (dict, list)) else None


def read_record(text: str) -> Structured | None:
    """The posting a JSON or YAML record states, or None when the text is not one."""
    parsed = _parsed(text)
    if parsed is None:
        return None
    data, source = parsed
    if isinstance(data, dict) and "JobPosting" in str(data.get("@type", "")):
        return from_job_posting(data)
    posting = next(_postings(data), None)
    if posting is None:
        return None
    found = from_record(posting, source)
    return found if found.title or found.company else None
