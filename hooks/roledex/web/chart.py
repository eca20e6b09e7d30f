"""Salary range charts drawn as inline SVG: offline, printable, with a text alternative."""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass

from roledex.web.common import SEARCH_EXCLUDE_ATTRIBUTE, money

ROW_HEIGHT = 26
LABEL_WIDTH = 320
PLOT_WIDTH = 420
PAD = 8


@dataclass(frozen=True)
class Bar:
    """One labelled range: low to high, with a tick at the middle value."""

    label: str
    low: float
    high: float
    mid: float


def _x(value: float, lowest: float, highest: float) -> float:
    span = (highest - lowest) or 1.0
    return LABEL_WIDTH + PAD + (value - lowest) / span * (PLOT_WIDTH - 2 * PAD)


def _row(index: int, bar: Bar, lowest: float, highest: float, currency: str) -> str:
    y = PAD + index * ROW_HEIGHT
    x1, x2, xm = (_x(v, lowest, highest) for v in (bar.low, bar.high, bar.mid))
    label = html.escape(bar.label if len(bar.label) <= 46 else bar.label[:45] + "…")
    tip = html.escape(f"{bar.label}: {money(bar.low, currency)} to {money(bar.high, currency)}")
    return (
        f"<g><title>{tip}</title>"
        f'<text x="{LABEL_WIDTH - 4}" y="{y + 17}" text-anchor="end" class="rdx-chart-label">{label}</text>'
        f'<rect x="{x1:.1f}" y="{y + 6}" width="{max(x2 - x1, 3):.1f}" height="14" rx="3" class="rdx-chart-bar"/>'
        f'<rect x="{xm - 1.5:.1f}" y="{y + 3}" width="3" height="20" class="rdx-chart-mid"/></g>'
    )


def range_chart(bars: Sequence[Bar], currency: str, caption: str) -> str:
    """An SVG figure of ranges on one shared axis, with a caption that says what it shows; left
    out of the search index, as the figures are found on their own pages."""
    if not bars:
        return ""
    lowest = min(b.low for b in bars)
    highest = max(b.high for b in bars)
    height = 2 * PAD + len(bars) * ROW_HEIGHT + 20
    width = LABEL_WIDTH + PLOT_WIDTH
    axis_y = height - 14
    rows = "".join(_row(i, bar, lowest, highest, currency) for i, bar in enumerate(bars))
    summary = "; ".join(f"{b.label}: {money(b.low, currency)} to {money(b.high, currency)}" for b in bars[:40])
    axis = (
        f'<text x="{LABEL_WIDTH + PAD}" y="{axis_y}" class="rdx-chart-axis">'
        f"{html.escape(money(lowest, currency))}</text>"
        f'<text x="{width - PAD}" y="{axis_y}" text-anchor="end" class="rdx-chart-axis">'
        f"{html.escape(money(highest, currency))}</text>"
    )
    return (  # a block of its own, so that it is kept out of Markdown (pages.lift_html_blocks)
        f'\n<figure class="rdx-chart"{SEARCH_EXCLUDE_ATTRIBUTE}>'  # it repeats each posting's facts
        f'<svg viewBox="0 0 {width} {height}" width="100%" role="img" aria-label="{html.escape(caption)}" '
        f'xmlns="http://www.w3.org/2000/svg"><title>{html.escape(caption)}</title>'
        f"<desc>{html.escape(summary)}</desc>{rows}{axis}</svg>"
        f"<figcaption>{html.escape(caption)}</figcaption></figure>\n\n"
    )
