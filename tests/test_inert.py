"""Nothing from the web runs: the rule of what runs, the importer's sanitising of what it
writes, the build's wall for any file, and publish-check's refusal of a site that holds one."""

from __future__ import annotations

import json
from pathlib import Path

import markdown
import pytest
from conftest import build_site, invoke, make_site, output_texts, plain_id, run_roledex, use_material_search
from hypothesis import given, settings
from hypothesis import strategies as st
from roledex.importer.repair import UnreadableInput, repair_text
from roledex.importer.sanitize import ADDRESS_READ, clean_html, inert_attribute_lists, inert_links
from roledex.kb.inert import inert_html, linkable, running_attribute, running_parts, url_scheme
from roledex.plugin.markdown_extensions import InertContent

EXTENSIONS = ["attr_list", "md_in_html", "tables", "admonition", "pymdownx.superfences"]


@pytest.mark.parametrize(
    ("value", "scheme"),
    [
        ("javascript:alert(1)", "javascript"),
        ("JaVaScRiPt:alert(1)", "javascript"),
        ("&#106;avascript:alert(1)", "javascript"),
        ("&#x6A;avascript&colon;alert(1)", "javascript"),
        ("java\tscript:alert(1)", "javascript"),
        ("java\nscript:alert(1)", "javascript"),
        (" \x01\x1fvbscript:msgbox(1)", "vbscript"),
        ("\x20data:text/html,<script>", "data"),
        ("https://example.com/a:b", "https"),
        ("mailto:jo@example.com", "mailto"),
        ("/relative/path:with-colon", None),
        ("page.html#a:b", None),
        ("", None),
        ("1javascript:alert(1)", None),  # a scheme starts with a letter
    ],
)
def test_the_scheme_is_read_as_a_browser_reads_it(value: str, scheme: str | None) -> None:
    assert url_scheme(value) == scheme


@pytest.mark.parametrize(
    ("name", "value", "running"),
    [
        ("onclick", "x()", True),
        ("ONMOUSEOVER", "x()", True),
        ("onerror", None, True),
        ("on", "", True),
        ("one", "1", True),  # any on...: browsers add handlers faster than lists keep up
        ("only", "x", True),
        ("srcdoc", "<p>hi</p>", True),
        ("href", "javascript:x", True),
        ("xlink:href", "javascript:x", True),
        ("formaction", "vbscript:x", True),
        ("src", "data:image/png;base64,AAAA", True),
        ("srcset", "a.png 1x, javascript:x 2x", True),
        ("srcset", "a.png 1x, b.png 2x", False),
        ("values", "https://x;javascript:alert(1)", True),
        ("href", "https://example.com/?next=javascript:x", False),
        ("href", "https://example.com/a,javascript:x", False),
        ("href", "../postings/", False),
        ("title", "javascript:x", False),  # shown, never followed
        ("class", "onboarding", False),
        ("data-on", "x", False),
        ("alt", "data: our mission", False),
    ],
)
def test_an_attribute_runs_when_it_handles_an_event_or_follows_a_running_address(
    name: str, value: str | None, running: bool
) -> None:
    assert running_attribute(name, value) is running


@pytest.mark.parametrize(
    ("value", "kept"),
    [
        ("https://jobs.example/42", True),
        ("http://jobs.example/42", True),
        ("mailto:jobs@example.com", True),
        ("/apply", True),
        ("#section", True),
        ("javascript:apply()", False),
        ("tel:+441234", False),
        ("ftp://x", False),
        ("data:text/html,x", False),
    ],
)
def test_an_imported_posting_links_only_to_the_web_and_to_mail(value: str, kept: bool) -> None:
    assert linkable(value) is kept


CLEAN_HTML = [
    '<p class="x" id="y">Words <a href="../a/" title="t">link</a> <img src="i.png" alt="a" /></p>',
    "<table><tr><td>on: data: javascript words</td></tr></table>",
    '<div markdown="1">\n<span>on</span>\n</div>',
    '<a href="https://example.com/?q=javascript:x">ok</a>',
    "<p>&lt;script&gt; shown as text &amp; kept</p>",
]


