"""The rules that read a pasted posting's top lines and sentences: which line is the title,
which company the sentences vote for, where and how the work happens, and the posting's own
address (the readers of `importer/fields.py`, one table each)."""

from __future__ import annotations

import pytest
from conftest import plain_id
from roledex.importer.fields import (
    _company_dash_place,
    _meta_line,
    _split_places,
    _title_line_places,
    company_from_text,
    company_name_of,
    located_near_top,
    source_of,
    title_from_sentence,
    title_from_text,
    url_from_text,
    work_mode_from_text,
    written_with_legal_form,
)


@pytest.mark.parametrize(
    ("text", "title", "company"),
    [
        ("# We're hiring!\nData Engineer", "Data Engineer", None),
        ("# Open positions:\nData Engineer", "Data Engineer", None),
        ("[Hiring]\nData Engineer", "Data Engineer", None),
        ("## Summary?\nData Engineer", None, None),
        ("Responsibilities:\nData Engineer", None, None),
        ("x" * 90, "x" * 90, None),
        ("x" * 91 + "\nData Engineer", None, None),
        ("We build things.\nData Engineer", None, None),
        ("Data Engineer:\nAcme", None, None),
        ("Team: Platform\nData Engineer", None, None),
        ("## Team: Platform", "Team: Platform", None),
        ("job application for Data Engineer at Acme", "Data Engineer", "Acme"),
        ("JOB APPLICATION FOR Data Engineer AT Acme", "Data Engineer", "Acme"),
        ("Data Engineer at Acme Corp Big Name", "Data Engineer", "Acme Corp Big Name"),
        ("Data Engineer at Acme Corp Big Name Five", "Data Engineer at Acme Corp Big Name Five", None),
        ("# **Data** `Engineer`", "Data Engineer", None),
        ("1\n2\n3\n4\n5\nData Engineer", "1", None),
        ("[Python Backend Sênior] - Remoto - CLT", "Python Backend Sênior", None),  # the rest only terms of work
        ("[Data Engineer] Remote | Full-time", "Data Engineer", None),
        ("[Data Engineer] 100% remoto", "Data Engineer", None),
        ("[Berlin] Data Engineer - Remote", "Data Engineer - Remote", None),  # the rest holds a role
        ("[Hiring] Remote\nData Engineer", "Data Engineer", None),  # a tag that is no role: the line is skipped
        ("(hiring) Remote", "Remote", None),  # a tag in round brackets is never the role
        ("Tuyển Front-end Developer", "Front-end Developer", None),  # Vietnamese: 'recruiting'
        ("Tuyển dụng: Backend Developer", "Backend Developer", None),
        ("Tuyen dung Backend Developer", "Backend Developer", None),
        ("Tuyển", "Tuyển", None),  # nothing after it: as written
    ],
    ids=plain_id,
)
def test_which_top_line_is_the_title(text: str, title: str | None, company: str | None) -> None:
    found, _, named = title_from_text(text)
    assert (found.value if found else None, named) == (title, company)


def test_only_the_first_six_lines_are_read_for_a_title() -> None:
    skipped = "[Hiring]\n" * 6
    assert title_from_text(skipped + "Data Engineer")[0] is None
    assert title_from_text("[Hiring]\n" * 5 + "Data Engineer")[0] is not None


@pytest.mark.parametrize(
    ("text", "title", "how"),
    [
        (
            "Acme is looking for a Machine Learning Engineer to join our Growth team.",
            "Machine Learning Engineer, Growth",
            "from the sentence 'is looking for a Machine Learning Engineer to join our Growth team'",
        ),
        (
            "We are hiring a Senior Data Engineer, Platform.",
            "Senior Data Engineer",
            "from the sentence 'are hiring a Senior Data Engineer'",
        ),
        (
            "We are seeking an experienced Staff Engineer",
            "Staff Engineer",
            "from the sentence 'are seeking an experienced Staff Engineer'",
        ),
        (
            "We are seeking a " + "Very " * 6 + "Long Title",
            "Very Very Very Very Very Very Long Title",
            "from the sentence 'are seeking a Very Very Very Very Very Very Long Title'",
        ),
        ("Nothing to see", None, None),
    ],
    ids=plain_id,
)
def test_a_title_in_a_sentence(text: str, title: str | None, how: str | None) -> None:
    found = title_from_sentence(text)
    assert ((found.value, found.inferred) if found else (None, None)) == (title, how)


def test_a_sentence_is_quoted_up_to_ninety_characters() -> None:
    text = "We are hiring a " + " ".join(["Principal"] * 7) + " Engineer to join our Core Platform Data team"
    found = title_from_sentence(text)
    assert found is not None
    assert found.inferred == f"from the sentence {text[3:93]!r}"


