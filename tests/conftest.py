"""Shared helpers: run the command line as a user would, and find the project's folders."""

from __future__ import annotations

import contextlib
import datetime as dt
import gzip
import http.server
import io
import json
import os
import queue
import re
import shutil
import socket
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import time_machine
from roledex.cli.main import main

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "tests" / "data"
SHIPPED_DOCS = REPO / "docs"

MOVED_CLOCK = "ROLEDEX_TEST_CLOCK"
"""Set to a date (YYYY-MM-DD) to run the suite with the clock moved there: every test in this
process sees that day as today, and a test that would start a process (which would read the real
clock) is skipped. `.ci/run` runs the in-process tests this way years ahead: any failure is a
rule or a test that reads the real clock instead of taking today as an argument."""


def plain_id(value: object) -> str:
    """A parametrised test's id in plain ASCII words: mutmut hands ids back to pytest, which cannot
    find a test whose id holds brackets or characters outside ASCII ('[社招]', '🎯')."""
    words = re.sub(r"[^A-Za-z0-9 ]+", " ", str(value).split("\n")[0]).split()
    return "-".join(words[:6]) or "x"


def pytest_configure(config: pytest.Config) -> None:
    day = os.environ.get(MOVED_CLOCK)
    if day:
        moved = dt.datetime.combine(dt.date.fromisoformat(day), dt.time(9, 30), tzinfo=dt.UTC)
        time_machine.travel(moved, tick=True).start()


@pytest.fixture(autouse=True, scope="session")
def _no_process_under_a_moved_clock() -> Iterator[None]:
    day = os.environ.get(MOVED_CLOCK)
    if not day:
        yield
        return

    def skipped(*args: object, **kwargs: object) -> None:
        pytest.skip(f"starts a process, which reads the real clock, not {day}")

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(subprocess.Popen, "__init__", skipped)
        yield


def run_roledex(
    *args: str, cwd: Path = REPO, env: dict[str, str] | None = None, stdin: str | None = None
) -> subprocess.CompletedProcess[str]:
    """Run the `roledex` console script installed beside this Python and capture what it prints."""
    executable = shutil.which("roledex", path=str(Path(sys.executable).parent))
    command = [executable] if executable else [sys.executable, "-m", "roledex.cli.main"]
    return subprocess.run(
        [*command, *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, **(env or {})},
        input=stdin,
    )


@contextlib.contextmanager
def _process_state(cwd: Path, env: dict[str, str] | None) -> Iterator[None]:
    """The working folder and environment of a command run in this process, restored after."""
    old_cwd, old_env = Path.cwd(), dict(os.environ)
    os.chdir(cwd)
    os.environ.update(env or {})
    try:
        yield
    finally:
        os.chdir(old_cwd)
        os.environ.clear()
        os.environ.update(old_env)


def invoke(
    *args: str, cwd: Path = REPO, env: dict[str, str] | None = None, stdin: str | None = None
) -> subprocess.CompletedProcess[str]:
    """Run `roledex` in this process (fast), capturing what it prints and its exit status.

    It goes through the same `main` as the console script; `run_roledex` keeps a few
    tests on the installed command itself.
    """
    out, err = io.StringIO(), io.StringIO()
    stdin_stream = io.TextIOWrapper(io.BytesIO((stdin or "").encode("utf-8")), encoding="utf-8")
    with _process_state(cwd, env), contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        old_stdin, sys.stdin = sys.stdin, stdin_stream
        try:
            status = main(list(args))
        except SystemExit as exit_:
            status = exit_.code if isinstance(exit_.code, int) else 1
        finally:
            sys.stdin = old_stdin
    return subprocess.CompletedProcess(["roledex", *args], status, out.getvalue(), err.getvalue())


@pytest.fixture
def docs_copy(tmp_path: Path) -> Path:
    """A writable copy of the shipped docs folder."""
    target = tmp_path / "docs"
    shutil.copytree(SHIPPED_DOCS, target)
    return target


def site_config(root: Path) -> Path:
    """Write a mkdocs.yml for a throwaway site under `root`, using the project's hook."""
    text = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    text = text.replace("hooks/roledex_hook.py", str(REPO / "hooks" / "roledex_hook.py"))
    path = root / "mkdocs.yml"
    path.write_text(text, encoding="utf-8")
    return path


