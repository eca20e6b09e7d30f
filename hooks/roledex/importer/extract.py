"""From a raw posting's text to its facts, with a warning for every doubt.

Order of trust for each field: what the user passed on the command line, then the paste's own
front matter (checked like any front matter), then what the text states. Nothing is guessed
silently: an inferred value is listed in `inferred` and explained in `warnings`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from roledex.importer import fields as read
from roledex.importer.labels import (
    clean_title,
    header_fields,
    is_empty_value,
    is_job_title,
    labelled,
    looks_like_company,
    looks_like_title,
    top_block,
)
from roledex.importer.money import FoundSalary, choose_salary
from roledex.importer.notes import notes_and_warnings
from roledex.importer.places import split_places
from roledex.importer.repair import Repaired
from roledex.importer.structured import StatedSalary, Structured, positive_number
from roledex.kb.currencies import CURRENCY_CODES
from roledex.kb.schema import PERIODS
from roledex.kb.text import is_url, parse_date

_CURRENCY_BY_PLACE = (
    (
        "USD",
        (
            "united states",
            "usa",
            "u.s.",
            " us",
            "new york",
            "san francisco",
            "seattle",
            "austin",
            "boston",
            "chicago",
            "los angeles",
            "brooklyn",
            "denver",
            "atlanta",
            "remote (us",
        ),
    ),
    ("GBP", ("united kingdom", " uk", "london", "england", "scotland", "manchester", "edinburgh")),
    (
        "EUR",
        (
            "germany",
            "berlin",
            "munich",
            "france",
            "paris",
            "netherlands",
            "amsterdam",
            "spain",
            "madrid",
            "barcelona",
            "ireland",
            "dublin",
            "italy",
            "milan",
            "portugal",
            "lisbon",
            "austria",
            "vienna",
            "belgium",
            "finland",
            "helsinki",
        ),
    ),
    ("INR", ("india", "bangalore", "bengaluru", "mumbai", "delhi", "hyderabad", "pune", "chennai")),
    ("CAD", ("canada", "toronto", "vancouver", "montreal")),
    ("AUD", ("australia", "sydney", "melbourne")),
    ("CHF", ("switzerland", "zurich", "zürich", "geneva")),
    ("SGD", ("singapore",)),
)


@dataclass
class Extraction:
    """The facts of one raw posting, and what the importer was unsure of."""

    body: str
    company: str | None = None
    title: str | None = None
    locations: list[str] = field(default_factory=list)
    work_mode: str | None = None
    employment: str | None = None
    team: str | None = None
    salary: FoundSalary | None = None
    headline: float | None = None
    url: str | None = None
    source: str | None = None
    posted: dt.date | None = None
    closes: dt.date | None = None
    inferred: dict[str, str] = field(default_factory=dict)
    """Key -> why the value is inferred rather than stated; written as YAML comments."""
    warnings: list[str] = field(default_factory=list)

    def as_json(self, company_slug: str | None = None) -> dict[str, Any]:
        """The fields `roledex import --dry-run --json` prints, with the company's slug if known."""
        notes, warnings = notes_and_warnings(self.warnings)
        salary = None
        if self.salary is not None and self.salary.figures:
            salary = {
                "min": self.salary.min,
                "max": self.salary.max,
                "currency": self.salary.currency,
                "period": self.salary.period,
            }
        return {
            "company": company_slug,
            "company_name": self.company,
            "title": self.title,
            "locations": self.locations,
            "work_mode": self.work_mode,
            "salary": salary,
            "url": self.url,
            "team": self.team,
            "employment": self.employment,
            "posted": self.posted.isoformat() if self.posted else None,
            "closes": self.closes.isoformat() if self.closes else None,
            "inferred": self.inferred,
            "notes": notes,
            "warnings": warnings,
        }


def currency_for_places(places: list[str]) -> str | None:
    """The currency of the places a posting names, when they all share one."""
    text = " " + " ".join(places).lower()
    found = {code for code, words in _CURRENCY_BY_PLACE if any(w in text for w in words)}
    return found.pop() if len(found) == 1 else None


def _hint(hints: dict[str, Any], key: str, check, warnings: list[str]) -> Any:
    """A front-matter hint of the paste, if it passes `check`."""
    if key not in hints:
        return None
    value = hints[key]
    if check(value):
        return value
    warnings.append(f"the paste's front matter has {key}: {value!r}, which is not valid; it was ignored")
    return None


