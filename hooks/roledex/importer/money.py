"""Finding the base salary in a posting's text.

Postings state pay in many shapes: `$153,000.00 - $199,000.00`, `150k-200k`, `€80.000`,
`15$ - 25$ per hour`, `2.5 LPA`, `USD 50,000 - USD 80,000`, `up to £60,000`, and often
several figures of which one is the base salary. Every figure is read with its context; the
base range wins over bonus, on-target earnings, stipends and benefits, and each choice that
could be doubted is explained in a warning. A figure equal to the sum of a stated range is a
job board's headline, never a salary.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from roledex.importer.notes import Note
from roledex.kb.currencies import code_for_symbol
from roledex.kb.model import is_sum_of_range
from roledex.kb.schema import showable_figure

_SYMBOL_PATTERN = (
    r"US\$|CA\$|AU\$|NZ\$|HK\$|MX\$|NT\$|[CASR]\$|\$|€|£|¥|₹|₩|₪|₽|₫|Rs\.?|zł|円|元|圓|원|新?[台臺]幣|руб\.?|р\.|"
    r"VNĐ|(?i:reais|euros?|rupees?|yuan|рубл(?:ей|я)|z[łl]otych|baht|đồng)|[A-Z]{3}|usd|eur|gbp|rmb|cny|twd|vnd|brl|inr|"
    r"cad|aud|jpy"
)
"""A currency as written beside a figure; 元 and 圓 are yuan or Taiwan dollars, so the place decides.
Codes in lower case are listed one by one: any three letters would read 'all' or 'try' as money."""
_NUMBER = (
    r"\d{1,2}(?:,\d{2})+,\d{3}(?:\.\d{1,2})?(?!\d)"  # Indian grouping: 25,00,000
    r"|\d{1,3}(?:[,.'\u00a0\u202f ]\d{3})+(?:[.,]\d{1,2})?(?!\d)|\d+(?:[.,]\d+)?"
)
INDIAN_UNITS = {
    "lakh": 1e5,
    "lakhs": 1e5,
    "lac": 1e5,
    "lacs": 1e5,
    "lpa": 1e5,
    "l": 1e5,
    "cr": 1e7,
    "crore": 1e7,
    "crores": 1e7,
}
"""Lakh and crore, as written (lower case), by what each is worth: a figure in them is in rupees
("LPA" is lakhs per annum)."""
CJK_UNITS = {"萬": 1e4, "万": 1e4, "千": 1e3}
"""Ten-thousands and thousands as Chinese and Japanese write pay ('月薪 5萬' is 50,000 a month)."""
KOREAN_UNITS = {"만": 1e4, "백만": 1e6, "천만": 1e7, "억": 1e8}
"""Ten-thousands, millions, ten-millions and hundred-millions as Korean writes pay: '연봉 5,000만원'
and '5천만원' are 50 million won."""
_MULTIPLIERS = {
    "k": 1e3,
    "m": 1e6,
    "mn": 1e6,
    "mio": 1e6,
    "mil": 1e3,
    "т.": 1e3,
    "тыс.": 1e3,
    "triệu": 1e6,
    **INDIAN_UNITS,
    **CJK_UNITS,
    **KOREAN_UNITS,
}
"""Every multiplier a figure may carry, as written (lower case), by what it is worth ('R$ 8 mil'
is eight thousand reais, 'от 70 т.р.' seventy thousand roubles, '20 triệu' twenty million dong)."""
_UNIT_CURRENCY = {"triệu": "VND", **dict.fromkeys(INDIAN_UNITS, "INR"), **dict.fromkeys(KOREAN_UNITS, "KRW")}
"""Multipliers only one currency's postings write."""
_WRITTEN_CASES = {
    "k": ("k", "K"),
    "m": ("m", "M"),
    "mil": ("mil", "Mil"),
    "triệu": ("triệu", "Triệu", "TRIỆU"),
    "l": ("L",),
    "cr": ("Cr",),
    "lpa": ("LPA", "lpa"),
}
"""How a multiplier may be written where only some cases are one ("5 l" is no lakh); any other
is written in lower case."""
_MULTIPLIER = "|".join(
    re.escape(written)
    for name in sorted(_MULTIPLIERS, key=len, reverse=True)
    for written in _WRITTEN_CASES.get(name, (name,))
)
AMOUNT = re.compile(
    rf"(?P<pre>(?:{_SYMBOL_PATTERN})\s?)?(?P<num>{_NUMBER})"
    rf"(?:\s?(?P<mult>{_MULTIPLIER})(?=[A-Z]{{3}}(?![A-Za-zÀ-ÿ])|(?![A-Za-zÀ-ÿ])))?"  # not 'mês'; '145kUSD'
    rf"(?P<post>\s?(?:{_SYMBOL_PATTERN})(?![A-Za-z]))?"
)
_RANGE_JOIN = re.compile(
    r"^\s*(?:\([^()\n]{1,30}\)\s*)?(?:-|–|—|~|〜|～|至|to|and|bis|à|a|et|und|y|e|au|en|tot|i|do|до)\s*$", re.I
)
"""What stands between the two ends of a range, an annotation of the first end allowed:
'£50,000 (junior) to £70,000 (senior)', 'entre 500 et 650 €'."""

