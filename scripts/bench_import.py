"""Benchmark `roledex import` on many pastes at once.

    python scripts/bench_import.py --pastes 200

Copies the golden pastes of tests/data/import (text, Markdown, HTML from many boards) until
there are --pastes of them, each made unique so none is refused as a duplicate, then times
one `roledex import FOLDER` in a new process, as a user runs it, writing into an empty
knowledge base in a temporary folder.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PASTES = ROOT / "tests" / "data" / "import"


def stage(folder: Path, count: int) -> None:
    """`count` pastes in `folder`, cycling through the golden ones."""
    sources = sorted(PASTES.glob("*.txt"))
    folder.mkdir(parents=True)
    for index in range(count):
        source = sources[index % len(sources)]
        text = source.read_text(encoding="utf-8")
        (folder / f"{index:04d}-{source.name}").write_text(f"{text}\n\nReference {index}.\n", encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pastes", type=int, default=200)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as temp:
        root = Path(temp)
        stage(root / "pastes", args.pastes)
        docs = root / "docs"
        for folder in ("companies", "postings", "prep", "applications"):
            (docs / folder).mkdir(parents=True)
        roledex = shutil.which("roledex", path=str(Path(sys.executable).parent)) or "roledex"
        started = time.perf_counter()
        result = subprocess.run(
            [roledex, "import", str(root / "pastes"), "--docs", str(docs), "--force"],
            capture_output=True,
            text=True,
            check=False,
        )
        seconds = time.perf_counter() - started
        written = len(list((docs / "postings").glob("*.md")))
    summary = result.stderr.strip().splitlines()[-1] if result.stderr.strip() else ""
    print(
        f"{args.pastes} pastes: {seconds:.2f} s ({seconds / args.pastes * 1000:.1f} ms each); "
        f"{written} distinct posting files (a paste of the same posting again rewrites its file, --force)"
    )
    print(summary)
    return 0


if __name__ == "__main__":
    sys.exit(main())
