"""Salary range charts drawn in HTML and CSS: offline, printable, readable on a phone.

Each range is a row: its label, then a track the width of the column with the bar from low to
high and a tick at the middle value; a shared axis below has round ticks with light grid
lines. Labels are text, so they wrap instead of being cut, and on a narrow screen the stylesheet
puts each label above its bar, so the bars keep the whole width.
"""

from __future__ import annotations

import html
import math
from collections.abc import Sequence
from dataclasses import dataclass

from roledex.web.common import SEARCH_EXCLUDE_ATTRIBUTE, money

TICKS = 5
"""About this many ticks on the axis, at round values."""
NICE_STEPS = (1.0, 2.0, 2.5, 5.0, 10.0)


@dataclass(frozen=True)
class Bar:
    """One labelled range: low to high, with a tick at the middle value."""

    label: str
    low: float
    high: float
    mid: float


def nice_ticks(lowest: float, highest: float, count: int = TICKS) -> list[float]:
    """Round values from at or below `lowest` to at or above `highest`, about `count` of them."""
    if highest <= lowest:
        highest = lowest + 1
    raw = (highest - lowest) / max(count - 1, 1)
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(s * magnitude for s in NICE_STEPS if s * magnitude >= raw)
    first = math.floor(lowest / step) * step
    last = math.ceil(highest / step) * step
    return [first + i * step for i in range(round((last - first) / step) + 1)]


def short_money(value: float, currency: str) -> str:
    """An axis label: $150k for whole thousands, else as `money` writes it."""
    if value >= 1000 and value % 1000 == 0:
        return money(value / 1000, currency) + "k"
    return money(value, currency)


def _percent(value: float, first: float, last: float) -> float:
    return (value - first) / ((last - first) or 1.0) * 100


def _row(bar: Bar, first: float, last: float, currency: str) -> str:
    left, right, mid = (_percent(v, first, last) for v in (bar.low, bar.high, bar.mid))
    tip = html.escape(f"{bar.label}: {money(bar.low, currency)} to {money(bar.high, currency)}", quote=True)
    return (
        f'<div class="rdx-chart-row" title="{tip}">'
        f'<span class="rdx-chart-label">{html.escape(bar.label)}</span>'
        f'<span class="rdx-chart-track">'
        f'<span class="rdx-chart-bar" style="left:{left:.2f}%;width:{max(right - left, 0.6):.2f}%"></span>'
        f'<span class="rdx-chart-mid" style="left:{mid:.2f}%"></span></span></div>'
    )


def range_chart(bars: Sequence[Bar], currency: str, caption: str) -> str:
    """A figure of ranges on one shared axis, with a caption that says what it shows; left out
    of the search index, as the figures are found on their own pages."""
    if not bars:
        return ""
    ticks = nice_ticks(min(b.low for b in bars), max(b.high for b in bars))
    first, last = ticks[0], ticks[-1]
    rows = "".join(_row(bar, first, last, currency) for bar in bars)
    marks = "".join(
        f'<span class="rdx-chart-tick" style="left:{_percent(t, first, last):.2f}%">'
        f"{html.escape(short_money(t, currency))}</span>"
        for t in ticks
    )
    label = html.escape(caption, quote=True)
    return (  # a block of its own, on one line, so that it is kept out of Markdown (pages.lift_html_blocks)
        f'\n<figure class="rdx-chart"{SEARCH_EXCLUDE_ATTRIBUTE} role="group" aria-label="{label}" '
        f'style="--rdx-grid:{100 / max(len(ticks) - 1, 1):.4f}%">'
        f"{rows}"
        f'<div class="rdx-chart-row rdx-chart-axis" aria-hidden="true"><span class="rdx-chart-label"></span>'
        f'<span class="rdx-chart-track">{marks}</span></div>'
        f"<figcaption>{html.escape(caption)}</figcaption></figure>\n\n"
    )
