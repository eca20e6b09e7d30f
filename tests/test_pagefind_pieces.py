"""Pagefind's word index cut again: the same words, entries and bounds, pieces no heavier than
their size unless a word is alone, heavy words alone and thinned to their first places, closes
where neighbours share least, and an index in a form not known left as Pagefind wrote it.
Searched in Chromium, the cut index answers every query as Pagefind's own does, and the thinned
one finds the same pages."""

from __future__ import annotations

import gzip
import hashlib
import json
import logging
import re
import shutil
from pathlib import Path
from typing import Any

import cbor2
import pytest
from conftest import plain_id
from hypothesis import given
from hypothesis import strategies as st
from roledex.plugin import pagefind_pieces, pagefind_search
from roledex.plugin.pagefind_pieces import KEPT_PLACES, bounds, cut, recut, thinned
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
        (["data", "database"], [10, 3], 10, [1]),  # a word of exactly the size is no heavy word
        (["data", "database", "dataset"], [50, 5, 5], 10, []),  # the rest of its piece exactly the size
        (["data", "database"], [50, 11], 10, [1]),
        (["aa", "ab", "ba", "bb", "ca"], [3, 3, 3, 3, 3], 12, [4]),  # of equally quiet closes, the last
        (["ab", "b", "bc"], [6, 5, 5], 12, [1]),  # a piece of two words closes where it is quietest too
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


def _packed_word(pages: list[Any]) -> pagefind_pieces.Word:
    word = ["data", pages, []]
    return pagefind_pieces._word(word, cbor2.dumps(word))


@pytest.mark.parametrize(
    ("places", "keep", "kept"),
    [
        ([-25, 31, 2, 4, 47, 10], 3, [-25, 31, 2, 4]),
        ([-25, 31, 2], 3, [-25, 31, 2]),  # no more than kept: as they were
        ([-25, 31, 2, 4], 3, [-25, 31, 2, 4]),
        ([-169, 0, 1, 2, -25, 40, 1, 1, 1], 2, [-169, 0, 1, -25, 40, 1]),  # each weight's run apart
        ([5, 6, 7, 8], 2, [5, 6]),  # a run before any weight
        ([5, 6, 7, -25, 8, 9], 1, [5, -25, 8]),
        ([-25, -169, 3, 4], 1, [-25, -169, 3]),  # a weight with no place of its own
        ([0, 0, 0, 0], 3, [0, 0, 0]),
        ([], 3, []),
    ],
    ids=plain_id,
)
def test_a_thinned_word_keeps_the_first_places_of_each_run(places: list[int], keep: int, kept: list[int]) -> None:
    thin = thinned(_packed_word([[0, places, []], [3, places]]), keep)
    assert cbor2.loads(thin.raw) == ["data", [[0, kept, []], [3, kept]], []]
    assert thin.raw == cbor2.dumps(["data", [[0, kept, []], [3, kept]], []])
    assert (thin.text, thin.entries) == ("data", 2 + 2 * len(kept))


@pytest.mark.parametrize(
    "raw",
    [
        cbor2.dumps(["data", [[0, [5, 6, 7, 8], []]], []]).replace(
            b"\x84\x05", b"\x84\x18\x05"
        ),  # a number written long
        cbor2.dumps(["data", [[0, [5, 6.5, 7, 8], []]], []]),  # a place that is no whole number
        cbor2.dumps(["data", [[0, [5, True, 7, 8], []]], []]),
        cbor2.dumps(["data", [[0, "5 6 7 8", []]], []]),  # places that are no list
        cbor2.dumps(["data", [[0]], []]),  # a page without places
    ],
    ids=["a number written long", "a fraction", "a truth value", "places a text", "no places"],
)
def test_a_word_in_a_form_not_known_is_not_thinned(raw: bytes) -> None:
    word = pagefind_pieces.Word("data", raw, 9)
    assert thinned(word, 1) is word


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