@pytest.mark.parametrize("source", CLEAN_HTML)
def test_html_that_cannot_run_is_left_byte_for_byte(source: str) -> None:
    assert inert_html(source) == source
    assert list(running_parts(source)) == []


HOSTILE_HTML = [
    ('<a href="javascript:alert(1)">apply</a>', "<a>apply</a>"),
    ('<a HREF="JAVASCRIPT:alert(1)">apply</a>', "<a>apply</a>"),
    ('<a href="&#106;avascript:alert(1)" class="c">apply</a>', '<a class="c">apply</a>'),
    ("<img src=x onerror=alert(1)>", '<img src="x">'),
    ('<img src="x" onerror="alert(1)" />', '<img src="x" />'),
    ('<h2 id="about" onmouseover="alert(1)">About</h2>', '<h2 id="about">About</h2>'),
    ('<svg><a xlink:href="javascript:alert(1)">x</a></svg>', "<svg><a>x</a></svg>"),
    ('<iframe src="https://x"></iframe>', '&lt;iframe src="https://x"&gt;&lt;/iframe&gt;'),
    ("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"),
    ('<meta http-equiv="refresh" content="0;url=javascript:alert(1)">', '&lt;meta http-equiv="refresh"'),
]


@pytest.mark.parametrize(("source", "expected"), HOSTILE_HTML)
def test_html_that_can_run_loses_what_runs_and_keeps_the_rest(source: str, expected: str) -> None:
    inert = inert_html(source)
    assert inert.startswith(expected)
    assert list(running_parts(inert)) == []
    assert list(running_parts(source)) != []


def _page_of(body: str) -> str:
    """A posting body as Python-Markdown with the site's extensions makes it a page."""
    return markdown.markdown(body, extensions=EXTENSIONS)


HOSTILE_PASTES = {
    "html link": '<p>Apply <a href="javascript:alert(1)">here</a></p><p>More <b>text</b> today.</p>',
    "html link, any case": '<p>Apply <a href="JaVaScRiPt:alert(1)">here</a></p><div>and <i>more</i></div>',
    "html link, entities": '<p>Apply <a href="&#106;avascript&#58;alert(1)">here</a></p><ul><li>x</li></ul>',
    "html event handler": '<p onclick="alert(1)">Role</p><div><img src="x" onerror="alert(1)"></div>',
    "svg": '<div><svg onload="alert(1)"><a xlink:href="javascript:alert(1)">x</a></svg></div><p>Role text</p>',
    "markdown link": "Staff Engineer\n\n[apply](javascript:alert(document.cookie)) before Friday.",
    "markdown link, spaced": "Staff Engineer\n\n[apply]( JAVASCRIPT:alert(1) ) before Friday.",
    "markdown link, angle": "Staff Engineer\n\n[apply](<javascript:alert(1)>) before Friday.",
    "markdown image": "Staff Engineer\n\n![logo](data:image/svg+xml,<svg onload=alert(1)>) text.",
    "reference": "Staff Engineer\n\nApply [here][go].\n\n[go]: javascript:alert(1)\n",
    "reference, entity": "Staff Engineer\n\nApply [here][go].\n\n  [go]: &#106;avascript:alert(1) 'title'\n",
    "heading attributes": 'Staff Engineer\n\n## About {: onmouseover="alert(1)" }\n\nWe build things.',
    "image attributes": "Staff Engineer\n\n![x](x.png){: onerror=alert(1)}\n\nWe build things.",
    "block attributes": 'Staff Engineer\n\nWe build things.\n{: onclick="alert(1)" }\n',
    "link attributes": "Staff Engineer\n\n[apply](https://x.example){: onclick=alert(1) href=javascript:x}\n",
    "md_in_html": 'Staff Engineer\n\n<div markdown="1" onmouseover="alert(1)">\n*Role*\n</div>\n',
}


