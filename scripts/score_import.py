"""Score the importer field by field on pairs of raw postings and expected fields.

    python scripts/score_import.py [FOLDER]      (default: tests/data/import)

Each NAME.txt is a raw posting and NAME.json the fields it should give (any of company,
title, locations, work_mode, salary, url, ...). A field is right when it equals the expected
value, empty when the importer left it empty, wrong otherwise: a wrong value is worse than
an empty one, so the three are counted apart.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

from roledex.importer.repair import UnreadableInput
from roledex.importer.run import read_posting
from roledex.importer.write import company_slug_for
from roledex.kb.model import KnowledgeBase

ROOT = Path(__file__).resolve().parents[1]


def _verdict(got: object, expected: object) -> str:
    if got == expected:
        return "right"
    if got in (None, [], "") or (isinstance(got, dict) and all(v is None for v in got.values())):
        return "empty"
    return "wrong"


def score(folder: Path) -> Counter[str]:
    """Counts of right, empty and wrong fields over every pair in `folder`, printing the misses."""
    counts: Counter[str] = Counter()
    for raw in sorted(folder.glob("*.txt")):
        expected = json.loads(raw.with_suffix(".json").read_text(encoding="utf-8"))
        try:
            found = read_posting(raw.read_bytes())
        except UnreadableInput as problem:
            print(f"{raw.name}: unreadable: {problem}")
            counts["wrong"] += len(expected)
            continue
        slug = company_slug_for(found.company, KnowledgeBase())[0] if found.company else None
        got = found.as_json(slug)
        for key, value in expected.items():
            actual = got.get(key)
            if key == "salary" and isinstance(actual, dict) and isinstance(value, dict):
                actual = {k: actual.get(k) for k in value}
            verdict = _verdict(actual, value)
            counts[verdict] += 1
            if verdict != "right":
                print(f"{raw.name}: {key}: {verdict}: got {actual!r}, expected {value!r}")
    return counts


def main() -> None:
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "tests" / "data" / "import"
    counts = score(folder)
    total = sum(counts.values()) or 1
    print(
        f"{total} fields: {counts['right'] / total:.0%} right, {counts['empty'] / total:.0%} empty, "
        f"{counts['wrong'] / total:.0%} wrong"
    )


if __name__ == "__main__":
    main()
