"""Where the user stands, on every page of the private view and on none of the published one:
an application's own page with its story, contacts' pages, a company's people, status badges."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import build_site, invoke, make_site, read_page
from roledex.web.application_page import debrief_anchors

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
    assert 'id="debrief-2026-11-12"' in page and '<a href="./#debrief-2026-11-12">debrief</a>' in page
    assert page.count(">debrief</a>") == 1  # the onsite round has no debrief yet


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


@pytest.mark.parametrize(
    ("body", "anchors"),
    [
        ("## Debrief 2026-11-12\n\ntext\n", {"2026-11-12": "debrief-2026-11-12"}),
        ("## Notes\n\n### Onsite, 2026-11-28 (Sam & Jo)\n", {"2026-11-28": "onsite-2026-11-28-sam-jo"}),
        ("## 2026-11-12\n\n## Again 2026-11-12\n", {"2026-11-12": "2026-11-12"}),
        ("No headings; 2026-11-12 in prose.\n", {}),
    ],
)
def test_a_round_finds_its_debrief_by_the_day_in_a_heading(body: str, anchors: dict[str, str]) -> None:
    assert debrief_anchors(body) == anchors
