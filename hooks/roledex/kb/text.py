"""Small text helpers shared by every layer: slugs, web addresses, dates and did-you-mean hints."""

from __future__ import annotations

import datetime as dt
import difflib
import re
from typing import Any
from urllib.parse import urlsplit, urlunsplit
from zoneinfo import ZoneInfo, available_timezones

from slugify import slugify as transliterated_slug

from roledex.kb.schema import CHOICE_SYNONYMS, SLUG_PATTERN

_SLUG = re.compile(SLUG_PATTERN)


def did_you_mean(value: str, choices: Any) -> str:
    """ "; did you mean 'x'?" for the closest choice, or ''."""
    synonym = CHOICE_SYNONYMS.get(value.strip().lower())
    if synonym in choices:
        return f"; did you mean {synonym!r}?"
    lowered = {str(c).lower(): str(c) for c in choices}
    if value.lower() in lowered and lowered[value.lower()] != value:
        return f"; did you mean {lowered[value.lower()]!r}?"
    close = difflib.get_close_matches(value.lower(), list(lowered), n=1, cutoff=0.6)
    return f"; did you mean {lowered[close[0]]!r}?" if close else ""


def slugify(text: str) -> str:
    """A slug from text in any script: lowercase ASCII letters, digits and single hyphens
    ('Ørsted' -> 'orsted', 'Straße' -> 'strasse', '日本' -> 'ri-ben')."""
    return transliterated_slug(text)


MAX_SLUG = 80
"""The longest file name roledex makes, without '.md': far inside every file system's 255 bytes,
and still readable in a listing. A longer title keeps its whole words in the file."""


def file_slug(text: str, limit: int = MAX_SLUG) -> str:
    """The slug of `text`, shortened to `limit` characters at a hyphen where one is near."""
    slug = slugify(text)
    if len(slug) <= limit:
        return slug
    cut = slug[: limit + 1].rfind("-")
    return slug[: cut if cut >= limit // 2 else limit].rstrip("-")


def is_slug(text: str) -> bool:
    return bool(_SLUG.match(text))


FIRST_DATE = dt.date(1900, 1, 1)
LAST_DATE = dt.date(2200, 12, 31)
"""The dates a job search can hold. Beyond them a date is a typo (9999-12-31), and date
arithmetic near the calendar's end would fail (a follow-up 7 days after 9999-12-30)."""


def date_in_range(day: dt.date) -> bool:
    return FIRST_DATE <= day <= LAST_DATE


def parse_date(value: Any) -> dt.date | None:
    """A date from a YAML date or an ISO text date; None when it is neither."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            return None
    return None


def is_url(value: str) -> bool:
    """True for an absolute http(s) address with a host name."""
    try:
        parts = urlsplit(value.strip())
    except ValueError:
        return False
    host = parts.hostname or ""
    return parts.scheme in ("http", "https") and ("." in host or host == "localhost") and " " not in value.strip()


def normal_url(url: str) -> str:
    """The form every address of one posting shares: https, the host in lower case, no
    trailing slash and no fragment; the path and query keep their case, as servers read them."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return url.strip()
    scheme = "https" if parts.scheme.lower() == "http" else parts.scheme.lower()
    return urlunsplit((scheme, parts.netloc.lower(), parts.path.rstrip("/"), parts.query, ""))


_TIME = re.compile(r"^\s*(\d{1,2}):(\d{2})\s*(?:(Z|UTC|[+-]\d{2}:?\d{2})|\s([A-Za-z_]+(?:/[A-Za-z0-9_+\-]+)*))\s*$")


def parse_time(value: Any) -> tuple[dt.time, dt.tzinfo] | None:
    """A start time with its zone, from '14:30 Europe/London', '14:30+01:00' or '09:00Z';
    None for a time without a zone (a meeting across zones needs one) or an unknown zone."""
    match = _TIME.match(value) if isinstance(value, str) else None
    if not match:
        return None
    hour, minute = int(match.group(1)), int(match.group(2))
    if hour > 23 or minute > 59:
        return None
    offset, name = match.group(3), match.group(4)
    zone: dt.tzinfo
    if offset in ("Z", "UTC"):
        zone = dt.UTC
    elif offset:
        digits = offset[1:].replace(":", "")
        delta = dt.timedelta(hours=int(digits[:2]), minutes=int(digits[2:]))
        if delta >= dt.timedelta(hours=24):
            return None
        zone = dt.timezone(delta if offset[0] == "+" else -delta)
    elif name in available_timezones():
        zone = ZoneInfo(name)
    else:
        return None
    return dt.time(hour, minute), zone


_EMAIL = re.compile(r"^[^@\s<>\"']+@[^@\s<>\"']+\.[A-Za-z]{2,}$")


def is_email(value: str) -> bool:
    return bool(_EMAIL.match(value.strip()))
