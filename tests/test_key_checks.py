"""The checker's value rules, one table per type: what passes, and the exact line said about
what does not (the key, roledex's message and its hint)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from roledex.kb.key_checks import check_keys, check_value
from roledex.kb.schema import LARGEST_NUMBER, Field

NEXT_YEAR = dt.date.today().year + 1
SLUG = "expected a slug (lowercase letters, digits and hyphens), got "
TIME = "expected a time with its time zone, such as '14:30 Europe/London' or '14:30+01:00', got "


def _plain(digits: str, text: str) -> str:
    return f"; write it as a plain number such as {digits} (YAML reads '{text}' as text)"


def _messages(type_: str, value: Any, **spec: Any) -> list[str]:
    findings = list(check_value("k", value, Field("k", type_, "", **spec)))
    assert all(key == "k" and severity == "error" for key, _, severity in findings), findings
    return [message for _, message, _ in findings]


@pytest.mark.parametrize(
    ("type_", "value", "messages"),
    [
        ("text", "Acme", []),
        ("text", None, ["has no value; give one or remove the key"]),
        ("text", "  ", ["is empty; give a value or remove the key"]),
        (
            "text",
            True,
            ["expected text, got the boolean true; YAML reads yes/no/on/off as booleans, put the text in quotes"],
        ),
        (
            "text",
            False,
            ["expected text, got the boolean false; YAML reads yes/no/on/off as booleans, put the text in quotes"],
        ),
        ("text", ["a"], ["expected text, got a list"]),
        ("text", {"a": 1}, ["expected text, got a mapping"]),
        ("text", 12, ["expected text, got 12; put it in quotes"]),
        ("text", dt.date(2026, 1, 2), ["expected text, got the date 2026-01-02; put it in quotes"]),
        ("number_or_text", 12, []),
        ("number_or_text", "about 12", []),
        ("number_or_text", -1, ["must not be negative, got -1"]),
        (
            "number_or_text",
            True,
            ["expected text, got the boolean true; YAML reads yes/no/on/off as booleans, put the text in quotes"],
        ),
        ("number_or_text", "", ["is empty; give a value or remove the key"]),
        ("number", 0, []),
        ("number", 1.5, []),
        ("number", LARGEST_NUMBER, []),
        ("number", float(LARGEST_NUMBER), []),
        (
            "number",
            LARGEST_NUMBER + 1,
            [f"is too large (a number of 13 digits); expected at most {LARGEST_NUMBER:,}, check for a typo"],
        ),
        (
            "number",
            float(LARGEST_NUMBER) * 10,
            [f"is too large (the number 1e+13); expected at most {LARGEST_NUMBER:,}, check for a typo"],
        ),
        ("number", -0.5, ["must not be negative, got -0.5"]),
        ("number", float("nan"), ["expected a number, got .nan (not a number); write the figure, or remove the key"]),
        ("number", float("inf"), ["expected a finite number, got inf; write the figure, or remove the key"]),
        ("number", True, ["expected a number, got the boolean true"]),
        (
            "number",
            "120k",
            ["expected a number, got '120k'" + _plain("120k", "120k")],
        ),
        (
            "number",
            "120K",
            ["expected a number, got '120K'" + _plain("120K", "120K")],
        ),
        (
            "number",
            " 1 000 ",
            ["expected a number, got ' 1 000 '" + _plain("1000", " 1 000 ")],
        ),
        (
            "number",
            "120,000",
            ["expected a number, got '120,000'" + _plain("120000", "120,000")],
        ),
        ("number", "lots", ["expected a number, got 'lots'"]),
        ("number", ["1"], ["expected a number, got a list"]),
        ("integer", 3, []),
        ("integer", 3.5, ["expected a whole number, got 3.5"]),
        (
            "integer",
            "1_000",
            ["expected a whole number, got '1_000'" + _plain("1000", "1_000")],
        ),
        ("integer", False, ["expected a whole number, got the boolean false"]),
        ("integer", -3, ["must not be negative, got -3"]),
        ("year", 1600, []),
        ("year", NEXT_YEAR, []),
        ("year", 1599, [f"expected a year between 1600 and {NEXT_YEAR}, got 1599"]),
        ("year", NEXT_YEAR + 1, [f"expected a year between 1600 and {NEXT_YEAR}, got {NEXT_YEAR + 1}"]),
        ("year", "2005", ["expected a year such as 2005, got '2005'"]),
        ("year", True, ["expected a year such as 2005, got the boolean true"]),
        ("bool", True, []),
        ("bool", False, []),
        ("bool", "true", ["expected true or false, got 'true'; write true or false without quotes"]),
        ("bool", 1, ["expected true or false, got 1"]),
        ("date", dt.date(2026, 2, 28), []),
        ("date", dt.datetime(2026, 2, 28, 9, 30), []),
        ("date", "2026-02-28", []),
        ("date", "2026-02-30", ["expected a date as YYYY-MM-DD, got '2026-02-30'"]),
        ("date", 20260228, ["expected a date as YYYY-MM-DD, got 20260228"]),
        ("url", "https://acme.example/jobs/1", []),
        ("url", "http://localhost:8000/x", []),
        (
            "url",
            "ftp://acme.example/x",
            ["expected an address starting with https:// or http://, got 'ftp://acme.example/x'"],
        ),
        (
            "url",
            "https://intranet/x",
            ["expected an address starting with https:// or http://, got 'https://intranet/x'"],
        ),
        ("url", 3, ["expected an address such as https://example.com/jobs/1, got 3"]),
        ("slug", "data-engineer", []),
        (
            "slug",
            "Data Engineer",
            [SLUG + "'Data Engineer'; did you mean 'data-engineer'?"],
        ),
        ("slug", "***", [SLUG + "'***'"]),
        ("slug", "index", ["'index' is reserved for the generated index page; choose another slug"]),
        ("slug", ["x"], [SLUG + "a list"]),
        ("currency", "EUR", []),
        ("currency", 3, ["expected an ISO 4217 currency code such as USD, EUR or GBP; got 3"]),
        ("text_list", ["a", "b"], []),
        ("text_list", [], []),
        ("text_list", "a, b", ["expected a list, got 'a, b'; write it as [a, b] or as lines starting with '- '"]),
        ("text_list", {"a": 1}, ["expected a list of text, got a mapping"]),
        (
            "text_list",
            ["a", None, 3],
            ["item 2: is empty; give a value or remove it", "item 3: expected text, got 3; put it in quotes"],
        ),
        ("time", "14:30 Europe/London", []),
        ("time", "09:00+05:30", []),
        ("time", "23:59Z", []),
        ("time", "0:00 UTC", []),
        (
            "time",
            870,
            [
                "expected a time with its time zone, such as '14:30 Europe/London'; YAML read 14:30 as the number "
                "870: put the time and its zone in quotes"
            ],
        ),
        ("time", "14:30", [TIME + "'14:30'"]),
        ("time", "24:00 UTC", [TIME + "'24:00 UTC'"]),
        ("time", "12:60 UTC", [TIME + "'12:60 UTC'"]),
        ("time", "10:00 Europe", [TIME + "'10:00 Europe'"]),
        ("time", "10:00+24:00", [TIME + "'10:00+24:00'"]),
        ("time", True, [TIME + "the boolean true"]),
        ("email", "jo@example.com", []),
        ("email", "jo at example", ["expected an email address such as jo@example.com, got 'jo at example'"]),
        ("email", "jo@example", ["expected an email address such as jo@example.com, got 'jo@example'"]),
        ("email", 5, ["expected an email address such as jo@example.com, got 5"]),
        ("slug_list", ["jo-doe", "sam"], []),
        (
            "slug_list",
            "jo-doe",
            ["expected a list of slugs, got 'jo-doe'; write it as [jo-doe] or as lines starting with '- '"],
        ),
        ("slug_list", 3, ["expected a list of slugs, got 3"]),
        (
            "slug_list",
            ["Jo Doe", None],
            [f"item 1: {SLUG}'Jo Doe'; did you mean 'jo-doe'?", "item 2: is empty; give a slug or remove the item"],
        ),
    ],
)
def test_each_type_passes_or_says_what_it_expected(type_: str, value: Any, messages: list[str]) -> None:
    assert _messages(type_, value) == messages


@pytest.mark.parametrize(
    ("value", "messages"),
    [
        ("saved", []),
        ("Saved", ["expected one of saved, applied, offer; got 'Saved'; did you mean 'saved'?"]),
        ("aplied", ["expected one of saved, applied, offer; got 'aplied'; did you mean 'applied'?"]),
        ("zzz", ["expected one of saved, applied, offer; got 'zzz'"]),
        (3, ["expected one of saved, applied, offer; got 3"]),
    ],
)
def test_a_choice_names_the_allowed_values_and_the_closest(value: Any, messages: list[str]) -> None:
    assert _messages("choice", value, choices=("saved", "applied", "offer")) == messages


def test_a_mapping_checks_its_keys_under_the_parent_key() -> None:
    spec = Field(
        "salary", "mapping", "", fields=(Field("min", "number", ""), Field("currency", "currency", "", requires=()))
    )
    assert list(check_value("salary", {"min": "x", "curency": "EUR"}, spec)) == [
        ("salary.min", "expected a number, got 'x'", "error"),
        ("salary.curency", "unknown key; did you mean 'currency'?", "error"),
    ]
    assert list(check_value("salary", 5, spec)) == [("salary", "expected a mapping of min, currency, got 5", "error")]


def test_keys_unknown_missing_and_required_together() -> None:
    fields = (
        Field("title", "text", "", required=True),
        Field("min", "number", "", requires=("currency",)),
        Field("max", "number", "", requires=("currency",)),
        Field("currency", "currency", ""),
    )
    assert list(check_keys({"min": 1, "max": 2, "zzzzzz": 1}, fields)) == [
        ("zzzzzz", "unknown key; allowed keys: title, min, max, currency", "error"),
        ("title", "is required and missing", "error"),
        ("currency", "is required when min is given", "error"),
    ]
    assert list(check_keys({"title": "T", "currency": "EUR"}, fields)) == []


def test_a_list_of_entries_checks_each_entry_under_its_number() -> None:
    spec = Field(
        "events", "mapping_list", "", fields=(Field("date", "date", "", required=True), Field("note", "text", ""))
    )
    assert list(check_value("events", [{"date": "2026-11-01"}, {"note": 3}, "x"], spec)) == [
        ("events.2.note", "expected text, got 3; put it in quotes", "error"),
        ("events.2.date", "is required and missing", "error"),
        ("events.3", "expected an entry with keys such as date, note, got 'x'", "error"),
    ]
    assert list(check_value("events", {"date": "2026-11-01"}, spec)) == [
        (
            "events",
            "expected a list of entries, got one mapping; start each entry with '- ' (keys date, note...)",
            "error",
        )
    ]
    assert list(check_value("events", "x", spec)) == [
        ("events", "expected a list of entries, each a mapping of date, note..., got 'x'", "error")
    ]
