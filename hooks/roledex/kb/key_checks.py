"""Checks of one document's front matter against its kind in `schema`.

Each check is a small generator of (key, message, severity); `check_front_matter` turns them
into `Problem`s at the key's line. Every problem is collected, never only the first.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Callable, Iterator
from typing import Any

from roledex.kb.currencies import CURRENCY_CODES, currency_hint
from roledex.kb.problems import ERROR, Problem
from roledex.kb.schema import LARGEST_NUMBER, RESERVED_SLUGS, Field, Kind
from roledex.kb.source import Document
from roledex.kb.text import (
    FIRST_DATE,
    LAST_DATE,
    date_in_range,
    did_you_mean,
    is_email,
    is_slug,
    is_url,
    parse_date,
    parse_time,
    slugify,
)

Finding = tuple[str, str, str]


def _kind_of(value: Any) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return f"the boolean {str(value).lower()}"
    if isinstance(value, (list, dict)):
        return "a list" if isinstance(value, list) else "a mapping"
    if isinstance(value, (dt.date, dt.datetime)):
        return f"the date {value.isoformat()}"
    if isinstance(value, int) and abs(value) > LARGEST_NUMBER:
        return f"a number of {len(str(abs(value)))} digits"
    if isinstance(value, float) and math.isfinite(value) and abs(value) > LARGEST_NUMBER:
        return f"the number {value:.3g}"
    return f"{value!r}"


def _out_of_range(key: str, value: int | float) -> Iterator[Finding]:
    """Numbers the pages cannot show: NaN, infinity, negatives and figures beyond belief."""
    if isinstance(value, float) and math.isnan(value):
        yield key, "expected a number, got .nan (not a number); write the figure, or remove the key", ERROR
    elif isinstance(value, float) and math.isinf(value):
        yield key, f"expected a finite number, got {value!r}; write the figure, or remove the key", ERROR
    elif value < 0:
        yield key, f"must not be negative, got {_kind_of(value)}", ERROR
    elif value > LARGEST_NUMBER:
        yield key, f"is too large ({_kind_of(value)}); expected at most {LARGEST_NUMBER:,}, check for a typo", ERROR


def _expect(key: str, what: str, value: Any, hint: str = "") -> Finding:
    return key, f"expected {what}, got {_kind_of(value)}{hint}", ERROR


def _check_text(key: str, value: Any) -> Iterator[Finding]:
    if value is None:
        yield key, "is empty; give a value or remove it", ERROR
    elif isinstance(value, bool):
        yield _expect(key, "text", value, "; YAML reads yes/no/on/off as booleans, put the text in quotes")
    elif isinstance(value, (list, dict)):
        yield _expect(key, "text", value)
    elif not isinstance(value, str):
        yield _expect(key, "text", value, "; put it in quotes")
    elif not value.strip():
        yield key, "is empty; give a value or remove the key", ERROR


def _check_number_or_text(key: str, value: Any) -> Iterator[Finding]:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        yield from _out_of_range(key, value)
        return
    yield from _check_text(key, value)


def _number_hint(value: Any) -> str:
    if isinstance(value, str) and re.fullmatch(r"[\d.,_ ]+[kK]?", value.strip()):
        digits = re.sub(r"[,_ ]", "", value.strip())
        return f"; write it as a plain number such as {digits} (YAML reads '{value}' as text)"
    return ""


def _check_number(key: str, value: Any) -> Iterator[Finding]:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        yield _expect(key, "a number", value, _number_hint(value))
    else:
        yield from _out_of_range(key, value)


def _check_integer(key: str, value: Any) -> Iterator[Finding]:
    if isinstance(value, bool) or not isinstance(value, int):
        yield _expect(key, "a whole number", value, _number_hint(value))
    else:
        yield from _out_of_range(key, value)


def _check_year(key: str, value: Any) -> Iterator[Finding]:
    this_year = dt.date.today().year
    if isinstance(value, bool) or not isinstance(value, int):
        yield _expect(key, "a year such as 2005", value)
    elif not 1600 <= value <= this_year + 1:
        yield key, f"expected a year between 1600 and {this_year + 1}, got {_kind_of(value)}", ERROR


def _check_bool(key: str, value: Any) -> Iterator[Finding]:
    if not isinstance(value, bool):
        hint = "; write true or false without quotes" if isinstance(value, str) else ""
        yield _expect(key, "true or false", value, hint)


def _check_date(key: str, value: Any) -> Iterator[Finding]:
    day = parse_date(value)
    if day is None:
        yield _expect(key, "a date as YYYY-MM-DD", value)
    elif not date_in_range(day):
        yield key, f"expected a date between {FIRST_DATE} and {LAST_DATE}, got {day}; check for a typo", ERROR


def _check_url(key: str, value: Any) -> Iterator[Finding]:
    if not isinstance(value, str):
        yield _expect(key, "an address such as https://example.com/jobs/1", value)
    elif not is_url(value):
        yield key, f"expected an address starting with https:// or http://, got {value!r}", ERROR


def _check_slug(key: str, value: Any) -> Iterator[Finding]:
    if not isinstance(value, str):
        yield _expect(key, "a slug (lowercase letters, digits and hyphens)", value)
    elif not is_slug(value):
        suggestion = slugify(value)
        hint = f"; did you mean {suggestion!r}?" if suggestion else ""
        yield key, f"expected a slug (lowercase letters, digits and hyphens), got {value!r}{hint}", ERROR
    elif value in RESERVED_SLUGS:
        yield key, f"{value!r} is reserved for the generated index page; choose another slug", ERROR


def _check_choice(key: str, value: Any, choices: tuple[str, ...]) -> Iterator[Finding]:
    if not isinstance(value, str) or value not in choices:
        hint = did_you_mean(value, choices) if isinstance(value, str) else ""
        allowed = ", ".join(choices)
        yield key, f"expected one of {allowed}; got {_kind_of(value)}{hint}", ERROR


def _check_currency(key: str, value: Any) -> Iterator[Finding]:
    if not isinstance(value, str) or value not in CURRENCY_CODES:
        hint = currency_hint(value) if isinstance(value, str) else ""
        yield key, f"expected an ISO 4217 currency code such as USD, EUR or GBP; got {_kind_of(value)}{hint}", ERROR


def _check_text_list(key: str, value: Any) -> Iterator[Finding]:
    if isinstance(value, str):
        yield key, f"expected a list, got {value!r}; write it as [{value}] or as lines starting with '- '", ERROR
        return
    if not isinstance(value, list):
        yield _expect(key, "a list of text", value)
        return
    yield from _each_item(key, value, _check_text)


def _each_item(key: str, items: list[Any], check: Callable[[str, Any], Iterator[Finding]]) -> Iterator[Finding]:
    """Each item's findings, said as 'item N: ...' under the list's key."""
    for index, item in enumerate(items):
        for _, message, severity in check(key, item):
            yield key, f"item {index + 1}: {message}", severity


def _check_number_list(key: str, value: Any) -> Iterator[Finding]:
    if not isinstance(value, list):
        yield _expect(key, "a list of numbers such as [25, 25, 25, 25]", value)
        return
    yield from _each_item(key, value, _check_number)


SCORES = range(1, 6)


def _check_score_map(key: str, value: Any) -> Iterator[Finding]:
    if not isinstance(value, dict):
        yield _expect(key, "a mapping of criteria to scores from 1 to 5, such as {growth: 4, team: 5}", value)
        return
    for name, score in value.items():
        if isinstance(score, bool) or not isinstance(score, int) or score not in SCORES:
            yield f"{key}.{name}", f"expected a score from 1 to 5, got {_kind_of(score)}", ERROR


def _check_time(key: str, value: Any) -> Iterator[Finding]:
    if isinstance(value, int) and not isinstance(value, bool):
        hours, minutes = divmod(value, 60)
        yield (
            key,
            (
                f"expected a time with its time zone, such as '{hours:02d}:{minutes:02d} Europe/London'; YAML read "
                f"{hours}:{minutes:02d} as the number {value}: put the time and its zone in quotes"
            ),
            ERROR,
        )
    elif parse_time(value) is None:
        yield _expect(key, "a time with its time zone, such as '14:30 Europe/London' or '14:30+01:00'", value)


def _check_email(key: str, value: Any) -> Iterator[Finding]:
    if not isinstance(value, str) or not is_email(value):
        yield _expect(key, "an email address such as jo@example.com", value)


def _check_slug_list(key: str, value: Any) -> Iterator[Finding]:
    if isinstance(value, str):
        yield (
            key,
            f"expected a list of slugs, got {value!r}; write it as [{value}] or as lines starting with '- '",
            ERROR,
        )
        return
    if not isinstance(value, list):
        yield _expect(key, "a list of slugs", value)
        return
    yield from _each_item(key, value, _check_slug_item)


def _check_slug_item(key: str, value: Any) -> Iterator[Finding]:
    if value is None:
        yield key, "is empty; give a slug or remove the item", ERROR
    else:
        yield from _check_slug(key, value)


def _check_mapping_list(key: str, value: Any, spec: Field) -> Iterator[Finding]:
    names = ", ".join(f.name for f in spec.fields[:3])
    if isinstance(value, dict):
        yield key, f"expected a list of entries, got one mapping; start each entry with '- ' (keys {names}...)", ERROR
        return
    if not isinstance(value, list):
        yield _expect(key, f"a list of entries, each a mapping of {names}...", value)
        return
    for index, item in enumerate(value, 1):
        if not isinstance(item, dict):
            yield _expect(f"{key}.{index}", f"an entry with keys such as {names}", item)
        else:
            yield from check_keys(item, spec.fields, prefix=f"{key}.{index}.")


def _check_mapping(key: str, value: Any, spec: Field) -> Iterator[Finding]:
    if not isinstance(value, dict):
        yield _expect(key, "a mapping of " + ", ".join(f.name for f in spec.fields), value)
        return
    yield from check_keys(value, spec.fields, prefix=f"{key}.")


_TYPE_CHECKS = {
    "text": _check_text,
    "number_or_text": _check_number_or_text,
    "number": _check_number,
    "integer": _check_integer,
    "year": _check_year,
    "bool": _check_bool,
    "date": _check_date,
    "url": _check_url,
    "slug": _check_slug,
    "currency": _check_currency,
    "text_list": _check_text_list,
    "time": _check_time,
    "email": _check_email,
    "slug_list": _check_slug_list,
    "number_list": _check_number_list,
    "score_map": _check_score_map,
}


def check_value(key: str, value: Any, spec: Field) -> Iterator[Finding]:
    """Type and allowed-value findings for one key."""
    if value is None:
        yield key, "has no value; give one or remove the key", ERROR
    elif spec.type == "choice":
        yield from _check_choice(key, value, spec.choices)
    elif spec.type == "mapping":
        yield from _check_mapping(key, value, spec)
    elif spec.type == "mapping_list":
        yield from _check_mapping_list(key, value, spec)
    else:
        yield from _TYPE_CHECKS[spec.type](key, value)


def check_keys(meta: dict[str, Any], fields: tuple[Field, ...], prefix: str = "") -> Iterator[Finding]:
    """Unknown keys, missing required keys and each value's type."""
    by_name = {f.name: f for f in fields}
    for key, value in meta.items():
        spec = by_name.get(key)
        if spec is None:
            hint = did_you_mean(str(key), by_name) or f"; allowed keys: {', '.join(by_name)}"
            yield prefix + str(key), f"unknown key{hint}", ERROR
        else:
            yield from check_value(prefix + key, value, spec)
    for spec in fields:
        if spec.required and spec.name not in meta:
            yield prefix + spec.name, "is required and missing", ERROR
    required_by: dict[str, str] = {}
    for spec in fields:
        for name in spec.requires:
            if spec.name in meta and name not in meta:
                required_by.setdefault(name, spec.name)
    for name, by in required_by.items():
        yield prefix + name, f"is required when {prefix}{by} is given", ERROR


def check_front_matter(doc: Document, kind: Kind) -> list[Problem]:
    """Every key-level problem of one document, each at its key's line."""
    return [
        Problem(doc.path, doc.line_of(key), key, message, severity)
        for key, message, severity in check_keys(doc.meta, kind.fields)
    ]
