"""The currency a posting's places pay in: a country named in a place (babel's territory data),
or a city this table knows, when every place shares one. The importer fills a figure's missing
currency from it, and knows a place from a city it names."""

from __future__ import annotations

from roledex.kb.countries import currency_of_country

_CURRENCY_BY_PLACE = (
    (
        "USD",
        (
            "united states",
            "usa",
            "u.s.",
            " us",
            "new york",
            "san francisco",
            "seattle",
            "austin",
            "boston",
            "chicago",
            "los angeles",
            "brooklyn",
            "denver",
            "atlanta",
            "remote (us",
        ),
    ),
    ("GBP", ("united kingdom", " uk", "london", "england", "scotland", "manchester", "edinburgh")),
    (
        "EUR",
        (
            "germany",
            "berlin",
            "munich",
            "hamburg",
            "frankfurt",
            "cologne",
            "stuttgart",
            "rotterdam",
            "utrecht",
            "lyon",
            "toulouse",
            "brussels",
            "antwerp",
            "porto",
            "valencia",
            "rome",
            "turin",
            "athens",
            "tallinn",
            "riga",
            "vilnius",
            "bratislava",
            "ljubljana",
            "france",
            "paris",
            "netherlands",
            "amsterdam",
            "spain",
            "madrid",
            "barcelona",
            "ireland",
            "dublin",
            "italy",
            "milan",
            "portugal",
            "lisbon",
            "austria",
            "vienna",
            "belgium",
            "finland",
            "helsinki",
        ),
    ),
    ("INR", ("india", "bangalore", "bengaluru", "mumbai", "delhi", "hyderabad", "pune", "chennai")),
    ("CAD", ("canada", "toronto", "vancouver", "montreal")),
    ("AUD", ("australia", "sydney", "melbourne")),
    ("CHF", ("switzerland", "zurich", "zürich", "geneva")),
    ("SGD", ("singapore",)),
    ("TWD", ("taipei", "taiwan", "hsinchu", "台北", "臺北", "新竹", "台灣", "臺灣")),
    ("JPY", ("tokyo", "osaka", "japan", "東京", "大阪", "日本")),
    ("HKD", ("hong kong", "香港")),
    ("KRW", ("seoul", "서울")),
    (
        "CNY",
        (
            "shanghai",
            "beijing",
            "shenzhen",
            "hangzhou",
            "guangzhou",
            "chengdu",
            "nanjing",
            "wuhan",
            "suzhou",
            "xiamen",
            "上海",
            "北京",
            "深圳",
            "杭州",
            "广州",
            "成都",
            "南京",
            "武汉",
            "苏州",
            "厦门",
        ),
    ),
    ("PLN", ("warsaw", "kraków", "krakow", "wrocław", "wroclaw", "poland")),
    ("SEK", ("stockholm", "gothenburg", "sweden")),
    ("NOK", ("oslo", "norway")),
    ("DKK", ("copenhagen", "denmark")),
    (
        "BRL",
        (
            "são paulo",
            "sao paulo",
            "rio de janeiro",
            "brazil",
            "belo horizonte",
            "curitiba",
            "porto alegre",
            "florianópolis",
            "recife",
            "salvador",
            "brasília",
            "brasilia",
        ),
    ),
    ("MXN", ("mexico city", "guadalajara", "monterrey")),
    (
        "VND",
        (
            "hanoi",
            "ha noi",
            "hà nội",
            "ho chi minh city",
            "ho chi minh",
            "hcm",
            "hcmc",
            "saigon",
            "danang",
            "da nang",
            "da lat",
            "dalat",
            "nha trang",
            "hai phong",
            "can tho",
        ),
    ),
)


def currency_for_places(places: list[str]) -> str | None:
    """The currency of the places a posting names, when they all share one."""
    text = " " + " ".join(places).lower()
    found = {code for code, words in _CURRENCY_BY_PLACE if any(w in text for w in words)}
    for place in places:  # a country named as a part of a place: 'Taipei, Taiwan', 'Lagos, Nigeria'
        for part in place.split(","):
            currency = currency_of_country(part)
            if currency is not None:
                found.add(currency)
    return found.pop() if len(found) == 1 else None


def is_known_place(text: str) -> bool:
    """True for a country, or a city of the table above ('Amsterdam', 'Taipei')."""
    name = text.strip().lower()
    return currency_of_country(text) is not None or any(
        name == word.strip() for _, names in _CURRENCY_BY_PLACE for word in names
    )


def names_a_place(text: str) -> bool:
    """True for 'City, Country' and the like: several parts, the first and the last known places."""
    parts = [part.strip() for part in text.split(",")]
    return len(parts) > 1 and is_known_place(parts[0]) and is_known_place(parts[-1])
