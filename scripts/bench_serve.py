"""Benchmark the editing loop: `mkdocs serve` on a generated knowledge base, a posting's salary
saved, and the time until the new figure is on `/salaries/`.

    python scripts/bench_serve.py --postings 300 --companies 30
    python scripts/bench_serve.py --postings 1000 --companies 100

Reports the time to the first page (start to a served `/salaries/`), then for each of a few
edits the time from the save to the page holding the new figure (what a user waits for) and,
of that, the rebuild as MkDocs logs it (the rest is noticing the save and serving the page),
and the server's peak memory (resident set, from /proc).
"""

from __future__ import annotations

import argparse
import os
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate_kb import ROOT, generate  # noqa: E402


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _page(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:  # noqa: S310 - loopback only
            return str(response.read().decode("utf-8"))
    except OSError:
        return ""


def _wait_for(url: str, words: str, limit: float = 600) -> float:
    started = time.monotonic()
    while time.monotonic() - started < limit:
        if words in _page(url):
            return time.monotonic() - started
        time.sleep(0.05)
    raise SystemExit(f"{words!r} never appeared on {url}")


def _peak_memory_mb(pid: int) -> float:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return float("nan")
    match = re.search(r"VmHWM:\s+(\d+) kB", status)
    return int(match.group(1)) / 1024 if match else float("nan")


def _last_build_seconds(log_path: Path) -> float:
    """The time of the last build the server logged ('Documentation built in 1.23 seconds')."""
    found = re.findall(r"Documentation built in ([\d.]+) seconds", log_path.read_text(encoding="utf-8"))
    return float(found[-1]) if found else float("nan")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--postings", type=int, default=300)
    parser.add_argument("--companies", type=int, default=30)
    parser.add_argument("--edits", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder) / "kb"
        docs = generate(root, args.postings, args.companies)
        (root / "hooks").symlink_to(ROOT / "hooks")
        port = _free_port()
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
        env.pop("ROLEDEX_PRIVATE", None)
        log_path = Path(folder) / "serve.log"
        log = log_path.open("w", encoding="utf-8")
        started = time.monotonic()
        server = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
            cwd=root,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=log,
        )
        try:
            url = f"http://127.0.0.1:{port}/salaries/"
            posting = docs / "postings" / "posting-0.md"
            text = posting.read_text(encoding="utf-8")
            figure = re.search(r"min: (\d+)", text)
            assert figure is not None
            _wait_for(url, "Salaries", 1200)
            first = time.monotonic() - started
            print(f"{args.postings} postings: first page after {first:.1f} s", flush=True)
            times: list[float] = []
            builds: list[float] = []
            for edit in range(1, args.edits + 1):
                new = int(figure.group(1)) - 777 * edit  # below max, so the file stays valid
                posting.write_text(text.replace(figure.group(0), f"min: {new}"), encoding="utf-8")
                waited = _wait_for(url, f"{new:,}")
                times.append(waited)
                builds.append(_last_build_seconds(log_path))
                print(f"  edit {edit}: the new figure on /salaries/ after {waited:.2f} s (rebuild {builds[-1]:.2f} s)")
            print(
                f"  median {statistics.median_high(times):.2f} s (rebuild {statistics.median_high(builds):.2f} s);"
                f" peak memory {_peak_memory_mb(server.pid):.0f} MB"
            )
        finally:
            server.terminate()
            server.wait(timeout=30)
            log.close()


if __name__ == "__main__":
    main()
