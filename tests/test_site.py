"""The built site: addresses, tables, cross-links, escaping and a build that stops on problems."""

from __future__ import annotations

import re
from pathlib import Path

from conftest import build_site, make_site, read_page
from html_tools import broken_links, external_resources, tables

POSTINGS = [
    "etsy-engineering-manager-ml-for-growth",
    "etsy-machine-learning-engineer-growth",
    "etsy-engineering-manager-recommendations-ranking",
    "etsy-engineering-manager-ads-ml",
]


def test_contract_addresses_exist(shipped_site: Path) -> None:
    site = shipped_site / "site"
    for address in [
        "",
        "companies/",
        "postings/",
        "salaries/",
        "roles/",
        "tags/",
        "roles/engineering-manager-ml/",
        "roles/machine-learning-engineer/",
        "companies/etsy/",
    ]:
        assert (site / address / "index.html").is_file(), address
    for slug in POSTINGS:
        assert (site / "postings" / slug / "index.html").is_file()
        assert (site / "prep" / slug / "index.html").is_file()
    assert not (site / "applications").exists()


def test_every_internal_link_resolves_and_nothing_loads_from_other_hosts(shipped_site: Path) -> None:
    assert broken_links(shipped_site / "site") == []
    assert external_resources(shipped_site / "site") == []


def test_salary_comparison_shows_the_four_real_ranges_and_never_the_headline(shipped_site: Path) -> None:
    page = read_page(shipped_site, "salaries/")
    by_posting = tables(page)[0]
    assert by_posting[0][:6] == ["Posting", "Company", "As stated", "Annual min", "Midpoint", "Annual max"]
    ranges = sorted((row[3], row[5]) for row in by_posting[1:])
    assert ranges == [
        ("$153,000", "$199,000"),
        ("$197,000", "$257,000"),
        ("$197,000", "$257,000"),
        ("$226,000", "$294,000"),
    ]
    flagged = [row[0] for row in by_posting[1:] if "min + max" in row[-1]]
    assert sorted(flagged) == ["Engineering Manager, Ads ML", "Engineering Manager, Recommendations Ranking"]
    assert 'class="rdx-chart-row"' in page and "$150k</span>" in page
    for html_file in (shipped_site / "site").rglob("*.html"):
        assert "$454,000" not in html_file.read_text(encoding="utf-8")


def test_summaries_per_company_and_role_family(shipped_site: Path) -> None:
    page_tables = tables(read_page(shipped_site, "salaries/"))
    by_company, by_role = page_tables[1], page_tables[2]
    assert by_company[1][:4] == ["Etsy", "$153,000", "$227,000", "$294,000"]
    assert [row[:4] for row in by_role[1:]] == [
        ["Engineering Manager, ML", "$197,000", "$227,000", "$294,000"],
        ["Machine Learning Engineer", "$153,000", "$176,000", "$199,000"],
    ]


def test_indexes_hold_one_row_per_record(shipped_site: Path) -> None:
    companies = tables(read_page(shipped_site, "companies/"))[0]
    assert companies[1][:5] == [
        "Etsy",
        "Brooklyn, New York",
        "Online marketplace for handmade and vintage goods",
        "2,000",
        "4",
    ]
    postings = tables(read_page(shipped_site, "postings/"))[0]
    assert len(postings) == 5
    assert {row[0] for row in postings[1:]} == {
        "Engineering Manager, Machine Learning for Growth",
        "Machine Learning Engineer, Growth",
        "Engineering Manager, Recommendations Ranking",
        "Engineering Manager, Ads ML",
    }
    page = read_page(shipped_site, "postings/")
    for slug in POSTINGS:
        assert f'href="{slug}/"' in page and f'href="../prep/{slug}/"' in page


def test_posting_page_gains_a_header_card_and_company_page_its_postings(shipped_site: Path) -> None:
    posting = read_page(shipped_site, "postings/etsy-engineering-manager-ads-ml/")
    card = posting[posting.index('class="rdx-card"') :]
    card = card[: card.index("</div>")]
    for expected in (
        'href="../../companies/etsy/"',
        'href="../../roles/engineering-manager-ml/"',
        'href="../../prep/etsy-engineering-manager-ads-ml/"',
        'href="https://www.remotewlb.com/apply/engineering-manager-ads-ml-55627"',
        "$197,000–$257,000 a year",
        "hybrid",
        "United States",
        "Director of Engineering",
    ):
        assert expected in card, expected
    assert "Etsy Ads engineering group" in posting  # the posting's text is kept whole
    company = read_page(shipped_site, "companies/etsy/")
    rows = tables(company)[-1]
    assert len(rows) == 5 and "4 postings; salary range $153,000–$294,000" in company
    assert "Keep Commerce Human" in company and "NASDAQ: ETSY" in company