def plan_a_round(root: Path, posting: str) -> None:
    """Apply to `posting` on 2026-12-01 and plan a technical round for 2026-12-10 at 14:30 in
    London, as a user would at the command line on 2026-12-06."""
    with time_machine.travel(dt.datetime(2026, 12, 6, 12, tzinfo=dt.UTC), tick=False):
        applied = ("status", posting, "applied", "--date", "2026-12-01")
        planned = ("event", posting, "round", "--round", "technical", "--date", "2026-12-10")
        planned += ("--time", "14:30 Europe/London", "--outcome", "scheduled")
        for step in (applied, planned):
            result = invoke(*step, cwd=root)
            assert result.returncode == 0, (step, result.stderr)


def set_plugin_options(root: Path, *options: str) -> None:
    """Give roledex's plugin in `root/mkdocs.yml` these options (`speedups: false`)."""
    config = root / "mkdocs.yml"
    lines = "".join(f"      {option}\n" for option in options)
    text = config.read_text(encoding="utf-8")
    assert "\n  - roledex\n" in text
    config.write_text(text.replace("\n  - roledex\n", f"\n  - roledex:\n{lines}", 1), encoding="utf-8")


def without_roledex(settings: str) -> str:
    """mkdocs.yml's text with roledex's plugin (or hook) taken out: a build that runs no roledex."""
    settings = re.sub(r"\n  - roledex\n", "\n", settings)
    return re.sub(r"\nhooks:\n(  - .*roledex_hook\.py\n)+", "\n", settings)


def hold_back(root: Path, *patterns: str) -> None:
    """List pages under draft_docs in `root/mkdocs.yml`, as `roledex check` asks of a private
    company or posting (so builds that run no hook leave it out too)."""
    config = root / "mkdocs.yml"
    lines = "".join(f"  {pattern}\n" for pattern in patterns)
    config.write_text(config.read_text(encoding="utf-8").replace("draft_docs: |\n", "draft_docs: |\n" + lines, 1))


def use_material_search(root: Path) -> None:
    """Have the published site of `root/mkdocs.yml` searched by Material's index, not Pagefind's."""
    config = root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert "\n  roledex:\n" in text
    config.write_text(text.replace("\n  roledex:\n", "\n  roledex:\n    search: material\n", 1), encoding="utf-8")


def job_posting_page(visible: str = "<h1>Data Engineer</h1><p>We build.</p>", **data: object) -> bytes:
    """A saved careers page: schema.org JobPosting data (Acme's Data Engineer, overridden by
    `data`) in its head, and `visible` as what the page shows."""
    posting = {
        "@context": "https://schema.org",
        "@type": "JobPosting",
        "title": "Data Engineer",
        "hiringOrganization": {"name": "Acme"},
        "description": "<p>We build.</p>",
        **data,
    }
    script = f'<script type="application/ld+json">{json.dumps(posting)}</script>'
    return f"<html><head>{script}</head><body>{visible}</body></html>".encode()


def make_site(root: Path, files: dict[str, str] | None = None, shipped: bool = True) -> Path:
    """A knowledge base under `root/docs`: the shipped one (or an empty one) plus `files`."""
    docs = root / "docs"
    if shipped:
        shutil.copytree(SHIPPED_DOCS, docs)
    else:
        for folder in ("companies", "postings", "prep", "applications"):
            (docs / folder).mkdir(parents=True, exist_ok=True)
        shutil.copytree(SHIPPED_DOCS / "assets", docs / "assets")
    for name, text in (files or {}).items():
        (docs / name).parent.mkdir(parents=True, exist_ok=True)
        (docs / name).write_text(text, encoding="utf-8")
    site_config(root)
    return docs


