"""The pieces a title line is read in: the line made plain, its parts cut outside brackets, what
kind each part is, its tags, and its modes made one (`importer/title_line.py`)."""

from __future__ import annotations

import pytest
from conftest import plain_id
from roledex.importer.title_line import (
    _is_place,
    _kind_of,
    _names_a_company,
    _one_mode,
    _plain,
    _split_outside_brackets,
    _tag_parts,
    read_title_line,
)


@pytest.mark.parametrize(
    ("line", "plain"),
    [
        ("🔥 Data Engineer 🚀", "Data Engineer"),
        ("🎯ROLE💰USD 3,000 📍HCMC", "ROLE | USD 3,000 | HCMC"),
        ("# **Data Engineer**", "Data Engineer"),
        ("_Data Engineer_", "Data Engineer"),
        ("Data Engineer --> https://x.io/j", "Data Engineer"),
        ("Data Engineer: https://x.io/j", "Data Engineer"),
        ("Data ❤️ Engineer", "Data | Engineer"),
        ("Data ^ Engineer", "Data | Engineer"),
        ("Data   Engineer", "Data Engineer"),
        ("❤️❤️ Data", "Data"),
    ],
    ids=plain_id,
)
def test_a_line_made_plain(line: str, plain: str) -> None:
    assert _plain(line) == plain


@pytest.mark.parametrize(
    ("line", "parts"),
    [
        ("Data Engineer (Berlin - Remote) - Acme", ["Data Engineer (Berlin - Remote)", "Acme"]),
        ("A (b - c) (d - e) - f", ["A (b - c) (d - e)", "f"]),
        ("Data Engineer - (Acme) - Berlin", ["Data Engineer", "(Acme)", "Berlin"]),
    ],
    ids=plain_id,
)
def test_parts_are_cut_outside_brackets(line: str, parts: list[str]) -> None:
    assert _split_outside_brackets(line) == parts


@pytest.mark.parametrize(
    ("part", "kind"),
    [
        ("USD 3,000", "pay"),
        ("3,000", "term"),
        ("3 years", "term"),
        ("Full-time", "term"),
        ("Berlin", "place"),
        ("Acme", "name"),
    ],
    ids=plain_id,
)
def test_the_kind_of_a_part(part: str, kind: str) -> None:
    assert _kind_of(part) == kind


@pytest.mark.parametrize(
    ("line", "read"),
    [
        # title, company, places, mode, tagged, company after the role
        ("[Acme] Data Engineer", ("Data Engineer", "Acme", (), None, True, False)),
        ("[Remote] Data Engineer", ("Data Engineer", None, (), "remote", True, False)),
        ("Data Engineer", ("Data Engineer", None, (), None, False, False)),
        ("Acme - Berlin", (None, "Acme", ("Berlin",), None, False, False)),
        ("Data Engineer - Acme - Remote / Onsite", ("Data Engineer", "Acme", (), "hybrid", False, True)),
        ("Data Engineer [Remote, Hybrid]", ("Data Engineer", None, (), "hybrid", False, False)),
        ("Data Engineer (Remote-Fulltime)", ("Data Engineer", None, (), "remote", False, False)),
        ("Data Engineer at Berlin", ("Data Engineer at Berlin", None, (), None, False, False)),
    ],
    ids=plain_id,
)
def test_what_a_title_line_states(line: str, read: tuple) -> None:
    found = read_title_line(line)
    assert (found.title, found.company, found.places, found.mode, found.tagged, found.company_after_role) == read


def test_modes_made_one() -> None:
    assert _one_mode(["remote", "remote"]) == "remote"
    assert _one_mode(["remote", "onsite"]) == "hybrid"


def test_a_tags_parts_and_what_they_name() -> None:
    assert _tag_parts("Belo Horizonte, Minas Gerais, Brazil") == ["Belo Horizonte, Minas Gerais, Brazil"]
    assert _tag_parts("Hanoi, Remote") == ["Hanoi", "Remote"]
    assert _tag_parts("Hanoi/Remote") == ["Hanoi", "Remote"]
    assert (_names_a_company("A"), _names_a_company("Ab")) == (False, True)
    assert (_is_place("Berlin, Deutschland"), _is_place("Deutschland")) == (True, True)