ALPHA_TWICE_MENTIONED = "Alpha builds maps. Alpha ships weekly."
ALPHA_LIGHT = "At Alpha, we build.\nAlpha is a map company. Alpha ships weekly."


@pytest.mark.parametrize(
    ("text", "company"),
    [
        ("Acme is looking for a Data Engineer.", "Acme"),
        ("Acme is looking for a Data Engineer. Join the Acme Team.", None),
        ("At Acme, we build maps.", None),  # one light vote, one mention
        ("At Acme, we build maps. Acme ships weekly.", "Acme"),
        ("Big Blue Sky Maps is looking for a Data Engineer.", "Big Blue Sky Maps"),
        ("Big Blue Sky Maps Inc is looking for a Data Engineer.", "Big Blue Sky Maps"),
        ("Big Blue Sky Maps Two is looking for a Data Engineer.", None),
        ("Zeta is looking for a Data Engineer. Alpha is looking for a Designer. Alpha ships.", "Alpha"),
        ("Alpha is looking for a Data Engineer. Zeta is looking for a Designer. Zeta ships.", "Zeta"),
        # a sure vote (2) against two light ones (1 + 1): the name written more often wins the tie
        (f"Zeta is hiring a Data Engineer. {ALPHA_LIGHT}", "Alpha"),
        (f"Zeta sucht einen Data Engineer. {ALPHA_LIGHT}", "Alpha"),
        (f"Bei Zeta bauen wir Karten. {ALPHA_LIGHT}", "Alpha"),
        (f"© 2024 Zeta. All rights reserved. {ALPHA_LIGHT}", "Alpha"),
        (f"We hire fairly: Zeta is an equal opportunity employer. {ALPHA_LIGHT}", "Alpha"),
        (f"## Why Zeta?\n{ALPHA_LIGHT}", "Alpha"),
        # one light vote (1) against a sure one (2): the sure one wins, however often the other is named
        (f"Join the team at Alpha. Zeta is hiring a Designer. {ALPHA_TWICE_MENTIONED}", "Zeta"),
        (f"At Alpha, we build. Zeta is hiring a Designer. {ALPHA_TWICE_MENTIONED}", "Zeta"),
        (f"Alpha is a map company. Zeta is hiring a Designer. {ALPHA_TWICE_MENTIONED}", "Zeta"),
        (f"Alpha ist ein Kartenhaus. Zeta is hiring a Designer. {ALPHA_TWICE_MENTIONED}", "Zeta"),
        # a legal form makes a light vote sure
        ("Nordlicht GmbH is a map company. Zeta is hiring a Designer. Zeta ships.", "Zeta"),
        ("Nordlicht GmbH is a map company. Zeta is hiring a Designer. Nordlicht ships.", "Nordlicht"),
    ],
    ids=plain_id,
)
def test_which_company_the_sentences_vote_for(text: str, company: str | None) -> None:
    found = company_from_text(text, after_title=False)
    assert (found.value if found else None) == company


@pytest.mark.parametrize(
    ("text", "company"),
    [
        ("Data Engineer\n## About Us\nWe build maps.", None),
        ("Data Engineer\n## About You\nYou build maps.", None),
        ("Data Engineer\n## About Nordlicht\nWe build maps.", "Nordlicht"),
        ("Data Engineer\nAcme · Berlin (Hybrid)", "Acme"),
        ("Data Engineer\nKiranam Retail Pvt. Ltd. - Bengaluru, Karnataka, India", "Kiranam Retail"),
        ("Data Engineer\nat Acme", "Acme"),
        ("Data Engineer\n# Acme", "Acme"),
        ("Data Engineer\nAcme Maps\nAcme Maps builds maps.", "Acme Maps"),
        ("Data Engineer\nAcme Maps", None),
        ("Data Engineer\n# Acme Big Blue Sky Maps", "Acme Big Blue Sky Maps"),
        ("Data Engineer\n# Acme Big Blue Sky Maps Co", None),
        ("Data Engineer\n# Acme 2", None),
        ("Data Engineer\n# Overview", None),
        ("# Careers\nData Engineer\n# Acme", "Acme"),
    ],
    ids=plain_id,
)
def test_the_company_under_the_title(text: str, company: str | None) -> None:
    found = company_from_text(text, after_title=True)
    assert (found.value if found else None) == company


@pytest.mark.parametrize(
    ("line", "split"),
    [
        ("Nordlicht Maps - Berlin, Germany", ("Nordlicht Maps", "Berlin, Germany")),
        ("Nordlicht Maps - Berlin", None),  # a place with a comma only
        ("Nordlicht Maps - Berlin, 10115", None),
        ("Team: Maps - Berlin, Germany", None),
        ("nordlicht maps - Berlin, Germany", None),
        ("One Two Three Four Five Six - Berlin, Germany", ("One Two Three Four Five Six", "Berlin, Germany")),
        ("One Two Three Four Five Six Seven - Berlin, Germany", None),
    ],
    ids=plain_id,
)
def test_a_company_and_its_place_on_a_dashed_line(line: str, split: tuple[str, str] | None) -> None:
    assert _company_dash_place(line) == split


