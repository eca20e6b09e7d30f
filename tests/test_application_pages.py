"""Where the user stands, on every page of the private view and on none of the published one:
an application's own page with its story, contacts' pages, a company's people, status badges."""

from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path

import pytest
from conftest import build_site, invoke, make_site, read_page
from roledex.facts.history import RecordedChange, parse_log, status_history
from roledex.facts.timeline import FROM_DATES, FROM_GIT, Moment, next_round, timeline
from roledex.kb.model import Application, Event
from roledex.kb.source import Document

POSTING = "etsy-engineering-manager-ml-for-growth"
APPLICATION = f"""---
posting: {POSTING}
status: interviewing
source: referral
contacts: [jane-doe]
applied: 2026-11-02
updated: 2026-11-10
next_step: "Onsite <loop>"
next_date: 2026-11-28
events:
  - date: 2026-11-02
    status: applied
  - date: 2026-11-05
    status: screening
    note: "recruiter call & notes"
  - date: 2026-11-10
    status: interviewing
  - date: 2026-11-12
    round: hiring-manager
    time: "15:00 America/New_York"
    minutes: 45
    contacts: [sam-lee]
    outcome: passed
  - date: 2099-01-05
    round: onsite
    time: "10:00 America/New_York"
    contacts: [sam-lee, jane-doe]
---

# Application: EM ML for Growth

## Debrief 2026-11-12

Sam asked about ranking metrics.
"""
JANE = (
    "---\nname: Jane <Doe>\ncompany: etsy\nrole: Technical Recruiter\nrelation: recruiter\n"
    "email: jane@example.com\n---\n\nMet at the meetup.\n"
)
SAM = "---\nname: Sam Lee\ncompany: etsy\nrelation: hiring-manager\n---\n"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The same knowledge base built as published and as the private view."""
    sites = {}
    for view in ("exclude", "include"):
        root = tmp_path_factory.mktemp(view)
        make_site(
            root,
            {
                f"applications/{POSTING}.md": APPLICATION,
                "contacts/jane-doe.md": JANE,
                "contacts/sam-lee.md": SAM,
            },
        )
        result = build_site(root, private=view)
        assert result.returncode == 0, result.stderr
        sites[view] = root
    return sites


@pytest.mark.parametrize("address", ["", "postings/", f"postings/{POSTING}/", "companies/etsy/"])
def test_the_private_view_shows_where_you_stand_and_the_published_site_does_not(
    built: dict[str, Path], address: str
) -> None:
    private, public = read_page(built["include"], address), read_page(built["exclude"], address)
    assert 'rdx-status-interviewing"' in private
    assert "rdx-status-" not in public
    for word in ("Jane &lt;Doe&gt;", "Sam Lee", "your application", "Onsite"):
        assert word not in public


def test_a_posting_page_says_your_status_and_next_step(built: dict[str, Path]) -> None:
    page = read_page(built["include"], f"postings/{POSTING}/")
    assert "<strong>You:</strong>" in page and 'href="../../applications/' + POSTING + '/"' in page
    assert "<strong>Next step:</strong> Onsite &lt;loop&gt; (2026-11-28)" in page


def test_an_application_page_shows_its_facts_story_rounds_and_body(built: dict[str, Path]) -> None:
    page = read_page(built["include"], f"applications/{POSTING}/")
    assert "<h1" in page and "Application: EM ML for Growth" in page
    for fact in ("<strong>Applied:</strong> 2026-11-02", "<strong>Source:</strong> referral", "prep page"):
        assert fact in page
    assert page.index("moved to applied") < page.index("moved to screening") < page.index("moved to interviewing")
    assert "recruiter call &amp; notes" in page
    assert "hiring manager round (passed)" in page and "2026-11-12 15:00 America/New&#95;York" in page
    assert "<strong>Next round:</strong> onsite, 2099-01-05 at 10:00 America/New&#95;York." in page
    assert 'href="../../contacts/sam-lee/">Sam Lee</a>' in page
    assert "Sam asked about ranking metrics." in page


def test_a_contact_page_and_a_companys_people(built: dict[str, Path]) -> None:
    page = read_page(built["include"], "contacts/jane-doe/")
    assert "Jane &lt;Doe&gt;" in page and 'href="mailto:jane@example.com"' in page
    assert "Technical Recruiter" in page and "Met at the meetup." in page
    assert f'href="../../postings/{POSTING}/"' in page
    company = read_page(built["include"], "companies/etsy/")
    assert "<h2" in company and "People" in company and 'href="../../contacts/jane-doe/"' in company
    assert not (built["exclude"] / "site" / "contacts").exists()


def test_publish_check_finds_the_contacts_private(built: dict[str, Path]) -> None:
    public = invoke("publish-check", str(built["exclude"] / "site"), "--docs", str(built["exclude"] / "docs"))
    assert public.returncode == 0, public.stdout + public.stderr
    assert "contacts/jane-doe.md" in public.stdout
    private = invoke("publish-check", str(built["include"] / "site"), "--docs", str(built["include"] / "docs"))
    assert private.returncode == 1 and "contacts/jane-doe" in private.stdout


# --- the story, from events, Git or dates ---

DOC = Document(path="a.md", folder="applications", slug="a", meta={}, body="", body_line=1)
DAY = dt.date(2026, 11, 25)


def test_events_make_the_timeline_in_date_order() -> None:
    later = Event(DAY, "round", round="technical", outcome="passed", number=2)
    first = Event(DAY - dt.timedelta(days=3), "status", status="applied", number=1)
    application = Application(slug="a", doc=DOC, events=[later, first])
    assert [m.describe() for m in timeline(application)] == ["moved to applied", "technical round (passed)"]


def test_without_events_git_history_tells_the_story_then_the_dates() -> None:
    application = Application(slug="a", doc=DOC, status="screening", applied=DAY, updated=DAY + dt.timedelta(days=2))
    history = [RecordedChange(DAY, "applied", "abc"), RecordedChange(DAY, "screening", "def")]
    assert [(m.status, m.source) for m in timeline(application, history)] == [
        ("applied", FROM_GIT),
        ("screening", FROM_GIT),
    ]
    assert [(m.status, m.source) for m in timeline(application)] == [("applied", FROM_DATES), ("screening", FROM_DATES)]
    assert timeline(Application(slug="a", doc=DOC, status="saved")) == []


@pytest.mark.parametrize(
    ("moment", "words"),
    [
        (Moment(DAY, "status", "offer"), "moved to offer"),
        (Moment(DAY, "status"), "status change"),
        (Moment(DAY, "round", round="system-design"), "system design round"),
        (Moment(DAY, "round"), "interview round"),
        (Moment(DAY, "follow-up"), "you followed up"),
        (Moment(DAY, "reply", "rejected"), "they replied; moved to rejected"),
        (Moment(DAY, "note"), "note"),
    ],
)
def test_each_moment_in_words(moment: Moment, words: str) -> None:
    assert moment.describe() == words


def test_the_next_round_is_the_first_not_yet_held() -> None:
    rounds = [
        Event(DAY - dt.timedelta(days=1), "round", round="technical", number=1),
        Event(DAY + dt.timedelta(days=5), "round", round="final", number=3),
        Event(DAY + dt.timedelta(days=2), "round", round="onsite", outcome="cancelled", number=2),
        Event(DAY, "round", round="hiring-manager", time="09:00 UTC", outcome="scheduled", number=4),
    ]
    application = Application(slug="a", doc=DOC, events=rounds)
    assert next_round(application, DAY) == rounds[3]
    assert next_round(application, DAY + dt.timedelta(days=1)) == rounds[1]
    assert next_round(application, DAY + dt.timedelta(days=6)) is None


LOG = (
    "\x00commit 3333333333333333 2026-11-10\n\ndiff --git a/x b/x\n@@ -2 +2 @@\n"
    "-status: screening\n+status: interviewing\n"
    "\x00commit 2222222222222222 2026-11-05\n\n@@ -2 +2 @@\n-status: applied\n+status: 'screening'  # call\n"
    "\x00commit 1111111111111111 2026-11-02\n\n@@ -0,0 +1,3 @@\n+---\n+status: applied\n+posting: p\n"
    "\x00commit 0000000000000000 not-a-date\n\n+status: offer\n"
)


def test_git_log_is_read_as_status_changes_oldest_first() -> None:
    assert parse_log(LOG) == [
        RecordedChange(dt.date(2026, 11, 2), "applied", "111111111111"),
        RecordedChange(dt.date(2026, 11, 5), "screening", "222222222222"),
        RecordedChange(dt.date(2026, 11, 10), "interviewing", "333333333333"),
    ]
    moved_only = "\x00commit 5 2026-11-12\n\n-status: interviewing\n+status: interviewing\n"
    assert parse_log(moved_only + LOG)[-1].date == dt.date(2026, 11, 10)
    assert parse_log("") == [] and parse_log("\x00commit x\n+status: offer\n") == []
    assert parse_log("\x00commit 9 2026-11-12\n\n+status: pending\n") == []


def test_status_history_asks_git_and_is_empty_outside_a_repository(tmp_path: Path) -> None:
    path = tmp_path / "a.md"
    assert status_history(path) == []
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@example.com"]
    subprocess.run(["git", "init", "-q"], cwd=tmp_path, check=True)
    for day, status in (("2026-11-02", "applied"), ("2026-11-05", "screening")):
        path.write_text(f"---\nstatus: {status}\n---\n", encoding="utf-8")
        subprocess.run(["git", "add", "a.md"], cwd=tmp_path, check=True)
        env = {"GIT_COMMITTER_DATE": f"{day}T12:00:00", "GIT_AUTHOR_DATE": f"{day}T12:00:00", "PATH": "/usr/bin:/bin"}
        subprocess.run([*git, "commit", "-q", "-m", status], cwd=tmp_path, check=True, env=env)
    assert [(c.date.isoformat(), c.status) for c in status_history(path)] == [
        ("2026-11-02", "applied"),
        ("2026-11-05", "screening"),
    ]


def test_the_funnel_page_is_private(tmp_path_factory: pytest.TempPathFactory) -> None:
    files = {
        "applications/etsy-engineering-manager-ml-for-growth.md": (
            "---\nposting: etsy-engineering-manager-ml-for-growth\nstatus: screening\nsource: referral\n"
            "events:\n  - date: 2026-11-02\n    status: applied\n  - date: 2026-11-06\n    status: screening\n---\n"
        )
    }
    private, public = tmp_path_factory.mktemp("private"), tmp_path_factory.mktemp("public")
    for root, view in ((private, "include"), (public, "exclude")):
        make_site(root, files)
        assert build_site(root, private=view).returncode == 0
    page = read_page(private, "applications/funnel/")
    assert "1 application sent." in page and "1 of 1 (too few for a rate)" in page
    assert "4 days (n=1)" in page
    assert not (public / "site" / "applications").exists()