_PERIOD_WORDS = (
    (
        "hour",
        r"(?<![A-Za-z])(?:per|an|a|/|each)\s*(?:hour|hr|h)\b|hourly|(?<![A-Za-z])p/?h\b|"
        r"pro stunde|par heure|por hora|stundenlohn|per uur|za godzin[eę]|all'ora|i timmen|시급",
    ),
    (
        "day",
        r"(?<![A-Za-z])(?:per|a|/)\s*day\b|daily|day rate|(?<![A-Za-z])/\s?d\b|pro tag|par jour|por d[ií]a|"
        r"\bTJM\b|taux journalier|tarif journalier|tagessatz|per dag|dziennie|al giorno",
    ),
    ("week", r"(?<![A-Za-z])(?:per|a|/)\s*(?:week|wk)\b|weekly|pro woche|par semaine"),
    (
        "month",
        r"(?<![A-Za-z])(?:per|a|/)\s*(?:month|mo|mth)\b|monthly|\bpcm\b|(?<![A-Za-z])p\.?m\.?(?![a-z])|"
        r"pro monat|monatlich|brutto/monat|par mois|mensuel|al mes|mensual|/\s?mo?\b|per maand|"
        r"miesi[eę]cznie|/\s?mies|al mese|mensil[ei]|(?:ao|por) m[eê]s|mensais|per m[aå]nad|/\s?m[aå]n\b|"
        r"月薪|每月|/\s?月|月給|\bm[eê]s\b|в месяц|/\s?мес|월급|월\s?급여",
    ),
    (
        "year",
        r"(?<![A-Za-z])(?:per|a|/|each)\s*(?:year|yr|annum)\b|annual(?:ly)?|yearly|"
        r"(?<![A-Za-z])p\.?\s?a\.?(?![a-z])|/\s?y(?:ea)?r?\b|\bLPA\b|\blpa\b|\bCTC\b|pro jahr|j[aä]hrlich|"
        r"brutto/jahr|par an\b|annuel|al a[ñn]o|anual|per jaar|jaarlijks|rocznie|annu[oi]|all'anno|"
        r"(?:ao|por) ano|per [aå]r\b|[aå]rlig|年薪|每年|/\s?年|年収|年俸|в год|연봉",
    ),
)
_KINDS = (
    ("headline", r"💰"),
    ("ote", r"\bOTE\b|on[- ]target|total (?:target )?(?:cash|comp)|total compensation|\bTC\b|with commission"),
    ("bonus", r"bonus|commission|incentive|variable"),
    ("stipend", r"stipend|gratification de stage|praktikumsverg[üu]tung"),
    (
        "benefit",
        r"allowance|reimburs|401\(?k|relocation|sign[- ]?on|signing|equity|RSU|per diem|budget|"
        r"learning|wellness|home office|perks?\b|insurance|pension|match|referral",
    ),
    ("company", r"raised|funding|series [a-e]\b|valuation|revenue|\bARR\b|investors|backed|market cap|GMV"),
    (
        "hours",
        r"working hours|work(?:ing)? time|hours? (?:per|a|each) week|\bhrs\b|arbeitszeit|wochenstunden|"
        r"stunden pro woche|temps de travail|heures par semaine|horas (?:semanales|por semana)|jornada",
    ),
    (
        "total",
        r"total contract|contract (?:value|total)|project budget|total budget|in total|for the (?:whole|entire) "
        r"(?:contract|project|engagement)|montant total|gesamtbudget|gesamtvolumen",
    ),
)
_BASE = re.compile(
    r"base|salary|salaries|pay\b|pay range|compensation|wage|rate|LPA|CTC|gehalt|salaire|sueldo|salaris|"
    r"salari[oa]|sal[aá]rio|salarial|wynagrodzenie|stipendio|retribuzione|r[ée]mun[ée]ration|"
    r"remunera[cç][aã]o|verg[üu]tung|l[öo]n\b|palkka|薪|給与|給料|зарплат|з/п|зп\b|оклад|lương|연봉|급여|월급|시급|임금",
    re.I,
)
_UP_TO = re.compile(
    r"(?:up ?to|max(?:imum)?|no more than|bis zu|bis|jusqu'?[àa]|hasta|at[ée]|fino a|tot|chegar a|до)\s*$", re.I
)
_FROM = re.compile(
    r"(?:from|starting (?:at|from)|at least|min(?:imum)?|ab|à partir de|desde|a partir de|da|от)\s*$", re.I
)
_FROM_AFTER = re.compile(r"\s*(?:起|以上|이상|\+(?=\s*(?:$|[.,;:)/]))|or more\b|and up\b|o más\b|ou mais\b)", re.I)
"""Words after a figure that make it the least: '120萬起', '$100k+' ('R$ 5.000 + benefícios' is
the pay and more besides)."""
_NOT_MONEY_AFTER = re.compile(
    r"^\s*(?:%|\+?\s*(?:years?|yrs?|people|employees|engineers|members|teams?|"
    r"million|billion|bn\b|trillion|countries|offices|hours|hrs?\b|h\s?/\s?(?:week|wk|woche|semaine)|stunden|"
    r"heures|horas|days|weeks|months|"
    r"users|customers|downloads|stars))",
    re.I,
)


