"""The currency of a posting's places, and what counts as a place: each rule at its edges."""

from __future__ import annotations

import pytest
from conftest import plain_id
from roledex.importer.place_currency import currency_for_places, is_known_place, names_a_place


@pytest.mark.parametrize(
    ("places", "currency"),
    [
        (["Berlin"], "EUR"),
        (["BERLIN"], "EUR"),  # whatever its case
        (["Paris, France", "Lyon"], "EUR"),  # several places of one currency
        (["Berlin", "London"], None),  # two currencies: none is said
        (["Remote"], None),
        ([], None),
        (["Remote", "US"], "USD"),  # 'US' as a word of its own
        (["Remote US"], "USD"),
        (["Lagos, Nigeria"], "NGN"),  # a country named as a part of a place, though the city is not in the table
        (["Cape Town, South Africa"], "ZAR"),  # a country of two words
        (["Taipei, Taiwan"], "TWD"),  # the city and the country agree
        (["Toronto, Germany"], None),  # and where they do not, nothing is said
        (["Kraków"], "PLN"),
    ],
    ids=plain_id,
)
def test_the_currency_of_the_places(places: list[str], currency: str | None) -> None:
    assert currency_for_places(places) == currency


@pytest.mark.parametrize(
    ("text", "known"),
    [
        ("Amsterdam", True),
        ("  amsterdam ", True),
        ("US", True),  # a table's word that is written with the space before it
        ("UK", True),
        ("Germany", True),  # a country, by babel's names
        ("Nigeria", True),
        ("Springfield", False),
        ("Remote", False),
        ("Amsterdam Noord", False),  # the whole text is the place, not a part of it
        ("", False),
    ],
    ids=plain_id,
)
def test_a_known_place(text: str, known: bool) -> None:
    assert is_known_place(text) is known


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Amsterdam, Netherlands", True),
        (" Berlin ,  Germany ", True),
        ("Berlin, Mitte, Germany", True),  # the first and the last part known
        ("Amsterdam", False),  # a single part
        ("Springfield, Germany", False),
        ("Berlin, Springfield", False),
        ("Berlin,", False),
        (", Germany", False),
    ],
    ids=plain_id,
)
def test_a_text_that_names_a_place(text: str, names: bool) -> None:
    assert names_a_place(text) is names
