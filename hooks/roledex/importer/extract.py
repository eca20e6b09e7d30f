"""From a raw posting's text to its facts, with a warning for every doubt.

Order of trust for each field: what the user passed on the command line, then the paste's own
front matter (checked like any front matter), then what the text states. Nothing is guessed
silently: an inferred value is listed in `inferred` and explained in `warnings`.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field, replace
from typing import Any

from roledex.importer import fields as read
from roledex.importer.fields import Found, written_with_legal_form
from roledex.importer.labels import (
    clean_title,
    is_job_title,
    is_label,
    labelled,
    looks_like_company,
    looks_like_title,
    top_block,
)
from roledex.importer.money import FoundSalary, choose_salary
from roledex.importer.notes import Note, notes_and_warnings
from roledex.importer.place_currency import currency_for_places
from roledex.importer.places import split_places
from roledex.importer.repair import Repaired, plain_letters
from roledex.importer.scoring import Candidate, Decision, decide
from roledex.importer.structured import StatedSalary, Structured, positive_number
from roledex.importer.title_line import read_title_line
from roledex.kb.countries import city_and_country
from roledex.kb.currencies import CURRENCY_CODES
from roledex.kb.schema import PERIODS
from roledex.kb.text import is_url, parse_date

NO_LOCATION = "no location found; set 'locations'"
NO_WORK_MODE = "the work mode (remote, hybrid or onsite) is not stated; set 'work_mode'"
"""The warnings for a place and a work mode the text does not state: taken back when the user,
or the page around a posting's data, states them."""


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
    company_website: str | None = None
    """The employer's own site, where the page's data names it (a new company's profile gets it)."""
    source: str | None = None
    posted: dt.date | None = None
    closes: dt.date | None = None
    inferred: dict[str, str] = field(default_factory=dict)
    """Key -> why the value is inferred rather than stated; written as YAML comments."""
    confidence: dict[str, float] = field(default_factory=dict)
    """Field -> how sure the scoring table is of the value taken (0 to 1)."""
    sources: dict[str, str] = field(default_factory=dict)
    """Field -> the reader whose value was taken ('label', 'title line', 'words'...)."""
    left_out: dict[str, Candidate] = field(default_factory=dict)
    """Field -> the best value seen but left out, below the scoring table's bar."""
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
            "confidence": self.confidence,
            "sources": self.sources,
            "notes": notes,
            "warnings": warnings,
        }


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


@dataclass
class _Evidence:
    """What one posting offers each field's reader: its words, the paste's own front matter,
    its labelled fields, its header line or top block, and the page's structured data."""

    text: str
    hints: dict[str, Any]
    data: Structured
    labels: dict[str, str]
    header: dict[str, Any]
    block: dict[str, Any]
    warnings: list[str]


def _evidence(repaired: Repaired, structured: Structured | None, warnings: list[str]) -> _Evidence:
    text = plain_letters(repaired.text)
    first_line = read.first_line(text)
    line = read_title_line(first_line)
    header: dict[str, Any] = {}
    company, after_role = line.company, None
    if company is not None and line.company_after_role:
        # 'Product Manager - Payments' is a team: the name after the role counts only when the
        # posting names it again or writes its legal form ('Foo GmbH'), and after what its
        # words say of the company
        named_again = (
            text.count(company) >= 2  # its name again as written (a team is a word: 'our payments')
            or re.search(rf"[@./]{re.escape(company.lower().replace(' ', ''))}\.", text.lower()) is not None
            or written_with_legal_form(first_line, company)
        )
        company, after_role = None, company if named_again else None
    if line.title and (company or after_role or line.places or line.mode or line.tagged):
        header = {"title": line.title, "company": company, "places": list(line.places), "mode": line.mode}
        if after_role:
            header["company_after_role"] = after_role
    elif line.mode or line.places or (company and not line.title):
        # what the tags alone state, or a line of company, places and pay that names no role
        header = {"places": list(line.places), "mode": line.mode, "company": company}
    block = {} if header.get("title") else top_block(text)
    return _Evidence(text, repaired.hints, structured or Structured(), labelled(text), header, block, warnings)


def _label_title(seen: _Evidence) -> str | None:
    """A labelled title, less what a title line adds to it ('Developer at Quave - Remote - $3,000');
    a name after the role stays ('Lead Instructor - Intro to Web')."""
    label = seen.labels.get("title", "")
    read_as_line = read_title_line(label)
    if not looks_like_title(label):
        return read_as_line.title  # 'Backend Engineer (Remote, US)': the role, less its notes
    return label if read_as_line.company_after_role else read_as_line.title or label


