"""Pagefind's word index cut again: the same words, entries and bounds, pieces no heavier than
their size unless a word is alone, heavy words alone, closes where neighbours share least, and
an index in a form not known left as Pagefind wrote it. Searched in Chromium, the cut index
answers every query as Pagefind's own does."""

from __future__ import annotations

import gzip
import json
import shutil
from pathlib import Path
from typing import Any

import cbor2
import pytest
from conftest import plain_id
from hypothesis import given
from hypothesis import strategies as st
from roledex.plugin import pagefind_pieces, pagefind_search
from roledex.plugin.pagefind_pieces import bounds, cut, recut
from screenshots import serve

MARK = b"pagefind_dcd"


@pytest.mark.parametrize(
    ("words", "entries", "size", "starts"),
    [
        (["a", "b", "c"], [3, 3, 3], 20, []),
        (["a", "b", "c", "d", "e"], [3, 3, 50, 3, 3], 10, [2, 3]),  # the heavy word is a piece alone
        (["a", "b", "c"], [50, 3, 3], 10, [1]),
        (["a", "b", "c"], [3, 3, 50], 10, [2]),
        (["a", "b"], [10, 10], 10, [1]),  # exactly full, then the next
        (["apple", "apply", "banana", "band", "bandit"], [3, 3, 3, 3, 3], 12, [2]),  # where neighbours share least
        (["bandit", "banner", "cart", "carton", "cartoon"], [3, 3, 3, 3, 3], 12, [2]),
        (["aa", "ab", "ac", "ad"], [3, 3, 3, 3], 12, []),
        (["aa", "ab", "ba", "bb", "bc"], [1, 1, 1, 1, 20], 10, [4]),  # not in the first half: no choice
        (["data", "database", "dataset", "design"], [50, 3, 3, 3], 10, [3]),  # a heavy word keeps the words it begins
        (["dat", "data", "database", "design"], [3, 50, 3, 3], 10, [3]),
        (["band", "bandit", "banner"], [50, 8, 3], 10, [2]),  # as far as the rest of its piece fits
        (["data", "design", "designer"], [50, 3, 3], 10, [1]),
        (["apple", "apply", "applying"], [4, 4, 4], 10, [2]),  # light words: the size decides
        ([], [], 10, []),
    ],
    ids=plain_id,
)
def test_cut(words: list[str], entries: list[int], size: int, starts: list[int]) -> None:
    assert cut(entries, words, size) == starts


@given(st.lists(st.integers(min_value=1, max_value=40), max_size=60), st.integers(min_value=1, max_value=50))
def test_a_piece_is_never_over_its_size_unless_a_word_is_alone(entries: list[int], size: int) -> None:
    words = [f"w{i:03}" for i in range(len(entries))]
    starts = [0, *cut(entries, words, size), len(words)]
    pieces = [entries[a:b] for a, b in zip(starts, starts[1:], strict=False)]
    assert all(piece for piece in pieces) or not entries
    assert [e for piece in pieces for e in piece] == entries
    assert all(sum(piece) <= size or len(piece) == 1 for piece in pieces)  # no word begins another here
    # and no two neighbours would have fitted in one piece: as few pieces as half the size allows
    assert all(sum(a) * 2 >= size or sum(a) + b[0] > size for a, b in zip(pieces, pieces[1:], strict=False))


@pytest.mark.parametrize(
    ("last", "first", "expected"),
    [
        ("apple", "apricot", ("app", "apr")),
        ("experi", "extra", ("exp", "ext")),
        ("cath", "cathartic", ("cath", "catha")),
        ("cataraman", "yacht", ("c", "y")),
        ("zürich", "zwölf", ("zü", "zw")),
    ],
    ids=plain_id,
)
def test_bounds_are_pagefinds(last: str, first: str, expected: tuple[str, str]) -> None:
    assert bounds(last, first) == expected


WORDS = [
    "anchor",
    "apple",
    "applied",
    "apply",
    "apricot",
    "banana",
    "band",
    "bandit",
    "banner",
    "data",
    "database",
    "dataset",
    "design",
    "designer",
    "engineer",
    "engineering",
    "experience",
    "experiment",
    "extra",
    "growth",
    "manager",
    "market",
    "marketplace",
    "product",
    "production",
    "reliability",
    "remote",
    "scale",
    "scientist",
    "search",
    "staff",
    "team",
]
HEAVY = ("experience", "team", "data")


def _pages() -> dict[str, tuple[str, str]]:
    """Pages with a few heavy words on each, many times, and the others here and there."""
    pages = {}
    for number in range(24):
        light = " ".join(WORDS[(number * 7 + k) % len(WORDS)] for k in range(6))
        heavy = " ".join(HEAVY * 4)
        title = f"{WORDS[number % len(WORDS)].title()} {WORDS[(number * 5) % len(WORDS)].title()} {number}"
        pages[f"/postings/p{number}/"] = (title, f"{light} {heavy} {light}")
    return pages


