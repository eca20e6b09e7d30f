"""`mkdocs serve` while the user edits: a broken save shows its problems on every page within
seconds, every page stays reachable, and the fix clears them. Run against a real server."""

from __future__ import annotations

import contextlib
import json
import re
import shutil
import socket
import sys
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from conftest import build_site, invoke, make_site, serving, set_plugin_options
from roledex.cli import serve as serve_command

BANNER = "rdx-problems-banner"


def _fetch(url: str, timeout: float = 30) -> str:
    """A page as the server gives it; the server holds a request while a rebuild runs, so what
    comes back is never half of one build."""
    with urllib.request.urlopen(url, timeout=timeout) as response:  # noqa: S310 - loopback only
        return str(response.read().decode("utf-8"))


def _next_build(base: str, epoch: int) -> int:
    """Wait for a build that ends after `epoch` (MkDocs' live-reload request, which answers when
    the server has a newer site or after its own minute); the newest build's epoch."""
    return int(_fetch(f"{base}livereload/{epoch}/0", timeout=120))


def _wait_for(url: str, check: Callable[[str], bool], builds: int = 6) -> str:
    """The page at `url` once `check` holds, waiting build by build for the server to rebuild
    after a save (a save may take more than one build to be seen); the last page if it never does."""
    base = url[: url.index("/", len("http://")) + 1]
    epoch = int(_fetch(base + "livereload/0/0"))
    page = _fetch(url)
    for _ in range(builds):
        if check(page):
            break
        epoch = _next_build(base, epoch)
        page = _fetch(url)
    return page


@contextlib.contextmanager
def _serving(root: Path, *options: str, command: tuple[str, ...] = (sys.executable, "-m", "mkdocs")) -> Iterator[str]:
    """`mkdocs serve` in a folder, from the line that says it serves (after its first build); its address."""
    with serving(root, *options, command=command) as (base, _):
        assert "rdx-stats" in _fetch(base)
        yield base


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[Path, str]]:
    docs = make_site(tmp_path)
    with _serving(tmp_path) as base:
        yield docs, base


