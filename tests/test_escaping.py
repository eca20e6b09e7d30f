"""Text from a file or a paste stays text wherever roledex puts it: generated Markdown, page
titles and front matter that Material prints."""

from __future__ import annotations

import html
import re
from pathlib import Path

import markdown
import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st
from roledex.web.common import text
from roledex.web.pages import escaped_meta, page_title

REPO = Path(__file__).resolve().parent.parent


def _extensions() -> tuple[list[str], dict[str, dict]]:
    """The Markdown extensions and their settings, as mkdocs.yml gives them to every page."""
    names, configs = [], {}
    for entry in yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))["markdown_extensions"]:
        name, config = next(iter(entry.items())) if isinstance(entry, dict) else (entry, {})
        names.append(name)
        configs[name] = config or {}
    return names, configs


NAMES, CONFIGS = _extensions()


def render(source: str) -> str:
    return markdown.markdown(source, extensions=NAMES, extension_configs=CONFIGS)


def _tags(rendered: str) -> str:
    """Only the tags of some HTML, where markup a value made would show."""
    return " ".join(re.findall(r"<[^>]+>", rendered))


def _words(fragment: str) -> str:
    return html.unescape(re.sub(r"<[^>]*>", "", fragment))


# (what a value says, the markup it would make if its characters acted)
ACTIVE = [
    ("AT&amp;T", None),
    ("<b>bold</b>", "<b>"),
    ("<script>alert(1)</script>", "<script"),
    ("<img src=x onerror=alert(1)>", "<img"),
    ("> quoted", "<blockquote"),
    ("`code`", "<code"),
    ("[link](https://example.com)", "<a "),
    ("![image](x.png)", "<img"),
    ("*emphasis*", "<em"),
    ("**strong**", "<strong"),
    ("_emphasis_", "<em"),
    ("a\\*b\\*c", None),
    ("# heading", "<h1"),
    ("- item", "<li"),
    ("1. item", "<li"),
    ("<https://example.com>", "<a "),
    ("!!! note", "admonition"),
    ("??? note", "<details"),
    ("[ ] task", "checkbox"),
    ("=== Tab", "tabbed"),
    ("Acme {: onclick=alert(1) }", "onclick"),
    ("Acme { #id .cls }", 'id="id"'),
    ("~~~ fence", "<code"),
]


@pytest.mark.parametrize(("value", "markup"), ACTIVE, ids=[value for value, _ in ACTIVE])
def test_a_value_in_a_paragraph_is_its_own_words(value: str, markup: str | None) -> None:
    rendered = render(f"Before\n\n{text(value)}\n\nAfter")
    if markup:
        assert markup not in _tags(rendered)
    paragraphs = re.findall(r"<p>(.*?)</p>", rendered, re.S)
    assert _words(paragraphs[1]) == value


@pytest.mark.parametrize(("value", "markup"), ACTIVE, ids=[value for value, _ in ACTIVE])
def test_a_value_in_a_heading_is_its_own_words(value: str, markup: str | None) -> None:
    rendered = render(f"# {text(value)}\n")
    heading = re.search(r"<h1[^>]*>(.*?)</h1>", rendered, re.S)
    assert heading is not None
    assert "onclick=" not in _tags(rendered) and 'class="cls"' not in rendered
    assert _words(re.sub(r'<a class="headerlink".*?</a>', "", heading.group(1))) == value


@pytest.mark.parametrize("value", ["a | b", "|", "x|y|z", "`|`"])
def test_a_value_in_a_table_cell_stays_in_its_cell(value: str) -> None:
    rendered = render(f"| A | B |\n|---|---|\n| {text(value)} | end |\n")
    cells = re.findall(r"<td>(.*?)</td>", rendered, re.S)
    assert [_words(cell) for cell in cells] == [value, "end"]


@pytest.mark.parametrize("value", ['x" onmouseover="alert(1)', "a'b", 'say "hi"'])
def test_a_value_in_a_link_title_stays_in_its_attribute(value: str) -> None:
    rendered = render(f'[label](https://example.com "{text(value)}")')
    assert "onmouseover=" not in rendered.replace("onmouseover=&quot;", "")
    title = re.search(r'title="([^"]*)"', rendered)
    assert title is not None and html.unescape(title.group(1)) == value


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab &<>\"'|`[]*_\\#!~^{}:=.-()0") + ["\n", "\t", "é"]), max_size=30))
def test_any_text_renders_as_itself(value: str) -> None:
    rendered = render(f"Before\n\n{text(value)}\n\nAfter")
    paragraphs = re.findall(r"<p>(.*?)</p>", rendered, re.S)
    expected = " ".join(value.split())
    if expected:
        assert len(paragraphs) == 3, rendered
        assert _words(paragraphs[1]) == expected


@pytest.mark.parametrize(
    ("meta", "expected"),
    [
        ({"tags": ["<img src=x onerror=alert(1)>"]}, {"tags": ["&lt;img src=x onerror=alert(1)&gt;"]}),
        ({"description": '"><script>'}, {"description": "&quot;&gt;&lt;script&gt;"}),
        ({"tags": ["a&b", "x'y"]}, {"tags": ["a&amp;b", "x&#x27;y"]}),
        ({"search": {"boost": 4, "note": "<b>"}}, {"search": {"boost": 4, "note": "&lt;b&gt;"}}),
        ({"hide": ["navigation"], "private": True}, {"hide": ["navigation"], "private": True}),
    ],
)
def test_every_text_in_front_matter_is_escaped_once_for_material(meta: dict, expected: dict) -> None:
    assert escaped_meta(meta) == expected


@pytest.mark.parametrize(
    ("markdown_text", "title"),
    [
        ("# Plain\n", "Plain"),
        ("# A &lt;b&gt; title\n", "A &lt;b&gt; title"),
        ("# <script>x</script>\n", "&lt;script&gt;x&lt;/script&gt;"),
        ("---\ntitle: x\n---\n# AT&amp;T\n", "AT&amp;T"),
        ("No heading\n", None),
    ],
)
def test_a_page_title_is_escaped_exactly_once(markdown_text: str, title: str | None) -> None:
    assert page_title(markdown_text) == title


@pytest.mark.parametrize(
    ("value", "kept"),
    [("2,000", True), ("2026", True), ("1. item", False), ("12) item", False), ("- item", False), ("Acme", True)],
)
def test_only_a_start_that_could_open_a_block_is_escaped(value: str, kept: bool) -> None:
    assert (text(value) == value) is kept