def _write_index(site: Path) -> None:
    """The same pages as an index written here in Pagefind's format (its words unstemmed), cut
    as Pagefind cuts: so that the rules are tested in-process too, without Pagefind's binary."""
    places: dict[str, dict[int, list[int]]] = {}
    pages = {"/": ("Home", "welcome"), **_pages()}
    for number, (title, text) in enumerate(pages.values()):
        for place, word in enumerate(f"{title} {text}".lower().split()):
            places.setdefault(word, {}).setdefault(number, []).append(place)
    words = []
    for word in sorted(places):
        numbers = sorted(places[word])
        deltas = [b - a for a, b in zip([0, *numbers], numbers, strict=False)]
        words.append([word, [[delta, places[word][n], []] for delta, n in zip(deltas, numbers, strict=True)]])
    half = len(words) // 2  # pieces of 10 words, and of more than 23 (whose count takes a byte more)
    bundle = site / "pagefind"
    (bundle / "index").mkdir(parents=True)
    (bundle / "fragment").mkdir()
    (bundle / "fragment" / "en_0000001.pf_fragment").write_bytes(gzip.compress(MARK + b'{"url": "/"}'))
    chunks = []
    for number, piece in enumerate((words[:10], words[10:half], words[half:])):
        name = f"en_{number:07x}"
        (bundle / "index" / f"{name}.pf_index").write_bytes(gzip.compress(MARK + cbor2.dumps([piece])))
        chunks.append([piece[0][0], piece[-1][0], name])
    for before, after in zip(chunks, chunks[1:], strict=False):
        before[1], after[0] = bounds(before[1], after[0])
    meta = ["1.5.2", [[f"en_{n:07x}", 10] for n in range(len(pages))], chunks, [], [], ["title"]]
    (bundle / "pagefind.en_00000000aa.pf_meta").write_bytes(gzip.compress(MARK + cbor2.dumps(meta)))
    entry = {"version": "1.5.2", "languages": {"en": {"hash": "en_00000000aa", "wasm": "en", "page_count": len(pages)}}}
    (bundle / "pagefind-entry.json").write_text(json.dumps(entry), encoding="utf-8")


@pytest.fixture(scope="module")
def written(tmp_path_factory: pytest.TempPathFactory) -> Path:
    site = tmp_path_factory.mktemp("written") / "site"
    _write_index(site)
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


@pytest.fixture(params=["indexed by Pagefind", "written here"])
def bundle(request: pytest.FixtureRequest, tmp_path: Path) -> Path:
    """A copy of an index: Pagefind's own, and one written here in its format."""
    copy = tmp_path / "site"
    shutil.copytree(request.getfixturevalue("indexed" if request.param == "indexed by Pagefind" else "written"), copy)
    return copy / "pagefind"


def test_the_cut_index_holds_the_same_words_and_pages(bundle: Path) -> None:
    before_meta, before_name = _meta(bundle)
    before = [word for _, words in _pieces(bundle) for word in words]
    fragments = {k: v for k, v in _files(bundle).items() if k.startswith("fragment/")}
    assert recut(bundle, size=40, keep=None) is True
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


def _runs(places: list[int]) -> list[list[int]]:
    runs: list[list[int]] = [[]]
    for place in places:
        if place < 0:
            runs.append([place])
        else:
            runs[-1].append(place)
    return runs


def test_only_heavy_words_are_thinned_and_to_their_first_places(bundle: Path) -> None:
    before = {word[0]: word for _, words in _pieces(bundle) for word in words}
    recut(bundle, size=40)
    after = {word[0]: word for _, words in _pieces(bundle) for word in words}
    assert after.keys() == before.keys()
    thinned_words = set()
    for text, word in after.items():
        old = before[text]
        if _entries(old) <= 40:
            assert word == old
            continue
        assert [page[0] for page in word[1]] == [page[0] for page in old[1]] and word[2:] == old[2:]
        for page, old_page in zip(word[1], old[1], strict=True):
            assert page[2:] == old_page[2:]
            runs, old_runs = _runs(page[1]), _runs(old_page[1])
            assert len(runs) == len(old_runs)
            for run, old_run in zip(runs, old_runs, strict=True):
                places = len([place for place in old_run if place >= 0])
                assert run == old_run[: len(run)] and len(run) == len(old_run) - places + min(places, KEPT_PLACES)
        if word != old:
            thinned_words.add(text)
    assert {"data", "team"} <= thinned_words and any(text.startswith("experi") for text in thinned_words)


