"""Pieces both views share: the record's fields table, a legend, a list of blocks."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from cleaners.report import palette
from cleaners.report.markup import attrs, esc

# Shown in the blocks below the table, not in it.
_NOT_IN_TABLE = ("text", "removed")


@dataclass(frozen=True, slots=True)
class BlockView:
    """One block as the report shows it.

    `kind`: "title", "subtitle" (moved into fields), "kept" (body), "removed" (with `reason`
    and `rule`), or "outside" (page text outside the extracted article: template, dropped
    without a removal entry)."""

    index: int | None
    kind: str
    text: str
    reason: str | None = None
    rule: str | None = None


def fields_table(record: Mapping[str, Any]) -> str:
    """The record's fields, in the record's order, as text (a URL is not made a link)."""
    rows = []
    for key, value in record.items():
        if key in _NOT_IN_TABLE:
            continue
        if isinstance(value, list):
            shown = ", ".join(str(v) for v in value) if value else "—"
        else:
            shown = "—" if value is None or value == "" else str(value)
        css = "status-rejected" if key == "status" and value == "rejected" else None
        rows.append(
            f"<div{attrs(data_field=key)}><dt>{esc(key)}</dt>"
            f'<dd dir="auto"{attrs(class_=css)}>{esc(shown)}</dd></div>'
        )
    return f'<dl class="fields">{"".join(rows)}</dl>'


def legend(removed: Counter[str], *, kept: int = 0, outside: int = 0) -> str:
    """Swatches for each removal reason with its block count (most first), then kept text."""
    items = [
        f'<span class="item"{attrs(data_reason=reason, data_count=count)}>'
        f'<span class="swatch"{attrs(style=_colour_style(reason))}></span>{esc(reason)}'
        f'<span class="count">{count}</span></span>'
        for reason, count in sorted(removed.items(), key=lambda kv: (-kv[1], kv[0]))
    ]
    if kept:
        items.append(
            f'<span class="item" data-reason="kept"{attrs(data_count=kept)}>'
            f'<span class="swatch" style="--c:{palette.KEPT}"></span>kept'
            f'<span class="count">{kept}</span></span>'
        )
    if outside:
        items.append(
            f'<span class="item" data-reason="outside"{attrs(data_count=outside)}>'
            f'<span class="swatch" style="--c:{palette.OUTSIDE}"></span>outside the article'
            f'<span class="count">{outside}</span></span>'
        )
    if not items:
        return '<div class="legend"><span class="item">no blocks</span></div>'
    return f'<div class="legend">{"".join(items)}</div>'


def block_list(blocks: Iterable[BlockView]) -> str:
    """Blocks in the given order: kept text plain, removed text struck through in its colour."""
    items = []
    for block in blocks:
        number = f'<span class="n">{block.index}</span>' if block.index is not None else ""
        if block.kind == "removed":
            reason = block.reason or "?"
            why = f"{reason} · {block.rule}" if block.rule else reason
            items.append(
                f'<li class="removed" dir="auto"'
                f"{attrs(data_reason=reason, style=_colour_style(reason))}>"
                f"{number}<del>{esc(block.text)}</del>"
                f'<span class="why">{esc(why)}</span></li>'
            )
        else:
            text = f'<span class="t">{esc(block.text)}</span>'
            items.append(f'<li{attrs(class_=block.kind)} dir="auto">{number}{text}</li>')
    return f'<ol class="blocks">{"".join(items)}</ol>'


def _colour_style(reason: str) -> str:
    # The value is one of palette's constants: nothing of `reason` reaches the CSS.
    return f"--c:{palette.colour(reason)}"
