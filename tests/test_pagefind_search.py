"""The published site's search by Pagefind: an index fetched in pieces, every page findable by
its title, nothing private in it, Material's search box answering, and Material's search kept
for the private view and for those who set it."""

from __future__ import annotations

import base64
import gzip
import html
import json
import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import build_site, make_site, plain_id, run_roledex
from roledex.plugin import pagefind_search, pagefind_stream
from roledex.plugin.pagefind_stream import StreamFailed, _write_bundle
from screenshots import serve

MATERIAL = {"material/search": object()}


@pytest.mark.parametrize(
    ("engine", "command", "include_private", "plugins", "wanted"),
    [
        ("pagefind", "build", False, MATERIAL, True),
        ("pagefind", "gh-deploy", False, MATERIAL, True),
        ("pagefind", "serve", False, MATERIAL, False),
        ("pagefind", "build", True, MATERIAL, False),
        ("material", "build", False, MATERIAL, False),
        ("pagefind", "build", False, {}, False),
    ],
    ids=plain_id,
)
def test_pagefind_serves_a_published_build_only(
    engine: str, command: str, include_private: bool, plugins: dict[str, object], wanted: bool
) -> None:
    assert pagefind_search.wanted(engine, command, include_private, plugins) is wanted


def fragments(site: Path) -> list[dict[str, object]]:
    """Every page Pagefind indexed: its address, title and text."""
    found = []
    for path in sorted((site / "pagefind" / "fragment").iterdir()):
        raw = gzip.decompress(path.read_bytes())
        assert raw.startswith(b"pagefind_dcd")
        found.append(json.loads(raw[len(b"pagefind_dcd") :]))
    return found


def page_titles(site: Path) -> dict[str, str]:
    """Each published page's address and the text of its H1, as a reader sees it."""
    titles = {}
    for page in site.rglob("index.html"):
        heading = re.search(r"<h1[^>]*>(.*?)</h1>", page.read_text(encoding="utf-8"), re.S)
        if heading:
            text = html.unescape(re.sub(r"<[^>]+>", "", heading.group(1))).replace("¶", "").strip()
            folder = page.parent.relative_to(site).as_posix()
            titles["/" if folder == "." else f"/{folder}/"] = text
    return titles


def test_every_published_page_is_indexed_under_its_title(shipped_site: Path) -> None:
    site = shipped_site / "site"
    indexed = {str(f["url"]): f for f in fragments(site)}
    titles = page_titles(site)
    assert set(indexed) == set(titles)
    for address, title in titles.items():
        assert indexed[address]["meta"]["title"].replace("&amp;", "&") == title  # type: ignore[index]
        assert "¶" not in str(indexed[address]["content"])


def test_the_site_holds_one_search_index_and_the_box_is_pagefinds(shipped_site: Path) -> None:
    site = shipped_site / "site"
    assert (site / "pagefind" / "pagefind-entry.json").is_file()
    assert (site / "assets" / "roledex" / "pagefind-search.js").is_file()
    assert not (site / "search").exists()
    home = (site / "index.html").read_text(encoding="utf-8")
    assert "data-rdx-search" in home and 'class="md-search__input"' in home
    assert 'data-md-component="search"' not in home and 'name="search"' not in home
    assert 'src="assets/roledex/pagefind-search.js"' in home


def test_what_search_leaves_out_stays_out(shipped_site: Path) -> None:
    site = shipped_site / "site"
    salaries = (site / "salaries" / "index.html").read_text(encoding="utf-8")
    chart = re.search(r'<figure class="rdx-chart"[^>]*>(.*?)</figure>', salaries, re.S)
    assert chart is not None and "data-pagefind-ignore" in chart.group(0)
    (indexed,) = [f for f in fragments(site) if f["url"] == "/salaries/"]
    labels = [html.unescape(t).strip() for t in re.findall(r">([^<>]{12,})<", chart.group(1))]
    assert labels and not any(label in str(indexed["content"]) for label in labels)


def test_private_pages_are_not_in_the_index(shipped_site: Path, private_shipped_site: Path) -> None:
    published = {str(f["url"]) for f in fragments(shipped_site / "site")}
    assert not any(url.startswith(("/applications/", "/contacts/", "/offers/", "/stories/")) for url in published)
    assert not (private_shipped_site / "site" / "pagefind").exists()  # the private view keeps Material's
    assert (private_shipped_site / "site" / "search" / "search_index.json").is_file()
    checked = run_roledex("publish-check", "site", "--docs", "docs", cwd=shipped_site)
    assert checked.returncode == 0, checked.stdout


