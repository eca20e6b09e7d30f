"""A posting as its own page states it in data: schema.org `JobPosting` (JSON-LD or microdata).

Google for Jobs asks every careers page for this data, so a saved or fetched page usually
carries title, employer, places, remote work, pay and dates exactly; these values win over
anything read from the words. Whatever the data leaves out stays empty here.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import pycountry
from bs4 import BeautifulSoup, Tag

from roledex.kb.schema import showable_figure
from roledex.kb.text import is_url

EMPLOYMENT_TYPES = {
    "FULL_TIME": "full-time",
    "PART_TIME": "part-time",
    "CONTRACTOR": "contract",
    "TEMPORARY": "temporary",
    "INTERN": "internship",
}
"""schema.org's employment types, as roledex writes them (others, such as PER_DIEM, are left out)."""
PERIODS = {"HOUR": "hour", "DAY": "day", "WEEK": "week", "MONTH": "month", "YEAR": "year"}
"""schema.org's `unitText` of a salary, as roledex's pay periods."""


@dataclass(frozen=True)
class StatedSalary:
    """Pay as the data states it: figures, ISO currency code, period."""

    min: float | None
    max: float | None
    currency: str | None
    period: str | None


@dataclass
class Structured:
    """The facts a posting's data states; None or empty where it says nothing."""

    title: str | None = None
    company: str | None = None
    locations: list[str] = field(default_factory=list)
    work_mode: str | None = None
    employment: str | None = None
    salary: StatedSalary | None = None
    posted: dt.date | None = None
    closes: dt.date | None = None
    url: str | None = None
    description: str | None = None
    """The posting's text as HTML."""
    company_website: str | None = None
    source: str = "schema.org JobPosting"


def _text(value: Any) -> str | None:
    """A plain, stripped text from a value that should be one (a list gives its first text)."""
    if isinstance(value, list):
        return next((t for t in map(_text, value) if t), None)
    if isinstance(value, dict):
        return _text(value.get("name"))
    if isinstance(value, (str, int, float)) and not isinstance(value, bool):
        text = re.sub(r"\s+", " ", str(value)).strip()
        return text if text and text.lower() not in ("none", "null", "n/a", "undefined") else None
    return None


def _as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def read_date(value: Any) -> dt.date | None:
    text = _text(value)
    if not text:
        return None
    match = re.match(r"(\d{4}-\d{2}-\d{2})", text)
    if not match:
        return None
    try:
        return dt.date.fromisoformat(match.group(1))
    except ValueError:
        return None


def positive_number(value: Any) -> float | None:
    """A positive figure from a number or a numeric text ('120,000'); None for anything else."""
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return float(value) if showable_figure(float(value)) else None
    if isinstance(value, str):
        cleaned = re.sub(r"[,\s]", "", value)
        try:
            number = float(cleaned)
        except ValueError:
            return None
        return number if showable_figure(number) else None
    return None


def _place(location: Any) -> str | None:
    """'City, Region, Country' from a Place (or a bare text), with no part twice."""
    if isinstance(location, str):
        return _text(location)
    if not isinstance(location, dict):
        return None
    address = location.get("address", location)
    if isinstance(address, str):
        return _text(address)
    if not isinstance(address, dict):
        return _text(location.get("name"))
    parts: list[str] = []
    for key in ("addressLocality", "addressRegion", "addressCountry"):
        part = _text(address.get(key))
        if key == "addressCountry" and part:
            part = country_name(part)
        if part and part.lower() not in (p.lower() for p in parts):
            parts.append(part)
    return ", ".join(parts) or _text(location.get("name"))


def country_name(text: str) -> str:
    """A country's common name for its ISO code ('GB' -> 'United Kingdom'); other text as it is."""
    if not re.fullmatch(r"[A-Z]{2,3}", text):
        return text
    country = pycountry.countries.get(alpha_2=text) if len(text) == 2 else pycountry.countries.get(alpha_3=text)
    if country is None:
        return text
    return str(getattr(country, "common_name", None) or country.name)


def _salary(value: Any) -> StatedSalary | None:
    amount = next((v for v in _as_list(value) if isinstance(v, dict)), None)
    if amount is None:
        return None
    quantity = amount.get("value")
    currency = _text(amount.get("currency"))
    if isinstance(quantity, dict):
        low, high = positive_number(quantity.get("minValue")), positive_number(quantity.get("maxValue"))
        exact = positive_number(quantity.get("value"))
        unit = _text(quantity.get("unitText")) or _text(amount.get("unitText"))
    else:
        low = high = None
        exact = positive_number(quantity)
        unit = _text(amount.get("unitText"))
    if low is None and high is None and exact is not None:
        low = high = exact
    if low is None and high is None:
        return None
    if low is not None and high is not None and low > high:
        low, high = high, low
    code = currency.upper() if currency and re.fullmatch(r"[A-Za-z]{3}", currency) else None
    return StatedSalary(low, high, code, PERIODS.get((unit or "").upper()))