@pytest.mark.parametrize(
    ("line", "meta"),
    [
        ("Hamburg · Hybrid · Vollzeit", "Hamburg · Hybrid · Vollzeit"),
        ("Utrecht | 32-40 uur per week", "Utrecht | 32-40 uur per week"),
        ("Berlin", None),
        ("Location: Berlin · Hybrid", None),
        ("Berlin · Hybrid.", None),
        ("Berlin · Hybrid · one two three four five six", "Berlin · Hybrid · one two three four five six"),
        ("Berlin · Hybrid · one two three four five six seven", None),
    ],
    ids=plain_id,
)
def test_a_short_line_of_place_and_mode(line: str, meta: str | None) -> None:
    assert _meta_line(line) == meta


@pytest.mark.parametrize(
    ("text", "places"),
    [
        ("Berlin; Munich", ["Berlin", "Munich"]),
        ("Berlin or Munich", ["Berlin", "Munich"]),
        ("- Berlin\n- Munich", ["Berlin", "Munich"]),
        ("Berlin, Munich, Hamburg", ["Berlin", "Munich", "Hamburg"]),
        ("Berlin, Munich", ["Berlin, Munich"]),
        ("Berlin, Munich, Germany", ["Berlin, Munich, Germany"]),
        ("Berlin, Munich, Deutschland", ["Berlin, Munich, Deutschland"]),
        ("anywhere you like to work from home", []),
        ("a b c d e", ["a b c d e"]),
        ("x" * 80, ["x" * 80]),
        ("x" * 81, []),
    ],
    ids=plain_id,
)
def test_places_as_a_label_lists_them(text: str, places: list[str]) -> None:
    assert _split_places(text) == places


@pytest.mark.parametrize(
    ("line", "places"),
    [
        ("Data Engineer at Globex (Amsterdam, hybrid)", ["Amsterdam, hybrid"]),
        ("Data Engineer (Berlin, Germany)", ["Berlin, Germany"]),
        ("Data Engineer (Germany)", ["Germany"]),
        ("Data Engineer (Deutschland)", ["Deutschland"]),
        ("Data Engineer (Python)", []),
        ("Data Engineer (m/f/d)", []),
        ("Data Engineer (Berlin 10115, Germany)", []),
        ("Data Engineer (berlin, germany)", []),
        ("Data Engineer", []),
    ],
    ids=plain_id,
)
def test_a_place_in_the_title_lines_closing_note(line: str, places: list[str]) -> None:
    assert _title_line_places(line) == places


@pytest.mark.parametrize(
    ("text", "company", "places"),
    [
        ("Data Engineer\nAcme · Berlin (Hybrid)", None, ["Berlin"]),
        ("Data Engineer\nIntro\nAcme · Berlin (Hybrid)", None, ["Berlin"]),
        ("Data Engineer\nIntro\nMore\nAcme · Berlin (Hybrid)", None, ["Acme · Berlin (Hybrid)"]),
        ("Data Engineer\nBerlin\nPlatform /\nFull-time /", None, ["Berlin"]),
        ("Data Engineer\nApply\nPlatform /", None, None),
        ("Data Engineer\nAcme\nBerlin, Germany", "Acme", ["Berlin, Germany"]),
        ("Data Engineer\nIntro\nAcme\nBerlin, Germany", "Acme", ["Berlin, Germany"]),
        ("Data Engineer\nIntro\nMore\nAcme\nBerlin, Germany", "Acme", ["Berlin, Germany"]),
        ("Data Engineer\nIntro\nMore\nStill\nAcme\nBerlin, Germany", "Acme", None),
        ("Data Engineer\nAcme\nBerlin 10115, Germany", "Acme", None),
        ("Data Engineer (Berlin, Germany)", None, ["Berlin, Germany"]),
        ("Data Engineer\nNordlicht Maps - Berlin, Germany", None, ["Berlin, Germany"]),
        ("Data Engineer\nBerlin, Germany", None, ["Berlin, Germany"]),
        ("Data Engineer\nIntro\nHamburg · Hybrid · Vollzeit", None, ["Hamburg · Hybrid · Vollzeit"]),
        ("Data Engineer\nIntro\nMore\nHamburg · Hybrid · Vollzeit", None, ["Hamburg · Hybrid · Vollzeit"]),
        ("Data Engineer\nIntro\nMore\nStill\nHamburg · Hybrid · Vollzeit", None, None),
        ("# Careers\nData Engineer\nAcme · Berlin (Hybrid)", None, ["Berlin"]),
        ("Data Engineer", None, None),
    ],
    ids=plain_id,
)
def test_where_the_lines_at_the_top_place_the_role(text: str, company: str | None, places: list[str] | None) -> None:
    found = located_near_top(text, company)
    assert (found.value if found else None) == places