PAGE = (
    '<!doctype html><html lang="en"><head><title>{title}</title></head><body>'
    '<article class="md-content__inner"><h1>{title}</h1><p>{text}</p></article></body></html>'
)


@pytest.fixture(scope="module")
def indexed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A written site indexed by Pagefind's command line, as Pagefind cuts it."""
    site = tmp_path_factory.mktemp("pieces") / "site"
    for address, (title, text) in {"/": ("Home", "welcome"), **_pages()}.items():
        path = site / address.strip("/") / "index.html"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(PAGE.format(title=title, text=text), encoding="utf-8")
    pagefind_search.index_site(site)
    return site


def _meta(bundle: Path) -> tuple[list[Any], str]:
    entry = json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))
    name = entry["languages"]["en"]["hash"]
    return cbor2.loads(gzip.decompress((bundle / f"pagefind.{name}.pf_meta").read_bytes())[len(MARK) :]), name


def _pieces(bundle: Path) -> list[tuple[list[str], list[Any]]]:
    """Each piece of the word index: its bounds and name, and its words."""
    meta, _ = _meta(bundle)
    return [
        (chunk, cbor2.loads(gzip.decompress((bundle / "index" / f"{chunk[2]}.pf_index").read_bytes())[len(MARK) :])[0])
        for chunk in meta[2]
    ]


def _entries(word: list[Any]) -> int:
    return sum(len(page[1]) + 1 for page in word[1])


def _files(bundle: Path) -> dict[str, bytes]:
    return {
        path.relative_to(bundle).as_posix(): path.read_bytes() for path in sorted(bundle.rglob("*")) if path.is_file()
    }


