"""The pages written for an engine that runs no hook: addresses, front matter, and links to
left-out files, rule by rule."""

from __future__ import annotations

import pytest
from roledex.web.links import HiddenAddresses, HiddenSources
from roledex.web.markdown_tree import _address, _front_matter, _page, _unlinked


@pytest.mark.parametrize(
    ("uri", "address"),
    [("index.md", ""), ("postings/index.md", "postings/"), ("prep/x.md", "prep/x/"), ("tags.md", "tags/")],
)
def test_a_page_has_the_directory_address_the_engines_give_it(uri: str, address: str) -> None:
    assert _address(uri) == address


@pytest.mark.parametrize(
    ("text", "meta", "body"),
    [
        ("---\nhide:\n  - toc\n---\n\n# Salaries\n", {"hide": ["toc"]}, "\n# Salaries\n"),
        ("# No front matter\n", {}, "# No front matter\n"),
        ("---\n- a list\n---\nbody\n", {}, "---\n- a list\n---\nbody\n"),  # not a mapping: kept whole
        ("---\nkey: [unclosed\n---\nbody\n", {}, "---\nkey: [unclosed\n---\nbody\n"),
    ],
)
def test_front_matter_is_read_or_the_text_kept_whole(text: str, meta: dict[str, object], body: str) -> None:
    assert _front_matter(text) == (meta, body)


def test_a_page_is_written_back_with_one_front_matter_block() -> None:
    written = _page({"title": "R&amp;D", "hide": ["toc"]}, "# R&amp;D\n")
    assert written == "---\ntitle: R&amp;D\nhide:\n- toc\n---\n\n# R&amp;D\n"
    assert _page({}, "# Plain\n") == "# Plain\n"


HIDDEN = ["contacts/jo.md"]


@pytest.mark.parametrize(
    ("markdown", "expected"),
    [
        ("See [Jo](../contacts/jo.md).", "See Jo."),
        ('See [Jo](../contacts/jo.md "her page").', "See Jo."),
        ("See [Jo](../contacts/jo.md#notes).", "See Jo."),
        ('See <a href="../../contacts/jo/">Jo</a>.', "See Jo."),
        ("See [Sam](../contacts/sam.md).", "See [Sam](../contacts/sam.md)."),
        ("![photo](../contacts/jo.md)", "photo"),
        ("![logo](../assets/logo.png)", "![logo](../assets/logo.png)"),
        ("See [the posting](x.md).", "See [the posting](x.md)."),
    ],
)
def test_links_to_left_out_files_keep_their_words_only(markdown: str, expected: str) -> None:
    hidden = HiddenSources(HIDDEN)
    addresses = HiddenAddresses([*HIDDEN, "contacts/jo/"])
    assert _unlinked(markdown, "postings/x.md", hidden, addresses) == expected
