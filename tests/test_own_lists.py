"""Lists of the user's own material in the private view: contacts by next follow-up, stories
with the requirements they prove and where told, questions by readiness, prep notes with their
posting's standing; in the navigation and on the home page, and in no published build."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from conftest import build_site, make_site, read_page
from roledex.facts.people import last_in_touch
from roledex.kb.load import read_knowledge_base
from roledex.kb.settings import Settings
from roledex.web.context import SiteContext
from roledex.web.own_lists import contacts_list, questions_list, stories_list

P = "etsy-engineering-manager-ml-for-growth"
TODAY = dt.date(2026, 12, 6)


def _contact(name: str, follow_up: str | None, last: str | None = None) -> str:
    lines = [f'name: "{name}"', "company: etsy", "relation: referral"]
    lines += [f"next_follow_up: {follow_up}"] if follow_up else []
    lines += [f"last_contact: {last}"] if last else []
    return "---\n" + "\n".join(lines) + "\n---\n\nNotes.\n"


def _question(text: str, confidence: str | None, practised: str | None = None) -> str:
    lines = [f'question: "{text}"']
    lines += [f"confidence: {confidence}"] if confidence else []
    lines += [f"practised: {practised}"] if practised else []
    return "---\n" + "\n".join(lines) + "\n---\n\nMy answer.\n"


FILES = {
    "contacts/jo-park.md": _contact("Jo Park", "2026-12-20", "2026-11-01"),
    "contacts/ana-ruiz.md": _contact("Ana Ruiz", "2026-12-02"),
    "contacts/bo-li.md": _contact("Bo <b>Li</b>", None),
    "stories/ranking.md": (
        '---\ntitle: "Cut ranking latency 40%"\nskills: [machine learning]\nproves: [cross-functional]\n'
        f"used: [{P}]\n---\n\n## Situation\n\nA.\n\n## Action\n\nB.\n\n## Result\n\nC.\n"
    ),
    "questions/conflict.md": _question("Tell me about a conflict", "high", "2026-11-30"),
    "questions/failure.md": _question("Tell me about a failure", "low"),
    "questions/design.md": _question("Design a feed ranker", None),
    "questions/growth.md": _question("How do you grow engineers?", "low", "2026-10-01"),
}


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("own-lists")
    docs = make_site(root, FILES)
    application = docs / "applications" / f"{P}.md"
    application.write_text(
        application.read_text(encoding="utf-8").replace(
            "status: preparing\n",
            "status: screening\nevents:\n  - date: 2026-12-03\n    status: screening\n    contacts: [jo-park]\n",
        ),
        encoding="utf-8",
    )
    return root


@pytest.fixture(scope="module")
def context(site: Path) -> SiteContext:
    kb = read_knowledge_base(site / "docs").kb
    return SiteContext(kb, Settings(), today=TODAY, includes_private=True)


def _cells(markdown: str) -> list[list[str]]:
    rows = re.findall(r"<tr>(.*?)</tr>", markdown)
    cells = [[re.sub(r"<[^>]+>", "", cell) for cell in re.findall(r"<td>(.*?)</td>", row)] for row in rows]
    return [row for row in cells if row]  # not the header


def test_contacts_are_listed_soonest_follow_up_first_with_their_last_contact(context: SiteContext) -> None:
    rows = _cells(contacts_list(context))
    assert [(r[0], r[1], r[4], r[5]) for r in rows] == [
        ("Ana Ruiz", "Etsy", "", "2026-12-02 overdue"),
        ("Jo Park", "Etsy", "2026-12-03", "2026-12-20"),  # the event naming Jo is later than last_contact
        ("Bo &lt;b&gt;Li&lt;/b&gt;", "Etsy", "", ""),
    ]


@pytest.mark.parametrize(
    ("written", "event_day", "expected"),
    [
        (None, None, None),
        ("2026-11-01", None, dt.date(2026, 11, 1)),
        ("2026-11-01", "2026-12-03", dt.date(2026, 12, 3)),
        ("2026-12-05", "2026-12-03", dt.date(2026, 12, 5)),
        (None, "2026-12-10", None),  # a round planned ahead is not yet a contact
    ],
)
def test_last_in_touch_is_the_latest_day_up_to_today(
    context: SiteContext, written: str | None, event_day: str | None, expected: dt.date | None
) -> None:
    from roledex.kb.model import Application, Contact, Event, KnowledgeBase

    contact = Contact(slug="jo", doc=context.kb.contacts["jo-park"].doc, name="Jo", last_contact=_date(written))
    events = [Event(date=d, kind="round", round="technical", contacts=("jo",))] if (d := _date(event_day)) else []
    kb = KnowledgeBase(applications={"a": Application(slug="a", doc=contact.doc, events=events)})
    assert last_in_touch(contact, kb, TODAY) == expected


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def test_questions_are_grouped_by_readiness_least_ready_first(context: SiteContext) -> None:
    page = questions_list(context)
    headings = re.findall(r"^## (.+)$", page, re.MULTILINE)
    assert headings == ["Not ready (low confidence)", "Not rated", "Ready (high)"]
    assert [r[0] for r in _cells(page)] == [
        "Tell me about a failure",  # never practised, before
        "How do you grow engineers?",
        "Design a feed ranker",
        "Tell me about a conflict",
    ]


def test_a_story_says_which_requirements_it_proves_and_where_it_was_told(context: SiteContext) -> None:
    (row,) = _cells(stories_list(context))
    assert row[0] == "Cut ranking latency 40%" and row[1] == "machine learning, cross-functional"
    assert re.fullmatch(r"Engineering Manager, Machine Learning for Growth \(\d+ requirements?\)", row[2])
    assert row[3] == "Engineering Manager, Machine Learning for Growth"


LISTS = ("contacts", "stories", "questions", "prep")


def test_the_lists_are_pages_of_the_private_view_in_its_navigation(site: Path) -> None:
    assert build_site(site, private="include").returncode == 0
    home = read_page(site, "")
    for name in LISTS:
        page = read_page(site, name)
        assert "Only in the private view" in page
        assert f'href="{name}/"' in home  # linked from the home page and its navigation
    assert "Jo Park" in read_page(site, "contacts") and "Bo &lt;b&gt;Li&lt;/b&gt;" in read_page(site, "contacts")
    assert "<b>Li</b>" not in read_page(site, "contacts")
    prep = read_page(site, "prep")
    assert "Engineering Manager, Machine Learning for Growth" in prep and "screening" in prep


def test_a_published_build_has_none_of_the_lists(site: Path) -> None:
    assert build_site(site).returncode == 0
    for name in ("contacts", "stories", "questions"):
        assert not (site / "site" / name).exists()
    assert not (site / "site" / "prep" / "index.html").exists()
    published = "".join(p.read_text(encoding="utf-8") for p in (site / "site").rglob("*.html"))
    assert "Jo Park" not in published and "Tell me about a failure" not in published
