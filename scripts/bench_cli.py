"""Benchmark how fast the command line starts, against Python's own start.

    python scripts/bench_cli.py --rounds 9

Times, in turns round after round (so that the machine's drift reaches all alike), a new
process each time: `python -c pass`, `roledex --version` and `roledex --help`, the installed
console script beside this Python (not a shell shim, which adds its own start). Prints each
one's median and the median of the rounds' differences to `python -c pass`, with their range.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_common import machine  # noqa: E402

SCRIPT = Path(sys.executable).parent / "roledex"


def seconds(command: list[str], runs: int) -> float:
    """The fastest of `runs` runs of `command` (a start's noise is all upward)."""
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
        best = min(best, time.perf_counter() - start)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rounds", type=int, default=9)
    parser.add_argument("--runs", type=int, default=5, help="runs of each command in a round; its best counts")
    args = parser.parse_args()
    if not SCRIPT.exists():
        raise SystemExit(f"no console script at {SCRIPT}: pip install -e . first")
    commands = {
        "python -c pass": [sys.executable, "-c", "pass"],
        "roledex --version": [str(SCRIPT), "--version"],
        "roledex --help": [str(SCRIPT), "--help"],
    }
    times: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(args.rounds):
        for name, command in commands.items():
            times[name].append(seconds(command, args.runs))
    print(f"{machine()}; {args.rounds} rounds")
    for name, found in times.items():
        print(f"{name:20} median {statistics.median(found) * 1000:6.1f} ms")
    for name in list(commands)[1:]:
        over = [mine - bare for mine, bare in zip(times[name], times["python -c pass"], strict=True)]
        print(
            f"{name} over python -c pass: {statistics.median(over) * 1000:.1f} ms "
            f"[{min(over) * 1000:.1f} to {max(over) * 1000:.1f}]"
        )


if __name__ == "__main__":
    main()
