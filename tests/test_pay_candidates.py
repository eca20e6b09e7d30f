"""How the pay reader weighs the figures of a text: which line and sentence a figure is read in,
what makes a figure a candidate and how strong, which candidate is the salary, and what it says
of its choice (the rules of `importer/money.py`, one table each)."""

from __future__ import annotations

import pytest
from conftest import plain_id
from roledex.importer.money import (
    CONTEXT,
    MAX_FIGURES,
    FoundSalary,
    _clause,
    _heading_above,
    _kind,
    _line_bounds,
    _pairs,
    _period,
    _period_words,
    _plausible,
    amounts,
    candidates,
    choose_salary,
    is_grade,
    parse_number,
)

LONG_LINE = "this line is a long line of prose, not a label at all"


@pytest.mark.parametrize(
    ("text", "start", "end", "bounds"),
    [
        ("$90,000", 0, 7, (0, 7)),
        ("\n$90,000", 1, 8, (1, 8)),
        ("a $5\nb\nc", 2, 4, (0, 4)),
        ("intro\nSalary $90,000\nmore\nand more", 13, 20, (6, 20)),
    ],
    ids=plain_id,
)
def test_a_figure_is_read_on_its_own_line(text: str, start: int, end: int, bounds: tuple[int, int]) -> None:
    assert _line_bounds(text, start, end) == bounds


@pytest.mark.parametrize(
    ("before", "after", "bounds"),
    [
        ("x" * CONTEXT, "y" * CONTEXT, (0, 2 * CONTEXT + 7)),
        ("x" * (CONTEXT + 1), "y" * (CONTEXT + 1), (1, 2 * CONTEXT + 8)),
        ("a\n" + "x" * (CONTEXT - 2), "y" * (CONTEXT - 2) + "\nb", (2, 2 * CONTEXT + 5)),
        ("a\n" + "x" * (CONTEXT + 5), "", (7, CONTEXT + 14)),
    ],
    ids=plain_id,
)
def test_a_long_line_is_read_only_near_the_figure(before: str, after: str, bounds: tuple[int, int]) -> None:
    text = before + "$90,000" + after
    start = len(before)
    assert _line_bounds(text, start, start + 7) == bounds


@pytest.mark.parametrize(
    ("text", "clause"),
    [
        ("Team of 5. Salary $90,000 a year. Apply now.", " Salary $90,000 a year"),
        ("Benefits. More. Salary $90,000", " Salary $90,000"),
        ("$90,000. One. Two.", "$90,000"),
        ("Remote; $90,000; full time", " $90,000"),
        ("a; b; $90,000 x; y; z", " $90,000 x"),
        ("a. b; $90,000 x. y; z", " $90,000 x"),
        ("Intro. More\nSalary $90,000 a year\nNext. Line", "Salary $90,000 a year"),
    ],
    ids=plain_id,
)
def test_a_figure_is_read_in_its_own_sentence(text: str, clause: str) -> None:
    start = text.index("$90,000")
    found, where = _clause(text, start, start + len("$90,000"))
    assert found == clause
    assert text[where : where + len(found)] == found


@pytest.mark.parametrize(
    ("clause", "kind"),
    [
        ("bonus, or even $10,000 as base", "base"),  # a word after counts at twice its distance
        ("bonus, $10,000 as base", "bonus"),
        ("base salary and a $10,000 bonus", "bonus"),
        ("bonus: $10,000 base", "base"),  # a tie goes to base pay
        ("bonus $5,000 or base $10,000", "base"),
    ],
    ids=plain_id,
)
def test_the_nearest_word_names_the_kind(clause: str, kind: str) -> None:
    start = clause.index("$10,000")
    assert _kind(clause, start, start + len("$10,000")) == kind


