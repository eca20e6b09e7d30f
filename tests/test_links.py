"""Every way of writing a link to a left-out page is unlinked; its words stay."""

from __future__ import annotations

import re
from xml.etree.ElementTree import fromstring, tostring

import pytest
from conftest import build_site, make_site, read_page
from roledex.web.links import HiddenAddresses, HiddenSources, unlink_hidden_html, unwrap_links

HIDDEN_SOURCES = {
    "diary.md",
    "applications/etsy-x.md",
    "applications/notes.txt",
    "companies/hush.md",
    "journal/index.md",
    "Xavier.md",
}
HIDDEN_ADDRESSES = {"diary/", "applications/etsy-x/", "applications/notes.txt", "companies/hush/", *HIDDEN_SOURCES}


def hidden_addresses(site_url: str | None = "https://owner.github.io/kb/") -> HiddenAddresses:
    """Built inside each test, so that a test runs the constructor it depends on."""
    return HiddenAddresses(HIDDEN_ADDRESSES, site_url)


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
        ("notes.md", "mailto:diary.md", False),  # a scheme without a host is still not a file
        ("notes.md", "journal/", True),  # a folder's page is its index.md
        ("notes.md", "Journal/", True),
        ("notes.md", "journal/index.md", True),
        ("notes.md", "avier.md", False),  # 'Xavier.md' is another file
        ("notes.md", "Xavier.md", True),
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
        ("notes/", "  ", False),
        ("notes/", " #diary", False),
        ("notes/", "http://owner.github.io/kb/diary/", True),
        ("notes/", "HTTP://owner.github.io/kb/diary/", True),
        ("notes/", "ftp://owner.github.io/kb/diary/", False),
        ("notes/", "../diary/index.htm", True),
        ("notes/", "../diary.md", True),  # a file link left in by hand reaches the page too
        ("notes/", "../diary.MD", True),
        ("notes/", "../avier/", False),
        ("notes/diary/", "./", False),  # a page's own folder, not the hidden page below the root
        ("/notes/", "../diary/", True),
        ("notes", "diary/", True),  # 'notes' is a file at the root: its links start there
    ],
)
def test_an_address_in_html_is_judged_by_where_it_leads(page_url: str, address: str, hidden: bool) -> None:
    assert hidden_addresses().hides((page_url,), address) is hidden


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
    assert unlink_hidden_html(html, ("notes/",), hidden_addresses()) == expected


@pytest.mark.parametrize(
    ("site_url", "address", "hidden"),
    [
        (None, "/diary/", True),
        (None, "https://owner.github.io/kb/diary/", False),  # no site address: another site
        ("https://Owner.GitHub.io/kb/", "https://owner.github.io/kb/diary/", True),
        ("https://owner.github.io/", "/diary/", True),
        ("https://owner.github.io/kb", "/kb/diary/", True),
        ("https://owner.github.io/kb/", "/kb", False),  # the site's root is not hidden
        ("https://owner.github.io/kb/", "/kbx/diary/", False),
    ],
)
def test_absolute_addresses_are_read_below_the_site_address(site_url: str | None, address: str, hidden: bool) -> None:
    assert hidden_addresses(site_url).hides(("notes/",), address) is hidden


@pytest.mark.parametrize(("addresses", "truth"), [((), False), (("",), True), (("diary/",), True)])
def test_a_set_of_hidden_pages_is_true_when_it_holds_any(addresses: tuple[str, ...], truth: bool) -> None:
    assert bool(HiddenAddresses(addresses)) is truth
    assert bool(HiddenSources(addresses)) is truth


@pytest.mark.parametrize(
    ("attributes", "kept"),
    [
        ('href=""', True),
        ("href=''", True),
        ('href="x"', True),
        ("href", True),  # no value: nothing to follow
        ('href="../diary/"', False),
        ("href='../diary/'", False),
        ("href=../diary/", False),
        ('HREF = "../diary/"', False),
        ('data-href="../diary/"', True),
        ('title="href=../diary/" href="x"', True),
    ],
)
def test_an_anchor_is_judged_by_its_own_href(attributes: str, kept: bool) -> None:
    html = f"<p><a {attributes}>words</a></p>"
    assert unlink_hidden_html(html, ("notes/",), hidden_addresses()) == (html if kept else "<p>words</p>")


@pytest.mark.parametrize(
    ("image", "words"),
    [
        ('<img src="../diary/">', ""),
        ('<img src="../diary/" alt="">', ""),
        ('<img src="../diary/" alt="a &quot;b&quot; &amp; c">', 'a "b" &amp; c'),
        ("<img src='../diary/' alt='it&#39;s'/>", "it's"),
    ],
)
def test_an_image_of_a_hidden_page_becomes_its_alt_text_as_text(image: str, words: str) -> None:
    assert unlink_hidden_html(f"<p>{image}</p>", ("notes/",), hidden_addresses()) == f"<p>{words}</p>"


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
        ('<p><b>1</b><i>2</i><a href="diary.md">3</a>4</p>', "<p><b>1</b><i>2</i>34</p>"),
        ('<p><a href="diary.md"><b>1</b></a>2</p>', "<p><b>1</b>2</p>"),
        ('<p>0<i>1</i><a href="diary.md"><b>2</b><b>3</b></a><i>4</i></p>', "<p>0<i>1</i><b>2</b><b>3</b><i>4</i></p>"),
        ('<p><a href="diary.md">1</a><a href="diary.md">2</a><a href="diary.md">3</a></p>', "<p>123</p>"),
        ('<p><a name="top">1</a></p>', '<p><a name="top">1</a></p>'),
        ('<p>1<img src="applications/notes.txt" />2</p>', "<p>12</p>"),
        ('<p><img alt="" src="applications/notes.txt" /></p>', "<p />"),
        ('<p><img alt="ok" /></p>', '<p><img alt="ok" /></p>'),
    ],
)
def test_unwrapping_keeps_every_word_in_order(tree: str, expected: str) -> None:
    root = fromstring(f"<div>{tree}</div>")
    unwrap_links(root, lambda address: HiddenSources(HIDDEN_SOURCES).named_by("notes.md", address))
    assert tostring(root, encoding="unicode") == f"<div>{expected}</div>"


def test_only_links_and_images_are_judged_and_each_by_its_own_address() -> None:
    asked: list[str] = []

    def hides(address: str) -> bool:
        asked.append(address)
        return True

    root = fromstring('<div><p><b>bold</b><a>1</a><img alt="x" /><a href="h">2</a><img src="s" /></p></div>')
    unwrap_links(root, hides)
    assert tostring(root, encoding="unicode") == "<div><p><b>bold</b>1x2</p></div>"
    assert sorted(asked) == ["", "", "h", "s"]


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