def test_a_word_of_exactly_the_size_is_not_thinned(bundle: Path) -> None:
    before = {word[0]: word for _, words in _pieces(bundle) for word in words}
    recut(bundle, size=_entries(before["team"]))
    after = {word[0]: word for _, words in _pieces(bundle) for word in words}
    assert after["team"] == before["team"]
    recut(bundle, size=_entries(before["team"]) - 1)
    assert {word[0]: word for _, words in _pieces(bundle) for word in words}["team"] != before["team"]


def test_a_heavy_word_shares_its_piece_only_with_the_words_it_begins(bundle: Path) -> None:
    recut(bundle, size=40)
    heavy = {}
    for _, words in _pieces(bundle):
        heaviest = max(words, key=_entries)
        if _entries(heaviest) > 40:
            heavy[heaviest[0]] = [word[0] for word in words if word is not heaviest]
    assert heavy["team"] == [] and heavy["data"] and all(other.startswith("data") for other in heavy["data"])
    assert any(word.startswith("experi") for word in heavy)
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


def test_the_new_files_are_named_as_pagefind_names_them(bundle: Path) -> None:
    recut(bundle, size=40)
    meta, name = _meta(bundle)
    assert re.fullmatch(r"en_[0-9a-f]{10}", name)
    assert all(re.fullmatch(r"en_[0-9a-f]{7}", chunk[2]) for chunk in meta[2])
    assert len({chunk[2] for chunk in meta[2]}) == len(meta[2])


def test_each_language_is_cut(written: Path, tmp_path: Path) -> None:
    bundle = tmp_path / "pagefind"
    shutil.copytree(written / "pagefind", bundle)
    entry = json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))
    english = entry["languages"]["en"]["hash"]
    shutil.copy(bundle / f"pagefind.{english}.pf_meta", bundle / "pagefind.pt_00000000aa.pf_meta")
    entry["languages"]["pt"] = {**entry["languages"]["en"], "hash": "pt_00000000aa"}
    (bundle / "pagefind-entry.json").write_text(json.dumps(entry), encoding="utf-8")
    assert recut(bundle, size=40)
    entry = json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))
    for code in ("en", "pt"):
        meta = cbor2.loads(
            gzip.decompress((bundle / f"pagefind.{entry['languages'][code]['hash']}.pf_meta").read_bytes())[len(MARK) :]
        )
        assert len(meta[2]) > 5 and all((bundle / "index" / f"{chunk[2]}.pf_index").is_file() for chunk in meta[2])
        assert all(chunk[2].startswith(f"{code}_") for chunk in meta[2])


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


def _spoil_words(change: Any) -> Any:
    """A spoiler of the first piece's words (as CBOR values)."""
    return lambda b: _spoil_piece(b, lambda raw: _repack(raw, lambda body: cbor2.dumps([change(cbor2.loads(body)[0])])))


def _spoil_meta(change: Any) -> Any:
    def spoil(bundle: Path) -> None:
        meta, name = _meta(bundle)
        path = bundle / f"pagefind.{name}.pf_meta"
        path.write_bytes(gzip.compress(MARK + cbor2.dumps(change(meta))))

    return spoil


def _swap_first_two(words: list[Any]) -> list[Any]:
    return [words[1], words[0], *words[2:]]