def test_the_same_figure_twice_in_a_sentence_is_read_where_each_stands() -> None:
    kinds = [(c.min, c.kind) for c in candidates("bonus $5,000 or base $5,000")]
    assert kinds == [(5000, "bonus"), (5000, "base")]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # min, max, currency, period, score: context 3, a range 2, a currency 2, a period 1
        ("Salary: $90,000 - $120,000 per year", (90000, 120000, "USD", "year", 8)),
        ("$90,000 - $120,000", (90000, 120000, "USD", None, 4)),
        ("$90,000", (90000, 90000, "USD", None, 2)),
        ("$90,000 a year", (90000, 90000, "USD", "year", 3)),
        ("Salary 90,000", (90000, 90000, None, None, 3)),
        ("Salary 1000", (1000, 1000, None, None, 3)),
        ("Salary 999", None),
        ("120,000", None),
        ("## Salary\n\n120,000", (120000, 120000, None, None, 3)),
        ("120,000\n\n## Salary", None),  # a heading below says nothing of a figure
        ("$120,000 - $90,000", None),
        ("$90,000 - $90,000", (90000, 90000, "USD", None, 4)),
        ("up to $120,000", (None, 120000, "USD", None, 2)),
        ("from $90,000", (90000, None, "USD", None, 2)),
        ("150-200k", (150000, 200000, None, None, 2)),
        ("1-1k a year", (1000, 1000, None, "year", 3)),
        ("1000-2000k", (1000, 2000000, None, None, 2)),
        ("12-18 LPA", (1200000, 1800000, "INR", "year", 8)),
        ("37.5 hours per week. Salary £45,000.", (45000, 45000, "GBP", None, 5)),
        ("£45,000. Bonus per month", (45000, 45000, "GBP", None, 2)),
        ("£45,000 per month", (45000, 45000, "GBP", "month", 3)),
    ],
    ids=plain_id,
)
def test_what_makes_a_figure_a_candidate_and_how_strong(text: str, found: tuple | None) -> None:
    got = candidates(text)
    if found is None:
        assert got == []
        return
    (candidate,) = got
    assert (candidate.min, candidate.max, candidate.currency, candidate.period, candidate.score) == found


@pytest.mark.parametrize(
    ("text", "bare"),
    [
        ("$90,000", True),
        ("US$90,000", False),
        ("USD 90,000", False),
        ("$90,000 USD", False),
        ("C$90,000", False),
        ("£90,000", False),
    ],
    ids=plain_id,
)
def test_a_lone_dollar_sign_is_marked(text: str, bare: bool) -> None:
    (candidate,) = candidates(text)
    assert candidate.bare_dollar is bare


@pytest.mark.parametrize(
    ("text", "written"),
    [
        ("$90,000 per year, paid monthly", "$90,000 per year"),
        ("$90,000 PER YEAR", "$90,000 PER YEAR"),
        ("$90,000" + " " * 40 + "per year", "$90,000"),
    ],
    ids=plain_id,
)
def test_the_period_right_after_a_figure_is_kept_with_it(text: str, written: str) -> None:
    (candidate,) = candidates(text)
    assert candidate.text == written


@pytest.mark.parametrize(
    ("before", "after", "multiplier", "period"),
    [
        ("", " PER MONTH", "", "month"),
        ("PAID MONTHLY: ", "", "", "month"),
        ("", "", "lpa", "year"),
        ("", " " * 40 + "per month", "", None),
        ("", " " * 35 + "per month", "", "month"),
        ("per month" + " " * 52, "", "", None),
        ("per month" + " " * 50, "", "", "month"),
    ],
    ids=plain_id,
)
def test_the_period_is_read_near_the_figure(before: str, after: str, multiplier: str, period: str | None) -> None:
    assert _period(before, after, multiplier) == period


def test_the_period_words_are_only_those_right_after() -> None:
    assert _period_words(" PER YEAR and more") == " PER YEAR"
    assert _period_words(" " * 40 + "per year") == ""


@pytest.mark.parametrize(
    ("above", "heading"),
    [
        ("## Pay", "Pay"),
        ("   ## Pay", "Pay"),
        ("Pay:", "Pay"),
        ("**Pay**", "Pay"),
        ("x" * 39, "x" * 39),
        ("x" * 40, ""),
        ("## " + "x" * 50, "x" * 50),
        ("## Pay\n" + "\n".join([LONG_LINE] * 3), "Pay"),
        ("## Pay\n" + "\n".join([LONG_LINE] * 4), ""),
    ],
    ids=plain_id,
)
def test_the_heading_above_a_figure(above: str, heading: str) -> None:
    text = above + "\n120,000"
    assert _heading_above(text, text.index("120,000")) == heading


