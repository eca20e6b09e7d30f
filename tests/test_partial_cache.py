"""Material's partials rendered once a build: every page is written byte for byte as without
the cache, and a partial the user overrides is rendered on every page."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import build_site, make_site, output_texts
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.structure.files import get_files
from mkdocs.structure.nav import get_navigation
from mkdocs.structure.pages import Page
from mkdocs.theme import Theme
from roledex.plugin import partial_cache

NAV_WITH_SECTIONS = """nav:
  - Home: index.md
  - Research:
      - Companies: companies/index.md
      - Postings: postings/index.md
  - Salaries: salaries/index.md
  - About: about.md
  - Notes: notes.md
  - Elsewhere: https://example.com/jobs/
"""


def _site(root: Path, directory_urls: bool) -> Path:
    """The shipped knowledge base with a navigation of sections, a link out and two pages of
    the same folder in it (whose addresses read alike from each other without directory URLs)."""
    make_site(root, {"about.md": "# About\n\nWhy this site.\n", "notes.md": "# Notes\n\nKept here.\n"})
    config = root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    start, end = text.index("\nnav:\n"), text.index("\nplugins:")
    text = text[:start] + "\n" + NAV_WITH_SECTIONS + text[end:]
    if not directory_urls:
        text += "use_directory_urls: false\n"
    config.write_text(text, encoding="utf-8")
    return config


def _pages(site: Path) -> dict[str, str]:
    return {path: text for path, text in output_texts(site).items() if path.endswith(".html")}


@pytest.mark.parametrize("directory_urls", [True, False], ids=["directory-urls", "file-urls"])
def test_every_page_is_written_as_without_the_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, directory_urls: bool
) -> None:
    config = _site(tmp_path, directory_urls)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    build(load_config(str(config), site_dir=str(tmp_path / "cached")))
    monkeypatch.setattr(partial_cache, "PARTIALS", {})
    build(load_config(str(config), site_dir=str(tmp_path / "uncached")))

    cached, uncached = _pages(tmp_path / "cached"), _pages(tmp_path / "uncached")
    assert len(cached) >= 15 and cached.keys() == uncached.keys()
    assert [path for path in cached if cached[path] != uncached[path]] == []
    # the sidebar links of a posting and of a page in the navigation, as Material writes them
    posting = next(path for path in cached if path.startswith("postings/") and path != "postings/index.html")
    assert 'href="https://example.com/jobs/"' in cached[posting]
    notes = cached["notes/index.html" if directory_urls else "notes.html"]
    assert "md-nav__link--active" in notes


@pytest.mark.parametrize(
    ("partial", "override"),
    [
        ("nav.html", '<nav class="own-nav">{{ page.title }}</nav>\n'),
        # a partial the sidebar includes: Material's own sidebar around the user's items
        (
            "nav-item.html",
            '{% macro render(nav_item, path, level) %}<nav class="own-nav">{{ page.title }}</nav>{% endmacro %}',
        ),
    ],
)
def test_a_partial_the_user_overrides_is_rendered_on_every_page(tmp_path: Path, partial: str, override: str) -> None:
    make_site(tmp_path)
    config = tmp_path / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("  name: material\n", "  name: material\n  custom_dir: overrides\n"), "utf-8")
    path = tmp_path / "overrides" / "partials" / partial
    path.parent.mkdir(parents=True)
    path.write_text(override, encoding="utf-8")

    result = build_site(tmp_path)

    assert result.returncode == 0, result.stderr
    pages = {path: text for path, text in _pages(tmp_path / "site").items() if path != "404.html"}
    titles = [text.split('<nav class="own-nav">', 1)[1].split("</nav>", 1)[0] for text in pages.values()]
    assert len(titles) >= 15 and len(set(titles)) == len(titles)


def test_each_build_starts_with_an_empty_cache() -> None:
    """Under serve one environment serves every build: a palette changed in mkdocs.yml shows on
    the next build, and wrapping again does not wrap the wrapper."""
    env = Theme(name="material").get_env()
    template = env.get_template("partials/palette.html")

    def palette(scheme: str) -> str:
        option = {"scheme": scheme, "primary": "indigo", "accent": "amber", "media": "", "toggle": None}
        return template.render(config={"theme": {"palette": [option]}})

    partial_cache.render_once_per_build(env)
    first = palette("default")
    assert palette("slate") == first  # the same build: rendered once
    original = template.root_render_func.__wrapped__  # type: ignore[attr-defined]
    partial_cache.render_once_per_build(env)
    assert template.root_render_func.__wrapped__ is original  # type: ignore[attr-defined]
    assert 'data-md-color-scheme="slate"' in palette("slate")


def test_a_page_outside_the_navigation_is_keyed_by_the_addresses_it_shows(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    for name in ["index.md", "about.md", "companies/index.md", "companies/a.md", "postings/x.md", "postings/y.md"]:
        (docs / name).parent.mkdir(parents=True, exist_ok=True)
        (docs / name).write_text("# Page\n", encoding="utf-8")
    settings = "site_name: t\ntheme:\n  name: material\nnav:\n  - index.md\n  - about.md\n  - companies/index.md\n"
    (tmp_path / "mkdocs.yml").write_text(settings, encoding="utf-8")
    config = load_config(str(tmp_path / "mkdocs.yml"))
    files = get_files(config)
    for file in files.documentation_pages():
        Page(None, file, config)
    nav = get_navigation(files, config)

    def key(src: str) -> tuple[str, ...] | None:
        page = files.get_file_from_path(src).page  # type: ignore[union-attr]
        return partial_cache._navigation_links({"page": page, "nav": nav, "config": config})

    assert key("postings/x.md") == key("postings/y.md") is not None
    assert key("postings/x.md") != key("companies/a.md")  # companies/ is one level up from one, not the other
    assert key("about.md") is None and key("companies/index.md") is None  # in the navigation
    assert "../../companies/" in (key("postings/x.md") or ())
    assert partial_cache._navigation_links({"page": None, "nav": nav, "config": config}) is None  # the 404 page
