"""Search reads a page less the sections it leaves out, and finds exactly what it found before."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest
from conftest import REPO, build_site, make_site, plain_id, site_config
from material.plugins.search.plugin import SearchIndex
from roledex.plugin.pagefind_search import mark_left_out
from roledex.web.search_view import searchable_html

sys.path.insert(0, str(REPO / "scripts"))
from generate_kb import generate  # noqa: E402

OUT = ' data-search-exclude="true"'


@pytest.mark.parametrize(
    ("html", "searchable"),
    [
        ("<h2>A</h2><p>a</p>", "<h2>A</h2><p>a</p>"),
        (f'<h2 id="b"{OUT}>B</h2><p>b</p><h2>C</h2><p>c</p>', "<h2>C</h2><p>c</p>"),
        (f"<h1>T</h1><p>t</p><h2{OUT}>B</h2><table><tr><td>b</td></tr></table>", "<h1>T</h1><p>t</p>"),
        (f"<h2{OUT}>B</h2><p>b</p><h3{OUT}>D</h3><p>d</p><h2>C</h2>", "<h2>C</h2>"),
        (f"<h2{OUT}>B</h2><p>b<br>b</p><img src=x><svg><path d=m/></svg><h2>C</h2>", "<h2>C</h2>"),
        # a section that closes an element opened before it stays, whole
        (f"<div><h2{OUT}>B</h2><p>b</p></div><h2>C</h2>", f"<div><h2{OUT}>B</h2><p>b</p></div><h2>C</h2>"),
        # a section whose next heading sits inside an element it opened stays
        (f"<h2{OUT}>B</h2><div><h3>D</h3></div>", f"<h2{OUT}>B</h2><div><h3>D</h3></div>"),
        # text that may hold what looks like tags stays
        (f"<h2{OUT}>B</h2><script>'</p>'</script><h2>C</h2>", f"<h2{OUT}>B</h2><script>'</p>'</script><h2>C</h2>"),
        (f"<h2{OUT}>B</h2><!-- <p> --><h2>C</h2>", f"<h2{OUT}>B</h2><!-- <p> --><h2>C</h2>"),
        # a marked element goes to its end tag, nested ones of its kind included
        (f"<h1>T</h1><p>t</p><table{OUT}><tr><td>x</td></tr></table><p>u</p>", "<h1>T</h1><p>t</p><p>u</p>"),
        (f"<div{OUT}><div>x</div><p>y</p></div><p>u</p>", "<p>u</p>"),
        (f"<p>a</p><table{OUT}><tr><td>x</td></tr>", f"<p>a</p><table{OUT}><tr><td>x</td></tr>"),
        (f"<div{OUT}><p>x</div></p><p>u</p>", f"<div{OUT}><p>x</div></p><p>u</p>"),
        # the end tag is the element's own, in any case, whatever else is named alike
        (f"<TABLE{OUT}><tr><td>x</td></tr></Table><p>u</p>", "<p>u</p>"),
        (f"<table{OUT}><table-x>y</table-x><tr><td>x</td></tr></table><p>u</p>", "<p>u</p>"),
        (f"<div{OUT}><div/><p>x</p></div><p>u</p>", "<p>u</p>"),
        # a heading inside a comment or CDATA is not where the section ends
        (f"<h2{OUT}>B</h2><!-- <h2>x</h2> --><p>c</p>", f"<h2{OUT}>B</h2><!-- <h2>x</h2> --><p>c</p>"),
        (f"<h2{OUT}>B</h2><![CDATA[<h2>x</h2>]]><p>c</p>", f"<h2{OUT}>B</h2><![CDATA[<h2>x</h2>]]><p>c</p>"),
        (f'<h2{OUT}>B</h2><svg><path d="m"></path></svg><h2>C</h2>', "<h2>C</h2>"),
        (
            f"<table><tr><td>a</td></tr></table><table{OUT}><tr><td>x</td></tr></table>",
            "<table><tr><td>a</td></tr></table>",
        ),
        (f"<h2{OUT}>B</h2><table{OUT}><tr><td>x</td></tr></table><h2>C</h2><table{OUT}></table>", "<h2>C</h2>"),
        # a marked section of marked headings goes first, then the heading's section around it
        (f"<h2{OUT}>B</h2><p>b</p><section{OUT}><h3{OUT}>D</h3><p>d</p></section><h2>C</h2>", "<h2>C</h2>"),
        # a marked heading whose section is not whole does not stop the cut of a later element
        (
            f"<div><h2{OUT}>B</h2></div><table{OUT}><tr><td>x</td></tr></table><p>u</p>",
            f"<div><h2{OUT}>B</h2></div><p>u</p>",
        ),
        (
            f"<table{OUT}><tr><td>x</td></tr></table><div><h2{OUT}>B</h2></div><table{OUT}></table><p>u</p>",
            f"<div><h2{OUT}>B</h2></div><p>u</p>",
        ),
        # what cannot be cut, or lies inside a cut, does not stop the cuts after it
        (f"<section{OUT}><table{OUT}></table></section><table{OUT}></table><p>u</p>", "<p>u</p>"),
        (f"<div{OUT}><p>x</p><table{OUT}><tr><td>y</td></tr></table><p>u</p>", f"<div{OUT}><p>x</p><p>u</p>"),
        (f"<div{OUT}><p>x</div></p><table{OUT}></table><p>u</p>", f"<div{OUT}><p>x</div></p><p>u</p>"),
        # a marked element holding a heading search keeps stays: that heading starts an entry
        (f"<section{OUT}><h3>D</h3><p>d</p></section><p>u</p>", f"<section{OUT}><h3>D</h3><p>d</p></section><p>u</p>"),
    ],
)
def test_left_out_sections_are_cut_only_where_whole(html: str, searchable: str) -> None:
    assert searchable_html(html) == searchable


DUMP_HOOK = """
import json
from mkdocs.plugins import event_priority