@dataclass(frozen=True)
class Amount:
    """One figure as written, with what was written right beside it."""

    value: float
    currency: str | None
    multiplier: str
    start: int
    end: int
    written: str
    worth: float = 1.0
    """What the multiplier multiplied by: a million for '30mil' in dong, a thousand for '30k'."""


@dataclass
class FoundSalary:
    """A salary found in the text, with where it came from and what was inferred."""

    min: float | None
    max: float | None
    currency: str | None
    period: str | None
    text: str
    kind: str = "base"
    score: int = 0
    period_inferred: bool = False
    currency_inferred: bool = False
    bare_dollar: bool = False
    """The currency came from a lone '$', which is also the sign of other dollars."""
    notes: list[str] = field(default_factory=list)

    @property
    def figures(self) -> tuple[float, ...]:
        return tuple(v for v in (self.min, self.max) if v is not None)


def parse_number(text: str) -> float | None:
    """A number written with either convention of separators: 1,234.5 or 1.234,5 or 80.000;
    None for anything else, and for a figure no salary can be (400 digits read as infinity)."""
    number = _number_as_written(text)
    return number if number is None or showable_figure(number) or number == 0 else None


def _number_as_written(text: str) -> float | None:
    text = text.replace("\u00a0", " ").replace("\u202f", " ").replace("'", ",").strip()
    if re.fullmatch(r"\d{1,2}(?:,\d{2})+,\d{3}(?:\.\d{1,2})?", text):
        return float(text.replace(",", ""))
    grouped = re.fullmatch(r"(\d{1,3})((?:[, .]\d{3})+)(?:([.,])(\d{1,2}))?", text)
    if grouped:
        separators = set(re.findall(r"[, .]", grouped.group(2)))
        if len(separators) == 1 and grouped.group(3) not in separators:
            whole = grouped.group(1) + re.sub(r"[, .]", "", grouped.group(2))
            return float(whole + ("." + grouped.group(4) if grouped.group(4) else ""))
        return None
    single = re.fullmatch(r"(\d+)(?:[.,](\d+))?", text)
    if single:
        return float(single.group(1) + ("." + single.group(2) if single.group(2) else ""))
    return None


_SHARED_SIGNS = ("$", "¥")
"""Signs several currencies write (dollars of many countries, yen and yuan): a code beside the
figure says which."""


def _currency_of(marker: str | None) -> str | None:
    if not marker:
        return None
    return code_for_symbol(marker)