def _title_candidates(seen: _Evidence, first_line: str | None, sentence: Found[str] | None) -> list[Candidate]:
    """What each reader proposes as the title, most trusted source first."""
    return [
        Candidate("title", seen.data.title, "data"),
        Candidate("title", _hint(seen.hints, "title", _text_hint, seen.warnings), "front matter"),
        Candidate("title", _label_title(seen), "label"),
        Candidate("title", seen.header.get("title"), "title line"),
        Candidate("title", seen.block.get("title"), "top block"),
        # a first line read as 'Company - Place - Level - Pay' or as tags alone ('Remote · Full-time') names no title
        # nor does a field's label heading its form ('## Company Name')
        Candidate(
            "title",
            None if (seen.header and not seen.header.get("title")) or is_label(first_line or "") else first_line,
            "first line",
        ),
        Candidate("title", sentence.value if sentence else None, "sentence", sentence.inferred if sentence else ""),
    ]


_WRITTEN = frozenset({"data", "front matter", "label", "title line", "top block"})
"""Sources that write a title as a title; one read from the first line or a sentence is not."""


def _read_title(seen: _Evidence, found: Extraction) -> tuple[Found[str] | None, str | None, str | None, bool]:
    """Sets the title; (the first line read as a title, its link, the company beside it, whether
    the title was written as one)."""
    title, title_url, title_company = read.title_from_text(seen.text)
    if title is not None and not looks_like_title(str(title.value)):
        title = None
    sentence = read.title_from_sentence(seen.text)
    decision = _decided(found, "title", _title_candidates(seen, str(title.value) if title else None, sentence))
    found.title = str(decision.value).strip() if decision.value else None
    if decision.source == "sentence":
        why = sentence.inferred if sentence else "from a sentence"
        found.inferred["title"] = f"inferred {why}"
        seen.warnings.append(f"no title line; the title {found.title!r} is inferred {why}")
    elif found.title is None:
        seen.warnings.append("no title found; set 'title'")
    return title, title_url, title_company, decision.source in _WRITTEN


def _decided(found: Extraction, field_name: str, candidates: list[Candidate]) -> Decision:
    """The scoring table's decision for a field, its confidence kept, a value left out noted."""
    decision = decide(field_name, candidates)
    if decision.source is not None:
        found.confidence[field_name] = decision.confidence
        found.sources[field_name] = decision.source
    note = decision.note()
    if note:
        found.left_out[field_name] = decision.below_bar[0]
        found.warnings.append(Note(note))
    return decision


def _company_candidates(seen: _Evidence, given: str | None, beside_title: str | None, words: str | None) -> list:
    hints, warnings = seen.hints, seen.warnings
    hint = _hint(hints, "company", _text_hint, warnings) or _hint(hints, "company_name", _text_hint, warnings)
    label = seen.labels.get("company") if looks_like_company(seen.labels.get("company", "")) else None
    return [
        Candidate("company", given, "given"),
        Candidate("company", read.without_backers(seen.data.company) if seen.data.company else None, "data"),
        Candidate("company", hint, "front matter"),
        Candidate("company", read.without_backers(label) if label else None, "label"),  # 'NovaAI (YC W24)'
        Candidate("company", seen.header.get("company"), "title line"),
        Candidate("company", beside_title, "first line"),
        Candidate("company", words, "words"),
        Candidate("company", seen.block.get("company"), "top block"),
        Candidate("company", seen.header.get("company_after_role"), "after the role"),
    ]


def _company_in_words(seen: _Evidence, after_title: bool) -> str | None:
    named = read.company_from_text(seen.text, after_title=after_title)
    return str(named.value) if named and looks_like_company(str(named.value)) else None


def _read_company(seen: _Evidence, found: Extraction, given: str | None, title: tuple) -> None:
    """Sets the company: as given or written, else from the words (never the title instead)."""
    title_line, _, beside_title, written_title = title
    words = _company_in_words(seen, after_title=title_line is not None)
    decision = _decided(found, "company", _company_candidates(seen, given, beside_title, words))
    found.company = str(decision.value) if decision.value else None
    swapped = decision.source == "words" and not written_title and found.title and found.company
    if swapped and not is_job_title(found.title or "") and is_job_title(found.company or ""):
        found.title, found.company = found.company, found.title  # 'Fernway' above 'Senior Data Engineer'
    after_role = seen.header.get("company_after_role")
    if after_role and found.company != after_role and found.title == seen.header.get("title"):
        found.title = f"{found.title} - {after_role}"  # 'Developer - React Native': not the company
    if not found.company:
        found.confidence.pop("company", None)
        found.sources.pop("company", None)
        seen.warnings.append("no company found; pass --company SLUG")
    if found.title:
        found.title = clean_title(found.title) or found.title


