"""ISO 4217 currency codes (from pycountry) and the hints that turn a symbol into a code."""

from __future__ import annotations

from functools import lru_cache

import pycountry
from babel.numbers import get_currency_symbol

CURRENCY_CODES: frozenset[str] = frozenset(c.alpha_3 for c in pycountry.currencies)
WRITTEN_SYMBOLS: dict[str, str] = {
    "US$": "USD",
    "$": "USD",
    "CA$": "CAD",
    "C$": "CAD",
    "A$": "AUD",
    "AU$": "AUD",
    "S$": "SGD",
    "NZ$": "NZD",
    "HK$": "HKD",
    "R$": "BRL",
    "MX$": "MXN",
    "€": "EUR",
    "円": "JPY",
    "£": "GBP",
    "¥": "JPY",
    "₹": "INR",
    "RS": "INR",
    "RS.": "INR",
    "ZŁ": "PLN",
    "₩": "KRW",
    "₪": "ILS",
    "CHF": "CHF",
    "KR": "SEK",
    "RMB": "CNY",
    "NT$": "TWD",
    "台幣": "TWD",
    "臺幣": "TWD",
    "新台幣": "TWD",
    "新臺幣": "TWD",
    "₽": "RUB",
    "РУБ": "RUB",
    "РУБ.": "RUB",
    "Р.": "RUB",
    "₫": "VND",
    "VNĐ": "VND",
    "ĐỒNG": "VND",
    "REAIS": "BRL",
    "EURO": "EUR",
    "EUROS": "EUR",
    "RUPEE": "INR",
    "RUPEES": "INR",
    "YUAN": "CNY",
    "РУБЛЕЙ": "RUB",
    "РУБЛЯ": "RUB",
    "ZŁOTYCH": "PLN",
    "ZLOTYCH": "PLN",
    "BAHT": "THB",
    "원": "KRW",
}
"""Symbols and names as postings write them (upper-cased), before the symbols the locale data
knows; a name several currencies share ('dollars', 'pesos', 'francs') is left to the place."""


@lru_cache(maxsize=1)
def _codes_by_symbol() -> dict[str, str]:
    """'$' -> 'USD', '€' -> 'EUR', ... as English readers write them."""
    symbols: dict[str, str] = {}
    for code in sorted(CURRENCY_CODES):
        symbol = get_currency_symbol(code, locale="en")
        if symbol != code:
            symbols.setdefault(symbol, code)
    return symbols


def code_for_symbol(symbol: str) -> str | None:
    """The ISO code an English reader means by `symbol`, such as 'USD' for '$'."""
    symbol = symbol.strip()
    if symbol.upper() in CURRENCY_CODES:
        return symbol.upper()
    return WRITTEN_SYMBOLS.get(symbol.upper()) or _codes_by_symbol().get(symbol)


def currency_hint(value: str) -> str:
    """ "; did you mean 'USD'?" for a symbol or a lower-case code, else ''."""
    code = code_for_symbol(value)
    return f"; did you mean {code!r}?" if code and code != value else ""
