"""Salaries the importer used to misread, each read right or left empty (never wrong)."""

from __future__ import annotations

import pytest
from roledex.importer.money import choose_salary
from roledex.importer.run import read_posting

HEAD = "Data Engineer\nAcme\n{place}\n\n"


@pytest.mark.parametrize(
    ("place", "text", "salary"),
    [
        ("London", "Contract: 6 months. Total contract value £60,000.", None),
        ("London", "The project budget is £120,000 in total.", None),
        ("London", "Salary: £50,000 (junior) to £70,000 (senior) per year.", (50000, 70000, "GBP", "year")),
        ("Paris", "TJM entre 500 et 650 € selon profil.", (500, 650, "EUR", "day")),
        ("Paris", "TJM : 600 €", (600, 600, "EUR", "day")),
        ("Berlin", "Tagessatz: 700 €", (700, 700, "EUR", "day")),
        ("", "Salary: 50,000 - 60,000 per year.", None),
        ("London", "Working hours: 37.5 per week.", None),
        ("Austin, TX", "40 hrs per week", None),
        ("Berlin", "Arbeitszeit: 40h/Woche.", None),
        ("London", "37.5 hours per week. Salary £45,000.", (45000, 45000, "GBP", "year")),
        ("London", "Part-time, 20 hrs/week, £25 per hour.", (25, 25, "GBP", "hour")),
        ("Madrid", "Salario: hasta 50.000 € al año.", (None, 50000, "EUR", "year")),
        ("Paris", "Salaire : jusqu'à 60 000 € par an.", (None, 60000, "EUR", "year")),
        ("Berlin", "Gehalt: bis zu 70.000 € im Jahr.", (None, 70000, "EUR", "year")),
        ("Lisbon", "Salário a partir de 30.000 € por ano.", (30000, None, "EUR", "year")),
        ("Moscow", "от 200 000 до 250 000 ₽ на руки", (200000, 250000, "RUB", "month")),
        ("Moscow", "Зарплата до 300 000 руб. в месяц", (None, 300000, "RUB", "month")),
        ("Moscow", "Зарплата: от 150 000 ₽", (150000, None, "RUB", "month")),
        # a code after the figure says which dollars (or yen) a bare sign means
        ("Mexico City", "Sueldo: $45,000 - $55,000 MXN mensuales brutos", (45000, 55000, "MXN", "month")),
        ("Toronto", "Salary: $5,000 - $7,000 CAD per month", (5000, 7000, "CAD", "month")),
        ("Austin, TX", "Salary: $100k - $150k", (100000, 150000, "USD", "year")),
        # a currency's name after the figure
        ("São Paulo", "Salário: 10 mil reais por mês", (10000, 10000, "BRL", "month")),
        ("Madrid", "Salario: 3.000 euros brutos al mes", (3000, 3000, "EUR", "month")),
        ("Warsaw", "Wynagrodzenie: 8 000 złotych brutto miesięcznie", (8000, 8000, "PLN", "month")),
        ("Moscow", "Зарплата от 100 000 рублей в месяц", (100000, None, "RUB", "month")),
        # Vietnamese millions
        ("Hanoi", "Lương: 15 - 25 triệu", (15_000_000, 25_000_000, "VND", "month")),
        ("Hanoi", "Mức lương: up to 30 triệu", (None, 30_000_000, "VND", "month")),
        # words after the figure that make it the least; pay and more besides is the pay
        ("Taipei", "年薪 120萬起", (1_200_000, None, "TWD", "year")),
        ("Austin, TX", "Salary: $100k+", (100000, None, "USD", "year")),
        ("Austin, TX", "Salary: $100k + bonus", (100000, 100000, "USD", "year")),
        ("São Paulo", "Salário: R$ 5.000 + benefícios", (5000, 5000, "BRL", "month")),
        ("London", "Salary: £60,000 or more", (60000, None, "GBP", "year")),
        ("Utrecht", "Salaris tussen €5.200 en €6.800 bruto per maand.", (5200, 6800, "EUR", "month")),
        ("Kraków", "Wynagrodzenie: 18 000 - 24 000 PLN netto miesięcznie.", (18000, 24000, "PLN", "month")),
        ("Kraków", "Wynagrodzenie: od 150 000 do 200 000 PLN rocznie.", (150000, 200000, "PLN", "year")),
        ("Stockholm", "Lön: 45 000 – 55 000 SEK per månad.", (45000, 55000, "SEK", "month")),
        ("Milano", "Retribuzione: 38.000 - 45.000 € lordi annui.", (38000, 45000, "EUR", "year")),
        ("Utrecht", "Uurtarief: €80 tot €95 per uur.", (80, 95, "EUR", "hour")),
        ("São Paulo", "Faixa salarial: R$ 9.000 a R$ 12.000 por mês.", (9000, 12000, "BRL", "month")),
        # roubles and their thousands, Taiwan dollars in words, a code in lower case, 'upto'
        ("Омск", "ЗП вилка от 60 т.руб - 150 т.руб", (60000, 150000, "RUB", "month")),
        ("Воронеж", "З/П: от 70 т.р.", (70000, None, "RUB", "month")),
        ("Москва", "Зарплата от 100 000 руб. в месяц", (100000, None, "RUB", "month")),
        ("台北", "月薪10萬～15萬台幣", (100000, 150000, "TWD", "month")),
        ("台北", "薪資範圍 NT$ 60,000 ~ NT$ 80,000", (60000, 80000, "TWD", "month")),
        ("", "Remote full-time 20- 25 usd / hour", (20, 25, "USD", "hour")),
        ("Hanoi", "Salary: upto $4,000 Gross", (None, 4000, "USD", "month")),
        # a capital M after a figure is millions where the place names the currency; 'm' is not
        ("Hanoi", "Salary Expectation: Up to 35M Gross / month", (None, 35_000_000, "VND", "month")),
        ("Hanoi", "The office is 35 m from the station.", None),
        # 'mil' is a thousand reais but a million dong
        ("Ho Chi Minh", "Offer nego up 100Mil Gross / month", (100_000_000, 100_000_000, "VND", "month")),
        ("São Paulo", "Salário: R$ 8 mil por mês", (8000, 8000, "BRL", "month")),
        ("Da Lat", "Flutter Developer (Mid-level) - 20-30mil", (20_000_000, 30_000_000, "VND", "month")),
        # a month's pay in reais under 400 dollars is still a month's
        ("Jundiaí", "Contratação: CLT - R$ 1.900,00", (1900, 1900, "BRL", "month")),
        # a grade, a band, a step or a level is never money
        ("London", "Salary: Band 7 - £43,742 to £50,056 per year.", (43742, 50056, "GBP", "year")),
        ("Berlin", "Vergütung: Entgeltgruppe 13 - 4.500 € bis 6.000 € im Monat.", (4500, 6000, "EUR", "month")),
        ("Washington, DC", "Salary: GS-13 - $117,962 to $153,354 per year.", (117962, 153354, "USD", "year")),
        ("London", "Pay: Grade 6 – £55,000 – £62,000 a year.", (55000, 62000, "GBP", "year")),
        # ten-thousands, yen and yuan, and the place's currency where the figure names none
        ("Taipei", "月薪 5萬 - 7萬", (50000, 70000, "TWD", "month")),
        ("Taipei, Taiwan", "薪資：月薪 50,000 - 70,000 元", (50000, 70000, "TWD", "month")),
        ("Shanghai", "月薪 20,000 - 30,000 元", (20000, 30000, "CNY", "month")),
        ("Tokyo", "年収 600万円 - 800万円", (6000000, 8000000, "JPY", "year")),
        ("Tokyo", "月給 30万円〜40万円", (300000, 400000, "JPY", "month")),
        ("Lagos, Nigeria", "Salary: 6,000,000 - 9,000,000 per annum.", (6000000, 9000000, "NGN", "year")),
        ("Milano", "RAL: 35-45k lordi annui.", (35000, 45000, "EUR", "year")),
        ("Berlin", "Salary: 45.000 - 55.000 (EUR) per year.", (45000, 55000, "EUR", "year")),
        # an internship's stipend is its pay; any other stipend is a benefit
        ("Berlin", "Internship stipend: 1,200 per month.", (1200, 1200, "EUR", "month")),
        ("Berlin", "Learning stipend: €1,000 per year. Salary €60,000 - €70,000.", (60000, 70000, "EUR", "year")),
        ("London", "We offer a £500 home office stipend.", None),
        # Korean: 만 is ten thousand and 억 a hundred million won, 연봉 a year's pay and 월급 a month's
        ("서울", "연봉: 5,000만원 ~ 7,000만원", (50000000, 70000000, "KRW", "year")),
        ("서울", "연봉 4,500 ~ 6,500만원", (45000000, 65000000, "KRW", "year")),  # the unit written once
        ("서울", "급여: 연봉 6000만원 이상", (60000000, None, "KRW", "year")),
        ("서울", "연봉 3천만원 ~ 5천만원", (30000000, 50000000, "KRW", "year")),
        ("서울", "연봉 1억 이상", (100000000, None, "KRW", "year")),
        ("성남", "월급 400만원", (4000000, 4000000, "KRW", "month")),
        ("서울", "시급 12,000원", (12000, 12000, "KRW", "hour")),
    ],
)
def test_pay_as_the_text_means_it(place: str, text: str, salary: tuple | None) -> None:
    found = read_posting((HEAD.format(place=place) + text + "\n").encode())
    got = found.as_json()["salary"]
    assert (tuple(got.values()) if got else None) == salary