_MILLIONS = re.compile(r"^\d[\d.,]*M$")
"""A figure with a capital M written right after it: millions, as Vietnamese boards write pay."""


_MILLION_WHERE = {"mil": ("VND",)}
"""Multipliers worth a million in some currencies: 'R$ 8 mil' is eight thousand reais, but
'80 mil/month' in Vietnam is eighty million dong."""


MAX_FIGURES = 500
"""Figures read for pay, the first of the text: more than any posting holds (dates, counts and
pay together), and what keeps a paste of a table of figures from taking minutes."""


def amounts(text: str, place_currency: str | None = None) -> list[Amount]:
    """Every figure in `text` that may be money (with a currency, a multiplier, or in context),
    up to one more than MAX_FIGURES (which says there were more)."""
    found: list[Amount] = []
    for match in AMOUNT.finditer(text):
        if len(found) > MAX_FIGURES:
            break
        value = parse_number(match.group("num"))
        if value is None:
            continue
        pre, post = match.group("pre"), match.group("post")
        currency = _currency_of(pre) or _currency_of(post)
        if (pre and not _currency_of(pre)) or (_currency_of(post) and (pre or "").strip() in _SHARED_SIGNS):
            currency = _currency_of(post)  # '$45,000 MXN': the code says which dollars
        multiplier = (match.group("mult") or "").lower()
        if multiplier in ("m",) and not currency and not _MILLIONS.match(match.group(0)):
            continue  # "5 m" is more often metres or months than millions; "35M" is millions
        worth = _MULTIPLIERS.get(multiplier, 1)
        if (currency or place_currency) in _MILLION_WHERE.get(multiplier, ()):
            worth = 1e6
        value *= worth
        start = match.start("num") if pre and not _currency_of(pre) else match.start()
        if post and not _currency_of(post):
            end = match.end("num") + len(match.group("mult") or "")  # the word after is no currency
        else:
            end = match.end()
        if _NOT_MONEY_AFTER.match(text[end : end + 40]):
            continue
        found.append(Amount(value, currency, multiplier, start, end, text[start:end].strip(), worth))
    return found


def _period(before: str, after: str, multiplier: str) -> str | None:
    if multiplier in ("lpa",):
        return "year"
    for name, pattern in _PERIOD_WORDS:
        if re.search(pattern, after[:45], re.I):
            return name
    for name, pattern in _PERIOD_WORDS:
        if re.search(pattern, before[-60:], re.I):
            return name
    return None


def _period_words(after: str) -> str:
    """The period phrase right after a figure ('per year', '/hr'), to keep the wording whole."""
    for _, pattern in _PERIOD_WORDS:
        match = re.match(rf"\s*(?:{pattern})", after[:45], re.I)
        if match:
            return match.group(0)
    return ""


_ADDED = re.compile(
    r"^[^\w+&]*+(?:(?:\+|\bplus\b|\band\b|&|\bwith\b|\bw/)(?:\s*+(?!(?:plus|and|with|w)\b)\w++){0,4}[\s,]*+)+$", re.I
)
"""What joins more to a figure ('+ bonus + equity', 'plus an annual bonus'): the kinds of pay it
names are not the figure's. Possessive, so that a long run of spaces costs no backtracking."""


def _kind(clause: str, start: int, end: int) -> str:
    """The kind of pay whose word stands nearest the figure (clause[start:end]); base wins ties.

    A word after the figure counts double the distance: labels usually come first
    ("Sign-on bonus: $10,000", "Base salary up to £60,000 plus bonus").
    """
    nearest, distance = "base", None
    for name, pattern in (("base", _BASE.pattern), *_KINDS):
        for match in re.finditer(pattern, clause, re.I):
            if match.start() >= end and _ADDED.match(clause[end : match.start()]):
                continue  # '€85k-€105k + equity': what is added is not what the figure is
            gap = 2 * (match.start() - end) if match.start() >= end else max(0, start - match.end())
            if distance is None or gap < distance or (gap == distance and name == "base"):
                nearest, distance = name, gap
    return nearest