def _read_url(seen: _Evidence, found: Extraction, given: str | None, title_url: str | None) -> None:
    hint_url = _hint(seen.hints, "url", lambda v: isinstance(v, str) and is_url(v), seen.warnings)
    found.url = given or seen.data.url or hint_url or title_url
    if not found.url:
        from_text = read.url_from_text(seen.text)
        found.url = str(from_text.value) if from_text else None
    if found.url and not is_url(found.url):
        seen.warnings.append(f"the address {found.url!r} is not a valid http(s) address; it was left out")
        found.url = None
    if not found.url:
        seen.warnings.append("no address of the posting found; pass --url URL to keep it")
    found.source = _hint(seen.hints, "source", _text_hint, []) or read.source_of(found.url)


def _said_more_fully(places: list[str], located: list[str]) -> bool:
    """True when each place is a part of a place the text states elsewhere ('Bengaluru' of
    'Bengaluru, India', 'HCM' of 'Quận 3, TP.HCM')."""
    return all(
        any(full != p and re.search(rf"(?<!\w){re.escape(p)}(?!\w)", full, re.I) for full in located) for p in places
    )


def _place_candidates(seen: _Evidence, company: str | None) -> list[Candidate]:
    hints = seen.hints
    hinted = _hint(hints, "locations", _places_hint, seen.warnings)
    if not hinted and _hint(hints, "location", _text_hint, seen.warnings):
        hinted = [str(hints["location"]).strip()]
    by_label = read.located_by_label(seen.text)
    near_top = read.located_near_top(seen.text, company)
    headed = list(seen.header.get("places") or [])
    nearby = [*(by_label.value if by_label else []), *(near_top.value if near_top else [])]
    if headed and _said_more_fully(headed, nearby):
        headed = by_label.value if by_label and _said_more_fully(headed, by_label.value) else nearby
        # 'Bengaluru' in the title line, 'Bengaluru, India' under its label
    sentence = read.located_in_sentence(seen.text)
    return [
        Candidate("locations", seen.data.locations, "data"),
        Candidate("locations", hinted, "front matter"),
        Candidate("locations", by_label.value if by_label else None, "label"),
        Candidate("locations", headed, "title line"),
        Candidate("locations", seen.block.get("places"), "top block"),
        Candidate("locations", near_top.value if near_top else None, "lines at the top"),
        Candidate("locations", sentence.value if sentence else None, "sentence"),
    ]


def _read_places(seen: _Evidence, found: Extraction) -> str | None:
    """Sets the places; the work mode the places state ('Remote (UK)', 'Remote' alone), or None."""
    split: dict[str, tuple[list[str], str | None]] = {}
    candidates = []
    for candidate in _place_candidates(seen, found.company):
        split[candidate.source] = split_places(list(candidate.value or []))
        candidates.append(replace(candidate, value=split[candidate.source][0]))
    decision = _decided(found, "locations", candidates)
    found.locations = _with_countries(list(decision.value or []))
    if not found.locations:
        seen.warnings.append(NO_LOCATION)
    stated = split[decision.source][1] if decision.source else None
    alone = next((mode for places, mode in split.values() if mode and not places), None)
    return stated or alone  # 'Remote' alone under a label is a mode, not a place


def _with_countries(places: list[str]) -> list[str]:
    """Places with a country that follows a city joined to it: 'Ha Noi' and 'Viet Nam', cut
    apart by a title line's dashes, are one place."""
    while (pair := city_and_country(places, any_language=True)) is not None:
        at = places.index(pair[0])
        places = [*places[:at], f"{pair[0]}, {pair[1]}", *places[at + 2 :]]
    return places


_YES = ("yes", "true", "ja", "oui", "sí", "sim", "是")
"""A 'Remote:' label answered yes."""


def _label_mode(labels: dict[str, str]) -> str | None:
    """The mode a 'Remote:' or 'Work mode:' label states, else one a labelled title states
    ('Job Title: 2026 Full-time - Software Engineer II - Onsite')."""
    if "work_mode" not in labels:
        title = labels.get("title", "")
        return read_title_line(title).mode if looks_like_title(title) else None
    mode = split_places([labels["work_mode"]])[1]
    return mode or ("remote" if labels["work_mode"].lower() in _YES else None)


def _read_mode(seen: _Evidence, found: Extraction, stated_mode: str | None) -> None:
    words = read.work_mode_from_text(seen.text, found.locations)
    decision = _decided(
        found,
        "work_mode",
        [
            Candidate("work_mode", seen.data.work_mode, "data"),
            Candidate("work_mode", stated_mode, "places"),
            Candidate("work_mode", _label_mode(seen.labels), "label"),
            Candidate("work_mode", seen.header.get("mode"), "title line"),
            Candidate("work_mode", words.value if words else None, "words"),
        ],
    )
    found.work_mode = decision.value
    if not found.work_mode:
        seen.warnings.append(NO_WORK_MODE)