@pytest.mark.parametrize(
    ("text", "locations", "mode"),
    [
        ("Data Engineer\nAcme · Berlin (On-site)", [], "onsite"),
        ("Data Engineer\nAcme · Berlin (Remote)", [], "remote"),
        ("Data Engineer\nAcme · Berlin (hybrid)", [], "hybrid"),
        ("Data Engineer\nIntro\nMore\nAcme · Berlin (Remote)", [], None),
        ("This role is hybrid", [], "hybrid"),
        ("No remote work possible", [], "onsite"),
        ("Nothing said", ["Remote - US"], "remote"),
        ("Nothing said", ["REMOTE"], "remote"),
        ("Nothing said", ["Berlin"], None),
        ("This is an on-site role", [], "onsite"),
    ],
    ids=plain_id,
)
def test_how_the_work_happens(text: str, locations: list[str], mode: str | None) -> None:
    found = work_mode_from_text(text, locations)
    assert (found.value if found else None) == mode


@pytest.mark.parametrize(
    ("text", "url"),
    [
        ("Apply here: https://boards.example.com/jobs/123.", "https://boards.example.com/jobs/123"),
        ("URL: <https://example.com/x>", "https://example.com/x"),
        ("POSTING URL: https://example.com/x", "https://example.com/x"),
        ("link: https://example.com/a)", "https://example.com/a"),
        ("Job URL:https://x.io/p,", "https://x.io/p"),
        ("See https://example.com/about and https://example.com/careers/42.", "https://example.com/careers/42"),
        ("See HTTPS://EXAMPLE.COM/CAREERS/42", None),
        ("See https://example.com/about", None),
        ("nothing here", None),
    ],
    ids=plain_id,
)
def test_the_postings_own_address(text: str, url: str | None) -> None:
    found = url_from_text(text)
    assert (found.value if found else None) == url


@pytest.mark.parametrize(
    ("url", "source"),
    [
        ("https://www.linkedin.com/jobs/1", "linkedin.com"),
        ("https://jobs.lever.co/x", "jobs.lever.co"),
        ("https://jobs.www.example.com/x", "jobs.www.example.com"),
        ("https://www./x", None),
        ("not a url", None),
        ("", None),
        (None, None),
    ],
    ids=plain_id,
)
def test_where_the_posting_was_found(url: str | None, source: str | None) -> None:
    assert source_of(url) == source


@pytest.mark.parametrize(
    ("line", "name", "legal"),
    [
        ("Data Engineer - Foo GmbH", "Foo", True),
        ("Backend Engineer - Tulip B.V. - Amsterdam", "Tulip", True),
        ("Senior iOS Engineer - Blue Widgets, Inc.", "Blue Widgets", True),
        ("Engineer at Acme Corp (Remote)", "Acme", True),
        ("Product Manager - Payments", "Payments", False),
        ("Data Engineer - Foo GmbH", "Bar", False),
        ("Foo GmbH Partners - Engineer", "Foo", False),  # a legal form is the name's last word
        ("Foo - Data Engineer", "Foo", False),
        ("Tuyển Senior Java Developer - Công ty ABC", "ABC", True),  # Vietnamese and Korean write it first
        ("Backend Developer - (주)카카오", "카카오", True),
        ("Backend Developer - Xcông ty ABC", "ABC", False),  # a form is a word of its own
    ],
)
def test_a_name_written_with_its_legal_form(line: str, name: str, legal: bool) -> None:
    assert written_with_legal_form(line, name) is legal


@pytest.mark.parametrize(
    ("written", "name"),
    [
        ("Etsy Inc.", "Etsy"),
        ("NovaAI (YC W24)", "NovaAI"),
        ("(주)카카오페이", "카카오페이"),
        ("㈜카카오", "카카오"),
        ("주식회사 당근마켓", "당근마켓"),
        ("당근마켓 주식회사", "당근마켓"),
        ("카카오페이(주)", "카카오페이"),
        ("Công ty TNHH ABC", "ABC"),
        ("CÔNG TY CỔ PHẦN XYZ", "XYZ"),
        ("Công ty", "Công ty"),
        ("(주)", "(주)"),  # a legal form alone is no name to take it from
        ("주식회사네이버", "주식회사네이버"),  # nor one written into a word
    ],
    ids=plain_id,
)
def test_a_company_s_name_without_its_legal_form(written: str, name: str) -> None:
    assert company_name_of(written) == name
