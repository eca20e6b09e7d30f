"""What every benchmark says the same way: the machine it ran on, and a ratio as the median of
the rounds' own ratios with their range (a shared machine's speed drifts within minutes, so
only things timed side by side, round after round, are compared)."""

from __future__ import annotations

import os
import platform
import statistics
from collections.abc import Sequence


def machine() -> str:
    """The processor, its cores and the Python: enough to say which machine a figure is from."""
    model = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as cpuinfo:
            model = next(line.split(":", 1)[1].strip() for line in cpuinfo if line.startswith("model name"))
    except (OSError, StopIteration):
        pass
    return f"{model}, {os.cpu_count()} cores, {platform.system()}, Python {platform.python_version()}"


def median_and_range(values: Sequence[float], unit: str, digits: int) -> str:
    """'1.52x [1.41-1.66]', '302 KiB [189-403]': the median of `values` and their range."""
    return f"{statistics.median(values):.{digits}f}{unit} [{min(values):.{digits}f}-{max(values):.{digits}f}]"


def ratio(rounds: Sequence[float]) -> str:
    """'1.52x [1.41-1.66]': the median of the rounds' ratios and their range."""
    return median_and_range(rounds, "x", 2)