@pytest.fixture(params=[True, False], ids=["with-speedups", "as-mkdocs-builds"])
def served_either_way(tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[tuple[Path, str]]:
    """`serve` with the replacements of MkDocs' internals (the default) and without them."""
    docs = make_site(tmp_path)
    if not request.param:
        set_plugin_options(tmp_path, "speedups: false")
    with _serving(tmp_path) as base:
        yield docs, base


def test_serve_rebuilds_generated_pages_after_an_edit(served: tuple[Path, str]) -> None:
    docs, base = served
    url = base + "salaries/"
    assert "$153,000" in _fetch(url)
    assert "rdx-private-banner" in _fetch(url)  # serve shows the private view
    posting = docs / "postings" / "etsy-machine-learning-engineer-growth.md"
    posting.write_text(posting.read_text(encoding="utf-8").replace("min: 153000", "min: 161000"), encoding="utf-8")
    page = _wait_for(url, lambda page: "$161,000" in page)
    assert "$161,000" in page and "$153,000" not in page


def test_a_broken_save_shows_its_problem_on_every_page_and_the_fix_clears_it(served: tuple[Path, str]) -> None:
    docs, base = served
    salaries = base + "salaries/"
    assert "$153,000" in _fetch(salaries)
    posting = docs / "postings" / "etsy-machine-learning-engineer-growth.md"
    good = posting.read_text(encoding="utf-8")
    posting.write_text(good.replace("work_mode:", "work_mod:").replace("min: 153000", "min: 999000"), encoding="utf-8")
    page = _wait_for(salaries, lambda page: BANNER in page)
    assert BANNER in page
    assert "etsy-machine-learning-engineer-growth.md:" in page and "work_mod: unknown key; did you mean" in page
    assert "$153,000" in page and "$999,000" not in page  # the last good build, not a half-read one
    for address in ("", "postings/", "companies/etsy/", "prep/etsy-machine-learning-engineer-growth/"):
        assert BANNER in _fetch(base + address)
    posting.write_text(good.replace("min: 153000", "min: 161000"), encoding="utf-8")
    fixed = _wait_for(salaries, lambda page: BANNER not in page and "$161,000" in page)
    assert BANNER not in fixed and "$161,000" in fixed


def test_the_banner_lists_each_problem_escaped_and_no_more_than_twenty() -> None:
    from roledex.kb.problems import Problem
    from roledex.web.pages import MAX_BANNER_PROBLEMS, problems_banner

    assert problems_banner([]) == ""
    one = problems_banner([Problem("docs/postings/a.md", 3, "title", "bad <script>alert(1)</script>")])
    assert "<script>" not in one and "docs/postings/a.md:3: title: bad &lt;script&gt;" in one
    many = problems_banner([Problem("a.md", n, "k", "m") for n in range(MAX_BANNER_PROBLEMS + 3)])
    assert many.count("<li><code>") == MAX_BANNER_PROBLEMS and "and 3 more" in many
    assert f"found {MAX_BANNER_PROBLEMS + 3} problem(s)" in many


_LIVERELOAD = re.compile(r"<script>[^<]*livereload[^<]*</script>", re.S)
_ACTIONS = re.compile(r'<script src="/_roledex/actions\.js" data-roledex-token="[^"]+" defer></script>')
_CANONICAL = re.compile(r'<link rel="canonical"[^>]*>')


def _normal(page: str) -> str:
    """A page as served, less what only the development server adds (its reload script, the
    actions' script, and a canonical address from the address it serves at)."""
    kept = _CANONICAL.sub("", _ACTIONS.sub("", _LIVERELOAD.sub("", page)))
    return "\n".join(line for line in kept.splitlines() if line.strip())


def _clean_build(docs: Path, tmp_path: Path) -> dict[str, str]:
    """Every page of a fresh private build of the same files, by address."""
    root = tmp_path / "clean"
    if root.exists():
        shutil.rmtree(root)
    make_site(root, shipped=False)
    shutil.rmtree(root / "docs")
    shutil.copytree(docs, root / "docs")
    shutil.copyfile(docs.parent / "mkdocs.yml", root / "mkdocs.yml")
    assert build_site(root, private="include").returncode == 0
    pages = {}
    for page in (root / "site").rglob("index.html"):
        address = page.parent.relative_to(root / "site").as_posix()
        pages["" if address == "." else address + "/"] = page.read_text(encoding="utf-8")
    return pages


EDITS = [
    # (what the user edits, the change, a page and the words it shows once served)
    ("companies/etsy.md", ("name: Etsy", "name: Etsy Inc"), "companies/", "Etsy Inc"),
    (
        "postings/etsy-machine-learning-engineer-growth.md",
        ("min: 153000", "min: 158000"),
        "salaries/",
        "$158,000",
    ),
    (
        "prep/etsy-engineering-manager-ml-for-growth.md",
        ("## Questions to ask", "## Questions to ask\n\n- What does the on-call rota look like?"),
        "prep/etsy-engineering-manager-ml-for-growth/",
        "on-call rota",
    ),
    (
        "applications/etsy-engineering-manager-ml-for-growth.md",
        ("status: preparing", "status: applied\napplied: 2026-11-20"),
        "applications/",
        "applied 2026-11-20",
    ),
    ("../mkdocs.yml", ("GBP: 1.27", "GBP: 1.31"), "salaries/", "1.31"),
]


def test_served_pages_after_each_kind_of_edit_equal_a_clean_build(
    served_either_way: tuple[Path, str], tmp_path: Path
) -> None:
    docs, base = served_either_way
    for name, (old, new), address, words in EDITS:
        path = docs / name
        text = path.read_text(encoding="utf-8")
        assert old in text, (name, old)
        path.write_text(text.replace(old, new, 1), encoding="utf-8")
        assert words in _wait_for(base + address, lambda page, w=words: w in page), name
        _assert_served_as_built(docs, base, tmp_path, name)


def _assert_served_as_built(docs: Path, base: str, tmp_path: Path, name: str) -> None:
    clean = _clean_build(docs, tmp_path)
    for page_address, expected in clean.items():
        served_page = _fetch(base + page_address)
        assert _normal(served_page) == _normal(expected), (name, page_address)
    clean_index = json.loads((tmp_path / "clean" / "site" / "search" / "search_index.json").read_text("utf-8"))
    assert json.loads(_fetch(base + "search/search_index.json")) == clean_index, name


def _status(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310 - loopback only
            return int(response.status)
    except urllib.error.HTTPError as error:
        return int(error.code)


def test_a_deleted_posting_leaves_no_page_behind(served_either_way: tuple[Path, str], tmp_path: Path) -> None:
    docs, base = served_either_way
    slug = "etsy-engineering-manager-ads-ml"
    assert _status(base + f"postings/{slug}/") == 200 and _status(base + f"prep/{slug}/") == 200
    (docs / "postings" / f"{slug}.md").unlink()
    _wait_for(base + "postings/", lambda page: slug not in page)
    assert _status(base + f"postings/{slug}/") == 404 and _status(base + f"prep/{slug}/") == 404
    _assert_served_as_built(docs, base, tmp_path, "deleted posting")


def test_an_edited_theme_override_shows_on_every_page(tmp_path: Path) -> None:
    docs = make_site(tmp_path)
    template = tmp_path / "overrides" / "main.html"
    template.parent.mkdir()
    template.write_text('{% extends "base.html" %}\n{% block announce %}First notice{% endblock %}\n', "utf-8")
    settings = docs.parent / "mkdocs.yml"
    text = settings.read_text(encoding="utf-8")
    settings.write_text(text.replace("  name: material\n", "  name: material\n  custom_dir: overrides\n"), "utf-8")
    with _serving(tmp_path, "--watch-theme") as base:  # MkDocs watches templates when asked
        assert "First notice" in _fetch(base + "companies/etsy/")
        template.write_text(template.read_text("utf-8").replace("First notice", "Second notice"), "utf-8")
        for address in ("companies/etsy/", "salaries/", ""):
            assert "Second notice" in _wait_for(base + address, lambda page: "Second notice" in page), address


def test_roledex_serve_hands_its_options_to_mkdocs_serve_and_serves_the_private_view(tmp_path: Path) -> None:
    make_site(tmp_path)
    (tmp_path / "docs" / "postings").mkdir(exist_ok=True)
    with _serving(tmp_path / "docs" / "postings", command=(sys.executable, "-m", "roledex.cli.main")) as base:
        assert "rdx-private-banner" in _fetch(base + "salaries/")
    # stopped (terminated), roledex serve waited for its MkDocs to stop: nothing serves there now
    host, port = base.removeprefix("http://").rstrip("/").split(":")
    with pytest.raises(ConnectionRefusedError):
        socket.create_connection((host, int(port)), timeout=5).close()


def test_roledex_serve_runs_mkdocs_without_materials_end_of_life_notice(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_site(tmp_path)
    ran: list[tuple[list[str], dict[str, str], str]] = []

    class Child:
        def __init__(self, command: list[str], cwd: Path, env: dict[str, str]) -> None:
            ran.append((command, env, str(cwd)))

        def wait(self) -> int:
            return 0

    monkeypatch.setattr(serve_command.subprocess, "Popen", Child)
    monkeypatch.delenv("NO_MKDOCS_2_WARNING", raising=False)
    assert invoke("serve", "-a", "127.0.0.1:8001", "--dirty", cwd=tmp_path / "docs").returncode == 0
    [(command, env, cwd)] = ran
    assert command[1:] == ["-m", "mkdocs", "serve", "-f", "mkdocs.yml", "-a", "127.0.0.1:8001", "--dirty"]
    assert env["NO_MKDOCS_2_WARNING"] == "1" and cwd == str(tmp_path.resolve())