@pytest.mark.parametrize("paste", HOSTILE_PASTES.values(), ids=list(HOSTILE_PASTES))
def test_an_imported_body_runs_nothing_on_its_page(paste: str) -> None:
    repaired = repair_text(paste)
    page = _page_of(repaired.body)
    assert list(running_parts(page)) == [], page


def test_an_imported_body_keeps_its_words_and_safe_links() -> None:
    paste = (
        '<p>Join <a href="https://acme.example/team">our team</a>, or write to '
        '<a href="mailto:jobs@acme.example">us</a>.</p><ul><li>Python</li><li>Go</li></ul>'
    )
    page = _page_of(repair_text(paste).body)
    assert 'href="https://acme.example/team"' in page and 'href="mailto:jobs@acme.example"' in page
    assert "<li>Python</li>" in page


def test_a_neutralised_link_and_attribute_list_still_show_their_words() -> None:
    repaired = repair_text("Staff Engineer\n\n[apply](javascript:go()) now\n\n## About {: .x}\n")
    page = _page_of(repaired.body)
    assert "[apply](javascript:go()) now" in page and "About {: .x}" in page
    assert any("could run script" in change for change in repaired.changes)
    assert any("attribute list" in change for change in repaired.changes)


@pytest.mark.parametrize(
    ("markdown_text", "count"),
    [
        ("[a](https://x) [b](/y) [c](#z) [d](mailto:x@y)", 0),
        ("[a](javascript:x) [b](vbscript:y)", 2),
        ("[r]: https://x\n[s]: tel:123\n", 1),
        ("[r]: javascript:x\n[s]: tel:123\n", 2),
    ],
)
def test_links_are_counted_and_neutralised_only_when_they_could_run(markdown_text: str, count: int) -> None:
    assert inert_links(markdown_text)[1] == count


LONG = "a" * ADDRESS_READ


@pytest.mark.parametrize(
    ("markdown_text", "written"),
    [
        ("[a](https://x/" + LONG + ")", "[a](https://x/" + LONG + ")"),  # a plain linkable scheme: kept
        ("[a](/" + "a" * (ADDRESS_READ - 2) + ")", "[a](/" + "a" * (ADDRESS_READ - 2) + ")"),  # read whole: relative
        ("[a](/" + LONG + ")", "[a]\\(/" + LONG + ")"),  # longer than read, no scheme: its end is unknown
        ("[a](&#" + "0" * ADDRESS_READ + "106;avascript:x)", "[a]\\(&#" + "0" * ADDRESS_READ + "106;avascript:x)"),
        ("[a](javascript:" + LONG + ")", "[a]\\(javascript:" + LONG + ")"),
        ("[a](HTTPS:" + LONG + ")", "[a](HTTPS:" + LONG + ")"),
    ],
    ids=["long https", "relative read whole", "long relative", "long entity", "long javascript", "capital scheme"],
)
def test_a_long_address_is_judged_from_its_start_only_when_that_says(markdown_text: str, written: str) -> None:
    assert inert_links(markdown_text)[0] == written


@pytest.mark.parametrize(
    ("markdown_text", "written"),
    [
        ("[[x]: javascript:y", "\\[[x]: javascript:y"),  # the first `[` of the run is escaped
        ("[a[b]: javascript:y", "\\[a[b]: javascript:y"),
        ("[a] [b]: javascript:y", "[a] \\[b]: javascript:y"),  # after a `]`, a `[` starts again
        ("[a\n[b]: javascript:y", "[a\n\\[b]: javascript:y"),  # and on the next line
        ("\\[a [b]: javascript:y", "\\[a \\[b]: javascript:y"),  # an escaped `[` starts nothing
        ("[" * 50 + "]: https://x", "[" * 50 + "]: https://x"),
        ("[" * 50 + "x", "[" * 50 + "x"),
    ],
    ids=plain_id,
)
def test_a_reference_definition_is_found_after_any_run_of_brackets(markdown_text: str, written: str) -> None:
    assert inert_links(markdown_text)[0] == written