_UNITS_PER_DOLLAR = {
    "EUR": 0.9,
    "GBP": 0.8,
    "CHF": 0.9,
    "CAD": 1.4,
    "AUD": 1.5,
    "NZD": 1.7,
    "SGD": 1.35,
    "BRL": 5.5,
    "CNY": 7.2,
    "HKD": 7.8,
    "TWD": 32,
    "MXN": 18,
    "PLN": 4,
    "SEK": 10.5,
    "NOK": 10.5,
    "DKK": 7,
    "CZK": 23,
    "RON": 4.6,
    "ZAR": 18,
    "TRY": 35,
    "ARS": 1000,
    "JPY": 150,
    "INR": 85,
    "KRW": 1400,
    "HUF": 370,
    "IDR": 16000,
    "CLP": 950,
    "COP": 4000,
    "VND": 25000,
    "ISK": 140,
    "PKR": 280,
    "NGN": 1500,
    "PHP": 57,
    "THB": 35,
    "UAH": 41,
    "RUB": 90,
    "KZT": 500,
}
"""Roughly how many of each currency make a US dollar: only the size of a figure is judged with
it (is 22,000 a month's pay or a year's?), never a conversion shown to the user."""


def _units_per_dollar(currency: str | None) -> float:
    """Roughly how many of `currency` make a dollar: 1 for dollars, and for a currency not known."""
    return _UNITS_PER_DOLLAR.get(currency, 1.0) if currency else 1.0


def _infer_period(value: float, currency: str | None) -> str:
    """A period from the size of the figure, for text that states none: measured in dollars, a
    year's pay is at least 15,000 and a month's at least 200 (22,000 reais is a month's, and so is
    1,900: a minimum wage in reais is under 300 dollars)."""
    dollars = value / _units_per_dollar(currency)
    if dollars >= 15_000:
        return "year"
    if dollars >= 200:
        return "month"
    return "hour"


def _pairs(text: str, found: list[Amount]) -> list[tuple[Amount, Amount | None]]:
    """Amounts joined into ranges where a dash, 'to' or 'and' stands between two of them."""
    pairs: list[tuple[Amount, Amount | None]] = []
    index = 0
    while index < len(found):
        first = found[index]
        second = found[index + 1] if index + 1 < len(found) else None
        if second is not None and _RANGE_JOIN.match(text[first.end : second.start]):
            pairs.append((first, second))
            index += 2
        else:
            pairs.append((first, None))
            index += 1
    return pairs


CONTEXT = 300
"""Characters read on either side of a figure for its line and sentence. Pay is stated within
a sentence; reading no further keeps each figure's cost the same on a line of thousands of them."""


def _line_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The figure's line, at most CONTEXT characters on either side of it."""
    lower, upper = max(0, start - CONTEXT), min(len(text), end + CONTEXT)
    line_end = text.find("\n", end, upper)
    return max(text.rfind("\n", lower, start) + 1, lower), upper if line_end == -1 else line_end


def _clause(text: str, start: int, end: int) -> tuple[str, int]:
    """The sentence around a figure (its kind is read from here), and where it starts in `text`."""
    line_start, line_end = _line_bounds(text, start, end)
    left = max(line_start, max(text.rfind(". ", line_start, start), text.rfind("; ", line_start, start)) + 1)
    right_candidates = [i for i in (text.find(". ", end, line_end), text.find("; ", end, line_end)) if i != -1]
    right = min(right_candidates) if right_candidates else line_end
    return text[left:right], left


def _heading_above(text: str, start: int) -> str:
    """The nearest heading or short label line above a figure (within a few lines)."""
    lower = max(0, start - 4 * CONTEXT)
    lines = text[lower:start].split("\n")[:-1]
    if lower and text[lower - 1] != "\n":
        lines = lines[1:]  # a line the window cuts is too long for a heading
    for line in reversed(lines[-4:]):
        stripped = line.strip().strip("#*: ").strip()
        if stripped and (line.lstrip().startswith("#") or len(stripped) < 40):
            return stripped
    return ""


def _unit_written_once(low: float, high: Amount) -> bool:
    """True when a range's unit, written after its upper end only, is the lower end's too: a
    lower end under a thousand ('150-200k'), or in ten-thousands, under the upper end as written
    ('4,500 ~ 6,500만원', '30~50萬')."""
    if low < 1000 <= high.value:
        return True
    return high.multiplier in {**CJK_UNITS, **KOREAN_UNITS} and low <= high.value / high.worth


