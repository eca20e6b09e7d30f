"""Country names as people write them ("Sweden", "United States", "Czechia"), from ISO 3166."""

from __future__ import annotations

import functools

import pycountry

NOT_PLACES = frozenset({"remote", "anywhere", "hybrid", "onsite", "worldwide", "global"})
"""Words a locations list holds that are no place: a country after one is no city's country."""


@functools.cache
def _names() -> frozenset[str]:
    names = set()
    for country in pycountry.countries:
        for attribute in ("name", "common_name", "official_name"):
            value = getattr(country, attribute, None)
            if value:
                names.add(value.casefold())
    return frozenset(names)


def is_country(text: str) -> bool:
    """True when `text` is a country's name, in any case."""
    return text.strip().casefold() in _names()


def city_and_country(places: list[str]) -> tuple[str, str] | None:
    """The first place followed by a country that is not itself a country or a word such as
    'Remote': `[Stockholm, Sweden]` read by YAML as two places that are one."""
    for place, after in zip(places, places[1:], strict=False):
        if is_country(after) and not is_country(place) and place.strip().casefold() not in NOT_PLACES:
            return place, after
    return None


@functools.cache
def _codes() -> dict[str, str]:
    codes = {}
    for country in pycountry.countries:
        for attribute in ("name", "common_name", "official_name"):
            value = getattr(country, attribute, None)
            if value:
                codes[value.casefold()] = country.alpha_2
    return codes


def country_code(text: str) -> str | None:
    """The ISO 3166 code of a country named by `text`, in any case, or None."""
    return _codes().get(text.strip().casefold())


@functools.cache
def currency_of_country(text: str) -> str | None:
    """The currency a country named by `text` pays in today (babel's territory data), or None."""
    code = country_code(text)
    if code is None:
        return None
    from babel.numbers import get_territory_currencies

    current = get_territory_currencies(code, tender=True, non_tender=False)
    return current[0] if current else None
