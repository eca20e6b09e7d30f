"""Small traps of YAML caught with the fix in the message: a city and its country in a flow
list read as two places."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import invoke, make_site
from roledex.kb.countries import city_and_country


@pytest.mark.parametrize(
    ("places", "found"),
    [
        (["Stockholm", "Sweden"], ("Stockholm", "Sweden")),
        (["Prague", "Czechia"], ("Prague", "Czechia")),
        (["berlin", "germany"], ("berlin", "germany")),
        (["London", "Stockholm", "Sweden"], ("Stockholm", "Sweden")),
        (["United States", "Canada"], None),  # two countries
        (["Remote", "United States"], None),  # no place before the country
        (["London", "Berlin"], None),
        (["Stockholm, Sweden"], None),  # quoted: one place
        ([], None),
    ],
)
def test_a_place_followed_by_its_country_is_found(places: list[str], found: tuple[str, str] | None) -> None:
    assert city_and_country(places) == found


@pytest.mark.parametrize(
    ("places", "any_language", "found"),
    [
        (["Ha Noi", "Việt Nam"], True, ("Ha Noi", "Việt Nam")),
        (["Bremen", "Deutschland"], True, ("Bremen", "Deutschland")),
        (["深圳", "中国"], True, ("深圳", "中国")),
        # the checker reads the user's own files, in English
        (["Bremen", "Deutschland"], False, None),
        (["Brasil", "Deutschland"], True, None),  # two countries
    ],
)
def test_the_importer_knows_countries_in_the_languages_postings_arrive_in(
    places: list[str], any_language: bool, found: tuple[str, str] | None
) -> None:
    assert city_and_country(places, any_language) == found


def test_the_check_warns_at_the_line_with_the_quoted_form(tmp_path: Path) -> None:
    docs = make_site(tmp_path)
    path = docs / "postings" / "etsy-engineering-manager-ads-ml.md"
    path.write_text(
        path.read_text(encoding="utf-8").replace("locations: [United States]", "locations: [Stockholm, Sweden]"),
        encoding="utf-8",
    )
    result = invoke("check", cwd=tmp_path)
    assert result.returncode == 0
    assert result.stdout == (
        "docs/postings/etsy-engineering-manager-ads-ml.md:9: locations: warning: 'Stockholm' and 'Sweden' read as "
        'two places; if they are one, quote it: ["Stockholm, Sweden"]\n'
    )


@pytest.mark.parametrize("quote", ['"', "'"])
def test_a_quote_left_open_is_named_on_its_own_line_not_where_the_damage_shows(tmp_path: Path, quote: str) -> None:
    docs = make_site(tmp_path)
    path = docs / "postings" / "etsy-engineering-manager-ads-ml.md"
    text = path.read_text(encoding="utf-8")
    text = text.replace('title: "Engineering Manager, Ads ML"', f"title: {quote}Engineering Manager, Ads ML")
    text = text.replace("team: Ads Marketplace, Etsy Ads engineering", f"team: {quote}Ads Marketplace{quote}")
    path.write_text(text, encoding="utf-8")
    result = invoke("check", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stdout.startswith(
        "docs/postings/etsy-engineering-manager-ads-ml.md:3: front-matter: the quote on this line is not closed on it,"
    ), result.stdout