def build_site(root: Path, private: str | None = None, strict: bool = True) -> subprocess.CompletedProcess[str]:
    """Run `mkdocs build` in `root` as a user would; the site goes to `root/site`. Not quiet:
    quiet, MkDocs does not count the warnings `--strict` stops on."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    env.pop("ROLEDEX_PRIVATE", None)
    if private:
        env["ROLEDEX_PRIVATE"] = private
    command = [sys.executable, "-m", "mkdocs", "build", "-d", "site"] + (["--strict"] if strict else [])
    return subprocess.run(command, cwd=root, capture_output=True, text=True, env=env, timeout=300)


OUTPUT_SUFFIXES = (".html", ".json", ".xml", ".txt", ".js")


def output_texts(site: Path) -> dict[str, str]:
    """Every text file of a built site by its path in the site, gzip unpacked whatever the file
    is called (Pagefind's index files are gzip under names of their own): where a private
    word must not be."""
    texts = {}
    for path in sorted(site.rglob("*")):
        if not path.is_file():
            continue
        raw = path.read_bytes()
        if raw.startswith(b"\x1f\x8b"):
            raw = gzip.decompress(raw)
        elif path.suffix not in OUTPUT_SUFFIXES:
            continue
        texts[path.relative_to(site).as_posix()] = raw.removeprefix(b"pagefind_dcd").decode("utf-8", errors="replace")
    return texts


def read_page(root: Path, address: str) -> str:
    """The HTML of the page at a directory address such as 'postings/' or ''."""
    return (root / "site" / address / "index.html").read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def shipped_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The shipped knowledge base built once, as published."""
    root = tmp_path_factory.mktemp("shipped")
    make_site(root)
    result = build_site(root)
    assert result.returncode == 0, result.stderr
    return root


@pytest.fixture(scope="session")
def material_shipped_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The shipped knowledge base built once as published, searched by Material's index."""
    root = tmp_path_factory.mktemp("shipped-material")
    make_site(root)
    use_material_search(root)
    result = build_site(root)
    assert result.returncode == 0, result.stderr
    return root


@pytest.fixture(scope="session")
def private_shipped_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The shipped knowledge base built once as its user sees it (the private view)."""
    root = tmp_path_factory.mktemp("shipped-private")
    make_site(root)
    result = build_site(root, private="include")
    assert result.returncode == 0, result.stderr
    return root


@pytest.fixture
def loopback(tmp_path: Path) -> Iterator[Callable[[str, bytes], str]]:
    """A web server on 127.0.0.1 serving the pages a test gives it."""
    pages: dict[str, bytes] = {}

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 (the standard library's name)
            body = pages.get(self.path)
            self.send_response(200 if body is not None else 404)
            self.send_header("content-type", "text/html; charset=utf-8")
            self.end_headers()
            self.wfile.write(body or b"not found")

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()

    def serve(path: str, body: bytes) -> str:
        pages[path] = body
        return f"http://127.0.0.1:{server.server_address[1]}{path}"

    yield serve
    server.shutdown()
    server.server_close()


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextlib.contextmanager
def serving(
    root: Path, *options: str, command: tuple[str, ...] = (sys.executable, "-m", "mkdocs")
) -> Iterator[tuple[str, list[str]]]:
    """`mkdocs serve` (or `command serve`) in a folder on a free loopback port, from the line
    that says it serves (after its first build): (its address, the lines it said until then).
    Stopped afterwards, whatever the test did."""
    port = _free_port()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    env.pop("ROLEDEX_PRIVATE", None)
    server = subprocess.Popen(
        [*command, "serve", "-a", f"127.0.0.1:{port}", *options],
        cwd=root,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    lines: queue.Queue[str] = queue.Queue()
    assert server.stderr is not None
    threading.Thread(target=lambda: [lines.put(line) for line in server.stderr], daemon=True).start()  # type: ignore[union-attr]
    try:
        said: list[str] = []
        while not any("Serving on" in line for line in said):
            said.append(lines.get(timeout=120))
        yield f"http://127.0.0.1:{port}/", said
    finally:
        server.terminate()
        server.wait(timeout=20)


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    """Debian's Chromium driven by Playwright; CI must have it, elsewhere its tests are skipped."""
    sync_api = pytest.importorskip("playwright.sync_api")
    from screenshots import CHROMIUM, CHROMIUM_ARGS

    if not Path(CHROMIUM).exists():
        if os.environ.get("CI"):
            pytest.fail(
                f"no Chromium at {CHROMIUM}: CI must run the browser tests (.ci/run installs it)", pytrace=False
            )
        pytest.skip(f"no Chromium at {CHROMIUM}; `apt-get install chromium` to run these")
    if os.environ.get(MOVED_CLOCK):
        pytest.skip("drives Chromium, a process of its own that reads the real clock")
    if "__mutmut_" in os.environ.get("MUTANT_UNDER_TEST", ""):
        pytest.skip("drives Chromium, a process of its own that a mutant under test does not reach")
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield launched
        launched.close()