@pytest.mark.parametrize(
    ("front_matter", "salary"),
    [
        ("salary: {min: 100000, max: 120000, currency: USD, period: year}", (100000, 120000, "USD", "year")),
        ('salary: "$100k-$120k"', (100000, 120000, "USD", "year")),
        ("salary: {min: 100000, currency: usd, period: Year}", (100000, None, "USD", "year")),
    ],
)
def test_the_pastes_own_salary_fields_are_used(front_matter: str, salary: tuple) -> None:
    paste = f"---\n{front_matter}\n---\nData Engineer\nAcme\nAustin, TX\n\nSalary $1 a year.\n"
    got = read_posting(paste.encode()).as_json()["salary"]
    assert tuple(got.values()) == salary


def test_an_incomplete_salary_field_is_named_and_the_text_read() -> None:
    paste = "---\nsalary: {min: 100000}\n---\nData Engineer\nAcme\nAustin, TX\n\nSalary $90,000 - $95,000 a year.\n"
    found = read_posting(paste.encode())
    assert tuple(found.as_json()["salary"].values()) == (90000, 95000, "USD", "year")
    assert "the paste's front matter has a salary that is not complete (min or max, currency, period)" in found.warnings


@pytest.mark.parametrize(
    ("text", "currency", "expected"),
    [
        # a period the text does not state is judged by the figure's size in dollars
        ("Salary: $15,000", None, (15000, "year")),
        ("Salary: $14,999", None, (14999, "month")),
        ("Salary: $200", None, (200, "month")),
        ("Salary: $199", None, (199, "hour")),
        ("Salary: €13,500", None, (13500, "year")),
        ("Salary: €13,499", None, (13499, "month")),
        ("Salary: 375,000,000", "VND", (375_000_000, "year")),
        ("Salary: 374,000,000", "VND", (374_000_000, "month")),
        # too small or too large to be pay, in the figure's currency or the place's
        ("Salary: $4 per hour", None, None),
        ("Salary: $5 per hour", None, (5, "hour")),
        ("Salary: $2,000,000 per year", None, (2_000_000, "year")),
        ("Salary: $2,000,001 per year", None, None),
        ("Salary: 50,000,000,000 per year", "VND", (50_000_000_000, "year")),
        ("Salary: 50,000,000,001 per year", "VND", None),
        # a bare figure under a thousand with no period and no currency is no pay
        ("Salary: 999", None, None),
    ],
)
def test_the_size_of_a_figure(text: str, currency: str | None, expected: tuple[float, str] | None) -> None:
    salary, _ = choose_salary(text, currency)
    found = (salary.max, salary.period) if salary is not None and salary.figures else None
    assert found == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the kind of a figure is read in its own sentence, on its own line
        ("Bonus: 10% of pay. Salary: £45,000 per year.", (45000, 45000, "GBP", "year")),
        ("Salary: £45,000 per year; a sign-on bonus of £5,000.", (45000, 45000, "GBP", "year")),
        ("A sign-on bonus of £5,000; salary £45,000 per year.", (45000, 45000, "GBP", "year")),
        ("We offer equity. Base pay £50,000 - £60,000. Perks too.", (50000, 60000, "GBP", "year")),
        ("Signing bonus: £5,000\nSalary: £70,000 per year", (70000, 70000, "GBP", "year")),
        ("Salary: £70,000 per year\nSigning bonus: £5,000", (70000, 70000, "GBP", "year")),
        ("Relocation budget £3,000.\n\nCompensation\n£80,000 - £90,000 a year", (80000, 90000, "GBP", "year")),
        ("£80,000 - £90,000 a year", (80000, 90000, "GBP", "year")),
        ("Annual bonus of up to £10,000. Stipend for learning: £1,000", None),
        ("Team budget £2,000; Salary £55,000; annual bonus £5,000", (55000, 55000, "GBP", "year")),
    ],
)
def test_the_base_pay_is_told_from_the_figures_around_it(
    text: str, expected: tuple[float | None, float | None, str, str] | None
) -> None:
    salary, _ = choose_salary(text, "GBP")
    found = (salary.min, salary.max, salary.currency, salary.period) if salary is not None and salary.figures else None
    assert found == expected


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("OTE: $150,000", "only OTE pay is stated ('$150,000'); no base salary was recorded"),
        ("Bonus: $20,000", "only bonus pay is stated ('$20,000'); no base salary was recorded"),
        ("Nothing here", "no salary found in the text"),
        (
            "Salary: £45,000. Bonus: £5,000. Sign-on bonus: £2,000. Relocation: £3,000. Equity budget £1,000.",
            "chose the base pay '£45,000' over other figures (benefit, bonus: '£5,000'; '£2,000'; '£3,000')",
        ),
        (
            "Salary: $95,000 or Salary: $90,000 - $110,000",
            "several figures could be the salary; chose '$90,000 - $110,000' over '$95,000'",
        ),
        (
            "💰 $200,000\nSalary: $90,000 - $110,000",
            "the figure '$200,000' is the sum of the range '$90,000 - $110,000' (a job board's headline), "
            "not a salary; kept as salary.headline",
        ),
    ],
)
def test_what_the_pay_reader_says_of_its_choice(text: str, said: str) -> None:
    _, warnings = choose_salary(text, None)
    assert said in [str(line) for line in warnings]


