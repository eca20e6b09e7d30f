"""Score the importer on real public postings it was never tuned on, field by field.

    python scripts/real_postings.py fetch            # fill .cache/real-postings/ (network)
    python scripts/real_postings.py score [--part tuning|held-out|all] [--misses]

`tests/data/real-postings.json` lists each posting's address, language, part, round of
collection (`--round N` scores one: the newest round was read by rules never shown it) and the
fields a careful reader takes from it (a field left out of `expected` is not scored: the posting is
ambiguous there). The texts are not kept in the repository (they are other people's words);
`fetch` reads each address again: a GitHub issue as its title line and body through the public
API, any other address as the page. The part is fixed by a hash of the posting's id, so no one
chooses which postings are held out; rules are adjusted against the tuning part only.

Eight fields are scored: company, title, places, work mode, and pay's minimum, maximum,
currency and period. A field is right when it matches, empty when the importer left it empty
(the user fills it in), wrong otherwise (the user must notice and correct it).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from collections import Counter
from pathlib import Path
from typing import Any

from roledex.importer.repair import UnreadableInput
from roledex.importer.run import read_posting

ROOT = Path(__file__).resolve().parents[1]
INDEX = ROOT / "tests" / "data" / "real-postings.json"
CACHE = ROOT / ".cache" / "real-postings"
FIELDS = ("company", "title", "locations", "work_mode", "min", "max", "currency", "period")


def _plain(value: object) -> str:
    """A value to compare: its case, accents and punctuation set aside ('Jundiaí' is 'Jundiai')."""
    text = unicodedata.normalize("NFKD", unicodedata.normalize("NFKC", str(value))).casefold()
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return re.sub(r"[\W_]+", " ", text).strip()


def _same_places(got: list[str], expected: list[str]) -> bool:
    """Each expected place is named by one place found (its first part is enough: 'Berlin' is
    'Berlin, Germany'), and nothing else was found."""
    if len(got) != len(expected):
        return False
    return all(any(_plain(g).startswith(_plain(e.split(",")[0])) for g in got) for e in expected)


def _matches(key: str, got: Any, expected: Any) -> bool:
    if key == "locations":
        return _same_places(list(got or []), list(expected))
    if isinstance(expected, list):
        return any(_matches(key, got, one) for one in expected)
    if isinstance(expected, (int, float)) and isinstance(got, (int, float)):
        return abs(float(got) - float(expected)) < 0.5
    return _plain(got) == _plain(expected) if got is not None and expected is not None else got == expected


def _is_empty(value: object) -> bool:
    return value is None or value == [] or value == ""


def _found(text: bytes) -> dict[str, Any]:
    extraction = read_posting(text)
    found = extraction.as_json()
    salary = found.get("salary") or {}
    left_out = {key: (c.value, c.source) for key, c in extraction.left_out.items()}
    return {
        "sources": found.get("sources") or {},
        "left_out": left_out,
        "company": found.get("company_name"),
        "title": found.get("title"),
        "locations": found.get("locations") or [],
        "work_mode": found.get("work_mode"),
        **{key: salary.get(key) for key in ("min", "max", "currency", "period")},
    }


def _expected(posting: dict[str, Any]) -> dict[str, Any]:
    expected = dict(posting["expected"])
    if "salary" in expected:
        salary = expected.pop("salary")
        if salary is None:  # the posting states no pay: each of the four should be empty
            salary = dict.fromkeys(("min", "max", "currency", "period"))
        expected.update(salary)  # a key left out of a stated salary is not scored
    return expected


def score(part: str, show_misses: bool, collected: int | None = None) -> Counter[str]:
    postings = json.loads(INDEX.read_text(encoding="utf-8"))["postings"]
    counts: Counter[str] = Counter()
    for posting in postings:
        if part != "all" and posting["part"] != part:
            continue
        if collected is not None and posting.get("round") != collected:
            continue
        counts["postings"] += 1
        cached = CACHE / f"{posting['id']}.txt"
        if not cached.exists():
            counts["missing"] += 1
            continue
        expected = _expected(posting)
        try:
            got = _found(cached.read_bytes())
        except UnreadableInput:
            got = {}
            counts["crash"] += 1
        for key in FIELDS:
            if key not in expected:
                continue
            verdict = (
                "right"
                if _matches(key, got.get(key), expected[key])
                else "empty"
                if _is_empty(got.get(key))
                else "wrong"
            )
            counts[verdict] += 1
            counts[f"{verdict}:{key}"] += 1
            source = got.get("sources", {}).get(key)
            if source:
                counts[f"source:{key}:{source}:{verdict}"] += 1
            if key in got.get("left_out", {}):
                value, seen_in = got["left_out"][key]
                would = "right" if _matches(key, value, expected[key]) else "wrong"
                counts[f"source:{key}:{seen_in} (left out):{would}"] += 1
            if show_misses and verdict != "right":
                print(f"{posting['id']}: {key}: {verdict}: got {got.get(key)!r}, expected {expected[key]!r}")
    return counts


def fetch() -> int:
    import httpx

    postings = json.loads(INDEX.read_text(encoding="utf-8"))["postings"]
    CACHE.mkdir(parents=True, exist_ok=True)
    with httpx.Client(timeout=20, follow_redirects=True) as client:
        for posting in postings:
            address = posting["address"]
            issue = re.match(r"https://github\.com/([^/]+/[^/]+)/issues/(\d+)$", address)
            if issue:
                reply = client.get(f"https://api.github.com/repos/{issue[1]}/issues/{issue[2]}")
                if reply.status_code != 200:
                    print(f"{posting['id']}: {reply.status_code}", file=sys.stderr)
                    continue
                data = reply.json()
                text = f"{data['title']}\n\n{data.get('body') or ''}"
            else:
                reply = client.get(address)
                text = reply.text
            (CACHE / f"{posting['id']}.txt").write_text(text.strip() + "\n", encoding="utf-8")
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("command", choices=("fetch", "score"))
    parser.add_argument("--part", choices=("tuning", "held-out", "all"), default="tuning")
    parser.add_argument("--misses", action="store_true", help="print every field not right")
    parser.add_argument(
        "--sources", action="store_true", help="per field, how often each reader's value was right or wrong"
    )
    parser.add_argument("--round", type=int, help="only the postings of this round of collection (1, 2...)")
    args = parser.parse_args()
    if args.command == "fetch":
        return fetch()
    counts = score(args.part, args.misses, args.round)
    total = counts["right"] + counts["empty"] + counts["wrong"] or 1
    print(
        f"{args.part}: {counts['postings']} postings, {total} fields: {counts['right'] / total:.1%} right, "
        f"{counts['wrong'] / total:.1%} wrong, "
        f"{counts['empty'] / total:.1%} empty; {counts['crash']} unreadable, {counts['missing']} not fetched"
    )
    for key in FIELDS:
        n = counts[f"right:{key}"] + counts[f"empty:{key}"] + counts[f"wrong:{key}"]
        if n:
            print(f"  {key:<10} {counts[f'right:{key}'] / n:>6.0%} right of {n}, {counts[f'wrong:{key}']} wrong")
    if args.sources:
        _print_sources(counts)
    return 0


def _print_sources(counts: Counter[str]) -> None:
    """Right and wrong by the reader whose value was taken (or seen and left out): how the
    scoring table's trust is set, on the tuning part only."""
    rows: dict[tuple[str, str], Counter[str]] = {}
    for name, n in counts.items():
        if name.startswith("source:"):
            _, key, source, verdict = name.split(":")
            rows.setdefault((key, source), Counter())[verdict] += n
    for (key, source), row in sorted(rows.items()):
        print(f"  {key:<10} {source:<28} {row['right']:>4} right {row['wrong']:>4} wrong")


if __name__ == "__main__":
    sys.exit(main())