@pytest.mark.parametrize(
    ("spoil", "reason"),
    [
        pytest.param(
            lambda b: (b / "pagefind-entry.json").write_text("{}", encoding="utf-8"),
            "languages",
            id="entry without languages",
        ),
        pytest.param(lambda b: _spoil_piece(b, lambda raw: raw[:-9]), "is not gzip", id="a piece cut short"),
        pytest.param(lambda b: _spoil_piece(b, lambda raw: b"plain text"), "is not gzip", id="a piece not gzip"),
        pytest.param(
            lambda b: _spoil_piece(b, lambda raw: gzip.compress(b"other" + raw)),
            "does not start as Pagefind's files do",
            id="a piece without the mark",
        ),
        pytest.param(
            lambda b: _spoil_piece(b, lambda raw: gzip.compress(MARK)), "is not [words]", id="a piece of nothing"
        ),
        pytest.param(
            lambda b: _spoil_piece(b, lambda raw: gzip.compress(MARK + b"\x81")),
            "is not [words]",
            id="a piece of one byte",
        ),
        pytest.param(
            lambda b: _spoil_piece(b, lambda raw: _repack(raw, lambda body: b"\x82" + body[1:] + b"\x80")),
            "is not [words]",
            id="a piece of two lists",
        ),
        pytest.param(
            lambda b: _spoil_piece(b, lambda raw: _repack(raw, lambda body: body + b"\x01")),
            "holds more than its words",
            id="more after the words",
        ),
        pytest.param(
            lambda b: _spoil_piece(b, lambda raw: _repack(raw, lambda body: cbor2.dumps({"words": cbor2.loads(body)}))),
            "is not [words]",
            id="a piece of another shape",
        ),
        pytest.param(
            lambda b: _spoil_piece(b, lambda raw: _repack(raw, lambda body: body[:-3])),
            "is not CBOR",
            id="words cut short",
        ),
        pytest.param(
            _spoil_words(lambda words: words + [None] * 0),  # re-encoded as written: nothing to find
            None,
            id="the same words written again",
        ),
        pytest.param(
            lambda b: _spoil_piece(
                b, lambda raw: _repack(raw, lambda body: b"\x81\x98" + bytes([len(cbor2.loads(body)[0])]) + body[2:])
            ),
            "would not write back",
            id="a count of words written long",
        ),
        pytest.param(
            _spoil_words(lambda words: [[w[0], "pages"] for w in words]),
            "a word is not [text, pages, ...]",
            id="pages a text",
        ),
        pytest.param(
            _spoil_words(lambda words: [[w[0]] for w in words]), "a word is not [text, pages, ...]", id="no pages"
        ),
        pytest.param(
            _spoil_words(lambda words: [[7, w[1]] for w in words]),
            "a word is not [text, pages, ...]",
            id="a number for a word",
        ),
        pytest.param(
            _spoil_words(lambda words: [[w[0], {"pages": 1}] for w in words]),
            "a word is not [text, pages, ...]",
            id="pages a map",
        ),
        pytest.param(
            _spoil_words(lambda words: [[w[0], [[1, 5]]] for w in words]),
            "are not [page, places, ...]",
            id="places a number",
        ),
        pytest.param(
            _spoil_words(lambda words: list(reversed(words))), "not each once and in order", id="words out of order"
        ),
        pytest.param(_spoil_words(_swap_first_two), "not each once and in order", id="two words swapped"),
        pytest.param(
            _spoil_words(lambda words: [words[0], words[0], *words[1:]]),
            "not each once and in order",
            id="a word twice",
        ),
        pytest.param(_spoil_meta(lambda meta: {"pieces": meta}), "the metadata is not", id="metadata a map"),
        pytest.param(_spoil_meta(lambda meta: meta[:2]), "the metadata is not", id="metadata without pieces"),
        pytest.param(_spoil_meta(lambda meta: [2, *meta[1:]]), "the metadata is not", id="a version that is a number"),
        pytest.param(
            _spoil_meta(lambda meta: [*meta[:2], "pieces", *meta[3:]]), "the metadata is not", id="pieces a text"
        ),
        pytest.param(
            _spoil_meta(lambda meta: [*meta[:2], [c[:2] for c in meta[2]], *meta[3:]]),
            "a piece is not [from, to, name]",
            id="a piece without its name",
        ),
        pytest.param(
            _spoil_meta(lambda meta: [*meta[:2], [[*c[:2], 7] for c in meta[2]], *meta[3:]]),
            "a piece is not [from, to, name]",
            id="a piece named by a number",
        ),
        pytest.param(
            _spoil_meta(lambda meta: [*meta[:2], ["abc", *meta[2]], *meta[3:]]),
            "a piece is not [from, to, name]",
            id="a piece that is a text",
        ),
    ],
)
def test_an_index_in_a_form_not_known_is_left_as_written(
    bundle: Path, spoil: Any, reason: str | None, caplog: pytest.LogCaptureFixture
) -> None:
    recut(bundle, size=40)  # more than one piece, so that the words' order spans files
    spoil(bundle)
    before = _files(bundle)
    with caplog.at_level(logging.DEBUG, logger="mkdocs.plugins.roledex"):
        cut = recut(bundle, size=20)
    if reason is None:
        assert cut is True
        return
    assert cut is False
    assert _files(bundle) == before
    assert "Pagefind's index is left as it was written" in caplog.text and reason in caplog.text


