"""Horizontal bar charts as inline SVG (no library, no script: a report opens offline).

Written by hand: a bar per category is a few rectangles and labels, and a plotting library
(matplotlib, plotly) would add a heavy dependency or a script to a page that needs neither.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from cleaners.report.markup import attrs, esc, shorten

ROW = 22  # px per bar
LABEL_W = 160  # px for the category names
BAR_W = 260  # px for the longest bar
COUNT_W = 60  # px for the figure after a bar
LABEL_CHARS = 26


@dataclass(frozen=True, slots=True)
class Bar:
    label: str
    count: int
    colour: str  # one of `palette`'s constants, never data


def bar_chart(title: str, bars: list[Bar], *, chart_id: str) -> str:
    """A figure with `title` as caption and one bar per item, longest first as given."""
    if not bars:
        return (
            f'<figure class="chart"{attrs(id=chart_id)}><figcaption>{esc(title)}</figcaption>'
            '<p class="empty">none</p></figure>'
        )
    top = max(bar.count for bar in bars) or 1
    width = LABEL_W + BAR_W + COUNT_W
    height = ROW * len(bars) + 4
    rows = []
    for i, bar in enumerate(bars):
        y = 2 + i * ROW
        length = max(1, round(BAR_W * bar.count / top)) if bar.count else 0
        rows.append(
            f'<g class="bar"{attrs(data_label=bar.label, data_count=bar.count)}>'
            f"<title>{esc(bar.label)}: {bar.count}</title>"
            f'<text x="{LABEL_W - 6}" y="{y + 15}" text-anchor="end">'
            f"{esc(shorten(bar.label, LABEL_CHARS))}</text>"
            f'<rect x="{LABEL_W}" y="{y + 3}" width="{length}" height="{ROW - 6}" rx="2"'
            f"{attrs(fill=bar.colour)}/>"
            f'<text x="{LABEL_W + length + 5}" y="{y + 15}">{bar.count}</text></g>'
        )
    return (
        f'<figure class="chart"{attrs(id=chart_id)}><figcaption>{esc(title)}</figcaption>'
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}"'
        f' viewBox="0 0 {width} {height}" role="img"{attrs(aria_label=title)}>'
        + "".join(rows)
        + "</svg></figure>"
    )


def top_bars(counts: dict[str, int], colour_of: Callable[[str], str], limit: int = 15) -> list[Bar]:
    """Bars for the `limit` largest counts, the rest summed into one "others" bar."""
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    bars = [Bar(label, count, colour_of(label)) for label, count in ranked[:limit]]
    rest = sum(count for _, count in ranked[limit:])
    if rest:
        bars.append(Bar(f"{len(ranked) - limit} others", rest, colour_of("")))
    return bars
