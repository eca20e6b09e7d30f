"""Screenshots of the built site in headless Chromium, for the README and for review.

    python scripts/screenshots.py [--out .github/screenshots] [--private] [--dark] [PAGE ...]

Builds the site into a temporary folder, serves it on a loopback port and saves one PNG per
page (default: home, salaries, a prep page). Needs Debian's chromium and Playwright's
Python package.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import http.server
import os
import subprocess
import sys
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = os.environ.get("ROLEDEX_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]
"""Headless Chromium in a container or on CI; the browser tests launch it the same way."""
DEFAULT_PAGES = ["", "salaries/", "prep/etsy-engineering-manager-ml-for-growth/"]


def build(site: Path, private: bool) -> None:
    env = {**os.environ, "ROLEDEX_PRIVATE": "include" if private else "exclude", "NO_MKDOCS_2_WARNING": "1"}
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(site)], cwd=ROOT, env=env, check=True
    )


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the base class's name
        pass


@contextlib.contextmanager
def serve(folder: Path) -> Iterator[str]:
    """Serve `folder` on a free loopback port; yield the base address."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(folder)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()


def main() -> None:
    from playwright.sync_api import sync_playwright

    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("pages", nargs="*", default=DEFAULT_PAGES)
    parser.add_argument("--out", type=Path, default=ROOT / ".github" / "screenshots")
    parser.add_argument("--private", action="store_true", help="build the private view")
    parser.add_argument("--dark", action="store_true", help="dark colour scheme")
    parser.add_argument("--width", type=int, default=1280)
    parser.add_argument("--height", type=int, default=900)
    parser.add_argument("--full", action="store_true", help="the whole page, not only the first screen")
    parser.add_argument("--print", dest="print_media", action="store_true", help="print media")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder, sync_playwright() as playwright:
        site = Path(folder) / "site"
        build(site, args.private)
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(
            viewport={"width": args.width, "height": args.height}, color_scheme="dark" if args.dark else "light"
        )
        with serve(site) as base:
            for address in args.pages:
                page.goto(base + address)
                if args.print_media:
                    page.emulate_media(media="print")
                name = (address.strip("/").replace("/", "-") or "home") + (".dark" if args.dark else "") + ".png"
                page.screenshot(path=str(args.out / name), full_page=args.full)
                print(args.out / name)
        browser.close()


if __name__ == "__main__":
    main()