def test_only_braces_attr_list_would_read_are_escaped() -> None:
    text, count = inert_attribute_lists("## A {: #x }\n{remote, hybrid}\n\\{kept}\nset() {}\n")
    assert count == 2 and text.startswith("## A \\{: #x }\n\\{remote, hybrid}\n\\{kept}\nset() {}")


def test_the_sanitizer_keeps_words_and_safe_links_only() -> None:
    cleaned = clean_html(
        '<p onclick="x">A <a href="javascript:x">b</a> <a href="https://ok">c</a></p><style>p{}</style>'
    )
    assert cleaned == '<p>A <a>b</a> <a href="https://ok">c</a></p>'


HAND_WRITTEN = """---
company: etsy
title: "Hostile <b>posting</b>"
---

## About {: onmouseover="alert(1)"}

[apply](javascript:alert(1)) and [ref][r] ![x](x){: onerror=alert(1)} [e](&#106;avascript:alert(4))

[r]: JAVASCRIPT:alert(2)

<div markdown="1">
<a href="&#106;avascript:alert(3)">raw</a> and *md* <img src=x onerror=alert(6)>
</div>

<p onclick="x()">block</p>
<script>alert(5)</script>
<svg><animate onbegin="alert(7)" attributeName="x"/></svg>
"""