contents = {}

@event_priority(100)  # before Material's search reads the page and strips its marks
def on_page_context(context, page, config, nav):
    contents[page.url] = page.content

def on_post_build(config):
    with open("contents.json", "w", encoding="utf-8") as out:
        json.dump(contents, out)
"""


def _entries(html: str, url: str) -> list[dict[str, object]]:
    index = SearchIndex()
    page = SimpleNamespace(content=html, toc=[], url=url, meta={}, title=url)
    index.add_entry_from_context(page)
    return list(index.entries)


@pytest.mark.parametrize("knowledge_base", ["shipped", "generated"])
def test_every_page_is_found_by_search_as_it_was(tmp_path: Path, knowledge_base: str) -> None:
    if knowledge_base == "shipped":
        make_site(tmp_path)
    else:
        generate(tmp_path, 40, 6)
        site_config(tmp_path)
    (tmp_path / "dump_hook.py").write_text(DUMP_HOOK, encoding="utf-8")
    config = tmp_path / "mkdocs.yml"
    config.write_text(config.read_text("utf-8") + "\nhooks:\n  - dump_hook.py\n", "utf-8")
    assert build_site(tmp_path, private="include").returncode == 0
    contents = json.loads((tmp_path / "contents.json").read_text(encoding="utf-8"))
    cut = 0
    for url, html in contents.items():
        assert _entries(searchable_html(html), url) == _entries(html, url), url
        cut += len(html) - len(searchable_html(html))
    prep = [html for url, html in contents.items() if url.startswith("prep/") and url != "prep/"]
    assert prep and all(len(searchable_html(html)) < len(html) for html in prep)
    assert cut > 0


IGNORE = "data-pagefind-ignore"


@pytest.mark.parametrize(
    ("html", "marked"),
    [
        ("<h2>Kept</h2><p>a</p>", "<h2>Kept</h2><p>a</p>"),
        (
            f"<h2{OUT}>Brief</h2><div><p>x</p></div><img src=y><h2>Kept</h2><p>d</p>",
            f"<h2{OUT} {IGNORE}>Brief</h2><div {IGNORE}><p>x</p></div><img src=y {IGNORE}><h2>Kept</h2><p>d</p>",
        ),
        (
            f"<h2{OUT}>A</h2><p>x</p><section{OUT}><h3>B</h3></section><h2>K</h2>",
            f"<h2{OUT} {IGNORE}>A</h2><p {IGNORE}>x</p><section{OUT} {IGNORE}><h3>B</h3></section><h2>K</h2>",
        ),
        (
            f"<div><h2{OUT}>A</h2><p>x</p></div><p>after</p>",
            f"<div><h2{OUT} {IGNORE}>A</h2><p {IGNORE}>x</p></div><p>after</p>",
        ),
        (f"<h2{OUT}>A</h2><p>x<br/>y</p><hr/>", f"<h2{OUT} {IGNORE}>A</h2><p {IGNORE}>x<br/>y</p><hr {IGNORE}/>"),
        (f"<h2{OUT}>A</h2><!-- <h2>not</h2> --><p>x</p>", f"<h2{OUT} {IGNORE}>A</h2><!-- <h2>not</h2> --><p>x</p>"),
        (
            f"<table{OUT}><tr><td>row</td></tr></table><p>kept</p>",
            f"<table{OUT} {IGNORE}><tr><td>row</td></tr></table><p>kept</p>",
        ),
        # an element of the section is marked once, at its top, however much it holds
        (
            f"<h2{OUT}>A</h2><table><tr><td><p>1</p></td></tr><tr><td>2</td></tr></table><h2>K</h2>",
            f"<h2{OUT} {IGNORE}>A</h2><table {IGNORE}><tr><td><p>1</p></td></tr><tr><td>2</td></tr></table><h2>K</h2>",
        ),
        (f"<h2{OUT}>A</h2><p {IGNORE}>x</p><h2>K</h2>", f"<h2{OUT} {IGNORE}>A</h2><p {IGNORE}>x</p><h2>K</h2>"),
        # an element left open runs past the section, a stray end tag leaves it: neither is marked
        (f"<h2{OUT}>A</h2><p>x</p><div>y<h2>K</h2>", f"<h2{OUT} {IGNORE}>A</h2><p {IGNORE}>x</p><div>y<h2>K</h2>"),
        (f"<div><h2{OUT}>A</h2></div><p>x</p>", f"<div><h2{OUT} {IGNORE}>A</h2></div><p>x</p>"),
        # the mark is Material's attribute in a tag, not the words in text or a longer name
        ("<p>data-search-exclude</p><h2>K</h2>", "<p>data-search-exclude</p><h2>K</h2>"),
        ("<h2 data-search-excluded>A</h2><p>x</p>", "<h2 data-search-excluded>A</h2><p>x</p>"),
        ("<h2\tdata-search-exclude>A</h2><p>x</p>", f"<h2\tdata-search-exclude {IGNORE}>A</h2><p {IGNORE}>x</p>"),
        ("<h2 class=data-search-exclude>A</h2><p>x</p>", "<h2 class=data-search-exclude>A</h2><p>x</p>"),
    ],
    ids=plain_id,
)
def test_pagefind_leaves_out_what_material_leaves_out(html: str, marked: str) -> None:
    assert mark_left_out(html) == marked
