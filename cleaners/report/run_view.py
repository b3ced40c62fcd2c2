"""A whole run in the report: counts by reason, site and language as charts, the documents with
the most removed text, and a view of each of those.

Built from the written records (JSONL or Parquet, articles and rejects), one at a time: memory
holds the counters and the `top` records only, whatever the run's size.
"""

from __future__ import annotations

import heapq
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from cleaners.report import palette
from cleaners.report.charts import bar_chart, top_bars
from cleaners.report.markup import attrs, document, esc, shorten
from cleaners.report.parts import BlockView, block_list, fields_table, legend

NONE_LABEL = "(none)"


@dataclass
class RunStats:
    """Counters over a run's records, and the `top` records with the most removed text."""

    top: int = 50
    inputs: list[str] = field(default_factory=list)
    records: int = 0
    ok: int = 0
    rejected: int = 0
    bad_lines: int = 0  # lines that were no record (reported on stderr by the command)
    kept_chars: int = 0
    removed_blocks: Counter[str] = field(default_factory=Counter)
    removed_chars: Counter[str] = field(default_factory=Counter)
    rejects: Counter[str] = field(default_factory=Counter)
    sites: Counter[str] = field(default_factory=Counter)
    languages: Counter[str] = field(default_factory=Counter)
    # min-heap of (removed characters, -position, position, record): the `top` largest stay
    _heap: list[tuple[int, int, int, dict[str, Any]]] = field(default_factory=list)

    def add(self, record: Mapping[str, Any]) -> None:
        position = self.records
        self.records += 1
        self.sites[record.get("site") or NONE_LABEL] += 1
        if record.get("status") == "rejected":
            self.rejected += 1
            self.rejects[record.get("reject_reason") or NONE_LABEL] += 1
            return
        self.ok += 1
        self.languages[record.get("language") or NONE_LABEL] += 1
        self.kept_chars += len(record.get("text") or "")
        removed_chars = 0
        for removal in record.get("removed") or ():
            reason = str(removal.get("reason") or NONE_LABEL)
            size = len(removal.get("text") or "")
            self.removed_blocks[reason] += 1
            self.removed_chars[reason] += size
            removed_chars += size
        if self.top <= 0 or removed_chars == 0:
            return
        entry = (removed_chars, -position, position, dict(record))
        if len(self._heap) < self.top:
            heapq.heappush(self._heap, entry)
        elif entry[:2] > self._heap[0][:2]:
            heapq.heapreplace(self._heap, entry)

    def most_removed(self) -> list[tuple[int, int, dict[str, Any]]]:
        """(removed characters, position in the run, record), most removed first."""
        ranked = sorted(self._heap, key=lambda e: (-e[0], e[2]))
        return [(chars, position, record) for chars, _, position, record in ranked]


def render_run(stats: RunStats, title: str) -> str:
    """The complete report page of a run."""
    removed_total = sum(stats.removed_chars.values())
    share = removed_total / (removed_total + stats.kept_chars) if removed_total else 0.0
    cards = "".join(
        f'<div class="card"{attrs(data_card=key)}><span class="n">{value}</span>'
        f'<span class="k">{esc(label)}</span></div>'
        for key, value, label in (
            ("records", stats.records, "records"),
            ("ok", stats.ok, "articles"),
            ("rejected", stats.rejected, "rejected"),
            ("removed_blocks", sum(stats.removed_blocks.values()), "removed blocks"),
            ("removed_chars", removed_total, "removed characters"),
            ("removed_share", f"{share:.1%}", "of the text removed"),
        )
    )
    chart_specs = (
        ("chart-reasons", "Removed blocks by reason", stats.removed_blocks, palette.colour, 25),
        (
            "chart-reason-chars",
            "Removed characters by reason",
            stats.removed_chars,
            palette.colour,
            25,
        ),
        ("chart-rejects", "Rejected records by reason", stats.rejects, palette.colour, 15),
        ("chart-sites", "Records by site", stats.sites, _neutral, 15),
        ("chart-languages", "Articles by language", stats.languages, _neutral, 15),
    )
    charts = "".join(
        bar_chart(title, top_bars(counts, colour_of, limit), chart_id=chart_id)
        for chart_id, title, counts, colour_of, limit in chart_specs
    )
    top = stats.most_removed()
    body = (
        f'<div class="cards">{cards}</div>'
        f"<h2>Removed blocks by reason</h2>{legend(stats.removed_blocks)}"
        f'<div class="charts">{charts}</div>'
        + (_top_table(top) if stats.top > 0 else "")
        + "".join(_record_section(record, f"doc-{position + 1}") for _, position, record in top)
    )
    inputs = ", ".join(stats.inputs)
    note = f" · {stats.bad_lines} unreadable lines skipped" if stats.bad_lines else ""
    header = (
        '<header class="top" id="top"><h1>newsclean report</h1>'
        f"<p>{esc(shorten(inputs, 300))} · {stats.records} records{esc(note)}</p></header>"
    )
    return document(f"newsclean report: {title}", f"{header}<main>{body}</main>")


def _neutral(label: str) -> str:
    return palette.OTHER if label == NONE_LABEL else palette.COLOURS[0]


def _top_table(top: list[tuple[int, int, dict[str, Any]]]) -> str:
    if not top:
        return (
            '<h2>Documents with the most removed text</h2><p class="note">No text was removed.</p>'
        )
    rows = "".join(
        f'<tr><td class="num">{rank}</td>'
        f'<td dir="auto"><a href="#doc-{position + 1}">{esc(shorten(_name(record), 90))}</a></td>'
        f"<td>{esc(record.get('site') or '—')}</td><td>{esc(record.get('language') or '—')}</td>"
        f'<td class="num">{len(record.get("removed") or ())}</td>'
        f'<td class="num">{chars}</td><td class="num">{len(record.get("text") or "")}</td></tr>'
        for rank, (chars, position, record) in enumerate(top, 1)
    )
    return (
        f"<h2>Documents with the most removed text (top {len(top)})</h2>"
        '<table class="top"><tr><th class="num">#</th><th>document</th><th>site</th>'
        '<th>language</th><th class="num">removed blocks</th><th class="num">removed chars</th>'
        f'<th class="num">kept chars</th></tr>{rows}</table>'
    )


def _name(record: Mapping[str, Any]) -> str:
    return str(record.get("title") or record.get("url") or record.get("source") or "(untitled)")


def _removal_view(removal: Mapping[str, Any]) -> BlockView:
    reason = str(removal.get("reason") or NONE_LABEL)
    rule = str(removal["rule"]) if removal.get("rule") else None
    return BlockView(None, "removed", str(removal.get("text") or ""), reason, rule)


def _record_section(record: Mapping[str, Any], anchor: str) -> str:
    """A document from its record: the record keeps removals in page order and the kept text,
    not how the two interleave (`newsclean explain FILE --html` shows that)."""
    removed = [_removal_view(r) for r in record.get("removed") or ()]
    paragraphs = [p for p in str(record.get("text") or "").split("\n\n") if p]
    kept = [BlockView(None, "kept", p) for p in paragraphs]
    reasons = Counter(b.reason or NONE_LABEL for b in removed)
    return (
        f'<section class="doc" id="{esc(anchor)}">'
        f'<h2 dir="auto">{esc(shorten(_name(record), 160))}</h2>'
        f"{fields_table(record)}{legend(reasons, kept=len(kept))}"
        f"<h3>Removed, in page order</h3>{block_list(removed)}"
        f"<details><summary>Kept text: {len(kept)} paragraphs</summary>{block_list(kept)}</details>"
        '<p class="note"><a href="#top">back to the top</a></p></section>'
    )