def _text_hint(value: Any) -> bool:
    return isinstance(value, str) and bool(value.strip())


def _places_hint(value: Any) -> bool:
    return isinstance(value, list) and all(_text_hint(v) for v in value)


def _salary_hint(value: Any, fallback_currency: str | None, warnings: list[str]) -> FoundSalary | None:
    """A salary from the paste's own front matter: a mapping as roledex writes it, or a text
    such as '$100k-$120k' read like the posting's words."""
    if isinstance(value, str) and value.strip():
        salary, _ = choose_salary(value, fallback_currency)
        return salary if salary is not None and salary.figures else None
    if not isinstance(value, dict):
        return None
    low, high = positive_number(value.get("min")), positive_number(value.get("max"))
    currency = str(value.get("currency", "")).upper()
    period = str(value.get("period", "")).lower()
    if (low is None and high is None) or currency not in CURRENCY_CODES or period not in PERIODS:
        warnings.append("the paste's front matter has a salary that is not complete (min or max, currency, period)")
        return None
    words = "–".join(f"{v:,.0f}" for v in dict.fromkeys(v for v in (low, high) if v is not None))
    text = str(value.get("text") or f"{words} {currency} per {period}")
    return FoundSalary(low, high, currency, period, text)


def _stated_salary(stated: StatedSalary) -> FoundSalary:
    """A salary from the page's data, said in words for the file's `text`."""
    figures = "–".join(f"{v:,.0f}" for v in dict.fromkeys(v for v in (stated.min, stated.max) if v is not None))
    words = " ".join(w for w in (figures, stated.currency, f"per {stated.period}" if stated.period else "") if w)
    return FoundSalary(stated.min, stated.max, stated.currency, stated.period, f"{words} (the page's data)")


