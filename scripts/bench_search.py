"""Benchmark the bytes a published site's search costs a reader: Pagefind against Material.

    python scripts/bench_search.py --postings 5000 --companies 500

Generates a knowledge base, builds it twice from an empty output folder (`mkdocs build`: with
Pagefind, roledex's default, and with `search: material`), serves each site on loopback and,
in Chromium, opens the home page, types a posting's title into the search box and waits for
the results. It reports, for each engine:

- the first query, for each picked posting's whole title and for its first word, as the median
  and range over the titles: every file the search fetched from opening the page to showing results,
  counted as GitHub Pages sends it (scripts and JSON gzip-compressed, Pagefind's index files,
  which are gzip already, as they are);
- the whole index as published (the files a search may ever fetch, compressed the same way);
- the build's time, Pagefind's indexing included;
- findability: of `--titles` pages picked evenly, how many list themselves among the first ten
  results of a search for their title (Pagefind only; the titles are what the user sees).
"""

from __future__ import annotations

import argparse
import gzip
import http.server
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_common import machine, median_and_range  # noqa: E402
from generate_kb import generate  # noqa: E402
from screenshots import CHROMIUM, CHROMIUM_ARGS, serve  # noqa: E402

COMPRESSED_BY_PAGES = (".js", ".json", ".html", ".css", ".svg", ".xml", ".txt")
KIB = 1024


def served_bytes(path: Path) -> int:
    """The bytes GitHub Pages sends for `path`: text types gzip-compressed, others as stored."""
    raw = path.read_bytes()
    if path.suffix in COMPRESSED_BY_PAGES and not raw.startswith(b"\x1f\x8b"):
        return len(gzip.compress(raw, 6))
    return len(raw)


def build(root: Path, engine: str) -> float:
    """Seconds of `mkdocs build` into an empty folder, with `engine` serving search."""
    config = root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    text = re.sub(r"\n    search: \w+\n", "\n", text)
    config.write_text(text.replace("\n  roledex:\n", f"\n  roledex:\n    search: {engine}\n", 1), encoding="utf-8")
    site = root / f"site-{engine}"
    if site.exists():
        raise SystemExit(f"{site} exists: the build must start from an empty folder")
    started = time.perf_counter()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(site)], cwd=root, check=True, env=env)
    return time.perf_counter() - started


def index_files(site: Path, engine: str) -> list[Path]:
    """What the engine's search may fetch: its code and its index."""
    if engine == "pagefind":
        bundle = site / "pagefind"
        used = [p for p in bundle.rglob("*") if p.is_file() and not re.search(r"-(ui|highlight)\.(js|css)$", p.name)]
        return [*used, site / "assets" / "roledex" / "pagefind-search.js"]
    workers = site / "assets" / "javascripts" / "workers"
    return [site / "search" / "search_index.json", *workers.glob("search.*.min.js")]


def spread(sizes: list[int]) -> str:
    """Sizes in KiB as their median and range: which words a title holds decides which pieces of
    the index it fetches, so one title is no measure of the others."""
    if len(sizes) == 1:
        return f"{sizes[0] / KIB:.0f} KiB"
    return median_and_range([size / KIB for size in sizes], " KiB", 0)


def first_query(browser: object, url: str, site: Path, query: str) -> tuple[int, list[str]]:
    """Bytes the search fetched for its first query (page load included), and its results."""
    page = browser.new_page()  # type: ignore[attr-defined]
    fetched: list[str] = []
    page.on("requestfinished", lambda request: fetched.append(urlsplit(request.url).path))
    page.goto(url)
    page.wait_for_load_state("networkidle")
    page.set_viewport_size({"width": 1280, "height": 900})
    page.locator("input.md-search__input").click()
    page.locator("input.md-search__input").fill(query)
    page.locator(".md-search-result__item").first.wait_for(timeout=120_000)
    page.wait_for_load_state("networkidle")
    results = page.locator(".md-search-result__link").evaluate_all("links => links.map(l => l.href)")
    page.close()
    searched = {path for path in fetched if "pagefind" in path or "/search" in path}
    return sum(served_bytes(site / path.lstrip("/")) for path in searched), [urlsplit(r).path for r in results]


def main() -> None:
    from playwright.sync_api import sync_playwright

    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--postings", type=int, default=1000)
    parser.add_argument("--companies", type=int, default=100)
    parser.add_argument("--titles", type=int, default=20)
    args = parser.parse_args()
    http.server.SimpleHTTPRequestHandler.extensions_map[".pagefind"] = "application/wasm"
    with tempfile.TemporaryDirectory() as folder, sync_playwright() as playwright:
        root = Path(folder) / "kb"
        generate(root, args.postings, args.companies)
        seconds = {engine: build(root, engine) for engine in ("pagefind", "material")}
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        postings = sorted((root / "site-pagefind" / "postings").glob("*/index.html"))
        picked = postings[:: max(1, len(postings) // args.titles)][: args.titles]
        titles = {
            f"/{p.parent.relative_to(root / 'site-pagefind').as_posix()}/": re.sub(
                r"<[^>]+>|&para;",
                "",
                re.search(r"<h1[^>]*>(.*?)</h1>", p.read_text(encoding="utf-8"), re.S).group(1),  # type: ignore[union-attr]
            ).strip()
            for p in picked
        }
        first = next(iter(titles.values()))
        print(
            f"{machine()}; {args.postings} postings, {args.companies} companies;"
            f" {len(titles)} titles, such as {first!r}"
        )
        for engine in ("pagefind", "material"):
            site = root / f"site-{engine}"
            with serve(site) as url:
                if engine == "material":  # the whole index, whatever the query: one of each is enough
                    whole_title = [first_query(browser, url, site, first)[0]]
                    one_word = [first_query(browser, url, site, first.split()[0])[0]]
                    found = None
                else:
                    whole_title, one_word, found = [], [], 0
                    for address, words in titles.items():
                        size, results = first_query(browser, url, site, words)
                        whole_title.append(size)
                        found += address in results
                        one_word.append(first_query(browser, url, site, words.split()[0])[0])
            whole = sum(served_bytes(p) for p in index_files(site, engine))
            line = (
                f"{engine:9} build {seconds[engine]:6.1f} s; first query: a posting's title {spread(whole_title)}, "
                f"one word of it {spread(one_word)}; whole index {whole / KIB:.1f} KiB"
            )
            if found is not None:
                line += f"; found by title in the first ten: {found} of {len(titles)}"
            print(line)
        browser.close()


if __name__ == "__main__":
    main()
