"""The small text helpers every layer shares: slugs, addresses, dates, did-you-mean."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from roledex.kb.text import did_you_mean, is_slug, is_url, normal_url, parse_date, slugify


@pytest.mark.parametrize(
    ("value", "choices", "hint"),
    [
        ("REMOTE", ("remote", "hybrid"), "; did you mean 'remote'?"),
        ("hybird", ("remote", "hybrid"), "; did you mean 'hybrid'?"),
        ("aplied", ("applied", "offer"), "; did you mean 'applied'?"),
        ("xyz", ("remote", "hybrid"), ""),
    ],
)
def test_did_you_mean_names_one_choice_or_none(value: str, choices: tuple[str, ...], hint: str) -> None:
    assert did_you_mean(value, choices) == hint


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        ("Data Engineer", "data-engineer"),
        ("  --Staff  ML / AI--  ", "staff-ml-ai"),
        ("Café Zoë", "cafe-zoe"),
        ("日本", "ri-ben"),
        ("Ørsted", "orsted"),
        ("Straße", "strasse"),
        ("Łódź", "lodz"),
        ("AT&T", "at-t"),
        ("Senior Engineer — Payments", "senior-engineer-payments"),
        ("!!!", ""),
    ],
)
def test_slugify(text: str, slug: str) -> None:
    assert slugify(text) == slug
    assert not slug or is_slug(slug)


@pytest.mark.parametrize(
    ("value", "url"),
    [
        ("https://acme.example", True),
        (" https://acme.example/x ", True),
        ("https://acme.example/a b", False),
        ("https://[broken", False),
        ("mailto:jo@acme.example", False),
    ],
)
def test_is_url(value: str, url: bool) -> None:
    assert is_url(value) is url


@pytest.mark.parametrize(
    ("value", "date"),
    [
        (" 2026-03-01 ", dt.date(2026, 3, 1)),
        (dt.datetime(2026, 3, 1, 23, 59), dt.date(2026, 3, 1)),
        ("March 1", None),
        (None, None),
    ],
)
def test_parse_date(value: Any, date: dt.date | None) -> None:
    assert parse_date(value) == date


@pytest.mark.parametrize(
    ("url", "normal"),
    [
        ("http://Jobs.Acme.example/Careers/42/", "https://jobs.acme.example/Careers/42"),
        ("  https://acme.example/jobs?id=A7#apply ", "https://acme.example/jobs?id=A7"),
        ("HTTPS://ACME.example", "https://acme.example"),
        ("ftp://acme.example/x/", "ftp://acme.example/x"),
        ("https://[broken", "https://[broken"),
    ],
)
def test_normal_url_is_one_form_for_every_address_of_a_posting(url: str, normal: str) -> None:
    assert normal_url(url) == normal