def test_material_search_by_setting(material_shipped_site: Path) -> None:
    site = material_shipped_site / "site"
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert any(doc["location"] == "companies/etsy/" for doc in index["docs"])
    assert not (site / "pagefind").exists() and not (site / "assets" / "roledex" / "pagefind-search.js").exists()
    home = (site / "index.html").read_text(encoding="utf-8")
    assert 'data-md-component="search"' in home and "data-rdx-search" not in home


def test_a_search_setting_it_does_not_know_is_one_line(tmp_path: Path) -> None:
    make_site(tmp_path)
    config = tmp_path / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace("  roledex:\n", "  roledex:\n    search: lunr\n", 1),
        encoding="utf-8",
    )
    checked = run_roledex("check", cwd=tmp_path)
    assert checked.returncode == 1
    assert "extra.roledex.search: expected pagefind or material, got 'lunr'" in checked.stdout


def test_pagefind_failing_stops_the_build_with_its_reason(tmp_path: Path) -> None:
    with pytest.raises(pagefind_search.IndexingFailed):
        pagefind_search.index_site(tmp_path / "no-site-here")


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    root = tmp_path_factory.mktemp("hostile-search")
    posting = (
        "---\ncompany: etsy\ntitle: 'Zebra <img src=x onerror=\"window.hit=1\"> Wrangler'\n"
        "work_mode: remote\nlocations: [Remote]\nposted: 2026-11-01\n---\n\n"
        "The zebra team writes <script>window.hit=2</script> and &lt;b&gt;bold&lt;/b&gt; as text.\n"
    )
    make_site(root, {"postings/etsy-zebra.md": posting})
    result = build_site(root)
    assert result.returncode == 0, result.stderr
    with serve(root / "site") as url:
        yield url


def test_search_answers_in_materials_box_and_runs_nothing_from_the_pages(browser: object, hostile_site: str) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 900})  # type: ignore[attr-defined]
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("dialog", lambda dialog: errors.append(f"dialog {dialog.message}"))
    fetched: list[str] = []
    page.on("requestfinished", lambda request: fetched.append(request.url))
    page.goto(hostile_site)
    page.wait_for_load_state("networkidle")
    assert not any("/pagefind/" in url or "search_index" in url for url in fetched), "nothing before a query"
    page.keyboard.press("/")
    page.locator("input.md-search__input").press_sequentially("zebra", delay=20)
    first = page.locator(".md-search-result__item").first
    first.wait_for()
    title = first.locator("h1").inner_text()
    assert title == 'Zebra <img src=x onerror="window.hit=1"> Wrangler'
    assert first.locator("mark").count() >= 1
    assert "<script>" in first.locator("p").inner_text()
    assert page.evaluate("window.hit") is None and errors == []
    count = page.locator(".md-search-result__meta").inner_text()
    assert (
        re.fullmatch(r"\d+ matching documents", count)
        and int(count.split()[0]) == page.locator(".md-search-result__item").count()
    )
    page.keyboard.press("Escape")
    assert page.locator("[data-md-toggle=search]").is_checked() is False
    page.keyboard.press("/")
    first.locator("a").click()
    page.wait_for_url("**/postings/etsy-zebra/")
    context.close()


@pytest.mark.parametrize("address", ["/postings/", "/salaries/", "/roles/engineering-manager-ml/", "/companies/etsy/"])
def test_lists_of_postings_are_found_on_each_postings_own_page(shipped_site: Path, address: str) -> None:
    indexed = {str(f["url"]): str(f["content"]) for f in fragments(shipped_site / "site")}
    title = "Engineering Manager, Ads ML"
    assert title in indexed["/postings/etsy-engineering-manager-ads-ml/"]
    assert title not in indexed[address]


def test_a_prep_page_indexes_its_own_notes_not_the_company_brief(shipped_site: Path) -> None:
    indexed = {str(f["url"]): str(f["content"]) for f in fragments(shipped_site / "site")}
    assert "Headquarters: Brooklyn" in indexed["/companies/etsy/"]
    prep = [content for url, content in indexed.items() if url.startswith("/prep/")]
    assert len(prep) == 4 and not any("Headquarters: Brooklyn" in content for content in prep)


PAGE = (
    '<html lang="en"><body><nav>menu</nav>'
    '<article class="md-content__inner"><h1>{title}</h1><p>{text}</p></article></body></html>'
)


def _written(site: Path, pages: dict[str, tuple[str, str]]) -> None:
    for address, (title, text) in pages.items():
        path = site / address.strip("/") / "index.html"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(PAGE.format(title=title, text=text), encoding="utf-8")


PAGES = {"/": ("Home", "welcome aboard"), "/postings/zebra/": ("Zebra Wrangler", "stripes and hooves")}


