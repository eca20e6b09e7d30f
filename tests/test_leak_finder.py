"""How `roledex publish-check` finds private text in a built site, in-process: what counts as a
fragment, what is no secret, which output files are read and how."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest
from roledex.check.published import (
    MIN_FRAGMENT,
    MIN_VALUE,
    Judgement,
    Leak,
    find_leaks,
    judge_privacy,
    normalise,
    private_folder_outputs,
    private_fragments,
    public_pages_text,
    published_pages,
    stray_private_fragments,
)
from roledex.kb.model import Company, KnowledgeBase, Posting, Prep
from roledex.kb.source import Document

SECRET = "My honest reason for leaving is the reorganisation."


@pytest.mark.parametrize(
    ("text", "plain"),
    [
        ("<p>Hello <b>World</b></p>", "hello world"),
        ("Fish &amp; chips &#39;x&#39;", "fish & chips 'x'"),
        ("[the label](https://x.example/y)", "the label"),
        ("**bold** _em_ `code` # h > q | t", "bold em code h q t"),
        ("It’s ‘quoted’ “twice” – and — dashed", "it's 'quoted' \"twice\" - and - dashed"),
        ("  many\n\n  lines\tand  SPACES ", "many lines and spaces"),
    ],
)
def test_normalise_reads_text_as_a_reader_sees_it(text: str, plain: str) -> None:
    assert normalise(text) == plain


def _doc(uri: str, meta: dict, body: str = "") -> Document:
    folder, _, name = uri.partition("/")
    return Document(path=f"docs/{uri}", folder=folder, slug=name[:-3], meta=meta, body=body, body_line=1)


def _kb() -> KnowledgeBase:
    kb = KnowledgeBase()
    kb.companies["acme"] = Company(slug="acme", doc=_doc("companies/acme.md", {"name": "Acme Inc"}), name="Acme Inc")
    shown = _doc(
        "postings/open.md", {"company": "acme", "title": "Public title of the open role"}, "A public line of text here."
    )
    hidden = _doc(
        "postings/secret.md",
        {"company": "acme", "title": "Confidential Staff Role", "tags": ["tiny", "hush-hush-project"]},
        f"- {SECRET}\n1. Second private sentence that is long enough! Short one.\nA public line of text here.\n",
    )
    kb.postings["open"] = Posting(slug="open", doc=shown, company="acme", title="Open")
    kb.postings["secret"] = Posting(slug="secret", doc=hidden, company="acme", title="Secret")
    kb.preps["open"] = Prep(
        slug="open",
        doc=_doc("prep/open.md", {"posting": "open"}, "Private prep notes for the open role."),
        posting="open",
    )
    return kb


VIEW = Judgement(
    shown_paths={"companies/acme.md", "postings/open.md"},
    hidden_paths={"postings/secret.md", "prep/open.md"},
)


def test_fragments_are_the_sentences_values_and_addresses_of_hidden_records() -> None:
    fragments = private_fragments(_kb(), VIEW)
    assert fragments == {
        "postings/secret/": "docs/postings/secret.md",
        normalise(SECRET): "docs/postings/secret.md",
        "second private sentence that is long enough!": "docs/postings/secret.md",
        "confidential staff role": "docs/postings/secret.md",
        "hush-hush-project": "docs/postings/secret.md",
        "private prep notes for the open role.": "docs/prep/open.md",
    }
    assert len("short one.") < MIN_FRAGMENT and len("tiny") < MIN_VALUE


def test_text_that_a_published_page_also_shows_is_no_secret() -> None:
    fragments = private_fragments(
        _kb(), VIEW, public_text="# About\n\nMy honest reason for leaving is the reorganisation.\n"
    )
    assert normalise(SECRET) not in fragments
    assert "a public line of text here." not in fragments
    assert "postings/secret/" in fragments


def test_a_hidden_prep_of_a_shown_posting_keeps_its_address_for_the_generated_page() -> None:
    assert "prep/open/" not in private_fragments(_kb(), VIEW)


def _site(tmp_path: Path, files: dict[str, bytes]) -> Path:
    site = tmp_path / "site"
    for name, content in files.items():
        (site / name).parent.mkdir(parents=True, exist_ok=True)
        (site / name).write_bytes(content)
    return site


@pytest.mark.parametrize(
    ("name", "content", "found"),
    [
        ("index.html", f"<p>{SECRET}</p>".encode(), True),
        ("a/index.html", SECRET.replace("honest", "<em>honest</em>").encode(), True),
        ("search/search_index.json", json.dumps({"docs": [{"text": SECRET}]}).encode(), True),
        ("search/search_index.json", json.dumps({"docs": [{"text": SECRET.replace("'", "\u2019")}]}).encode(), True),
        ("sitemap.xml.gz", gzip.compress(SECRET.encode()), True),
        ("feed.json.gz", gzip.compress(json.dumps([SECRET]).encode()), True),
        ("notes.txt", SECRET.encode(), True),
        ("broken.json", b"{" + SECRET.encode(), True),
        ("broken.gz", b"not gzip " + SECRET.encode(), False),
        (
            "pagefind/fragment/en_1a2b3c4.pf_fragment",
            gzip.compress(b"pagefind_dcd" + json.dumps({"url": "/p/", "content": SECRET}).encode()),
            True,
        ),
        ("pagefind/index/en_1a2b3c4.pf_index", gzip.compress(b"pagefind_dcd\x82" + SECRET.encode()), True),
        ("pagefind/wasm.en.pagefind", gzip.compress(SECRET.encode()), True),
        ("packed.css", gzip.compress(SECRET.encode()), True),
        ("pagefind/fragment/en_9.pf_fragment", b"\x1f\x8b not gzip after all " + SECRET.encode(), False),
        ("style.css", SECRET.encode(), False),
        ("app.js", SECRET.encode(), False),
        ("index.html", b"<p>Nothing private here at all.</p>", False),
    ],
)
def test_a_fragment_is_found_in_every_kind_of_text_output(
    tmp_path: Path, name: str, content: bytes, found: bool
) -> None:
    site = _site(tmp_path, {name: content})
    leaks = find_leaks(site, {normalise(SECRET): "docs/postings/secret.md"})
    assert leaks == ([Leak(name, normalise(SECRET), "docs/postings/secret.md")] if found else [])


def test_each_output_names_each_source_once(tmp_path: Path) -> None:
    site = _site(tmp_path, {"a.html": b"alpha-fragment beta-fragment gamma-fragment", "b.html": b"gamma-fragment"})
    fragments = {"alpha-fragment": "one.md", "beta-fragment": "one.md", "gamma-fragment": "two.md"}
    assert find_leaks(site, fragments) == [
        Leak("a.html", "alpha-fragment", "one.md"),
        Leak("a.html", "gamma-fragment", "two.md"),
        Leak("b.html", "gamma-fragment", "two.md"),
    ]


def test_files_in_a_private_folder_that_are_not_records_are_searched_for(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    (docs / "applications" / "sub").mkdir(parents=True)
    (docs / "applications" / "sub" / "notes.txt").write_text(f"{SECRET}\nshort\n", encoding="utf-8")
    (docs / "applications" / "x.md").write_text("---\nposting: x\n---\nA record, judged elsewhere entirely.\n")
    (docs / "postings").mkdir()
    (docs / "postings" / "free.txt").write_text("Not in a private folder, so not searched.\n")
    view = Judgement(shown_paths=set(), hidden_paths={"applications/x.md"})
    assert stray_private_fragments(docs, view) == {normalise(SECRET): str(docs / "applications" / "sub" / "notes.txt")}
    assert stray_private_fragments(tmp_path / "nowhere", view) == {}


def test_outputs_in_a_private_folder_are_leaks_but_the_pages_of_shown_records(tmp_path: Path) -> None:
    site = _site(
        tmp_path,
        {
            "applications/index.html": b"",
            "applications/x/index.html": b"",
            "applications/notes.txt": b"",
            "applications/y/index.html": b"",
            "postings/p/index.html": b"",
        },
    )
    view = Judgement(shown_paths={"applications/y.md"}, hidden_paths={"applications/x.md"})
    assert [leak.output for leak in private_folder_outputs(site, view)] == [
        "applications/index.html",
        "applications/notes.txt",
        "applications/x/index.html",
    ]


@pytest.mark.parametrize(
    ("output", "leak"),
    [
        ("prep/p/index.html", False),  # the prep page of a published posting, notes or none
        ("prep/q/index.html", True),  # of a posting left out
        ("prep/p/notes.txt", True),
        ("prep/index.html", True),
        ("postings/p/index.html", False),
    ],
)
def test_a_published_posting_keeps_its_prep_page_in_the_private_prep_folder(
    tmp_path: Path, output: str, leak: bool
) -> None:
    site = _site(tmp_path, {output: b""})
    view = Judgement(shown_paths={"postings/p.md"}, hidden_paths={"postings/q.md", "prep/p.md"})
    assert [found.output for found in private_folder_outputs(site, view)] == ([output] if leak else [])


def test_published_pages_are_the_addresses_of_every_page(tmp_path: Path) -> None:
    site = _site(tmp_path, {"index.html": b"", "postings/index.html": b"", "postings/p/index.html": b"", "x.html": b""})
    assert published_pages(site) == ["/", "/postings/", "/postings/p/"]


def test_public_pages_text_is_the_hand_written_pages_a_build_keeps(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    (docs / "guides").mkdir(parents=True)
    (docs / "guides" / "open.md").write_text("---\ntitle: Open\n---\nShown to all.\n", encoding="utf-8")
    (docs / "guides" / "mine.md").write_text("---\nprivate: true\n---\nMine alone.\n", encoding="utf-8")
    (docs / "postings").mkdir()
    (docs / "postings" / "p.md").write_text("---\ntitle: P\n---\nA record.\n", encoding="utf-8")
    text = public_pages_text(docs, Judgement(shown_paths={"postings/p.md"}, hidden_paths=set()))
    assert "Shown to all." in text
    assert "Mine alone." not in text and "A record." not in text


TYPOGRAPHIC = "It\u2019s the reorganisation I cannot speak about in public."


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("search/search_index.json", json.dumps({"docs": [{"text": TYPOGRAPHIC}]}, ensure_ascii=True).encode()),
        ("feed.json.gz", gzip.compress(json.dumps([TYPOGRAPHIC], ensure_ascii=True).encode())),
        ("index.html", b"\xff\xfe<p>" + TYPOGRAPHIC.encode() + b"</p>"),
    ],
    ids=["JSON with escapes", "gzipped JSON with escapes", "HTML with bytes that are not UTF-8"],
)
def test_json_is_read_as_its_strings_and_bad_bytes_do_not_hide_text(tmp_path: Path, name: str, content: bytes) -> None:
    site = _site(tmp_path, {name: content})
    assert [leak.output for leak in find_leaks(site, {normalise(TYPOGRAPHIC): "docs/x.md"})] == [name]


@pytest.mark.parametrize(
    ("sentence", "fragment"),
    [("x" * (MIN_FRAGMENT - 1), False), ("x" * MIN_FRAGMENT, True)],
)
def test_a_sentence_is_a_fragment_from_its_minimum_length(sentence: str, fragment: bool) -> None:
    kb = KnowledgeBase()
    kb.postings["s"] = Posting(slug="s", doc=_doc("postings/s.md", {}, sentence), company="acme", title="S")
    view = Judgement(shown_paths=set(), hidden_paths={"postings/s.md"})
    assert (sentence in private_fragments(kb, view)) is fragment


@pytest.mark.parametrize(("value", "fragment"), [("x" * (MIN_VALUE - 1), False), ("x" * MIN_VALUE, True)])
def test_a_value_is_a_fragment_from_its_minimum_length(value: str, fragment: bool) -> None:
    kb = KnowledgeBase()
    kb.postings["s"] = Posting(slug="s", doc=_doc("postings/s.md", {"title": value}), company="acme", title="S")
    view = Judgement(shown_paths=set(), hidden_paths={"postings/s.md"})
    assert (value in private_fragments(kb, view)) is fragment


def test_a_value_a_shown_record_also_holds_is_no_secret() -> None:
    kb = _kb()
    kb.postings["open"].doc.meta["title"] = "Confidential Staff Role"
    assert "confidential staff role" not in private_fragments(kb, VIEW)


def test_each_line_of_a_body_is_read_on_its_own() -> None:
    kb = KnowledgeBase()
    body = "First line that is long enough\nSecond line that is long enough"
    kb.postings["s"] = Posting(slug="s", doc=_doc("postings/s.md", {}, body), company="acme", title="S")
    fragments = private_fragments(kb, Judgement(shown_paths=set(), hidden_paths={"postings/s.md"}))
    assert {"first line that is long enough", "second line that is long enough"} <= set(fragments)


def test_a_private_folder_output_names_itself_as_the_leak(tmp_path: Path) -> None:
    site = _site(tmp_path, {"applications/notes.txt": b""})
    leaks = private_folder_outputs(site, Judgement(shown_paths=set(), hidden_paths=set()))
    assert leaks == [Leak("applications/notes.txt", "a file in a private folder", "applications/notes.txt")]


def test_stray_files_are_read_whatever_their_bytes(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    (docs / "applications").mkdir(parents=True)
    (docs / "applications" / "jo.txt").write_bytes(SECRET.encode() + b"\n\xff\n")
    assert list(stray_private_fragments(docs, Judgement(set(), set()))) == [normalise(SECRET)]


def test_every_hand_written_page_is_read_after_a_record_and_whatever_its_bytes(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    for uri, content in {
        "a-first/record.md": b"---\ntitle: R\n---\nA record.\n",
        "b-guides/open.md": b"---\ntitle: Open\n---\nShown \xff to all.\n",
    }.items():
        (docs / uri).parent.mkdir(parents=True, exist_ok=True)
        (docs / uri).write_bytes(content)
    text = public_pages_text(docs, Judgement(shown_paths={"a-first/record.md"}, hidden_paths=set()))
    assert "to all." in text and "A record." not in text


def test_publish_check_hides_a_posting_whose_company_is_missing_and_follows_a_file_name() -> None:
    kb = KnowledgeBase()
    kb.companies["acme"] = Company(slug="acme", doc=_doc("companies/acme.md", {"private": False}), name="Acme")
    for slug, company in (("open", "acme"), ("orphan", "nobody")):
        doc = _doc(f"postings/{slug}.md", {"company": company, "private": False})
        kb.postings[slug] = Posting(slug=slug, doc=doc, company=company, title=slug)
    for slug in ("open", "orphan"):
        kb.preps[slug] = Prep(slug=slug, doc=_doc(f"prep/{slug}.md", {"private": False}), posting=slug)
    judged = judge_privacy(kb)
    assert judged.hidden_paths == {"postings/orphan.md", "prep/orphan.md"}
    assert judged.shown_paths == {"companies/acme.md", "postings/open.md", "prep/open.md"}