@pytest.fixture
def bundle(indexed: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "site"
    shutil.copytree(indexed, copy)
    return copy / "pagefind"


def test_the_cut_index_holds_the_same_words_and_pages(bundle: Path) -> None:
    before_meta, before_name = _meta(bundle)
    before = [word for _, words in _pieces(bundle) for word in words]
    fragments = {k: v for k, v in _files(bundle).items() if k.startswith("fragment/")}
    assert recut(bundle, size=40) is True
    after_meta, after_name = _meta(bundle)
    pieces = _pieces(bundle)
    assert [word for _, words in pieces for word in words] == before
    assert len(pieces) > 5 and after_name != before_name
    assert after_meta[:2] == before_meta[:2] and after_meta[3:] == before_meta[3:]  # pages, filters: as they were
    assert {k: v for k, v in _files(bundle).items() if k.startswith("fragment/")} == fragments
    for _, words in pieces:
        weights = list(map(_entries, words))
        assert sum(weights) <= 40 or (max(weights) > 40 and sum(weights) - max(weights) <= 40)
    for (before_chunk, before_words), (after_chunk, after_words) in zip(pieces, pieces[1:], strict=False):
        assert (before_chunk[1], after_chunk[0]) == bounds(before_words[-1][0], after_words[0][0])
    assert pieces[0][0][0] == pieces[0][1][0][0] and pieces[-1][0][1] == pieces[-1][1][-1][0]


def test_a_heavy_word_shares_its_piece_only_with_the_words_it_begins(bundle: Path) -> None:
    recut(bundle, size=40)
    heavy = {}
    for _, words in _pieces(bundle):
        heaviest = max(words, key=_entries)
        if _entries(heaviest) > 40:
            heavy[heaviest[0]] = [word[0] for word in words if word is not heaviest]
    assert heavy["data"] == ["databas"] and heavy["experi"] == heavy["team"] == []
    for word, others in heavy.items():
        assert all(other.startswith(word) or word.startswith(other) for other in others)


def test_nothing_of_the_old_index_is_left(bundle: Path) -> None:
    old = set(_files(bundle))
    recut(bundle, size=40)
    meta, name = _meta(bundle)
    named = {f"index/{chunk[2]}.pf_index" for chunk in meta[2]} | {f"pagefind.{name}.pf_meta"}
    now = set(_files(bundle))
    assert {f for f in now if f.startswith("index/") or f.endswith(".pf_meta")} == named
    assert now - named == {f for f in old if not f.startswith("index/") and not f.endswith(".pf_meta")}


def test_cut_twice_is_cut_once(bundle: Path) -> None:
    recut(bundle, size=40)
    once = _files(bundle)
    recut(bundle, size=40)
    assert _files(bundle) == once


def _spoil_piece(bundle: Path, change: Any) -> None:
    meta, _ = _meta(bundle)
    path = bundle / "index" / f"{meta[2][0][2]}.pf_index"
    path.write_bytes(change(path.read_bytes()))


def _repack(raw: bytes, change: Any) -> bytes:
    return gzip.compress(MARK + change(gzip.decompress(raw)[len(MARK) :]))


@pytest.mark.parametrize(
    "spoil",
    [
        pytest.param(
            lambda b: (b / "pagefind-entry.json").write_text("{}", encoding="utf-8"), id="entry without languages"
        ),
        pytest.param(lambda b: _spoil_piece(b, lambda raw: raw[:-9]), id="a piece cut short"),
        pytest.param(lambda b: _spoil_piece(b, lambda raw: b"plain text"), id="a piece not gzip"),
        pytest.param(
            lambda b: _spoil_piece(b, lambda raw: gzip.compress(b"other" + raw)), id="a piece without the mark"
        ),
        pytest.param(
            lambda b: _spoil_piece(b, lambda raw: _repack(raw, lambda body: body + b"\x01")), id="more after the words"
        ),
        pytest.param(
            lambda b: _spoil_piece(b, lambda raw: _repack(raw, lambda body: cbor2.dumps({"words": cbor2.loads(body)}))),
            id="a piece of another shape",
        ),
        pytest.param(
            lambda b: _spoil_piece(b, lambda raw: _repack(raw, lambda body: b"\x81\x9f" + body[2:] + b"\xff")),
            id="an array of no stated length",
        ),
        pytest.param(
            lambda b: _spoil_piece(
                b, lambda raw: _repack(raw, lambda body: cbor2.dumps([[[w[0], "pages"] for w in cbor2.loads(body)[0]]]))
            ),
            id="a word's pages of another shape",
        ),
        pytest.param(
            lambda b: _spoil_piece(
                b, lambda raw: _repack(raw, lambda body: cbor2.dumps([list(reversed(cbor2.loads(body)[0]))]))
            ),
            id="words out of order",
        ),
    ],
)
def test_an_index_in_a_form_not_known_is_left_as_written(bundle: Path, spoil: Any) -> None:
    recut(bundle, size=40)  # more than one piece, so that the words' order spans files
    spoil(bundle)
    before = _files(bundle)
    assert recut(bundle, size=20) is False
    assert _files(bundle) == before


def test_metadata_written_otherwise_is_left_as_written(bundle: Path) -> None:
    meta, name = _meta(bundle)
    path = bundle / f"pagefind.{name}.pf_meta"
    body = gzip.decompress(path.read_bytes())[len(MARK) :]
    path.write_bytes(gzip.compress(MARK + b"\x9f" + body[1:] + b"\xff"))  # the same list, of no stated length
    before = _files(bundle)
    assert recut(bundle, size=40) is False
    assert _files(bundle) == before


def test_a_published_build_cuts_its_index(tmp_path: Path, indexed: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    site = tmp_path / "site"
    shutil.copytree(indexed, site)
    shutil.rmtree(site / "pagefind")
    monkeypatch.setattr(pagefind_pieces, "PIECE_SIZE", 40)
    pagefind_search.publish_index(site, None)
    heavy = [words for _, words in _pieces(site / "pagefind") if words[0][0] == "team"]
    assert heavy and len(heavy[0]) == 1


QUERIES = [
    *WORDS,
    *(word[:n] for word in WORDS for n in (1, 2, 3, 4)),
    *(title for title, _ in _pages().values()),
    "data scientist",
    "apple banana",
    "nothing-like-this",
]


def _answers(browser: Any, site: Path) -> list[Any]:
    (site / "ask.html").write_text(
        "<!doctype html><html><body><script type=module>"
        "const pagefind = await import('./pagefind/pagefind.js');"
        "await pagefind.options({noWorker: true}); await pagefind.init();"
        "window.ask = async (q) => { const found = await pagefind.search(q);"
        " const pages = await Promise.all(found.results.map((r) => r.data()));"
        " return pages.map((p) => [p.url, p.excerpt]); };"
        "window.ready = true;</script></body></html>",
        encoding="utf-8",
    )
    with serve(site) as url:
        page = browser.new_page()
        page.goto(url + "ask.html")
        page.wait_for_function("window.ready === true")
        answers = [page.evaluate("q => window.ask(q)", query) for query in QUERIES]
        page.close()
    return answers


def test_the_cut_index_answers_every_word_as_pagefinds_own(browser: Any, indexed: Path, tmp_path: Path) -> None:
    cut_site = tmp_path / "cut"
    shutil.copytree(indexed, cut_site)
    assert recut(cut_site / "pagefind", size=120)
    assert len(_pieces(cut_site / "pagefind")) >= 5 > len(_pieces(indexed / "pagefind"))
    own, cut_answers = _answers(browser, indexed), _answers(browser, cut_site)
    whole = [i for i, query in enumerate(QUERIES) if query in WORDS or " " in query]
    assert [own[i] for i in whole] == [cut_answers[i] for i in whole]
    assert all(own[i] for i in whole if QUERIES[i] != "nothing-like-this")