def test_metadata_written_otherwise_is_left_as_written(bundle: Path, caplog: pytest.LogCaptureFixture) -> None:
    meta, name = _meta(bundle)
    path = bundle / f"pagefind.{name}.pf_meta"
    body = gzip.decompress(path.read_bytes())[len(MARK) :]
    path.write_bytes(gzip.compress(MARK + b"\x9f" + body[1:] + b"\xff"))  # the same list, of no stated length
    before = _files(bundle)
    with caplog.at_level(logging.DEBUG, logger="mkdocs.plugins.roledex"):
        assert recut(bundle, size=40) is False
    assert _files(bundle) == before
    assert f"pagefind.{name}.pf_meta is written in a way this module would not write back" in caplog.text


def test_metadata_that_is_not_cbor_is_left_as_written(bundle: Path, caplog: pytest.LogCaptureFixture) -> None:
    _, name = _meta(bundle)
    (bundle / f"pagefind.{name}.pf_meta").write_bytes(gzip.compress(MARK + b"\xff\xff"))
    with caplog.at_level(logging.DEBUG, logger="mkdocs.plugins.roledex"):
        assert recut(bundle, size=40) is False
    assert f"pagefind.{name}.pf_meta is not CBOR" in caplog.text


def test_an_index_of_no_words_is_cut_to_no_pieces(written: Path, tmp_path: Path) -> None:
    bundle = tmp_path / "pagefind"
    shutil.copytree(written / "pagefind", bundle)
    _spoil_meta(lambda meta: [*meta[:2], [], *meta[3:]])(bundle)
    for piece in (bundle / "index").iterdir():
        piece.unlink()
    assert recut(bundle, size=40) is True
    meta, _ = _meta(bundle)
    assert meta[2] == [] and not list((bundle / "index").iterdir())


def test_an_index_of_a_piece_of_no_words_and_metadata_of_three_parts_is_cut(written: Path, tmp_path: Path) -> None:
    bundle = tmp_path / "pagefind"
    shutil.copytree(written / "pagefind", bundle)
    for piece in (bundle / "index").iterdir():
        piece.unlink()
    (bundle / "index" / "en_0000009.pf_index").write_bytes(gzip.compress(MARK + b"\x81\x80"))  # [[]]
    _spoil_meta(lambda meta: [meta[0], meta[1], [["", "", "en_0000009"]]])(bundle)
    assert recut(bundle, size=40) is True
    meta, _ = _meta(bundle)
    assert meta[2] == [] and not list((bundle / "index").iterdir())