def _work_mode(posting: dict[str, Any]) -> str | None:
    kinds = {str(k).upper() for k in _as_list(posting.get("jobLocationType")) if isinstance(k, str)}
    # With an office as well, the data does not say whether the office is optional: the words decide.
    return "remote" if "TELECOMMUTE" in kinds and not posting.get("jobLocation") else None


def read_employment(value: Any) -> str | None:
    for kind in _as_list(value):
        if isinstance(kind, str):
            found = EMPLOYMENT_TYPES.get(kind.strip().upper().replace("-", "_").replace(" ", "_"))
            if found:
                return found
    return None


def from_job_posting(posting: dict[str, Any]) -> Structured:
    """The facts of one JobPosting object, as roledex writes them."""
    places = [p for p in map(_place, _as_list(posting.get("jobLocation"))) if p]
    mode = _work_mode(posting)
    if not places and mode == "remote":
        required = [_place(r) for r in _as_list(posting.get("applicantLocationRequirements"))]
        places = [p for p in required if p]
    url = _text(posting.get("url"))
    return Structured(
        company_website=organisation_site(posting.get("hiringOrganization")),
        title=_text(posting.get("title")),
        company=_text(posting.get("hiringOrganization")),
        locations=list(dict.fromkeys(places)),
        work_mode=mode,
        employment=read_employment(posting.get("employmentType")),
        salary=_salary(posting.get("baseSalary")),
        posted=read_date(posting.get("datePosted")),
        closes=read_date(posting.get("validThrough")),
        url=url if url and is_url(url) else None,
        description=posting.get("description") if isinstance(posting.get("description"), str) else None,
    )


def organisation_site(organisation: Any) -> str | None:
    """The employer's own site, as its data names it (`sameAs`, or its `url`)."""
    if not isinstance(organisation, dict):
        return None
    for key in ("sameAs", "url"):
        for value in _as_list(organisation.get(key)):
            if isinstance(value, str) and is_url(value.strip()):
                return value.strip()
    return None


def _job_postings(data: Any) -> Iterator[dict[str, Any]]:
    """Every JobPosting object in a JSON-LD value: at the top, in a list or in an @graph."""
    if isinstance(data, list):
        for item in data:
            yield from _job_postings(item)
    elif isinstance(data, dict):
        types = {str(t).rsplit("/", 1)[-1] for t in _as_list(data.get("@type"))}
        if "JobPosting" in types:
            yield data
        for key in ("@graph", "mainEntity", "itemListElement"):
            yield from _job_postings(data.get(key))


def _json_ld(soup: BeautifulSoup) -> Iterator[dict[str, Any]]:
    for script in soup.find_all("script", attrs={"type": re.compile(r"application/ld\+json", re.I)}):
        text = script.get_text()
        text = re.sub(r"^\s*(?:<!\[CDATA\[|<!--)|(?:\]\]>|-->)\s*$", "", text.strip())
        try:
            data = json.loads(text, strict=False)
        except (ValueError, RecursionError):
            continue
        yield from _job_postings(data)


def _microdata_value(tag: Tag) -> Any:
    if tag.has_attr("itemscope"):
        return _microdata(tag)
    for attribute in ("content", "datetime", "href", "value"):
        if tag.has_attr(attribute):
            return str(tag[attribute])
    return tag.get_text(" ", strip=True)


def _microdata(scope: Tag) -> dict[str, Any]:
    """An itemscope's properties (nested scopes as mappings), as JSON-LD would state them."""
    found: dict[str, Any] = {}
    for tag in scope.find_all(True, attrs={"itemprop": True}):
        owner = tag.find_parent(True, attrs={"itemscope": True})
        if owner is not scope:
            continue
        value = _microdata_value(tag)
        if tag.get("itemprop") == "description" and not tag.has_attr("content"):
            value = tag.decode_contents()
        for name in str(tag["itemprop"]).split():
            found.setdefault(name, value)
    return found


def read_structured(html: str) -> Structured | None:
    """The page's JobPosting data (JSON-LD first, then microdata), or None when it has none."""
    if "JobPosting" not in html:
        return None
    soup = BeautifulSoup(html, "html.parser")
    posting = next(_json_ld(soup), None)
    if posting is None:
        scope = soup.find(True, attrs={"itemtype": re.compile(r"schema\.org/JobPosting$", re.I)})
        posting = _microdata(scope) if isinstance(scope, Tag) else None
    if posting is None:
        return None
    found = from_job_posting(posting)
    return found if found.title or found.company or found.salary else None