def test_pages_streamed_as_written_make_the_index_the_command_line_makes(tmp_path: Path) -> None:
    streamed, crawled = tmp_path / "streamed", tmp_path / "crawled"
    for site in (streamed, crawled):
        _written(site, PAGES)
    stream = pagefind_search.open_stream()
    assert stream is not None
    for address, (title, text) in PAGES.items():
        stream.add(address, PAGE.format(title=title, text=text))
    pagefind_search.publish_index(streamed, stream)
    pagefind_search.index_site(crawled)
    assert fragments(streamed) and sorted(map(str, fragments(streamed))) == sorted(map(str, fragments(crawled)))
    assert {f["url"]: f["meta"]["title"] for f in fragments(streamed)} == {  # type: ignore[index]
        "/": "Home",
        "/postings/zebra/": "Zebra Wrangler",
    }
    assert "menu" not in str(fragments(streamed))


def test_a_stream_that_dies_leaves_the_index_to_the_command_line(tmp_path: Path) -> None:
    _written(tmp_path, PAGES)
    stream = pagefind_search.open_stream()
    assert stream is not None
    stream.add("/", PAGE.format(title="Home", text="welcome aboard"))
    stream._process.kill()
    pagefind_search.publish_index(tmp_path, stream)
    assert sorted(str(f["url"]) for f in fragments(tmp_path)) == ["/", "/postings/zebra/"]


def test_a_page_the_stream_cannot_take_ends_the_stream(tmp_path: Path) -> None:
    stream = pagefind_search.open_stream()
    assert stream is not None
    assert pagefind_search.hand_over(stream, "", PAGE.format(title="Home", text="welcome")) is stream
    stream._process.kill()
    stream._process.wait()
    for _ in range(50):  # the reader sees the end of the answers, or a write fails: either ends it
        if pagefind_search.hand_over(stream, "postings/zebra/", PAGE.format(title="Z", text="z")) is None:
            break
    else:
        pytest.fail("the stream kept taking pages after its indexer died")
    assert stream._process.poll() is not None


def test_an_indexer_that_answers_otherwise_is_not_streamed_to(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    speaker = tmp_path / "speaker"
    speaker.write_text("#!/bin/sh\nprintf 'not base64 at all,'\ncat >/dev/null\n", encoding="utf-8")
    speaker.chmod(0o755)
    monkeypatch.setattr(pagefind_stream, "_executable", lambda: speaker)
    assert pagefind_search.open_stream() is None


def test_the_streamed_index_is_the_one_pagefind_makes_of_the_written_site(shipped_site: Path, tmp_path: Path) -> None:
    crawled = tmp_path / "site"
    shutil.copytree(shipped_site / "site", crawled)
    shutil.rmtree(crawled / "pagefind")
    pagefind_search.index_site(crawled)
    assert sorted(map(str, fragments(shipped_site / "site"))) == sorted(map(str, fragments(crawled)))


@pytest.mark.parametrize(
    ("page", "read"),
    [
        (
            '<html lang="pt"><body><nav>n</nav><article class="md-content__inner x"><h1>A</h1>'
            "<article><p>in</p></article><p>after</p></article><footer>f</footer></body></html>",
            '<html lang="pt"><body><article class="md-content__inner x"><h1>A</h1>'
            "<article><p>in</p></article><p>after</p></article></body></html>",
        ),
        ("<html><body><main>no article</main></body></html>", "<html><body><main>no article</main></body></html>"),
        ('<html lang="en"><body><p>none</p></body></html>', '<html lang="en"><body><p>none</p></body></html>'),
    ],
    ids=plain_id,
)
def test_pagefind_reads_the_article_of_a_page_in_its_language(page: str, read: str) -> None:
    assert pagefind_search.what_pagefind_reads(page) == read


@pytest.mark.parametrize(
    "file",
    [
        {"path": "../outside.js", "content": "eA=="},
        {"path": "/etc/outside.js", "content": "eA=="},
        {"path": "pagefind.js", "content": "not base64!"},
        {"path": "pagefind.js"},
        "pagefind.js",
    ],
    ids=plain_id,
)
def test_the_streams_files_are_written_only_inside_the_bundle(tmp_path: Path, file: object) -> None:
    with pytest.raises(StreamFailed):
        _write_bundle(tmp_path / "pagefind", [file])
    assert not (tmp_path / "outside.js").exists()


def test_the_streams_files_are_written_whole(tmp_path: Path) -> None:
    content = bytes(range(256)) * 300  # larger than one pipe read and one write chunk
    _write_bundle(tmp_path, [{"path": "fragment/en_1.pf_fragment", "content": base64.b64encode(content).decode()}])
    assert (tmp_path / "fragment" / "en_1.pf_fragment").read_bytes() == content