def test_two_pieces_whose_hashes_begin_alike_are_named_apart(
    written: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bundle = tmp_path / "pagefind"
    shutil.copytree(written / "pagefind", bundle)
    real = hashlib.sha256
    monkeypatch.setattr(pagefind_pieces.hashlib, "sha256", lambda content: real(b"same start"))
    plan = pagefind_pieces._Plan([], [], set(), "en")
    first = plan._write(bundle, "index/{}.pf_index", b"one piece", 7)
    second = plan._write(bundle, "index/{}.pf_index", b"another piece", 7)
    assert len(first) == len("en_") + 7 and second.startswith(first) and len(second) == len(first) + 1
    assert (bundle / "index" / f"{first}.pf_index").read_bytes() == b"one piece"


def test_a_name_taken_by_another_file_is_made_longer(written: Path, tmp_path: Path) -> None:
    bundle = tmp_path / "pagefind"
    shutil.copytree(written / "pagefind", bundle)
    plan = pagefind_pieces._Plan([], [], {"index/en_aaaaaaa.pf_index"}, "en")
    content = b"piece"
    digest = hashlib.sha256(content).hexdigest()
    plan.given.add(f"en_{digest[:7]}")  # a piece written before took the short name
    assert plan._write(bundle, "index/{}.pf_index", content, 7) == f"en_{digest[:8]}"
    assert plan._write(bundle, "index/{}.pf_index", b"other", 7) == f"en_{hashlib.sha256(b'other').hexdigest()[:7]}"
    old = f"index/en_{hashlib.sha256(b'third').hexdigest()[:7]}.pf_index"
    (bundle / old).write_bytes(b"an old piece")
    plan.old_files.add(old)
    assert plan._write(bundle, "index/{}.pf_index", b"third", 7) == f"en_{hashlib.sha256(b'third').hexdigest()[:8]}"
    (bundle / old).write_bytes(b"fourth")
    kept = f"index/en_{hashlib.sha256(b'fourth').hexdigest()[:7]}.pf_index"
    (bundle / kept).write_bytes(b"fourth")
    plan.old_files.add(kept)
    assert plan._write(bundle, "index/{}.pf_index", b"fourth", 7) == f"en_{hashlib.sha256(b'fourth').hexdigest()[:7]}"
    assert kept not in plan.old_files  # an old file of the same content is kept, not removed


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
    assert recut(cut_site / "pagefind", size=120, keep=None)
    assert len(_pieces(cut_site / "pagefind")) >= 5 > len(_pieces(indexed / "pagefind"))
    own, cut_answers = _answers(browser, indexed), _answers(browser, cut_site)
    whole = [i for i, query in enumerate(QUERIES) if query in WORDS or " " in query]
    assert [own[i] for i in whole] == [cut_answers[i] for i in whole]
    assert all(own[i] for i in whole if QUERIES[i] != "nothing-like-this")


def test_the_thinned_index_finds_the_pages_pagefinds_own_finds(browser: Any, indexed: Path, tmp_path: Path) -> None:
    cut_site = tmp_path / "cut"
    shutil.copytree(indexed, cut_site)
    assert recut(cut_site / "pagefind", size=120, keep=1)
    heavy = {word[0] for _, words in _pieces(indexed / "pagefind") for word in words if _entries(word) > 120}
    assert heavy - {word[0] for _, words in _pieces(cut_site / "pagefind") for word in words if _entries(word) > 120}
    own, thin_answers = _answers(browser, indexed), _answers(browser, cut_site)
    assert [sorted(url for url, _ in answer) for answer in own] == [
        sorted(url for url, _ in answer) for answer in thin_answers
    ]
    titles = [i for i, query in enumerate(QUERIES) if query in {title for title, _ in _pages().values()}]
    assert titles and all(own[i][0][0] == thin_answers[i][0][0] for i in titles)