def _read_the_rest(seen: _Evidence, found: Extraction, today: dt.date | None) -> None:
    """Team, employment, and the posting and closing dates ('3 days ago' counted back from `today`)."""
    text, data, hints = seen.text, seen.data, seen.hints
    team = read.team_from_text(text)
    found.team = str(team.value) if team else None
    employment = read.employment_from_text(seen.labels.get("employment", "")) or read.employment_from_text(text)
    found.employment = data.employment or (employment.value if employment else None)
    posted, closes = read.posted_from_text(text, today), read.closes_from_text(text, today)
    if posted is not None and posted.inferred and not data.posted:
        found.inferred["posted"] = posted.inferred
    found.posted = data.posted or (posted.value if posted else parse_date(hints.get("posted")))
    found.closes = data.closes or (closes.value if closes else parse_date(hints.get("closes")))
    if found.posted and found.closes and found.closes < found.posted:
        seen.warnings.append(
            f"the closing date {found.closes} is before the posting date {found.posted}; both left out"
        )
        found.posted = found.closes = None


def _stated_with_place(seen: _Evidence, found: Extraction, place_currency: str | None) -> FoundSalary | None:
    """The data's salary; one without a currency takes the place's, when the place has one."""
    stated = seen.data.salary
    if stated is None:
        return None
    currency = stated.currency or place_currency
    if currency is None:
        return None
    salary = _stated_salary(replace(stated, currency=currency))
    if not stated.currency:
        found.inferred["salary.currency"] = f"the data names no currency; {currency} is the currency of the place"
    if salary.period is None:
        salary.period = "year"
        found.inferred["salary.period"] = "the page's data names no period; a year is assumed"
    return salary


def _salary_in_words(seen: _Evidence, found: Extraction, place_currency: str | None) -> FoundSalary | None:
    """The pay the words state, its doubts said; figures with no currency are kept as text only."""
    salary, salary_warnings = choose_salary(seen.text, place_currency)
    seen.warnings.extend(salary_warnings)
    if salary is not None and salary.currency is None:
        seen.warnings.append(
            f"the salary {salary.text!r} names no currency and none can be told from the location; "
            "it is kept as text only"
        )
        salary.min = salary.max = None
    headline = next((n for n in (salary.notes if salary else []) if n.startswith("headline:")), None)
    found.headline = float(headline.split(":", 1)[1]) if headline else None
    if salary is not None and salary.period_inferred:
        found.inferred["salary.period"] = "inferred from the size of the figure"
    if salary is not None and salary.currency_inferred:
        found.inferred["salary.currency"] = "inferred from the location"
    return salary


def _read_salary(seen: _Evidence, found: Extraction) -> None:
    """Sets the pay: the page's data, the paste's front matter, else the words (read only then:
    the words' reader says its doubts, which belong to the posting only when its pay is taken)."""
    place_currency = currency_for_places(found.locations)
    stated = _stated_with_place(seen, found, place_currency)
    hinted = None if stated else _salary_hint(seen.hints.get("salary"), place_currency, seen.warnings)
    words = None if stated or hinted else _salary_in_words(seen, found, place_currency)
    decision = _decided(
        found,
        "salary",
        [
            Candidate("salary", stated, "data"),
            Candidate("salary", hinted, "front matter"),
            Candidate("salary", words, "words"),
        ],
    )
    found.salary = decision.value if decision.value is not None else words  # pay as text only, kept


def extract(
    repaired: Repaired,
    company: str | None = None,
    url: str | None = None,
    structured: Structured | None = None,
    today: dt.date | None = None,
) -> Extraction:
    """Every field the text states, filled in order of trust; warnings for what is missing.

    The order: what the user passed, then the page's structured data, then the paste's own
    front matter, then what the words say. Each field has its reader below.
    """
    found = Extraction(body=repaired.body or repaired.text, warnings=list(repaired.changes))
    seen = _evidence(repaired, structured, found.warnings)
    title = _read_title(seen, found)
    _read_company(seen, found, company, title)
    _read_url(seen, found, url, title[1])
    found.company_website = seen.data.company_website
    _read_mode(seen, found, _read_places(seen, found))
    _read_the_rest(seen, found, today)
    _read_salary(seen, found)
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
        found.warnings = [w for w in found.warnings if w != NO_LOCATION]
    if work_mode:
        found.work_mode = work_mode
    if found.work_mode:
        found.warnings = [w for w in found.warnings if w != NO_WORK_MODE]
    return found
