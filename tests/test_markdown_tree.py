"""The pages written for an engine that runs no hook: addresses, front matter, and links to
left-out files, rule by rule."""

from __future__ import annotations

import posixpath
from pathlib import Path

import pytest
from conftest import make_site
from roledex.kb.settings import Settings
from roledex.web.links import HiddenAddresses, HiddenSources
from roledex.web.markdown_tree import Tree, _address, _front_matter, _page, _unlinked, write_tree
from test_engines import FILES, PRIVATE_WORDS


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


def _written(root: Path, include_private: bool = False) -> tuple[Tree, Path]:
    make_site(root, FILES)
    out = root / "out"
    return write_tree(root / "docs", out, Settings(), include_private=include_private), out


def test_the_public_tree_holds_every_shown_page_and_nothing_private(tmp_path: Path) -> None:
    tree, out = _written(tmp_path)
    written = sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file())
    assert tree.left_out == {
        "applications/etsy-engineering-manager-ml-for-growth.md",
        "companies/hushhush.md",
        "contacts/jo-quietly.md",
        "postings/hushhush-lead.md",
        "prep/etsy-engineering-manager-ads-ml.md",
        "prep/etsy-engineering-manager-ml-for-growth.md",
    }
    assert set(written) & tree.left_out == {  # the generated pages, in the place of the private notes
        "prep/etsy-engineering-manager-ads-ml.md",
        "prep/etsy-engineering-manager-ml-for-growth.md",
    }
    assert sorted(tree.pages) == sorted(p for p in written if p.endswith(".md"))
    for page in ("index.md", "salaries/index.md", "prep/etsy-engineering-manager-ads-ml.md", "tags.md"):
        assert page in written
    assert "assets/roledex.css" in written  # other files are copied as they are
    assert (out / "assets" / "roledex.css").read_bytes() == (tmp_path / "docs/assets/roledex.css").read_bytes()
    every = "".join(p.read_text(encoding="utf-8", errors="replace") for p in out.rglob("*.md"))
    for word in PRIVATE_WORDS:
        assert word not in every
    assert tree.pages == sorted(tree.pages, key=lambda uri: (posixpath.dirname(uri), uri))


def test_a_generated_prep_page_replaces_private_notes_and_a_public_note_is_enriched(tmp_path: Path) -> None:
    make_site(tmp_path, FILES)
    growth = tmp_path / "docs" / "prep" / "etsy-engineering-manager-ml-for-growth.md"
    growth.write_text(growth.read_text(encoding="utf-8").replace("\n---\n", "\nprivate: false\n---\n", 1), "utf-8")
    out = tmp_path / "out"
    write_tree(tmp_path / "docs", out, Settings())
    private = (out / "prep" / "etsy-engineering-manager-ads-ml.md").read_text(encoding="utf-8")
    assert "roledex new prep etsy-engineering-manager-ads-ml" in private
    public = (out / "prep" / "etsy-engineering-manager-ml-for-growth.md").read_text(encoding="utf-8")
    assert public.startswith("---\nposting: etsy-engineering-manager-ml-for-growth\nprivate: false\n")
    assert "\ntitle: 'Prep: Engineering Manager, Machine Learning for Growth'\n---\n" in public
    assert "## Company brief: Etsy" in public and "## Talking points" in public
    posting = (out / "postings" / "etsy-engineering-manager-ads-ml.md").read_text(encoding="utf-8")
    assert 'class="rdx-card"' in posting  # the posting's header, as the hook adds it


def test_the_private_view_writes_everything(tmp_path: Path) -> None:
    tree, out = _written(tmp_path, include_private=True)
    assert tree.left_out == set()
    assert (out / "contacts" / "jo-quietly.md").is_file() and (out / "applications" / "index.md").is_file()


def test_a_knowledge_base_with_errors_writes_nothing(tmp_path: Path) -> None:
    make_site(tmp_path, {"postings/bad.md": "---\ncompany: etsy\ntitle: X\nwork_mod: remote\n---\n"})
    tree = write_tree(tmp_path / "docs", tmp_path / "out", Settings())
    assert not (tmp_path / "out").exists() and tree.pages == []
    assert [p.key for p in tree.problems if p.severity == "error"] == ["work_mod"]


def test_settings_hand_written_privacy_and_raw_links_are_honoured(tmp_path: Path) -> None:
    extra = {
        "notes.md": "---\nprivate: true\n---\n\n# Notes\n\nMy private diary entry.\n",
        "guide.md": '# Guide to Łódź\n\nAsk <a href="../contacts/jo-quietly/">Jo</a> about it.\n',
    }
    make_site(tmp_path, {**FILES, **extra})
    out = tmp_path / "out"
    tree = write_tree(tmp_path / "docs", out, Settings(base_currency="EUR", rates={"USD": 0.9}))
    assert "notes.md" in tree.left_out and not (out / "notes.md").exists()
    guide = "---\ntitle: Guide to Łódź\n---\n\n# Guide to Łódź\n\nAsk Jo about it.\n"
    assert (out / "guide.md").read_text(encoding="utf-8") == guide
    salaries = (out / "salaries" / "index.md").read_text(encoding="utf-8")
    assert salaries.startswith("---\nhide:\n- toc\ntitle: Salaries\n---\n\n")
    assert "base pay for a year in **EUR**" in salaries


def test_the_private_view_shows_the_private_company_everywhere(tmp_path: Path) -> None:
    _, out = _written(tmp_path, include_private=True)
    assert "Hushhush Robotics" in (out / "companies" / "index.md").read_text(encoding="utf-8")
