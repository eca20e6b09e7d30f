"""Every way of writing a link to a left-out page is unlinked; its words stay."""

from __future__ import annotations

import re
from xml.etree.ElementTree import fromstring, tostring

import pytest
from conftest import build_site, make_site, read_page
from roledex.links import HiddenAddresses, HiddenSources, unlink_hidden_html, unwrap_links

HIDDEN_SOURCES = {"diary.md", "applications/etsy-x.md", "applications/notes.txt", "companies/hush.md"}
HIDDEN = HiddenAddresses(
    {"diary/", "applications/etsy-x/", "applications/notes.txt", "companies/hush/", *HIDDEN_SOURCES},
    "https://owner.github.io/kb/",
)


@pytest.mark.parametrize(
    ("page", "address", "hidden"),
    [
        ("notes.md", "diary.md", True),
        ("notes.md", "Diary.MD", True),
        ("notes.md", "diary.md#part", True),
        ("notes.md", "diary.md?x=1", True),
        ("notes.md", "diary", True),
        ("notes.md", "diary/", True),
        ("notes.md", "./sub/../diary.md", True),
        ("notes.md", "dia%72y.md", True),
        ("notes.md", "diary.md (a title)", True),
        ("notes.md", "applications/notes.txt", True),
        ("guides/notes.md", "../companies/hush.md", True),
        ("guides/notes.md", "companies/hush.md", False),
        ("notes.md", "diaryx.md", False),
        ("notes.md", "companies/etsy.md", False),
        ("notes.md", "https://example.com/diary.md", False),
        ("notes.md", "/diary/", False),  # an address, not a file: the HTML pass judges it
        ("notes.md", "#diary", False),
        ("notes.md", "mailto:diary@example.com", False),
    ],
)
def test_a_markdown_link_is_judged_by_the_file_it_names(page: str, address: str, hidden: bool) -> None:
    assert HiddenSources(HIDDEN_SOURCES).named_by(page, address) is hidden


@pytest.mark.parametrize(
    ("page_url", "address", "hidden"),
    [
        ("notes/", "../diary/", True),
        ("notes/", "../diary", True),
        ("notes/", "../diary/index.html", True),
        ("notes/", "../diary/?q=1#top", True),
        ("notes/", "/diary/", True),
        ("notes/", "/kb/diary/", True),
        ("notes/", "https://owner.github.io/kb/diary/", True),
        ("notes/", "HTTPS://OWNER.GITHUB.IO/kb/Diary/", True),
        ("notes/", "../applications/notes.txt", True),
        ("notes/", "../applications/etsy-x/", True),
        ("notes/", "../companies/hush/", True),
        ("", "companies/hush/", True),
        ("notes.html", "companies/hush/", True),
        ("notes/", "diary/", False),
        ("notes/", "../companies/etsy/", False),
        ("notes/", "https://example.com/kb/diary/", False),
        ("notes/", "#diary", False),
        ("notes/", "", False),
        ("notes/", "javascript:diary()", False),
    ],
)
def test_an_address_in_html_is_judged_by_where_it_leads(page_url: str, address: str, hidden: bool) -> None:
    assert HIDDEN.hides((page_url,), address) is hidden


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        ('<p>See <a href="../diary/">my diary</a>.</p>', "<p>See my diary.</p>"),
        ("<p><A HREF='../diary/' title='a > b'>x</A></p>", "<p>x</p>"),
        ('<p><a class="x" href=../diary/><em>it</em></a></p>', "<p><em>it</em></p>"),
        (
            '<p><a href="../diary/">a</a> <a href="../companies/etsy/">b</a></p>',
            '<p>a <a href="../companies/etsy/">b</a></p>',
        ),
        ('<p><img alt="the &lt;b&gt; shot" src="../applications/notes.txt"></p>', "<p>the &lt;b&gt; shot</p>"),
        ('<p><img alt="ok" src="../img.png"></p>', '<p><img alt="ok" src="../img.png"></p>'),
        (
            "<pre><code>&lt;a href=&quot;../diary/&quot;&gt;</code></pre>",
            "<pre><code>&lt;a href=&quot;../diary/&quot;&gt;</code></pre>",
        ),
    ],
)
def test_html_anchors_and_images_lose_their_target_and_keep_their_words(html: str, expected: str) -> None:
    assert unlink_hidden_html(html, ("notes/",), HIDDEN) == expected