@pytest.mark.parametrize(
    ("above", "heading"),
    [
        ("## Pay\n" + "x" * (4 * CONTEXT - 8), "Pay"),  # the window starts at the heading's line
        ("## Pay\n" + "x" * (4 * CONTEXT - 7), ""),  # one character more: the heading is cut, not read
        ("#" + "x" * (4 * CONTEXT + 10), ""),
    ],
    ids=plain_id,
)
def test_a_heading_is_looked_for_within_a_window(above: str, heading: str) -> None:
    text = above + "\n120,000"
    assert _heading_above(text, text.index("120,000")) == heading


def test_pay_is_looked_for_among_the_first_figures() -> None:
    many = " ".join(["7"] * MAX_FIGURES)
    best, said = choose_salary(f"Salary: $90,000 a year\n{many}")
    assert best is not None and best.figures == (90000, 90000)
    assert f"the text holds more than {MAX_FIGURES:,} figures; pay was looked for among the first" in said
    best, said = choose_salary(f"{many}\nSalary: $90,000 a year")
    assert best is None
    assert f"the text holds more than {MAX_FIGURES:,} figures; pay was looked for among the first" in said


def test_a_text_of_few_figures_says_nothing_of_their_number() -> None:
    many = " ".join(["7"] * (MAX_FIGURES - 1))
    best, said = choose_salary(f"{many}\nSalary: $90,000 a year")
    assert best is not None and best.figures == (90000, 90000)
    assert not any("figures; pay was looked for" in str(w) for w in said)


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("a 5 m fall, then $90,000", [(90000, "USD")]),
        ("90,000 EUR", [(90000, "EUR")]),
        ("90\u00a0000 €", [(90000, "EUR")]),
        ("90\u202f000 €", [(90000, "EUR")]),
        ("500 people, $90,000", [(90000, "USD")]),
        ("12 LPA", [(1200000, None)]),
    ],
    ids=plain_id,
)
def test_which_figures_may_be_money(text: str, values: list[tuple[float, str | None]]) -> None:
    assert [(a.value, a.currency) for a in amounts(text)] == values


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("0", 0.0),
        ("90000", 90000.0),
        ("1.234,56", 1234.56),
        ("1,234.56", 1234.56),
        ("1,234.567", None),
        ("1,234,5", None),
        ("9" * 400, None),
    ],
    ids=plain_id,
)
def test_a_number_as_written(text: str, number: float | None) -> None:
    assert parse_number(text) == number


@pytest.mark.parametrize(
    ("text", "grade"),
    [("E 13", True), ("Band 7", True), ("Level: $120,000", False), ("Level: 120k", False)],
    ids=plain_id,
)
def test_a_grade_names_its_number(text: str, grade: bool) -> None:
    (amount,) = amounts(text)
    assert is_grade(text, amount) is grade


def test_money_named_after_a_level_is_pay() -> None:
    chosen, _ = choose_salary("Salary for this level: $120,000")
    assert chosen is not None and chosen.figures == (120000, 120000)


@pytest.mark.parametrize(
    ("pairs_of", "pairs"),
    [
        ("$1 - $2 and $3 - $4", [("$1", "$2"), ("$3", "$4")]),
        ("$1, $2, $3", [("$1", None), ("$2", None), ("$3", None)]),
        ("$1 - $2, $3", [("$1", "$2"), ("$3", None)]),
    ],
    ids=plain_id,
)
def test_figures_joined_into_ranges(pairs_of: str, pairs: list[tuple[str, str | None]]) -> None:
    found = amounts(pairs_of)
    joined = [(low.written, high.written if high else None) for low, high in _pairs(pairs_of, found)]
    assert joined == pairs