def test_a_hand_written_file_runs_nothing_in_any_output_and_publish_check_agrees(tmp_path: Path) -> None:
    make_site(tmp_path, {"postings/etsy-hostile.md": HAND_WRITTEN})
    assert build_site(tmp_path).returncode == 0
    site = tmp_path / "site"
    for name, text in output_texts(site).items():
        if name.endswith((".html", ".xml")):
            assert list(running_parts(text, elements=False)) == [], name
    page = (site / "postings" / "etsy-hostile" / "index.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(5)&lt;/script&gt;" in page and ">apply</a>" in page and ">raw</a>" in page
    checked = invoke("publish-check", str(site), cwd=tmp_path)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    use_material_search(tmp_path)  # Material's index holds HTML, which its search box shows as such
    assert build_site(tmp_path).returncode == 0
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    for entry in index["docs"]:
        assert list(running_parts(entry["text"], elements=False)) == []
    checked = invoke("publish-check", str(site), cwd=tmp_path)
    assert checked.returncode == 0, checked.stdout + checked.stderr


@pytest.mark.parametrize(
    ("planted", "what"),
    [
        ('<a href="javascript:alert(1)">x</a>', "href='javascript:alert(1)' on <a>"),
        ('<p onclick="alert(1)">x</p>', "onclick='alert(1)' on <p>"),
    ],
)
def test_publish_check_fails_a_site_with_script_in_content(tmp_path: Path, planted: str, what: str) -> None:
    make_site(tmp_path)
    assert build_site(tmp_path).returncode == 0
    page = tmp_path / "site" / "companies" / "etsy" / "index.html"
    page.write_text(page.read_text(encoding="utf-8").replace("</article>", planted + "</article>", 1), "utf-8")
    checked = invoke("publish-check", "site", cwd=tmp_path)
    assert checked.returncode == 1
    assert "SCRIPT site/companies/etsy/index.html: line" in checked.stdout and what in checked.stdout
    assert "event handler(s) or running address(es) in 1 file(s); do not publish" in checked.stderr


def test_publish_check_reads_search_data_as_html(tmp_path: Path) -> None:
    make_site(tmp_path)
    use_material_search(tmp_path)
    assert build_site(tmp_path).returncode == 0
    index_path = tmp_path / "site" / "search" / "search_index.json"
    index = json.loads(index_path.read_text(encoding="utf-8"))
    index["docs"][0]["text"] += '<img src="x" onerror="alert(1)">'
    index_path.write_text(json.dumps(index), encoding="utf-8")
    checked = invoke("publish-check", "site", cwd=tmp_path)
    assert checked.returncode == 1 and "SCRIPT site/search/search_index.json" in checked.stdout


def test_a_saved_page_whose_json_ld_holds_script_imports_and_builds_inert(tmp_path: Path) -> None:
    description = (
        '<p>Build ML systems. <a href="JaVaScRiPt:alert(1)">Apply</a> '
        '<img src="x" onerror="alert(2)"></p><h2 onmouseover="alert(3)">About</h2><ul><li>Python</li></ul>'
        "<p>[more](javascript:alert(4)) {: onclick=alert(5)}</p>"
    )
    posting = {
        "@context": "https://schema.org",
        "@type": "JobPosting",
        "title": "Data Engineer",
        "description": description,
        "hiringOrganization": {"@type": "Organization", "name": "Etsy"},
        "jobLocation": {"@type": "Place", "address": {"addressLocality": "Brooklyn", "addressCountry": "US"}},
    }
    page = f'<html><head><script type="application/ld+json">{json.dumps(posting)}</script></head><body>x</body></html>'
    saved = tmp_path / "saved.html"
    saved.write_text(page, encoding="utf-8")
    docs = make_site(tmp_path)
    result = invoke("import", str(saved), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    written = (docs / "postings" / "etsy-data-engineer.md").read_text(encoding="utf-8")
    assert "Build ML systems." in written and "Python" in written
    assert list(running_parts(_page_of(written.split("---", 2)[2]))) == []
    assert build_site(tmp_path).returncode == 0
    built = (tmp_path / "site" / "postings" / "etsy-data-engineer" / "index.html").read_text(encoding="utf-8")
    assert list(running_parts(built, elements=False)) == [] and "Build ML systems." in built


@pytest.mark.parametrize("engine", ["mkdocs", "properdocs", "zensical"])
def test_every_engine_publishes_a_hostile_file_inert(tmp_path: Path, engine: str) -> None:
    make_site(tmp_path, {"postings/etsy-hostile.md": HAND_WRITTEN})
    result = run_roledex("build", "--engine", engine, "--site-dir", "site", cwd=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no private text found in any file, and no script in content" in result.stdout
    for name, text in output_texts(tmp_path / "site").items():
        if name.endswith((".html", ".xml")):
            assert list(running_parts(text, elements=False)) == [], name
    page = (tmp_path / "site" / "postings" / "etsy-hostile" / "index.html").read_text(encoding="utf-8")
    assert "alert(5)" not in page or "&lt;script&gt;alert(5)" in page


def test_each_finding_names_its_line_and_what_runs() -> None:
    source = '<p>one</p>\n<p>two</p>\n<a href="javascript:x()" onclick="y()">a</a>\n<script src="s.js"></script>'
    found = [(part.line, part.what) for part in running_parts(source)]
    assert found == [(3, "href='javascript:x()' on <a>"), (3, "onclick='y()' on <a>"), (4, "a <script> element")]
    assert [(part.line, part.what) for part in running_parts(source, elements=False)] == found[:2]


def test_a_long_value_is_quoted_in_part_and_a_bare_handler_as_empty() -> None:
    long_value = "x" * 100
    assert [p.what for p in running_parts(f'<b onclick="{long_value}" onfocus>')] == [
        f"onclick={'x' * 60!r} on <b>",
        "onfocus='' on <b>",
    ]


def test_a_rewritten_tag_keeps_its_other_attributes_escaped_and_bare_ones_bare() -> None:
    source = '<input type="checkbox" checked onclick="x()" title="a &quot;b&quot; &amp; c">\n<br onclick="y" />'
    assert inert_html(source) == '<input type="checkbox" checked title="a &quot;b&quot; &amp; c">\n<br />'


def test_a_running_element_is_shown_as_its_own_text_end_tag_and_all() -> None:
    source = '<p>a</p>\n<script src="x.js">alert("1")</script >\n<p>b</p><script>two()</script>'
    assert inert_html(source) == (
        '<p>a</p>\n&lt;script src="x.js"&gt;alert("1")&lt;/script &gt;\n<p>b</p>&lt;script&gt;two()&lt;/script&gt;'
    )
    assert inert_html(source, elements=False) == source


@pytest.mark.parametrize(
    ("value", "attribute", "running"),
    [
        ("https://example.com/a javascript:x", "href", False),  # one address: its scheme is https
        ("a.png 1x,\tjavascript:x 2x", "srcset", True),
        ("a.png 1x, , b.png 2x", "srcset", False),
    ],
)
def test_only_a_list_attribute_is_read_as_many_addresses(value: str, attribute: str, running: bool) -> None:
    assert running_attribute(attribute, value) is running


@pytest.mark.parametrize(
    ("html", "kept"),
    [
        ('<img src="a.png" alt="logo" width="10" class="c">', '<img src="a.png" alt="logo">'),
        ('<a href="tel:+441234">call</a>', "<a>call</a>"),
        ('<a href="ftp://files.example/x">x</a>', "<a>x</a>"),
        ("<p>a</p><noscript>Enable JavaScript</noscript><template><b>t</b></template>", "<p>a</p>"),
        ('<p lang="de" title="t" style="color:red">x</p>', '<p lang="de">x</p>'),
        ("<p>a<!-- note --></p>", "<p>a</p>"),
    ],
)
def test_the_sanitizer_keeps_only_its_allowlist(html: str, kept: str) -> None:
    assert clean_html(html) == kept


FRAGMENTS = [
    "Staff Engineer",
    "<p>",
    "</p>",
    "<div>",
    '<a href="',
    '">',
    "</a>",
    "javascript:",
    "JaVaScRiPt:",
    "&#106;avascript:",
    "java\tscript:",
    "data:text/html,",
    "alert(1)",
    " onmouseover=",
    " onerror=",
    "<img src=x",
    ">",
    "[apply](",
    ")",
    "\n[r]: ",
    "{: ",
    "}",
    "\n## About ",
    "![x](x)",
    "<svg",
    "<script>",
    "\n\n",
    '<div markdown="1">',
    "</div>",
    '"',
    "'",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(FRAGMENTS), min_size=1, max_size=30))
def test_no_paste_made_of_hostile_pieces_runs_on_its_page(pieces: list[str]) -> None:
    paste = "Staff Engineer at Acme\n\n" + "".join(pieces)
    try:
        body = repair_text(paste).body
    except UnreadableInput:
        return
    page = _page_of(body)
    assert list(running_parts(page)) == [], (paste, page)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(FRAGMENTS), min_size=1, max_size=30))
