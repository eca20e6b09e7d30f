"""Which kind of pay a figure is, by the word nearest it: base pay, a bonus, on-target
earnings, a stipend, a benefit or the company's money (one clause each)."""

from __future__ import annotations

import pytest
from conftest import plain_id
from roledex.importer.money import _kind


@pytest.mark.parametrize(
    ("clause", "figure", "kind"),
    [
        ("Sign-on bonus: $10,000", "$10,000", "bonus"),
        ("Base salary up to £60,000 plus bonus", "£60,000", "base"),
        ("€85k-€105k + equity", "€85k-€105k", "base"),
        ("€90k plus equity and bonus", "€90k", "base"),
        ("$120k base + bonus", "$120k", "base"),
        ("$120,000 with equity", "$120,000", "base"),
        ("$10,000 bonus", "$10,000", "bonus"),
        ("$10,000bonus", "$10,000", "bonus"),
        ("bonus $10,000 base", "$10,000", "bonus"),
        ("base $10,000 bonus", "$10,000", "base"),
        ("bonus salary $5,000", "$5,000", "base"),
        ("salary bonus $5,000", "$5,000", "bonus"),
        ("bonus of 5% and $90,000", "$90,000", "bonus"),
        ("bonus: up to $20,000; base $150,000", "$150,000", "base"),
        ("stipend $2,000", "$2,000", "stipend"),
        ("equity $120,000", "$120,000", "benefit"),
        ("budget $5,000 salary", "$5,000", "benefit"),
        ("salary $5,000 budget", "$5,000", "base"),
        ("OTE $200,000", "$200,000", "ote"),
        ("$200,000 OTE", "$200,000", "ote"),
        ("raised $20M", "$20M", "company"),
        ("relocation $5,000 salary $90,000", "$5,000", "benefit"),
        ("$90,000", "$90,000", "base"),
    ],
    ids=plain_id,
)
def test_a_figure_is_the_kind_of_pay_its_nearest_word_names(clause: str, figure: str, kind: str) -> None:
    start = clause.index(figure)
    assert _kind(clause, start, start + len(figure)) == kind


def test_the_later_of_two_figures_is_read_by_the_words_around_it() -> None:
    clause = "relocation $5,000 salary $90,000"
    start = clause.rindex("$90,000")
    assert _kind(clause, start, start + len("$90,000")) == "base"
    clause = "base $150,000; bonus up to $20,000"
    start = clause.index("$20,000")
    assert _kind(clause, start, start + len("$20,000")) == "bonus"
