"""Country names as people write them ("Sweden", "United States", "Czechia"), from ISO 3166."""

from __future__ import annotations

import functools
import re

import pycountry

NOT_PLACES = frozenset({"remote", "anywhere", "hybrid", "onsite", "worldwide", "global"})
"""Words a locations list holds that are no place: a country after one is no city's country."""


LOCAL_NAMES = ("de", "fr", "es", "pt", "it", "nl", "pl", "sv", "ru", "tr", "vi", "zh", "zh_Hant", "ja", "ko")
"""Languages whose names for countries the importer knows too: 'Deutschland', 'Brasil', '台灣'."""


def is_country(text: str, any_language: bool = False) -> bool:
    """True when `text` is a country's name, in any case (in English, or in any of `LOCAL_NAMES`)."""
    return country_code(text, any_language) is not None


def city_and_country(places: list[str], any_language: bool = False) -> tuple[str, str] | None:
    """The first place followed by a country that is not itself a country or a word such as
    'Remote': `[Stockholm, Sweden]` read by YAML as two places that are one."""
    for place, after in zip(places, places[1:], strict=False):
        if (
            is_country(after, any_language)
            and not is_country(place, any_language)
            and place.strip().casefold() not in NOT_PLACES
        ):
            return place, after
    return None


@functools.cache
def _english_codes() -> dict[str, str]:
    codes = {}
    for country in pycountry.countries:
        for attribute in ("name", "common_name", "official_name"):
            value = getattr(country, attribute, None)
            if value:
                codes[value.casefold()] = country.alpha_2
    return codes


@functools.cache
def _local_codes() -> dict[str, str]:
    """CLDR's names of countries in `LOCAL_NAMES` (through babel): loaded on first use only, as
    reading the locales costs a quarter of a second."""
    from babel import Locale

    known = set(_english_codes().values())
    codes: dict[str, str] = {}
    for locale in LOCAL_NAMES:
        for code, name in Locale.parse(locale).territories.items():
            if code in known:
                codes.setdefault(name.casefold(), code)
    return codes


@functools.cache
def _region_names() -> frozenset[str]:
    """The names of countries' states, provinces and regions (ISO 3166-2): loaded on first use."""
    return frozenset(region.name.casefold() for region in pycountry.subdivisions)


def is_region_code(text: str) -> bool:
    """True when `text` is written as a region's code: two or three capitals ('CA', 'NSW')."""
    return bool(re.fullmatch(r"[A-Z]{2,3}", text.strip()))


def is_region(text: str) -> bool:
    """True when `text` names a state, province or region of a country ('California', 'England',
    'Bayern'), or is written as one's code: the part of an address after its city."""
    return is_region_code(text) or text.strip().casefold() in _region_names()


def country_code(text: str, any_language: bool = False) -> str | None:
    """The ISO 3166 code of a country named by `text`, in any case, or None."""
    name = text.strip().casefold()
    code = _english_codes().get(name)
    if code is None and any_language:
        code = _local_codes().get(name)
    return code


@functools.cache
def currency_of_country(text: str) -> str | None:
    """The currency a country named by `text` pays in today (babel's territory data), or None."""
    code = country_code(text, any_language=True)
    if code is None:
        return None
    from babel.numbers import get_territory_currencies

    current = get_territory_currencies(code, tender=True, non_tender=False)
    return current[0] if current else None