def _candidate(text: str, low: Amount, high: Amount | None) -> FoundSalary | None:
    end = (high or low).end
    line_start, line_end = _line_bounds(text, low.start, end)
    before, after = text[line_start : low.start], text[end:line_end]
    clause, clause_start = _clause(text, low.start, end)
    currency = low.currency or (high.currency if high else None)
    if high is not None and high.currency and high.currency != low.currency and low.written[:1] in _SHARED_SIGNS:
        currency = high.currency  # '$45,000 - $55,000 MXN': the code after the range says which dollars
    multiplier = low.multiplier or (high.multiplier if high else "")
    if currency is None and multiplier in _UNIT_CURRENCY:
        currency = _UNIT_CURRENCY[multiplier]  # lakh and crore are Indian units, triệu Vietnamese
    lo, hi = low.value, high.value if high else None
    if high is not None and not low.multiplier and high.multiplier and _unit_written_once(low.value, high):
        lo = low.value * high.worth  # "150-200k", "20-30mil", "4,500 ~ 6,500만원"
    # the period is read in the figure's own sentence: '37.5 hours per week. Salary £45,000.'
    period = _period(re.split(r"[.;!?]\s", before)[-1], re.split(r"[.;!?]\s", after)[0], multiplier)
    heading = _heading_above(text, line_start + 1)
    kind = _kind(clause, low.start - clause_start, end - clause_start)
    if kind == "hours" and currency:
        kind = "base"  # a figure with a currency is pay, whatever the hours beside it
    money_like = bool(currency) or bool(multiplier) or period is not None or kind == "headline"
    context = _BASE.search(clause) or _BASE.search(heading)
    if not money_like and not (context and max(lo, hi or 0) >= 1000):
        return None
    if hi is not None and lo > hi:
        return None
    minimum: float | None = lo
    if high is None:
        bound = before.rstrip()
        if _UP_TO.search(bound):
            minimum, hi = None, low.value
        elif _FROM.search(bound) or _FROM_AFTER.match(after):
            hi = None
        else:
            hi = lo
    written = text[low.start : end] + _period_words(after)
    score = (3 if context else 0) + (2 if high else 0) + (2 if currency else 0) + (1 if period else 0)
    bare = re.search(r"(?<![A-Za-z$])\$", written) is not None and currency == "USD" and "USD" not in written.upper()
    return FoundSalary(minimum, hi, currency, period, written.strip(), kind, score, bare_dollar=bare)


_GRADE = re.compile(
    r"(?:grade|band|step|level|pay\s?scale|scale|tier|stufe|entgeltgruppe|gruppe|[ée]chelon|niveau|"
    r"(?-i:(?<![A-Za-z])(?:GS|[EPGLM])))\s?[-:.]?\s?$",
    re.I,
)
"""What names a pay grade, a step or a level right before its number ('Band 7', 'GS-13',
'E 13'): that number is never money."""


def is_grade(text: str, amount: Amount) -> bool:
    """True for a bare number that a grade, band, step or level names."""
    if amount.currency or amount.multiplier:
        return False
    return _GRADE.search(text[max(0, amount.start - 20) : amount.start]) is not None


def candidates(text: str, place_currency: str | None = None) -> list[FoundSalary]:
    """Every salary-like figure or range of the text, in order, with its kind and score (of
    its first MAX_FIGURES figures)."""
    return _candidates(text, amounts(text, place_currency))


def _candidates(text: str, read: list[Amount]) -> list[FoundSalary]:
    """`candidates` of the figures `amounts` read (its first MAX_FIGURES)."""
    found = [amount for amount in read[:MAX_FIGURES] if not is_grade(text, amount)]
    result = []
    for low, high in _pairs(text, found):
        candidate = _candidate(text, low, high)
        if candidate is not None:
            result.append(candidate)
    return result


def _plausible(candidate: FoundSalary, fallback_currency: str | None = None) -> bool:
    """Pay-sized: not a count, not a company's revenue (in the figure's currency, or the place's
    when it names none: six million naira is a year's pay)."""
    top = max(candidate.figures, default=0)
    currency = candidate.currency or fallback_currency
    ceiling = 2_000_000 * max(1, _units_per_dollar(currency))
    return 5 <= top <= ceiling and not (candidate.period is None and top < 1000 and not candidate.currency)