def test_no_hand_written_file_made_of_hostile_pieces_runs_on_its_page(pieces: list[str]) -> None:
    page = markdown.markdown("".join(pieces), extensions=[*EXTENSIONS, InertContent()])
    assert list(running_parts(page)) == [], page


@pytest.mark.parametrize(
    ("source", "inert"),
    [
        ("<script><script>alert(1)", "&lt;script&gt;&lt;script&gt;alert(1)"),
        ("<SCRIPT><SCRIPT>alert(1)", "&lt;SCRIPT&gt;&lt;SCRIPT&gt;alert(1)"),
        ("<script></script><b>x</b>", "&lt;script&gt;&lt;/script&gt;<b>x</b>"),
        ("<style>a<b{color:red}</style>", "<style>a<b{color:red}</style>"),  # a style's text is not HTML
        ("<p>ok</p><img src=x onerror=alert(1)//", "<p>ok</p>&lt;img src=x onerror=alert(1)//"),
        ('<p>ok</p><a title="x', '<p>ok</p>&lt;a title="x'),
        ("a < b and 1<2", "a < b and 1<2"),
        ("<p>if a</p><b then", "<p>if a</p>&lt;b then"),
    ],
)
def test_content_is_read_as_a_browser_reads_it(source: str, inert: str) -> None:
    assert inert_html(source) == inert
    assert list(running_parts(inert)) == []


@pytest.mark.parametrize(
    "page",
    [
        '<script>var a = "<img src=x onerror=y>";</script><p>ok</p>',
        "<p>ok</p><img src=x onerror=alert(1)//",
        "<p>if a<b then</p>",
    ],
)
def test_a_whole_page_keeps_the_themes_scripts_and_broken_text_as_they_are(page: str) -> None:
    assert inert_html(page, elements=False) == page
    assert list(running_parts(page, elements=False)) == []
