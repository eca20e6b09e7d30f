"""Benchmark the site build against plain Material sites with the same pages.

    python scripts/bench_build.py --postings 1000 --companies 100
    python scripts/bench_build.py --postings 5000 --companies 500

For a generated knowledge base it reports:
- the roledex build time (the best of `--runs`);
- the floor MkDocs sets for the same pages: a plain Material site (same theme, search and
  Markdown extensions, no hook, no tags plugin) built from the very Markdown each roledex
  page is rendered from, captured during the roledex build;
- a plain Material site with as many pages of the same words and no markup at all;
- the hook's own share (load, check, render) and the published size per page (HTML,
  search index and sitemap).

The three sites are timed in turns, round after round, with the same flags, each from an empty
output folder, and each ratio is the median of the rounds' own ratios, with their range: on a
shared machine whose speed drifts within minutes, a ratio of two builds timed far apart
measures the drift. The hook's share comes from one more,
untimed build with debug logging (which has a cost of its own).
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_common import machine, ratio  # noqa: E402
from generate_kb import ROOT, generate  # noqa: E402

PLAIN_CONFIG = """site_name: plain
theme:
  name: material
  font: false
plugins:
  - search
not_in_nav: |
  /p/*.md
nav:
  - Home: index.md
"""

CAPTURE_HOOK = """
import sys
from pathlib import Path
from mkdocs.plugins import event_priority

@event_priority(-100)
def on_page_markdown(markdown, page, config, files):
    # roledex lifts its HTML blocks out of Markdown's way; the floor gets them back inline.
    roledex = config.plugins.get("roledex")
    for index, block in enumerate(roledex.build.blocks.get(page.file.src_uri, []) if roledex else []):
        markdown = markdown.replace("RDXBLOCK%dX" % index, block, 1)
    target = Path(config.config_file_path).parent / "captured" / page.file.src_uri
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(markdown, encoding="utf-8")
    return markdown
"""


def floor_site(folder: Path, roledex: Path) -> int:
    """The same pages from the same Markdown, built by MkDocs and Material alone."""
    config = (roledex / "mkdocs.yml").read_text(encoding="utf-8")
    config = config.replace("\n  - roledex\n", "\n").replace("  - tags\n", "")
    # the captured pages are the ones to show: none is held back as a draft (prep pages are in prep/)
    config = re.sub(r"\ndraft_docs: \|\n(  .*\n)+", "\n", config)
    shutil.copytree(roledex / "captured", folder / "docs")
    shutil.copytree(roledex / "docs" / "assets", folder / "docs" / "assets")
    (folder / "mkdocs.yml").write_text(config, encoding="utf-8")
    return sum(1 for _ in (folder / "docs").rglob("*.md"))


def mkdocs_build(folder: Path, verbose: bool = False) -> tuple[float, str]:
    """Build `folder` in a new process into an empty output folder (the last build's is removed
    first, untimed: MkDocs would spend a fifth of the build clearing it): (seconds, what it logged)."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "ROLEDEX_PRIVATE": "exclude"}
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", "site"] + (["-v"] if verbose else ["-q"])
    shutil.rmtree(folder / "site", ignore_errors=True)
    start = time.perf_counter()
    result = subprocess.run(command, cwd=folder, env=env, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        raise SystemExit(f"build failed in {folder}:\n{result.stderr[-3000:]}")
    return elapsed, result.stderr


def published_pages(site: Path) -> list[Path]:
    return [p for p in site.rglob("index.html")]


def published_bytes(site: Path) -> int:
    """Every page's HTML, the search index (Material's or Pagefind's) and the sitemap."""
    files = [*site.rglob("*.html"), site / "search" / "search_index.json", site / "sitemap.xml"]
    files += [p for p in (site / "pagefind").rglob("*") if p.is_file() and p.suffix != ".js" and p.suffix != ".css"]
    return sum(f.stat().st_size for f in files if f.exists())


def plain_site(folder: Path, roledex_site: Path) -> int:
    """A plain Material site with one page per page of the roledex site, of the same text."""
    docs = folder / "docs"
    (docs / "p").mkdir(parents=True)
    (docs / "index.md").write_text("# Home\n", encoding="utf-8")
    count = 0
    for page in published_pages(roledex_site):
        article = page.read_text(encoding="utf-8")
        match = re.search(r"<article[^>]*>(.*?)</article>", article, re.S)
        body = re.sub(r"<[^>]+>", " ", match.group(1) if match else "")
        (docs / "p" / f"page-{count}.md").write_text(f"# Page {count}\n\n{' '.join(body.split())}\n", encoding="utf-8")
        count += 1
    (folder / "mkdocs.yml").write_text(PLAIN_CONFIG, encoding="utf-8")
    return count


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--postings", type=int, default=1000)
    parser.add_argument("--companies", type=int, default=100)
    parser.add_argument("--runs", type=int, default=3, help="rounds of the three builds in turns")
    parser.add_argument("--keep", type=Path, help="keep the generated sites in this folder")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="roledex-bench-")) if args.keep is None else args.keep
    try:
        kb = work / "roledex"
        generate(kb, args.postings, args.companies)
        (kb / "hooks").symlink_to(ROOT / "hooks")
        _, log = mkdocs_build(kb, verbose=True)  # untimed: for the hook's own share
        own = float(re.findall(r"roledex: own work took ([\d.]+) s", log)[-1])
        (kb / "capture_hook.py").write_text(CAPTURE_HOOK, encoding="utf-8")
        config = (kb / "mkdocs.yml").read_text(encoding="utf-8")
        (kb / "mkdocs.yml").write_text(config + "\nhooks:\n  - capture_hook.py\n", encoding="utf-8")
        mkdocs_build(kb)
        (kb / "mkdocs.yml").write_text(config, encoding="utf-8")
        floor, plain = work / "floor", work / "plain"
        floor_pages = floor_site(floor, kb)
        site = kb / "site"
        pages = len(published_pages(site))
        size = published_bytes(site)
        plain_pages = plain_site(plain, site)
        rounds = [tuple(mkdocs_build(folder)[0] for folder in (kb, floor, plain)) for _ in range(args.runs)]
        build, floor_time, plain_time = (min(times) for times in zip(*rounds, strict=True))
        to_floor = ratio([r[0] / r[1] for r in rounds])
        to_plain = ratio([r[0] / r[2] for r in rounds])
        print(f"{machine()}; {args.runs} rounds")
        print(f"knowledge base: {args.postings} postings, {args.companies} companies -> {pages} pages")
        print(f"roledex build:  {build:.1f} s (best of {args.runs}, in turns with the two below)")
        print(f"same pages, MkDocs + Material alone: {floor_time:.1f} s for {floor_pages} pages ({to_floor})")
        print(f"plain text pages, no markup: {plain_time:.1f} s for {plain_pages} pages ({to_plain})")
        print("rounds (roledex, same pages, plain): " + "; ".join(", ".join(f"{t:.1f}" for t in r) for r in rounds))
        print(f"hook's own work: {own:.2f} s ({own / build:.1%} of the build)")
        print(f"published size: {size / pages / 1024:.1f} KB per page ({size / 2**20:.1f} MB in all)")
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