def test_nothing_changes_when_nothing_is_hidden() -> None:
    html = '<a href="../diary/">x</a>'
    assert unlink_hidden_html(html, ("notes/",), HiddenAddresses(())) == html


@pytest.mark.parametrize(
    ("tree", "expected"),
    [
        ('<p>a <a href="diary.md">b <em>c</em> d</a> e</p>', "<p>a b <em>c</em> d e</p>"),
        ('<p><a href="diary.md">b</a></p>', "<p>b</p>"),
        ('<p>x<em>y</em><a href="diary.md">z</a>w</p>', "<p>x<em>y</em>zw</p>"),
        ('<p><a href="diary.md"><img alt="pic" src="applications/notes.txt" /></a></p>', "<p>pic</p>"),
        ('<p><a href="etsy.md">e</a></p>', '<p><a href="etsy.md">e</a></p>'),
    ],
)
def test_unwrapping_keeps_every_word_in_order(tree: str, expected: str) -> None:
    root = fromstring(f"<div>{tree}</div>")
    unwrap_links(root, lambda address: HiddenSources(HIDDEN_SOURCES).named_by("notes.md", address))
    assert tostring(root, encoding="unicode") == f"<div>{expected}</div>"


NOTES = """# Notes

- inline [W01](diary.md)
- single-quoted title [W02](diary.md 'a title')
- double-quoted title [W03](diary.md "a title")
- reference [W04][r]
- collapsed reference [W05][]
- brackets in the text [W06 [with] brackets](diary.md)
- query [W07](diary.md?x=1#part)
- angle brackets [W08](<diary.md>)
- folder link [W09](diary/)
- absolute link [W10](/diary/)
- html anchor <a href="../diary/">W11</a>
- html anchor to the file <a href='diary.md'>W12</a>
- absolute html anchor <a href="/diary/">W13</a>
- full address <a href="https://owner.github.io/kb/diary/">W14</a>
- private folder <a href="../applications/notes.txt">W15</a> and [W16](applications/notes.txt)
- an application [W17](applications/etsy-engineering-manager-ml-for-growth.md)
- kept [Etsy](companies/etsy.md)

[r]: diary.md 'Ref title'
[W05]: <diary.md>
"""


@pytest.fixture(scope="module")
def notes_page(tmp_path_factory: pytest.TempPathFactory) -> str:
    root = tmp_path_factory.mktemp("links")
    make_site(
        root,
        {
            "notes.md": NOTES,
            "diary.md": "---\nprivate: true\n---\n# Diary\n",
            "applications/notes.txt": "private notes\n",
        },
    )
    (root / "mkdocs.yml").write_text(
        (root / "mkdocs.yml").read_text(encoding="utf-8") + "\nsite_url: https://owner.github.io/kb/\n",
        encoding="utf-8",
    )
    result = build_site(root)
    assert result.returncode == 0, result.stderr
    return read_page(root, "notes/")


@pytest.mark.parametrize("words", [f"W{n:02d}" for n in range(1, 18)])
def test_a_published_page_keeps_the_words_of_each_hidden_link_and_drops_its_target(notes_page: str, words: str) -> None:
    item = re.search(rf"<li>[^\n]*{words}[^\n]*</li>", notes_page)
    assert item is not None, words
    assert "<a " not in item.group(0), item.group(0)


def test_a_published_page_keeps_links_to_shown_pages(notes_page: str) -> None:
    assert 'href="../companies/etsy/"' in notes_page
    assert "diary" not in notes_page.lower()  # no address of the hidden page survives