@pytest.mark.parametrize(
    ("text", "chosen"),
    [
        # a range wins over a single figure of the same standing; the first of equals wins
        ("Salary: $95,000. Salary: $90,000 - $110,000.", (90000, 110000)),
        ("Salary: $90,000 - $110,000. Salary: $95,000.", (90000, 110000)),
        ("Salary: $80,000 - $85,000. Salary: $90,000 - $110,000.", (80000, 85000)),
        # a figure its sentence calls pay, with a currency and a period, over a bare range
        ("Salary: $95,000 per year. Contractors bill $90,000 - $110,000.", (95000, 95000)),
        # a range with a currency over a lone figure that only a word calls pay
        ("$90,000 - $110,000 a year is the band. Salary review: $95,000.", (90000, 110000)),
    ],
)
def test_which_of_several_salaries_is_chosen(text: str, chosen: tuple[float, float]) -> None:
    salary, _ = choose_salary(text, None)
    assert salary is not None and (salary.min, salary.max) == chosen


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # figures with no currency are pay when a heading or short label just above says so
        ("Salary\n120,000 - 150,000", (120000, 150000)),
        ("## Our salary bands, for every level of the engineering ladder\n120,000 - 150,000", (120000, 150000)),
        ("**Compensation:**\n\n120,000 - 150,000", (120000, 150000)),
        # not a long sentence above them, nor a label further up than a few lines
        ("This long sentence tells you about our salary policy in some detail\n120,000 - 150,000", None),
        ("Salary\nTeam\nCity\nLevel\nShift\n120,000 - 150,000", None),
        ("120,000 - 150,000", None),
    ],
)
def test_a_heading_above_makes_bare_figures_pay(text: str, found: tuple[float, float] | None) -> None:
    salary, _ = choose_salary(text, "USD")
    assert (None if salary is None or not salary.figures else (salary.min, salary.max)) == found