@pytest.mark.parametrize(
    ("salary", "fallback", "plausible"),
    [
        (FoundSalary(None, None, None, None, ""), None, False),
        (FoundSalary(4, 4, "USD", "hour", ""), None, False),
        (FoundSalary(5, 5, "USD", "hour", ""), None, True),
        (FoundSalary(999, 999, None, None, ""), None, False),
        (FoundSalary(1000, 1000, None, None, ""), None, True),
        (FoundSalary(500, 500, None, "month", ""), None, True),
        (FoundSalary(500, 500, "USD", None, ""), None, True),
        (FoundSalary(2_000_000, None, "USD", "year", ""), None, True),
        (FoundSalary(2_000_001, None, "USD", "year", ""), None, False),
        (FoundSalary(100_000_000, None, "INR", "year", ""), None, True),
        (FoundSalary(100_000_000, None, None, "year", ""), "INR", True),
        (FoundSalary(100_000_000, None, None, "year", ""), None, False),
    ],
    ids=plain_id,
)
def test_a_pay_sized_figure(salary: FoundSalary, fallback: str | None, plausible: bool) -> None:
    assert _plausible(salary, fallback) is plausible


@pytest.mark.parametrize(
    ("text", "chosen", "warnings"),
    [
        ("Salary: $90,000 - $120,000 a year", (90000, 120000), []),
        (
            "up to $120,000 a year\n$100,000 a year",
            (100000, 100000),
            ["several figures could be the salary; chose '$100,000 a year' over '$120,000 a year'"],
        ),
        (
            "from $90,000 a year\n$100,000 a year",
            (100000, 100000),
            ["several figures could be the salary; chose '$100,000 a year' over '$90,000 a year'"],
        ),
        (
            "$90,000 a year\n$95,000 a year\n$96,000 a year\n$97,000 a year\n$98,000 a year",
            (90000, 90000),
            [
                "several figures could be the salary; chose '$90,000 a year' over "
                "'$95,000 a year'; '$96,000 a year'; '$97,000 a year'"
            ],
        ),
        (
            "Summer internship. Stipend $2,000 a month.",
            (2000, 2000),
            ["the internship's stipend '$2,000 a month' is its pay"],
        ),
        ("Research fellowship. Stipend $2,000 a month.", None, ["no salary found in the text"]),
        ("OTE $200,000", None, ["only OTE pay is stated ('$200,000'); no base salary was recorded"]),
        ("Bonus $20,000", None, ["only bonus pay is stated ('$20,000'); no base salary was recorded"]),
    ],
    ids=plain_id,
)
def test_which_candidate_is_the_salary_and_why(text: str, chosen: tuple | None, warnings: list[str]) -> None:
    best, said = choose_salary(text)
    assert (best.figures if best else None) == chosen
    assert [str(w) for w in said] == warnings
    assert best is None or best.kind == "base"


@pytest.mark.parametrize(
    "headline",
    ["Total $140,000", "from $140,000", "up to $140,000"],
    ids=plain_id,
)
def test_a_figure_that_sums_a_range_is_a_headline(headline: str) -> None:
    best, said = choose_salary(f"$60,000 - $80,000 a year\n{headline}")
    assert best is not None and best.figures == (60000, 80000)
    assert best.notes == ["headline:140000"]
    assert [str(w) for w in said] == [
        "the figure '$140,000' is the sum of the range '$60,000 - $80,000 a year' "
        "(a job board's headline), not a salary; kept as salary.headline"
    ]


@pytest.mark.parametrize(
    ("text", "fallback", "completed", "warning"),
    [
        (
            "Salary $90,000 a year",
            "CAD",
            ("CAD", "year", True, False),
            "the salary '$90,000 a year' says only '$'; CAD is inferred from the location",
        ),
        (
            "Salary US$90,000 a year",
            "CAD",
            ("USD", "year", False, False),
            None,
        ),
        (
            "Salary 90,000 a year",
            "EUR",
            ("EUR", "year", True, False),
            "the salary '90,000 a year' names no currency; EUR is inferred from the location",
        ),
        (
            "Salary €4,000",
            None,
            ("EUR", "month", False, True),
            "the salary '€4,000' states no period; 'month' is inferred from the size of the figure",
        ),
        (
            "Salary $20,000",
            None,
            ("USD", "year", False, True),
            "the salary '$20,000' states no period; 'year' is inferred from the size of the figure",
        ),
    ],
    ids=plain_id,
)
def test_what_the_text_implies_is_filled_in_and_said(
    text: str, fallback: str | None, completed: tuple, warning: str | None
) -> None:
    best, said = choose_salary(text, fallback)
    assert best is not None
    assert (best.currency, best.period, best.currency_inferred, best.period_inferred) == completed
    assert [str(w) for w in said] == ([warning] if warning else [])