def choose_salary(text: str, fallback_currency: str | None = None) -> tuple[FoundSalary | None, list[str]]:
    """The base salary of a posting, or None; and warnings that explain the choice."""
    warnings: list[str] = []
    read = amounts(text, fallback_currency)
    if len(read) > MAX_FIGURES:
        warnings.append(f"the text holds more than {MAX_FIGURES:,} figures; pay was looked for among the first")
    found = [c for c in _candidates(text, read) if _plausible(c, fallback_currency)]
    ranges = [c for c in found if c.min is not None and c.max is not None and c.min != c.max]
    singles = [c for c in found if c not in ranges]
    bounds = [(r, r.min, r.max) for r in ranges if r.min is not None and r.max is not None]
    headline = None
    for single in singles:
        value = single.max if single.max is not None else single.min
        total = next((r for r, low, high in bounds if value is not None and is_sum_of_range(value, low, high)), None)
        if total is not None:
            headline = value
            warnings.append(
                Note(
                    f"the figure {single.text!r} is the sum of the range {total.text!r} "
                    "(a job board's headline), not a salary; kept as salary.headline"
                )
            )
    found = [c for c in found if not (headline is not None and headline in c.figures and c not in ranges)]
    base = [c for c in found if c.kind == "base"] or _internship_stipend(text, found, warnings)
    if not base:
        others = [c for c in found if c.kind in ("ote", "bonus")]
        if others:
            warnings.append(
                f"only {others[0].kind.upper() if others[0].kind == 'ote' else others[0].kind} pay "
                f"is stated ({others[0].text!r}); no base salary was recorded"
            )
        else:
            warnings.append("no salary found in the text")
        return None, warnings
    best = max(base, key=lambda c: (c.score, c.min is not None and c.max is not None, -found.index(c)))
    passed_over = [c for c in found if c is not best and c.kind != "base"]
    if passed_over:
        kinds = ", ".join(sorted({c.kind for c in passed_over}))
        warnings.append(
            Note(
                f"chose the base pay {best.text!r} over other figures ({kinds}: "
                + "; ".join(repr(c.text) for c in passed_over[:3])
                + ")"
            )
        )
    elif len(base) > 1:
        others = [c for c in base if c is not best]
        warnings.append(
            f"several figures could be the salary; chose {best.text!r} over "
            + "; ".join(repr(c.text) for c in others[:3])
        )
    best = _complete(best, fallback_currency, warnings)
    if headline is not None:
        best.notes.append(f"headline:{headline:g}")
    return best, warnings


_INTERNSHIP = re.compile(
    r"\bintern(?:ship)?s?\b|\bpraktik|\bwerkstudent|\bstagiaire\b|\bstage\b|\btrainee|\bpasant[ií]a|\best[áa]gi",
    re.I,
)


def _internship_stipend(text: str, found: list[FoundSalary], warnings: list[str]) -> list[FoundSalary]:
    """An internship's stipend, which is its pay, when no base salary is stated."""
    stipends = [c for c in found if c.kind == "stipend"]
    if not stipends or not _INTERNSHIP.search(text):
        return []
    warnings.append(Note(f"the internship's stipend {stipends[0].text!r} is its pay"))
    for stipend in stipends:
        stipend.kind = "base"
    return stipends


_OTHER_DOLLARS = ("CAD", "AUD", "NZD", "SGD", "HKD", "MXN")


def _complete(best: FoundSalary, fallback_currency: str | None, warnings: list[str]) -> FoundSalary:
    """Fill currency and period where the text implies them, and say so."""
    if best.currency == "USD" and best.bare_dollar and fallback_currency in _OTHER_DOLLARS:
        best = replace(best, currency=fallback_currency, currency_inferred=True)
        warnings.append(f"the salary {best.text!r} says only '$'; {fallback_currency} is inferred from the location")
    if best.currency is None and fallback_currency:
        best = replace(best, currency=fallback_currency, currency_inferred=True)
        warnings.append(
            f"the salary {best.text!r} names no currency; {fallback_currency} is inferred from the location"
        )
    if best.period is None and best.figures:
        period = _infer_period(max(best.figures), best.currency)
        best = replace(best, period=period, period_inferred=True)
        warnings.append(
            f"the salary {best.text!r} states no period; '{period}' is inferred from the size of the figure"
        )
    return best
