"""Benchmark `roledex check` against merely reading and parsing the same YAML.

    python scripts/bench_check.py --postings 5000

Generates a knowledge base in a temporary folder, then times, in turns round after round:
  baseline: read every file and parse its front matter with PyYAML's fastest safe loader, in
            this process (no start-up, no checks: the parser's floor);
  check:    the `roledex check` command, as a user runs it (a new process each time, Python's
            start and roledex's imports included).
Prints the best of each and the median of the rounds' ratios with their range.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_common import machine, ratio  # noqa: E402
from generate_kb import generate  # noqa: E402

Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def baseline(docs: Path) -> float:
    """Seconds to read every file and parse its front matter, in this process."""
    start = time.perf_counter()
    for path in sorted(docs.rglob("*.md")):
        text = path.read_text(encoding="utf-8")
        _, front, _ = text.split("---\n", 2)
        yaml.load(front, Loader=Loader)
    return time.perf_counter() - start


def check(docs: Path) -> float:
    """Wall-clock seconds of `roledex check DOCS`, process start included."""
    start = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "roledex.cli.main", "check", str(docs)], capture_output=True)
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        raise SystemExit(f"roledex check failed:\n{result.stdout.decode()[:2000]}")
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--postings", type=int, default=5000)
    parser.add_argument("--companies", type=int, default=500)
    parser.add_argument("--rounds", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        docs = generate(Path(folder) / "kb", args.postings, args.companies)
        check(docs)  # the operating system's file cache warmed for both alike
        bases, checks = [], []
        for _ in range(args.rounds):
            bases.append(baseline(docs))
            checks.append(check(docs))
    files = args.postings + args.companies
    print(f"{machine()}; {args.rounds} rounds")
    print(f"files: {files} ({args.postings} postings, {args.companies} companies)")
    print(f"read + parse YAML: {min(bases):.2f} s at best")
    print(
        f"roledex check:     {min(checks):.2f} s at best; {ratio([c / b for c, b in zip(checks, bases, strict=True)])}"
    )


if __name__ == "__main__":
    main()