def test_seed_facts_reach_the_published_site(shipped_site: Path) -> None:
    text = " ".join(p.read_text(encoding="utf-8") for p in (shipped_site / "site").rglob("*.html"))
    for fact in [
        "Josh Silverman",
        "Rachana Kumar",
        "Reverb (2019) and Depop (2021)",
        "2022 Revenue: $2.6 billion",
        "Senior Engineering Manager, Growth",
        "Perso Engine",
        "Hawaii and Alaska",
        "Kubeflow",
        "New Relic",
    ]:
        assert fact in text, fact
    assert "â€™" not in text and "ðŸ’°" not in text
    for note in PREP_NOTES:  # the user's own prep notes are private, like every prep note
        assert note not in text, note


PREP_NOTES = (
    "What approaches would you take to integrate LLMs into the Etsy buyer experience?",
    "What is the roadmap for LLM implementation at Etsy?",
)


def test_seed_prep_notes_reach_the_private_view(tmp_path: Path) -> None:
    make_site(tmp_path)
    assert build_site(tmp_path, private="include").returncode == 0
    page = read_page(tmp_path, "prep/etsy-engineering-manager-ml-for-growth/")
    for note in PREP_NOTES:
        assert note in page, note


HOSTILE = "<script>alert(1)</script> | `tick` [x](y) *star*"


def test_hostile_title_is_escaped_in_every_table(tmp_path: Path) -> None:
    posting = (
        "---\ncompany: etsy\ntitle: '" + HOSTILE.replace("'", "''") + "'\nrole: engineering-manager-ml\n"
        "team: 'a | b'\nsalary: {min: 100000, max: 120000, currency: EUR, period: year}\n---\nBody.\n"
    )
    make_site(tmp_path, {"postings/etsy-hostile.md": posting})
    result = build_site(tmp_path)
    assert result.returncode == 0, result.stderr
    site = tmp_path / "site"
    for html_file in site.rglob("*.html"):
        assert "<script>alert" not in html_file.read_text(encoding="utf-8"), html_file
    for address in ("postings/", "salaries/", "roles/engineering-manager-ml/", "companies/etsy/", ""):
        for table in tables(read_page(tmp_path, address)):
            widths = {len(row) for row in table}
            assert len(widths) == 1, (address, table)
    postings = tables(read_page(tmp_path, "postings/"))[0]
    assert [row[0] for row in postings if row[0].startswith("<script>")] == [HOSTILE]
    own = read_page(tmp_path, "postings/etsy-hostile/")
    assert re.search(r"<title>&lt;script&gt;alert\(1\)&lt;/script&gt;", own)


def test_a_broken_file_stops_the_build_with_the_checkers_message(tmp_path: Path) -> None:
    make_site(tmp_path, {"postings/etsy-broken.md": "---\ncompany: etsy\ntitle: Broken\nwork_mode: remote-ish\n---\n"})
    result = build_site(tmp_path)
    assert result.returncode == 1
    assert "docs/postings/etsy-broken.md:4: work_mode: expected one of remote, hybrid, onsite" in result.stderr
    assert "Traceback" not in result.stderr


def test_currencies_without_a_rate_and_postings_without_salary(tmp_path: Path) -> None:
    make_site(
        tmp_path,
        {
            "postings/etsy-zar.md": (
                "---\ncompany: etsy\ntitle: Rand Role\nrole: data-scientist\n"
                "salary: {min: 900000, max: 1200000, currency: ZAR, period: year}\n---\n"
            ),
            "postings/etsy-hourly.md": (
                "---\ncompany: etsy\ntitle: Hourly Role\nrole: data-scientist\n"
                "salary: {min: 50, max: 60, currency: EUR, period: hour}\n---\n"
            ),
            "postings/etsy-unpaid.md": "---\ncompany: etsy\ntitle: Secret Salary\nsalary: {text: Competitive}\n---\n",
        },
    )
    assert build_site(tmp_path).returncode == 0
    page = read_page(tmp_path, "salaries/")
    rows = {row[0]: row for row in tables(page)[0][1:]}
    assert rows["Rand Role"][3] == "ZAR 900,000"
    assert "no rate for ZAR" in rows["Rand Role"][-1]
    assert rows["Hourly Role"][3:6] == ["$112,320", "$123,552", "$134,784"]  # 50 EUR x 2080 h x 1.08
    assert "Currencies without a rate" in page
    unstated = page[page.index("Postings without a stated salary") :]
    assert "Secret Salary" in unstated and "Competitive" in unstated
    role = tables(read_page(tmp_path, "roles/data-scientist/"))
    assert "$112,320" in read_page(tmp_path, "roles/data-scientist/")
    assert len(role[0]) == 3
