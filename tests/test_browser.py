"""The published site in a real browser (Debian's Chromium driven by Playwright), used as a
person would: following links, sorting, searching, dark mode, a phone-sized window."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from conftest import build_site, make_site
from screenshots import serve

GROWTH = "etsy-engineering-manager-ml-for-growth"


@pytest.fixture(scope="module")
def base_url(shipped_site: Path) -> Iterator[str]:
    with serve(shipped_site / "site") as url:
        yield url


class Watched:
    """A page whose console errors and requests to other hosts are collected."""

    def __init__(self, browser: object, base_url: str, **context: object) -> None:
        self.context = browser.new_context(**context)  # type: ignore[attr-defined]
        self.page = self.context.new_page()
        self.errors: list[str] = []
        self.foreign: list[str] = []
        host = urlsplit(base_url).netloc
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on(
            "request",
            lambda r: (
                self.foreign.append(r.url)
                if urlsplit(r.url).scheme in ("http", "https") and urlsplit(r.url).netloc != host
                else None
            ),
        )

    def close(self) -> None:
        self.context.close()
        assert self.errors == [], self.errors
        assert self.foreign == [], self.foreign


@pytest.fixture
def watched(browser: object, base_url: str) -> Iterator[Watched]:
    page = Watched(browser, base_url, viewport={"width": 1280, "height": 900})
    yield page
    page.close()


def test_home_to_company_to_posting_to_prep_by_clicking(watched: Watched, base_url: str) -> None:
    page = watched.page
    page.goto(base_url)
    page.get_by_role("link", name="Companies").first.click()
    page.wait_for_url("**/companies/")
    page.locator("article table a", has_text="Etsy").first.click()
    page.wait_for_url("**/companies/etsy/")
    page.locator("article table a", has_text="Engineering Manager, Ads ML").first.click()
    page.wait_for_url("**/postings/etsy-engineering-manager-ads-ml/")
    page.get_by_role("link", name="Prepare for this role").click()
    page.wait_for_url("**/prep/etsy-engineering-manager-ads-ml/")
    assert page.locator("h1").inner_text().startswith("Prep: Engineering Manager, Ads ML")


def test_every_posting_leads_to_its_prep_page(watched: Watched, base_url: str) -> None:
    page = watched.page
    page.goto(base_url + "postings/")
    addresses = page.locator("article table a", has_text="Prep").evaluate_all("els => els.map(e => e.href)")
    assert len(addresses) == 4
    for address in addresses:
        page.goto(address)
        assert page.locator("h1").inner_text().startswith("Prep:")


def _column(page: object, index: int) -> list[str]:
    return page.locator(f"article table >> nth=0 >> tbody tr td:nth-child({index})").all_inner_texts()  # type: ignore


def test_salary_table_sorts_by_clicking_its_header(watched: Watched, base_url: str) -> None:
    page = watched.page
    page.goto(base_url + "salaries/")
    before = _column(page, 4)
    page.locator("article table >> nth=0 >> th", has_text="Annual min").click()
    ascending = _column(page, 4)
    values = [int(v.replace("$", "").replace(",", "")) for v in ascending]
    assert values == sorted(values) and ascending[0] == "$153,000"
    page.locator("article table >> nth=0 >> th", has_text="Annual min").click()
    descending = _column(page, 4)
    assert descending[0] == "$226,000" and descending != ascending
    assert sorted(before) == sorted(ascending)


def _search(page: object, words: str, results: str) -> object:
    page.locator("label.md-search__icon, .md-search__input").first.click()  # type: ignore[attr-defined]
    page.locator("input.md-search__input").press_sequentially(words, delay=30)  # type: ignore[attr-defined]
    found = page.locator(results).first  # type: ignore[attr-defined]
    found.wait_for()
    return found


def test_search_finds_a_company(watched: Watched, base_url: str) -> None:
    watched.page.goto(base_url)
    first = _search(watched.page, "Etsy", ".md-search-result__link")
    assert "/companies/etsy/" in first.get_attribute("href")  # type: ignore[attr-defined]


def test_search_finds_an_interview_question_in_the_private_view(browser: object, private_url: str) -> None:
    watched = Watched(browser, private_url, viewport={"width": 1280, "height": 900})
    page = watched.page
    page.goto(private_url)  # the questions are the user's prep notes: private
    result = _search(page, "roadmap for LLM implementation", ".md-search-result__link[href*='/prep/']")
    result.click()  # type: ignore[attr-defined]
    page.wait_for_url(f"**/prep/{GROWTH}/**")
    assert "roadmap for LLM implementation" in page.locator("article").inner_text()
    watched.close()


def test_dark_mode_switch(watched: Watched, base_url: str) -> None:
    page = watched.page
    page.goto(base_url)
    assert page.locator("body").get_attribute("data-md-color-scheme") == "default"
    page.locator("label.md-header__button[for^='__palette']").first.click()
    assert page.locator("body").get_attribute("data-md-color-scheme") == "slate"


@pytest.mark.parametrize(
    "address",
    [
        "",
        "companies/",
        "companies/etsy/",
        "postings/",
        "salaries/",
        "roles/engineering-manager-ml/",
        f"prep/{GROWTH}/",
        "postings/etsy-engineering-manager-ads-ml/",
    ],
)
def test_phone_window_has_no_sideways_scrolling(browser: object, base_url: str, address: str) -> None:
    phone = Watched(browser, base_url, viewport={"width": 375, "height": 740}, is_mobile=True, has_touch=True)
    phone.page.goto(base_url + address)
    overflow = phone.page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    phone.close()
    assert overflow <= 0, f"{address} scrolls sideways by {overflow}px"


def test_charts_and_badges_carry_words(watched: Watched, base_url: str) -> None:
    page = watched.page
    page.goto(base_url + "salaries/")
    chart = page.locator("figure.rdx-chart").first
    assert chart.get_attribute("role") == "group" and chart.get_attribute("aria-label")
    assert "Engineering Manager, Ads ML (Etsy)" in chart.inner_text()  # labels are text, whole
    assert page.locator("figure.rdx-chart figcaption").first.inner_text()
    page.goto(base_url + "postings/")
    assert page.locator(".rdx-badge").first.inner_text() in ("remote", "hybrid", "onsite")
    assert page.locator("img:not([alt])").count() == 0


HOSTILE = {
    "companies/acme.md": (
        "---\nname: Acme <img src=x onerror=window.PWNED=1>\n"
        'tags: ["<img src=x onerror=window.PWNED=2>", "a&b", "x\\"y"]\n---\n\nAbout Acme.\n'
    ),
    "postings/acme-data-engineer.md": (
        "---\ncompany: acme\ntitle: Data <svg onload=window.PWNED=3> Engineer\nrole: data-engineer\n"
        'tags: ["<script>window.PWNED=4</script>"]\n---\n\nBuild pipelines for Acme.\n'
    ),
    "notes.md": (
        '---\ndescription: "\\"><script>window.PWNED=5</script>"\n'
        'tags: ["<svg onload=window.PWNED=6>"]\n---\n\n# Notes about Acme\n\nAcme notes.\n'
    ),
}


@pytest.fixture(scope="module")
def hostile_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    root = tmp_path_factory.mktemp("hostile")
    make_site(root, HOSTILE)
    result = build_site(root)
    assert result.returncode == 0, result.stderr
    with serve(root / "site") as url:
        yield url


@pytest.mark.parametrize("address", ["companies/acme/", "postings/acme-data-engineer/", "notes/", "tags/", ""])
def test_markup_in_front_matter_is_shown_never_run(browser: object, hostile_url: str, address: str) -> None:
    watched = Watched(browser, hostile_url)
    page = watched.page
    page.goto(hostile_url + address)
    page.locator("label.md-search__icon, .md-search__input").first.click()
    page.locator("input.md-search__input").press_sequentially("Acme", delay=20)
    page.locator(".md-search-result__link").first.wait_for()
    page.wait_for_timeout(300)
    assert page.evaluate("window.PWNED") is None
    assert page.locator("article img[src='x'], .md-search-result img[src='x'], .md-tag img").count() == 0
    if address == "companies/acme/":
        assert "<img src=x onerror=window.PWNED=2>" in page.locator(".md-content .md-tags").inner_text()
        assert "<img src=x onerror=window.PWNED=2>" in page.locator(".md-search-result").inner_text()
    watched.close()


@pytest.fixture(scope="module")
def private_url(private_shipped_site: Path) -> Iterator[str]:
    """The shipped knowledge base in the private view, where the prep sheet holds the most."""
    with serve(private_shipped_site / "site") as url:
        yield url


def _printed_pages(browser: object, url: str) -> tuple[int, str]:
    """(A4 pages the page prints to, the text a printed page shows)."""
    context = browser.new_context()  # type: ignore[attr-defined]
    page = context.new_page()
    page.goto(url)
    page.emulate_media(media="print")
    pdf = page.pdf(format="A4", print_background=True)
    shown = page.evaluate("document.querySelector('article').innerText")  # what is displayed, in print
    banner = page.evaluate(
        "[...document.querySelectorAll('.rdx-private-banner')].some(e => getComputedStyle(e).display !== 'none')"
    )
    context.close()
    assert not banner, "the private-view bar must not print"
    return len(re.findall(rb"/Type\s*/Page[^s]", pdf)), shown


@pytest.mark.parametrize("view", ["published", "private"])
def test_the_etsy_prep_sheet_prints_on_at_most_two_a4_pages(
    browser: object, base_url: str, private_url: str, view: str
) -> None:
    url = (base_url if view == "published" else private_url) + f"prep/{GROWTH}/"
    pages, shown = _printed_pages(browser, url)
    assert 1 <= pages <= 2
    assert "What they ask for" in shown
    notes = "Talking points" in shown and "Likely questions" in shown
    assert notes is (view == "private")  # the user's notes are private
    assert "Headquarters:" in shown  # the brief's key facts print
    assert "Mission and values" not in shown and "Related postings" not in shown  # the rest stays on screen
    assert "number your questions" not in shown


CONTRACT = (
    "---\ncompany: etsy\ntitle: ML Contractor\nrole: machine-learning-engineer\nemployment: contract\n"
    "salary:\n  min: 95\n  max: 120\n  currency: USD\n  period: hour\n---\n\nContract role.\n"
)


@pytest.fixture(scope="module")
def contract_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    root = tmp_path_factory.mktemp("contract")
    make_site(root, {"postings/etsy-contract-ml.md": CONTRACT})
    assert build_site(root).returncode == 0
    with serve(root / "site") as url:
        yield url


@pytest.mark.parametrize("address", ["salaries/", "postings/"])
def test_hourly_and_contract_pay_is_marked_and_can_be_left_out(
    browser: object, contract_url: str, address: str
) -> None:
    watched = Watched(browser, contract_url)
    page = watched.page
    page.goto(contract_url + address)
    row = page.locator("tr", has_text="ML Contractor")
    assert row.is_visible() and "hourly" in row.inner_text() and "contract" in row.inner_text()
    salaried = page.locator("tr", has_text="Engineering Manager, Ads ML").first
    page.get_by_label("Salaried, permanent jobs only", exact=False).check()
    assert not row.is_visible() and salaried.is_visible()
    page.get_by_label("Salaried, permanent jobs only", exact=False).uncheck()
    assert row.is_visible()
    assert watched.errors == []
    watched.close()


@pytest.mark.parametrize("view", ["published", "private"])
@pytest.mark.parametrize("address", ["postings/", "salaries/", "roles/engineering-manager-ml/"])
def test_tables_fit_their_box_on_a_laptop(
    browser: object, base_url: str, private_url: str, view: str, address: str
) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 900})  # type: ignore[attr-defined]
    page = context.new_page()
    page.goto((base_url if view == "published" else private_url) + address)
    overflow = page.evaluate(
        "Math.max(...[...document.querySelectorAll('.md-typeset__scrollwrap')].map(e => e.scrollWidth - e.clientWidth))"
    )
    context.close()
    assert overflow <= 0, f"{address} ({view}): a table is {overflow}px wider than its box"
