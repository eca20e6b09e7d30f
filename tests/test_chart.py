"""The salary chart: round ticks that cover every range, labels whole, bars where they belong."""

from __future__ import annotations

import re

import pytest
from roledex.web.chart import Bar, nice_ticks, range_chart, short_money


@pytest.mark.parametrize(
    ("lowest", "highest", "ticks"),
    [
        (153000, 294000, [150000, 200000, 250000, 300000]),
        (197000, 257000, [180000, 200000, 220000, 240000, 260000]),
        (40, 95, [40, 60, 80, 100]),
        (100, 100, [100.0, 100.25, 100.5, 100.75, 101.0]),
        (0, 1_000_000, [0, 250000, 500000, 750000, 1_000_000]),
    ],
)
def test_ticks_are_round_and_cover_the_ranges(lowest: float, highest: float, ticks: list[float]) -> None:
    found = nice_ticks(lowest, highest)
    assert found == pytest.approx(ticks)
    assert found[0] <= lowest and found[-1] >= highest


@pytest.mark.parametrize(
    ("value", "currency", "shown"), [(150000, "USD", "$150k"), (150500, "USD", "$150,500"), (900, "EUR", "€900")]
)
def test_axis_labels_are_short(value: float, currency: str, shown: str) -> None:
    assert short_money(value, currency) == shown


def test_each_bar_spans_its_range_on_the_shared_axis() -> None:
    bars = [Bar("A <b>", 150000, 200000, 175000), Bar("B", 250000, 300000, 275000)]
    html = range_chart(bars, "USD", "Ranges & more")
    assert "A &lt;b&gt;" in html and "<b>" not in html  # labels escaped
    spans = re.findall(r'class="rdx-chart-bar" style="left:([\d.]+)%;width:([\d.]+)%"', html)
    assert [(float(a), float(b)) for a, b in spans] == [(0.0, 33.33), (66.67, 33.33)]
    assert 'aria-label="Ranges &amp; more"' in html and "<figcaption>Ranges &amp; more</figcaption>" in html
    assert "\n\n" not in html.strip()  # one block, kept out of Markdown by the lifter
    assert range_chart([], "USD", "x") == ""
