"""One Python-Markdown converter for page after page: every page reads as if converted alone,
and a converter is handed out again only for the same settings and when it is not converting."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import markdown
import pytest
from conftest import make_site, output_texts
from markdown.treeprocessors import Treeprocessor
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.structure import pages
from roledex.plugin import markdown_pool, speedups

DEFINES = """# Defines

A claim[^1] about HTML, and a [reference][ref].

[^1]: The footnote of this page.

*[HTML]: Hyper Text Markup Language

[ref]: https://example.com/defined-here

!!! note "Open"
    An admonition.

=== "Tab"

    Tabbed.

- [x] done
- [ ] to do

## Same

## Same
"""

USES = """# Uses

A claim[^1] about HTML, and a [reference][ref].

- item

    ```python
    code = "in a list"
    ```

<div markdown="1">*inside*</div>

## Same
"""

EXTRA_EXTENSIONS = "  - footnotes\n  - abbr\n  - def_list\n"


def _site(root: Path) -> Path:
    make_site(root, {"defines.md": DEFINES, "uses.md": USES})
    config = root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("markdown_extensions:\n", "markdown_extensions:\n" + EXTRA_EXTENSIONS, 1), "utf-8")
    return config


def _pages(site: Path) -> dict[str, str]:
    return {path: text for path, text in output_texts(site).items() if path.endswith(".html")}


def test_every_page_reads_as_if_converted_alone(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    config = _site(tmp_path)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    monkeypatch.setattr(pages, "markdown", pages.markdown)  # put back as found after the test
    build(load_config(str(config), site_dir=str(tmp_path / "shared")))
    assert isinstance(pages.markdown, markdown_pool.Pool)
    monkeypatch.setattr(speedups, "for_every_build", lambda: False)
    monkeypatch.setattr(pages, "markdown", markdown)
    build(load_config(str(config), site_dir=str(tmp_path / "alone")))

    shared, alone = _pages(tmp_path / "shared"), _pages(tmp_path / "alone")
    assert len(shared) >= 15 and shared.keys() == alone.keys()
    assert [path for path in shared if shared[path] != alone[path]] == []
    uses = shared["uses/index.html"]
    # nothing of the page converted before it: its footnote, abbreviation and reference
    assert "footnote" not in uses and "<abbr" not in uses and "defined-here" not in uses
    assert "[^1]" in uses and "[reference][ref]" in uses and 'id="same"' in uses and 'id="same_1"' not in uses
    assert 'class="footnote"' in shared["defines/index.html"] and 'id="same_1"' in shared["defines/index.html"]


class _Nested(Treeprocessor):
    """Converts something else while its own page is being converted."""

    def __init__(self, md: markdown.Markdown, pool: markdown_pool.Pool) -> None:
        super().__init__(md)
        self.pool = pool
        self.inner: Any = None

    def run(self, root: Any) -> None:
        self.inner = self.pool.Markdown(extensions=["toc"], extension_configs={})
        self.inner.convert("# Inner")


def test_a_converter_is_handed_out_again_only_when_free_and_made_alike() -> None:
    pool = markdown_pool.Pool(markdown)
    first = pool.Markdown(extensions=["toc"], extension_configs={})
    assert pool.Markdown(extensions=["toc"], extension_configs={}) is first
    nested = _Nested(first, pool)
    first.treeprocessors.register(nested, "nested", 0)
    assert first.convert("# Outer") == '<h1 id="outer">Outer</h1>'
    assert nested.inner is not first  # asked for while `first` was converting
    assert pool.Markdown(extensions=["toc", "tables"], extension_configs={}) is not nested.inner
    other_settings = pool.Markdown(extensions=["toc", "tables"], extension_configs={"toc": {"permalink": True}})
    assert other_settings.convert("# A") != '<h1 id="a">A</h1>'  # the permalink setting took
    assert pool.Markdown(extensions=["toc", "tables"], extension_configs={"toc": {"permalink": True}}) is other_settings


def test_settings_that_cannot_be_copied_make_a_new_converter_each_time() -> None:
    class Uncopyable:
        def __deepcopy__(self, memo: dict[int, Any]) -> Any:
            raise TypeError("no copies")

    pool = markdown_pool.Pool(markdown)
    settings = {"extensions": ["toc"], "extension_configs": {"toc": {"title": Uncopyable()}}}
    assert pool.Markdown(**settings) is not pool.Markdown(**settings)