def extract(
    repaired: Repaired, company: str | None = None, url: str | None = None, structured: Structured | None = None
) -> Extraction:
    """Every field the text states, filled in order of trust; warnings for what is missing.

    The order: what the user passed, then the page's structured data, then the paste's own
    front matter, then what the words say.
    """
    data = structured or Structured()
    text, hints = repaired.text, repaired.hints
    found = Extraction(body=repaired.body or text, warnings=list(repaired.changes))
    warnings = found.warnings

    labels = labelled(text)
    first_line = next((line for line in text.split("\n") if line.strip()), "")
    header = header_fields(first_line)
    block = {} if header else top_block(text)
    title, title_url, title_company = read.title_from_text(text)
    if title is not None and not looks_like_title(str(title.value)):
        title = None
    hint_title = _hint(hints, "title", _text_hint, warnings)
    label_title = labels.get("title") if looks_like_title(labels.get("title", "")) else None
    written_title = data.title or hint_title or label_title or header.get("title")
    if not written_title and block and (title is None or not is_job_title(str(title.value))):
        written_title = block["title"]
    if written_title:
        found.title = str(written_title).strip()
    elif title:
        found.title = str(title.value)
    else:
        sentence = read.title_from_sentence(text)
        if sentence:
            found.title = str(sentence.value)
            found.inferred["title"] = f"inferred {sentence.inferred}"
            warnings.append(f"no title line; the title {found.title!r} is inferred {sentence.inferred}")
        else:
            warnings.append("no title found; set 'title'")

    hint_company = _hint(hints, "company", _text_hint, warnings) or _hint(hints, "company_name", _text_hint, warnings)
    label_company = labels.get("company") if looks_like_company(labels.get("company", "")) else None
    header_company = str(header["company"]) if header.get("company") else None
    found.company = company or data.company or hint_company or label_company or header_company or title_company
    from_words = False
    if not found.company:
        named = read.company_from_text(text, after_title=title is not None)
        found.company = str(named.value) if named and looks_like_company(str(named.value)) else None
        from_words = found.company is not None
    swapped = from_words and not written_title and found.title and found.company
    if swapped and not is_job_title(found.title or "") and is_job_title(found.company or ""):
        found.title, found.company = found.company, found.title  # 'Fernway' above 'Senior Data Engineer'
    if not found.company and block.get("company"):
        found.company = str(block["company"])
    if found.company and is_empty_value(found.company):
        found.company = None
    if not found.company:
        warnings.append("no company found; pass --company SLUG")
    if found.title:
        found.title = clean_title(found.title) or found.title

    hint_url = _hint(hints, "url", lambda v: isinstance(v, str) and is_url(v), warnings)
    found.url = url or data.url or hint_url or title_url
    if not found.url:
        from_text = read.url_from_text(text)
        found.url = str(from_text.value) if from_text else None
    if found.url and not is_url(found.url):
        warnings.append(f"the address {found.url!r} is not a valid http(s) address; it was left out")
        found.url = None
    if not found.url:
        warnings.append("no address of the posting found; pass --url URL to keep it")
    found.source = _hint(hints, "source", _text_hint, []) or read.source_of(found.url)

    places: list[str] | None = data.locations or _hint(hints, "locations", _places_hint, warnings)
    if not places and _hint(hints, "location", _text_hint, warnings):
        places = [str(hints["location"]).strip()]
    if not places and (header.get("places") or block.get("places")):
        places = list(header.get("places") or block.get("places") or [])
    located = None if places else read.locations_from_text(text, found.company)
    found.locations, stated_mode = split_places(list(places or (located.value if located else [])))
    if not found.locations:
        warnings.append("no location found; set 'locations'")

    label_mode = split_places([labels["work_mode"]])[1] if "work_mode" in labels else None
    if label_mode is None and labels.get("work_mode", "").lower() in ("yes", "true", "ja", "oui", "sí", "sim"):
        label_mode = "remote"
    stated_mode = stated_mode or label_mode
    mode = None if data.work_mode or stated_mode else read.work_mode_from_text(text, found.locations)
    found.work_mode = data.work_mode or stated_mode or (mode.value if mode else None)
    if not found.work_mode:
        warnings.append("the work mode (remote, hybrid or onsite) is not stated; set 'work_mode'")
    team = read.team_from_text(text)
    found.team = str(team.value) if team else None
    employment = read.employment_from_text(labels.get("employment", "")) or read.employment_from_text(text)
    found.employment = data.employment or (employment.value if employment else None)
    posted, closes = read.posted_from_text(text), read.closes_from_text(text)
    if posted is not None and posted.inferred and not data.posted:
        found.inferred["posted"] = posted.inferred
    found.posted = data.posted or (posted.value if posted else parse_date(hints.get("posted")))
    found.closes = data.closes or (closes.value if closes else parse_date(hints.get("closes")))
    if found.posted and found.closes and found.closes < found.posted:
        warnings.append(f"the closing date {found.closes} is before the posting date {found.posted}; both left out")
        found.posted = found.closes = None

    if data.salary is not None and data.salary.currency:
        found.salary = _stated_salary(data.salary)
        if found.salary.period is None:
            found.salary.period = "year"
            found.inferred["salary.period"] = "the page's data names no period; a year is assumed"
        return found
    hinted = _salary_hint(hints.get("salary"), currency_for_places(found.locations), warnings)
    if hinted is not None:
        found.salary = hinted
        return found
    salary, salary_warnings = choose_salary(text, currency_for_places(found.locations))
    warnings += salary_warnings
    if salary is not None and salary.currency is None:
        warnings.append(
            f"the salary {salary.text!r} names no currency and none can be told from the location; "
            "it is kept as text only"
        )
        salary.min = salary.max = None
    found.salary = salary
    headline = next((n for n in (salary.notes if salary else []) if n.startswith("headline:")), None)
    found.headline = float(headline.split(":", 1)[1]) if headline else None
    if salary is not None and salary.period_inferred:
        found.inferred["salary.period"] = "inferred from the size of the figure"
    if salary is not None and salary.currency_inferred:
        found.inferred["salary.currency"] = "inferred from the location"
    return found


def overridden(
    found: Extraction, title: str | None = None, location: str | None = None, work_mode: str | None = None
) -> Extraction:
    """The extraction with the user's own title, location and work mode in place of what was read."""
    if title:
        found.title = clean_title(title.strip()) or title.strip()
        found.inferred.pop("title", None)
        found.warnings = [w for w in found.warnings if "title" not in w]
    if location:
        places, mode = split_places([location])
        found.locations = places
        found.work_mode = mode or found.work_mode
        found.warnings = [w for w in found.warnings if "no location found" not in w]
    if work_mode:
        found.work_mode = work_mode
    return found
